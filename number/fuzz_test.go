package number_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// FuzzFind reads numbers in any text and any language: every number found
// points at bytes of the paragraph after its label, its text is those
// bytes, its key is not empty, numbers come in text order without
// overlapping, and reading is deterministic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Recalling its resolution 1540 (2004) of 28 April 2004, 45 per cent of $4.8 million",
		"las 11.00 y las 12.00 horas, el 19 de enero de 2015",
		"2000年6月29日第1251(1999)号决议，45%，第14页，480万美元，第四十三届会议",
		"القرار 1540 (2004) المؤرخ 28 نيسان/أبريل 2004، 000 250 3 دولار",
		"резолюции 1540 (2004), на 2016 - 2017 годы, Ан-26, сорок третьей сессии",
		"217 A (III), Euro131 million, 1100 and 1200 hours, ([1]) (Malvinas)1",
		"в 10 ч. 00 м., الساعة10:00، 8 كانون الثاني/يناير، post2015, website.3, [23], 2.779亿, 4月至8月, 七十周年，三年，第一届会议, the first session, three years",
	} {
		for _, l := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
			f.Add(l, s, 0)
		}
	}
	seg := segment.New(nil)
	langs := []string{"en", "fr", "es", "ru", "ar", "zh", "pt", ""}
	f.Fuzz(func(t *testing.T, lang, text string, bodyStart int) {
		if !utf8.ValidString(text) || len(text) > 4096 {
			return
		}
		if !slices.Contains(langs, lang) {
			lang = langs[len(lang)%len(langs)]
		}
		if bodyStart < 0 || bodyStart > len(text) {
			bodyStart = 0
		}
		for bodyStart > 0 && bodyStart < len(text) && !utf8.RuneStart(text[bodyStart]) {
			bodyStart--
		}
		toks := seg.Tokens(lang, text)
		a := number.Find(lang, text, bodyStart, toks)
		for _, n := range a {
			if n.Start < bodyStart || n.Start > n.End || n.End > len(text) {
				t.Fatalf("%s %q: number %+v outside [%d, %d]", lang, text, n, bodyStart, len(text))
			}
			if n.Text != text[n.Start:n.End] {
				t.Fatalf("%s %q: number %+v: text is not text[Start:End] = %q", lang, text, n, text[n.Start:n.End])
			}
			if n.Key == "" {
				t.Fatalf("%s %q: number %+v without a key", lang, text, n)
			}
		}
		// In text order, and apart: two numbers share bytes only when they
		// are one span read twice (the hour and minutes of "12:40").
		for k := 1; k < len(a); k++ {
			p, n := a[k-1], a[k]
			if n.Start < p.Start || n.Start < p.End && (n.Start != p.Start || n.End != p.End) {
				t.Fatalf("%s %q: numbers %+v and %+v overlap or are out of order", lang, text, p, n)
			}
		}
		b := number.Find(lang, text, bodyStart, seg.Tokens(lang, text))
		if !slices.Equal(a, b) {
			t.Fatalf("%s %q: two readings differ:\n%+v\n%+v", lang, text, a, b)
		}
	})
}
