package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	language "github.com/driftcheck/driftcheck/lang"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/report"
	"github.com/driftcheck/driftcheck/unsymbol"
)

// Options configure a run.
type Options struct {
	Checker *driftcheck.Checker
	Out     string // output directory
	Jobs    int    // workers; 0: the number of CPUs
	// Shard and Shards select the groups whose symbol hashes to Shard
	// (0-based) of Shards; Shards 0 or 1 means every group.
	Shard, Shards int
	// VotedLang is the language of the voted text when a group does not
	// mark one file as voted (default "en").
	VotedLang string
	// Level is the lowest severity recorded.
	Level drift.Severity
	// ChunkSize is how many group results go into one part file.
	ChunkSize int
	// Progress, if set, is called after each group with the number done in
	// this run.
	Progress func(done int)
	// Counted, if set, is called after each group with the totals of the
	// run so far (its Groups is Progress's done).
	Counted func(Counts)
	// Child, if set, returns the command of a child process that checks
	// one group (a driftcheck that runs ServeGroup). The groups that were
	// being checked when an earlier run died are checked again one at a
	// time in such processes, so that a file that crashes driftcheck (out
	// of memory, a fatal error) is an error of that file and the run goes
	// on. Without Child they are checked again one at a time in this
	// process: a file that crashes it again is found by the next run.
	Child func(ctx context.Context) *exec.Cmd
	// Version identifies the driftcheck that checks, recorded with the
	// settings of the run (default: BuildVersion).
	Version string
}

// Counts are the totals of a run so far, for progress reports.
type Counts struct {
	// Earlier is the number of groups of the shard that earlier runs on
	// the output directory checked: this run skips them.
	Earlier int
	// Groups, Findings and Errors count the groups this run checked, the
	// findings recorded (at --level or above) and the file errors.
	Groups, Findings, Errors int
}

// ResultFile describes one file of a group in a result.
type ResultFile struct {
	Path string `json:"path"`
	Lang string `json:"lang"`
	Role string `json:"role"`
	// Paras is the number of paragraphs of the file that were compared
	// (its body): the denominator of the rates of findings per paragraph;
	// absent for a file that was not compared (and in the lines of
	// driftcheck before the atlas).
	Paras *int `json:"paras,omitempty"`
}

// Meta is what is known of a group's document: from the manifest's
// columns (date, body, title), from its symbol (package unsymbol) and from
// the voted text's masthead (its date line).
type Meta struct {
	Body     string `json:"body,omitempty"`      // "Human Rights Council"
	BodyCode string `json:"body_code,omitempty"` // "HRC" (unsymbol.Bodies)
	Session  int    `json:"session,omitempty"`   // 37; the year for bodies that count sessions by year
	Kind     string `json:"kind,omitempty"`      // "resolution", "draft"… (unsymbol.Info.Kind)
	Year     int    `json:"year,omitempty"`
	// YearFrom says where Year comes from: "manifest" (the date column),
	// "document" (the date line of the voted text) or "symbol" (the year
	// in it or of its session).
	YearFrom string `json:"year_from,omitempty"`
	Date     string `json:"date,omitempty"` // as the manifest gives it
	Title    string `json:"title,omitempty"`
}

// Rendering is, in a result line, how one final renders one concept of a
// group (a concept with negotiated alternatives) of a voted paragraph:
// FinalConcept is VotedConcept when faithful, another concept of its
// group when substituted, "" when not rendered (see drift.Renderings).
// Only grouped concepts are recorded: they are the ones a rate of
// substitution is about, and they keep a line small (a concept of no group
// is rendered or missing, which term-missing findings already count).
type Rendering struct {
	Lang         string `json:"lang"`
	Para         string `json:"para"`                 // the voted paragraph
	FinalPara    string `json:"final_para,omitempty"` // when not the same id as Para
	VotedConcept string `json:"voted_concept"`
	FinalConcept string `json:"final_concept"`
	// Group is the concepts' group: the atlas pairs the alternatives of a
	// group without the lexicon.
	Group string `json:"group"`
}

// FileError is a file that could not be read.
type FileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Result is one line of the output: a group with its findings and errors.
type Result struct {
	Symbol   string               `json:"symbol"`
	Meta     *Meta                `json:"meta,omitempty"`
	Files    []ResultFile         `json:"files"`
	Findings []report.JSONFinding `json:"findings"`
	// Renderings are the renderings of the grouped concepts of every
	// final, faithful ones included (findings are only the departures).
	Renderings []Rendering `json:"renderings,omitempty"`
	Errors     []FileError `json:"errors,omitempty"`
}

// Summary totals a run (or the merge of several).
type Summary struct {
	Groups        int                       `json:"groups"`
	Files         int                       `json:"files"`
	Findings      int                       `json:"findings"`
	ByKind        map[string]int            `json:"by_kind"`
	ByLangKind    map[string]map[string]int `json:"by_lang_kind"`
	Errors        int                       `json:"errors"`
	GroupsInError int                       `json:"groups_with_errors"`
	// Seconds is the wall time of the run; after a merge, the sum of the
	// shards' times.
	Seconds float64 `json:"seconds"`
	Shard   string  `json:"shard,omitempty"`
}

func newSummary() *Summary {
	return &Summary{ByKind: map[string]int{}, ByLangKind: map[string]map[string]int{}}
}

func (s *Summary) add(r *Result) {
	s.Groups++
	s.Files += len(r.Files)
	s.Errors += len(r.Errors)
	if len(r.Errors) > 0 {
		s.GroupsInError++
	}
	for _, f := range r.Findings {
		s.Findings++
		s.ByKind[f.Kind]++
		l := f.Final.Lang
		if s.ByLangKind[l] == nil {
			s.ByLangKind[l] = map[string]int{}
		}
		s.ByLangKind[l][f.Kind]++
	}
}

// partPrefix names the part files of a shard: part-2of4-000017.jsonl.
func partPrefix(shard, shards int) string {
	if shards <= 1 {
		return "part-0of1-"
	}
	return fmt.Sprintf("part-%dof%d-", shard, shards)
}

var partRe = regexp.MustCompile(`^part-(\d+)of(\d+)-(\d+)\.jsonl$`)

// Parts lists the completed part files in dir, in order.
func Parts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if partRe.MatchString(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// OpenPart opens a part file. A part file is written by a run, whole:
// anything else in its place (a FIFO would wait for a writer forever) is
// refused.
func OpenPart(p string) (*os.File, error) {
	if info, err := os.Lstat(p); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v), so not a part file a run wrote", p, info.Mode().Type())
	}
	return os.Open(p)
}

// eachResult calls fn for every result line of the part files.
func eachResult(parts []string, fn func(line []byte, r *Result) error) error {
	for _, p := range parts {
		f, err := OpenPart(p)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 256<<20)
		for sc.Scan() {
			var r Result
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				return fmt.Errorf("%s: %w", p, err)
			}
			if err := fn(sc.Bytes(), &r); err != nil {
				f.Close()
				return err
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	return nil
}

// writeAtomic writes data to path whole or not at all.
func writeAtomic(path string, data []byte) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Errors of Run.
var (
	// ErrLocked is wrapped by the error of a run on an output directory
	// that another run is writing.
	ErrLocked = errors.New("another batch run is writing this directory")
	// ErrInterrupted is wrapped by the error of a run stopped before it
	// finished (see InterruptedError); rerun it to complete.
	ErrInterrupted = errors.New("interrupted: rerun with the same --out to finish")
)

// InterruptedError is the error of a run whose context was cancelled
// before it finished. The groups checked until then are in the part files
// (Kept of them in this run): a rerun with the same output directory
// checks only the others.
type InterruptedError struct {
	Kept  int
	Cause error // context.Cause of the run's context
}

func (e *InterruptedError) Error() string {
	return fmt.Sprintf("interrupted (%v): the %d groups checked in this run are kept; rerun with the same --out to finish", e.Cause, e.Kept)
}

// Is makes an InterruptedError match ErrInterrupted.
func (e *InterruptedError) Is(target error) bool { return target == ErrInterrupted }

// Unwrap returns the cause (context.Canceled, or a signal's).
func (e *InterruptedError) Unwrap() error { return e.Cause }

func (opt *Options) defaults() {
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.NumCPU()
	}
	if opt.ChunkSize <= 0 {
		opt.ChunkSize = 200
	}
	if opt.VotedLang == "" {
		opt.VotedLang = "en"
	}
	if opt.Level == 0 {
		opt.Level = drift.Warning
	}
	if opt.Shards < 1 {
		opt.Shards, opt.Shard = 1, 0
	}
	if opt.Version == "" {
		opt.Version = BuildVersion()
	}
}

func (opt *Options) settings() Settings {
	return Settings{Shard: opt.Shard, Shards: opt.Shards, Level: opt.Level.String(), VotedLang: opt.VotedLang,
		Lexicon: LexiconHash(opt.Checker.Lexicon), Version: opt.Version}
}

// Run checks every group of src that belongs to the shard and is not done
// yet, and returns the summary of all the groups of the shard in Out
// (including those done by earlier runs). Results are written as JSON lines
// to part files of Out, each written whole or not at all; a rerun with the
// same Out and shard skips the groups already written.
//
// Out belongs to one run at a time (a second one is refused with
// ErrLocked) and to one shard of one set of settings: they are recorded
// when the first run starts, and a resume with others is refused with
// ErrSettings. A run that finishes writes the completion record that Merge
// requires. The groups that were being checked when an earlier run died
// are checked first, alone (see Options.Child), so that a file that kills
// driftcheck ends as an error of that file, not as a run that dies at the
// same place on every resume.
func Run(ctx context.Context, src Source, opt Options) (*Summary, error) {
	start := time.Now()
	opt.defaults()
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockDir(opt.Out, true)
	if errors.Is(err, ErrLocked) {
		return nil, fmt.Errorf("%s: %w (it holds %s): wait for it to finish or use another --out", opt.Out, ErrLocked, filepath.Join(opt.Out, lockFile))
	}
	if err != nil {
		return nil, err
	}
	if lock != nil {
		defer lock.Close()
	}
	settings := opt.settings()
	if err := checkSettings(opt.Out, settings); err != nil {
		return nil, err
	}
	// Unfinished from here on, until the end.
	if err := os.Remove(filepath.Join(opt.Out, completionFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// Leftovers of a killed run (the directory is this run's alone).
	if olds, _ := filepath.Glob(filepath.Join(opt.Out, ".*.tmp")); len(olds) > 0 {
		for _, o := range olds {
			os.Remove(o)
		}
	}
	prefix := partPrefix(opt.Shard, opt.Shards)
	mine, seq, err := shardParts(opt.Out, prefix)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	if err := eachResult(mine, func(_ []byte, r *Result) error {
		done[r.Symbol] = true
		return nil
	}); err != nil {
		return nil, err
	}
	suspects, err := loadJournal(filepath.Join(opt.Out, journalFile), done)
	if err != nil {
		return nil, err
	}
	j, err := openJournal(filepath.Join(opt.Out, journalFile), suspects)
	if err != nil {
		return nil, err
	}
	// The dictionary and the matcher are shared by the workers: prepare
	// every language before they start.
	opt.Checker.Matcher.Prepare(language.Official...)

	w := &partWriter{dir: opt.Out, prefix: prefix, seq: seq, chunk: opt.ChunkSize, j: j, progress: opt.Progress,
		counted: opt.Counted, counts: Counts{Earlier: len(done)}}
	err = retryPhase(ctx, &opt, suspects, j, w, done)
	if err == nil {
		err = parallelPhase(ctx, src, &opt, j, w, done)
	}
	if ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		// Interrupted: keep what is checked; what is not is redone.
		err = w.flush()
		if cerr := j.close(false); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		return nil, &InterruptedError{Kept: w.total, Cause: context.Cause(ctx)}
	}
	if err != nil {
		j.close(false)
		return nil, err
	}
	if err := w.flush(); err != nil {
		j.close(false)
		return nil, err
	}
	sum, err := finish(&opt, settings, prefix, start)
	if err != nil {
		j.close(false)
		return nil, err
	}
	return sum, j.close(true)
}

// shardParts returns the part files of the shard with prefix in dir and
// the sequence number of the next one.
func shardParts(dir, prefix string) ([]string, int, error) {
	all, err := Parts(dir)
	if err != nil {
		return nil, 0, err
	}
	var mine []string
	seq := 0
	for _, p := range all {
		if strings.HasPrefix(filepath.Base(p), prefix) {
			mine = append(mine, p)
			m := partRe.FindStringSubmatch(filepath.Base(p))
			if n, _ := strconv.Atoi(m[3]); n >= seq {
				seq = n + 1
			}
		}
	}
	return mine, seq, nil
}

// finish writes the summary of every group of the shard, then the
// completion record.
func finish(opt *Options, settings Settings, prefix string, start time.Time) (*Summary, error) {
	ps, _, err := shardParts(opt.Out, prefix)
	if err != nil {
		return nil, err
	}
	sum := newSummary()
	if err := eachResult(ps, func(_ []byte, r *Result) error { sum.add(r); return nil }); err != nil {
		return nil, err
	}
	sum.Seconds = time.Since(start).Seconds()
	sum.Shard = fmt.Sprintf("%d/%d", opt.Shard, opt.Shards)
	name := "summary-" + strings.TrimSuffix(strings.TrimPrefix(prefix, "part-"), "-") + ".json"
	if err := writeJSON(filepath.Join(opt.Out, name), sum); err != nil {
		return nil, err
	}
	rec := Completion{Settings: settings, Groups: sum.Groups, Files: sum.Files}
	if err := writeJSON(filepath.Join(opt.Out, completionFile), rec); err != nil {
		return nil, err
	}
	return sum, nil
}

// partWriter collects result lines into part files of chunk lines.
type partWriter struct {
	dir, prefix string
	seq, chunk  int
	j           *journal
	progress    func(done int)
	counted     func(Counts)
	counts      Counts
	buf         bytes.Buffer
	n, total    int // lines in buf; results in this run
}

// add appends a result; a full chunk is written out.
func (w *partWriter) add(r *Result) error {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(Result{Symbol: r.Symbol, Findings: []report.JSONFinding{}, Errors: []FileError{{Error: err.Error()}}})
	}
	w.buf.Write(b)
	w.buf.WriteByte('\n')
	w.n++
	w.total++
	if w.progress != nil {
		w.progress(w.total)
	}
	w.counts.Groups++
	w.counts.Findings += len(r.Findings)
	w.counts.Errors += len(r.Errors)
	if w.counted != nil {
		w.counted(w.counts)
	}
	if w.n >= w.chunk {
		return w.flush()
	}
	return nil
}

// flush writes the lines collected as a part file, then drops what the
// journal holds for them.
func (w *partWriter) flush() error {
	if w.n > 0 {
		name := filepath.Join(w.dir, fmt.Sprintf("%s%06d.jsonl", w.prefix, w.seq))
		if err := writeAtomic(name, w.buf.Bytes()); err != nil {
			return err
		}
		w.seq++
		w.buf.Reset()
		w.n = 0
	}
	return w.j.compact()
}

// retryPhase checks the groups found in flight, one at a time, and writes
// their results out before anything else is checked.
func retryPhase(ctx context.Context, opt *Options, suspects []*suspect, j *journal, w *partWriter, done map[string]bool) error {
	if len(suspects) == 0 {
		return nil
	}
	for _, s := range suspects {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r, err := retry(ctx, opt, s, j)
		if err != nil {
			return err
		}
		j.add(entry{Done: s.g.Symbol})
		s.done = true
		done[s.g.Symbol] = true
		if err := w.add(r); err != nil {
			return err
		}
	}
	return w.flush()
}

// retry checks a group found in flight alone, leaving out what is known to
// crash; in a child process, each crash of the child leaves out one more
// file, until the group is checked.
func retry(ctx context.Context, opt *Options, s *suspect, j *journal) (*Result, error) {
	for s.checkCrashed == "" {
		j.add(entry{Retry: s.g.Symbol, Child: opt.Child != nil})
		if opt.Child == nil {
			return checkGroup(opt.Checker, s.g, opt.VotedLang, opt.Level, s.crashed, func(path string) {
				if path == "" {
					j.add(entry{Check: s.g.Symbol})
				} else {
					j.add(entry{Read: s.g.Symbol, Path: path})
				}
			}), nil
		}
		r, c, err := runChild(ctx, opt, s, j)
		if err != nil {
			return nil, err
		}
		if c == nil {
			return r, nil
		}
		if c.step == "" {
			s.checkCrashed = fmt.Sprintf("checking this group crashed driftcheck (%s): not checked", c.how)
		} else {
			s.crashed = append(s.crashed, FileError{Path: c.step, Error: fmt.Sprintf("reading this file crashed driftcheck (%s): left out of the check", c.how)})
		}
		j.add(entry{Crash: s.g.Symbol, Path: c.step, Error: s.lastError()})
	}
	return crashResult(s.g, opt.VotedLang, s.crashed, s.checkCrashed), nil
}

// lastError is the message of the last thing blamed on s.
func (s *suspect) lastError() string {
	if s.checkCrashed != "" {
		return s.checkCrashed
	}
	return s.crashed[len(s.crashed)-1].Error
}

// crashResult is the result of a group whose check crashed driftcheck: its
// files, and the crashes as errors.
func crashResult(g *Group, votedLang string, crashed []FileError, checkCrashed string) *Result {
	r := &Result{Symbol: g.Symbol, Meta: groupMeta(g, nil), Findings: []report.JSONFinding{}}
	vi := votedIndex(g, votedLang)
	for i, f := range g.Files {
		r.Files = append(r.Files, ResultFile{Path: f.Path, Lang: f.Lang, Role: roleOf(i, vi, f.Role)})
	}
	r.Errors = append(append(r.Errors, crashed...), FileError{Error: checkCrashed})
	return r
}

// parallelPhase checks the groups of src that are not done with a pool of
// workers.
func parallelPhase(ctx context.Context, src Source, opt *Options, j *journal, w *partWriter, done map[string]bool) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	groups := make(chan *Group, opt.Jobs*2)
	results := make(chan *Result, opt.Jobs*2)
	var readErr error
	go func() {
		defer close(groups)
		for {
			g, err := src.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				cancel(err)
				return
			}
			if opt.Shards > 1 && Shard(g.Symbol, opt.Shards) != opt.Shard || done[g.Symbol] {
				continue
			}
			select {
			case groups <- g:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				var g *Group
				select {
				case g = <-groups:
				case <-ctx.Done():
					return
				}
				if g == nil {
					return
				}
				j.start(g)
				r := checkGroup(opt.Checker, g, opt.VotedLang, opt.Level, nil, nil)
				j.end(g.Symbol)
				// Always delivered: the writer reads until the end.
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var writeErr error
	for r := range results {
		if writeErr != nil {
			continue
		}
		if writeErr = w.add(r); writeErr != nil {
			cancel(writeErr)
		}
	}
	switch {
	case writeErr != nil:
		return writeErr
	case readErr != nil:
		return readErr
	}
	return ctx.Err()
}

// votedIndex returns the index of the voted file of g: the file with role
// voted, else the first in votedLang not marked final; -1 for none.
func votedIndex(g *Group, votedLang string) int {
	for i, f := range g.Files {
		if f.Role == "voted" {
			return i
		}
	}
	for i, f := range g.Files {
		if f.Lang == votedLang && f.Role != "final" && f.Role != "version" {
			return i
		}
	}
	return -1
}

// roleOf is the role in the result of the group's file i (its role in the
// source: role), vi being the voted one.
func roleOf(i, vi int, role string) string {
	switch {
	case i == vi:
		return "voted"
	case role == "draft" || role == "version":
		return "version"
	}
	return "final"
}

// CheckGroup checks one group: the voted file (role voted, else the file in
// votedLang) against every other file. A file that cannot be read is
// recorded as an error and the rest of the group is still checked.
func CheckGroup(chk *driftcheck.Checker, g *Group, votedLang string, level drift.Severity) *Result {
	return checkGroup(chk, g, votedLang, level, nil, nil)
}

// testHookStep, when set (by tests), is called at each step of
// checkGroup, where a reader or the check would run: with each file's path
// (as listed) before it is read, with "" before the check.
var testHookStep func(symbol, path string)

// checkGroup is CheckGroup leaving out the files of skip (recorded with
// their errors), calling track (if set) with each file's path before it is
// read and with "" before the files read are checked.
func checkGroup(chk *driftcheck.Checker, g *Group, votedLang string, level drift.Severity, skip []FileError, track func(path string)) *Result {
	r := &Result{Symbol: g.Symbol, Findings: []report.JSONFinding{}}
	vi := votedIndex(g, votedLang)
	defer func() {
		if r.Meta == nil {
			r.Meta = groupMeta(g, nil)
		}
	}()
	if g.Error != "" {
		return crashResult(g, votedLang, nil, g.Error)
	}
	step := func(path string) {
		if track != nil {
			track(path)
		}
	}
	var voted *document.Document
	var finals, versions []*document.Document
	var finalFile []int // the index in r.Files of each of finals
	for i, f := range g.Files {
		role := roleOf(i, vi, f.Role)
		if e, ok := skipped(skip, f.Path); ok {
			r.Files = append(r.Files, ResultFile{Path: f.Path, Lang: f.Lang, Role: role})
			r.Errors = append(r.Errors, e)
			continue
		}
		step(f.Path)
		d, err := loadFile(chk, g.Symbol, f)
		lang := f.Lang
		if d != nil {
			lang = d.Lang
		}
		r.Files = append(r.Files, ResultFile{Path: f.Path, Lang: lang, Role: role})
		if err != nil {
			r.Errors = append(r.Errors, FileError{Path: f.Path, Error: asListed(err, f).Error()})
			continue
		}
		d.Path = f.Path
		switch role {
		case "voted":
			voted = d
		case "version":
			versions = append(versions, d)
		default:
			finals = append(finals, d)
			finalFile = append(finalFile, len(r.Files)-1)
		}
	}
	if voted != nil {
		r.Meta = groupMeta(g, voted)
	}
	if voted == nil {
		if vi < 0 {
			r.Errors = append(r.Errors, FileError{Error: fmt.Sprintf("no voted text: no file has role voted or language %s", votedLang)})
		}
		return r
	}
	if len(finals) == 0 {
		return r
	}
	step("")
	found, err := check(chk, g.Symbol, voted, finals, level, func(res *driftcheck.Result) {
		for k, c := range res.Comparisons {
			n := len(c.Final.Paras)
			r.Files[finalFile[k]].Paras = &n
			if k == 0 && vi >= 0 {
				nv := len(c.Voted.Paras)
				for i := range r.Files {
					if r.Files[i].Role == "voted" {
						r.Files[i].Paras = &nv
					}
				}
			}
			code := c.Final.Doc.Lang
			for _, x := range c.Renderings() {
				rr := Rendering{Lang: code, Para: x.VotedPara, VotedConcept: x.VotedConcept, FinalConcept: x.FinalConcept, Group: x.Group}
				if x.FinalPara != x.VotedPara {
					rr.FinalPara = x.FinalPara
				}
				r.Renderings = append(r.Renderings, rr)
			}
		}
	})
	if err != nil {
		r.Errors = append(r.Errors, FileError{Error: err.Error()})
		r.Renderings = nil
		for i := range r.Files {
			r.Files[i].Paras = nil
		}
		return r
	}
	// Each version (a draft in another language) against the final in its
	// language: the draft a delegation followed against what was
	// published.
	for _, v := range versions {
		for _, f := range finals {
			if f.Lang != v.Lang {
				continue
			}
			more, err := check(chk, g.Symbol, v, []*document.Document{f}, level, nil)
			if err != nil {
				r.Errors = append(r.Errors, FileError{Path: v.Path, Error: err.Error()})
				continue
			}
			found = append(found, more...)
		}
	}
	r.Findings = report.JSONFindings(found)
	return r
}

// groupMeta returns the metadata of a group: the manifest's date, body and
// title first, then what the symbol tells (package unsymbol), the year
// from the voted text's date line when the manifest gives no date (voted
// may be nil: not read).
func groupMeta(g *Group, voted *document.Document) *Meta {
	sym := unsymbol.Parse(g.Symbol)
	if sym.BodyCode == "" && voted != nil && voted.Symbol != "" {
		// A group named by its file (a tree of documents) or by a
		// catalogue number: the symbol in the voted text's masthead.
		sym = unsymbol.Parse(voted.Symbol)
	}
	m := &Meta{Body: sym.Body, BodyCode: sym.BodyCode, Session: sym.Session, Kind: sym.Kind, Date: g.Date, Title: g.Title}
	if g.Body != "" {
		m.Body, m.BodyCode = g.Body, ""
		for _, b := range unsymbol.Bodies {
			if strings.EqualFold(g.Body, b.Code) || strings.EqualFold(g.Body, b.Name) {
				m.Body, m.BodyCode = b.Name, b.Code
				break
			}
		}
	}
	switch {
	case g.Date != "":
		m.Year, _ = strconv.Atoi(g.Date[:4])
		m.YearFrom = "manifest"
	case voted != nil && voted.Year != 0 && voted.Year != document.SymbolYear(voted.Symbol):
		m.Year, m.YearFrom = voted.Year, "document"
	case sym.Year != 0:
		m.Year, m.YearFrom = sym.Year, "symbol"
	case voted != nil && voted.Year != 0:
		m.Year, m.YearFrom = voted.Year, "symbol"
	}
	return m
}

func skipped(skip []FileError, path string) (FileError, bool) {
	for _, e := range skip {
		if e.Path == path {
			return e, true
		}
	}
	return FileError{}, false
}

// asListed returns err naming the file as the source lists it (f.Path)
// rather than as it was opened (f.Abs): the path of the input error and
// of the operating system's error are set, not the text rewritten.
func asListed(err error, f File) error {
	var ie *driftcheck.InputError
	if errors.As(err, &ie) && ie.Path == f.Abs {
		ie.Path = f.Path
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == f.Abs {
		pe.Path = f.Path
	}
	return err
}

// loadFile reads one file of a group; a panic of a reader is that file's
// error.
func loadFile(chk *driftcheck.Checker, symbol string, f File) (d *document.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("%s: driftcheck crashed reading it: panic: %v", f.Path, p)
		}
	}()
	if testHookStep != nil {
		testHookStep(symbol, f.Path)
	}
	return chk.LoadFile(f.Abs, f.Lang)
}

// check checks the finals of a group against its voted text and keeps the
// findings of at least level; a panic is the group's error.
//
// seen, if set, is called with the whole result before the findings are
// selected (the renderings and paragraph counts are taken there).
func check(chk *driftcheck.Checker, symbol string, voted *document.Document, finals []*document.Document, level drift.Severity, seen func(*driftcheck.Result)) (found []drift.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			found, err = nil, fmt.Errorf("driftcheck crashed checking this group: panic: %v", p)
		}
	}()
	if testHookStep != nil {
		testHookStep(symbol, "")
	}
	res := chk.Check(voted, finals...)
	if seen != nil {
		seen(res)
	}
	return res.Select(level, nil).Shown, nil
}
