package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
)

// The in-flight journal (inflight.jsonl in the output directory) tells a
// run which groups were being checked when an earlier run died, so that a
// file that crashes driftcheck (out of memory, a fatal runtime error, the
// kernel's OOM killer) becomes an error of that file instead of killing
// every resume at the same group.
//
// It holds one JSON object a line, each written with one write(2) and no
// fsync: it has to survive the death of the process, not of the machine
// (after a machine crash a lost entry only means that its group is checked
// again like any other). The entries:
//
//	{"start": GROUP}                 a worker starts checking GROUP
//	{"end": SYMBOL}                  it is done (the result waits in memory for its part file)
//	{"retry": SYMBOL, "child": true} a group found in flight is checked alone (in a child process)
//	{"read": SYMBOL, "path": P}      that check is about to read file P
//	{"check": SYMBOL}                it has read the files and checks them
//	{"crash": SYMBOL, "path": P, "error": E}  the child process died reading P (no path: checking)
//	{"done": SYMBOL}                 the check alone is done
//
// After each part file the journal is rewritten with only what is still in
// flight: a start entry per group, carrying what is known of the crashes
// of a group found in flight.
type entry struct {
	Start        *jGroup     `json:"start,omitempty"`
	Crashed      []FileError `json:"crashed,omitempty"`       // with Start: files left out
	CheckCrashed string      `json:"check_crashed,omitempty"` // with Start: checking crashed
	Deaths       int         `json:"deaths,omitempty"`        // with Start: see suspect.deaths

	End   string `json:"end,omitempty"`
	Retry string `json:"retry,omitempty"`
	Child bool   `json:"child,omitempty"`
	Read  string `json:"read,omitempty"`
	Check string `json:"check,omitempty"`
	Crash string `json:"crash,omitempty"`
	Done  string `json:"done,omitempty"`
	Path  string `json:"path,omitempty"`
	Error string `json:"error,omitempty"`
}

// jGroup is a Group as the journal and the child protocol carry it: with
// the paths to open.
type jGroup struct {
	Symbol string  `json:"symbol"`
	Files  []jFile `json:"files"`
	Error  string  `json:"error,omitempty"`
}

type jFile struct {
	Path string `json:"path"`
	Abs  string `json:"abs"`
	Lang string `json:"lang,omitempty"`
	Role string `json:"role,omitempty"`
}

func toJGroup(g *Group) *jGroup {
	j := &jGroup{Symbol: g.Symbol, Error: g.Error}
	for _, f := range g.Files {
		j.Files = append(j.Files, jFile{Path: f.Path, Abs: f.Abs, Lang: f.Lang, Role: f.Role})
	}
	return j
}

func (j *jGroup) group() *Group {
	g := &Group{Symbol: j.Symbol, Error: j.Error}
	for _, f := range j.Files {
		g.Files = append(g.Files, File{Symbol: j.Symbol, Path: f.Path, Abs: f.Abs, Lang: f.Lang, Role: f.Role})
	}
	return g
}

// Messages of the errors recorded for what crashed driftcheck.
const (
	crashedFileEarlier  = "reading this file crashed driftcheck in an earlier run (out of memory or killed): left out of the check"
	crashedCheckEarlier = "checking this group crashed driftcheck in an earlier run (out of memory or killed): not checked"
	diedRepeatedly      = "driftcheck died %d times while checking this group alone (out of memory or killed): not checked"
)

// suspect is a group that was in flight when a run died: it is checked
// again alone, leaving out what is known to crash.
type suspect struct {
	g            *Group
	crashed      []FileError // files that crashed driftcheck: left out
	checkCrashed string      // checking the group crashed: not checked
	// deaths counts the runs that died while a child process was checking
	// the group alone: the parent died, not the child, so the group is not
	// known to be the cause (the machine's OOM killer, a kill from
	// outside). The second such death blames the step the child was at;
	// the third, the group.
	deaths int

	ended, done bool
	inRetry     bool // a check alone was started and has not ended
	child       bool // … in a child process
	step        *string
}

// blamed reports whether something of the group is known to crash.
func (s *suspect) blamed() bool { return len(s.crashed) > 0 || s.checkCrashed != "" }

// died settles a check alone that the death of the run interrupted.
func (s *suspect) died() {
	s.inRetry = false
	if s.child {
		s.deaths++
		if s.deaths >= 3 && s.checkCrashed == "" {
			s.checkCrashed = fmt.Sprintf(diedRepeatedly, s.deaths)
			return
		}
		if s.deaths < 2 {
			return
		}
	}
	switch {
	case s.step == nil:
		// Died before reading anything: nothing to blame.
	case *s.step == "":
		s.checkCrashed = crashedCheckEarlier
	default:
		s.crashed = append(s.crashed, FileError{Path: *s.step, Error: crashedFileEarlier})
	}
	s.step = nil
}

// loadJournal reads the journal at path and returns the groups found in
// flight, in the order they were started, leaving out those with a result
// in done. A group that was finished is not suspect (its result was only
// lost with the run) unless something of it is known to crash.
func loadJournal(path string, done map[string]bool) ([]*suspect, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	by := map[string]*suspect{}
	var order []*suspect
	get := func(sym string) *suspect {
		s := by[sym]
		if s == nil {
			// An entry without its start: a start lost with a machine
			// crash. Nothing to retry.
			s = &suspect{ended: true}
		}
		return s
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		var e entry
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue // a line torn by a machine crash
		}
		switch {
		case e.Start != nil:
			s := &suspect{g: e.Start.group(), crashed: e.Crashed, checkCrashed: e.CheckCrashed, deaths: e.Deaths}
			if by[s.g.Symbol] == nil {
				order = append(order, s)
			} else {
				*by[s.g.Symbol] = *s
				continue
			}
			by[s.g.Symbol] = s
		case e.End != "":
			get(e.End).ended = true
		case e.Retry != "":
			s := get(e.Retry)
			if s.inRetry {
				s.died()
			}
			s.inRetry, s.child, s.step, s.done = true, e.Child, nil, false
		case e.Read != "":
			p := e.Path
			get(e.Read).step = &p
		case e.Check != "":
			p := ""
			get(e.Check).step = &p
		case e.Crash != "":
			s := get(e.Crash)
			s.inRetry, s.step = false, nil
			if e.Path == "" {
				s.checkCrashed = e.Error
			} else {
				s.crashed = append(s.crashed, FileError{Path: e.Path, Error: e.Error})
			}
		case e.Done != "":
			s := get(e.Done)
			s.inRetry, s.done = false, true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []*suspect
	for _, s := range order {
		if s.inRetry {
			s.died()
		}
		if done[s.g.Symbol] || ((s.ended || s.done) && !s.blamed()) {
			continue
		}
		s.ended, s.done = false, false
		out = append(out, s)
	}
	return out, nil
}

// journal appends to the in-flight journal of a run.
type journal struct {
	mu      sync.Mutex
	path    string
	f       *os.File
	live    map[string][]byte // started, not ended: symbol → start entry
	pending []*suspect        // the groups found in flight (done once checked)
	err     error             // the first write error
}

// openJournal starts the journal of a run with the groups found in flight.
func openJournal(path string, pending []*suspect) (*journal, error) {
	j := &journal{path: path, live: map[string][]byte{}, pending: pending}
	if err := j.compact(); err != nil {
		return nil, err
	}
	return j, nil
}

func (j *journal) add(e entry) {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err) // entries are plain strings and structs
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.writeLocked(append(b, '\n'))
}

func (j *journal) writeLocked(line []byte) {
	if j.err != nil {
		return
	}
	if _, err := j.f.Write(line); err != nil {
		j.err = fmt.Errorf("in-flight journal: %w", err)
	}
}

// start records that a worker starts checking g.
func (j *journal) start(g *Group) {
	b, _ := json.Marshal(entry{Start: toJGroup(g)})
	b = append(b, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	j.live[g.Symbol] = b
	j.writeLocked(b)
}

// end records that the check of a group started by start is done.
func (j *journal) end(symbol string) {
	j.mu.Lock()
	delete(j.live, symbol)
	j.mu.Unlock()
	j.add(entry{End: symbol})
}

// compact rewrites the journal with only what is in flight: the pending
// groups not done yet, and the groups started and not ended. It is called
// once the results of the others are in part files.
func (j *journal) compact() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.err != nil {
		return j.err
	}
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
	var data []byte
	for _, s := range j.pending {
		if s.done {
			continue
		}
		b, _ := json.Marshal(entry{Start: toJGroup(s.g), Crashed: s.crashed, CheckCrashed: s.checkCrashed, Deaths: s.deaths})
		data = append(append(data, b...), '\n')
	}
	for _, b := range j.live {
		data = append(data, b...)
	}
	if err := writeAtomic(j.path, data); err != nil {
		j.err = fmt.Errorf("in-flight journal: %w", err)
		return j.err
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		j.err = fmt.Errorf("in-flight journal: %w", err)
		return j.err
	}
	j.f = f
	return nil
}

// close closes the journal; with remove (the run finished), it deletes it.
func (j *journal) close(remove bool) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
	if remove {
		if err := os.Remove(j.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return j.err
}
