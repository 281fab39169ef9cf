package number_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// BenchmarkFindDevset reads the numbers of every paragraph of the UNPC
// devset in the five languages written with spaces (tokens cut
// beforehand): the reading of numbers alone, as a check annotates its
// documents.
//
//	go test ./number -run '^$' -bench FindDevset -benchtime 5x
func BenchmarkFindDevset(b *testing.B) {
	docs := corpus.DevsetOrSkip(b)
	seg := segment.New(nil)
	type para struct {
		lang, text string
		toks       []segment.Token
	}
	var paras []para
	bytes := 0
	for _, l := range []string{"en", "fr", "es", "ru", "ar"} {
		for _, d := range docs {
			for _, s := range d.Lines[l] {
				paras = append(paras, para{l, s, seg.Tokens(l, s)})
				bytes += len(s)
			}
		}
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			number.Find(p.lang, p.text, 0, p.toks)
		}
	}
}
