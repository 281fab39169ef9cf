package driftcheck

import (
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/report"
)

// View returns what the HTML report shows of a result besides its findings.
func (r *Result) View() *report.View {
	v := &report.View{}
	if len(r.Comparisons) == 0 {
		return v
	}
	first := r.Comparisons[0].Voted
	v.Voted = docView(first)
	index := map[string]int{}
	for i, p := range first.Paras {
		index[p.P.ID] = i
	}
	for _, c := range r.Comparisons {
		fv := report.FinalView{DocView: docView(c.Final)}
		for _, p := range c.Pairs {
			// The voted side of a comparison may be read differently (see
			// Check): its paragraphs are mapped to the first one's by id.
			var a []int
			for _, i := range p.A {
				if k, ok := index[c.Voted.Paras[i].P.ID]; ok {
					a = append(a, k)
				}
			}
			if len(a) == 0 && len(p.A) > 0 {
				continue
			}
			fv.Pairs = append(fv.Pairs, report.Pair{A: a, B: p.B, Score: p.Score})
		}
		v.Finals = append(v.Finals, fv)
	}
	return v
}

func docView(s *drift.Side) report.DocView {
	d := report.DocView{Doc: report.Doc{Path: s.Doc.Path, Lang: s.Doc.Lang, Symbol: s.Doc.Symbol}}
	for _, p := range s.Paras {
		pv := report.ParaView{ID: p.P.ID, Text: p.P.Text}
		for _, h := range p.Hits {
			pv.Terms = append(pv.Terms, report.TermSpan{Start: h.Start, End: h.End, Concept: h.Concept.ID})
		}
		d.Paras = append(d.Paras, pv)
	}
	return d
}
