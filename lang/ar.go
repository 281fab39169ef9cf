package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	Register(&Profile{
		Code: "ar", Name: "Arabic", Letter: "A", Script: unicode.Arabic, RTL: true,
		WordKey:      ArabicKey,
		Conjunctions: map[string]bool{"و": true, "أو": true},
		HeadFirst:    true,
		LengthRatio:  0.843, LengthSpread: 0.168, UnitRatio: 0.913, UnitSpread: 0.167,
		// UN Arabic writes months in two series at once ("كانون
		// الثاني/يناير"); only the second is counted, by prefix or suffix
		// of the word (a clitic may be attached on either side).
		Month:          prefixMonths(true, nil, "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
		ReversedGroups: true,
		DecimalHours:   true,
		Scales:         map[string]float64{"مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "بليون": 1e9, "بلايين": 1e9, "مليارات": 1e9},
		Ordinal:        arOrdinal,
		OrdinalFirst:   arOrdinalFirst,
		CenturyWords:   []string{"القرن", "قرن"},
		// "الساعة العاشرة" is ten o'clock, read as a time elsewhere.
		ClockNouns:   []string{"ساعه"},
		CountNouns:   []string{"سنة", "سنوات", "عام", "أعوام", "شهر", "أشهر", "أسبوع", "أسابيع", "يوم", "أيام"},
		FirstWords:   []string{"أول", "الأول", "الأولى", "أولى", "الاولى", "الاول"},
		SessionNouns: []string{"الدورة", "دورة", "دورات", "الجلسة", "جلسة", "الاجتماع", "اجتماع"},
		HeadingWords: []string{"المادة", "المواد", "الجزء", "الفصل", "المرفق", "الباب", "الفرع"},
		NumberWords: map[string]float64{"واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "مائه": 100, "الف": 1000, "اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "مرتين": 2, "نصف": 0.5, "رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10, "حادي": 1, "عشرون": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
			// Duals of the nouns numbers count: "يومين" is "two days",
			// "مليوني" "2 million", "مرتين" "twice".
			"يومين": 2, "يومان": 2, "شهرين": 2, "شهران": 2, "سنتين": 2, "سنتان": 2, "عامين": 2, "عامان": 2,
			"أسبوعين": 2, "أسبوعان": 2, "ساعتين": 2, "ساعتان": 2, "مرتان": 2,
			"مليوني": 2, "مليونين": 2, "مليونا": 2, "مليونان": 2, "ألفي": 2, "ألفين": 2, "ألفا": 2, "ألفان": 2},
		PercentWords:   []string{"في المائة", "في المئة"},
		ReferenceWords: []string{"القرار", "قرار", "المقرر", "مقرر"},
		PageWords:      []string{"ص", "ص.", "الصفحة"},
	})
}

// arabicNorm removes diacritics (tashkeel) and tatweel and unifies the
// letter forms that vary in writing: alef with hamza or madda, alef maqsura,
// ta marbuta.
var arabicNorm = strings.NewReplacer(
	"\u064B", "", "\u064C", "", "\u064D", "", "\u064E", "", "\u064F", "",
	"\u0650", "", "\u0651", "", "\u0652", "", "\u0670", "", "\u0640", "",
	"أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه",
)

// ArabicKey is the light stemmer for Arabic: after normalisation
// (arabicNorm) it removes, while at least three letters remain, an attached
// conjunction (و, ف), then up to two prepositions (ب, ك, ل; لل is ل with the
// article), then the definite article (ال). Letters are stripped the same
// way whether they are clitics or the first letter of a word, so a word and
// its prefixed forms always get one key: بناء, لبناء and وبناء all become
// ناء, and المساعدة and للمساعدة become مساعده. After a conjunction a
// second و is stripped too, so that ووحدة gets the key of وحدة, and the
// word after the article is stripped as a bare word is, so that البناء
// gets the key of بناء. The lexicon's renderings get the same keys.
func ArabicKey(w string) string {
	w = arabicNorm.Replace(w)
	n := utf8.RuneCountInString(w)
	strip := func(p string) bool {
		if strings.HasPrefix(w, p) && n-utf8.RuneCountInString(p) >= 3 {
			w = w[len(p):]
			n -= utf8.RuneCountInString(p)
			return true
		}
		return false
	}
	clitics := func() {
		if strip("و") || strip("ف") {
			// A word that itself starts with و after the conjunction
			// ("ووحدة", and unity): the key is that of the word alone,
			// whose own و is stripped like a conjunction.
			strip("و")
		}
		for k := 0; k < 2; k++ {
			if !strip("ب") && !strip("ك") && !strip("ل") {
				break
			}
		}
	}
	clitics()
	if strip("ال") {
		// The word after the article gets the key of the bare word:
		// البناء as بناء (ناء), الوحدة as وحدة (حده).
		clitics()
	}
	return w
}

var (
	arUnits = map[string]int{
		"حادي": 1, "حاديه": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5,
		"سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9,
	}
	// Cardinal units, read only before a tens word: "الأربعة والعشرين"
	// (the twenty-four).
	arCardUnits = map[string]int{"واحد": 1, "احد": 1, "اثنين": 2, "اثنان": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6,
		"سبعه": 7, "ثمانيه": 8, "تسعه": 9, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9}
	arTens = map[string]int{"عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90}
)

// arOrdinal reads "الثالثة والأربعين" (43rd), "الحادي والعشرين" (21st),
// "الثانية عشرة" (12th), "العاشرة" (10th), "الأربعين" (40th).
func arOrdinal(w []string) (int, bool) {
	k := make([]string, len(w))
	for i, x := range w {
		k[i] = ArabicKey(x)
	}
	switch len(k) {
	case 1:
		if k[0] == "عاشر" || k[0] == "عاشره" {
			return 10, true
		}
		// A tens word alone is an ordinal only with the article
		// ("الأربعين"); bare "أربعين" is the cardinal forty, read
		// below only as part of a compound.
		if v, ok := arTens[k[0]]; ok && strings.HasPrefix(strings.TrimPrefix(w[0], "و"), "ال") {
			return v, true
		}
	case 2:
		u, ok := arUnits[k[0]]
		if !ok {
			break
		}
		if k[1] == "عشر" || k[1] == "عشره" {
			return 10 + u, true
		}
		if t, ok := arTens[k[1]]; ok && strings.HasPrefix(w[1], "و") {
			return t + u, true
		}
	}
	if len(k) == 2 {
		if u, ok := arCardUnits[k[0]]; ok {
			if t, ok := arTens[k[1]]; ok && strings.HasPrefix(w[1], "و") {
				return t + u, true
			}
		}
	}
	return 0, false
}

// arOrdinalFirst: "العاشر", a tens word, or the unit of a compound.
func arOrdinalFirst(w string) bool {
	k := ArabicKey(w)
	if k == "عاشر" || k == "عاشره" {
		return true
	}
	_, tens := arTens[k]
	_, unit := arUnits[k]
	_, card := arCardUnits[k]
	return tens || unit || card
}
