package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	tokens "github.com/driftcheck/driftcheck/segment"
)

// Alignment writes the paragraph alignment of a comparison side by side,
// one pair a line: the paragraph ids of each side ("-" for none, "a+b" for
// a merge), the pairing's score and the start of each side's text (the
// driftcheck align command). The alignment is the one the findings rest
// on (Comparison.Alignment): a moved paragraph is on the line of its voted
// paragraph, beside its translation, out of order on the final side.
func Alignment(w io.Writer, cmp *driftcheck.Comparison) error {
	a, b := cmp.Voted.Doc, cmp.Final.Doc
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "%-8s %-8s %5s  %s [%s] | %s [%s]\n", "A", "B", "score", a.Path, a.Lang, b.Path, b.Lang)
	for _, p := range cmp.Alignment() {
		var ids [2][]string
		var texts [2][]string
		for k, side := range [][]int{p.A, p.B} {
			s := cmp.Voted
			if k == 1 {
				s = cmp.Final
			}
			for _, i := range side {
				ids[k] = append(ids[k], s.Paras[i].P.ID)
				texts[k] = append(texts[k], s.Paras[i].P.Text)
			}
		}
		id := func(x []string) string {
			if len(x) == 0 {
				return "-"
			}
			return strings.Join(x, "+")
		}
		sc := "-"
		if len(p.A) > 0 && len(p.B) > 0 {
			sc = fmt.Sprintf("%.2f", p.Score)
		}
		fmt.Fprintf(bw, "%-8s %-8s %5s  %s | %s\n", id(ids[0]), id(ids[1]), sc,
			clipRunes(strings.Join(texts[0], " "), 40), clipRunes(strings.Join(texts[1], " "), 40))
	}
	return bw.err
}

// Segments writes the paragraphs of a document as the checker reads them
// (the driftcheck segment command): a header line, the paragraphs not
// compared (id, kind, text), then each compared paragraph's id, kind and
// tokens separated by " | ", punctuation and space left out, a lexicon hit
// shown as [tokens]{concept-id} and a number as #key.
func Segments(w io.Writer, doc *document.Document, side *drift.Side) error {
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "# %s lang=%s symbol=%s structured=%v\n", doc.Path, doc.Lang, doc.Symbol, doc.Structured)
	for i := range doc.Paras {
		p := &doc.Paras[i]
		if !p.Compared() {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", p.ID, p.Kind, p.Text)
		}
	}
	for _, ap := range side.Paras {
		hitAt := map[int]int{}
		for k, h := range ap.Hits {
			hitAt[h.TokStart] = k + 1
		}
		var parts []string
		for i := 0; i < len(ap.Tokens); i++ {
			if k := hitAt[i]; k > 0 {
				h := ap.Hits[k-1]
				var in []string
				for _, t := range ap.Tokens[h.TokStart:h.TokEnd] {
					if t.IsContent() {
						in = append(in, t.In(ap.P.Text))
					}
				}
				parts = append(parts, "["+strings.Join(in, " ")+"]{"+h.Concept.ID+"}")
				i = h.TokEnd - 1
				continue
			}
			t := ap.Tokens[i]
			switch t.Kind {
			case tokens.Word:
				parts = append(parts, t.In(ap.P.Text))
			case tokens.Number:
				parts = append(parts, "#"+t.Key)
			}
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\n", ap.P.ID, ap.P.Kind, strings.Join(parts, " | "))
	}
	return bw.err
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
