package lang

import (
	"strings"
	"unicode"
)

// Detect guesses the language of text from its script and, for Latin
// script, from common function words. It returns "zh", "ar", "ru", "en",
// "fr" or "es", or "" when text has no letters.
func Detect(text string) string {
	var han, arabic, cyr, latin int
	n := 0
	for _, r := range text {
		if n > 20000 {
			break
		}
		n++
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	// A Han character carries about as much text as three Latin letters.
	switch {
	case han == 0 && arabic == 0 && cyr == 0 && latin == 0:
		return ""
	case han*3 >= latin && han >= arabic && han >= cyr:
		return "zh"
	case arabic >= cyr && arabic >= latin:
		return "ar"
	case cyr >= latin:
		return "ru"
	}
	score := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "the", "of", "and", "to", "in", "that", "is", "for":
			score["en"]++
		case "le", "les", "des", "et", "du", "une", "dans", "pour", "est":
			score["fr"]++
		case "el", "los", "las", "del", "y", "una", "para", "por", "con":
			score["es"]++
		}
	}
	best, bestN := "en", 0
	for _, l := range []string{"en", "fr", "es"} {
		if score[l] > bestN {
			best, bestN = l, score[l]
		}
	}
	return best
}

// Script is a writing system and the languages written in it.
type Script struct {
	Name  string
	Table *unicode.RangeTable
	// Langs names the official languages written in it, for messages.
	Langs string
}

// Scripts are the writing systems of the official languages.
var Scripts = []Script{
	{"Arabic", unicode.Arabic, "ar"}, {"Chinese (Han)", unicode.Han, "zh"},
	{"Cyrillic", unicode.Cyrillic, "ru"}, {"Latin", unicode.Latin, "en, fr or es"},
}

// IsHanToken reports whether s is made of Han characters only.
func IsHanToken(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
