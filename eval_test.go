package driftcheck_test

import (
	"flag"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

var (
	evalFlag  = flag.Bool("eval", false, "run the evaluation harness on the UNPC devset (go test -run Eval -eval -v .)")
	evalLangs = flag.String("eval.langs", "zh,fr,es,ru,ar", "the final languages the evaluation harness checks against English")
)

// termSentences carries the voted term (mutually beneficial cooperation)
// and its negotiated alternative (win-win cooperation) in each language, for
// the term-swap injection: the corpus has almost no occurrence of either.
// Written for the project from the default lexicon's renderings.
var termSentences = map[string][2]string{
	"en": {"It promotes mutually beneficial cooperation in the field of human rights.", ""},
	"zh": {"它促进人权领域的互利合作。", "它促进人权领域的合作共赢。"},
	"fr": {"Il promeut la coopération mutuellement bénéfique dans le domaine des droits de l'homme.", "Il promeut la coopération gagnant-gagnant dans le domaine des droits de l'homme."},
	"es": {"Promueve la cooperación mutuamente beneficiosa en la esfera de los derechos humanos.", "Promueve la cooperación beneficiosa para todos en la esfera de los derechos humanos."},
	"ru": {"Оно поощряет взаимовыгодное сотрудничество в области прав человека.", "Оно поощряет беспроигрышное сотрудничество в области прав человека."},
	"ar": {"وهو يعزز التعاون المفيد للطرفين في مجال حقوق الإنسان.", "وهو يعزز التعاون المربح للجانبين في مجال حقوق الإنسان."},
}

// Injection kinds.
const (
	injNumber  = "number changed"
	injDrop    = "paragraph dropped"
	injInsert  = "paragraph inserted"
	injTermSwp = "term swapped"
)

// changeNumber changes the first ASCII digit run of s (its last digit moves
// by one) and reports whether there was one.
func changeNumber(s string) (string, bool) {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			continue
		}
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if b[j-1] == '9' {
			b[j-1] = '8'
		} else {
			b[j-1]++
		}
		return string(b), true
	}
	return s, false
}

// evalCase is one injected drift: the final lines to check and what must
// be found.
type evalCase struct {
	kind  string
	final []string
	// want: the finding kind, and the voted or final paragraph index it
	// must name (-1: not checked on that side).
	wantKind          drift.Kind
	votedPara, finPar int
	voted             []string // the voted lines, when the injection changed them too
}

// TestEval is the evaluation harness: on the UNPC devset (English as voted,
// each other language as final, documents grouped by symbol) it reports the
// findings of each kind per 100 clean paragraphs, then injects drifts into
// the finals — a number changed, a paragraph dropped, a paragraph inserted
// from another document, a lexicon term swapped for its negotiated
// alternative (after adding a sentence with the term to both versions) —
// and reports the recall of each kind. It asserts recall >= 0.95 for every
// kind in every language.
func TestEval(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run Eval -eval -v .)")
	}
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	rng := rand.New(rand.NewSource(1))
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	var table []string
	for _, lang := range strings.Split(*evalLangs, ",") {
		// Clean: false alarms per 100 paragraphs, at the default level.
		clean := map[string]int{}
		nparas := 0
		for _, d := range docs {
			v := parse(d.Lines["en"], d.Symbol+".en", "en")
			nparas += len(v.Body())
			for _, f := range chk.Check(v, parse(d.Lines[lang], d.Symbol+"."+lang, lang)).Findings() {
				if f.Severity >= drift.Warning {
					clean[string(f.Kind)]++
				}
			}
		}
		var kinds []string
		total := 0
		for k, n := range clean {
			kinds = append(kinds, fmt.Sprintf("%s %s", k, ratePer100(n, nparas)))
			total += n
		}
		sort.Strings(kinds)
		table = append(table, fmt.Sprintf("en→%s clean: %d paragraphs; findings at the default level per 100 paragraphs: %s (%s)", lang, nparas, ratePer100(total, nparas), strings.Join(kinds, ", ")))

		// Injected drifts.
		found, tried := map[string]int{}, map[string]int{}
		var misses []string
		for di, d := range docs {
			en, fin := d.Lines["en"], d.Lines[lang]
			var cases []evalCase
			// A number changed.
			fdoc := parse(fin, d.Symbol+"."+lang, lang)
			for i, l := range fin {
				// A number of the text proper, not the paragraph's label.
				bs := 0
				if i < len(fdoc.Paras) {
					bs = fdoc.Paras[i].BodyStart
				}
				if nl, ok := changeNumber(l[bs:]); ok && strings.ContainsAny(en[i], "0123456789") {
					f := append([]string{}, fin...)
					f[i] = l[:bs] + nl
					cases = append(cases, evalCase{kind: injNumber, final: f, wantKind: drift.NumberMismatch, votedPara: i, finPar: i})
					break
				}
			}
			if len(fin) >= 2 {
				// A paragraph dropped.
				i := rng.Intn(len(fin))
				f := append(append([]string{}, fin[:i]...), fin[i+1:]...)
				cases = append(cases, evalCase{kind: injDrop, final: f, wantKind: drift.ParagraphMissing, votedPara: i, finPar: -1})
			}
			// A paragraph inserted from another document.
			other := docs[(di+len(docs)/2)%len(docs)].Lines[lang]
			ins := other[rng.Intn(len(other))]
			i := rng.Intn(len(fin) + 1)
			f := append(append(append([]string{}, fin[:i]...), ins), fin[i:]...)
			cases = append(cases, evalCase{kind: injInsert, final: f, wantKind: drift.ParagraphAdded, votedPara: -1, finPar: i})
			// A term swapped: both versions get the sentence, the final
			// with the alternative.
			i = rng.Intn(len(fin))
			v2 := append([]string{}, en...)
			v2[i] = en[i] + " " + termSentences["en"][0]
			f = append([]string{}, fin...)
			f[i] = fin[i] + sep(lang) + termSentences[lang][1]
			cases = append(cases, evalCase{kind: injTermSwp, final: f, voted: v2, wantKind: drift.TermSubstituted, votedPara: i, finPar: i})

			for _, c := range cases {
				tried[c.kind]++
				vl := en
				if c.voted != nil {
					vl = c.voted
				}
				v := parse(vl, d.Symbol+".en", "en")
				fd := parse(c.final, d.Symbol+"."+lang, lang)
				// One paragraph per line: line i is Paras[i]. A header
				// paragraph is not compared, so a drift there is not counted.
				var wantV, wantF string
				if c.votedPara >= 0 {
					if c.votedPara >= len(v.Paras) || !v.Paras[c.votedPara].Compared() {
						tried[c.kind]--
						continue
					}
					wantV = v.Paras[c.votedPara].ID
				}
				if c.finPar >= 0 {
					if c.finPar >= len(fd.Paras) || !fd.Paras[c.finPar].Compared() {
						tried[c.kind]--
						continue
					}
					wantF = fd.Paras[c.finPar].ID
				}
				ok := false
				for _, f := range chk.Check(v, fd).Findings() {
					if f.Kind == c.wantKind && (wantV == "" || f.Voted.Para == wantV) && (wantF == "" || f.Final.Para == wantF) {
						ok = true
					}
				}
				if c.kind == injDrop || c.kind == injInsert {
					bucket := fmt.Sprintf("%s n=%d", c.kind, min(len(en), 8))
					tried[bucket]++
					if ok {
						found[bucket]++
					}
				}
				if ok {
					found[c.kind]++
				} else if len(misses) < 5 {
					misses = append(misses, fmt.Sprintf("%s %s: %s", lang, d.Symbol, c.kind))
				}
			}
		}
		line := fmt.Sprintf("en→%s recall:", lang)
		for _, k := range []string{injNumber, injDrop, injInsert, injTermSwp} {
			r := float64(found[k]) / float64(tried[k])
			line += fmt.Sprintf(" %s %.3f (%d/%d);", k, r, found[k], tried[k])
			if r < 0.95 {
				t.Errorf("en→%s: recall of %q is %.3f, want at least 0.95", lang, k, r)
			}
		}
		table = append(table, line)
		if testing.Verbose() {
			var bs []string
			for k := range tried {
				if strings.Contains(k, " n=") {
					bs = append(bs, k)
				}
			}
			sort.Strings(bs)
			for _, b := range bs {
				table = append(table, fmt.Sprintf("   %s: %d/%d", b, found[b], tried[b]))
			}
		}
		for _, m := range misses {
			t.Logf("  missed: %s", m)
		}
	}
	for _, l := range table {
		t.Log(l)
	}
}

// sep joins a sentence to a paragraph: no space after Chinese.
func sep(lang string) string {
	if lang == "zh" {
		return ""
	}
	return " "
}
