package drift

import (
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

type ref struct {
	para *Para
	hit  lexicon.Hit
}

// compareTerms returns the term findings of an aligned pair: the hits of
// the voted paragraphs and of the final ones cancel out concept by concept;
// what is left is a substitution within a group, or a concept missing or
// added.
func compareTerms(voted, final *Side, pr align.Pair, m *lexicon.Matcher) []Finding {
	var va, fa []ref
	for _, i := range pr.A {
		for _, h := range voted.Paras[i].Hits {
			va = append(va, ref{voted.Paras[i], h})
		}
	}
	for _, j := range pr.B {
		for _, h := range final.Paras[j].Hits {
			fa = append(fa, ref{final.Paras[j], h})
		}
	}
	// Cancel the hits of one concept present on both sides, in order.
	onlyV, onlyF := cancel(va, fa)
	// A concept is judged missing or added only if the lexicon has a
	// rendering for it in the other language.
	has := func(c *lexicon.Concept, code string) bool {
		return len(c.Terms[lang.Norm(code)]) > 0
	}
	var out []Finding
	usedF := make([]bool, len(onlyF))
	for _, v := range onlyV {
		c := v.hit.Concept
		sub := -1
		if c.Group != "" {
			for k, f := range onlyF {
				if !usedF[k] && f.hit.Concept.Group == c.Group {
					sub = k
					break
				}
			}
		}
		if sub >= 0 {
			usedF[sub] = true
			f := onlyF[sub]
			out = append(out, Finding{
				Kind: TermSubstituted, Severity: SeverityOf(TermSubstituted),
				Message: fmt.Sprintf("voted %q (%s) became %q (%s), a negotiated alternative of group %s",
					v.hit.Text, c.ID, f.hit.Text, f.hit.Concept.ID, c.Group),
				Voted:     paraLoc(voted, v.para, v.hit.Start, v.hit.End),
				Final:     paraLoc(final, f.para, f.hit.Start, f.hit.End),
				VotedTerm: v.hit.Text, FinalTerm: f.hit.Text,
				VotedConcept: c.ID, FinalConcept: f.hit.Concept.ID, Group: c.Group,
				Score: pr.Score,
			})
			continue
		}
		if !has(c, final.Doc.Lang) {
			continue
		}
		fp := final.Paras[pr.B[0]]
		sev, how := SeverityOf(TermMissing), ""
		if partly(m, c, final, pr.B) {
			sev, how = Info, "; part of it is there, reworded"
		}
		out = append(out, Finding{
			Kind: TermMissing, Severity: sev,
			Message: fmt.Sprintf("voted %q (%s) has no rendering in final paragraph %s (expected %s)%s",
				v.hit.Text, c.ID, fp.P.ID, strings.Join(c.Terms[lang.Norm(final.Doc.Lang)], " | "), how),
			Voted:     paraLoc(voted, v.para, v.hit.Start, v.hit.End),
			Final:     paraLoc(final, fp, -1, -1),
			VotedTerm: v.hit.Text, VotedConcept: c.ID, Group: c.Group,
			Score: pr.Score,
		})
	}
	for k, f := range onlyF {
		c := f.hit.Concept
		if usedF[k] || !has(c, voted.Doc.Lang) {
			continue
		}
		vp := voted.Paras[pr.A[0]]
		sev, how := SeverityOf(TermAdded), ""
		if partly(m, c, voted, pr.A) {
			sev, how = Info, "; part of it is there, reworded"
		}
		out = append(out, Finding{
			Kind: TermAdded, Severity: sev,
			Message: fmt.Sprintf("final %q (%s) has no counterpart in voted paragraph %s%s",
				f.hit.Text, c.ID, vp.P.ID, how),
			Voted:     paraLoc(voted, vp, -1, -1),
			Final:     paraLoc(final, f.para, f.hit.Start, f.hit.End),
			FinalTerm: f.hit.Text, FinalConcept: c.ID, Group: c.Group,
			Score: pr.Score,
		})
	}
	return out
}

// cancel removes, concept by concept, the hits present on both sides and
// returns what is left on each, in text order.
func cancel(va, fa []ref) (onlyV, onlyF []ref) {
	usedF := make([]bool, len(fa))
outer:
	for _, v := range va {
		for k, f := range fa {
			if !usedF[k] && f.hit.Concept.ID == v.hit.Concept.ID {
				usedF[k] = true
				continue outer
			}
		}
		onlyV = append(onlyV, v)
	}
	for k, f := range fa {
		if !usedF[k] {
			onlyF = append(onlyF, f)
		}
	}
	return onlyV, onlyF
}

// partly reports whether the paragraphs idx of side hold part of a
// rendering of c in the side's language: one of its distinctive parts
// (lexicon.Matcher.DistinctParts), a word by its key, so inflected forms
// count, or in a language written in Han characters two characters in a
// row. A concept partly there was reworded ("capacity" for
// capacity-building, 性别 for 性别平等) rather than dropped.
func partly(m *lexicon.Matcher, c *lexicon.Concept, side *Side, idx []int) bool {
	if m == nil {
		return false
	}
	code := lang.Norm(side.Doc.Lang)
	parts := m.DistinctParts(c, code)
	if len(parts) == 0 {
		return false
	}
	han := lang.Han(code)
	for _, i := range idx {
		p := side.Paras[i]
		if han {
			for bg := range parts {
				if strings.Contains(p.P.Text, bg) {
					return true
				}
			}
			continue
		}
		for _, t := range p.Tokens {
			if t.Kind == segment.Word && parts[t.Key] {
				return true
			}
		}
	}
	return false
}
