package lexicon

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Period is when a rendering was the one in use, by year, both ends
// included; 0 leaves an end open. The zero Period is always.
//
// In a lexicon file a rendering carries its period in brackets after it:
// "régime de droit [until 1990]", "état de droit [from 1991]",
// "[1946-1990]". A rendering of another period is still a rendering of the
// concept (an old text is matched, and compared, as well as a new one); a
// check that knows the year of a text can tell an old rendering in a new
// text from Hit.Period (Contains) and name the renderings of that year
// (Concept.Current).
type Period struct {
	From, Until int
}

// IsZero reports whether p is always.
func (p Period) IsZero() bool { return p == Period{} }

// Contains reports whether year is in p. Year 0 (not known) is in every
// period.
func (p Period) Contains(year int) bool {
	if year == 0 {
		return true
	}
	return (p.From == 0 || year >= p.From) && (p.Until == 0 || year <= p.Until)
}

// String returns p as the lexicon format writes it, without the brackets:
// "until 1990", "from 1991", "1946-1990", or "" for always.
func (p Period) String() string {
	switch {
	case p.From != 0 && p.Until != 0:
		return fmt.Sprintf("%d-%d", p.From, p.Until)
	case p.From != 0:
		return fmt.Sprintf("from %d", p.From)
	case p.Until != 0:
		return fmt.Sprintf("until %d", p.Until)
	}
	return ""
}

var (
	periodRe = regexp.MustCompile(`^(?:valid +)?(?:(until|from|since) +(\d{4})|(\d{4}) *[-–] *(\d{4}))$`)
	// periodLike is a bracket meant as a period: any other final bracket
	// ("[sic]") is part of the rendering, as before periods were read.
	periodLike = regexp.MustCompile(`^\s*(?i:valid|until|from|since|\d)`)
	errPeriod  = errors.New(`want [until YEAR], [from YEAR] or [YEAR-YEAR]`)
	trailingBr = regexp.MustCompile(`\s*\[([^\[\]]*)\]$`)
)

// ParsePeriod reads a period as written between the brackets of a
// rendering: "until 1990", "from 1991", "1946-1990" (or with an en dash),
// "since 1991" (= from), each also after "valid" ("valid until 1990").
func ParsePeriod(s string) (Period, error) {
	m := periodRe.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return Period{}, fmt.Errorf("period %q: %w", s, errPeriod)
	}
	year := func(s string) int { y, _ := strconv.Atoi(s); return y }
	var p Period
	switch m[1] {
	case "until":
		p.Until = year(m[2])
	case "from", "since":
		p.From = year(m[2])
	default:
		p.From, p.Until = year(m[3]), year(m[4])
		if p.From > p.Until {
			return Period{}, fmt.Errorf("period %q: %d is after %d", s, p.From, p.Until)
		}
	}
	return p, nil
}

// cutPeriod splits a rendering as written in a cell into its text and its
// period: "régime de droit [until 1990]" is "régime de droit", until 1990.
// A rendering without a final bracket, or whose final bracket does not
// start like a period (a year, "until", "from", "since", "valid"), has the
// zero period; one that starts like a period and is not one is an error.
func cutPeriod(r string) (string, Period, error) {
	m := trailingBr.FindStringSubmatchIndex(r)
	if m == nil || !periodLike.MatchString(r[m[2]:m[3]]) {
		return r, Period{}, nil
	}
	p, err := ParsePeriod(r[m[2]:m[3]])
	if err != nil {
		return "", Period{}, err
	}
	text := strings.TrimSpace(r[:m[0]])
	if text == "" {
		return "", Period{}, fmt.Errorf("period [%s] without a rendering", r[m[2]:m[3]])
	}
	return text, p, nil
}

// Period returns the period of one of c's renderings in a language (as in
// Terms); the zero Period, always, for most.
func (c *Concept) Period(code, rendering string) Period {
	_, periods := c.terms()
	return periods[code][rendering]
}

// Current returns c's renderings in a language that were in use in year
// (all of them when year is 0), preferred first.
func (c *Concept) Current(code string, year int) []string {
	var out []string
	terms, periods := c.terms()
	for _, r := range terms[code] {
		if periods[code][r].Contains(year) {
			out = append(out, r)
		}
	}
	return out
}
