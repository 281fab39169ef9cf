package lang

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	Register(&Profile{
		Code: "zh", Name: "Chinese", Letter: "C", Script: unicode.Han, Han: true,
		LengthRatio: 0.313, LengthSpread: 0.263, UnitRatio: 1.455, UnitSpread: 0.171,
		DecimalHours: true,
		DecimalPoint: true,
		// Numbers are read in the text as written: each word is given in
		// simplified and in traditional characters (TestTraditionalWords),
		// for texts in either script (see ChineseScript).
		// "下午3时": the afternoon is written as a word before the hour.
		HourSuffixes: []string{"时", "点", "時", "點"},
		Afternoon:    []string{"下午", "晚上"},
		// "$4.8 million" is written "480万美元".
		Scales: map[string]float64{"万": 1e4, "亿": 1e8, "万亿": 1e12, "萬": 1e4, "億": 1e8, "萬億": 1e12},
		// gse may keep the scale with what follows (万美元), or after 多
		// ("200多万", more than two million).
		ScaleInWord:    true,
		ApproxPrefix:   "多",
		Numerals:       chineseNumbers,
		NumeralChars:   "〇零一二两三四五六七八九十百千万亿兩萬億",
		PercentWords:   []string{"%"},
		ReferenceWords: []string{"决议", "决定", "決議", "決定"},
		PageWords:      []string{"页", "頁"},
		HeadingWords:   zhHeadingWords,
	})
}

var (
	// 第四十三, 第一百零五; 四十三届, 七十周年 (屆, 次會議, 週年 in
	// traditional characters). Centuries are not read (二十一世纪 is "XXIe
	// siècle" in French).
	zhOrdinal = regexp.MustCompile(`第([〇零一二两兩三四五六七八九十百千]+)|([一二三四五六七八九十百]+)(?:届|屆|次会议|次會議|周年|週年)`)
	// 三年, 两个月, 五天, 十二个月: a count of time.
	zhCount = regexp.MustCompile(`([一二两兩三四五六七八九十]+)(?:年|个月|個月|周|週|天)`)
	zhYear  = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年`)
	// 三月, 十二月: a month in numerals (not 三个月, three months).
	zhMonth = regexp.MustCompile(`(十[一二]?|[一二三四五六七八九])月`)
	// 百分之七十五 (75 per cent), 百分之零点五 (0.5 per cent).
	zhPercent = regexp.MustCompile(`百分之([〇零一二两兩三四五六七八九十百千]+)(?:[点點]([〇零一二三四五六七八九]+))?`)
)

// zhHeadingWords number the parts of a text: 第七条 is article 7, 第一款
// paragraph 1, 第二部分 part II.
var zhHeadingWords = []string{"条", "條", "款", "项", "項", "章", "节", "節", "部分", "编", "編", "段"}

// zhHeading reports whether s starts with a heading word: an ordinal
// before one is read however small (第一条 = Article 1).
func zhHeading(s string) bool {
	for _, w := range zhHeadingWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// zhSession reports whether s, the text after an ordinal, names a session
// or a meeting: 第一届会议 is "the first session", 第二次会议 "the second
// meeting".
func zhSession(s string) bool {
	for _, w := range []string{"届", "屆", "次会议", "次會議"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func overlaps(spans []Span, a, b int) bool {
	for _, s := range spans {
		if a < s.End && s.Start < b {
			return true
		}
	}
	return false
}

// HanNumber reads a number written in Chinese numerals (三, 四十三, 两千);
// ok is false when s is not one.
func HanNumber(s string) (int, bool) { return chineseValue(s) }

// chineseNumbers reads ordinals and counted numbers written in Chinese
// numerals (from MinOrdinal on), months in numerals, and years written
// digit by digit (二〇一八年).
func chineseNumbers(body string) []Span {
	var out []Span
	for _, m := range zhOrdinal.FindAllStringSubmatchIndex(body, -1) {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
		}
		v, ok := chineseValue(body[a:b])
		if !ok || v < MinOrdinal && !zhHeading(body[m[1]:]) && !zhSession(body[m[1]:]) {
			continue
		}
		out = append(out, Span{Value: strconv.Itoa(v), Start: m[0], End: m[1]})
	}
	// 三年, 两个月, 五天: small counts of time, read like "three years".
	for _, m := range zhCount.FindAllStringSubmatchIndex(body, -1) {
		if m[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(body[:m[0]]); strings.ContainsRune("〇零一二两兩三四五六七八九十百千第", r) {
				continue // 二〇一三年 is a year, 第三年 an ordinal
			}
		}
		// 一年 is also "a year"; 两年期 is a biennium, not two years;
		// 七十周年 is read above.
		if strings.HasPrefix(body[m[1]:], "期") || overlaps(out, m[2], m[3]) {
			continue
		}
		// 十年 is also "decade" (国际十年, the International Decade).
		if v, ok := chineseValue(body[m[2]:m[3]]); ok && v > 1 && v < 100 && !(v == 10 && strings.HasPrefix(body[m[3]:], "年")) {
			out = append(out, Span{Value: strconv.Itoa(v), Start: m[2], End: m[3]})
		}
	}
	for _, m := range zhYear.FindAllStringSubmatchIndex(body, -1) {
		var y strings.Builder
		for _, r := range body[m[2]:m[3]] {
			y.WriteByte(byte('0' + zhDigit[r]))
		}
		out = append(out, Span{Value: y.String(), Start: m[0], End: m[1]})
	}
	for _, m := range zhPercent.FindAllStringSubmatchIndex(body, -1) {
		whole := body[m[2]:m[3]]
		v, ok := chineseValue(whole)
		if !ok && whole != "零" && whole != "〇" {
			continue
		}
		key := strconv.Itoa(v)
		if m[4] >= 0 {
			var frac strings.Builder
			for _, r := range body[m[4]:m[5]] {
				frac.WriteByte(byte('0' + zhDigit[r]))
			}
			key += "." + frac.String()
		}
		out = append(out, Span{Value: key, Start: m[0], End: m[1], Percent: true})
	}
	for _, m := range zhMonth.FindAllStringSubmatchIndex(body, -1) {
		if v, ok := chineseValue(body[m[2]:m[3]]); ok {
			out = append(out, Span{Value: strconv.Itoa(v), Start: m[0], End: m[1]})
		}
	}
	return out
}

var zhDigit = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

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
