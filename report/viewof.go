package report

import (
	"errors"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
)

// ViewOf returns what the HTML report shows of a result besides its
// findings.
func ViewOf(r *driftcheck.Result) *View {
	v := &View{}
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
		fv := FinalView{DocView: docView(c.Final)}
		for _, p := range c.Alignment() {
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
			fv.Pairs = append(fv.Pairs, Pair{A: a, B: p.B, Score: p.Score})
		}
		v.Finals = append(v.Finals, fv)
	}
	return v
}

func docView(s *drift.Side) DocView {
	d := DocView{Doc: Doc{Path: s.Doc.Path, Lang: s.Doc.Lang, Symbol: s.Doc.Symbol}}
	for _, p := range s.Paras {
		pv := ParaView{ID: p.P.ID, Text: p.P.Text}
		for _, h := range p.Hits {
			pv.Terms = append(pv.Terms, TermSpan{Start: h.Start, End: h.End, Concept: h.Concept.ID, Renderings: h.Concept.Terms})
		}
		d.Paras = append(d.Paras, pv)
	}
	return d
}

// InputOf returns the report of a run: the documents, the selected
// findings, the inputs that could not be read and the warnings. withView
// adds the paragraphs and alignments the HTML report shows.
func InputOf(run *driftcheck.Run, sel driftcheck.Selection, level, failOn drift.Severity, warnings []string, withView bool) Input {
	voted := run.Voted
	in := Input{
		Voted: Doc{Path: voted.Path, Lang: voted.Lang, Symbol: voted.Symbol},
		Level: level, FailOn: failOn, Hidden: sel.Hidden, Suppressed: sel.Suppressed,
		Findings: sel.Shown, Warnings: warnings,
	}
	for _, err := range run.Unread {
		in.Errors = append(in.Errors, Unreadable(err))
	}
	for _, f := range run.Finals {
		in.Finals = append(in.Finals, Doc{Path: f.Path, Lang: f.Lang, Symbol: f.Symbol})
	}
	if withView {
		in.View = ViewOf(run.Result)
	}
	for _, p := range voted.Body() {
		in.ParaOrder = append(in.ParaOrder, p.ID)
	}
	return in
}

// Unreadable is the report's record of an input that could not be read
// (a *driftcheck.InputError): its path, and the error without the path.
func Unreadable(err error) InputError {
	var ie *driftcheck.InputError
	if errors.As(err, &ie) {
		return InputError{Path: ie.Path, Error: ie.Err.Error()}
	}
	return InputError{Error: err.Error()}
}
