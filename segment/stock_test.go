package segment_test

import (
	"flag"
	"sort"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
	"github.com/driftcheck/driftcheck/segment/zhdict"
)

var stock = flag.Bool("stock", false, "compare the segmentation with gse's stock embedded dictionary (loads it: seconds, hundreds of MB)")

// hanRuns returns the runs of Han characters of s.
func hanRuns(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		h := zhdict.IsHan(r)
		switch {
		case h && start < 0:
			start = i
		case !h && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// boundaries returns the inner cut points (byte offsets) of a segmentation.
func boundaries(ends []int) map[int]bool {
	m := map[int]bool{}
	for _, e := range ends[:max(0, len(ends)-1)] {
		m[e] = true
	}
	return m
}

// TestStockAgreement compares the cut of the UNPC devset Chinese (every run
// of Han text) by driftcheck's segmenter with gse's own cut over its stock
// embedded dictionary (gse.NewEmbed), on token boundaries, without and with
// the default lexicon's terms as user words. Run with -stock.
func TestStockAgreement(t *testing.T) {
	if !*stock {
		t.Skip("run with -stock to load gse's stock dictionary and compare (go test ./segment -run Stock -stock -v)")
	}
	docs := corpus.DevsetOrSkip(t)
	var runs []string
	for _, d := range docs {
		for _, l := range d.Lines["zh"] {
			runs = append(runs, hanRuns(l)...)
		}
	}
	terms := lexicon.Default().Terms("zh")
	for _, withTerms := range []bool{false, true} {
		ref, err := gse.NewEmbed()
		if err != nil {
			t.Fatal(err)
		}
		var words []string
		if withTerms {
			for _, w := range terms {
				ref.AddToken(w, segment.UserWordFreq)
			}
			ref.CalcToken()
			words = terms
		}
		ours := segment.New(words).ForTexts(runs...)
		same, total := 0, 0
		diffs := map[string]int{}
		for _, r := range runs {
			var a, b []int
			for _, s := range ref.Segment([]byte(r)) {
				a = append(a, s.End())
			}
			var bt []string
			for _, tk := range ours.Tokens("zh", r) {
				b = append(b, int(tk.End))
				bt = append(bt, tk.In(r))
			}
			ba, bb := boundaries(a), boundaries(b)
			// Agreement over every inner position between two characters:
			// a cut in both, or in neither.
			for i := range r {
				if i == 0 {
					continue
				}
				total++
				if ba[i] == bb[i] {
					same++
				} else if len(diffs) < 40 || diffs[r] > 0 {
					var at []string
					p := 0
					for _, e := range a {
						at = append(at, r[p:e])
						p = e
					}
					diffs[strings.Join(at, "|")+"  ≠  "+strings.Join(bt, "|")]++
				}
			}
		}
		agree := float64(same) / float64(total)
		t.Logf("user words %v: %d runs, %d inner positions, boundary agreement %.4f%%", withTerms, len(runs), total, 100*agree)
		var keys []string
		for k := range diffs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for i, k := range keys {
			if i < 15 {
				t.Logf("  stock ≠ ours: %s", k)
			}
		}
		if agree < 0.99 {
			t.Errorf("boundary agreement %.4f, want at least 0.99", agree)
		}
	}
}
