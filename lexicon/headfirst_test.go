package lexicon

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/segment"
)

// TestHeadFirstOrder checks that the patterns indexed by their second key
// (langPatterns.headFirst), which gather patterns of several first keys,
// come in the same order at every build, longest first: the first that
// matches wins, so an order taken from a map would let two runs of one
// check find different concepts.
func TestHeadFirstOrder(t *testing.T) {
	lex := Default()
	seg := segment.New(nil)
	list := func(code string) string {
		m := NewMatcher(lex, seg)
		m.Prepare(code)
		hf := m.patterns(code).main.headFirst
		keys := make([]string, 0, len(hf))
		for k := range hf {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			for x, p := range hf[k] {
				if x > 0 && p.size > hf[k][x-1].size {
					t.Errorf("%s: %q: %q (%d) after a shorter pattern", code, k, p.joined, p.size)
				}
				fmt.Fprintf(&b, "%s:%s/%s;", k, p.concept.ID, p.joined)
			}
		}
		return b.String()
	}
	for _, code := range []string{"fr", "es", "ar"} {
		first := list(code)
		if first == "" {
			t.Fatalf("%s: no pattern indexed by its second key", code)
		}
		for range 20 {
			if got := list(code); got != first {
				t.Fatalf("%s: the patterns by second key differ between two builds", code)
			}
		}
	}
}
