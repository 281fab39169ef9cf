package drift

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/driftcheck/driftcheck/align"
)

// Moved paragraphs. The aligner keeps the order of both documents, so a
// paragraph that moved comes out of it as a voted paragraph with no
// counterpart and a final one with none, elsewhere, or as 1-1 pairs of
// paragraphs that do not translate each other (two paragraphs swapped are
// two such pairs, crossed), or, for two neighbours swapped, as a 2-2 pair.
// After the alignment, those paragraphs are paired again by the aligner's
// own cost model (align.Scorer) on two paragraphs alone (and, when few are
// left unpaired, on weaker evidence checked by their sentences: see
// rematchWeak); of the pairs so made, those out of the order of the rest (not on the heaviest run of
// pairs in order) are the paragraphs that moved. Pairs made again in order
// are dropped: pairing in order is the aligner's work, and it chose
// otherwise. When paragraphs moved, the rest is aligned again without them.

// moveMaxCost is the most a pair of paragraphs may cost, by the aligner's
// model without a bead's penalty, to be taken for a paragraph and its
// translation elsewhere. Two paragraphs of about the right length with
// nothing in common cost about 0 (confidence 0.82): a moved pair must show
// evidence (numbers, concepts, names, anchors or cognates shared) worth one
// shared number. On the founding resolution against its Chinese final and
// the excerpts against fr, es, ru and ar, the true pairs cost −1.34 at
// worst (median −5), and a paragraph against one of the six around its
// translation −0.49 at best.
const moveMaxCost = -1.0

// rematchMargin is how much cheaper a new pair must be than the pair each
// of its paragraphs is in (none: no limit), so that a paragraph is not
// taken from a pair about as good.
const rematchMargin = -moveMaxCost

// maxPosting bounds the paragraphs a key may point to when candidates for
// a pair are looked up: a key in more paragraphs than that (a common UN
// word) tells none of them apart, and would make the look-up quadratic.
const maxPosting = 32

// repair is a voted paragraph paired again, with a final paragraph other
// than the aligner's.
type repair struct {
	v, f        int
	cost, score float64
	// moved says the pair is out of the order of the others.
	moved bool
}

// repairs holds the pairs made again after the alignment.
type repairs struct {
	byV map[int]repair // by voted index
	byF map[int]int    // final index → voted index
	// swapped are the 2-2 pairs (by index in the alignment) that are two
	// neighbours swapped: their paragraphs are in byV.
	swapped map[int]bool
}

// ItemsOf describes the paragraphs of s for the aligner from what the
// side already holds: words in one language, the anchors found across
// languages (those of Para.Links, when the side was annotated with
// them). It is made once per side and (words, anchors), and shared: the
// items must not be changed.
func ItemsOf(s *Side, words, anchors bool) []align.Item {
	c := s.items.Load()
	if c == nil {
		s.items.CompareAndSwap(nil, &itemCache{})
		c = s.items.Load()
	}
	k := 0
	if words {
		k |= 1
	}
	if anchors && s.Anchored {
		k |= 2
	}
	e := &c.by[k]
	e.once.Do(func() { e.items = itemsOf(s, words, anchors) })
	return e.items
}

// itemCache holds the items of a side, by (words, anchors used).
type itemCache struct {
	by [4]struct {
		once  sync.Once
		items []align.Item
	}
}

func itemsOf(s *Side, words, anchors bool) []align.Item {
	items := make([]align.Item, len(s.Paras))
	for i, p := range s.Paras {
		ap := align.Para{ID: p.P.ID, Kind: string(p.P.Kind), Lang: s.Doc.Lang, Text: p.P.Text, BodyStart: p.P.BodyStart, Tokens: p.Tokens}
		for _, x := range p.Numbers {
			ap.Numbers = append(ap.Numbers, x.Key)
		}
		for _, h := range p.Hits {
			ap.Concepts = append(ap.Concepts, conceptKey(h.Concept.Group, h.Concept.ID))
		}
		if anchors && s.Anchored {
			ap.Links = p.Links
		}
		items[i] = align.ItemOf(ap, words)
	}
	return items
}

func conceptKey(group, id string) string {
	if group != "" {
		return group
	}
	return id
}

// findMoves returns the paragraphs that moved, by voted index: it pairs
// again the paragraphs the alignment left unpaired or in doubtful pairs
// (1-1 pairs costing more than moveMaxCost, 2-2 pairs), and keeps the new
// pairs that are out of order. sc is the Scorer of the two sides.
func findMoves(sc *align.Scorer, voted, final *Side, pairs []align.Pair) []repair {
	r := repairs{byV: map[int]repair{}, byF: map[int]int{}, swapped: map[int]bool{}}
	inf := math.Inf(1)
	curV, curF := map[int]float64{}, map[int]float64{} // the pool, with the cost of each one's pair
	for k, p := range pairs {
		switch {
		case len(p.B) == 0:
			for _, i := range p.A {
				curV[i] = inf
			}
		case len(p.A) == 0:
			for _, j := range p.B {
				curF[j] = inf
			}
		case len(p.A) == 1 && len(p.B) == 1:
			// The cost by the Scorer, not p.Cost: pairs made by hand
			// carry none.
			if c, _ := sc.Pair(p.A, p.B); c > moveMaxCost {
				curV[p.A[0]], curF[p.B[0]] = c, c
			}
		case len(p.A) == 2 && len(p.B) == 2:
			// Two neighbours swapped read as one text are as good a pair
			// as two in order: a 2-2 pair is two swapped when each voted
			// paragraph translates the other final one, and not its own.
			x1, s1 := sc.Pair(p.A[:1], p.B[1:])
			x2, s2 := sc.Pair(p.A[1:], p.B[:1])
			y1, _ := sc.Pair(p.A[:1], p.B[:1])
			y2, _ := sc.Pair(p.A[1:], p.B[1:])
			if swapped22(x1, x2, y1, y2) {
				r.swapped[k] = true
				r.byV[p.A[0]] = repair{v: p.A[0], f: p.B[1], cost: x1, score: s1}
				r.byV[p.A[1]] = repair{v: p.A[1], f: p.B[0], cost: x2, score: s2}
				r.byF[p.B[1]], r.byF[p.B[0]] = p.A[0], p.A[1]
			}
		}
	}
	if len(curV) > 0 && len(curF) > 0 {
		rematch(sc, voted, final, curV, curF, &r)
		rematchWeak(sc, voted, final, curV, curF, &r)
		swapPairs(sc, pairs, curV, &r)
	}
	if len(r.byV) == 0 {
		return nil
	}
	markMoved(pairs, &r)
	var out []repair
	for _, x := range r.byV {
		if x.moved {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(x, y repair) int { return cmp.Compare(x.v, y.v) })
	return out
}

// realignContext is how many pairs of the alignment on each side of a
// pair that held a moved paragraph are aligned again with it; a window so
// made is widened further, up to as many pairs again, until the pair
// just outside it is a confident 1-1 pair (costing at most moveMaxCost),
// an anchor that the alignment again would keep. Within a window, the new
// path must rejoin the old one: among runs of short look-alike paragraphs
// ("Two (2) armed men were observed IVO B60.") 16 pairs were too few, and
// one pair of 200,000 differed from the alignment of the whole; with 64
// the generated checks of 2,000 to 200,000 paragraphs give the same
// findings as aligning the whole again.
const realignContext = 64

// realign aligns again the paragraphs of the two sides but those that
// moved, with the aligner's items and options, and returns the pairs in
// indices of the whole sides. Taking paragraphs out changes the
// alignment only around them: only the windows of pairs around the pairs
// that held them are aligned again (see realignContext), with the length
// ratio the whole would be aligned with, and the other pairs are kept, so
// that the work grows with the moves, not with the documents.
func realign(items [2][]align.Item, opt align.Options, pairs []align.Pair, moved []repair) []align.Pair {
	gone := [2]map[int]bool{{}, {}}
	for _, m := range moved {
		gone[0][m.v], gone[1][m.f] = true, true
	}
	if opt.ExpectedRatio <= 0 {
		// The ratio Align would measure on the two sides without the
		// moved paragraphs, not on each window.
		var l [2]float64
		for s := range 2 {
			for i, it := range items[s] {
				if !gone[s][i] {
					l[s] += it.Len
				}
			}
		}
		opt.ExpectedRatio = 1
		if l[0] > 0 && l[1] > 0 {
			opt.ExpectedRatio = l[1] / l[0]
		}
	}
	touched := func(p align.Pair) bool {
		return slices.ContainsFunc(p.A, func(i int) bool { return gone[0][i] }) ||
			slices.ContainsFunc(p.B, func(j int) bool { return gone[1][j] })
	}
	anchor := func(k int) bool {
		p := pairs[k]
		return len(p.A) == 1 && len(p.B) == 1 && p.Cost <= moveMaxCost && !touched(p)
	}
	// The windows [lo, hi) of pairs to align again, in order, apart.
	var wins [][2]int
	for k, p := range pairs {
		if !touched(p) {
			continue
		}
		lo, hi := max(k-realignContext, 0), min(k+realignContext+1, len(pairs))
		for x := 0; x < realignContext && lo > 0 && !anchor(lo-1); x++ {
			lo--
		}
		for x := 0; x < realignContext && hi < len(pairs) && !anchor(hi); x++ {
			hi++
		}
		if n := len(wins); n > 0 && lo <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], hi)
			continue
		}
		wins = append(wins, [2]int{lo, hi})
	}
	out := make([]align.Pair, 0, len(pairs))
	next := 0
	for _, w := range wins {
		out = append(out, pairs[next:w[0]]...)
		out = append(out, alignWindow(items, opt, pairs[w[0]:w[1]], gone)...)
		next = w[1]
	}
	return append(out, pairs[next:]...)
}

// alignWindow aligns again the paragraphs of the pairs win but those gone,
// and returns the pairs in indices of the whole sides.
func alignWindow(items [2][]align.Item, opt align.Options, win []align.Pair, gone [2]map[int]bool) []align.Pair {
	var sub [2][]align.Item
	var back [2][]int
	for _, p := range win {
		for s, idx := range [2][]int{p.A, p.B} {
			for _, i := range idx {
				if !gone[s][i] {
					sub[s] = append(sub[s], items[s][i])
					back[s] = append(back[s], i)
				}
			}
		}
	}
	pairs := align.Align(sub[0], sub[1], opt)
	for k := range pairs {
		for x := range pairs[k].A {
			pairs[k].A[x] = back[0][pairs[k].A[x]]
		}
		for x := range pairs[k].B {
			pairs[k].B[x] = back[1][pairs[k].B[x]]
		}
	}
	return pairs
}

// swapped22 says whether a 2-2 pair is two neighbours swapped, given the
// costs x1, x2 of its paragraphs crossed and y1, y2 in order: each crossed
// pair shows evidence and neither in order does, or, short paragraphs
// having little evidence to show, neither crossed pair costs more than a
// pair with little in common (swapWeakMax) and together they cost less
// than in order by twice swapMargin.
func swapped22(x1, x2, y1, y2 float64) bool {
	if x1 <= moveMaxCost && x2 <= moveMaxCost && y1 > moveMaxCost && y2 > moveMaxCost {
		return true
	}
	return max(x1, x2) <= swapWeakMax && x1+x2 <= y1+y2-2*swapMargin
}

// swapReach is how many pairs apart two 1-1 pairs of the pool may be to
// be taken for two paragraphs swapped on the evidence of the pair of them
// (swapPairs): a paragraph and its neighbour, or one past it.
const swapReach = 2

// swapPairs finds two paragraphs swapped that the alignment paired in
// order, each with the other's translation: two 1-1 pairs of the pool
// (curV) at most swapReach pairs apart, crossed as swapped22 asks of the
// two halves of a 2-2 pair. Without a number, concept or anchor to share,
// a paragraph and its translation elsewhere cost about 0, too much for
// rematch, but together the two crossed pairs cost far less than the two
// in order. Each pair is taken once, with the nearest partner that fits,
// after rematch and rematchWeak, whose evidence is stronger.
func swapPairs(sc *align.Scorer, pairs []align.Pair, curV map[int]float64, r *repairs) {
	pooled := func(p align.Pair) bool {
		if len(p.A) != 1 || len(p.B) != 1 {
			return false
		}
		if _, ok := curV[p.A[0]]; !ok {
			return false
		}
		_, v := r.byV[p.A[0]]
		_, f := r.byF[p.B[0]]
		return !v && !f
	}
	for k, p := range pairs {
		if !pooled(p) {
			continue
		}
		for d := 1; d <= swapReach && k+d < len(pairs); d++ {
			q := pairs[k+d]
			if !pooled(q) {
				continue
			}
			x1, s1 := sc.Pair(p.A, q.B)
			x2, s2 := sc.Pair(q.A, p.B)
			y1, _ := sc.Pair(p.A, p.B)
			y2, _ := sc.Pair(q.A, q.B)
			if !swapped22(x1, x2, y1, y2) {
				continue
			}
			r.byV[p.A[0]] = repair{v: p.A[0], f: q.B[0], cost: x1, score: s1}
			r.byV[q.A[0]] = repair{v: q.A[0], f: p.B[0], cost: x2, score: s2}
			r.byF[q.B[0]], r.byF[p.B[0]] = p.A[0], q.A[0]
			break
		}
	}
}

// swapWeakMax is the most one of two paragraphs swapped may cost with its
// translation, by the aligner's model, when the evidence is in the pair of
// them (swapped22): two paragraphs of about the right length with nothing
// in common cost about 0, and a short heading against its translation up
// to about 1.5 (ten 2-2 pairs of swapped neighbours in TestEvalDocuments).
const swapWeakMax = 2.0

// swapMargin is how much cheaper, by the aligner's model, a paragraph
// pair must be crossed than in order to be taken for two swapped on weak
// evidence (swapped22, twice for the two pairs): about the margin a
// paragraph paired again must show (rematchMargin), twice.
const swapMargin = 2 * rematchMargin

// rematch pairs the paragraphs of the pool (curV, curF: each with the cost
// of the pair it is in, +Inf for none) anew: the cheapest pairs first,
// each paragraph once, pairs cheaper than moveMaxCost and by rematchMargin
// than the pairs their paragraphs are in. Candidates share a number,
// concept or alignment anchor (a key in at most maxPosting paragraphs of
// the pool), so the work grows with the pool, not with its square.
func rematch(sc *align.Scorer, voted, final *Side, curV, curF map[int]float64, r *repairs) {
	keys := func(p *Para) []string {
		var ks []string
		for _, n := range p.Numbers {
			ks = append(ks, "n\x00"+n.Key)
		}
		for _, h := range p.Hits {
			ks = append(ks, "c\x00"+conceptKey(h.Concept.Group, h.Concept.ID))
		}
		for _, l := range p.Links {
			ks = append(ks, "l\x00"+l)
		}
		return ks
	}
	fs := make([]int, 0, len(curF))
	for j := range curF {
		fs = append(fs, j)
	}
	slices.Sort(fs)
	posting := map[string][]int{}
	for _, j := range fs {
		for _, k := range keys(final.Paras[j]) {
			if ps := posting[k]; len(ps) == 0 || ps[len(ps)-1] != j {
				posting[k] = append(ps, j)
			}
		}
	}
	vs := make([]int, 0, len(curV))
	for i := range curV {
		vs = append(vs, i)
	}
	slices.Sort(vs)
	var cands []repair
	for _, i := range vs {
		seen := map[int]bool{}
		for _, k := range keys(voted.Paras[i]) {
			ps := posting[k]
			if len(ps) > maxPosting {
				continue
			}
			for _, j := range ps {
				if seen[j] {
					continue
				}
				seen[j] = true
				c, s := sc.Pair([]int{i}, []int{j})
				if c <= moveMaxCost && c <= curV[i]-rematchMargin && c <= curF[j]-rematchMargin {
					cands = append(cands, repair{v: i, f: j, cost: c, score: s})
				}
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y repair) int {
		return cmp.Or(cmp.Compare(x.cost, y.cost), cmp.Compare(x.v, y.v), cmp.Compare(x.f, y.f))
	})
	for _, c := range cands {
		if _, ok := r.byV[c.v]; ok {
			continue
		}
		if _, ok := r.byF[c.f]; ok {
			continue
		}
		r.byV[c.v], r.byF[c.f] = c, c.v
	}
}

// weakMoveMax is the most a pair of an unpaired voted paragraph and an
// unpaired final one may cost, by the aligner's model, to be taken for a
// paragraph that moved on weak evidence (rematchWeak): about what two
// paragraphs of about the right length with nothing in common cost.
const weakMoveMax = 1.5

// rematchWeak pairs the paragraphs the alignment left unpaired (in curV
// and curF with +Inf) and rematch did not pair, when they are few (at most
// maxPosting a side), on weaker evidence than rematch asks: a paragraph
// with no number, concept or anchor shares no key with its translation
// elsewhere. A voted and a final paragraph are paired when each is the
// other's cheapest, the pair costs at most weakMoveMax, and their
// sentences say they translate each other: every sentence has a
// counterpart and the lengths are within the usual spread (the checks of
// content-omitted and content-added, which would otherwise report them).
func rematchWeak(sc *align.Scorer, voted, final *Side, curV, curF map[int]float64, r *repairs) {
	var vs, fs []int
	for i, c := range curV {
		if _, ok := r.byV[i]; !ok && math.IsInf(c, 1) {
			vs = append(vs, i)
		}
	}
	for j, c := range curF {
		if _, ok := r.byF[j]; !ok && math.IsInf(c, 1) {
			fs = append(fs, j)
		}
	}
	if len(vs) == 0 || len(fs) == 0 || len(vs) > maxPosting || len(fs) > maxPosting {
		return
	}
	slices.Sort(vs)
	slices.Sort(fs)
	cost := make([][]float64, len(vs))
	for a, i := range vs {
		cost[a] = make([]float64, len(fs))
		for b, j := range fs {
			cost[a][b], _ = sc.Pair([]int{i}, []int{j})
		}
	}
	m := contentModelFor(voted.Doc.Lang, final.Doc.Lang)
	for a, i := range vs {
		b := 0
		for x := range fs {
			if cost[a][x] < cost[a][b] {
				b = x
			}
		}
		if cost[a][b] > weakMoveMax {
			continue
		}
		best := true
		for y := range vs {
			if y != a && cost[y][b] <= cost[a][b] {
				best = false
			}
		}
		if !best || !sameContent(m, voted, final, i, fs[b]) {
			continue
		}
		c, score := sc.Pair([]int{i}, []int{fs[b]})
		r.byV[i], r.byF[fs[b]] = repair{v: i, f: fs[b], cost: c, score: score}, i
	}
}

// sameContent says whether voted paragraph i and final paragraph j say the
// same by their sentences: each has a counterpart, and the lengths are
// within omitGuard usual spreads.
func sameContent(m contentModel, voted, final *Side, i, j int) bool {
	vs, fs := sentencesOf(voted, []int{i}), sentencesOf(final, []int{j})
	if len(vs) == 0 || len(fs) == 0 || math.Abs(m.zSents(vs, fs)) > omitGuard {
		return false
	}
	vm, fm := m.alignSentences(vs, fs)
	return !slices.Contains(vm, false) && !slices.Contains(fm, false)
}

// markMoved marks moved the new pairs that are off the heaviest run of
// pairs in order of both documents (a longest increasing subsequence, the
// aligner's own pairs weighing more than new ones, so that a paragraph
// that moved is the one called moved rather than the paragraphs it moved
// past).
func markMoved(pairs []align.Pair, r *repairs) {
	type pt struct {
		v, f, w int
		rep     bool
	}
	var pts []pt
	for k, p := range pairs {
		if len(p.A) == 0 || len(p.B) == 0 || r.swapped[k] {
			continue
		}
		if len(p.A) == 1 && len(p.B) == 1 {
			if _, ok := r.byV[p.A[0]]; ok {
				continue
			}
			if _, ok := r.byF[p.B[0]]; ok {
				continue
			}
		}
		pts = append(pts, pt{p.A[0], p.B[0], 2, false})
	}
	for _, x := range r.byV {
		pts = append(pts, pt{x.v, x.f, 1, true})
	}
	slices.SortFunc(pts, func(x, y pt) int { return cmp.Compare(x.v, y.v) })
	// Heaviest increasing subsequence in f, by a Fenwick tree of the best
	// weight ending at each final index: O(n log n).
	n := 0
	for _, p := range pts {
		n = max(n, p.f+1)
	}
	tree := make([]struct{ w, at int }, n+1)
	query := func(f int) (int, int) { // best over final indices < f
		best, at := 0, -1
		for i := f; i > 0; i -= i & -i {
			if tree[i].w > best {
				best, at = tree[i].w, tree[i].at
			}
		}
		return best, at
	}
	update := func(f, w, at int) {
		for i := f + 1; i <= n; i += i & -i {
			if w > tree[i].w {
				tree[i].w, tree[i].at = w, at
			}
		}
	}
	prev := make([]int, len(pts))
	score := make([]int, len(pts))
	bestW, bestAt := 0, -1
	for k, p := range pts {
		w, at := query(p.f)
		score[k], prev[k] = w+p.w, at
		update(p.f, score[k], k)
		if score[k] > bestW {
			bestW, bestAt = score[k], k
		}
	}
	inRun := make([]bool, len(pts))
	for k := bestAt; k >= 0; k = prev[k] {
		inRun[k] = true
	}
	for k, p := range pts {
		if p.rep && !inRun[k] {
			x := r.byV[p.v]
			x.moved = true
			r.byV[p.v] = x
		}
	}
}
