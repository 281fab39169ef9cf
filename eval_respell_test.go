package driftcheck_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// respellings are the UN's English spellings before about 2000 (and the
// British ones), written by hand for this test: the voted English of the
// devset is respelled with them.
var respellings = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\b([Cc])oop`), "${1}o-op"},
	{regexp.MustCompile(`\b([Cc])oord`), "${1}o-ord"},
	{regexp.MustCompile(`\b([Pp])rogram(s?)\b`), "${1}rogramme${2}"},
	{regexp.MustCompile(`\b([Oo])rganiz`), "${1}rganis"},
	{regexp.MustCompile(`\b([Rr])ecogniz`), "${1}ecognis"},
	{regexp.MustCompile(`\b([Ll])abor`), "${1}abour"},
	{regexp.MustCompile(`\b([Dd])efense`), "${1}efence"},
	{regexp.MustCompile(`\b([Cc])enter(s?)\b`), "${1}entre${2}"},
	{regexp.MustCompile(`\b([Nn])ongovernmental`), "${1}on-governmental"},
	{regexp.MustCompile(`\b([Cc])apacity building`), "${1}apacity-building"},
	{regexp.MustCompile(`\b([Cc])onnection`), "${1}onnexion"},
	{regexp.MustCompile(`\b([Ff])ulfill\b`), "${1}ulfil"},
}

func respell(s string) string {
	for _, r := range respellings {
		s = r.re.ReplaceAllString(s, r.with)
	}
	return s
}

// evalFigures is what TestEvalRespelled compares: findings at the default
// level per 100 clean paragraphs, and the recall of an injected term swap.
type evalFigures struct {
	cleanPer100 float64
	swapRecall  float64
}

// TestEvalRespelled: the evaluation harness on the devset English respelled
// with pre-2000 UN spellings gives the same figures as on the original
// English, within 0.2 per 100 (issue 17).
func TestEvalRespelled(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run EvalRespelled -eval -v .)")
	}
	docs := devset(t)
	changed, lines := 0, 0
	for _, d := range docs {
		for _, l := range d.Lines["en"] {
			lines++
			if respell(l) != l {
				changed++
			}
		}
	}
	t.Logf("respelled %d of %d English lines", changed, lines)
	if changed < 100 {
		t.Fatalf("only %d lines respelled: the test says nothing", changed)
	}
	chk := driftcheck.New(lexicon.Default())
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	figures := func(lang string, en func(string) string) evalFigures {
		clean, nparas := 0, 0
		found, tried := 0, 0
		for _, d := range docs {
			var vl, swapped []string
			for _, l := range d.Lines["en"] {
				vl = append(vl, en(l))
			}
			fin := d.Lines[lang]
			v := parse(vl, d.Symbol+".en", "en")
			nparas += len(v.Body())
			for _, f := range chk.Check(v, parse(fin, d.Symbol+"."+lang, lang)).Findings() {
				if f.Severity >= drift.Warning {
					clean++
				}
			}
			// The term swap of TestEval, in the first body paragraph.
			i := 0
			for i < len(v.Paras) && !v.Paras[i].Compared() {
				i++
			}
			if i >= len(v.Paras) || i >= len(fin) {
				continue
			}
			swapped = append([]string{}, vl...)
			swapped[i] = vl[i] + " " + en(termSentences["en"][0])
			f := append([]string{}, fin...)
			f[i] = fin[i] + sep(lang) + termSentences[lang][1]
			v2, f2 := parse(swapped, d.Symbol+".en", "en"), parse(f, d.Symbol+"."+lang, lang)
			if !f2.Paras[i].Compared() {
				continue
			}
			tried++
			for _, x := range chk.Check(v2, f2).Findings() {
				if x.Kind == drift.TermSubstituted && x.Voted.Para == v2.Paras[i].ID && x.Final.Para == f2.Paras[i].ID {
					found++
					break
				}
			}
		}
		r, _ := strconv.ParseFloat(ratePer100(clean, nparas), 64)
		return evalFigures{cleanPer100: r, swapRecall: float64(found) / float64(tried)}
	}
	same := func(s string) string { return s }
	for _, lang := range strings.Split(*evalLangs, ",") {
		orig, resp := figures(lang, same), figures(lang, respell)
		t.Logf("en→%s clean findings per 100 paragraphs: original %.2f, respelled %.2f; term-swap recall: original %.3f, respelled %.3f",
			lang, orig.cleanPer100, resp.cleanPer100, orig.swapRecall, resp.swapRecall)
		if d := math.Abs(orig.cleanPer100 - resp.cleanPer100); d > 0.2 {
			t.Errorf("en→%s: %.2f findings per 100 clean paragraphs respelled, %.2f original: differ by %.2f, want at most 0.2", lang, resp.cleanPer100, orig.cleanPer100, d)
		}
		if d := math.Abs(orig.swapRecall - resp.swapRecall); d > 0.002 {
			t.Errorf("en→%s: term-swap recall %.3f respelled, %.3f original, want the same within 0.2 per 100", lang, resp.swapRecall, orig.swapRecall)
		}
	}
}
