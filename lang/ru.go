package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem/russian"
)

func init() {
	Register(&Profile{
		Code: "ru", Name: "Russian", Letter: "R", Script: unicode.Cyrillic,
		Stem: russian.Stem,
		// трёхсторонний = трехсторонний
		WordKey: func(k string) string { return strings.ReplaceAll(k, "ё", "е") },
		// UN Russian is full of international words (организация,
		// программа, резолюция): transliterated, they are cognates.
		Cognates:     true,
		Conjunctions: map[string]bool{"и": true, "или": true},
		HeadFirst:    true,
		LengthRatio:  1.141, LengthSpread: 0.147,
		// Month words inflect: a prefix of the lower-cased word is enough,
		// except for май and март, whose prefixes are other words.
		Month: prefixMonths(false, map[string][]string{"ма": {"май", "мая", "мае"}, "март": {"март", "марта", "марте"}},
			"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"),
		DecimalHours:   true,
		HourWords:      []string{"ч", "час", "часов", "часа"},
		Scales:         map[string]float64{"млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9},
		Ordinal:        ruOrdinal,
		OrdinalFirst:   ruOrdinalFirst,
		CenturyWords:   []string{"века", "век", "веке", "веков"},
		CountNouns:     []string{"год", "года", "лет", "месяц", "месяца", "месяцев", "неделя", "недели", "недель", "день", "дня", "дней"},
		FirstWords:     []string{"первый", "первая", "первое", "первого", "первой", "первом", "первую"},
		SessionNouns:   []string{"сессия", "сессии", "заседание", "заседании", "совещание"},
		HeadingWords:   []string{"статья", "статьи", "статье", "статью", "часть", "части", "глава", "главы", "приложение", "приложения", "раздел", "раздела", "протокол", "протокола", "принцип"},
		NumberWords:    map[string]float64{"один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100, "тысяча": 1000, "тысячи": 1000, "первый": 1, "первая": 1, "первое": 1, "первого": 1, "первой": 1, "второй": 2, "второго": 2, "третий": 3, "третьего": 3, "третьей": 3, "дважды": 2, "половина": 0.5, "половины": 0.5, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "трем": 3, "четырех": 4, "пяти": 5, "десяти": 10, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10},
		PercentWords:   []string{"процент", "процента", "процентов"},
		ReferenceWords: []string{"резолюци", "решени"},
		PageWords:      []string{"стр.", "с."},
	})
}

var (
	ruTens  = map[string]int{"сто": 100, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}
	ruUnits = map[string]int{"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9}
	ruWhole = map[string]int{
		"десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
		"семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50,
		"шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100,
	}
	// Adjective endings of Russian ordinals, longest first (третий takes
	// the soft ь forms).
	// The plural forms are left out: "шестидесятых" is a decade (the
	// 1960s), not the sixtieth.
	ruEndings = []string{"ьего", "ьему", "ьей", "ьем", "ьим", "ого", "его", "ому", "ему",
		"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ом", "ем", "ую", "юю", "ья", "ье", "ью", "ей"}
)

func ruOrdStem(w string) (string, bool) {
	for _, e := range ruEndings {
		if s, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(s) >= 3 {
			return s, true
		}
	}
	return "", false
}

// ruOrdinal reads "сорок третьей", "двадцать первого", "сороковой",
// "пятнадцатая", "сто тридцать первой".
func ruOrdinal(w []string) (int, bool) {
	s, ok := ruOrdStem(w[len(w)-1])
	if !ok {
		return 0, false
	}
	last, ok := ruWhole[s]
	if !ok {
		if last, ok = ruUnits[s]; !ok || len(w) == 1 {
			return 0, false
		}
	}
	sum := 0
	for _, x := range w[:len(w)-1] {
		t, ok := ruTens[x]
		if !ok || sum > 0 && t >= sum {
			return 0, false
		}
		sum += t
	}
	return sum + last, true
}

// ruOrdinalFirst: the tens of a compound ("сорок") or a whole ordinal
// ("сороковой").
func ruOrdinalFirst(w string) bool {
	if _, ok := ruTens[w]; ok {
		return true
	}
	s, ok := ruOrdStem(w)
	if !ok {
		return false
	}
	_, whole := ruWhole[s]
	return whole
}
