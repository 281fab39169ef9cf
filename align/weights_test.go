package align_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/driftcheck/driftcheck/align"
)

// shapes counts the pairs of ps by shape ("1-1", "1-0", …).
func shapes(ps []align.Pair) map[string]int {
	out := map[string]int{}
	for _, p := range ps {
		out[shape(p)]++
	}
	return out
}

func lens(ls ...float64) []align.Item {
	out := make([]align.Item, len(ls))
	for i, l := range ls {
		out[i] = align.Item{ID: "P" + strconv.Itoa(i), Kind: "preamble", Len: l}
	}
	return out
}

// TestWeightsDecide checks that the weights in Options.Weights decide the
// alignment, on two cases worked out by hand (ratio 1, spread 0.15, equal
// kinds, no evidence but length; a pair of lengths x and y costs
// 0.45·|ln((y+12)/(x+12))|/0.15: 0 when equal, 1.914 for 200 against 100).
func TestWeightsDecide(t *testing.T) {
	heavySkip := align.DefaultWeights
	heavySkip.Skip = 10
	heavyMerge := align.DefaultWeights
	heavyMerge.Merge = 7
	tests := []struct {
		desc string
		a, b []align.Item
		w    align.Weights
		want map[string]int
	}{
		// Three paragraphs of 100, the middle one dropped: a skip costs 4,
		// a merge 5.5 + 1.914 = 7.41.
		{"dropped, default weights", lens(100, 100, 100), lens(100, 100), align.Weights{}, map[string]int{"1-1": 2, "1-0": 1}},
		// At 10 a skip costs more than the merge.
		{"dropped, skips dearer", lens(100, 100, 100), lens(100, 100), heavySkip, map[string]int{"2-1": 1, "1-1": 1}},
		// One paragraph of 200 split in two of 100: the split costs 5.5,
		// a pair and a skip 1.914 + 4 = 5.914.
		{"split, default weights", lens(200), lens(100, 100), align.Weights{}, map[string]int{"1-2": 1}},
		// At 7 the merge costs more than the pair and the skip.
		{"split, merges dearer", lens(200), lens(100, 100), heavyMerge, map[string]int{"1-1": 1, "0-1": 1}},
	}
	for _, tt := range tests {
		ps := align.Align(tt.a, tt.b, align.Options{ExpectedRatio: 1, Weights: tt.w})
		checkCover(t, ps, len(tt.a), len(tt.b))
		if got := shapes(ps); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Align = %s, shapes %v, want %v", tt.desc, format(ps), got, tt.want)
		}
	}
}

// translated returns n random paragraphs and a noisy translation of them:
// the same kinds and ids, lengths times 1.1 give or take, most keys kept,
// a few dropped or added, brackets sometimes lost.
func translated(n int, seed uint64) (a, b []align.Item) {
	r := rand.New(rand.NewPCG(seed, 3))
	keys := func(max, alpha int, prefix string) []string {
		var s []string
		for range r.IntN(max + 1) {
			s = append(s, prefix+strconv.Itoa(r.IntN(alpha)))
		}
		return s
	}
	noisy := func(s []string, prefix string) []string {
		var out []string
		for _, k := range s {
			if r.IntN(5) > 0 {
				out = append(out, k)
			}
		}
		if r.IntN(3) == 0 {
			out = append(out, prefix+strconv.Itoa(r.IntN(40)))
		}
		return out
	}
	kinds := []string{"title", "preamble", "operative"}
	for i := range n {
		x := align.Item{
			ID: "P" + strconv.Itoa(i), Kind: kinds[min(i, 1+i*2/n)],
			Len: float64(40 + r.IntN(300)), Units: float64(5 + r.IntN(60)),
			Numbers: keys(2, 20, "n"), Concepts: keys(3, 20, "c"), Words: keys(12, 40, "w"),
			Anchors: keys(2, 20, "a"), Parens: r.IntN(3), Quotes: r.IntN(2),
			Cognates: keys(10, 40, "g"), Links: keys(3, 20, "l"),
		}
		y := x
		y.Len = x.Len * (1 + 0.2*r.Float64())
		y.Units = x.Units * (0.8 + 0.4*r.Float64())
		y.Numbers, y.Concepts, y.Words = noisy(x.Numbers, "n"), noisy(x.Concepts, "c"), noisy(x.Words, "w")
		y.Anchors, y.Cognates, y.Links = noisy(x.Anchors, "a"), noisy(x.Cognates, "g"), noisy(x.Links, "l")
		if r.IntN(4) == 0 {
			y.Parens = 0
		}
		a, b = append(a, x), append(b, y)
	}
	// One paragraph split in two, one dropped, one inserted, one kind
	// changed: a merge, skips and a kind mismatch are on the cheapest path
	// or near it.
	k := 3 * n / 4
	x, y := b[k], b[k]
	x.Len, y.Len, x.Units, y.Units = b[k].Len/2, b[k].Len/2, b[k].Units/2, b[k].Units/2
	h := len(b[k].Words) / 2
	x.Words, y.Words = b[k].Words[:h], b[k].Words[h:]
	b = append(b[:k], append([]align.Item{x, y}, b[k+1:]...)...)
	b = append(b[:n/3], b[n/3+1:]...)
	b = append(b[:n/2], append([]align.Item{{ID: "X", Kind: "operative", Len: 120, Words: []string{"w1"}}}, b[n/2:]...)...)
	b[2*n/3].Kind = "preamble"
	return a, b
}

// TestEveryWeightCounts checks that each field of Weights is used: doubling
// it changes the total cost of aligning a noisy translation or a noisy
// version, with ids, two measures of length and the default spread.
func TestEveryWeightCounts(t *testing.T) {
	a, b := translated(40, 1)
	opts := map[string]align.Options{
		"translation": {UseIDs: true, Units: true, UnitRatio: 1, UnitSpread: 0.17},
		"version":     {UseIDs: true, SameLang: true},
	}
	total := func(opt align.Options) float64 {
		s := 0.0
		for _, p := range align.Align(a, b, opt) {
			s += p.Cost
		}
		return s
	}
	base := map[string]float64{}
	for name, opt := range opts {
		base[name] = total(opt)
		if opt.Weights = align.DefaultWeights; total(opt) != base[name] {
			t.Errorf("%s: zero Weights cost %v, DefaultWeights %v: zero must mean DefaultWeights", name, base[name], total(opt))
		}
	}
	typ := reflect.TypeFor[align.Weights]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		w := align.DefaultWeights
		v := reflect.ValueOf(&w).Elem().Field(i)
		if v.Float() == 0 {
			t.Errorf("DefaultWeights.%s is 0: a weight that does nothing", f.Name)
			continue
		}
		v.SetFloat(2 * v.Float())
		changed := ""
		for name, opt := range opts {
			opt.Weights = w
			if c := total(opt); c != base[name] {
				changed += fmt.Sprintf(" %s %.3f→%.3f", name, base[name], c)
			}
		}
		if changed == "" {
			t.Errorf("doubling Weights.%s changes no alignment cost: the field is not used", f.Name)
		} else {
			t.Logf("Weights.%s×2:%s", f.Name, changed)
		}
	}
}
