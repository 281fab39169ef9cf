package document

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lang"
)

// The year of a document (Document.Year) is read from its masthead:
//
//   - the first date of a header line (in a text with no resolution
//     structure, of one of its first datelines paragraphs of at most
//     maxDateLine characters, a dateline rather than a sentence): "23 March 2018", "March 23, 2018",
//     "23 mars 2018", "1er avril 2018", "23 de marzo de 2018", "23 марта
//     2018 года", "23 آذار/مارس 2018" (Arabic-Indic digits too),
//     "2018年3月23日", "一九四八年十二月十日". A month is a month name of any
//     language profile (lang.Profile.Month), next to a day of 1 to 31;
//   - else the symbol: the year in it (S/RES/2334 (2016), S/2015/87,
//     E/CN.4/2005/L.10), or the year the session it names opened: the
//     General Assembly's session n opens in September of 1945+n
//     (A/RES/73/1, A/C.3/73/L.5, A/RES/217 (III)), the Human Rights
//     Council holds three sessions a year from its seventh, in March 2008
//     (A/HRC/37/L.36, A/HRC/RES/37/23: 2018).
//
// A year from a session is the year the session opened: a resolution of
// the General Assembly adopted after December is of the next year. Years
// before 1945 or after 2099 are not read.
const (
	maxDateLine = 80
	datelines   = 5
	minYear     = 1945
	maxYear     = 2099
)

// yearOf returns the year of a document whose masthead is the paragraphs
// head, with the given symbol; 0 when neither tells. Lines longer than
// maxRunes are not read (0: any length).
func yearOf(head []extract.Paragraph, symbol string, maxRunes int) int {
	for _, p := range head {
		if maxRunes > 0 && utf8.RuneCountInString(p.Text) > maxRunes {
			continue
		}
		if y := DateYear(p.Text); y != 0 {
			return y
		}
	}
	return SymbolYear(symbol)
}

var (
	zhDate    = regexp.MustCompile(`(\d{4})` + sp + `*年` + sp + `*\d{1,2}` + sp + `*月`)
	zhNumDate = regexp.MustCompile(`([〇○零一二三四五六七八九]{4})` + sp + `*年` + sp + `*(?:十[一二]?|[一二三四五六七八九])` + sp + `*月`)
	// dateToken is a number or a word (letters, with the "/" of the
	// Arabic double month name آذار/مارس).
	dateToken = regexp.MustCompile(`\d+|[\p{L}\p{M}]+(?:/[\p{L}\p{M}]+)*`)
)

// dateFillers are the words that may stand between the day, the month and
// the year of a date: "1er", "23 de marzo de 2018".
var dateFillers = map[string]bool{"er": true, "de": true, "del": true}

// DateYear returns the year of the first date in s ("23 March 2018",
// "2018年3月23日", see Document.Year), or 0.
func DateYear(s string) int {
	s = asciiDigits(s)
	first, year := len(s)+1, 0
	if m := zhDate.FindStringSubmatchIndex(s); m != nil {
		if y, _ := strconv.Atoi(s[m[2]:m[3]]); y >= minYear && y <= maxYear {
			first, year = m[0], y
		}
	}
	if m := zhNumDate.FindStringSubmatchIndex(s); m != nil && m[0] < first {
		if y := zhDigits(s[m[2]:m[3]]); y >= minYear && y <= maxYear {
			first, year = m[0], y
		}
	}
	toks := dateToken.FindAllStringIndex(s, -1)
	for k, t := range toks {
		if t[0] > first {
			break
		}
		w := s[t[0]:t[1]]
		if len(w) != 4 || !isDigits(w) {
			continue
		}
		y, _ := strconv.Atoi(w)
		if y < minYear || y > maxYear {
			continue
		}
		// Back from the year, past the fillers: "day month year" (the
		// month may be the last of a few words, كانون الثاني/يناير) or
		// "month day, year".
		words := func(i int) string { return s[toks[i][0]:toks[i][1]] }
		i := k - 1
		for i >= 0 && dateFillers[strings.ToLower(words(i))] {
			i--
		}
		if i < 0 {
			continue
		}
		if isDay(words(i)) {
			if i > 0 && isMonth(words(i-1)) {
				return y
			}
			continue
		}
		if !isMonth(words(i)) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			w := words(j)
			if isDay(w) {
				return y
			}
			if isDigits(w) {
				break
			}
		}
	}
	return year
}

func isDigits(s string) bool {
	return s != "" && strings.TrimFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) == ""
}

func isDay(s string) bool {
	if len(s) > 2 || !isDigits(s) {
		return false
	}
	d, _ := strconv.Atoi(s)
	return d >= 1 && d <= 31
}

// isMonth reports whether w names a month in one of the languages with a
// profile.
func isMonth(w string) bool {
	l := strings.ToLower(w)
	for _, p := range lang.Profiles() {
		if p.Month != nil && p.Month(l) > 0 {
			return true
		}
	}
	return false
}

// asciiDigits writes the digits of s (Arabic-Indic, extended Arabic-Indic,
// full-width) as ASCII digits.
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsDigit(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// zhDigits reads a year written digit by digit in Chinese numerals
// (一九四八).
func zhDigits(s string) int {
	n := 0
	for _, r := range s {
		d := slices.Index([]rune("〇一二三四五六七八九"), r)
		if r == '○' || r == '零' {
			d = 0
		}
		if d < 0 {
			return 0
		}
		n = n*10 + d
	}
	return n
}

var (
	// The session of the General Assembly in a symbol: A/73/L.5,
	// A/RES/73/1, A/C.3/73/L.5, A/INF/73/1.
	gaSession = regexp.MustCompile(`^A/(?:RES/|C\.\d/|INF/|BUR/|DEC/)?(\d{1,3})/`)
	// An early General Assembly resolution: A/RES/217 (III), A/RES/217 A (III).
	gaRoman = regexp.MustCompile(`^A/RES/\d+(?: ?[A-Z])? ?\(([IVXLC]{1,8})\)$`)
	// A session of the Human Rights Council: A/HRC/37/L.36, A/HRC/RES/37/23.
	hrcSession = regexp.MustCompile(`^A/HRC/(?:RES/|DEC/|PRST/)?(\d{1,3})/`)
	// A year in a symbol: S/RES/2334 (2016); S/2015/87, E/CN.4/2005/L.10
	// (a part of the symbol, not its last: S/RES/1999 is resolution 1999).
	symYearParen = regexp.MustCompile(`\(((?:19|20)\d{2})\)$`)
	symYearPart  = regexp.MustCompile(`/((?:19|20)\d{2})/`)
)

// SymbolYear returns the year a UN document symbol tells (see
// Document.Year), or 0.
func SymbolYear(symbol string) int {
	ok := func(y int) int {
		if y < minYear || y > maxYear {
			return 0
		}
		return y
	}
	if m := symYearParen.FindStringSubmatch(symbol); m != nil {
		y, _ := strconv.Atoi(m[1])
		return ok(y)
	}
	if m := hrcSession.FindStringSubmatch(symbol); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < 1 {
			return 0
		}
		// Sessions 1–3 in 2006, 4–6 in 2007, then three a year from
		// March 2008 (the 7th): floor((n-7)/3) + 2008.
		return ok(2008 + floorDiv(n-7, 3))
	}
	if m := gaSession.FindStringSubmatch(symbol); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < 1 {
			return 0
		}
		return ok(1945 + n)
	}
	if m := gaRoman.FindStringSubmatch(symbol); m != nil {
		if n := roman(m[1]); n > 0 {
			return ok(1945 + n)
		}
	}
	if m := symYearPart.FindStringSubmatch(symbol); m != nil {
		y, _ := strconv.Atoi(m[1])
		return ok(y)
	}
	return 0
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// roman returns the value of a Roman numeral, 0 if it is not one.
func roman(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}
