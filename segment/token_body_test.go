package segment_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/segment"
)

func TestFrom(t *testing.T) {
	text := "1. Decides to act."
	toks := segment.New(nil).Tokens("en", text)
	for _, c := range []struct{ off, want int }{{0, 0}, {3, 3}, {4, 4}, {len(text), len(toks)}, {len(text) + 5, len(toks)}} {
		got := segment.From(toks, c.off)
		if got != c.want {
			t.Errorf("From(%d) = %d, want %d", c.off, got, c.want)
		}
		if got < len(toks) && int(toks[got].Start) < c.off || got > 0 && int(toks[got-1].Start) >= c.off {
			t.Errorf("From(%d) = %d is not the first token at or after it", c.off, got)
		}
	}
}
