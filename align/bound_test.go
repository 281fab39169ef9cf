package align

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomItems makes n items whose keys come from a small vocabulary, so
// that neighbours and far paragraphs share some.
func randomItems(rng *rand.Rand, n int, prefix string) []Item {
	keys := func(max int, vocab int) []string {
		var out []string
		for range rng.IntN(max + 1) {
			out = append(out, fmt.Sprintf("k%d", rng.IntN(vocab)))
		}
		return out
	}
	kinds := []string{"title", "preamble", "operative"}
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{
			ID:   fmt.Sprintf("%s%d", prefix, i%7),
			Kind: kinds[rng.IntN(len(kinds))],
			Len:  float64(5 + rng.IntN(400)), Units: float64(1 + rng.IntN(80)),
			Numbers: keys(3, 10), Concepts: keys(2, 6), Words: keys(12, 40),
			Anchors: keys(2, 8), Cognates: keys(15, 30), Links: keys(4, 12),
			Parens: rng.IntN(3), Quotes: rng.IntN(2),
		}
	}
	return items
}

// TestBoundBelowPairCost checks that the bound solve prunes with is never
// above the cost it stands for, for every shape of run, across and within
// languages, with and without units and ids.
func TestBoundBelowPairCost(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 40 {
		a, b := randomItems(rng, 30, "a"), randomItems(rng, 30, "a")
		opt := OptionsFor("en", []string{"zh", "fr", "en", "ru"}[trial%4], trial%3 == 0)
		opt.Weights = DefaultWeights
		if trial%5 == 4 {
			// Other weights, so that no term of the bounds is right by
			// the default's luck.
			opt.Weights.WordsPivot, opt.Weights.CognateBase, opt.Weights.NumberMissing = 0.8, 0.4, 0
		}
		ratio := 0.5 + rng.Float64()
		in := interner{}
		ra, rb := runsOf(a, in.sortedSets(a)), runsOf(b, in.sortedSets(b))
		bd := newBounder(ra, rb, ratio, &opt)
		for ka := range maxRun {
			for kb := range maxRun {
				for i := range ra.by[ka] {
					for j := range rb.by[kb] {
						x, y := &ra.by[ka][i], &rb.by[kb][j]
						c := pairCost(x, y, ratio, &opt)
						if lo := bd.pairCost(x, y); lo > c+1e-12 {
							t.Fatalf("trial %d, runs %d+%d at %d, %d: bound %v above the cost %v", trial, ka+1, kb+1, i, j, lo, c)
						}
						if lo := bd.quick(x, y); lo > c+1e-12 {
							t.Fatalf("trial %d, runs %d+%d at %d, %d: quick bound %v above the cost %v", trial, ka+1, kb+1, i, j, lo, c)
						}
					}
				}
			}
		}
	}
}

// TestPruningKeepsAlignment aligns random documents (with paragraphs
// dropped, inserted and merged around each other) with and without the
// pruning: the pairs, costs and scores are the same.
func TestPruningKeepsAlignment(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 30 {
		n := 20 + rng.IntN(300)
		a := randomItems(rng, n, "p")
		b := make([]Item, 0, n)
		for i := 0; i < n; i++ {
			switch r := rng.IntN(20); {
			case r == 0: // dropped
			case r == 1: // inserted
				b = append(b, randomItems(rng, 1, "x")[0], a[i])
			case r == 2 && i+1 < n: // merged
				m := a[i]
				m.Len += a[i+1].Len
				m.Numbers = append(append([]string{}, m.Numbers...), a[i+1].Numbers...)
				m.Cognates = append(append([]string{}, m.Cognates...), a[i+1].Cognates...)
				b = append(b, m)
				i++
			default:
				b = append(b, a[i])
			}
		}
		opt := OptionsFor("en", []string{"zh", "fr", "en"}[trial%3], trial%2 == 0)
		noPrune = true
		want := Align(a, b, opt)
		noPrune = false
		got := Align(a, b, opt)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: the pruned alignment differs", trial)
		}
	}
}
