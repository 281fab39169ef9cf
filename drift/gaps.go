package drift

import (
	"math"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// gapPairs pairs a voted paragraph left with no counterpart and a final
// one left with none next to it when one of them translates the start or
// the end of the other: a sentence added to a paragraph (or cut from it)
// that the sentence cutter cannot tell from the rest, as after a heading
// with no full stop, leaves the pair too far from a translation's length
// for the aligner, which reports a paragraph missing and one added instead
// of the content added or omitted.
func gapPairs(sc *align.Scorer, voted, final *Side, pairs []align.Pair) []align.Pair {
	m := contentModelFor(voted.Doc.Lang, final.Doc.Lang)
	var out []align.Pair
	for k := 0; k < len(pairs); k++ {
		p := pairs[k]
		if k+1 >= len(pairs) {
			out = append(out, p)
			continue
		}
		q := pairs[k+1]
		var i, j int
		vFirst := false
		switch {
		case len(p.B) == 0 && len(p.A) > 0 && len(q.A) == 0 && len(q.B) > 0:
			i, j, vFirst = p.A[len(p.A)-1], q.B[0], true
		case len(p.A) == 0 && len(p.B) > 0 && len(q.B) == 0 && len(q.A) > 0:
			i, j = q.A[0], p.B[len(p.B)-1]
		default:
			out = append(out, p)
			continue
		}
		if !m.partOf(voted, final, i, j) {
			out = append(out, p)
			continue
		}
		c, s := sc.Pair([]int{i}, []int{j})
		pr := align.Pair{A: []int{i}, B: []int{j}, Score: s, Cost: c}
		if vFirst {
			if len(p.A) > 1 {
				out = append(out, align.Pair{A: p.A[:len(p.A)-1]})
			}
			out = append(out, pr)
			if len(q.B) > 1 {
				out = append(out, align.Pair{B: q.B[1:]})
			}
		} else {
			if len(p.B) > 1 {
				out = append(out, align.Pair{B: p.B[:len(p.B)-1]})
			}
			out = append(out, pr)
			if len(q.A) > 1 {
				out = append(out, align.Pair{A: q.A[1:]})
			}
		}
		k++
	}
	return out
}

// partOf says whether voted paragraph i translates the start or the end
// of final paragraph j, or j that of i.
func (m contentModel) partOf(voted, final *Side, i, j int) bool {
	vs, fs := sentencesOf(voted, []int{i}), sentencesOf(final, []int{j})
	if len(vs) == 0 || len(fs) == 0 {
		return false
	}
	if m.zSents(vs, fs) > 0 {
		return m.partFits(vs, final, j, false)
	}
	return m.partFits(fs, voted, i, true)
}

// partFits says whether the sentences whole translate a start or an end
// of paragraph idx of side long (the voted side when longVoted), cut at a
// word, leaving at least explainFrac of it over.
func (m contentModel) partFits(whole []sent, long *Side, idx int, longVoted bool) bool {
	p := long.Paras[idx]
	code := lang.Norm(long.Doc.Lang)
	body := p.Tokens[segment.From(p.Tokens, p.P.BodyStart):]
	if len(body) > gapMaxTokens {
		return false
	}
	full := sentOf(code, p, span{p.P.BodyStart, len(p.P.Text)})
	best, bestZ := math.Inf(1), 0.0
	for _, t := range body {
		if t.Kind != segment.Word {
			continue
		}
		ts := int(t.Start)
		for _, sp := range []span{{p.P.BodyStart, ts}, {ts, len(p.P.Text)}} {
			part := sentOf(code, p, sp)
			if part.it.Len == 0 || full.it.Len-part.it.Len < explainFrac*full.it.Len {
				continue
			}
			var c, z float64
			if longVoted {
				c, z = m.beadCost([]sent{part}, whole), m.zSents([]sent{part}, whole)
			} else {
				c, z = m.beadCost(whole, []sent{part}), m.zSents(whole, []sent{part})
			}
			if c < best {
				best, bestZ = c, z
			}
		}
	}
	return best <= gapMaxCost && math.Abs(bestZ) <= explainRest
}

// gapMaxTokens bounds the paragraphs partFits cuts (its work grows with
// the square of their tokens).
const gapMaxTokens = 400

// gapMaxCost is the most a part and the paragraph it translates may cost
// by the sentence aligner's model: their evidence pays at least for their
// lengths. On the whole-document evaluation (issue 15) the cases it pairs
// are all sentences glued after a line with no full stop, and clean text
// has no such neighbours.
const gapMaxCost = 0.0
