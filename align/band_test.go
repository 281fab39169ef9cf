package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// edited returns n paragraphs and a translation of them edited by edit,
// which is given each paragraph's index and returns what the translation
// has in its place: 0 items (dropped), 1, 2 (split), or more (paragraphs
// inserted after it).
func edited(n int, seed uint64, edit func(i int, r *rand.Rand) int) (a, b []Item) {
	r := rand.New(rand.NewPCG(seed, 7))
	kind := func(i int) string {
		if i < n/3 {
			return "preamble"
		}
		return "operative"
	}
	for i := range n {
		x := Item{ID: "P" + strconv.Itoa(i), Kind: kind(i), Len: float64(40 + r.IntN(400))}
		if r.IntN(3) == 0 {
			x.Numbers = []string{strconv.Itoa(r.IntN(100))}
		}
		x.Units = x.Len / 6
		a = append(a, x)
		k := edit(i, r)
		for c := range k {
			y := x
			y.Len = math.Round(x.Len * (0.9 + 0.2*r.Float64()) * 1.13)
			if k == 2 && c < 2 {
				y.Len = math.Round(y.Len / 2) // split in two
			} else if c > 0 {
				y = Item{ID: fmt.Sprintf("X%d.%d", i, c), Kind: kind(i), Len: float64(40 + r.IntN(400))}
			}
			y.Units = y.Len / 6
			b = append(b, y)
		}
	}
	return a, b
}

// TestGuidedBandMatchesDiagonal checks that the band around the alignment
// at half resolution, used for long documents of different lengths,
// finds the alignment the full band around the diagonal finds, on
// documents short enough for both: paragraphs dropped here and there or
// as a block (at the start, in the middle, at the end), inserted, split.
func TestGuidedBandMatchesDiagonal(t *testing.T) {
	const n = 1500
	cases := []struct {
		desc string
		edit func(i int, r *rand.Rand) int
	}{
		{"5% dropped here and there", func(_ int, r *rand.Rand) int { return min(r.IntN(20), 1) }},
		{"200 dropped at the start", func(i int, _ *rand.Rand) int { return b2i(i >= 200) }},
		{"200 dropped in the middle", func(i int, _ *rand.Rand) int { return b2i(i < 600 || i >= 800) }},
		{"300 dropped at the end", func(i int, _ *rand.Rand) int { return b2i(i < n-300) }},
		{"one in ten split, some inserted", func(_ int, r *rand.Rand) int {
			switch r.IntN(30) {
			case 0, 1, 2:
				return 2
			case 3:
				return 3
			}
			return 1
		}},
		{"150 inserted in the middle", func(i int, _ *rand.Rand) int {
			if i == 700 {
				return 151
			}
			return 1
		}},
	}
	for k, tc := range cases {
		a, b := edited(n, uint64(k), tc.edit)
		opt := Options{LengthSpread: 0.15}
		ratio := lengthRatio(a, b, false)
		full := alignItems(a, b, ratio, opt, math.MaxInt, 0)
		guided := alignItems(a, b, ratio, opt, 0, 0)
		d, g := diagonalBand(len(a), len(b)), guidedBand(guided, len(a), len(b), GuideRadius)
		if d.cells() <= g.cells() {
			t.Errorf("%s: the guided band (%d cells) is no smaller than the diagonal one (%d): a test of nothing", tc.desc, g.cells(), d.cells())
		}
		if i := firstDiff(full, guided); i >= 0 {
			t.Errorf("%s (%d and %d items): pair %d is %v%v with the guided band, %v%v with the diagonal band",
				tc.desc, len(a), len(b), i, at(guided, i).A, at(guided, i).B, at(full, i).A, at(full, i).B)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func at(ps []Pair, i int) Pair {
	if i < len(ps) {
		return ps[i]
	}
	return Pair{}
}

func firstDiff(x, y []Pair) int {
	for i := range max(len(x), len(y)) {
		if i >= len(x) || i >= len(y) || !slices.Equal(x[i].A, y[i].A) || !slices.Equal(x[i].B, y[i].B) || x[i].Cost != y[i].Cost {
			return i
		}
	}
	return -1
}

// TestBandGrowsLinearly checks that the work of aligning two documents
// that differ in length grows with their length, not with its square:
// ten times the paragraphs, with the same share dropped, must not make
// a band of a hundred times the cells. (The band around the diagonal alone
// would: 20,000 paragraphs against 19,000 made 41 million cells, 80 times
// those of 2,000 against 1,900.)
func TestBandGrowsLinearly(t *testing.T) {
	cells := func(n int) int {
		a, b := edited(n, 1, func(i int, _ *rand.Rand) int { return b2i(i%20 != 5) })
		bd := bandFor(a, b, lengthRatio(a, b, false), Options{}, MaxBandCells, 0)
		return bd.cells()
	}
	small, large := cells(2000), cells(20000)
	if large > 20*small {
		t.Errorf("band of %d cells for 20,000 paragraphs against 19,000, %d for 2,000 against 1,900: %.0f times, want linear growth (at most 20 times)",
			large, small, float64(large)/float64(small))
	}
}
