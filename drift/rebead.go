package drift

import (
	"math"
	"slices"

	"github.com/driftcheck/driftcheck/align"
)

// Splits and merges the alignment missed. The aligner makes a bead (one
// voted paragraph against two final ones, or two against one) only when
// the bead is worth its penalty (align.Weights.Merge) on the paragraphs'
// lengths and shared evidence; a short part split off a paragraph, or
// merged into one, adds little evidence, and comes out of the alignment as
// a 1-1 pair whose one side is too short next to a paragraph paired with
// nothing: a false content-omitted and a false paragraph-added. The
// sentences tell it apart: when the paragraph left over fills exactly what
// the pair's sentence alignment left without a counterpart, and the bead
// has a translation's length where the pair had not, or its sentences pair
// at a clearly lower cost than the pair's (a short sentence split off is a
// twelfth of the length, within its usual spread, but a whole sentence
// without a counterpart), the pair and the paragraph are one bead.

// rebeadShrink is how much nearer a translation's length (in usual
// spreads, contentModel.zLen) the bead must be than the pair: a paragraph
// next to a pair of about the right length is a paragraph dropped or
// inserted, not a part of it.
const rebeadShrink = 1.0

// rebeadMinZ is how far from a translation's length (in usual spreads) the
// pair must be, short on the side the paragraph left over would complete.
const rebeadMinZ = 0.5

// rebeadEvidence is how much less than the pair, by the aligner's cost,
// the bead must cost to be taken for one text on its evidence when its
// length does not say so (beadGain): about one shared number. On the
// whole-document evaluation (issue 15) it finds three merges and splits
// more, and takes no paragraph dropped or inserted next to a pair.
const rebeadEvidence = 1.0

// rebead returns pairs with each 1-1 pair and an unpaired neighbour that
// are one text (see above) joined into a bead. Only across languages: in
// one language the aligner's word overlap already prices a part.
func rebead(sc *align.Scorer, voted, final *Side, pairs []align.Pair) []align.Pair {
	m := contentModelFor(voted.Doc.Lang, final.Doc.Lang)
	out := make([]align.Pair, 0, len(pairs))
	for k := 0; k < len(pairs); k++ {
		p := pairs[k]
		if len(p.A) != 1 || len(p.B) != 1 {
			out = append(out, p)
			continue
		}
		type cand struct {
			pr   align.Pair
			gain float64
			by   int  // how it is one text (beadGain)
			prev bool // takes the paragraph from the pair before
		}
		var best *cand
		try := func(as, bs []int, prev bool) {
			if len(as) > 3 || len(bs) > 3 {
				return
			}
			g, by := beadGain(sc, m, voted, final, p, as, bs, prev)
			if by == 0 || best != nil && (best.by > by || best.by == by && g <= best.gain) {
				return
			}
			c, s := sc.Pair(as, bs)
			best = &cand{pr: align.Pair{A: as, B: bs, Score: s, Cost: c}, gain: g, by: by, prev: prev}
		}
		i, j := p.A[0], p.B[0]
		if k > 0 && len(out) > 0 {
			q := out[len(out)-1]
			switch {
			case len(q.A) == 0 && q.B[len(q.B)-1] == j-1:
				try([]int{i}, []int{j - 1, j}, true)
			case len(q.B) == 0 && q.A[len(q.A)-1] == i-1:
				try([]int{i - 1, i}, []int{j}, true)
			}
		}
		if k+1 < len(pairs) {
			q := pairs[k+1]
			switch {
			case len(q.A) == 0 && q.B[0] == j+1:
				try([]int{i}, []int{j, j + 1}, false)
			case len(q.B) == 0 && q.A[0] == i+1:
				try([]int{i, i + 1}, []int{j}, false)
			}
		}
		if best == nil {
			out = append(out, p)
			continue
		}
		if best.prev {
			// Take the paragraph from the skip before: its last one.
			q := &out[len(out)-1]
			if len(q.A) == 0 {
				q.B = q.B[:len(q.B)-1]
			} else {
				q.A = q.A[:len(q.A)-1]
			}
			if len(q.A) == 0 && len(q.B) == 0 {
				out = out[:len(out)-1]
			}
			out = append(out, best.pr)
			continue
		}
		out = append(out, best.pr)
		q := pairs[k+1]
		if len(q.A) == 0 {
			q.B = q.B[1:]
		} else {
			q.A = q.A[1:]
		}
		k++
		if len(q.A) > 0 || len(q.B) > 0 {
			// The rest of the skip stays; it is the next pair's
			// neighbour no more.
			out = append(out, q)
		}
	}
	return out
}

// How a bead shows it is one text (beadGain), strongest first.
const (
	byEvidence  = iota + 1 // its numbers, concepts, names: rebeadEvidence
	bySentences            // its sentences pair better: rebeadSentences
	byLength               // its length is nearer a translation's
)

// rebeadSentences is how much less the bead's sentence alignment must cost
// than the pair's (in the sentence aligner's units: sentSkip is one
// sentence left without a counterpart) to show that the paragraph left
// over is the text the pair's other side had without a counterpart: a
// paragraph dropped or inserted next to a pair adds sentences that cost,
// never saves.
const rebeadSentences = 1.0

// beadGain says whether the bead as–bs (the 1-1 pair p with one
// paragraph more on one side: the one before it when prev) is one text,
// and how (a by constant; 0: it is not). Its length says so (byLength)
// when the bead is nearer a translation's length than p, and the gain is
// by how much; its sentences do (bySentences) when the bead's sentence
// alignment costs at least rebeadSentences less than p's, and the gain is
// the cost saved; or else its evidence does, when the paragraph left over
// brings the bead at least rebeadEvidence of the aligner's cost below p
// (numbers, concepts, names, anchors or cognates that p's other side has
// and p's own side lacks), and the gain is the cost saved. A connective
// paragraph ("Now, therefore,") is never folded in: it is left to be
// reported as missing, as such.
func beadGain(sc *align.Scorer, m contentModel, voted, final *Side, p align.Pair, as, bs []int, prev bool) (gain float64, by int) {
	split := len(bs) > 1 // a final paragraph more; else a voted one
	vs, fs := sentencesOf(voted, p.A), sentencesOf(final, p.B)
	bv, bf := sentencesOf(voted, as), sentencesOf(final, bs)
	if len(vs) == 0 || len(fs) == 0 {
		return 0, 0
	}
	// The sentences: in the bead every sentence has a counterpart.
	_, _, t0 := m.alignSentencesCost(vs, fs)
	vm, fm, t1 := m.alignSentencesCost(bv, bf)
	if slices.Contains(vm, false) || slices.Contains(fm, false) {
		return 0, 0
	}
	z0, z1 := m.zSents(vs, fs), m.zSents(bv, bf)
	c0, _ := sc.Pair(p.A, p.B)
	c1, _ := sc.Pair(as, bs)
	left := as[len(as)-1]
	if prev {
		left = as[0]
	}
	lp := voted.Paras[left]
	if split {
		left = bs[len(bs)-1]
		if prev {
			left = bs[0]
		}
		lp = final.Paras[left]
	}
	if isConnective(lp) {
		return 0, 0
	}
	if t1 <= t0-rebeadSentences && c1 <= c0+rebeadSentences {
		// The bead's sentences pair where the pair's did not: the
		// aligner's cost, on lengths and evidence, need only not say
		// otherwise.
		return t0 - t1, bySentences
	}
	// The evidence: else the bead must cost no more than the pair alone.
	// The paragraph left over brings the length nearer and, when it is a
	// part of the pair's text, its numbers and concepts; a paragraph
	// dropped or inserted next to the pair brings evidence of its own
	// that the other side lacks.
	if c1 > c0 {
		return 0, 0
	}
	switch {
	case (split && z0 <= -rebeadMinZ || !split && z0 >= rebeadMinZ) && math.Abs(z1) <= rebeadShrink*math.Abs(z0):
		by = byLength // the paragraph left over completes the short side
	case c1 <= c0-rebeadEvidence:
		by = byEvidence
	default:
		return 0, 0
	}
	// The bead's sentence alignment costs no more than the pair's does:
	// each sentence of the paragraph left over past the first may cost
	// up to what leaving it out would, and the first too when the
	// evidence makes the bead.
	extra := float64(len(bv) + len(bf) - len(vs) - len(fs) - 1)
	if by == byEvidence {
		extra++
	}
	if t1 > t0+sentSkip*extra {
		return 0, 0
	}
	if by == byLength {
		return math.Abs(z0) - math.Abs(z1), by
	}
	return c0 - c1, by
}

// zSents is the departure of the length of the final sentences fs from
// that of the voted ones vs, in usual spreads (contentModel.zLen).
func (m contentModel) zSents(vs, fs []sent) float64 {
	var la, lb, ua, ub float64
	for _, s := range vs {
		la, ua = la+s.it.Len, ua+s.it.Units
	}
	for _, s := range fs {
		lb, ub = lb+s.it.Len, ub+s.it.Units
	}
	return m.zLen(la, lb, ua, ub, 1)
}
