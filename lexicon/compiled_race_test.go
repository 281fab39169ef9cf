package lexicon_test

import (
	"sync"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// TestCompiledConcurrent matches with a compiled lexicon from several
// goroutines and matchers at once: the patterns of a language are read
// once, safely (run with -race).
func TestCompiledConcurrent(t *testing.T) {
	back := compiledCopy(t, lexicon.Default().Merge(parse(t, rolesTSV)))
	seg := segment.New(nil)
	text := "The sustainable development goals, the rule of law and the importance of refugees."
	toks := seg.Tokens("en", text)
	want := len(lexicon.NewMatcher(back, seg).MatchAll("en", text, toks))
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		m := lexicon.NewMatcher(back, seg)
		for j := 0; j < 2; j++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if n := len(m.MatchAll("en", text, toks)); n != want {
					t.Errorf("%d hits, want %d", n, want)
				}
				m.Match("fr", "la primauté du droit", seg.Tokens("fr", "la primauté du droit"))
			}()
		}
	}
	wg.Wait()
	if want < 3 {
		t.Errorf("%d hits: the test checks little", want)
	}
}
