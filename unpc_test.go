package driftcheck_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

func devset(tb testing.TB) []*corpus.Doc { return corpus.DevsetOrSkip(tb) }

func paras(lines []string) []extract.Paragraph {
	return extract.Split(strings.Join(lines, "\n"))
}

// TestUNPCDevsetClean checks real official translations (English as voted,
// each other language as final): there must be no term-substituted finding.
// The rate of every other kind per 100 paragraphs is logged: each is a false
// alarm to drive down.
func TestUNPCDevsetClean(t *testing.T) {
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	for _, lang := range []string{"zh", "fr", "es", "ru", "ar"} {
		if testing.Short() && lang != "zh" {
			continue
		}
		counts := map[string]int{}
		nparas, atDefault := 0, 0
		var examples []string
		for _, d := range docs {
			res := checkDevset(t, chk, d, lang)
			nparas += len(res.Voted.Body())
			for _, x := range res.Findings() {
				k := string(x.Kind)
				if x.Severity < drift.Warning {
					k += "(" + x.Severity.String() + ")"
				} else {
					atDefault++
				}
				counts[k]++
				if x.Kind == drift.TermSubstituted {
					t.Errorf("%s en→%s: term-substituted on a clean official text: %s\n  voted: %+q\n  final: %+q", d.Symbol, lang, x.Message, x.Voted.Text, x.Final.Text)
				}
				if len(examples) < 30 && x.Severity >= drift.Warning && testing.Verbose() && lang == "zh" {
					examples = append(examples, string(x.Kind)+": "+x.Message+"\n    "+x.Voted.Text+"\n    "+x.Final.Text)
				}
			}
		}
		var kinds []string
		for k := range counts {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		var b strings.Builder
		for _, k := range kinds {
			b.WriteString(" " + k + "=" + ratePer100(counts[k], nparas))
		}
		t.Logf("en→%s: %d documents, %d paragraphs; per 100 paragraphs:%s; at default level %s", lang, len(docs), nparas, b.String(), ratePer100(atDefault, nparas))
		for _, e := range examples {
			t.Log(e)
		}
	}
}

// TestGARes55100 checks the first lines of General Assembly resolution
// 55/100 in six languages (../shared/corpora/un-ga-res-55-100, official
// texts): English as voted, every other language as final, nothing at the
// default level.
func TestGARes55100(t *testing.T) {
	shared, ok := corpus.SharedDir()
	if !ok {
		t.Skip("../shared is absent: this test needs ../shared/corpora/un-ga-res-55-100")
	}
	dir := filepath.Join(shared, "corpora", "un-ga-res-55-100")
	chk := driftcheck.New(lexicon.Default())
	voted, err := chk.LoadFile(filepath.Join(dir, "A_RES_55_100.sample.en.txt"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ar", "zh", "fr", "ru", "es"} {
		f, err := chk.LoadFile(filepath.Join(dir, "A_RES_55_100.sample."+lang+".txt"), "")
		if err != nil {
			t.Fatal(err)
		}
		if f.Lang != lang {
			t.Errorf("%s: language read as %q", f.Path, f.Lang)
		}
		for _, x := range chk.Check(voted, f).Findings() {
			if x.Severity >= drift.Warning {
				t.Errorf("en→%s: %s %s: %s", lang, x.Severity, x.Kind, x.Message)
			}
		}
	}
}
