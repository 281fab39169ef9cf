package drift_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/drift"
)

// BenchmarkCompareEveryParagraphDrifted compares n aligned paragraph pairs
// that each changed a number, so that every pair has a finding to
// fingerprint, at two sizes ten times apart. Each fingerprint looked its
// paragraph up by a scan of the document: the work grew with the square of
// its length.
func BenchmarkCompareEveryParagraphDrifted(b *testing.B) {
	fx := newFixture(mustLexicon(b, testLexicon))
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var v, f strings.Builder
			for i := range n {
				fmt.Fprintf(&v, "Decides to remain seized of item %d.\n\n", i)
				fmt.Fprintf(&f, "Décide de rester saisi de la question %d.\n\n", i+7)
			}
			vs, fs := fx.side(v.String(), "v.en.txt", "en", false), fx.side(f.String(), "f.fr.txt", "fr", false)
			pairs := make([]align.Pair, n)
			for i := range pairs {
				pairs[i] = align.Pair{A: []int{i}, B: []int{i}}
			}
			for b.Loop() {
				if got := drift.Compare(vs, fs, pairs, fx.an.Matcher); len(got) != n {
					b.Fatalf("%d findings, want %d", len(got), n)
				}
			}
		})
	}
}
