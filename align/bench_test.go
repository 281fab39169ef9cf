package align_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/driftcheck/driftcheck/align"
)

// BenchmarkAlignDropped aligns n paragraphs with a translation that drops
// one in twenty, at two sizes ten times apart. The band around the
// diagonal had to be as wide as the difference in length, so the work grew
// with its square (41 million cells for 20,000 paragraphs); the band around
// the alignment at half resolution grows with the length.
func BenchmarkAlignDropped(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var x, y []align.Item
			for i := range n {
				it := align.Item{ID: "P" + strconv.Itoa(i), Kind: "plain", Len: float64(40 + (i*7)%23), Numbers: []string{strconv.Itoa(i)}}
				x = append(x, it)
				if i%20 != 5 {
					it.Len = float64(int(it.Len * 1.13))
					y = append(y, it)
				}
			}
			for b.Loop() {
				if ps := align.Align(x, y, align.Options{}); len(ps) != n {
					b.Fatalf("%d pairs, want %d", len(ps), n)
				}
			}
		})
	}
}
