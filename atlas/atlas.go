// Package atlas turns the outputs of batch runs into the drift atlas: for
// every concept of a group (a concept with negotiated alternatives), how
// each language renders it, year by year and body by body (the faithful
// renderings too, so that a rate of substitution can be computed), and the
// findings per 100 paragraphs by kind, language and year, so that a change
// of translation practice shows as a step.
//
// It streams: a result line is read, counted and dropped, the counts are
// keyed by small tuples (concepts, language, year, body) and the examples
// kept are at most N per (voted concept, final concept, language), so
// memory does not grow with the size of the archive. Every number is
// traceable to the result lines it came from (Explain). The counts of an
// output directory are kept in a small store next to it (Store): an atlas
// over a directory that grew reads only its new part files.
package atlas

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/driftcheck/driftcheck/batch"
)

// DefaultExamples is how many examples are kept per (voted concept, final
// concept, language) when Options.Examples is 0.
const DefaultExamples = 3

// maxLine bounds a result line (as batch reads them).
const maxLine = 256 << 20

// RKey is a count of renderings: the paragraphs where the voted text has
// Voted and the final in Lang renders it as Final ("" for none), in Year
// (0: unknown) in a document of Body ("" unknown).
type RKey struct {
	Voted, Final, Group, Lang string
	Year                      int
	Body                      string
}

// LYKey is a language and a year.
type LYKey struct {
	Lang string
	Year int
}

// FKey counts findings of Kind in Lang and Year.
type FKey struct {
	Lang string
	Year int
	Kind string
}

// TKey names the triple the examples and the rows of the table are about.
type TKey struct {
	Voted, Final, Lang string
}

// Example is one rendering, with where it was read.
type Example struct {
	Source    string `json:"source"` // part file:line
	Symbol    string `json:"symbol"`
	Year      int    `json:"year,omitempty"`
	Body      string `json:"body,omitempty"`
	Para      string `json:"para"`
	FinalPara string `json:"final_para,omitempty"`
	// The paragraphs' texts, when the line has them (a substitution
	// carries its finding's texts; a faithful rendering has none).
	VotedText string `json:"voted_text,omitempty"`
	FinalText string `json:"final_text,omitempty"`
}

// Counts are the atlas's numbers before they are laid out: what Add
// counts and Merge combines.
type Counts struct {
	Lines    int           // result lines read
	Finals   map[LYKey]int // finals with their paragraph counts, by language and year
	Paras    map[LYKey]int // their paragraphs
	Findings map[FKey]int  // their findings by kind
	Render   map[RKey]int  // renderings
	Examples map[TKey][]Example
	// NoParas counts the finals of lines with no paragraph counts (lines
	// of driftcheck before the atlas): their findings are not in the
	// rates.
	NoParas int
	// Errors counts the lines with a file error.
	Errors int
	// MaxExamples is the N examples are kept to.
	MaxExamples int
}

// NewCounts returns empty counts keeping n examples per triple.
func NewCounts(n int) *Counts {
	if n < 0 {
		n = 0
	}
	return &Counts{Finals: map[LYKey]int{}, Paras: map[LYKey]int{}, Findings: map[FKey]int{}, Render: map[RKey]int{},
		Examples: map[TKey][]Example{}, MaxExamples: n}
}

// Line is what the atlas reads of a result line (batch.Result): the rest
// (messages, positions, numbers) is not decoded.
type Line struct {
	Symbol string      `json:"symbol"`
	Meta   *batch.Meta `json:"meta"`
	Files  []struct {
		Lang  string `json:"lang"`
		Role  string `json:"role"`
		Paras *int   `json:"paras"`
	} `json:"files"`
	Findings []struct {
		Kind  string `json:"kind"`
		Voted struct {
			Para string `json:"para"`
			Text string `json:"text"`
		} `json:"voted"`
		Final struct {
			Lang string `json:"lang"`
			Para string `json:"para"`
			Text string `json:"text"`
		} `json:"final"`
		VotedConcept *string `json:"voted_concept"`
		FinalConcept *string `json:"final_concept"`
	} `json:"findings"`
	Renderings []batch.Rendering `json:"renderings"`
	Errors     []json.RawMessage `json:"errors"`
}

// YearBody returns the year and body of a line ("" and 0 when unknown).
func (l *Line) YearBody() (int, string) {
	if l.Meta == nil {
		return 0, ""
	}
	return l.Meta.Year, l.Meta.Body
}

// Add counts one result line read at source ("part file:line").
func (c *Counts) Add(l *Line, source string) {
	c.Lines++
	if len(l.Errors) > 0 {
		c.Errors++
	}
	year, body := l.YearBody()
	counted := map[string]bool{} // languages of finals with a paragraph count
	for _, f := range l.Files {
		if f.Role != "final" {
			continue
		}
		if f.Paras == nil {
			c.NoParas++
			continue
		}
		k := LYKey{f.Lang, year}
		c.Finals[k]++
		c.Paras[k] += *f.Paras
		counted[f.Lang] = true
	}
	for _, f := range l.Findings {
		if counted[f.Final.Lang] {
			c.Findings[FKey{f.Final.Lang, year, f.Kind}]++
		}
	}
	for _, r := range l.Renderings {
		c.Render[RKey{r.VotedConcept, r.FinalConcept, r.Group, r.Lang, year, body}]++
		t := TKey{r.VotedConcept, r.FinalConcept, r.Lang}
		if len(c.Examples[t]) >= c.MaxExamples {
			continue
		}
		ex := Example{Source: source, Symbol: l.Symbol, Year: year, Body: body, Para: r.Para, FinalPara: r.FinalPara}
		fp := cmp.Or(r.FinalPara, r.Para)
		for _, f := range l.Findings {
			if f.Final.Lang == r.Lang && f.Voted.Para == r.Para && f.Final.Para == fp &&
				deref(f.VotedConcept) == r.VotedConcept && deref(f.FinalConcept) == r.FinalConcept {
				ex.VotedText, ex.FinalText = f.Voted.Text, f.Final.Text
				break
			}
		}
		c.Examples[t] = append(c.Examples[t], ex)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Merge adds the counts of o to c (o's examples after c's, up to c's N).
func (c *Counts) Merge(o *Counts) {
	c.Lines += o.Lines
	c.NoParas += o.NoParas
	c.Errors += o.Errors
	for k, v := range o.Finals {
		c.Finals[k] += v
	}
	for k, v := range o.Paras {
		c.Paras[k] += v
	}
	for k, v := range o.Findings {
		c.Findings[k] += v
	}
	for k, v := range o.Render {
		c.Render[k] += v
	}
	for k, exs := range o.Examples {
		for _, e := range exs {
			if len(c.Examples[k]) < c.MaxExamples {
				c.Examples[k] = append(c.Examples[k], e)
			}
		}
	}
}

// sortedKeys returns the keys of m sorted by less.
func sortedKeys[K comparable, V any](m map[K]V, less func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, less)
	return keys
}

// Input is one batch output: a directory of part files, or a results file
// (a merge of shards).
type Input struct {
	Path  string
	Parts []string // the files to read, in order
	// Store is the path of the counts' store (next to the output).
	Store string
}

// StoreName is the file of the store in an output directory; beside a
// results file it is the file's name with this suffix.
const StoreName = "atlas.db"

// OpenInput lists the part files of a batch output directory, or takes a
// results file as it is.
func OpenInput(path string) (*Input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a batch output directory nor a results file (%v)", path, st.Mode().Type())
		}
		return &Input{Path: path, Parts: []string{path}, Store: path + "." + StoreName}, nil
	}
	parts, err := batch.Parts(path)
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("%s: no part files (part-*.jsonl): not the output of driftcheck batch, or a run that has written nothing yet", path)
	}
	return &Input{Path: path, Parts: parts, Store: filepath.Join(path, StoreName)}, nil
}

// EachLine calls fn with every result line of the files, its source
// ("file:line") and its number; a line that is not a result line is an
// error naming its file and line.
func EachLine(files []string, fn func(l *Line, file string, n int) error) error {
	for _, p := range files {
		if err := eachLineOf(p, fn); err != nil {
			return err
		}
	}
	return nil
}

func eachLineOf(p string, fn func(l *Line, file string, n int) error) error {
	f, err := batch.OpenPart(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return fmt.Errorf("%s:%d: not a result line of driftcheck batch: %w", p, n, err)
		}
		if l.Symbol == "" {
			return fmt.Errorf("%s:%d: not a result line of driftcheck batch: no symbol", p, n)
		}
		if err := fn(&l, p, n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

// source names a line.
func source(file string, n int) string { return file + ":" + strconv.Itoa(n) }

// CountFiles counts the result lines of files into c. The files are read
// a few at a time, at once (as many as there are processors, up to 8),
// each into counts of its own merged in the order of the files: the
// numbers and the examples kept are those of a reading in order.
func CountFiles(c *Counts, files []string) error {
	w := min(runtime.GOMAXPROCS(0), 8)
	for len(files) > 0 {
		group := files[:min(w, len(files))]
		files = files[len(group):]
		parts := make([]*Counts, len(group))
		errs := make([]error, len(group))
		var wg sync.WaitGroup
		for i, f := range group {
			wg.Add(1)
			go func() {
				defer wg.Done()
				pc := NewCounts(c.MaxExamples)
				errs[i] = eachLineOf(f, func(l *Line, file string, n int) error {
					pc.Add(l, source(file, n))
					return nil
				})
				parts[i] = pc
			}()
		}
		wg.Wait()
		for i := range group {
			if errs[i] != nil {
				return errs[i]
			}
			c.Merge(parts[i])
		}
	}
	return nil
}

// Options configure Build.
type Options struct {
	// Examples is N, the examples kept per (voted concept, final concept,
	// language); 0: DefaultExamples; negative: none.
	Examples int
	// NoStore reads every line and keeps no store.
	NoStore bool
	// Groups gives the group of concepts a lexicon knows (concept id →
	// group), so that the contested pairs of a group are listed even when
	// no line renders one of its concepts; the groups in the lines are
	// added.
	Groups map[string]string
	// Log, if set, is told what the store did for each input.
	Log io.Writer
}

func (o *Options) examples() int {
	switch {
	case o.Examples == 0:
		return DefaultExamples
	case o.Examples < 0:
		return 0
	}
	return o.Examples
}

// Build counts the inputs, through their stores unless NoStore, and lays
// the atlas out.
func Build(inputs []*Input, opt Options) (*Atlas, error) {
	total := NewCounts(opt.examples())
	var srcs []Source
	for _, in := range inputs {
		var c *Counts
		var err error
		if opt.NoStore {
			c = NewCounts(opt.examples())
			err = CountFiles(c, in.Parts)
		} else {
			var how string
			c, how, err = Update(in, opt.examples())
			if opt.Log != nil && err == nil {
				fmt.Fprintf(opt.Log, "atlas: %s: %s\n", in.Path, how)
			}
		}
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, Source{Path: in.Path, Parts: len(in.Parts), Lines: c.Lines})
		total.Merge(c)
	}
	return Layout(total, srcs, opt.Groups), nil
}
