package align_test

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/driftcheck/driftcheck/align"
)

// items returns n preambular paragraphs "P0"… whose lengths vary between
// 100 and 260 in a fixed pattern, the way real paragraphs do.
func items(n int) []align.Item {
	out := make([]align.Item, n)
	for i := range out {
		out[i] = align.Item{ID: "P" + strconv.Itoa(i), Kind: "preamble", Len: float64(100 + 40*((i*7)%5))}
	}
	return out
}

// shape describes the pairs as "1-1", "1-0", …
func shape(p align.Pair) string { return fmt.Sprintf("%d-%d", len(p.A), len(p.B)) }

func format(ps []align.Pair) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("%v%v ", p.A, p.B)
	}
	return s
}

// checkCover checks that every item of A and B appears exactly once across
// the pairs, in order, and that no pair is empty or larger than 3-1/1-3/2-2.
func checkCover(t *testing.T, ps []align.Pair, n, m int) {
	t.Helper()
	var as, bs []int
	for _, p := range ps {
		as, bs = append(as, p.A...), append(bs, p.B...)
		switch shape(p) {
		case "1-1", "1-0", "0-1", "2-1", "1-2", "3-1", "1-3", "2-2":
		default:
			t.Errorf("pair %v%v is %s, want 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3 or 2-2", p.A, p.B, shape(p))
		}
		if p.Score < 0 || p.Score > 1 {
			t.Errorf("pair %v%v score %v outside [0, 1]", p.A, p.B, p.Score)
		}
		if (len(p.A) == 0 || len(p.B) == 0) && p.Score != 0 {
			t.Errorf("skip %v%v has score %v, want 0", p.A, p.B, p.Score)
		}
	}
	for i, want := 0, 0; i < len(as) || want < n; i, want = i+1, want+1 {
		if i >= len(as) || as[i] != want {
			t.Fatalf("A indices across pairs = %v, want 0…%d once each, in order\npairs: %s", as, n-1, format(ps))
		}
	}
	for j, want := 0, 0; j < len(bs) || want < m; j, want = j+1, want+1 {
		if j >= len(bs) || bs[j] != want {
			t.Fatalf("B indices across pairs = %v, want 0…%d once each, in order\npairs: %s", bs, m-1, format(ps))
		}
	}
}

func TestIdentical(t *testing.T) {
	a := items(20)
	b := items(20)
	ps := align.Align(a, b, align.Options{})
	checkCover(t, ps, 20, 20)
	if len(ps) != 20 {
		t.Fatalf("Align(20 items, same 20) = %d pairs, want 20 1-1 pairs: %s", len(ps), format(ps))
	}
	for i, p := range ps {
		if !reflect.DeepEqual(p.A, []int{i}) || !reflect.DeepEqual(p.B, []int{i}) {
			t.Errorf("pair %d = %v%v, want [%d][%d]", i, p.A, p.B, i, i)
		}
		// Equal lengths and kinds cost nothing: score 1/(1+e^-3.0962)
		// under PooledCalibration.
		if p.Cost != 0 || p.Score != 0.957 {
			t.Errorf("pair %d cost %v score %v, want cost 0 score 0.957", i, p.Cost, p.Score)
		}
	}
}

// pairsMatchBy checks that every 1-1 pair joins items with the same ID,
// and returns the pairs of each shape.
func pairsMatchBy(t *testing.T, a, b []align.Item, ps []align.Pair) map[string][]align.Pair {
	t.Helper()
	byShape := map[string][]align.Pair{}
	for _, p := range ps {
		byShape[shape(p)] = append(byShape[shape(p)], p)
		if shape(p) == "1-1" && a[p.A[0]].ID != b[p.B[0]].ID {
			t.Errorf("pair %v%v joins %s and %s, want the same paragraph", p.A, p.B, a[p.A[0]].ID, b[p.B[0]].ID)
		}
	}
	return byShape
}

// knownSkipBugs lists the rows of TestDeletion and TestInsertion that
// fail, with the reason; a listed row that passes fails the test.
var knownSkipBugs = map[string]string{}

func TestDeletion(t *testing.T) {
	tests := []struct {
		desc string
		del  int // index of A dropped from B
		opt  align.Options
	}{
		{"long paragraph dropped", 7, align.Options{}},                              // 260, neighbours 180 and 140
		{"short paragraph dropped", 5, align.Options{}},                             // 100, neighbours 220 and 180
		{"short paragraph dropped, ids as anchors", 5, align.Options{UseIDs: true}}, // ids match on the 1-1 pairs
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			a := items(20)
			b := append(append([]align.Item{}, a[:tt.del]...), a[tt.del+1:]...)
			ps := align.Align(a, b, tt.opt)
			checkCover(t, ps, len(a), len(b))
			byShape := pairsMatchBy(t, a, b, ps)
			ok := len(byShape["1-0"]) == 1 && byShape["1-0"][0].A[0] == tt.del && len(byShape["1-1"]) == 19 && len(ps) == 20
			if reason, known := knownSkipBugs[tt.desc]; known {
				if ok {
					t.Fatalf("listed in knownSkipBugs but passes now: remove it")
				}
				t.Skipf("known bug: %s: Align(20 items, item %d (len %v) dropped) = %s", reason, tt.del, a[tt.del].Len, format(ps))
			}
			if !ok {
				t.Errorf("Align(20 items, item %d dropped) = %s\nwant one 1-0 pair [%d][] and 19 1-1 pairs", tt.del, format(ps), tt.del)
			}
			if p := byShape["1-0"]; len(p) == 1 && p[0].Cost != align.SkipCost {
				t.Errorf("skip cost %v, want SkipCost %v", p[0].Cost, align.SkipCost)
			}
		})
	}
}

func TestInsertion(t *testing.T) {
	tests := []struct {
		desc string
		len  float64 // length of the inserted paragraph, after A4 (len 220)
		opt  align.Options
	}{
		{"paragraph longer than its neighbour inserted", 300, align.Options{}},
		{"long paragraph inserted", 400, align.Options{}},
		{"short paragraph inserted", 150, align.Options{}},
		{"short paragraph inserted, ids as anchors", 150, align.Options{UseIDs: true}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			a := items(20)
			extra := align.Item{ID: "new", Kind: "preamble", Len: tt.len}
			b := append(append(append([]align.Item{}, a[:5]...), extra), a[5:]...) // inserted at 5
			ps := align.Align(a, b, tt.opt)
			checkCover(t, ps, len(a), len(b))
			byShape := pairsMatchBy(t, a, b, ps)
			ok := len(byShape["0-1"]) == 1 && byShape["0-1"][0].B[0] == 5 && len(byShape["1-1"]) == 20 && len(ps) == 21
			if reason, known := knownSkipBugs[tt.desc]; known {
				if ok {
					t.Fatalf("listed in knownSkipBugs but passes now: remove it")
				}
				t.Skipf("known bug: %s: Align(20 items, one of len %v inserted at 5) = %s", reason, tt.len, format(ps))
			}
			if !ok {
				t.Errorf("Align(20 items, one of len %v inserted at 5) = %s\nwant one 0-1 pair [][5] and 20 1-1 pairs", tt.len, format(ps))
			}
		})
	}
}

func TestSplitParagraph(t *testing.T) {
	a := items(20)
	a[10].Len = 200
	half := a[10]
	half.Len = 100
	b := append(append(append([]align.Item{}, a[:10]...), half, half), a[11:]...) // A10 split in two in B
	ps := align.Align(a, b, align.Options{})
	checkCover(t, ps, len(a), len(b))
	byShape := pairsMatchBy(t, a, b, ps)
	want := align.Pair{A: []int{10}, B: []int{10, 11}}
	if len(byShape["1-2"]) != 1 || !reflect.DeepEqual(byShape["1-2"][0].A, want.A) || !reflect.DeepEqual(byShape["1-2"][0].B, want.B) ||
		len(byShape["1-1"]) != 19 || len(ps) != 20 {
		t.Errorf("Align(20 items, item 10 split in two) = %s\nwant one 1-2 pair %v%v and 19 1-1 pairs", format(ps), want.A, want.B)
	}
	// And the other way round: two paragraphs of A merged in B.
	ps = align.Align(b, a, align.Options{})
	checkCover(t, ps, len(b), len(a))
	var merged []align.Pair
	for _, p := range ps {
		if shape(p) == "2-1" {
			merged = append(merged, p)
		}
	}
	if len(merged) != 1 || !reflect.DeepEqual(merged[0].A, []int{10, 11}) || !reflect.DeepEqual(merged[0].B, []int{10}) || len(ps) != 20 {
		t.Errorf("Align(item 10 split, 20 items) = %s\nwant one 2-1 pair [10 11][10] and 19 1-1 pairs", format(ps))
	}
}

// Equal ids are an anchor when the documents are structured.
func TestUseIDs(t *testing.T) {
	// Two paragraphs of equal length swapped in B's numbering: without ids
	// the order is kept anyway; with ids the cost of the matching pairs drops.
	a := items(5)
	b := items(5)
	without := align.Align(a, b, align.Options{})
	with := align.Align(a, b, align.Options{UseIDs: true})
	checkCover(t, with, 5, 5)
	for i := range with {
		if with[i].Cost != without[i].Cost-1 {
			t.Errorf("pair %d cost with UseIDs %v, without %v; want 1 less", i, with[i].Cost, without[i].Cost)
		}
	}
}

// Same-language versions: word overlap decides between two paragraphs of
// equal length.
func TestSameLangWords(t *testing.T) {
	w := func(s ...string) []string { return s }
	a := []align.Item{
		{ID: "PP1", Kind: "preamble", Len: 100, Words: w("guid", "charter", "unit", "nation")},
		{ID: "PP2", Kind: "preamble", Len: 100, Words: w("reaffirm", "univers", "declar", "human", "right")},
		{ID: "PP3", Kind: "preamble", Len: 100, Words: w("recal", "previous", "resolut", "assembl")},
	}
	// B drops PP2: a length-only aligner could pair PP2 with B's PP3.
	b := []align.Item{a[0], a[2]}
	ps := align.Align(a, b, align.Options{SameLang: true})
	checkCover(t, ps, 3, 2)
	want := []align.Pair{{A: []int{0}, B: []int{0}}, {A: []int{1}}, {A: []int{2}, B: []int{1}}}
	for i := range ps {
		if i >= len(want) || !reflect.DeepEqual(ps[i].A, want[i].A) || !reflect.DeepEqual(ps[i].B, want[i].B) {
			t.Fatalf("Align(SameLang, PP2 dropped) = %s, want [0][0] [1][] [2][1]", format(ps))
		}
	}
}

func TestEmpty(t *testing.T) {
	if ps := align.Align(nil, nil, align.Options{}); len(ps) != 0 {
		t.Errorf("Align(nil, nil) = %s, want no pairs", format(ps))
	}
	ps := align.Align(nil, items(3), align.Options{})
	checkCover(t, ps, 0, 3)
	if len(ps) != 3 {
		t.Errorf("Align(nil, 3 items) = %s, want three 0-1 pairs", format(ps))
	}
	ps = align.Align(items(4), nil, align.Options{})
	checkCover(t, ps, 4, 0)
	if len(ps) != 4 {
		t.Errorf("Align(4 items, nil) = %s, want four 1-0 pairs", format(ps))
	}
}

// Documents of very different lengths still get a full alignment (the band
// widens with the difference).
func TestUnequalLengths(t *testing.T) {
	a, b := items(300), items(120)
	ps := align.Align(a, b, align.Options{})
	checkCover(t, ps, 300, 120)
	ps = align.Align(b, a, align.Options{})
	checkCover(t, ps, 120, 300)
}

func TestLarge(t *testing.T) {
	const n = 2000
	a := make([]align.Item, n)
	x := uint32(1)
	for i := range a {
		x = x*1664525 + 1013904223 // a fixed linear congruential sequence
		a[i] = align.Item{ID: "P" + strconv.Itoa(i), Kind: "preamble", Len: float64(60 + x>>24)}
	}
	b := append([]align.Item{}, a...)
	ps := align.Align(a, b, align.Options{})
	checkCover(t, ps, n, n)
	for i, p := range ps {
		if shape(p) != "1-1" || p.A[0] != i || p.B[0] != i {
			t.Fatalf("Align(%d items, same %d): pair %d = %v%v, want [%d][%d]", n, n, i, p.A, p.B, i, i)
		}
	}
	// Ten paragraphs dropped from B: every item still covered, and every
	// 1-1 pair joins a paragraph with itself.
	var c []align.Item
	for i, it := range a {
		if i%200 != 100 {
			c = append(c, it)
		}
	}
	ps = align.Align(a, c, align.Options{})
	checkCover(t, ps, n, len(c))
	byShape := pairsMatchBy(t, a, c, ps)
	if len(byShape["1-1"]) < n-30 {
		t.Errorf("Align(%d items, %d kept): only %d 1-1 pairs", n, len(c), len(byShape["1-1"]))
	}
}

func BenchmarkAlign200(b *testing.B) {
	x, y := items(200), items(200)
	for i := range x {
		x[i].Numbers = []string{strconv.Itoa(i)}
		x[i].Concepts = []string{"cooperation-framing"}
		y[i].Numbers = x[i].Numbers
		y[i].Concepts = x[i].Concepts
		y[i].Len *= 0.6 // Chinese is shorter than English
	}
	y = append(y[:50], y[51:]...)
	b.ReportAllocs()
	for b.Loop() {
		align.Align(x, y, align.Options{UseIDs: true})
	}
}

// BenchmarkAlignScaling aligns pairs of 200, 800 and 3,200 paragraphs (one
// dropped in each 200): the time per paragraph (ns/para) stays flat when the
// alignment is linear in the number of paragraphs.
func BenchmarkAlignScaling(b *testing.B) {
	for _, n := range []int{200, 800, 3200} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			x, y := items(n), items(n)
			for i := range x {
				x[i].Numbers = []string{strconv.Itoa(i)}
				y[i].Numbers = x[i].Numbers
				y[i].Len *= 0.6
			}
			var z []align.Item
			for i, it := range y {
				if i%200 != 50 {
					z = append(z, it)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				align.Align(x, z, align.Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/para")
		})
	}
}
