package atlas_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/atlas"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// evalYears are the years the evaluation gives the devset's documents
// (all of 2015 in the corpus) through the manifest's date column, one in
// four each, so that rates differ by year.
var evalYears = []int{2012, 2013, 2014, 2015}

// writeDevsetBatch writes the devset as an archive (one file a document and
// language) with a manifest whose date column gives document i the year
// evalYears[i%4], and returns the manifest.
func writeDevsetBatch(t *testing.T, dir string, docs []*corpus.Doc) string {
	t.Helper()
	if _, err := corpus.WriteArchive(dir, docs, 0); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("symbol,role,lang,path,date\n")
	for i, d := range docs {
		for _, l := range corpus.Langs {
			role := "final"
			if l == "en" {
				role = "voted"
			}
			fmt.Fprintf(&b, "%s,%s,%s,%s,%d\n", d.Symbol, role, l, corpus.FileName(d.Symbol, l), evalYears[i%len(evalYears)])
		}
	}
	m := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(m, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return m
}

func runBatch(t *testing.T, chk *driftcheck.Checker, manifest, out string) {
	t.Helper()
	src, err := batch.OpenManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, err := batch.Run(context.Background(), src, batch.Options{Checker: chk, Out: out, Jobs: 2}); err != nil {
		t.Fatal(err)
	}
}

// faithful is a faithful rendering found by the clean run, where the test
// can put the alternative instead.
type faithful struct {
	symbol, lang, para, concept string
	year                        int
}

// TestDevsetInjected runs a batch over the UNPC devset (English voted,
// every other language final): the clean documents give a rate of 0 for
// every contested pair. Then, for each language and year, the test replaces
// the faithful rendering of a grouped concept by the preferred rendering
// of the other concept of its group in k of the n paragraphs where that
// can be done (k/n: 0, 1/4, 1/2, 3/4 of them, by year and language), runs
// the batch again and checks that the atlas gives back every injected
// count among the same totals.
func TestDevsetInjected(t *testing.T) {
	docs := corpus.DevsetOrSkip(t)
	if testing.Short() {
		t.Skip("the devset batch takes minutes: not in -short")
	}
	lex := lexicon.Default()
	chk := driftcheck.New(lex)
	clean := t.TempDir()
	start := time.Now()
	m := writeDevsetBatch(t, clean, docs)
	out0 := filepath.Join(t.TempDir(), "out")
	runBatch(t, chk, m, out0)
	t.Logf("clean batch: %d documents × 6 languages in %v", len(docs), time.Since(start).Round(time.Second))
	in0, err := atlas.OpenInput(out0)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	alt := map[string]*lexicon.Concept{}
	for _, c := range lex.Concepts {
		if c.Group != "" {
			groups[c.ID] = c.Group
		}
	}
	for _, c := range lex.Concepts {
		for _, o := range lex.Concepts {
			if c.Group != "" && o.Group == c.Group && o.ID != c.ID {
				alt[c.ID] = o // the default lexicon's groups are pairs
			}
		}
	}
	a0, err := atlas.Build([]*atlas.Input{in0}, atlas.Options{Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for _, p := range a0.Pairs {
		for _, s := range p.Series {
			for _, pt := range s.Points {
				pairs++
				if pt.Count != 0 {
					t.Errorf("clean devset: %s → %s in %s %d: %d of %d, want 0", p.VotedConcept, p.Alternative, s.Lang, pt.Year, pt.Count, pt.Total)
				}
			}
		}
	}
	if pairs == 0 {
		t.Fatal("clean devset: no contested pair has a voted paragraph")
	}
	// The faithful renderings, from the clean run's lines, that are alone
	// of their concept in their paragraph (so that the one hit replaced is
	// the one counted).
	var cands []faithful
	err = atlas.EachLine(in0.Parts, func(l *atlas.Line, _ string, _ int) error {
		n := map[string]int{}
		for _, r := range l.Renderings {
			n[r.Lang+"\x00"+r.Para+"\x00"+r.VotedConcept]++
		}
		for _, r := range l.Renderings {
			if r.FinalConcept == r.VotedConcept && r.FinalPara == "" && n[r.Lang+"\x00"+r.Para+"\x00"+r.VotedConcept] == 1 && alt[r.VotedConcept] != nil {
				cands = append(cands, faithful{l.Symbol, r.Lang, r.Para, r.VotedConcept, l.Meta.Year})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		return a.lang+a.symbol+a.para+a.concept < b.lang+b.symbol+b.para+b.concept
	})
	// Inject: k of the n candidates of each (concept, language, year).
	type cly struct {
		concept, lang string
		year          int
	}
	byKey := map[cly][]faithful{}
	for _, c := range cands {
		k := cly{c.concept, c.lang, c.year}
		byKey[k] = append(byKey[k], c)
	}
	langIndex := map[string]int{"ar": 0, "es": 1, "fr": 2, "ru": 3, "zh": 0}
	injected := map[cly]int{}
	edits := map[string]map[string][2]string{} // file → paragraph id → old text, new text
	for k, cs := range byKey {
		yi := 0
		for i, y := range evalYears {
			if y == k.year {
				yi = i
			}
		}
		want := len(cs) * ((yi + langIndex[k.lang]) % 4) / 4
		done := 0
		for _, c := range cs {
			if done == want {
				break
			}
			file := filepath.Join(clean, corpus.FileName(c.symbol, c.lang))
			if edits[file][c.para] != [2]string{} {
				continue // one edit a paragraph
			}
			old, repl, ok := substitute(t, chk, file, c, alt[c.concept])
			if !ok {
				continue
			}
			if edits[file] == nil {
				edits[file] = map[string][2]string{}
			}
			edits[file][c.para] = [2]string{old, repl}
			done++
		}
		injected[k] = done
	}
	total := 0
	for file, ps := range edits {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for _, e := range ps {
			replaced := false
			for i, l := range lines {
				if l == e[0] {
					lines[i], replaced = e[1], true
					break
				}
			}
			if !replaced {
				t.Fatalf("%s: paragraph %q not found as a line", file, e[0])
			}
			total++
		}
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out1 := filepath.Join(t.TempDir(), "out")
	start = time.Now()
	runBatch(t, chk, m, out1)
	t.Logf("injected batch (%d substitutions in %d files) in %v", total, len(edits), time.Since(start).Round(time.Second))
	in1, err := atlas.OpenInput(out1)
	if err != nil {
		t.Fatal(err)
	}
	a1, err := atlas.Build([]*atlas.Input{in1}, atlas.Options{Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	// Every (voted concept, alternative, language, year): the count injected
	// among the clean run's total.
	totals := map[cly]int{}
	for _, p := range a0.Pairs {
		for _, s := range p.Series {
			for _, pt := range s.Points {
				totals[cly{p.VotedConcept, s.Lang, pt.Year}] = pt.Total
			}
		}
	}
	checked, exact := 0, 0
	for _, p := range a1.Pairs {
		for _, s := range p.Series {
			for _, pt := range s.Points {
				k := cly{p.VotedConcept, s.Lang, pt.Year}
				checked++
				if pt.Count != injected[k] || pt.Total != totals[k] {
					t.Errorf("%s → %s in %s %d: %d of %d, injected %d of %d", p.VotedConcept, p.Alternative, s.Lang, pt.Year, pt.Count, pt.Total, injected[k], totals[k])
				} else {
					exact++
				}
			}
		}
	}
	var report []string
	for k, n := range injected {
		if n > 0 {
			report = append(report, fmt.Sprintf("%s %s %d: %d/%d", k.concept, k.lang, k.year, n, totals[k]))
		}
	}
	sort.Strings(report)
	t.Logf("%d (pair, language, year) rates checked, %d exact; injected: %s", checked, exact, strings.Join(report, "; "))
	if dst := os.Getenv("ATLAS_EVAL_OUT"); dst != "" {
		// Keep the injected atlas (for the screenshot of the page).
		f, err := os.Create(dst)
		if err == nil {
			a1.WriteHTML(f)
			f.Close()
		}
		js, _ := json.MarshalIndent(a1, "", " ")
		os.WriteFile(dst+".json", js, 0o644)
	}
}

// substitute returns the paragraph of c in file and that paragraph with its
// one hit of c's concept replaced by the preferred rendering of other in
// c's language; ok false when the paragraph is not one line of the file
// or has not exactly one hit of the concept.
func substitute(t *testing.T, chk *driftcheck.Checker, file string, c faithful, other *lexicon.Concept) (old, repl string, ok bool) {
	t.Helper()
	doc, err := chk.LoadFile(file, c.lang)
	if err != nil {
		t.Fatal(err)
	}
	terms := other.Terms[c.lang]
	if len(terms) == 0 {
		return "", "", false
	}
	side := chk.Annotate(doc)
	for _, p := range side.Paras {
		if p.P.ID != c.para {
			continue
		}
		var hits []lexicon.Hit
		for _, h := range p.Hits {
			if h.Concept.ID == c.concept {
				hits = append(hits, h)
			}
		}
		if len(hits) != 1 {
			return "", "", false
		}
		h := hits[0]
		text := p.P.Text
		return text, text[:h.Start] + terms[0] + text[h.End:], true
	}
	return "", "", false
}
