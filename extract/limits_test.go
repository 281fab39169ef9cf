package extract_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

// TestTextLimits: a plain text over the character or paragraph limit is
// refused with ErrLimit naming the limit; one at the limit is read.
func TestTextLimits(t *testing.T) {
	line := strings.Repeat("a", 999) + "\n" // 999 characters a paragraph
	n := extract.DefaultMaxChars / 999
	atChars := strings.Repeat(line, n) + strings.Repeat("a", extract.DefaultMaxChars-999*n)
	for _, tc := range []struct {
		name, text string
		ok         bool
		what       string
	}{
		{"characters at the limit", atChars, true, ""},
		{"one character more", atChars + "b", false, "characters"},
		{"paragraphs at the limit", strings.Repeat("a\n", extract.DefaultMaxParagraphs), true, ""},
		{"one paragraph more", strings.Repeat("a\n", extract.DefaultMaxParagraphs+1), false, "paragraphs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := extract.Text([]byte(tc.text))
			if tc.ok {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), tc.what) {
				t.Fatalf("err = %v (%d paragraphs), want ErrLimit naming the %s", err, len(ps), tc.what)
			}
		})
	}
}

// TestCounter: the zero Counter counts against the defaults; limits are
// "more than".
func TestCounter(t *testing.T) {
	var c extract.Counter
	if err := c.Add(extract.DefaultMaxChars); err != nil {
		t.Fatalf("at the default limit: %v", err)
	}
	if err := c.AddText("é"); !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("past the default limit: err = %v", err)
	}
	c2 := extract.NewCounter(extract.Limits{MaxChars: 3, MaxParagraphs: 1})
	if err := c2.AddText("日本語"); err != nil {
		t.Fatalf("3 runes, limit 3: %v", err)
	}
	if err := c2.AddParagraph(); err != nil {
		t.Fatal(err)
	}
	if err := c2.AddParagraph(); !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("2 paragraphs, limit 1: err = %v", err)
	}
}
