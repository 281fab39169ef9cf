package lang

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem/french"
)

func init() {
	Register(&Profile{
		Code: "fr", Name: "French", Letter: "F", Script: unicode.Latin,
		Stem:         french.Stem,
		WordKey:      FrenchSpelling,
		Elisions:     []string{"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"},
		Cognates:     true,
		Conjunctions: map[string]bool{"et": true, "ou": true},
		HeadFirst:    true,
		LengthRatio:  1.127, LengthSpread: 0.149,
		Month:          exactMonths("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
		DecimalHours:   true,
		HourWords:      []string{"heures", "heure", "h"},
		Scales:         map[string]float64{"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
		Ordinal:        frOrdinal,
		OrdinalFirst:   frOrdinalFirst,
		CenturyWords:   []string{"siècle", "siècles"},
		CountNouns:     []string{"an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours"},
		FirstWords:     []string{"premier", "première", "premiere"},
		SessionNouns:   []string{"session", "sessions", "séance", "séances", "réunion"},
		HeadingWords:   []string{"article", "articles", "partie", "chapitre", "annexe", "section", "titre", "protocole", "principe"},
		NumberWords:    map[string]float64{"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000, "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "moitié": 0.5, "double": 2, "demi": 0.5, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dixième": 10},
		PercentWords:   []string{"pour cent", "p. 100"},
		ReferenceWords: []string{"résolution", "décision"},
		PageWords:      []string{"p.", "pp.", "page", "pages"},
	})
}

var (
	frCard = map[string]int{"cent": 100, "dix": 10, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "quatre": 4}
	frOrd  = map[string]int{
		"unième": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
		"neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15,
		"seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50, "soixantième": 60, "centième": 100,
	}
)

// frOrdinal reads "quarante troisième", "vingt et unième", "soixante
// dixième" (70), "quatre vingt dixième" (90), "dix septième", "cent
// trente et unième".
func frOrdinal(w []string) (int, bool) {
	last, ok := frOrd[w[len(w)-1]]
	if !ok {
		return 0, false
	}
	sum := 0
	for k := 0; k < len(w)-1; k++ {
		x := w[k]
		if x == "et" && k > 0 {
			continue
		}
		c, ok := frCard[x]
		if !ok {
			return 0, false
		}
		if x == "quatre" {
			// Only as "quatre-vingt(s)": eighty.
			if k+1 >= len(w) || !strings.HasPrefix(w[k+1], "vingt") {
				return 0, false
			}
			if k+1 == len(w)-1 { // quatre-vingtième
				return 80, true
			}
			sum += 80
			k++
			continue
		}
		sum += c
	}
	if len(w) > 1 && sum == 0 {
		return 0, false
	}
	return sum + last, true
}

// FrenchSpelling maps a folded French word to one spelling of it, so that
// the traditional spelling and that of the 1990 rectifications, and the
// ligatures as typed or scanned, key alike: "œuvre" = "oeuvre",
// "maîtrise" = "maitrise", "connaître" = "connaitre" (the circumflex of i
// and u is dropped except where it tells two words apart: dû, mûr, sûr,
// jeûne, and croître's forms). "événement" and "évènement" already stem
// alike; hyphenated and joined compounds ("co-opération") are the lexicon
// matcher's.
func FrenchSpelling(w string) string {
	if isASCIIWord(w) {
		return w
	}
	if strings.ContainsAny(w, "œæ") {
		w = strings.NewReplacer("œ", "oe", "æ", "ae").Replace(w)
	}
	if strings.ContainsAny(w, "îû") && !frKeepCircumflex(w) {
		w = strings.NewReplacer("î", "i", "û", "u").Replace(w)
	}
	return w
}

// frKeepCircumflex reports whether the circumflex of i or u tells w from
// another word (1990 rectifications, rule 3).
func frKeepCircumflex(w string) bool {
	switch w {
	case "dû", "mûr", "mûre", "mûrs", "mûres", "sûr", "sûre", "sûrs", "sûres", "sûrement", "sûreté",
		"jeûne", "jeûnes", "jeûner", "croît", "crû", "crûs", "crûe", "crûes", "crûmes", "crûtes", "crût":
		return true
	}
	return false
}

// frOrdinalFirst: an ordinal alone ("dixième") or the first cardinal of a
// compound ("vingt", "quatre").
func frOrdinalFirst(w string) bool {
	_, ord := frOrd[w]
	_, card := frCard[w]
	return ord || card
}
