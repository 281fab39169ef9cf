package driftcheck_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/number"
)

// The kinds of number change TestEvalNumbers injects (issue "Every changed
// number, wherever it hides in the paragraph").
const (
	numInto     = "into a value found elsewhere"
	numRepeated = "out of a repeated value"
	numRange    = "in a range"
	numRef      = "in a resolution reference"
	numDate     = "in a date"
	numPercent  = "in a percentage"
)

var numKinds = []string{numInto, numRepeated, numRange, numRef, numDate, numPercent}

// numCase is one number change in a final paragraph: the span of the
// paragraph text replaced and what it becomes.
type numCase struct {
	kind       string
	para       int // index into the final document's Paras (one per line)
	start, end int
	repl       string
}

// digitsOnly reports whether s is ASCII digits (a number that a one-digit
// change keeps a number of the same shape).
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// bump changes the last digit of a run of digits by one (9 becomes 8).
func bump(s string) string {
	b := []byte(s)
	if b[len(b)-1] == '9' {
		b[len(b)-1] = '8'
	} else {
		b[len(b)-1]++
	}
	return string(b)
}

// numberCases lists, for one final paragraph and its numbers, one change of
// each kind the paragraph allows.
func numberCases(pi int, nums []number.Number, rng *rand.Rand) []numCase {
	var ns []number.Number
	for _, n := range nums {
		if n.Role != number.Note && n.Role != number.Page && digitsOnly(n.Text) {
			ns = append(ns, n)
		}
	}
	var out []numCase
	pick := func(kind string, ok func(number.Number) bool) {
		var c []number.Number
		for _, n := range ns {
			if ok(n) {
				c = append(c, n)
			}
		}
		if len(c) > 0 {
			n := c[rng.Intn(len(c))]
			out = append(out, numCase{kind: kind, para: pi, start: n.Start, end: n.End, repl: bump(n.Text)})
		}
	}
	pick(numRange, func(n number.Number) bool { return n.Role == number.Range })
	pick(numRef, func(n number.Number) bool { return n.Role == number.Reference })
	pick(numDate, func(n number.Number) bool { return n.Role == number.Date })
	pick(numPercent, func(n number.Number) bool { return n.Role == number.Percent })
	count := map[string]int{}
	for _, n := range ns {
		count[n.Text]++
	}
	pick(numRepeated, func(n number.Number) bool { return count[n.Text] >= 2 })
	// Into a value the paragraph holds elsewhere: of the same number of
	// digits, so that the change is one a typist or a copy-paste makes.
	var pairs [][2]number.Number
	for _, a := range ns {
		for _, b := range ns {
			if a.Text != b.Text && len(a.Text) == len(b.Text) {
				pairs = append(pairs, [2]number.Number{a, b})
			}
		}
	}
	if len(pairs) > 0 {
		p := pairs[rng.Intn(len(pairs))]
		out = append(out, numCase{kind: numInto, para: pi, start: p[0].Start, end: p[0].End, repl: p[1].Text})
	}
	return out
}

// numberTemplates are sentences written for the project, one per kind, in
// each language, with the voted English beside them. They top up a kind
// the devset has fewer than minCases of: each is appended to a paragraph
// of both versions, and its number changed in the final.
var numberTemplates = map[string]map[string][2]string{
	numRange: {
		"zh": {"The programme budget for the biennium 2016-2017 was approved.", "2016-2017两年期方案预算获得核准。"},
		"fr": {"The programme budget for the biennium 2016-2017 was approved.", "Le budget-programme de l'exercice biennal 2016-2017 a été approuvé."},
		"es": {"The programme budget for the biennium 2016-2017 was approved.", "Se aprobó el presupuesto por programas para el bienio 2016-2017."},
		"ru": {"The programme budget for the biennium 2016-2017 was approved.", "Бюджет по программам на двухгодичный период 2016-2017 годов был утвержден."},
		"ar": {"The programme budget for the biennium 2016-2017 was approved.", "ووفق على الميزانية البرنامجية لفترة السنتين 2016-2017."},
	},
	numRef: {
		"zh": {"The Council recalls its resolution 2174 (2014).", "安理会回顾其第2174(2014)号决议。"},
		"fr": {"The Council recalls its resolution 2174 (2014).", "Le Conseil rappelle sa résolution 2174 (2014)."},
		"es": {"The Council recalls its resolution 2174 (2014).", "El Consejo recuerda su resolución 2174 (2014)."},
		"ru": {"The Council recalls its resolution 2174 (2014).", "Совет ссылается на свою резолюцию 2174 (2014)."},
		"ar": {"The Council recalls its resolution 2174 (2014).", "ويشير المجلس إلى قراره 2174 (2014)."},
	},
	numDate: {
		"zh": {"The meeting was held on 29 June 1999.", "会议于1999年6月29日举行。"},
		"fr": {"The meeting was held on 29 June 1999.", "La séance s'est tenue le 29 juin 1999."},
		"es": {"The meeting was held on 29 June 1999.", "La sesión se celebró el 29 de junio de 1999."},
		"ru": {"The meeting was held on 29 June 1999.", "Заседание состоялось 29 июня 1999 года."},
		"ar": {"The meeting was held on 29 June 1999.", "وعقدت الجلسة في 29 حزيران/يونيه 1999."},
	},
	numPercent: {
		"zh": {"Of the recommendations, 37 (45 per cent) were implemented.", "在这些建议中，37项(45%)已得到执行。"},
		"fr": {"Of the recommendations, 37 (45 per cent) were implemented.", "Parmi ces recommandations, 37 (45 %) ont été appliquées."},
		"es": {"Of the recommendations, 37 (45 per cent) were implemented.", "De esas recomendaciones, se aplicaron 37 (45 %)."},
		"ru": {"Of the recommendations, 37 (45 per cent) were implemented.", "Из этих рекомендаций выполнены 37 (45 процентов)."},
		"ar": {"Of the recommendations, 37 (45 per cent) were implemented.", "ونُفذت من هذه التوصيات 37 توصية (45 في المائة)."},
	},
}

// TestEvalNumbers injects number changes of each kind into the devset's
// official finals (English as voted) and reports the recall of each kind
// per language: a change counts as found when the check names the changed
// paragraph in a number-mismatch at the default level (warning or error).
// Paragraphs whose clean check already has a number finding are not used.
// A kind the devset has fewer than minCases of in a language is topped up
// with numberTemplates. It asserts recall >= 0.98 for every kind.
func TestEvalNumbers(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run EvalNumbers -eval -v .)")
	}
	const minCases, maxCases = 40, 150
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	parse := func(lines []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(lines), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	// found reports whether checking final lines against voted ones names
	// final paragraph pi in a number-mismatch at the default level, and
	// what the check found there otherwise.
	found := func(v *document.Document, lines []string, name, lang string, pi int) (bool, string) {
		fd := parse(lines, name, lang)
		if pi >= len(fd.Paras) {
			return false, "no such paragraph"
		}
		// The paragraph is told by its line (one paragraph per line): the
		// check may read both texts as plain documents, with other ids
		// than Parse gave the final alone.
		var got []string
		for _, f := range chk.Check(v, fd).Findings() {
			if f.Kind == drift.NumberMismatch && f.Severity >= drift.Warning && f.Final.Line == pi+1 {
				return true, ""
			}
			if f.Final.Line == pi+1 {
				got = append(got, fmt.Sprintf("%s/%s %q→%q", f.Kind, f.Severity, f.VotedNumbers, f.FinalNumbers))
			}
		}
		return false, strings.Join(got, "; ")
	}
	var table []string
	for _, lang := range strings.Split(*evalLangs, ",") {
		rng := rand.New(rand.NewSource(1))
		tried, hit := map[string]int{}, map[string]int{}
		var misses []string
		try := func(kind string, v *document.Document, lines []string, name string, pi int, desc string) {
			tried[kind]++
			if ok, got := found(v, lines, name, lang, pi); ok {
				hit[kind]++
			} else if len(misses) < 30 {
				misses = append(misses, fmt.Sprintf("%s [%s] %s; found: %s", name, kind, desc, got))
			}
		}
		for _, d := range docs {
			en, fin := d.Lines["en"], d.Lines[lang]
			if len(en) == 0 || len(fin) == 0 {
				continue
			}
			name := d.Symbol + "." + lang
			v := parse(en, d.Symbol+".en", "en")
			fd := parse(fin, name, lang)
			if len(fd.Paras) != len(fin) {
				continue // not one paragraph per line: the changed line cannot be told
			}
			noisy := map[int]bool{} // final lines with a number or paragraph finding
			for _, f := range chk.Check(v, fd).Findings() {
				if f.Kind == drift.NumberMismatch || f.Kind == drift.ParagraphMissing || f.Kind == drift.ParagraphAdded {
					noisy[f.Final.Line] = true
				}
			}
			side := chk.Annotate(fd)
			for _, sp := range side.Paras {
				pi := -1
				for k := range fd.Paras {
					if &fd.Paras[k] == sp.P {
						pi = k
					}
				}
				if pi < 0 || noisy[pi+1] || !sp.P.Compared() || strings.TrimSpace(fin[pi]) != sp.P.Text {
					continue
				}
				for _, c := range numberCases(pi, sp.Numbers, rng) {
					if tried[c.kind] >= maxCases {
						continue
					}
					text := sp.P.Text
					lines := append([]string{}, fin...)
					lines[pi] = text[:c.start] + c.repl + text[c.end:]
					try(c.kind, v, lines, name, pi, fmt.Sprintf("%q → %q in %q", text[c.start:c.end], c.repl, lines[pi]))
				}
			}
		}
		// Top up from the templates.
		for _, kind := range numKinds {
			tpl, ok := numberTemplates[kind][lang]
			for di := 0; ok && tried[kind] < minCases && di < len(docs); di++ {
				d := docs[di]
				en, fin := d.Lines["en"], d.Lines[lang]
				if len(en) == 0 || len(en) != len(fin) {
					continue
				}
				i := rng.Intn(len(en))
				ven := append([]string{}, en...)
				ven[i] = en[i] + " " + tpl[0]
				lines := append([]string{}, fin...)
				lines[i] = fin[i] + sep(lang) + tpl[1]
				v := parse(ven, d.Symbol+".en", "en")
				name := d.Symbol + "." + lang
				fd := parse(lines, name, lang)
				if len(fd.Paras) != len(lines) || !fd.Paras[i].Compared() {
					continue
				}
				clean := true
				for _, f := range chk.Check(v, fd).Findings() {
					if f.Kind == drift.NumberMismatch && f.Final.Line == i+1 {
						clean = false
					}
				}
				if !clean {
					continue
				}
				// The template's numbers, read in the final paragraph: the
				// change goes into the template's part only.
				side := chk.Annotate(fd)
				var sp *drift.Para
				for _, p := range side.Paras {
					if p.P == &fd.Paras[i] {
						sp = p
					}
				}
				if sp == nil {
					continue
				}
				from := len(sp.P.Text) - len(tpl[1])
				var nums []number.Number
				for _, n := range sp.Numbers {
					if n.Start >= from {
						nums = append(nums, n)
					}
				}
				for _, c := range numberCases(i, nums, rng) {
					if c.kind != kind {
						continue
					}
					text := sp.P.Text
					changed := append([]string{}, lines...)
					changed[i] = text[:c.start] + c.repl + text[c.end:]
					try(kind, v, changed, name, i, fmt.Sprintf("(template) %q → %q", text[c.start:c.end], c.repl))
				}
			}
		}
		line := fmt.Sprintf("en→%s", lang)
		for _, k := range numKinds {
			r := 0.0
			if tried[k] > 0 {
				r = float64(hit[k]) / float64(tried[k])
			}
			line += fmt.Sprintf("\t%s %.3f (%d/%d)", k, r, hit[k], tried[k])
			if tried[k] < minCases || r < 0.98 {
				t.Errorf("en→%s %s: recall %.3f (%d/%d), want >= 0.98 on at least %d cases", lang, k, r, hit[k], tried[k], minCases)
			}
		}
		table = append(table, line)
		for _, m := range misses {
			t.Logf("  missed: %s", m)
		}
	}
	for _, l := range table {
		t.Log(l)
	}
	if dir := os.Getenv("DRIFTCHECK_ARTIFACTS"); dir != "" {
		_ = os.MkdirAll(dir, 0o755)
		_ = os.WriteFile(filepath.Join(dir, "eval-numbers.tsv"), []byte(strings.Join(table, "\n")+"\n"), 0o644)
	}
}
