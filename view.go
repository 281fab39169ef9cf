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
	v.Voted = docView(r.Comparisons[0].Voted)
	for _, c := range r.Comparisons {
		fv := report.FinalView{DocView: docView(c.Final)}
		for _, p := range c.Pairs {
			fv.Pairs = append(fv.Pairs, report.Pair{A: p.A, B: p.B, Score: p.Score})
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
