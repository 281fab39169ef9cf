package align

import "math"

// pruneMargin keeps the pruning of solve exact: a step is left out only
// when its lower bound exceeds the best cost by more than the rounding
// error of either sum (costs are sums of a few dozen terms of order 1).
const pruneMargin = 1e-9

// noPrune turns the pruning off, for the tests that compare both.
var noPrune bool

// bounder gives a lower bound of pairCost for the runs of two documents,
// cheaply: the length costs from logarithms taken once per run, and the
// evidence at the best the counts of keys allow (every key of the smaller
// multiset shared, or none, whichever costs less), without merging the
// multisets.
type bounder struct {
	opt    *Options
	w      *Weights
	spread float64
	// signed says a weight is negative: quick is then no bound and is
	// not used.
	signed bool
}

// newBounder sets the logarithms of the smoothed lengths of every run of
// ra (as pairCost divides by them) and rb (as it divides them), in
// characters and in units.
func newBounder(ra, rb *runs, ratio float64, opt *Options) *bounder {
	w := &opt.Weights
	bd := &bounder{opt: opt, w: w, spread: opt.LengthSpread}
	if bd.spread <= 0 {
		bd.spread = w.LengthSpread
	}
	for _, v := range []float64{w.Number, w.NumberMissing, w.Concept, w.ConceptMissing, w.Anchor, w.Cognate, w.CognateBase,
		w.Link, w.LinkMissing, w.Bracket, w.ParensMatch, w.Words, w.WordsPivot, w.KindMismatch, w.TitleMatch, w.IDMatch} {
		if v < 0 {
			bd.signed = true
		}
	}
	if w.CognateBase > 1 || w.WordsPivot > 1 {
		bd.signed = true
	}
	smooth := w.LengthSmooth
	for k := range maxRun {
		for i := range ra.by[k] {
			x := &ra.by[k][i]
			x.reward = bd.reward(x)
			x.logLen[0] = math.Log(x.len*ratio + smooth*ratio)
			if opt.UnitRatio > 0 {
				x.logLen[1] = math.Log(x.units*opt.UnitRatio + w.UnitSmooth*opt.UnitRatio)
			}
		}
		for i := range rb.by[k] {
			y := &rb.by[k][i]
			y.reward = bd.reward(y)
			y.logLen[0] = math.Log(y.len + smooth*ratio)
			if opt.UnitRatio > 0 {
				y.logLen[1] = math.Log(y.units + w.UnitSmooth*opt.UnitRatio)
			}
		}
	}
	return bd
}

// reward is the most that the evidence of run x could take from the cost
// of any pair it is in, with weights that are not negative: each key
// shared at its weight (no pair shares more keys of a kind than x has),
// full cognate overlap, matching brackets, two titles and the same id.
func (bd *bounder) reward(x *run) float64 {
	w := bd.w
	r := w.Number*float64(len(x.numbers)) + w.Concept*float64(len(x.concepts)) + w.TitleMatch + w.IDMatch
	if !bd.opt.SameLang {
		r += w.Anchor*float64(len(x.anchors)) + w.Cognate*(1-w.CognateBase) + w.Link*float64(len(x.links)) + w.ParensMatch
	} else {
		r += w.Words * (1 - w.WordsPivot)
	}
	return r
}

// quick is a looser and cheaper lower bound of pairCost than
// bounder.pairCost: the length cost less the reward (bounder.reward) of
// the side with less evidence; the penalties are left out. It is -Inf
// when a weight is negative.
func (bd *bounder) quick(x, y *run) float64 {
	if bd.signed {
		return math.Inf(-1)
	}
	c := bd.w.Length * math.Abs(y.logLen[0]-x.logLen[0]) / bd.spread
	if bd.opt.Units && bd.opt.UnitRatio > 0 && bd.opt.UnitSpread > 0 {
		c = (c + bd.w.Length*math.Abs(y.logLen[1]-x.logLen[1])/bd.opt.UnitSpread) / 2
	}
	return c - min(x.reward, y.reward)
}

// linearMin is the least of a + b·s for s from 0 to hi.
func linearMin(a, b float64, hi int) float64 {
	return min(a, a+b*float64(hi))
}

// pairCost is a lower bound of pairCost(x, y, ratio, opt) for runs x of A
// and y of B (of the runs newBounder was given): every term of
// pairCost is taken as it is, except the overlaps of the multisets, each
// replaced by the count (0 to the smaller size) that costs least. Every
// evidence term is linear (or monotone) in the number shared, so its least
// value is at one end.
func (bd *bounder) pairCost(x, y *run) float64 {
	w, opt := bd.w, bd.opt
	lx, ly := x.logLen, y.logLen
	c := w.Length * math.Abs(ly[0]-lx[0]) / bd.spread
	if opt.Units && opt.UnitRatio > 0 && opt.UnitSpread > 0 {
		c = (c + w.Length*math.Abs(ly[1]-lx[1])/opt.UnitSpread) / 2
	}
	na, nb := len(x.numbers), len(y.numbers)
	mn := min(na, nb)
	c += linearMin(w.NumberMissing*float64(na+nb), -w.Number-2*w.NumberMissing, mn)
	na, nb = len(x.concepts), len(y.concepts)
	mn = min(na, nb)
	c += linearMin(w.ConceptMissing*float64(na+nb), -w.Concept-2*w.ConceptMissing, mn)
	if !opt.SameLang {
		c += linearMin(0, -w.Anchor, min(len(x.anchors), len(y.anchors)))
		if na, nb := len(x.cognates), len(y.cognates); na > 0 && nb > 0 {
			// dice = 2·shared/(na+nb)
			c += linearMin(w.Cognate*w.CognateBase, -w.Cognate*2/float64(na+nb), min(na, nb))
		}
		if na, nb := len(x.links), len(y.links); na > 0 || nb > 0 {
			c += linearMin(w.Link*w.LinkMissing*float64(na+nb), -w.Link-2*w.Link*w.LinkMissing, min(na, nb))
		}
		ap, bp, aq, bq := x.parens, y.parens, x.quotes, y.quotes
		c += w.Bracket * float64(absInt(ap-bp)+absInt(aq-bq))
		if ap > 0 && ap == bp {
			c -= w.ParensMatch
		}
	}
	if na, nb := len(x.words), len(y.words); opt.SameLang && (na > 0 || nb > 0) {
		// J = shared/(na+nb−shared) grows with shared: the term is least
		// at one end.
		mn := min(na, nb)
		j := float64(mn) / float64(na+nb-mn)
		c += min(w.Words*w.WordsPivot, w.Words*(w.WordsPivot-j))
	}
	if !shareKind(x, y) {
		c += w.KindMismatch
	}
	if x.kinds[0] == "title" && y.kinds[0] == "title" {
		c -= w.TitleMatch
	}
	if opt.UseIDs && x.id != "" && x.id == y.id {
		c -= w.IDMatch
	}
	return c
}
