package driftcheck

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/segment"
)

// Ordinal numbers written in words, as UN texts name sessions, meetings,
// anniversaries and centuries: "forty-third session", "quarante-troisième
// session", "cuadragésimo tercer período de sesiones", "сорок третьей
// сессии", "الدورة الثالثة والأربعين", "第四十三届会议". Only values of ten and
// more are read: the small ordinals ("first", "second", 第一) are as often
// plain words ("first of all", "secondly", 首先) as numbers, and a number
// read in one language but not in its translation is a false alarm.
// Chinese years in numerals (二〇一八年) are read too.
const minOrdinalWord = 10

// ordinalWords returns the numbers written in words in the body of a
// paragraph (text from bodyStart on).
func ordinalWords(lang, text string, bodyStart int, toks []segment.Token) []drift.Number {
	if lang == "zh" {
		return chineseNumbers(text, bodyStart)
	}
	parse := ordinalParsers[lang]
	if parse == nil {
		return nil
	}
	var out []drift.Number
	for i := 0; i < len(toks); i++ {
		if int(toks[i].Start) < bodyStart || toks[i].Kind != segment.Word {
			continue
		}
		// The words of a compound: up to four, joined by a space or a
		// hyphen ("forty-third", "vingt et unième", "cuadragésimo tercer").
		words := []string{normWord(toks[i].In(text))}
		idx := []int{i}
		for j := i + 1; j+1 < len(toks) && len(words) < 4; j += 2 {
			if (toks[j].Kind != segment.Space || toks[j].In(text) != " ") && toks[j].In(text) != "-" || toks[j+1].Kind != segment.Word {
				break
			}
			words = append(words, normWord(toks[j+1].In(text)))
			idx = append(idx, j+1)
		}
		// The longest run of words that reads as an ordinal.
		for n := len(words); n >= 1; n-- {
			if v, ok := parse(words[:n]); ok && v >= minOrdinalWord {
				if nearCentury(text, toks, i, idx[n-1]) || lang == "ar" && i >= 2 && segment.ArabicKey(toks[i-2].In(text)) == "ساعه" {
					// "twenty-first century" is "XXIe siècle", "siglo XXI",
					// "XXI века": Roman numerals, not read. "الساعة
					// العاشرة" is ten o'clock, read as a time elsewhere.
					i = idx[n-1]
					break
				}
				a, b := toks[i].Start, toks[idx[n-1]].End
				out = append(out, drift.Number{Key: strconv.Itoa(v), Text: text[a:b], Start: int(a), End: int(b)})
				i = idx[n-1]
				break
			}
		}
	}
	return out
}

// centuryWords name a century in each language, after or before the
// ordinal.
var centuryWords = map[string]bool{"century": true, "centuries": true, "siècle": true, "siècles": true, "siglo": true,
	"века": true, "век": true, "веке": true, "веков": true, "القرن": true, "قرن": true}

func nearCentury(text string, toks []segment.Token, first, last int) bool {
	for _, j := range []int{first - 2, last + 2} {
		if j >= 0 && j < len(toks) && centuryWords[normWord(toks[j].In(text))] {
			return true
		}
	}
	return false
}

func normWord(w string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(w), "ё", "е"), "’", "'")
}

var ordinalParsers = map[string]func([]string) (int, bool){
	"en": enOrdinal, "fr": frOrdinal, "es": esOrdinal, "ru": ruOrdinal, "ar": arOrdinal,
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

var (
	esTensOrd = map[string]int{
		"décim": 10, "decim": 10, "vigésim": 20, "vigesim": 20, "trigésim": 30, "trigesim": 30, "cuadragésim": 40, "cuadragesim": 40,
		"quincuagésim": 50, "quincuagesim": 50, "sexagésim": 60, "sexagesim": 60, "septuagésim": 70, "septuagesim": 70,
		"octogésim": 80, "octogesim": 80, "nonagésim": 90, "nonagesim": 90, "centésim": 100, "centesim": 100,
		"undécim": 11, "undecim": 11, "duodécim": 12, "duodecim": 12,
	}
	esUnitOrd = map[string]int{
		"primer": 1, "prim": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "séptim": 7, "septim": 7,
		"octav": 8, "noven": 9,
	}
)

// esStem removes the gender and number ending of a Spanish ordinal.
func esStem(w string) string {
	for _, e := range []string{"os", "as", "o", "a"} {
		if s, ok := strings.CutSuffix(w, e); ok && len(s) >= 4 {
			return s
		}
	}
	return w
}

// esOrdinal reads "cuadragésimo tercer", "vigésima primera",
// "decimotercero", "quincuagésimo".
func esOrdinal(w []string) (int, bool) {
	first := esStem(w[0])
	if len(w) == 1 {
		if v, ok := esTensOrd[first]; ok {
			return v, true
		}
		// One word: "decimotercero", "vigesimoprimera".
		for tens, tv := range esTensOrd {
			if rest, ok := strings.CutPrefix(first, tens+"o"); ok && tv < 100 {
				if u, ok := esUnitOrd[rest]; ok {
					return tv + u, true
				}
			}
		}
		return 0, false
	}
	if len(w) != 2 {
		return 0, false
	}
	t, ok1 := esTensOrd[first]
	second := w[1]
	if second != "tercer" && second != "primer" {
		second = esStem(second)
	}
	u, ok2 := esUnitOrd[second]
	return t + u, ok1 && ok2 && t%10 == 0 && t < 100
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
		k[i] = segment.ArabicKey(x)
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

var (
	// 第四十三, 第一百零五; 四十三届, 七十周年. Centuries are not read
	// (二十一世纪 is "XXIe siècle" in French).
	zhOrdinal = regexp.MustCompile(`第([〇零一二两三四五六七八九十百千]+)|([一二三四五六七八九十百]+)(?:届|次会议|周年)`)
	zhYear    = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年`)
	// 三月, 十二月: a month in numerals (not 三个月, three months).
	zhMonth = regexp.MustCompile(`(十[一二]?|[一二三四五六七八九])月`)
)

// chineseNumbers reads ordinals and counted numbers written in Chinese
// numerals, and years written digit by digit (二〇一八年).
func chineseNumbers(text string, bodyStart int) []drift.Number {
	var out []drift.Number
	body := text[bodyStart:]
	for _, m := range zhOrdinal.FindAllStringSubmatchIndex(body, -1) {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
		}
		v, ok := chineseValue(body[a:b])
		if !ok || v < minOrdinalWord {
			continue
		}
		out = append(out, drift.Number{Key: strconv.Itoa(v), Text: body[m[0]:m[1]], Start: bodyStart + m[0], End: bodyStart + m[1]})
	}
	for _, m := range zhYear.FindAllStringSubmatchIndex(body, -1) {
		var y strings.Builder
		for _, r := range body[m[2]:m[3]] {
			y.WriteByte(byte('0' + zhDigit[r]))
		}
		out = append(out, drift.Number{Key: y.String(), Text: body[m[0]:m[1]], Start: bodyStart + m[0], End: bodyStart + m[1]})
	}
	for _, m := range zhMonth.FindAllStringSubmatchIndex(body, -1) {
		if v, ok := chineseValue(body[m[2]:m[3]]); ok {
			out = append(out, drift.Number{Key: strconv.Itoa(v), Text: body[m[0]:m[1]], Start: bodyStart + m[0], End: bodyStart + m[1]})
		}
	}
	return out // numbers sorts them with the others
}

var zhDigit = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseValue reads a Chinese numeral below ten thousand: 十 = 10,
// 四十三 = 43, 一百零五 = 105, 两千 = 2000.
func chineseValue(s string) (int, bool) {
	total, digit := 0, -1
	for _, r := range s {
		if d, ok := zhDigit[r]; ok {
			if digit >= 0 && d != 0 && digit != 0 {
				return 0, false // two digits in a row: not a positional numeral here
			}
			digit = d
			continue
		}
		unit := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
		if unit == 0 {
			return 0, false
		}
		if digit < 0 {
			if unit != 10 || total != 0 {
				return 0, false
			}
			digit = 1 // 十三 = 13
		}
		total += digit * unit
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0
}
