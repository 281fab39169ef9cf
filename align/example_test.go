package align_test

import (
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/align"
)

// Two versions of a short resolution: the later one drops the second
// operative paragraph and renumbers the third. With no evidence but
// lengths and kinds (and the usual ratio 1 of one language), the pairs
// follow the lengths: equal lengths cost nothing (a probability of 0.957
// under PooledCalibration, 1/(1+e^−3.0962)), two titles are rewarded (cost
// −2, probability 1 to three decimals), and the dropped paragraph is a
// skip.
func ExampleAlign() {
	voted := []align.Item{
		{ID: "title", Kind: "title", Len: 60},
		{ID: "PP1", Kind: "preamble", Len: 200},
		{ID: "OP1", Kind: "operative", Len: 120},
		{ID: "OP2", Kind: "operative", Len: 300},
		{ID: "OP3", Kind: "operative", Len: 150},
	}
	final := []align.Item{
		{ID: "title", Kind: "title", Len: 60},
		{ID: "PP1", Kind: "preamble", Len: 200},
		{ID: "OP1", Kind: "operative", Len: 120},
		{ID: "OP2", Kind: "operative", Len: 150},
	}
	printPairs(voted, final, align.Align(voted, final, align.Options{ExpectedRatio: 1}))
	// Output:
	// title ↔ title 1
	// PP1 ↔ PP1 0.957
	// OP1 ↔ OP1 0.957
	// OP2 ↔ (none) 0
	// OP3 ↔ OP2 0.957
}

// The same documents with skips made dearer than the merge of the last two
// paragraphs (5.5, plus 3.14 for 450 characters against 150): the aligner
// now merges them, and the pair is most likely no translation (0.008,
// 1/(1+e^(2.5145·3.14−3.0962))). The confidence is that of the
// pair's own cost (3.14), not of the merge's penalty, which is a prior
// against merging rather than evidence against the pair.
func ExampleAlign_weights() {
	voted := []align.Item{
		{ID: "title", Kind: "title", Len: 60},
		{ID: "PP1", Kind: "preamble", Len: 200},
		{ID: "OP1", Kind: "operative", Len: 120},
		{ID: "OP2", Kind: "operative", Len: 300},
		{ID: "OP3", Kind: "operative", Len: 150},
	}
	final := []align.Item{
		{ID: "title", Kind: "title", Len: 60},
		{ID: "PP1", Kind: "preamble", Len: 200},
		{ID: "OP1", Kind: "operative", Len: 120},
		{ID: "OP2", Kind: "operative", Len: 150},
	}
	w := align.DefaultWeights
	w.Skip = 10
	printPairs(voted, final, align.Align(voted, final, align.Options{ExpectedRatio: 1, Weights: w}))
	// Output:
	// title ↔ title 1
	// PP1 ↔ PP1 0.957
	// OP1 ↔ OP1 0.957
	// OP2+OP3 ↔ OP2 0.008
}

func printPairs(a, b []align.Item, ps []align.Pair) {
	ids := func(items []align.Item, idx []int) string {
		if len(idx) == 0 {
			return "(none)"
		}
		var s []string
		for _, i := range idx {
			s = append(s, items[i].ID)
		}
		return strings.Join(s, "+")
	}
	for _, p := range ps {
		fmt.Println(ids(a, p.A), "↔", ids(b, p.B), p.Score)
	}
}
