package driftcheck

import (
	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/drift"
)

// Renderings returns how the final of the comparison renders each concept
// of a group (a concept with negotiated alternatives) of the voted
// paragraphs, pair by pair, as the term check matched them (see
// drift.Renderings): the faithful renderings with the substitutions.
func (c *Comparison) Renderings() []drift.Rendering {
	return drift.RenderingsOf(c.Voted, c.Final, c.Alignment(), drift.Grouped)
}

// Alignment returns the paragraph pairs the findings rest on: the
// aligner's Pairs with the moved paragraphs paired apart (each moved
// paragraph with its translation, out of order) and, between translations,
// the beads redrawn on the evidence (drift.CompareRefined), in the order of
// the voted paragraphs. The reports show these: a paragraph reported as
// moved is shown beside its translation, not as one missing and one added.
func (c *Comparison) Alignment() []align.Pair {
	if c.refined != nil || len(c.Pairs) == 0 {
		return c.refined
	}
	return drift.Refine(c.Voted, c.Final, c.Pairs)
}
