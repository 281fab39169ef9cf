package align_test

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/driftcheck/driftcheck/align"
)

// numbered returns n paragraphs like items(n), each with a number of its
// own ("n0", "n1", …) so that every 1-1 pair is anchored.
func numbered(n int) []align.Item {
	out := items(n)
	for i := range out {
		out[i].Numbers = []string{"n" + strconv.Itoa(i)}
	}
	return out
}

// para returns a paragraph of length l holding the numbers keys.
func para(id string, l float64, keys ...string) align.Item {
	return align.Item{ID: id, Kind: "preamble", Len: l, Numbers: keys}
}

// TestBeads checks each shape of bead between ten numbered paragraphs
// before and after: the paragraphs of one side are one text on the other,
// their numbers shared out among them. Worked by hand (ratio 1, spread
// 0.15): the 2-2 pair pays 2·Merge−Skip = 7 and gains five shared numbers
// (cost 2), against 2.55 + 0 and 1.97 − 1 for the two 1-1 pairs whose
// boundary is in the wrong place (3.52).
func TestBeads(t *testing.T) {
	tests := []struct {
		shape string
		a, b  []align.Item
	}{
		{"1-2", []align.Item{para("x", 200, "a", "b")},
			[]align.Item{para("x1", 100, "a"), para("x2", 100, "b")}},
		{"2-1", []align.Item{para("x1", 100, "a"), para("x2", 100, "b")},
			[]align.Item{para("x", 200, "a", "b")}},
		{"1-3", []align.Item{para("x", 300, "a", "b", "c", "d")},
			[]align.Item{para("x1", 100, "a", "b"), para("x2", 100, "c"), para("x3", 100, "d")}},
		{"3-1", []align.Item{para("x1", 100, "a"), para("x2", 100, "b", "c"), para("x3", 100, "d")},
			[]align.Item{para("x", 300, "a", "b", "c", "d")}},
		{"2-2", []align.Item{para("x", 100, "a"), para("y", 300, "b", "c", "d", "e")},
			[]align.Item{para("xy", 250, "a", "b", "c"), para("y2", 150, "d", "e")}},
		// The last preambular paragraph merged with the first operative
		// one: the merged paragraph is of either kind (2.5 against 3.66
		// for a skip and a 1-1 pair; 4.5 if the kinds of the first
		// paragraphs had to match).
		{"2-1", []align.Item{para("pp", 100, "a"), kind(para("op", 200, "b", "c"), "operative")},
			[]align.Item{kind(para("op", 300, "a", "b", "c"), "operative")}},
	}
	for _, tt := range tests {
		t.Run(tt.shape+" "+tt.a[0].ID, func(t *testing.T) {
			bg := numbered(20)
			a := append(append(append([]align.Item{}, bg[:10]...), tt.a...), bg[10:]...)
			b := append(append(append([]align.Item{}, bg[:10]...), tt.b...), bg[10:]...)
			ps := align.Align(a, b, align.Options{ExpectedRatio: 1})
			checkCover(t, ps, len(a), len(b))
			want := align.Pair{A: seq(10, len(tt.a)), B: seq(10, len(tt.b))}
			var got []align.Pair
			for _, p := range ps {
				if shape(p) != "1-1" {
					got = append(got, p)
				}
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0].A, want.A) || !reflect.DeepEqual(got[0].B, want.B) || len(ps) != 21 {
				t.Fatalf("Align = %s\nwant one %s pair %v%v and 20 1-1 pairs", format(ps), tt.shape, want.A, want.B)
			}
			// The bead's confidence is that of its evidence: every number
			// shared, lengths equal.
			if got[0].Score < 0.9 {
				t.Errorf("%s pair scores %v, want ≥ 0.9 (all its numbers shared, lengths equal)", tt.shape, got[0].Score)
			}
			// The Scorer prices the bead as the aligner did.
			sc := align.NewScorer(a, b, align.Options{ExpectedRatio: 1})
			if _, conf := sc.Pair(got[0].A, got[0].B); conf != got[0].Score {
				t.Errorf("Scorer.Pair(%v, %v) confidence %v, Align's pair %v", got[0].A, got[0].B, conf, got[0].Score)
			}
			for _, p := range ps {
				if c, _ := sc.Pair(p.A, p.B); shape(p) == "1-1" && c != p.Cost {
					t.Errorf("Scorer.Pair(%v, %v) cost %v, Align's pair %v", p.A, p.B, c, p.Cost)
				}
			}
		})
	}
}

// TestBeadNotForDrop checks that a dropped paragraph next to a real merge
// is not folded into it: three paragraphs of A, the first two merged in B
// and the third dropped, give a 2-1 pair and a skip, not a 3-1 pair.
func TestBeadNotForDrop(t *testing.T) {
	bg := numbered(20)
	mid := []align.Item{para("x1", 100, "a"), para("x2", 100, "b"), para("d", 120, "z")}
	a := append(append(append([]align.Item{}, bg[:10]...), mid...), bg[10:]...)
	b := append(append(append([]align.Item{}, bg[:10]...), para("x", 200, "a", "b")), bg[10:]...)
	ps := align.Align(a, b, align.Options{ExpectedRatio: 1})
	checkCover(t, ps, len(a), len(b))
	got := shapes(ps)
	if want := map[string]int{"1-1": 20, "2-1": 1, "1-0": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("Align = %s\nshapes %v, want %v", format(ps), got, want)
	}
}

// TestBeadsAtScale checks that a document split and merged here and there
// (in each thirteen paragraphs, one merged with the next two and one split
// in two, apart) aligns with every bead found.
//
// Beads side by side are not asked for: a 3-1 pair next to a 1-2 pair pays
// 16.5 of penalties, and with numbers as the only evidence a 2-1 pair and
// two 1-1 pairs off by one paragraph cost less (one number on one side
// only costs 0.5).
func TestBeadsAtScale(t *testing.T) {
	const n = 3000
	var a, b []align.Item
	var want []align.Pair
	for i := 0; i < n; {
		x := para("P"+strconv.Itoa(i), float64(80+(i*37)%200), "n"+strconv.Itoa(i), "m"+strconv.Itoa(i))
		switch {
		case i%13 == 3 && i+2 < n:
			y := para("P"+strconv.Itoa(i+1), 90, "n"+strconv.Itoa(i+1))
			z := para("P"+strconv.Itoa(i+2), 70, "n"+strconv.Itoa(i+2))
			m := para("M", x.Len+y.Len+z.Len, append(append(append([]string{}, x.Numbers...), y.Numbers...), z.Numbers...)...)
			want = append(want, align.Pair{A: seq(len(a), 3), B: seq(len(b), 1)})
			a, b = append(a, x, y, z), append(b, m)
			i += 3
		case i%13 == 9:
			x1 := para("S1", x.Len/2, x.Numbers[0])
			x2 := para("S2", x.Len/2, x.Numbers[1])
			want = append(want, align.Pair{A: seq(len(a), 1), B: seq(len(b), 2)})
			a, b = append(a, x), append(b, x1, x2)
			i++
		default:
			a, b = append(a, x), append(b, x)
			i++
		}
	}
	ps := align.Align(a, b, align.Options{ExpectedRatio: 1})
	checkCover(t, ps, len(a), len(b))
	var got []align.Pair
	for _, p := range ps {
		if shape(p) != "1-1" {
			got = append(got, align.Pair{A: p.A, B: p.B})
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d beads found, want %d; first ones: %s", len(got), len(want), format(got[:min(len(got), 10)]))
	}
}

func kind(it align.Item, k string) align.Item {
	it.Kind = k
	return it
}

func seq(i, n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = i + k
	}
	return out
}
