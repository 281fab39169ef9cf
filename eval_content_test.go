package driftcheck_test

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// leadLabel is a paragraph number at the start of a devset line ("5. ",
// "5．"), left out when the line is joined to the one before.
var leadLabel = regexp.MustCompile(`^\(?[0-9]+[.．)]\s*`)

// joinLines joins devset lines into one paragraph, as the language writes
// sentences one after another.
func joinLines(lines []string, lang string) string {
	var b strings.Builder
	for k, l := range lines {
		if k > 0 {
			b.WriteString(sep(lang))
			l = leadLabel.ReplaceAllString(l, "")
		}
		b.WriteString(l)
	}
	return b.String()
}

// visible counts the characters of s other than spaces.
func visible(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// sentencesEnd reports whether every line ends a sentence or clause (a
// full stop, question or exclamation mark, semicolon or colon, in each
// script, perhaps before a closing quotation mark or bracket): a heading or
// a list item is no sentence to delete or to cut at.
func sentencesEnd(lines []string) bool {
	for _, l := range lines {
		l = strings.TrimRight(l, " \"'”’»)）")
		r := []rune(l)
		if len(r) == 0 || !strings.ContainsRune(".;:!?。；：！？؛؟", r[len(r)-1]) {
			return false
		}
	}
	return true
}

// clauseCuts returns the byte offsets just after each clause end of s (a
// semicolon in each script, followed by a space in Latin and Arabic text),
// written here independently of package drift's sentence splitter.
func clauseCuts(s string) []int {
	var out []int
	for i, r := range s {
		switch r {
		case '；', '。':
			out = append(out, i+len(string(r)))
		case ';', '؛':
			if j := i + len(string(r)); j < len(s) && s[j] == ' ' {
				out = append(out, j+1)
			}
		}
	}
	return out
}

// contentDoc is a devset document with its lines joined into paragraphs of
// one to four lines, alike in both languages (the gold alignment is one
// paragraph with the same one).
type contentDoc struct {
	symbol string
	en, fi [][]string // the lines of each paragraph
}

func contentDocs(docs []*corpus.Doc, lang string, rng *rand.Rand) []contentDoc {
	var out []contentDoc
	for _, d := range docs {
		cd := contentDoc{symbol: d.Symbol}
		en, fi := d.Lines["en"], d.Lines[lang]
		for i := 0; i < len(en); {
			k := min(1+rng.Intn(4), len(en)-i)
			cd.en = append(cd.en, en[i:i+k])
			cd.fi = append(cd.fi, fi[i:i+k])
			i += k
		}
		out = append(out, cd)
	}
	return out
}

// TestEvalContent measures content-omitted and content-added on the UNPC
// devset, per language: the false findings per 100 clean paragraphs
// (devset lines joined into paragraphs of one to four sentences, English
// as voted), and the recall of injected drifts in the final: a run of
// whole sentences (devset lines) or clauses (after a semicolon) making 20–
// 50% of a paragraph deleted; a sentence from another document inserted
// (20–50% of the paragraph it lands in); and, for a paragraph of one
// sentence with no clause to cut at, its last 20–50% deleted from a comma
// (the length fallback, reported apart: length alone cannot see every such
// cut). It asserts recall >= 0.95 for the deletions at sentence or clause
// boundaries and at most 1 false content finding per 100 paragraphs.
func TestEvalContent(t *testing.T) {
	if !*evalFlag {
		t.Skip("the evaluation harness runs with -eval (go test -run EvalContent -eval -v .)")
	}
	docs := devset(t)
	chk := driftcheck.New(lexicon.Default())
	parse := func(ps []string, name, lang string) *document.Document {
		d, err := chk.Parse(paras(ps), name, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return d
	}
	var table []string
	for _, lang := range strings.Split(*evalLangs, ",") {
		rng := rand.New(rand.NewSource(7))
		cds := contentDocs(docs, lang, rng)
		clean, nparas := 0, 0
		var examples []string
		const (
			kDel      = "sentences deleted"
			kClause   = "clauses deleted"
			kIns      = "sentence inserted"
			kFallback = "tail deleted (one sentence, fallback)"
		)
		found, tried := map[string]int{}, map[string]int{}
		var misses []string
		for di, cd := range cds {
			var ven, vfi []string
			for k := range cd.en {
				ven = append(ven, joinLines(cd.en[k], "en"))
				vfi = append(vfi, joinLines(cd.fi[k], lang))
			}
			v := parse(ven, cd.symbol+".en", "en")
			nparas += len(v.Body())
			for _, f := range chk.Check(v, parse(vfi, cd.symbol+"."+lang, lang)).Findings() {
				if (f.Kind == drift.ContentOmitted || f.Kind == drift.ContentAdded) && f.Severity >= drift.Warning {
					clean++
					if len(examples) < 8 {
						examples = append(examples, fmt.Sprintf("%s %s: %s\n      %s\n      %s", cd.symbol, f.Kind, f.Message, f.Voted.Text, f.Final.Text))
					}
				}
			}
			// One injection of each kind per document, in a paragraph
			// where it fits.
			type inj struct {
				kind  string
				final []string
				para  int
			}
			var cases []inj
			order := rng.Perm(len(cd.fi))
			done := map[string]bool{}
			for _, p := range order {
				lines := cd.fi[p]
				if !sentencesEnd(lines) || !sentencesEnd(cd.en[p]) {
					continue
				}
				whole := visible(joinLines(lines, lang))
				// Whole sentences.
				if len(lines) >= 2 && !done[kDel] {
					a := rng.Intn(len(lines))
					for b := a + 1; b <= len(lines); b++ {
						if b-a == len(lines) {
							break
						}
						rest := append(append([]string{}, lines[:a]...), lines[b:]...)
						share := 1 - float64(visible(joinLines(rest, lang)))/float64(whole)
						if share >= 0.2 && share <= 0.5 {
							f := append([]string{}, vfi...)
							f[p] = joinLines(rest, lang)
							if a == 0 {
								// Keep the paragraph's label.
								if m := leadLabel.FindString(lines[0]); m != "" {
									f[p] = m + f[p]
								}
							}
							cases = append(cases, inj{kDel, f, p})
							done[kDel] = true
							break
						}
					}
				}
				// Clauses of one sentence.
				if len(lines) == 1 && !done[kClause] {
					s := lines[0]
					cuts := append([]int{0}, clauseCuts(s)...)
					cuts = append(cuts, len(s))
					for x := 0; x+1 < len(cuts) && !done[kClause]; x++ {
						for y := x + 1; y < len(cuts); y++ {
							if x == 0 && y == len(cuts)-1 {
								continue
							}
							rest := strings.TrimSpace(s[:cuts[x]] + s[cuts[y]:])
							share := 1 - float64(visible(rest))/float64(visible(s))
							if share >= 0.2 && share <= 0.5 {
								f := append([]string{}, vfi...)
								f[p] = rest
								cases = append(cases, inj{kClause, f, p})
								done[kClause] = true
								break
							}
						}
					}
				}
				// A sentence from another document.
				if !done[kIns] {
					other := docs[(di+len(docs)/2)%len(docs)].Lines[lang]
					ins := leadLabel.ReplaceAllString(other[rng.Intn(len(other))], "")
					if !sentencesEnd([]string{ins}) {
						continue
					}
					share := float64(visible(ins)) / float64(whole+visible(ins))
					if share >= 0.2 && share <= 0.5 {
						at := rng.Intn(len(lines) + 1)
						if at == 0 && leadLabel.MatchString(lines[0]) {
							at = 1
						}
						nl := append(append(append([]string{}, lines[:at]...), ins), lines[at:]...)
						f := append([]string{}, vfi...)
						f[p] = joinLines(nl, lang)
						if at == 0 {
							f[p] = ins + sep(lang) + joinLines(lines, lang)
						}
						cases = append(cases, inj{kIns, f, p})
						done[kIns] = true
					}
				}
				// The tail of a single sentence from a comma.
				if len(lines) == 1 && len(clauseCuts(lines[0])) == 0 && !done[kFallback] {
					s := lines[0]
					for i, r := range s {
						if r != ',' && r != '，' && r != '،' {
							continue
						}
						share := 1 - float64(visible(s[:i]))/float64(visible(s))
						if share >= 0.2 && share <= 0.5 {
							f := append([]string{}, vfi...)
							end := "."
							if lang == "zh" {
								end = "。"
							}
							f[p] = s[:i] + end
							cases = append(cases, inj{kFallback, f, p})
							done[kFallback] = true
							break
						}
					}
				}
			}
			for _, c := range cases {
				fd := parse(c.final, cd.symbol+"."+lang, lang)
				if c.para >= len(v.Paras) || !v.Paras[c.para].Compared() || c.para >= len(fd.Paras) {
					continue
				}
				tried[c.kind]++
				want, side := drift.ContentOmitted, v.Paras[c.para].ID
				if c.kind == kIns {
					want, side = drift.ContentAdded, fd.Paras[c.para].ID
				}
				ok := false
				var got []string
				for _, f := range chk.Check(v, fd).Findings() {
					got = append(got, fmt.Sprintf("%s(%s/%s)", f.Kind, f.Voted.Para, f.Final.Para))
					if f.Kind == want && f.Severity >= drift.Warning && (f.Voted.Para == side && want == drift.ContentOmitted || f.Final.Para == side && want == drift.ContentAdded) {
						ok = true
					}
				}
				if ok {
					found[c.kind]++
				} else if len(misses) < 6 && c.kind != kFallback {
					misses = append(misses, fmt.Sprintf("%s %s: %s in %s; found %s\n      voted: %s\n      final: %s", cd.symbol, c.kind, lang, side, strings.Join(got, " "), ven[c.para], c.final[c.para]))
				}
			}
		}
		line := fmt.Sprintf("en→%s: %d paragraphs, false content findings per 100: %s;", lang, nparas, ratePer100(clean, nparas))
		for _, k := range []string{kDel, kClause, kIns, kFallback} {
			r := float64(found[k]) / float64(max(1, tried[k]))
			line += fmt.Sprintf(" %s %.3f (%d/%d);", k, r, found[k], tried[k])
			if k != kFallback && r < 0.95 {
				t.Errorf("en→%s: recall of %q is %.3f, want at least 0.95", lang, k, r)
			}
		}
		if 100*clean > nparas {
			t.Errorf("en→%s: %s false content findings per 100 paragraphs, want at most 1", lang, ratePer100(clean, nparas))
		}
		table = append(table, line)
		if testing.Verbose() {
			for _, e := range examples {
				t.Logf("  clean %s: %s", lang, e)
			}
			for _, m := range misses {
				t.Logf("  missed: %s", m)
			}
		}
	}
	for _, l := range table {
		t.Log(l)
	}
}
