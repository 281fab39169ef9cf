package driftcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/layoutcorpus"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
)

// layoutFile is one corpus file read, with its truth.
type layoutFile struct {
	layoutcorpus.Entry
	got   []extract.Paragraph
	truth []extract.Paragraph
	err   error
}

var (
	layoutOnce  sync.Once
	layoutFiles []*layoutFile
	layoutErr   error
)

// readLayoutCorpus reads every file of testdata/layout once per test run.
func readLayoutCorpus(t *testing.T) []*layoutFile {
	t.Helper()
	layoutOnce.Do(func() {
		entries, err := layoutcorpus.Manifest(layoutcorpus.Dir())
		if err != nil {
			layoutErr = err
			return
		}
		opt := reader.Options{}
		opt.PDF.CacheDir = filepath.Join(os.TempDir(), "driftcheck-pdftext-test-wazero")
		for _, e := range entries {
			f := &layoutFile{Entry: e}
			f.truth, f.err = layoutcorpus.Truth(e.Source)
			if f.err == nil {
				f.got, f.err = reader.ReadFile(e.File, opt)
			}
			layoutFiles = append(layoutFiles, f)
		}
	})
	if layoutErr != nil {
		t.Fatalf("layout corpus: %v", layoutErr)
	}
	return layoutFiles
}

// score counts a file's recovered body paragraphs: a paragraph is
// recovered when the source has a paragraph with the same id and the same
// words (layoutcorpus.Norm).
type score struct{ correct, got, want int }

func (s *score) add(o score) { s.correct += o.correct; s.got += o.got; s.want += o.want }

func (s score) prf() (p, r, f float64) {
	if s.got > 0 {
		p = float64(s.correct) / float64(s.got)
	}
	if s.want > 0 {
		r = float64(s.correct) / float64(s.want)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// bodyByID returns the compared and header paragraphs of a document (not
// its notes) as id → normalised text after the label, and the ids in
// order. The label is in the id ("OP2(a)"); how it is printed ("1." or
// "1．", a list number) is the layout's.
func bodyByID(d *document.Document) (map[string]string, []string) {
	m := map[string]string{}
	var ids []string
	for _, p := range d.Paras {
		if p.Kind == document.Note {
			continue
		}
		m[p.ID] = layoutcorpus.Norm(p.Text[p.BodyStart:])
		ids = append(ids, p.ID)
	}
	return m, ids
}

func scoreFile(f *layoutFile) (score, []string) {
	want, wantIDs := bodyByID(document.Parse(f.truth, f.Source, f.Lang))
	got, gotIDs := bodyByID(document.Parse(f.got, f.File, f.Lang))
	s := score{got: len(gotIDs), want: len(wantIDs)}
	var bad []string
	for _, id := range gotIDs {
		if w, ok := want[id]; ok && w == got[id] {
			s.correct++
		} else if len(bad) < 4 {
			g, w := around(got[id], w)
			bad = append(bad, fmt.Sprintf("%s: got  %q\n\t\twant %q", id, g, w))
		}
	}
	for _, id := range wantIDs {
		if _, ok := got[id]; !ok && len(bad) < 6 {
			bad = append(bad, fmt.Sprintf("%s: missing, want %q", id, clip(want[id])))
		}
	}
	return s, bad
}

// around returns the parts of two strings around their first difference.
func around(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	cut := func(r []rune) string {
		from, to := max(0, i-40), min(len(r), i+40)
		s := string(r[from:to])
		if from > 0 {
			s = "…" + s
		}
		if to < len(r) {
			s += "…"
		}
		return s
	}
	return cut(ra), cut(rb)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:80]) + " … " + string(r[len(r)-60:])
	}
	return s
}

// minF1 is the paragraph F1 each producer must reach in every cell.
var minF1 = map[string]float64{"lo-pdf": 0.98, "chromium-pdf": 0.98, "lo-docx": 1, "html": 1}

// TestLayoutCorpus reads every file of the layout corpus and scores its
// paragraphs against its source, per producer × layout × language. It logs
// the table (go test -run TestLayoutCorpus -v) and writes it to
// $DRIFTCHECK_ARTIFACTS/layout-f1.tsv when that is set.
func TestLayoutCorpus(t *testing.T) {
	files := readLayoutCorpus(t)
	cells := map[string]*score{}
	for _, f := range files {
		if f.err != nil {
			t.Errorf("%s: %v", f.File, f.err)
			continue
		}
		s, bad := scoreFile(f)
		c := cells[f.Cell()]
		if c == nil {
			c = &score{}
			cells[f.Cell()] = c
		}
		c.add(s)
		if s.correct != s.got || s.correct != s.want {
			t.Logf("%s: %d of %d paragraphs recovered, %d read:\n\t%s", rel(f.File), s.correct, s.want, s.got, strings.Join(bad, "\n\t"))
		}
	}
	var names []string
	for k := range cells {
		names = append(names, k)
	}
	sort.Strings(names)
	var tsv strings.Builder
	tsv.WriteString("producer\tlayout\tlang\tparagraphs\tread\trecovered\tprecision\trecall\tF1\n")
	for _, k := range names {
		s := cells[k]
		p, r, f1 := s.prf()
		fmt.Fprintf(&tsv, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", strings.ReplaceAll(k, " ", "\t"), s.want, s.got, s.correct, p, r, f1)
		producer := strings.Fields(k)[0]
		if min, ok := minF1[producer]; !ok || f1 < min {
			t.Errorf("%s: paragraph F1 %.3f (P %.3f, R %.3f), want ≥ %.2f", k, f1, p, r, min)
		}
	}
	t.Logf("paragraph precision, recall and F1 per cell:\n%s", tsv.String())
	if dir := os.Getenv("DRIFTCHECK_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err == nil {
			os.WriteFile(filepath.Join(dir, "layout-f1.tsv"), []byte(tsv.String()), 0o644)
		}
	}
}

var (
	reJobNumber = regexp.MustCompile(`\b(?:GE|[A-Z]{1,3})\.\d{2}-\d{5}`)
	reBarcode   = regexp.MustCompile(`\*\d{5,}\*`)
)

// TestLayoutCorpusNotesAndFurniture: every note of a source is read as a
// note, none stays in the body, no body paragraph carries a reference mark
// glued to its word, a job number, a barcode or a running header.
func TestLayoutCorpusNotesAndFurniture(t *testing.T) {
	for _, f := range readLayoutCorpus(t) {
		if f.err != nil {
			continue // reported by TestLayoutCorpus
		}
		var wantNotes, gotNotes []string
		var wantBody []string
		for _, p := range f.truth {
			if p.Note {
				wantNotes = append(wantNotes, layoutcorpus.Norm(p.Text))
			} else {
				wantBody = append(wantBody, layoutcorpus.Norm(p.Text))
			}
		}
		truthAll := strings.Join(wantBody, "\n")
		for _, p := range f.got {
			text := layoutcorpus.Norm(p.Text)
			if p.Note {
				gotNotes = append(gotNotes, text)
				continue
			}
			for _, n := range wantNotes {
				if len(n) > 12 && strings.Contains(text, n) && !strings.Contains(truthAll, n) {
					t.Errorf("%s: note text in a body paragraph: %q", rel(f.File), clip(text))
				}
			}
			for _, re := range []*regexp.Regexp{reJobNumber, reBarcode} {
				if m := re.FindString(text); m != "" && !strings.Contains(truthAll, m) {
					t.Errorf("%s: furniture %q in a body paragraph: %q", rel(f.File), m, clip(text))
				}
			}
		}
		for _, n := range wantNotes {
			if !slices.Contains(gotNotes, n) {
				t.Errorf("%s: note %q not read as a note (notes read: %q)", rel(f.File), clip(n), gotNotes)
			}
		}
	}
}

// TestLayoutCorpusFindings: every corpus file gives exactly the findings
// of its source text against the same voted text (the English source of
// the same document): no finding is caused by the layout.
func TestLayoutCorpusFindings(t *testing.T) {
	chk := driftcheck.New(lexicon.Default())
	parsed := map[string]*document.Document{}
	parse := func(path, lang string) *document.Document {
		if d, ok := parsed[path]; ok {
			return d
		}
		truth, err := layoutcorpus.Truth(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := chk.Parse(truth, path, lang)
		if err != nil {
			t.Fatal(err)
		}
		parsed[path] = d
		return d
	}
	for _, f := range readLayoutCorpus(t) {
		if f.err != nil {
			continue
		}
		voted := parse(f.Voted, "en")
		want := findingKeys(chk.Check(voted, parse(f.Source, f.Lang)))
		d, err := chk.Parse(f.got, f.File, f.Lang)
		if err != nil {
			t.Errorf("%s: %v", rel(f.File), err)
			continue
		}
		got := findingKeys(chk.Check(voted, d))
		if !slices.Equal(got, want) {
			t.Errorf("%s against %s:\n got %q\nwant %q (from the source text)", rel(f.File), rel(f.Voted), got, want)
		}
	}
}

func rel(path string) string {
	if r, err := filepath.Rel(layoutcorpus.Dir(), path); err == nil {
		return r
	}
	return path
}
