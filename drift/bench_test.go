package drift_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/testdata/scale"
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

// BenchmarkCompareMoved compares a voted English text of n paragraphs of
// the UNPC devset with its French final, which drops, inserts, merges and
// moves paragraphs (package testdata/scale), the alignment made before
// the timer: the time is that of the findings, the search for moved
// paragraphs and the alignment again without them. Aligning the whole
// documents again cost as much as the first alignment; around the moves
// alone, it grows with their number.
//
//	go test -run '^$' -bench CompareMoved -benchtime 1x ./drift
func BenchmarkCompareMoved(b *testing.B) {
	docs := corpus.DevsetOrSkip(b)
	fx := newFixture(lexicon.Default())
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			t := scale.Generate(docs, n, 1, 0)
			vs, fs := fx.side(t.En, "v.en.txt", "en", true), fx.side(t.Fr, "f.fr.txt", "fr", true)
			opt := align.OptionsFor("en", "fr", false)
			pairs := align.Align(fx.an.Items(vs, false, true), fx.an.Items(fs, false, true), opt)
			for b.Loop() {
				if got := drift.Compare(vs, fs, pairs, fx.an.Matcher); len(got) == 0 {
					b.Fatal("no finding")
				}
			}
		})
	}
}
