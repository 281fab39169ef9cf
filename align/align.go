// Package align pairs the paragraphs of two documents, across languages
// (voted English ↔ final Chinese) or across versions of one language.
//
// Pairs may be 1-1, 1-0 (a paragraph of A with nothing in B), 0-1, and
// beads of several paragraphs a side read as one text: 2-1, 1-2, 3-1, 1-3
// and 2-2 (a paragraph merged with the next ones, or split, in the other
// language; see beadPenalty for what a bead must be worth). The pairing
// is found by dynamic programming over a band around the diagonal, or,
// for long documents that differ in length, around their alignment at
// half resolution (see MaxBandCells): the work grows with the
// number of paragraphs, not its square. The cost is made of the length
// ratio (measured on the two documents themselves, so no table of language
// ratios is needed), paragraph ids and kinds as anchors, shared numbers and
// shared lexicon concepts as evidence, and, for two versions in one
// language, the overlap of their words; a bead is scored on the sum of
// its paragraphs' lengths and the union of their evidence. A dropped or
// inserted paragraph costs one skip and does not shift the pairs after it.
// Scorer prices a pair the alignment did not make (a paragraph moved
// elsewhere) by the same model.
//
// Align owns pairing; it never decides what is drift.
package align

import (
	"cmp"
	"math"
	"slices"

	"github.com/driftcheck/driftcheck/lang"
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
	A, B []int
	// Score is the probability that the two sides translate each other
	// (see Calibration), rounded to three decimals; 0 for a skip.
	Score float64
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
	// Calibration maps a pair's cost to its Score (zero: PooledCalibration
	// across languages, VersionsCalibration with SameLang). OptionsFor
	// sets the one of the language pair.
	Calibration Calibration
}

// Calibration maps the cost of a pair (without the penalty of a bead) to
// the probability that its two sides translate each other:
// 1/(1+exp(Slope·cost+Offset)), a logistic fit (Platt scaling) of pairs
// whose truth is known. The probability is that of a pair that is, before
// its evidence is weighed, as likely a translation as not: the fit weighs
// its false pairs as much in all as its true ones.
type Calibration struct{ Slope, Offset float64 }

// Prob returns the probability that a pair of cost c is a translation.
func (k Calibration) Prob(c float64) float64 {
	return 1 / (1 + math.Exp(k.Slope*c+k.Offset))
}

// Calibrations are the calibrations of English against each other official
// language, fitted by TestEvalCalibration (eval_calibration_test.go, go test
// -run TestEvalCalibration -eval -v .), which checks that they are current:
// on the paragraphs of whole documents (UNPC devset documents of 30–90
// paragraphs, A/HRC/37/L.36 and its excerpt, the opening of A/RES/55/100),
// about 3,300 true pairs a language (paragraph i with its translation) and
// twice as many false (paragraph i with a paragraph at most three away,
// and with a paragraph of another document), priced by Scorer with the
// options OptionsFor gives. Those weights and options changed, the
// calibrations are fitted again.
var Calibrations = map[string]Calibration{
	"zh": {2.8813, -2.9760},
	"fr": {2.0527, -2.3165},
	"es": {2.2913, -2.8772},
	"ru": {2.6664, -4.0196},
	"ar": {2.8059, -3.4088},
}

// PooledCalibration is fitted on the five language pairs of Calibrations
// together: the calibration of a pair of languages not fitted (French
// against Chinese).
var PooledCalibration = Calibration{2.5145, -3.0962}

// VersionsCalibration is for versions in one language: not fitted (two
// versions are mostly the same words, and their pairs' costs are on a
// scale of their own), the mapping Score always had there.
var VersionsCalibration = Calibration{1, -1.5}

// CalibrationFor returns the calibration of documents in languages a and b
// (either order).
func CalibrationFor(a, b string) Calibration {
	a, b = lang.Norm(a), lang.Norm(b)
	switch {
	case a == b:
		return VersionsCalibration
	case a == "en":
		if k, ok := Calibrations[b]; ok {
			return k
		}
	case b == "en":
		if k, ok := Calibrations[a]; ok {
			return k
		}
	}
	return PooledCalibration
}

// calibration returns the options' calibration, or its default.
func (o *Options) calibration() Calibration {
	switch {
	case o.Calibration != (Calibration{}):
		return o.Calibration
	case o.SameLang:
		return VersionsCalibration
	}
	return PooledCalibration
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

// shape is a kind of step: how many paragraphs of A and of B it takes.
type shape struct{ a, b int }

// shapes are the steps the dynamic programming may take; a move is an
// index into it, mNone (0) none. A bead (a pair of more than one
// paragraph a side) is at most three paragraphs against one, or two
// against two.
var shapes = [...]shape{{}, {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {3, 1}, {1, 3}, {2, 2}}

type move uint8

const mNone move = 0

// maxRun is the most paragraphs one side of a pair may hold.
const maxRun = 3

// beadPenalty is paid on top of the pair cost by a pair of sa paragraphs
// against sb (a bead), so that paragraphs are merged only on evidence that
// they are one:
//
//   - 2-1 and 1-2 pay Merge: the paragraph folded into the pair must cost
//     Merge−Skip less there than as a skip;
//   - 3-1 and 1-3 pay 2·Merge: each of the two paragraphs folded in must,
//     the same way, so that a dropped paragraph next to a real merge is
//     not folded into it;
//   - 2-2 pays 2·Merge−Skip: its alternatives are two 1-1 pairs (no skip)
//     or a 2-1 or 1-2 pair and a skip; against the first, the evidence
//     that crosses the boundary between the two pairs (a number or a
//     concept on the other side of it) must be worth that much.
func beadPenalty(w *Weights, sa, sb int) float64 {
	switch {
	case sa == 0 || sb == 0 || sa+sb == 2:
		return 0
	case sa == 2 && sb == 2:
		return 2*w.Merge - w.Skip
	}
	return float64(sa+sb-2) * w.Merge
}

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

// Scorer prices pairs of paragraphs of two documents that the alignment
// did not make (a paragraph that moved, two that were swapped), by the
// cost model Align uses on them: the same length ratio, options and
// weights.
type Scorer struct {
	a, b   []Item
	sa, sb []sets
	ratio  float64
	opt    Options
}

// NewScorer returns a Scorer for the documents a and b aligned with opt.
func NewScorer(a, b []Item, opt Options) *Scorer {
	if opt.Weights == (Weights{}) {
		opt.Weights = DefaultWeights
	}
	ratio := opt.ExpectedRatio
	if ratio <= 0 {
		ratio = lengthRatio(a, b, false)
	}
	in := interner{}
	return &Scorer{a: a, b: b, sa: in.sortedSets(a), sb: in.sortedSets(b), ratio: ratio, opt: opt}
}

// Pair returns the cost of pairing the paragraphs as of the first document
// with the paragraphs bs of the second (indices, one or more a side, each
// side read as one text in the order given), without the penalty of a
// bead, and its confidence, as Align would score that pair.
func (s *Scorer) Pair(as, bs []int) (cost, confidence float64) {
	if len(as) == 0 || len(bs) == 0 {
		return s.opt.Weights.Skip, 0
	}
	x, y := runOf(s.a, s.sa, as), runOf(s.b, s.sb, bs)
	c := pairCost(&x, &y, s.ratio, &s.opt)
	return c, score(s.opt.calibration(), c)
}

// Skip is the cost of a paragraph paired with nothing under the Scorer's
// weights.
func (s *Scorer) Skip() float64 { return s.opt.Weights.Skip }

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
	return solve(a, b, runsOf(a, in.sortedSets(a)), runsOf(b, in.sortedSets(b)), ratio, opt, bd)
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

// solve finds the cheapest alignment of a and b through the steps of bd;
// ra and rb are their runs (runsOf).
func solve(a, b []Item, ra, rb *runs, ratio float64, opt Options, bd band) []Pair {
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
	lb := newBounder(ra, rb, ratio, &opt)
	for i := 0; i <= n; i++ {
		for j := bd.lo[i]; j <= bd.hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, bm := math.Inf(1), mNone
			// The skips cost prev+Skip whatever the paragraphs: no pair
			// whose bound is above the cheaper of them can be the best.
			// (The moves are still taken in their order, so that a tie
			// goes to the same move as without pruning.)
			beat := math.Min(get(i-1, j), get(i, j-1)) + w.Skip
			for mv := move(1); int(mv) < len(shapes); mv++ {
				s := shapes[mv]
				if i < s.a || j < s.b {
					continue
				}
				prev := get(i-s.a, j-s.b)
				if math.IsInf(prev, 1) {
					continue
				}
				var c float64
				switch {
				case s.a == 0 || s.b == 0:
					c = prev + w.Skip
				default:
					x, y := ra.at(i-s.a, s.a), rb.at(j-s.b, s.b)
					pen := beadPenalty(w, s.a, s.b)
					if limit := math.Min(best, beat) - prev - pen + pruneMargin; !noPrune && (lb.quick(x, y) >= limit || lb.pairCost(x, y) >= limit) {
						// Even with the most evidence the two sides could
						// share, this step costs more than the best so
						// far: pairCost could not make it the best.
						continue
					}
					c = prev + pen + pairCost(x, y, ratio, &opt)
				}
				if c < best {
					best, bm = c, mv
				}
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
		s := shapes[from[k]]
		p := Pair{A: seq(i-s.a, s.a), B: seq(j-s.b, s.b)}
		i, j = i-s.a, j-s.b
		p.Cost = c - get(i, j)
		if s.a > 0 && s.b > 0 {
			// The confidence is that of the pair's own evidence: the
			// penalty of a bead is a prior against merging, not evidence
			// that the paragraphs do not translate each other.
			p.Score = score(opt.calibration(), p.Cost-beadPenalty(w, s.a, s.b))
		}
		out = append(out, p)
	}
	slices.Reverse(out)
	return out
}

// seq returns the n indices from i, or nil for none.
func seq(i, n int) []int {
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for k := range out {
		out[k] = i + k
	}
	return out
}

// score is the Score of a pair of cost c: its probability under k,
// rounded to three decimals.
func score(k Calibration, c float64) float64 {
	return math.Round(k.Prob(c)*1000) / 1000
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

// run is one side of a pair: one to maxRun consecutive items of a
// document, as one text: their lengths and counts summed, their multisets
// merged.
type run struct {
	len, units     float64
	parens, quotes int
	// kinds are the kinds of the items, nk of them.
	kinds [maxRun]string
	nk    int
	// id is the id of a single item ("" for a run of more).
	id string
	sets
	// logLen are the logarithms of the smoothed length in characters and
	// in units, and reward the most evidence of the run could take from a
	// pair's cost, for the lower bounds of pairCost (newBounder sets them).
	logLen [2]float64
	reward float64
}

// runs holds the runs of one to maxRun items of a document: by[k-1][i]
// covers items i…i+k-1.
type runs struct {
	by [maxRun][]run
}

// at returns the run of k items from item i.
func (r *runs) at(i, k int) *run { return &r.by[k-1][i] }

// runsOf returns the runs of items, whose sorted multisets are ss. Their
// memory grows with maxRun times the items and their keys.
func runsOf(items []Item, ss []sets) *runs {
	r := &runs{}
	for k := 1; k <= maxRun; k++ {
		if len(items) < k {
			break
		}
		r.by[k-1] = make([]run, len(items)-k+1)
		// One arena holds the merged multisets of every run of k items.
		var arena []int32
		if k > 1 {
			n := 0
			for i := range r.by[k-1] {
				n += r.by[k-2][i].keys() + r.by[0][i+k-1].keys()
			}
			arena = make([]int32, 0, n)
		}
		for i := range r.by[k-1] {
			x := &r.by[k-1][i]
			if k == 1 {
				it := &items[i]
				*x = run{len: it.Len, units: it.Units, parens: it.Parens, quotes: it.Quotes, nk: 1, id: it.ID, sets: ss[i]}
				x.kinds[0] = it.Kind
				continue
			}
			*x = joinRun(&r.by[k-2][i], &r.by[0][i+k-1], &arena)
		}
	}
	return r
}

// keys is the number of keys in the multisets of r.
func (r *run) keys() int {
	return len(r.numbers) + len(r.concepts) + len(r.words) + len(r.anchors) + len(r.cognates) + len(r.links)
}

// joinRun returns the run of x followed by the single item y; its merged
// multisets are appended to *arena.
func joinRun(x, y *run, arena *[]int32) run {
	out := run{len: x.len + y.len, units: x.units + y.units, parens: x.parens + y.parens, quotes: x.quotes + y.quotes, nk: x.nk + 1, kinds: x.kinds}
	out.kinds[x.nk] = y.kinds[0]
	merge := func(p, q []int32) []int32 {
		start := len(*arena)
		*arena = mergeSorted(*arena, p, q)
		return (*arena)[start:len(*arena):len(*arena)]
	}
	out.sets = sets{
		merge(x.numbers, y.numbers), merge(x.concepts, y.concepts), merge(x.words, y.words),
		merge(x.anchors, y.anchors), merge(x.cognates, y.cognates), merge(x.links, y.links),
	}
	return out
}

// mergeSorted appends to dst the sorted multiset union of the sorted p and q.
func mergeSorted[T cmp.Ordered](dst, p, q []T) []T {
	for len(p) > 0 && len(q) > 0 {
		if p[0] <= q[0] {
			dst, p = append(dst, p[0]), p[1:]
		} else {
			dst, q = append(dst, q[0]), q[1:]
		}
	}
	return append(append(dst, p...), q...)
}

// runOf returns the items idx of a document (any, in any order) as one
// run; ss are the sorted multisets of all its items.
func runOf(items []Item, ss []sets, idx []int) run {
	var x run
	for k, i := range idx {
		it := &items[i]
		y := run{len: it.Len, units: it.Units, parens: it.Parens, quotes: it.Quotes, nk: 1, id: it.ID, sets: ss[i]}
		y.kinds[0] = it.Kind
		if k == 0 {
			x = y
			continue
		}
		if x.nk == maxRun {
			// Kinds beyond maxRun are not kept; the rest is summed.
			x.nk--
		}
		var arena []int32
		x = joinRun(&x, &y, &arena)
	}
	if len(idx) > 1 {
		x.id = ""
	}
	return x
}

// pairCost is the cost of pairing the run x of the first document with
// the run y of the second (without the penalty of a bead, beadPenalty).
// opt.Weights must be set (Align sets it).
func pairCost(x, y *run, ratio float64, opt *Options) float64 {
	w := &opt.Weights
	la, lb, ua, ub := x.len, y.len, x.units, y.units
	ap, bp, aq, bq := x.parens, y.parens, x.quotes, y.quotes
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
	shared, onlyA, onlyB := overlapSorted(x.numbers, y.numbers)
	c -= w.Number*float64(shared) - w.NumberMissing*float64(onlyA+onlyB)
	shared, onlyA, onlyB = overlapSorted(x.concepts, y.concepts)
	c -= w.Concept*float64(shared) - w.ConceptMissing*float64(onlyA+onlyB)
	if !opt.SameLang {
		shared, _, _ = overlapSorted(x.anchors, y.anchors)
		c -= w.Anchor * float64(shared)
		if len(x.cognates) > 0 && len(y.cognates) > 0 {
			// Dice overlap of the cognate prefixes: unrelated sentences
			// share a few common ones, translations many.
			shared, onlyA, onlyB = overlapSorted(x.cognates, y.cognates)
			dice := 2 * float64(shared) / float64(2*shared+onlyA+onlyB)
			c -= w.Cognate * (dice - w.CognateBase)
		}
		if len(x.links) > 0 || len(y.links) > 0 {
			// Common UN words and names: each one shared is evidence,
			// each one on one side only is weak evidence against.
			shared, onlyA, onlyB = overlapSorted(x.links, y.links)
			c -= w.Link * (float64(shared) - w.LinkMissing*float64(onlyA+onlyB))
		}
		c += w.Bracket * float64(absInt(ap-bp)+absInt(aq-bq))
		if ap > 0 && ap == bp {
			c -= w.ParensMatch
		}
	}
	if opt.SameLang && (len(x.words) > 0 || len(y.words) > 0) {
		shared, onlyA, onlyB = overlapSorted(x.words, y.words)
		tot := float64(shared + onlyA + onlyB)
		if tot > 0 {
			j := float64(shared) / tot
			c += w.Words * (w.WordsPivot - j) // by default identical paragraphs −3, disjoint +3
		}
	}

	// Structure: the two sides are of one kind if they have a kind in
	// common (a merged paragraph takes the kind of either part).
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

func shareKind(x, y *run) bool {
	for _, k := range x.kinds[:x.nk] {
		for _, l := range y.kinds[:y.nk] {
			if k == l {
				return true
			}
		}
	}
	return false
}

// overlapSorted counts the keys that the sorted multisets a and b share,
// and those only in each.
func overlapSorted[T cmp.Ordered](a, b []T) (shared, onlyA, onlyB int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			onlyA++
			i++
		default:
			onlyB++
			j++
		}
	}
	return shared, onlyA + len(a) - i, onlyB + len(b) - j
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
