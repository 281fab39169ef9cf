package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/report"
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
}

// ResultFile describes one file of a group in a result.
type ResultFile struct {
	Path string `json:"path"`
	Lang string `json:"lang"`
	Role string `json:"role"`
}

// FileError is a file that could not be read.
type FileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Result is one line of the output: a group with its findings and errors.
type Result struct {
	Symbol   string               `json:"symbol"`
	Files    []ResultFile         `json:"files"`
	Findings []report.JSONFinding `json:"findings"`
	Errors   []FileError          `json:"errors,omitempty"`
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

// eachResult calls fn for every result line of the part files.
func eachResult(parts []string, fn func(line []byte, r *Result) error) error {
	for _, p := range parts {
		f, err := os.Open(p)
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

// Run checks every group of src that belongs to the shard and is not done
// yet, and returns the summary of all the groups of the shard in Out
// (including those done by earlier runs). Results are written as JSON lines
// to part files of Out, each written whole or not at all; a rerun with the
// same Out and shard skips the groups already written.
func Run(ctx context.Context, src Source, opt Options) (*Summary, error) {
	start := time.Now()
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
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	// Leftovers of a killed run.
	if olds, _ := filepath.Glob(filepath.Join(opt.Out, ".part-*.tmp")); len(olds) > 0 {
		for _, o := range olds {
			os.Remove(o)
		}
	}
	prefix := partPrefix(opt.Shard, opt.Shards)
	all, err := Parts(opt.Out)
	if err != nil {
		return nil, err
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
	done := map[string]bool{}
	if err := eachResult(mine, func(_ []byte, r *Result) error {
		done[r.Symbol] = true
		return nil
	}); err != nil {
		return nil, err
	}
	// The dictionary and the matcher are shared by the workers: prepare
	// every language before they start.
	opt.Checker.Matcher.Prepare("ar", "zh", "en", "fr", "ru", "es")

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	groups := make(chan *Group, opt.Jobs*2)
	lines := make(chan []byte, opt.Jobs*2)
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
				cancel()
				return
			}
			if opt.Shards > 1 && Shard(g.Symbol, opt.Shards) != opt.Shard {
				continue
			}
			if done[g.Symbol] {
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
	for w := 0; w < opt.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range groups {
				r := CheckGroup(opt.Checker, g, opt.VotedLang, opt.Level)
				b, err := json.Marshal(r)
				if err != nil {
					b, _ = json.Marshal(Result{Symbol: g.Symbol, Errors: []FileError{{Error: err.Error()}}})
				}
				select {
				case lines <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(lines)
	}()

	var buf bytes.Buffer
	n, ndone := 0, 0
	var writeErr error
	flush := func() {
		if n == 0 || writeErr != nil {
			return
		}
		name := filepath.Join(opt.Out, fmt.Sprintf("%s%06d.jsonl", prefix, seq))
		if err := writeAtomic(name, buf.Bytes()); err != nil {
			writeErr = err
			cancel()
			return
		}
		seq++
		buf.Reset()
		n = 0
	}
	for b := range lines {
		buf.Write(b)
		buf.WriteByte('\n')
		n++
		ndone++
		if opt.Progress != nil {
			opt.Progress(ndone)
		}
		if n >= opt.ChunkSize {
			flush()
		}
	}
	if ctx.Err() != nil && readErr == nil && writeErr == nil {
		// Interrupted: what was not flushed is redone by the next run.
		return nil, ctx.Err()
	}
	flush()
	if readErr != nil {
		return nil, readErr
	}
	if writeErr != nil {
		return nil, writeErr
	}
	// The summary covers every group of the shard written so far.
	parts, err := Parts(opt.Out)
	if err != nil {
		return nil, err
	}
	sum := newSummary()
	var ps []string
	for _, p := range parts {
		if strings.HasPrefix(filepath.Base(p), prefix) {
			ps = append(ps, p)
		}
	}
	if err := eachResult(ps, func(_ []byte, r *Result) error { sum.add(r); return nil }); err != nil {
		return nil, err
	}
	sum.Seconds = time.Since(start).Seconds()
	sum.Shard = fmt.Sprintf("%d/%d", opt.Shard, max(opt.Shards, 1))
	data, _ := json.MarshalIndent(sum, "", "  ")
	if err := writeAtomic(filepath.Join(opt.Out, "summary-"+strings.TrimSuffix(strings.TrimPrefix(prefix, "part-"), "-")+".json"), append(data, '\n')); err != nil {
		return nil, err
	}
	return sum, nil
}

// CheckGroup checks one group: the voted file (role voted, else the file in
// votedLang) against every other file. A file that cannot be read is
// recorded as an error and the rest of the group is still checked.
func CheckGroup(chk *driftcheck.Checker, g *Group, votedLang string, level drift.Severity) *Result {
	r := &Result{Symbol: g.Symbol, Findings: []report.JSONFinding{}}
	var voted *document.Document
	var finals []*document.Document
	vi := -1
	for i, f := range g.Files {
		if f.Role == "voted" {
			vi = i
		}
	}
	if vi < 0 {
		for i, f := range g.Files {
			if f.Lang == votedLang && f.Role != "final" {
				vi = i
				break
			}
		}
	}
	for i, f := range g.Files {
		role := "final"
		if i == vi {
			role = "voted"
		}
		d, err := chk.LoadFile(f.Abs, f.Lang)
		lang := f.Lang
		if d != nil {
			lang = d.Lang
		}
		r.Files = append(r.Files, ResultFile{Path: f.Path, Lang: lang, Role: role})
		if err != nil {
			msg := err.Error()
			// The error names the path as opened; report it as listed.
			msg = strings.ReplaceAll(msg, f.Abs, f.Path)
			r.Errors = append(r.Errors, FileError{Path: f.Path, Error: msg})
			continue
		}
		d.Path = f.Path
		if i == vi {
			voted = d
		} else {
			finals = append(finals, d)
		}
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
	var fs []drift.Finding
	for _, f := range chk.Check(voted, finals...).Findings() {
		if f.Severity >= level {
			fs = append(fs, f)
		}
	}
	r.Findings = report.JSONFindings(fs)
	return r
}

// Merge combines the part files and summaries of several output
// directories (the shards of one run) into one results file and returns
// the total summary. It streams: only the symbols are held, to refuse a
// symbol found twice.
func Merge(out string, dirs []string) (*Summary, error) {
	sum := newSummary()
	seen := map[string]string{}
	err := atomicfile.Write(out, func(w io.Writer) error {
		for _, d := range dirs {
			parts, err := Parts(d)
			if err != nil {
				return err
			}
			if len(parts) == 0 {
				return fmt.Errorf("%s: no part files", d)
			}
			err = eachResult(parts, func(line []byte, r *Result) error {
				if prev, ok := seen[r.Symbol]; ok {
					return fmt.Errorf("symbol %s in both %s and %s", r.Symbol, prev, d)
				}
				seen[r.Symbol] = d
				sum.add(r)
				if _, err := w.Write(line); err != nil {
					return err
				}
				_, err := w.Write([]byte{'\n'})
				return err
			})
			if err != nil {
				return err
			}
			sums, _ := filepath.Glob(filepath.Join(d, "summary-*.json"))
			for _, s := range sums {
				var x Summary
				if b, err := os.ReadFile(s); err == nil && json.Unmarshal(b, &x) == nil {
					sum.Seconds += x.Seconds
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sum.Shard = fmt.Sprintf("merged %d", len(dirs))
	return sum, nil
}

// ErrInterrupted is returned by the command when a run was stopped before
// it finished; rerun it to complete.
var ErrInterrupted = errors.New("interrupted: rerun with the same --out to finish")
