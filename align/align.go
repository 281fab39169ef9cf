// Package align pairs the paragraphs of two documents, across languages
// (voted English ↔ final Chinese) or across versions of one language.
//
// Pairs may be 1-1, 1-0 (a paragraph of A with nothing in B), 0-1, 2-1 and
// 1-2. The pairing is found by dynamic programming over a band around the
// diagonal, or, for long documents that differ in length, around their
// alignment at half resolution (see MaxBandCells): the work grows with the
// number of paragraphs, not its square. The cost is made of the length
// ratio (measured on the two documents themselves, so no table of language
// ratios is needed), paragraph ids and kinds as anchors, shared numbers and
// shared lexicon concepts as evidence, and, for two versions in one
// language, the overlap of their words. A dropped or inserted paragraph
// costs one skip and does not shift the pairs after it.
//
// Align owns pairing; it never decides what is drift.
package align

import (
	"cmp"
	"math"
	"slices"
)

// Item is what the aligner knows of one paragraph.
type Item struct {
	ID   string
	Kind string // "title", "preamble", "operative", … (see package document)
	Len  float64
	// Units is the length in words; a Chinese paragraph counts its Han
	// characters and its runs of Latin letters or digits. Against Chinese
	// it tells more than characters do (see Options.Units).
	Units float64
	// Numbers and Concepts are multisets of keys (a number's normalised
	// digits; a concept's group, or its id when it has no group).
	Numbers  []string
	Concepts []string
	// Words is set only when both documents are in one language: the
	// content-word keys of the paragraph.
	Words []string
	// Anchors are words that translation leaves alone: Latin-script names
	// and acronyms (UNICEF, Guatemala, HFC-23), folded.
	Anchors []string
	// Parens and Quotes count brackets and quotation marks, which
	// translations mostly keep.
	Parens, Quotes int
	// Cognates are the first four letters (folded, accents removed) of
	// the longer Latin-script words: English, French and Spanish share
	// many ("organization", "organisation", "organización").
	Cognates []string
	// Links are the ids of the alignment anchors (common UN words and
	// names, lexicon.Anchors) the paragraph contains, in any language.
	Links []string
}

// Pair is one step of an alignment: paragraphs A of the first document
// (indices into its items, in order) paired with paragraphs B of the
// second. One side is empty for a paragraph missing from the other.
type Pair struct {
	A, B  []int
	Score float64 // 0 (no confidence, or a skip) … 1 (certain)
	Cost  float64
}

// Options tune the aligner.
type Options struct {
	// UseIDs makes equal paragraph ids evidence (both documents have a
	// recognised resolution structure).
	UseIDs bool
	// SameLang says both documents are in one language (versions).
	SameLang bool
	// ExpectedRatio is the usual ratio of the lengths of B to A for the
	// two languages (0: unknown, and the ratio of the two documents is
	// used).
	ExpectedRatio float64
	// LengthSpread is the usual standard deviation of the log length ratio
	// of a pair (0: 0.15). The larger it is, the less a length difference
	// costs.
	LengthSpread float64
	// Units adds Item.Units as a second measure of length, with its own
	// usual ratio and spread.
	Units                 bool
	UnitRatio, UnitSpread float64
	// Weights are the weights of the cost model (zero: DefaultWeights).
	Weights Weights
}

// Weights are the weights of the cost model: what each kind of evidence
// adds to (penalises) or takes from (rewards) the cost of a step. The
// aligner picks the alignment of least total cost; a pair is worth making
// when it costs less than the two skips it replaces (2·Skip). Start from
// DefaultWeights and change fields; a zero Weights in Options means
// DefaultWeights.
type Weights struct {
	// Skip is the cost of a paragraph paired with nothing (1-0 or 0-1):
	// the price of calling a paragraph dropped or inserted.
	Skip float64
	// Merge is paid on top of the pair cost by a 2-1 or 1-2 pair, so that
	// two paragraphs are merged only on evidence that they are one.
	Merge float64

	// Length penalises a length that departs from the expected ratio:
	// the cost per usual spread (Options.LengthSpread) of the log ratio
	// of the lengths, in characters and, with Options.Units, in units.
	Length float64
	// LengthSmooth is added (in characters, at the ratio's scale) to both
	// lengths before their log ratio is taken, so that short paragraphs
	// are not judged on a few characters.
	LengthSmooth float64
	// UnitSmooth is the same for lengths in units (words).
	UnitSmooth float64
	// LengthSpread is the usual spread of the log length ratio when
	// Options.LengthSpread is 0.
	LengthSpread float64

	// Number rewards each number the two sides share; NumberMissing
	// penalises each number on one side only.
	Number, NumberMissing float64
	// Concept rewards each lexicon concept the two sides share;
	// ConceptMissing penalises each concept on one side only.
	Concept, ConceptMissing float64

	// The following apply across languages only (not Options.SameLang).

	// Anchor rewards each shared word that translation leaves alone
	// (Item.Anchors).
	Anchor float64
	// Cognate rewards the Dice overlap of the cognate prefixes
	// (Item.Cognates) above CognateBase, and penalises it below: the
	// cost falls by Cognate·(dice − CognateBase). CognateBase is the
	// overlap unrelated sentences reach on common prefixes alone.
	Cognate, CognateBase float64
	// Link rewards each shared alignment anchor (Item.Links); each one on
	// one side only costs LinkMissing·Link, weak evidence against.
	Link, LinkMissing float64
	// Bracket penalises each bracket or quotation mark that one side has
	// more than the other (Item.Parens, Item.Quotes).
	Bracket float64
	// ParensMatch rewards two sides with the same number of brackets,
	// when they have any.
	ParensMatch float64

	// Words applies within one language only (Options.SameLang): the
	// cost rises by Words·(WordsPivot − J), where J is the Jaccard
	// overlap of the content words (Item.Words), so that identical
	// paragraphs are rewarded and disjoint ones penalised.
	Words, WordsPivot float64

	// KindMismatch penalises pairing paragraphs of different kinds
	// (title with operative, …).
	KindMismatch float64
	// TitleMatch rewards pairing two titles.
	TitleMatch float64
	// IDMatch rewards a 1-1 pair of paragraphs with the same, non-empty
	// id, with Options.UseIDs.
	IDMatch float64
}

// SkipCost and MergeCost are DefaultWeights.Skip and DefaultWeights.Merge,
// kept for the callers that name them.
const (
	SkipCost  = 4.0
	MergeCost = 5.5
)

// DefaultWeights are the weights Align uses when Options.Weights is zero.
// Do not change it; copy it and pass the copy in Options.Weights.
var DefaultWeights = Weights{
	Skip:  SkipCost,
	Merge: MergeCost,

	Length:       0.45,
	LengthSmooth: 12,
	UnitSmooth:   3,
	LengthSpread: 0.15,

	Number: 1.0, NumberMissing: 0.5,
	Concept: 1.2, ConceptMissing: 0.6,

	Anchor:  0.8,
	Cognate: 4, CognateBase: 0.15,
	Link: 0.6, LinkMissing: 0.5,
	Bracket:     0.4,
	ParensMatch: 0.4,

	Words: 6, WordsPivot: 0.5,

	KindMismatch: 2,
	TitleMatch:   2,
	IDMatch:      1,
}

type move uint8

const (
	mNone move = iota
	m11
	m10
	m01
	m21
	m12
)

// Align returns the alignment of a and b as a sequence of pairs covering
// every item of both, in document order.
func Align(a, b []Item, opt Options) []Pair {
	// The usual ratio of the two languages, when known, is the better
	// estimate: the documents' own ratio is biased by the very paragraphs
	// that one of them dropped or added.
	ratio := opt.ExpectedRatio
	if ratio <= 0 {
		ratio = lengthRatio(a, b, false)
	}
	return alignItems(a, b, ratio, opt, MaxBandCells, 0)
}

// MaxBandCells bounds the work of the band around the diagonal. That band
// must be as wide as the difference in the number of paragraphs (every
// extra paragraph is a step off the diagonal), so two long documents of
// different lengths cost time and memory in the product of the two: 20,000
// paragraphs against 19,000 make 41 million cells. Past this bound (when
// the band is also wider than its minimum, whose cost is linear, and the
// alternative is smaller), the band follows instead the alignment of the
// two documents at half resolution (each two paragraphs merged into one,
// aligned the same way, recursively), widened by GuideRadius on every side:
// its cost grows with the sum of the lengths. Documents within the bound
// (every document of the tests and corpora) are aligned over the band
// around the diagonal alone, as they always were.
const MaxBandCells = 1 << 22

// GuideRadius is how many paragraphs the band keeps on each side of the
// alignment at half resolution (see MaxBandCells): along a diagonal, the
// band is then about as wide as the minimal band around the diagonal.
const GuideRadius = 30

// minBand is the half-width of the band around the diagonal for
// documents with (nearly) as many paragraphs.
const minBand = 60

// alignItems aligns a and b, items at resolution level (0 for paragraphs,
// 1 for two paragraphs, 2 for four, …), over the band bandFor chooses.
func alignItems(a, b []Item, ratio float64, opt Options, maxCells, level int) []Pair {
	if opt.Weights == (Weights{}) {
		opt.Weights = DefaultWeights
	}
	bd := bandFor(a, b, ratio, opt, maxCells, level)
	in := interner{}
	return solve(a, b, in.sortedSets(a), in.sortedSets(b), ratio, opt, bd)
}

// bandFor returns the band around the diagonal, or the band around the
// alignment of a and b at half resolution when the former has more than
// maxCells cells, is wider than its minimum and larger than the latter
// would be.
func bandFor(a, b []Item, ratio float64, opt Options, maxCells, level int) band {
	n, m := len(a), len(b)
	bd := diagonalBand(n, m)
	if c := bd.cells(); c > maxCells && c > guidedCells(n, m) && bandHalfWidth(n, m) > minBand && n >= 2 && m >= 2 {
		ha, hb := halve(a, level+1), halve(b, level+1)
		// At half resolution, the band around the diagonal is kept only
		// if it is no larger than a guided band would be.
		coarse := alignItems(ha, hb, ratio, opt, guidedCells(len(ha), len(hb)), level+1)
		bd = guidedBand(coarse, n, m, GuideRadius)
	}
	return bd
}

// guidedCells is about the number of cells of a guided band for n and m
// items: each step of the path at half resolution brings 2·GuideRadius+1
// rows or columns, and no band has more cells than the whole grid.
func guidedCells(n, m int) int { return min((2*GuideRadius+1)*(n+m+2), (n+1)*(m+1)) }

// bandHalfWidth is the half-width of the band around the diagonal: wide
// enough for every paragraph one document has more than the other.
func bandHalfWidth(n, m int) int {
	w := minBand
	if d := n - m; d > 0 && d+30 > w {
		w = d + 30
	} else if d < 0 && -d+30 > w {
		w = -d + 30
	}
	return w
}

// band is the part of the grid of steps (i, j), 0 ≤ i ≤ n, 0 ≤ j ≤ m,
// that the dynamic programming visits: in row i, the columns lo[i]…hi[i].
// The cells of row i are stored from off[i].
type band struct {
	lo, hi, off []int
}

func newBand(n int) band {
	return band{lo: make([]int, n+1), hi: make([]int, n+1), off: make([]int, n+2)}
}

// index fills in the row offsets once lo and hi are set.
func (bd *band) index() {
	for i := range bd.lo {
		bd.off[i+1] = bd.off[i] + bd.hi[i] - bd.lo[i] + 1
	}
}

func (bd *band) cells() int { return bd.off[len(bd.off)-1] }

// at returns the index of the cell (i, j), and false when it is outside
// the band.
func (bd *band) at(i, j int) (int, bool) {
	if i < 0 || i >= len(bd.lo) || j < bd.lo[i] || j > bd.hi[i] {
		return 0, false
	}
	return bd.off[i] + j - bd.lo[i], true
}

// diagonalBand is the band of half-width bandHalfWidth around the line
// from (0, 0) to (n, m).
func diagonalBand(n, m int) band {
	w := bandHalfWidth(n, m)
	bd := newBand(n)
	for i := 0; i <= n; i++ {
		c := 0
		if n > 0 {
			c = int(math.Round(float64(i) * float64(m) / float64(n)))
		}
		bd.lo[i], bd.hi[i] = max(c-w, 0), min(c+w, m)
	}
	bd.index()
	return bd
}

// halve returns the items of a two by two, each pair merged into one item
// (an odd last item alone), at resolution level (1 for two paragraphs, 2
// for four, …). Up to level sampledFrom-1, a merged multiset keeps every
// key; from there on only the keys whose hash is a multiple of
// 2^(level-sampledFrom+1), a sample that is the same in both documents (it
// depends on the key alone): an item then holds about the keys of four
// paragraphs, enough evidence to place it, and a pair costs no more to
// judge at each level than at the last.
func halve(a []Item, level int) []Item {
	mask := uint64(1)<<max(level-sampledFrom+1, 0) - 1
	merge := func(x, y []string) []string {
		var out []string
		for _, s := range [][]string{x, y} {
			for _, k := range s {
				if keyHash(k)&mask == 0 {
					out = append(out, k)
				}
			}
		}
		return out
	}
	out := make([]Item, 0, (len(a)+1)/2)
	for k := 0; k < len(a); k += 2 {
		x, y := a[k], Item{}
		if k+1 < len(a) {
			y = a[k+1]
		}
		id := x.ID
		if k+1 < len(a) {
			id += "+" + y.ID
		}
		out = append(out, Item{
			ID: id, Kind: x.Kind,
			Len: x.Len + y.Len, Units: x.Units + y.Units,
			Numbers: merge(x.Numbers, y.Numbers), Concepts: merge(x.Concepts, y.Concepts),
			Words: merge(x.Words, y.Words), Anchors: merge(x.Anchors, y.Anchors),
			Parens: x.Parens + y.Parens, Quotes: x.Quotes + y.Quotes,
			Cognates: merge(x.Cognates, y.Cognates), Links: merge(x.Links, y.Links),
		})
	}
	return out
}

// sampledFrom is the first level of halve whose items hold a sample of the
// keys of their paragraphs (items of eight paragraphs).
const sampledFrom = 3

// keyHash is the 64-bit FNV-1a hash of s, its bits mixed (MurmurHash3's
// finaliser) so that the low ones are as good as the high ones.
func keyHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// guidedBand is the band around the alignment coarse of the halved
// documents: each of its steps covers a rectangle of steps of the full
// documents, and the band holds those rectangles widened by r rows and
// columns on every side.
func guidedBand(coarse []Pair, n, m, r int) band {
	bd := newBand(n)
	for i := range bd.lo {
		bd.lo[i], bd.hi[i] = m, 0
	}
	// The coarse item I covers the items 2I and 2I+1.
	I, J := 0, 0
	for _, p := range coarse {
		I2, J2 := I+len(p.A), J+len(p.B)
		for i := min(2*I, n); i <= min(2*I2, n); i++ {
			bd.lo[i] = min(bd.lo[i], min(2*J, m))
			bd.hi[i] = max(bd.hi[i], min(2*J2, m))
		}
		I, J = I2, J2
	}
	// The path is monotone, so lo and hi never decrease: the widest
	// columns within r rows are those r rows before and after.
	lo, hi := slices.Clone(bd.lo), slices.Clone(bd.hi)
	for i := range bd.lo {
		bd.lo[i] = max(lo[max(i-r, 0)]-r, 0)
		bd.hi[i] = min(hi[min(i+r, n)]+r, m)
	}
	bd.index()
	return bd
}

// solve finds the cheapest alignment of a and b through the steps of bd.
func solve(a, b []Item, sa, sb []sets, ratio float64, opt Options, bd band) []Pair {
	n, m := len(a), len(b)
	w := &opt.Weights
	cost := make([]float64, bd.cells())
	from := make([]move, len(cost))
	for i := range cost {
		cost[i] = math.Inf(1)
	}
	get := func(i, j int) float64 {
		if k, ok := bd.at(i, j); ok {
			return cost[k]
		}
		return math.Inf(1)
	}
	k0, _ := bd.at(0, 0)
	cost[k0] = 0
	for i := 0; i <= n; i++ {
		for j := bd.lo[i]; j <= bd.hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, bm := math.Inf(1), mNone
			try := func(c float64, mv move) {
				if c < best {
					best, bm = c, mv
				}
			}
			if i > 0 && j > 0 {
				try(get(i-1, j-1)+pairCost(a[i-1:i], b[j-1:j], sa[i-1:i], sb[j-1:j], ratio, &opt), m11)
			}
			if i > 0 {
				try(get(i-1, j)+w.Skip, m10)
			}
			if j > 0 {
				try(get(i, j-1)+w.Skip, m01)
			}
			if i > 1 && j > 0 {
				try(get(i-2, j-1)+w.Merge+pairCost(a[i-2:i], b[j-1:j], sa[i-2:i], sb[j-1:j], ratio, &opt), m21)
			}
			if i > 0 && j > 1 {
				try(get(i-1, j-2)+w.Merge+pairCost(a[i-1:i], b[j-2:j], sa[i-1:i], sb[j-2:j], ratio, &opt), m12)
			}
			k, _ := bd.at(i, j)
			cost[k], from[k] = best, bm
		}
	}
	var out []Pair
	i, j := n, m
	for i > 0 || j > 0 {
		k, ok := bd.at(i, j)
		if !ok || from[k] == mNone {
			// Outside the band (cannot happen: both bands hold a path
			// from (0, 0) to (n, m)); fall back to skips so every item
			// is still covered.
			if i > 0 {
				out = append(out, Pair{A: []int{i - 1}, Cost: w.Skip})
				i--
			} else {
				out = append(out, Pair{B: []int{j - 1}, Cost: w.Skip})
				j--
			}
			continue
		}
		c := cost[k]
		var p Pair
		switch from[k] {
		case m11:
			p = Pair{A: []int{i - 1}, B: []int{j - 1}}
			i, j = i-1, j-1
		case m10:
			p = Pair{A: []int{i - 1}}
			i--
		case m01:
			p = Pair{B: []int{j - 1}}
			j--
		case m21:
			p = Pair{A: []int{i - 2, i - 1}, B: []int{j - 1}}
			i, j = i-2, j-1
		case m12:
			p = Pair{A: []int{i - 1}, B: []int{j - 2, j - 1}}
			i, j = i-1, j-2
		}
		p.Cost = c - get(i, j)
		if len(p.A) > 0 && len(p.B) > 0 {
			p.Score = score(p.Cost)
		}
		out = append(out, p)
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// score maps a pair cost to a confidence in [0, 1].
func score(c float64) float64 {
	s := 1 / (1 + math.Exp(c-1.5))
	return math.Round(s*1000) / 1000
}

func lengthRatio(a, b []Item, units bool) float64 {
	var la, lb float64
	for _, x := range a {
		la += x.Len
		if units {
			la += x.Units - x.Len
		}
	}
	for _, x := range b {
		lb += x.Len
		if units {
			lb += x.Units - x.Len
		}
	}
	if la == 0 || lb == 0 {
		return 1
	}
	return lb / la
}

// sets holds an item's multisets sorted, each key replaced by a number
// (the same for both documents), so that pairCost can count overlaps by
// merging, without allocating and comparing numbers rather than strings.
type sets struct {
	numbers, concepts, words, anchors, cognates, links []int32
}

// interner numbers the keys of the items of both documents.
type interner map[string]int32

// sortedSets returns the sorted multisets of items.
func (in interner) sortedSets(items []Item) []sets {
	out := make([]sets, len(items))
	for i, x := range items {
		n := len(x.Numbers) + len(x.Concepts) + len(x.Words) + len(x.Anchors) + len(x.Cognates) + len(x.Links)
		arena := make([]int32, 0, n)
		sorted := func(keys []string) []int32 {
			start := len(arena)
			for _, k := range keys {
				id, ok := in[k]
				if !ok {
					id = int32(len(in))
					in[k] = id
				}
				arena = append(arena, id)
			}
			y := arena[start:len(arena):len(arena)]
			slices.Sort(y)
			return y
		}
		out[i] = sets{sorted(x.Numbers), sorted(x.Concepts), sorted(x.Words), sorted(x.Anchors), sorted(x.Cognates), sorted(x.Links)}
	}
	return out
}

// pairCost is the cost of pairing the paragraphs as with the paragraphs bs
// (one or two a side); sa and sb are their sorted multisets. opt.Weights
// must be set (Align sets it).
func pairCost(as, bs []Item, sa, sb []sets, ratio float64, opt *Options) float64 {
	w := &opt.Weights
	var la, lb float64
	var ap, bp, aq, bq int
	var ua, ub float64
	for _, x := range as {
		la += x.Len
		ua += x.Units
		ap, aq = ap+x.Parens, aq+x.Quotes
	}
	for _, x := range bs {
		lb += x.Len
		ub += x.Units
		bp, bq = bp+x.Parens, bq+x.Quotes
	}
	field := func(ss []sets, f func(*sets) []int32) (x, y []int32) {
		x = f(&ss[0])
		if len(ss) > 1 {
			y = f(&ss[1])
		}
		return
	}
	ov := func(f func(*sets) []int32) (shared, onlyA, onlyB int) {
		a1, a2 := field(sa, f)
		b1, b2 := field(sb, f)
		return overlapSorted(a1, a2, b1, b2)
	}
	nonEmpty := func(ss []sets, f func(*sets) []int32) bool {
		for i := range ss {
			if len(f(&ss[i])) > 0 {
				return true
			}
		}
		return false
	}
	// Length: log ratio against the documents' own ratio, smoothed so that
	// short paragraphs are not judged on a few characters.
	smooth := w.LengthSmooth
	d := math.Log((lb + smooth*ratio) / (la*ratio + smooth*ratio))
	spread := opt.LengthSpread
	if spread <= 0 {
		spread = w.LengthSpread
	}
	c := w.Length * math.Abs(d) / spread
	if opt.Units && opt.UnitRatio > 0 && opt.UnitSpread > 0 {
		// Two measures of length: average their costs.
		du := math.Log((ub + w.UnitSmooth*opt.UnitRatio) / (ua*opt.UnitRatio + w.UnitSmooth*opt.UnitRatio))
		c = (c + w.Length*math.Abs(du)/opt.UnitSpread) / 2
	}

	// Evidence.
	numbers := func(s *sets) []int32 { return s.numbers }
	concepts := func(s *sets) []int32 { return s.concepts }
	anchors := func(s *sets) []int32 { return s.anchors }
	cognates := func(s *sets) []int32 { return s.cognates }
	words := func(s *sets) []int32 { return s.words }
	links := func(s *sets) []int32 { return s.links }
	shared, onlyA, onlyB := ov(numbers)
	c -= w.Number*float64(shared) - w.NumberMissing*float64(onlyA+onlyB)
	shared, onlyA, onlyB = ov(concepts)
	c -= w.Concept*float64(shared) - w.ConceptMissing*float64(onlyA+onlyB)
	if !opt.SameLang {
		shared, _, _ = ov(anchors)
		c -= w.Anchor * float64(shared)
		if nonEmpty(sa, cognates) && nonEmpty(sb, cognates) {
			// Dice overlap of the cognate prefixes: unrelated sentences
			// share a few common ones, translations many.
			shared, onlyA, onlyB = ov(cognates)
			dice := 2 * float64(shared) / float64(2*shared+onlyA+onlyB)
			c -= w.Cognate * (dice - w.CognateBase)
		}
		if nonEmpty(sa, links) || nonEmpty(sb, links) {
			// Common UN words and names: each one shared is evidence,
			// each one on one side only is weak evidence against.
			shared, onlyA, onlyB = ov(links)
			c -= w.Link * (float64(shared) - w.LinkMissing*float64(onlyA+onlyB))
		}
		c += w.Bracket * float64(absInt(ap-bp)+absInt(aq-bq))
		if ap > 0 && ap == bp {
			c -= w.ParensMatch
		}
	}
	if opt.SameLang && (nonEmpty(sa, words) || nonEmpty(sb, words)) {
		shared, onlyA, onlyB = ov(words)
		tot := float64(shared + onlyA + onlyB)
		if tot > 0 {
			j := float64(shared) / tot
			c += w.Words * (w.WordsPivot - j) // by default identical paragraphs −3, disjoint +3
		}
	}

	// Structure.
	ka, kb := as[0].Kind, bs[0].Kind
	if ka != kb {
		c += w.KindMismatch
	}
	if ka == "title" && kb == "title" {
		c -= w.TitleMatch
	}
	if opt.UseIDs && len(as) == 1 && len(bs) == 1 && as[0].ID == bs[0].ID && as[0].ID != "" {
		c -= w.IDMatch
	}
	return c
}

// overlapSorted counts the keys that the multiset union of the sorted
// slices a1 and a2 shares with that of b1 and b2, and those only in each.
func overlapSorted[T cmp.Ordered](a1, a2, b1, b2 []T) (shared, onlyA, onlyB int) {
	for (len(a1) > 0 || len(a2) > 0) && (len(b1) > 0 || len(b2) > 0) {
		x, fromA1 := least(a1, a2)
		y, fromB1 := least(b1, b2)
		switch {
		case x == y:
			shared++
		case x < y:
			onlyA++
		default:
			onlyB++
		}
		if x <= y {
			if fromA1 {
				a1 = a1[1:]
			} else {
				a2 = a2[1:]
			}
		}
		if y <= x {
			if fromB1 {
				b1 = b1[1:]
			} else {
				b2 = b2[1:]
			}
		}
	}
	onlyA += len(a1) + len(a2)
	onlyB += len(b1) + len(b2)
	return
}

// least returns the smaller head of two sorted slices, not both empty, and
// whether it is the first's.
func least[T cmp.Ordered](s1, s2 []T) (T, bool) {
	if len(s2) == 0 || len(s1) > 0 && s1[0] <= s2[0] {
		return s1[0], true
	}
	return s2[0], false
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
