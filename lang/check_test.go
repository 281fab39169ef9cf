package lang

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct{ in, want, hint string }{
		{"zh", "zh", ""}, {"ZH-cn", "zh", ""}, {"zho", "zh", ""}, {"fr-CH", "fr", ""}, {"es", "es", ""},
		{"cn", "", `did you mean "zh"`}, {"ch", "", `did you mean "zh"`}, {"esp", "", `did you mean "es"`},
		{"zz", "", ""}, {"klingon", "", ""}, {"", "", ""},
	} {
		got, err := Check(c.in)
		if got != c.want {
			t.Errorf("Check(%q) = %q, want %q", c.in, got, c.want)
		}
		if c.want == "" {
			if err == nil {
				t.Errorf("Check(%q): no error", c.in)
				continue
			}
			if !strings.Contains(err.Error(), "accepted: ar, zh, en, fr, ru, es") || !strings.Contains(err.Error(), c.hint) {
				t.Errorf("Check(%q): error %q lacks the accepted codes or the hint %q", c.in, err, c.hint)
			}
		}
	}
	if got, err := Check("de", "de", "pt"); got != "de" || err != nil {
		t.Errorf(`Check("de", lexicon de, pt) = %q, %v`, got, err)
	}
}
