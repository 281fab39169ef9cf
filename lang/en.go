package lang

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem/english"
)

func init() {
	Register(&Profile{
		Code: "en", Name: "English", Letter: "E", Script: unicode.Latin,
		Stem:         english.Stem,
		WordKey:      func(k string) string { return strings.TrimSuffix(k, "'s") },
		Cognates:     true,
		Conjunctions: map[string]bool{"and": true, "or": true},
		LengthRatio:  1, LengthSpread: 0.12, UnitRatio: 1, UnitSpread: 0.12,
		Month: exactMonths("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
		// Month names take a capital: "a protest march", "it may" are other words.
		CapitalMonths:  true,
		HourWords:      []string{"hrs"},
		Clock:          &Clock{AM: []string{"a.m", "am"}, PM: []string{"p.m", "pm"}, Hours: "hours", At: "at"},
		Scales:         map[string]float64{"million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12},
		Ordinal:        enOrdinal,
		CenturyWords:   []string{"century", "centuries"},
		NumberWords:    []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "once", "twice", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "half", "double", "single"},
		PercentWords:   []string{"per cent", "percent"},
		ReferenceWords: []string{"resolution", "decision"},
		PageWords:      []string{"p.", "pp.", "page", "pages"},
	})
}

var (
	enTens     = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	enUnits    = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
	enUnitOrd  = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9}
	enWholeOrd = map[string]int{
		"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
		"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
		"fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	}
)

// enOrdinal reads "forty third" (the hyphen already a separator),
// "fortieth", "nineteenth", and the compound cardinals "twenty eight"
// (written for the ordinal as often as not: "Twenty-eight session").
func enOrdinal(w []string) (int, bool) {
	switch len(w) {
	case 1:
		v, ok := enWholeOrd[w[0]]
		return v, ok
	case 2:
		t, ok1 := enTens[w[0]]
		u, ok2 := enUnitOrd[w[1]]
		if !ok2 {
			u, ok2 = enUnits[w[1]]
		}
		return t + u, ok1 && ok2
	}
	return 0, false
}
