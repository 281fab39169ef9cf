package lang

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/blevesearch/snowballstem"
)

// Profile is what driftcheck knows about one language. A zero field means
// the language has no such rule.
type Profile struct {
	// Code is the normalised language code (Norm).
	Code string
	// Name is the language's English name.
	Name string
	// Script is the writing system of the language, nil when unknown.
	Script *unicode.RangeTable
	// Letter is the language's letter in UN document job numbers and in
	// the file names of the Official Document System (A, C, E, F, R, S).
	Letter string
	// RTL is set for a language written right to left.
	RTL bool
	// Han is set for a language written in Han characters without spaces
	// between words: its text is cut with a dictionary, its units are
	// characters and part of a rendering is two characters in a row.
	Han bool

	// Words.

	// Stem is the Snowball stemmer of the language's words, nil for none.
	Stem func(*snowballstem.Env) bool
	// WordKey, if set, is applied to a word's folded form before it is
	// stemmed (a possessive removed, letter variants unified).
	WordKey func(string) string
	// Elisions are the words that lose their vowel before another word
	// and are written with an apostrophe ("l'" in "l'homme"): they are cut
	// off as words of their own.
	Elisions []string
	// Conjunctions are the words that coordinate the modifiers of a
	// shared head noun ("North-South, South-South and triangular
	// cooperation"), by their keys.
	Conjunctions map[string]bool
	// HeadFirst is set for a language whose noun phrases put the head
	// noun first ("coopération Sud-Sud"); English does not ("South-South
	// cooperation"), and reading it so would take "dialogue and
	// cooperation" after "international" for international cooperation.
	HeadFirst bool
	// Cognates is set for a language whose words are compared with other
	// languages' by their first letters (transliterated to Latin).
	Cognates bool

	// Length statistics against English, measured on the UNPC devset, for
	// the aligner: the usual length of a text in characters (spaces
	// excluded) relative to the same text in English, and the standard
	// deviation of the log of that ratio for a sentence (smoothed by 12
	// characters): how much length alone says about a pairing. UnitRatio
	// and UnitSpread are the same in words (Chinese: Han characters and
	// Latin runs), for the languages where they tell more (smoothed by 3
	// words).
	LengthRatio, LengthSpread float64
	UnitRatio, UnitSpread     float64

	// Numbers.

	// Month returns the month (1–12) that a lower-cased word names, or 0.
	Month func(lower string) int
	// CapitalMonths is set where month names are written with a capital
	// ("March"): a lower-case one is another word ("a protest march").
	CapitalMonths bool
	// ReversedGroups is set where digit groups separated by spaces may
	// come in reverse order ("000 250 3" for 3,250,000, an artefact of
	// right-to-left layout).
	ReversedGroups bool
	// DecimalPoint is set where a full stop in a number is a decimal
	// point, never a thousands separator: "2.779亿" is 277.9 million and
	// "$1.125 million" 1,125,000, where Spanish "2.400 millones" is 2,400
	// million.
	DecimalPoint bool
	// DecimalHours is set where a time of day is written "12.40" or
	// "12,40" before a word for hours (HourWords of any language).
	DecimalHours bool
	// HourWords are the words for "hours" after a time of day.
	HourWords []string
	// HourSuffixes are the words that follow the hour of a time of day
	// (时, 点), and Afternoon the words before it that add 12 hours.
	HourSuffixes, Afternoon []string
	// Clock, if set, reads the 12-hour clock and 24-hour "hours" times.
	Clock *Clock
	// Scales are the words that multiply a number ("million", 万).
	Scales map[string]float64
	// ScaleInWord is set where the segmenter may keep a scale word with
	// what follows (万美元): the start of a word is looked at, after
	// ApproxPrefix (多, "more than").
	ScaleInWord  bool
	ApproxPrefix string
	// Ordinal reads the words of an ordinal number ("forty third"), at
	// most four lower-cased words; ok false if they are not one.
	Ordinal func(words []string) (int, bool)
	// OrdinalFirst reports whether a lower-cased word may be the first of
	// the words Ordinal reads (it may say yes too often, never too
	// rarely): the words of a text are read as an ordinal only from one.
	OrdinalFirst func(word string) bool
	// Numerals, for a language that writes numbers in its own numerals
	// without spaces, returns the numbers in text.
	Numerals func(text string) []Span
	// CenturyWords name a century: an ordinal next to one is not read
	// (other languages write the century in Roman numerals).
	CenturyWords []string
	// CountNouns are the nouns (lower case) a small number written in
	// words counts where it is a number: units of time and sessions
	// ("three years", "trois ans", "the first session", "الدورة الأولى"). A
	// number word next to one is read as a number.
	CountNouns []string
	// SessionNouns are the nouns an ordinal numbers where it is a number,
	// however small: "the first session", "la première séance", "الدورة
	// الأولى" (第一届会议 in Chinese). "One" or "a" before a unit of time
	// is not read: "a year", 一年.
	SessionNouns []string
	// FirstWords are the ordinals for "first" (lower case): the only words
	// of value one read before a session noun, since the cardinal is also
	// the article ("une réunion", "una sesión" are "a meeting").
	FirstWords []string
	// HeadingWords name the parts of a text that are numbered, in lower
	// case ("article", "part", "chapter", "annex"): a Roman numeral after
	// one is a number ("Part XI", "article XII" = 第十一部分, 第十二条).
	HeadingWords []string
	// NumberWords are words (lower case; for a language with a WordKey,
	// their keys) that write a number in letters, with the number:
	// cardinals, the small ordinals, "twice" (2), "half" (0.5). A number
	// on one side only of a paragraph pair is a warning unless the other
	// side writes it in letters: one of them of its value, a compound of
	// them ("twenty-five", "التاسعة والستون"), or NumeralChars.
	NumberWords map[string]float64
	// NumeralChars are the characters of the language's own numerals
	// (一二三 …), for a language that writes them without spaces.
	NumeralChars string
	// PercentWords follow a number that is a percentage ("per cent");
	// "%" is understood in every language.
	PercentWords []string
	// ReferenceWords are the words for a document a number refers to
	// ("resolution 1540 (2004)", 第1540(2004)号决议): lower-case prefixes.
	ReferenceWords []string
	// PageWords introduce a page reference ("p. 14", "pág. 15"); page
	// numbers differ legitimately between language versions. Lower case,
	// with their full stop.
	PageWords []string
	// ClockNouns are the keys (WordKey) of the nouns for "hour" that make
	// the ordinal two words after them a time of day ("الساعة العاشرة").
	ClockNouns []string
}

// Clock holds the words of the 12-hour clock and of 24-hour times.
type Clock struct {
	// AM and PM are the marks after the hour ("a.m", "am"), without a
	// final full stop.
	AM, PM []string
	// Hours follows a four-digit 24-hour time ("1240 hours").
	Hours string
	// At precedes a four-digit time starting with 0 ("at 0300").
	At string
}

// Span is a number found in a text: its value (digits) and where it is.
type Span struct {
	Value      string
	Start, End int
	// Percent says the span is a percentage (百分之七十五).
	Percent bool
}

var (
	mu sync.Mutex // serialises Register
	// profiles maps a code to its profile; replaced whole by Register,
	// never changed, so that Of reads it without a lock.
	profiles atomic.Pointer[map[string]*Profile]
)

// Register adds a language's profile. It is called from the init function
// of each language's file, before any text is read (the words every
// language's text is read with are gathered from the profiles once); a
// second profile for a code replaces the first.
func Register(p *Profile) {
	mu.Lock()
	defer mu.Unlock()
	next := map[string]*Profile{}
	if old := profiles.Load(); old != nil {
		for k, v := range *old {
			next[k] = v
		}
	}
	next[Norm(p.Code)] = p
	profiles.Store(&next)
}

func table() map[string]*Profile {
	if m := profiles.Load(); m != nil {
		return *m
	}
	return nil
}

// Of returns the profile of a language code (normalised with Norm), or a
// profile with only the code and the rules every language shares for a
// language driftcheck has no profile of. It never returns nil.
func Of(code string) *Profile {
	m := table()
	if p := m[code]; p != nil {
		return p
	}
	n := Norm(code)
	if p := m[n]; p != nil {
		return p
	}
	// A language without a profile reads a decimal time before an hour
	// word ("12.40 horas"), as every language but English writes it.
	return &Profile{Code: n, DecimalHours: true}
}

// Profiles returns every registered profile: the official languages in
// the UN's order, then the others by code.
func Profiles() []*Profile {
	profiles := table()
	rank := map[string]int{}
	for i, c := range Official {
		rank[c] = i + 1
	}
	out := make([]*Profile, 0, len(profiles))
	for _, p := range profiles {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank[out[i].Code], rank[out[j].Code]
		if ri == 0 {
			ri = len(Official) + 1
		}
		if rj == 0 {
			rj = len(Official) + 1
		}
		if ri != rj {
			return ri < rj
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// FromLetter returns the language whose letter (Profile.Letter) is l, in
// either case, or "".
func FromLetter(l string) string {
	for _, p := range table() {
		if p.Letter != "" && strings.EqualFold(p.Letter, l) {
			return p.Code
		}
	}
	return ""
}
