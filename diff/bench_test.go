package diff_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/segment"
)

// BenchmarkTokens10k diffs a 10,000-token English text from the UNPC devset
// against a copy with every 50th word changed (2% edits).
func BenchmarkTokens10k(b *testing.B) {
	docs := corpus.DevsetOrSkip(b)
	s := segmenter()
	var sb strings.Builder
	var ta []segment.Token
	for _, d := range docs {
		for _, l := range d.Lines["en"] {
			sb.WriteString(l + " ")
		}
		if ta = s.Tokens("en", sb.String()); len(ta) >= 10000 {
			break
		}
	}
	a := sb.String()
	var bb strings.Builder
	words := 0
	for _, t := range ta {
		if t.Kind == segment.Word {
			words++
			if words%50 == 0 {
				bb.WriteString("changed")
				continue
			}
		}
		bb.WriteString(t.In(a))
	}
	bt := bb.String()
	tb := s.Tokens("en", bt)
	b.ReportMetric(float64(len(ta)), "tokens")
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		if ops := diff.Tokens(a, bt, ta, tb); len(diff.Changes(ops)) == 0 {
			b.Fatal("no change found")
		}
	}
}
