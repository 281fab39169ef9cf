package driftcheck

import "github.com/driftcheck/driftcheck/drift"

// Renderings returns how the final of the comparison renders each concept
// of a group (a concept with negotiated alternatives) of the voted
// paragraphs, pair by pair, as the term check matched them (see
// drift.Renderings): the faithful renderings with the substitutions.
func (c *Comparison) Renderings() []drift.Rendering {
	if c.refined != nil || len(c.Pairs) == 0 {
		return drift.RenderingsOf(c.Voted, c.Final, c.refined, drift.Grouped)
	}
	return drift.Renderings(c.Voted, c.Final, c.Pairs, drift.Grouped)
}
