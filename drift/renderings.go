package drift

import (
	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
)

// Rendering is how the final text renders one concept of a voted
// paragraph: the concept itself (faithful), another concept of its group (a
// negotiated alternative: what compareTerms reports as term-substituted),
// or neither (FinalConcept ""; what compareTerms reports as term-missing).
// Renderings are what the findings leave out: the faithful renderings, the
// denominator of a rate of substitution.
type Rendering struct {
	VotedPara, FinalPara string // paragraph ids (FinalPara the pair's first when the concept is not rendered)
	VotedConcept         string
	FinalConcept         string
	Group                string
}

// Renderings returns, for each aligned pair of final against voted (pairs
// as for Compare, which refines them the same way: moves found, beads
// redrawn), the rendering of every hit of the voted paragraphs whose
// concept keep accepts (nil: every concept). The hits cancel out as in the
// term check: a voted hit and a final hit of one concept are a faithful
// rendering, a voted hit left over and a final hit of its group left over a
// substitution, a voted hit left over with no such partner a concept not
// rendered, counted only when the lexicon has a rendering of it in the
// final's language (as the term check does). A concept added by the final
// is no rendering of a voted one and is not listed.
func Renderings(voted, final *Side, pairs []align.Pair, keep func(*lexicon.Concept) bool) []Rendering {
	return RenderingsOf(voted, final, Refine(voted, final, pairs), keep)
}

// RenderingsOf is Renderings of pairs already refined, as CompareRefined
// returns them.
func RenderingsOf(voted, final *Side, refined []align.Pair, keep func(*lexicon.Concept) bool) []Rendering {
	var out []Rendering
	for _, pr := range refined {
		if len(pr.A) > 0 && len(pr.B) > 0 {
			out = pairRenderings(voted, final, pr, keep, out)
		}
	}
	return out
}

// Grouped keeps the concepts of a group: those a final can render as a
// negotiated alternative.
func Grouped(c *lexicon.Concept) bool { return c.Group != "" }

// Refine returns the pairs Compare compares, as CompareRefined does: the
// alignment with the moved paragraphs paired apart and, between
// translations, the beads redrawn; in the order of their voted paragraphs.
func Refine(voted, final *Side, pairs []align.Pair) []align.Pair {
	pairs, moved := refine(voted, final, pairs)
	return withMoves(pairs, moved)
}

// pairRenderings appends the renderings of one pair, matching the hits as
// compareTerms does (cancel, then the first unused final hit of the group).
func pairRenderings(voted, final *Side, pr align.Pair, keep func(*lexicon.Concept) bool, out []Rendering) []Rendering {
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
	usedF := make([]bool, len(fa))
	match := make([]int, len(va)) // the final hit rendering each voted one, -1: none
	for k, v := range va {
		match[k] = -1
		for j, f := range fa {
			if !usedF[j] && f.hit.Concept.ID == v.hit.Concept.ID {
				usedF[j], match[k] = true, j
				break
			}
		}
	}
	// The voted hits left over take the first final hit left over of their
	// group, in text order.
	for k, v := range va {
		if match[k] >= 0 || v.hit.Concept.Group == "" {
			continue
		}
		for j, f := range fa {
			if !usedF[j] && f.hit.Concept.Group == v.hit.Concept.Group {
				usedF[j], match[k] = true, j
				break
			}
		}
	}
	code := lang.Norm(final.Doc.Lang)
	for k, v := range va {
		c := v.hit.Concept
		if keep != nil && !keep(c) {
			continue
		}
		r := Rendering{VotedPara: v.para.P.ID, VotedConcept: c.ID, Group: c.Group}
		if j := match[k]; j >= 0 {
			r.FinalPara, r.FinalConcept = fa[j].para.P.ID, fa[j].hit.Concept.ID
		} else if len(c.Terms[code]) == 0 {
			continue
		} else {
			r.FinalPara = final.Paras[pr.B[0]].P.ID
		}
		out = append(out, r)
	}
	return out
}
