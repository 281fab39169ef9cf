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
	smooth := w.LengthSmooth
	for k := range maxRun {
		for i := range ra.by[k] {
			x := &ra.by[k][i]
			x.logLen[0] = math.Log(x.len*ratio + smooth*ratio)
			if opt.UnitRatio > 0 {
				x.logLen[1] = math.Log(x.units*opt.UnitRatio + w.UnitSmooth*opt.UnitRatio)
			}
		}
		for i := range rb.by[k] {
			y := &rb.by[k][i]
			y.logLen[0] = math.Log(y.len + smooth*ratio)
			if opt.UnitRatio > 0 {
				y.logLen[1] = math.Log(y.units + w.UnitSmooth*opt.UnitRatio)
			}
		}
	}
	return bd
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
