package drift

import (
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
	"github.com/driftcheck/driftcheck/segment/zhconv"
)

type ref struct {
	para *Para
	hit  lexicon.Hit
}

// compareTerms returns the term findings of an aligned pair: the hits of
// the voted paragraphs and of the final ones cancel out concept by concept;
// what is left is a substitution within a group, or a concept missing or
// added. A rendering of the final whose period ended before the final's
// year is a dated rendering (datedRenderings); it is still a rendering of
// its concept and cancels out as any other. A hit of a reference concept
// (lexicon.RoleReference) is never a finding: it is left out here.
func compareTerms(voted, final *Side, pr align.Pair, m *lexicon.Matcher) []Finding {
	var va, fa []ref
	for _, i := range pr.A {
		for _, h := range voted.Paras[i].Hits {
			if h.Concept.Role == lexicon.RoleReference {
				continue
			}
			va = append(va, ref{voted.Paras[i], h})
		}
	}
	for _, j := range pr.B {
		for _, h := range final.Paras[j].Hits {
			if h.Concept.Role == lexicon.RoleReference {
				continue
			}
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
	out := datedRenderings(voted, final, pr, fa)
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

// datedRenderings returns a DatedRendering info for each rendering of the
// final paragraphs fa of a pair that the lexicon gives as in use until a
// year (lexicon.Period.Until) before the year of the final
// (document.Document.Year): "régime de droit [until 1990]" in a final of
// 2018 is the wording of 1948, where a text of its year writes the
// current renderings (lexicon.Concept.Current). Nothing is reported when
// the final's year is not known.
func datedRenderings(voted, final *Side, pr align.Pair, fa []ref) []Finding {
	year := final.Doc.Year
	if year == 0 {
		return nil
	}
	var out []Finding
	code := lang.Norm(final.Doc.Lang)
	for _, f := range fa {
		until := f.hit.Period.Until
		if until == 0 || year <= until {
			continue
		}
		c := f.hit.Concept
		now := ""
		if cur := c.Current(code, year); len(cur) > 0 {
			now = fmt.Sprintf("; in %d: %s", year, strings.Join(cur, " | "))
		}
		out = append(out, Finding{
			Kind: DatedRendering, Severity: Info,
			Message: fmt.Sprintf("final %q (%s) is a rendering in use until %d, in a text of %d%s",
				f.hit.Text, c.ID, until, year, now),
			Voted:     paraLoc(voted, voted.Paras[pr.A[0]], -1, -1),
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
// row (of the text's simplified key). A concept partly there was reworded ("capacity" for
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
			// The parts are simplified; a text in traditional characters
			// is looked at by its key, as its words are matched.
			key := zhconv.Key(p.P.Text)
			for bg := range parts {
				if strings.Contains(key, bg) {
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
