package number

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerHead checks that lowerHead gives what assignRoles read from
// the whole lower-cased text: the same first word, and the same first
// runes (a prefix of the lower-cased text, at least runes long or all of it).
func TestLowerHead(t *testing.T) {
	texts := []string{
		"", "per cent of the", "PER CENT", "Percent.", "US$ 5 million", "€ and", "dollars", "долларов США",
		"في المائة من", "İSTANBUL and", "\u212a tons", "ab\xffcd ef", "  lead", "x", "MILLION",
	}
	for _, s := range texts {
		full := strings.ToLower(s)
		for runes := 0; runes <= 12; runes++ {
			got := lowerHead(s, runes)
			if !strings.HasPrefix(full, got) {
				t.Errorf("lowerHead(%q, %d) = %q, not a prefix of %q", s, runes, got, full)
				continue
			}
			if got != full && utf8.RuneCountInString(got) < runes {
				t.Errorf("lowerHead(%q, %d) = %q: fewer than %d runes", s, runes, got, runes)
			}
			if firstWord(got) != firstWord(full) {
				t.Errorf("lowerHead(%q, %d): first word %q, want %q", s, runes, firstWord(got), firstWord(full))
			}
		}
	}
	if maxRunes([]string{"per cent", "في المائة"}) != 9 {
		t.Errorf("maxRunes: %d, want 9", maxRunes([]string{"per cent", "في المائة"}))
	}
}
