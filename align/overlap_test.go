package align

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOverlapSorted checks the merging count against the plain multiset
// count on random multisets split in one or two parts a side, merged.
func TestOverlapSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	set := func() []string {
		n := r.IntN(12)
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + r.IntN(6)))
		}
		return out
	}
	for range 5000 {
		a1, a2, b1, b2 := set(), set(), set(), set()
		if r.IntN(2) == 0 {
			a2 = nil
		}
		if r.IntN(2) == 0 {
			b2 = nil
		}
		ws, wa, wb := overlap(slices.Concat(a1, a2), slices.Concat(b1, b2))
		for _, x := range [][]string{a1, a2, b1, b2} {
			slices.Sort(x)
		}
		// The parts are merged as runs merge their paragraphs' keys.
		ma, mb := mergeSorted(nil, a1, a2), mergeSorted(nil, b1, b2)
		if !slices.IsSorted(ma) || len(ma) != len(a1)+len(a2) {
			t.Fatalf("mergeSorted(%q, %q) = %q, not the sorted union", a1, a2, ma)
		}
		s, oa, ob := overlapSorted(ma, mb)
		if s != ws || oa != wa || ob != wb {
			t.Fatalf("overlapSorted(%q, %q) = %d, %d, %d; want %d, %d, %d", ma, mb, s, oa, ob, ws, wa, wb)
		}
	}
}

// overlap counts the keys the two multisets share and those only in each,
// plainly: the reference for overlapSorted.
func overlap(a, b []string) (shared, onlyA, onlyB int) {
	if len(a) == 0 && len(b) == 0 {
		return 0, 0, 0
	}
	if len(a)+len(b) < 16 {
		used := make([]bool, len(b))
	outer:
		for _, x := range a {
			for j, y := range b {
				if !used[j] && x == y {
					used[j] = true
					shared++
					continue outer
				}
			}
			onlyA++
		}
		onlyB = len(b) - shared
		return
	}
	cnt := make(map[string]int, len(a))
	for _, x := range a {
		cnt[x]++
	}
	for _, y := range b {
		if cnt[y] > 0 {
			cnt[y]--
			shared++
		} else {
			onlyB++
		}
	}
	onlyA = len(a) - shared
	return
}
