package number

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/lang"
)

// Role is what a number is in its sentence. Two language versions of one
// number share its role even when their words differ, so that a changed
// number is paired with what it became rather than with whatever other
// number is left over.
type Role uint8

// Roles.
const (
	Plain     Role = iota
	Date           // a day or month of a date, or the year of one ("19 March 2018", 2018年3月19日)
	Year           // a year on its own (four digits, 1900–2099)
	Reference      // the number of a document and its year ("resolution 1540 (2004)", 第1540(2004)号决议)
	Percent        // a percentage ("45 per cent", "45 %", "45 في المائة")
	Range          // an end of a range ("2016-2017", "2016至2017年")
	Amount         // a sum of money ("$4.8 million", "480万美元")
	Time           // a time of day
	Page           // a page number ("p. 14", "pág. 15", 第14页)
	Name           // part of a name ("An-26", "G-77")
	Note           // a note's reference mark in the text ("([1])"): not compared
	Heading        // the number of an article, part or chapter ("Article 12", "Part XI", 第十二条, "Статья 12")
	Label          // a paragraph's own number run into the text after a sentence ("… القرارات. ٥ - وحضر"): not compared
)

var roleNames = [...]string{"plain", "date", "year", "reference", "percent", "range", "amount", "time", "page", "name", "note", "heading", "label"}

// Compared says whether numbers of the role are compared between versions:
// a note's mark and a paragraph's label run into the text are the
// layout's, not the text's.
func (r Role) Compared() bool { return r != Note && r != Label }

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// currencies are the signs and words of money next to a number.
var currencies = []string{"$", "€", "£", "¥", "us$", "usd", "eur", "chf", "dollar", "euro", "franc", "dólar", "доллар", "евро", "دولار", "يورو", "美元", "欧元", "瑞士法郎"}

// assignRoles sets the role of each number of text from the words around
// it, read with the language's profile. Times and month names have theirs
// already.
func assignRoles(p *lang.Profile, text string, out []Number) {
	for i := range out {
		n := &out[i]
		if n.Role != Plain {
			continue
		}
		before := lastWord(text[:n.Start])
		after := strings.TrimLeft(text[n.End:], " \u00a0\u202f")
		la := lowerHead(after, maxRunes(p.PercentWords))
		switch {
		case noteMark(text, n):
			n.Role = Note
		case runInLabel(p, text, n):
			n.Role = Label
		case isPageWord(before, p.PageWords) || p.Han && hasAnyPrefix(after, p.PageWords):
			n.Role = Page
		case strings.HasPrefix(after, "%") || strings.HasPrefix(after, "％") || hasAnyPrefix(la, p.PercentWords):
			n.Role = Percent
		case isReference(p, text, n, before, after):
			n.Role = Reference
		case isHeadingWord(p, before) || p.Han && hasAnyPrefix(after, p.HeadingWords):
			n.Role = Heading
		case isCurrency(before) || isCurrency(firstWord(la)):
			n.Role = Amount
		case glued(text, n.Start):
			n.Role = Name
		}
	}
	// Ranges, dates and years need the numbers around them.
	for i := range out {
		n := &out[i]
		if n.Role != Plain && n.Role != Amount {
			continue
		}
		if i+1 < len(out) && rangeBetween(text[n.End:out[i+1].Start]) || i > 0 && rangeBetween(text[out[i-1].End:n.Start]) {
			if n.Role == Plain {
				n.Role = Range
			}
			continue
		}
		if n.Role != Plain {
			continue
		}
		switch {
		case nearMonth(out, i, text):
			n.Role = Date
		case p.Han && hanDate(text, n):
			n.Role = Date
		case isYear(n.Key):
			n.Role = Year
		}
	}
}

// isReference reports whether n numbers a document: after a reference
// word ("resolution 1540"), its year in brackets after such a number
// ("(2004)"), or before 号决议 in Chinese.
func isReference(p *lang.Profile, text string, n *Number, before, after string) bool {
	if hasWordPrefix(before, p.ReferenceWords) {
		return true
	}
	// 第1540(2004)号决议, 第1540号决议: the words come after the number.
	rest := after
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（") {
		if k := strings.IndexAny(rest, ")）"); k > 0 && k < 12 {
			_, w := utf8.DecodeRuneInString(rest[k:])
			rest = rest[k+w:]
		}
	}
	if r, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), "号"); ok && hasAnyPrefix(r, p.ReferenceWords) {
		return true
	}
	// The year in brackets after a reference number: "1540 (2004)".
	head := strings.TrimRight(text[:n.Start], " \u00a0")
	if strings.HasSuffix(head, "(") || strings.HasSuffix(head, "（") {
		head = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(head, "("), "（"), " \u00a0")
		k := len(head)
		for k > 0 && head[k-1] >= '0' && head[k-1] <= '9' {
			k--
		}
		if k < len(head) && (hasWordPrefix(lastWord(head[:k]), p.ReferenceWords) || strings.HasSuffix(strings.TrimRight(head[:k], " "), "第")) {
			return true
		}
	}
	return false
}

// lastWord returns the last word of s (lower case), with a full stop that
// ends it ("p."), or "".
func lastWord(s string) string {
	s = strings.TrimRight(s, " \u00a0\u202f")
	k := len(s)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '.' {
			break
		}
		k -= w
	}
	return strings.ToLower(s[k:])
}

// lowerHead returns as much of strings.ToLower(s) as assignRoles reads:
// its first word (as firstWord reads it) and at least runes runes. The
// whole rest of the paragraph after each number was lower-cased, a cost
// that grew with the square of a paragraph's length.
func lowerHead(s string, runes int) string {
	word := true // still in the first word of the lower-cased text
	n := 0
	for i, r := range s {
		if word && !wordRune(unicode.ToLower(r)) {
			word = false
		}
		if !word && n >= runes {
			return strings.ToLower(s[:i])
		}
		n++
	}
	return strings.ToLower(s)
}

// maxRunes returns the number of runes of the longest of words.
func maxRunes(words []string) int {
	n := 0
	for _, w := range words {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// wordRune reports whether firstWord takes r into a word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || r == '$' || r == '€' || r == '£' || r == '¥'
}

func firstWord(s string) string {
	for i, r := range s {
		if !wordRune(r) {
			return s[:i]
		}
	}
	return s
}

// isHeadingWord reports whether w is one of the language's heading words,
// compared by word key ("والمادة" is "and article").
func isHeadingWord(p *lang.Profile, w string) bool {
	if w == "" {
		return false
	}
	return keySetBy(p, "heading key", p.HeadingWords, headingKey)[headingKey(p, w)]
}

// headingKey is the word key of w: stemmed where the language has a
// stemmer, so the cases of a Russian noun ("статья", "статье",
// "приложении") are one heading word.
func headingKey(p *lang.Profile, w string) string { return wordKey(p, w) }

// isPageWord reports whether word is one of the page words: whole, or an
// abbreviation of two letters or more without its full stop ("pp"), not a
// one-letter word such as the Russian preposition "с" (with "с. 14", page
// 14).
func isPageWord(word string, words []string) bool {
	for _, w := range words {
		if word == w || strings.HasSuffix(w, ".") && word == strings.TrimSuffix(w, ".") && utf8.RuneCountInString(word) >= 2 {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether word starts with one of the prefixes (a
// word of several, "per cent", is compared with its first word).
func hasWordPrefix(word string, prefixes []string) bool {
	if word == "" {
		return false
	}
	for _, p := range prefixes {
		if strings.HasPrefix(word, p) || strings.HasSuffix(p, ".") && word == strings.TrimSuffix(p, ".") {
			return true
		}
	}
	return false
}

func isCurrency(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range currencies {
		if strings.HasPrefix(w, c) || strings.HasSuffix(w, c) && utf8.RuneCountInString(c) == 1 {
			return true
		}
	}
	return false
}

// glued reports whether the number at start is glued to letters by a
// hyphen ("An-26", "Ан-26", "G-77").
func glued(text string, start int) bool {
	if start < 2 || text[start-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start-1])
	return unicode.IsLetter(r)
}

// rangeBetween reports whether what lies between two numbers makes them a
// range: a dash or a word for "to" ("2016-2017", "2016 - 2017",
// "2016至2017年").
func rangeBetween(s string) bool {
	s = strings.TrimSpace(strings.Trim(s, "\u00a0\u202f"))
	switch s {
	case "-", "–", "—", "‑", "至", "到", "~", "～", "－":
		return true
	}
	return false
}

// nearMonth reports whether the number i is next to a month name (its day
// or year): the month is the next or previous number, one word away.
func nearMonth(out []Number, i int, text string) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(out) || out[j].Role != Date || !isMonthWord(out[j]) {
			continue
		}
		a, b := out[i].End, out[j].Start
		if j < i {
			a, b = out[j].End, out[i].Start
		}
		// One word between at most: "19 March", "March 2018", "28
		// نيسان/أبريل" (two month series).
		if between := strings.TrimSpace(text[a:b]); utf8.RuneCountInString(between) <= 16 && strings.Count(between, " ") <= 1 {
			return true
		}
	}
	return false
}

// hanDate reports whether n is the year, month or day of a Chinese date:
// digits before 年, 月 or 日 (2014年, 5月, 13日), or numerals that end with
// them (二〇一四年, 五月); 三 of 三年 (three years) is a count.
func hanDate(text string, n *Number) bool {
	if startsDigit(n.Text) {
		rest := text[n.End:]
		return strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "月") || strings.HasPrefix(rest, "日")
	}
	return strings.HasSuffix(n.Text, "月") || strings.HasSuffix(n.Text, "日") || isYear(n.Key) && strings.HasSuffix(n.Text, "年")
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// wordLetters counts the letters of the word that ends s.
func wordLetters(s string) int {
	n := 0
	for s != "" {
		r, w := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLetter(r) {
			break
		}
		n++
		s = s[:len(s)-w]
	}
	return n
}

// isMonthWord reports whether n is a month written as a word ("March",
// مارس, 三月), not a number in Chinese numerals (三 of 三年).
func isMonthWord(n Number) bool {
	r, _ := utf8.DecodeRuneInString(n.Text)
	return unicode.IsLetter(r) && (!unicode.Is(unicode.Han, r) || strings.HasSuffix(n.Text, "月"))
}

func isYear(key string) bool {
	return len(key) == 4 && (strings.HasPrefix(key, "19") || strings.HasPrefix(key, "20"))
}

// DigitCount is the number of digits of a key's whole part: the
// magnitude two numbers are compared by when one changed into the other.
func DigitCount(key string) int {
	whole, _, _ := strings.Cut(key, ".")
	return len(strings.TrimPrefix(whole, "-"))
}

// noteMark reports whether n is a note's reference mark written in the
// text: a number in square brackets inside round ones, "([1])", as UN
// Arabic and Russian documents converted from Word write them.
//
// A short number glued to the word or bracket before it and followed by
// no letter or digit is a note mark too: "(Malvinas)1", "ranges\"18",
// "Crime1 provides".
// runInLabel reports whether n is the number of a paragraph run into the
// text of the one before it (a lost paragraph break, in a PDF or in a
// corpus cut into sentences): after the end of a sentence, a number of one
// to three digits followed by the dash of a UN paragraph label ("٥ - ",
// "١٨- ", "5 – ") or by a full stop and a sentence starting with a capital
// ("5. The"). A full stop after an abbreviation ("para. 5. The") ends no
// sentence.
func runInLabel(p *lang.Profile, text string, n *Number) bool {
	if n.Start == 0 || utf8.RuneCountInString(text[n.Start:n.End]) > 3 {
		return false
	}
	for _, r := range text[n.Start:n.End] {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	head := strings.TrimRight(text[:n.Start], " \u00a0")
	if len(head) == len(text[:n.Start]) || head == "" {
		return false // no space before: glued to something
	}
	end, _ := utf8.DecodeLastRuneInString(head)
	if !strings.ContainsRune(".!?;:؟؛。", end) {
		return false
	}
	if end == '.' {
		// An abbreviation ends no sentence: a word of four letters or
		// fewer, or of six or fewer that the profile writes before a
		// page, reference or heading number ("paras.").
		w, k := lastWord(head), wordLetters(head[:len(head)-1])
		if k < 5 || k <= 6 && (isPageWord(w, p.PageWords) || hasWordPrefix(w, p.ReferenceWords) || isHeadingWord(p, w)) {
			return false
		}
	}
	after := text[n.End:]
	rest := strings.TrimPrefix(after, " ")
	for _, d := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(rest, d) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(after, ". "); ok {
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(r)
	}
	return false
}

func noteMark(text string, n *Number) bool {
	if strings.HasSuffix(text[:n.Start], "([") && strings.HasPrefix(text[n.End:], "])") {
		return true
	}
	// A mark in square brackets glued to the text: "of planning.[23]".
	if before, ok := strings.CutSuffix(text[:n.Start], "["); ok && before != "" && strings.HasPrefix(text[n.End:], "]") && n.End-n.Start <= 3 {
		if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsLetter(r) || strings.ContainsRune(".,;:)\"”’»", r) {
			return true
		}
	}
	if n.Start == 0 || n.End-n.Start > 2 || n.Role != Plain {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:n.Start])
	next, _ := utf8.DecodeRuneInString(text[n.End:])
	glued := unicode.IsLower(prev) || strings.ContainsRune(")\"»”’", prev) ||
		// After the full stop or comma that ends a word of four letters or
		// more: "the Conference website.3", "the Advisory Committee,22
		// subject to" ("No.3" is a number).
		strings.ContainsRune(".,;", prev) && wordLetters(text[:n.Start-1]) >= 4
	return glued && n.End <= len(text) && (n.End == len(text) || !unicode.IsLetter(next) && !unicode.IsDigit(next) && next != '.' && next != ',' && next != '-')
}
