// Package number finds the numbers of a paragraph in its tokens, in every
// language with a profile (package lang), normalised so that the language
// versions of one number compare equal: digits of every script, thousands
// separators, scale words, month names, times of day and ordinals written
// in words.
package number

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/internal/wordcache"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// Number is a number found in a paragraph.
type Number struct {
	Key string // normalised value
	// Alt is another reading of the same digits ("" if none), such as the
	// reversed digit groups of right-to-left text.
	Alt        string
	Text       string
	Start, End int
	// Role is what the number is in its sentence (a date, a reference, a
	// percentage, …): the evidence for pairing a changed number.
	Role Role
}

// shared holds the words every language's text is read with: UN texts
// quote scale, hour and century words of other languages, so each is
// looked for in all of them (the union of the profiles).
type shared struct {
	scales    map[string]float64
	hourWords map[string]bool
	centuries map[string]bool
	// prefixes holds, per language, its own scale words longest first
	// (for ScaleInWord).
	prefixes map[string][]string
}

var (
	sharedOnce sync.Once
	words      shared
)

func sharedWords() *shared {
	sharedOnce.Do(func() {
		words = shared{scales: map[string]float64{}, hourWords: map[string]bool{}, centuries: map[string]bool{}, prefixes: map[string][]string{}}
		for _, p := range lang.Profiles() {
			if p.ScaleInWord {
				words.prefixes[p.Code] = scalePrefixes(p)
			}
			for w, m := range p.Scales {
				words.scales[w] = m
			}
			for _, w := range p.HourWords {
				words.hourWords[w] = true
			}
			for _, w := range p.CenturyWords {
				words.centuries[w] = true
			}
		}
	})
	return &words
}

// monthOf returns the month that word names in p's language (p.Month of
// it in lower case), as a key; c is p's cache of word facts (factsOf).
func monthOf(p *lang.Profile, c *wordcache.Cache[wordFacts], word string) (string, bool) {
	if p.Month == nil {
		return "", false
	}
	if m := factOf(p, c, word).month; m > 0 {
		return strconv.Itoa(int(m)), true
	}
	return "", false
}

// Find returns the numbers of a paragraph in language code (its text and
// tokens) after its label (from bodyStart on), normalised so
// that the language versions of one number compare equal: digits of every
// script, thousands separators (1,000 / 1 000 / 1.000), scale words
// ("4.8 million" = "480万"), month names, and times of day ("12.40 p.m.",
// "12:40", "12 h 40", "12时40分" and "1240 hours" all give 12 and 40; "3
// p.m." gives 15).
func Find(code, text string, bodyStart int, toks []segment.Token) []Number {
	p := lang.Of(code)
	months, en := factsOf(p), factsOf(lang.Of("en"))
	var out, pending []Number // pending: month names with no number next to them
	next := func(i int) int { // the next token after i, past one space
		j := i + 1
		if j < len(toks) && toks[j].Kind == segment.Space {
			j++
		}
		return j
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if int(t.Start) < bodyStart {
			continue
		}
		switch t.Kind {
		case segment.Number:
			if t.Key == "" {
				continue
			}
			n := Number{Key: t.Key, Text: t.In(text), Start: int(t.Start), End: int(t.End)}
			// "100 000": a space (or no-break space) as thousands separator
			// splits one number into several tokens. UN Arabic text often
			// carries the groups in reverse ("000 250 3" for 3,250,000),
			// an artefact of right-to-left layout: that reading is kept as
			// an alternative.
			if k, alt, end, last, ok := grouped(p, text, toks, i); ok {
				n.Key, n.Alt, n.End = k, alt, end
				i = last
			} else if p.DecimalPoint {
				n.Key = decimalKey(n.Text, n.Key)
			}
			// A time of day.
			if h, m, end, ok := timeOf(p, text, toks, i, next); ok {
				out = append(out, Number{Key: h, Text: text[t.Start:end], Start: int(t.Start), End: end, Role: Time})
				if m != "" {
					out = append(out, Number{Key: m, Text: text[t.Start:end], Start: int(t.Start), End: end, Role: Time})
				}
				for i+1 < len(toks) && int(toks[i+1].End) <= end {
					i++
				}
				continue
			}
			key0 := n.Key
			n.Key, n.End = scaled(p, text, toks, i, n.Key, n.End)
			if n.Key != key0 {
				n.Role = Amount // a scale word: money, mostly
			}
			n.Text = text[n.Start:n.End]
			out = append(out, n)
		case segment.Word:
			if v, ok := romanAfterHeading(p, text, toks, i); ok {
				out = append(out, Number{Key: v, Text: t.In(text), Start: int(t.Start), End: int(t.End), Role: Heading})
				continue
			}
			if v, ok := romanInBrackets(text, toks, i); ok {
				out = append(out, Number{Key: v, Text: t.In(text), Start: int(t.Start), End: int(t.End)})
				continue
			}
			if n, ok := currencyGlued(p, text, toks, i); ok {
				out = append(out, n)
				continue
			}
			if n, ok := digitsGlued(text, toks[i]); ok {
				if i+2 < len(toks) && toks[i+1].In(text) == ":" && toks[i+2].Kind == segment.Number && len(toks[i+2].In(text)) == 2 {
					// "الساعة10:00": a time glued to the word for "hour".
					hour, _ := strconv.Atoi(n.Key)
					min, _ := strconv.Atoi(toks[i+2].Key)
					hour, min = unreversed(p, hour, min)
					if hour <= 24 && min <= 59 {
						end := int(toks[i+2].End)
						out = append(out, Number{Key: strconv.Itoa(hour), Text: text[n.Start:end], Start: n.Start, End: end, Role: Time})
						if min != 0 {
							out = append(out, Number{Key: strconv.Itoa(min), Text: text[n.Start:end], Start: n.Start, End: end, Role: Time})
						}
						i += 2
						continue
					}
				}
				out = append(out, n)
				continue
			}
			m, ok := monthOf(p, months, t.In(text))
			ok = ok && (!p.CapitalMonths || startsUpper(t.In(text)))
			if !ok && p.Script != unicode.Latin && startsUpper(t.In(text)) {
				// A date quoted in English in a text of another script (a
				// letter's date line, "6 February 2015"): the version in
				// English reads the month too.
				m, ok = monthOf(lang.Of("en"), en, t.In(text))
			}
			if ok {
				// A month name is a number only in a date, next to a day
				// or a year: "march" and "may" are words too, "mid-March"
				// is no date, and the Arabic verb تمارس ends like مارس.
				n := Number{Key: m, Text: t.In(text), Start: int(t.Start), End: int(t.End), Role: Date}
				if !nearNumber(text, toks, i) {
					pending = append(pending, n)
					continue
				}
				out = append(out, n)
			}
		}
	}
	out = coordinatedMonths(text, out, pending)
	if w := ordinalWords(p, text, bodyStart, toks); len(w) > 0 {
		out = append(out, w...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	if w := countedWords(p, text, bodyStart, toks, out); len(w) > 0 {
		out = append(out, w...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	out = coordinatedTimes(text, out)
	if p.Han {
		out = dropBareMonths(text, out)
	}
	assignRoles(p, text, out)
	return out
}

// coordinatedMonths adds to out the month names of pending joined by one
// short word to a month of a date: "from April to August 2014", "in March
// and April 2014" (the Chinese 2014年3月和4月 reads both).
func coordinatedMonths(text string, out, pending []Number) []Number {
	if len(pending) == 0 {
		return out
	}
	added := false
	for changed := true; changed; {
		changed = false
		for k, q := range pending {
			if q.Key == "" {
				continue
			}
			for _, n := range out {
				if n.Role == Date && isMonthWord(n) && monthsJoined(text, q, n) {
					out = append(out, q)
					pending[k].Key = ""
					added, changed = true, true
					break
				}
			}
		}
	}
	if added {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// monthsJoined reports whether one short word or a dash alone stands
// between months a and b: "April to August", "марта и апреля", 3月和4月.
func monthsJoined(text string, a, b Number) bool {
	if a.Start > b.Start {
		a, b = b, a
	}
	if a.End > b.Start {
		return false
	}
	between := strings.TrimSpace(text[a.End:b.Start])
	if between == "" {
		return false
	}
	if strings.HasSuffix(between, "/") {
		// The first name of an Arabic month written twice: "آذار/مارس
		// ونيسان/أبريل", "نيسان/أبريل إلى آب/أغسطس".
		between = strings.TrimSpace(between[:max(0, strings.LastIndex(between, " "))])
	}
	if strings.ContainsAny(between, ",;.0123456789") {
		return false
	}
	words := strings.Fields(between)
	for _, w := range words {
		if utf8.RuneCountInString(w) > 3 {
			return false
		}
	}
	return len(words) <= 2 // "to", "and", "et en", "و", "至"
}

// dropBareMonths leaves out a month written alone (4月, 十月以来): in the
// other languages a month name is read only in a date, next to a day or a
// year ("in April" is not a number, "4 April 2014" is), so a bare month
// would be a number on one side only. 2014年4月 and 4月13日 are dates.
func dropBareMonths(text string, out []Number) []Number {
	keep := out[:0]
	for _, n := range out {
		rest, month := text[n.End:], strings.HasSuffix(n.Text, "月")
		if r, ok := strings.CutPrefix(rest, "月"); ok {
			rest, month = r, true
		}
		if month && !afterYear(text[:n.Start]) && !dayAfter(rest) && !afterMonth(text, keep, n) {
			continue
		}
		keep = append(keep, n)
	}
	return keep
}

// afterYear reports whether s ends with a year: digits or numerals and 年
// (2014年, 二〇一四年), not 每年 or 今年 ("each year", "this year").
func afterYear(s string) bool {
	s, ok := strings.CutSuffix(strings.TrimRight(s, " "), "年")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " "))
	return unicode.IsDigit(r) || strings.ContainsRune("〇零一二三四五六七八九", r)
}

// afterMonth reports whether n follows a month of a date kept, joined by
// one short word (2014年3月和4月, 2014年4月至8月).
func afterMonth(text string, kept []Number, n Number) bool {
	if len(kept) == 0 {
		return false
	}
	last := kept[len(kept)-1]
	mEnd := last.End
	if strings.HasPrefix(text[mEnd:], "月") {
		mEnd += len("月")
	} else if !strings.HasSuffix(last.Text, "月") {
		return false
	}
	between := text[mEnd:n.Start]
	return between != "" && utf8.RuneCountInString(between) <= 2 && !strings.ContainsAny(between, "0123456789")
}

// dayAfter reports whether s starts with a day: digits or Chinese numerals
// and 日 or 号.
func dayAfter(s string) bool {
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r) && !strings.ContainsRune("〇零一二两三四五六七八九十", r) {
			break
		}
		i += w
	}
	return i > 0 && (strings.HasPrefix(s[i:], "日") || strings.HasPrefix(s[i:], "号"))
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// currencyGlued reads a sum written with its currency glued to it
// ("Euro131 million", "US$4.8"), which the segmenter keeps as one word.
func currencyGlued(p *lang.Profile, text string, toks []segment.Token, i int) (Number, bool) {
	w := toks[i].In(text)
	k := 0
	for k < len(w) && (w[k] < '0' || w[k] > '9') {
		k++
	}
	if k == 0 || k == len(w) || !isCurrency(strings.ToLower(w[:k])) {
		return Number{}, false
	}
	digits := w[k:]
	for _, r := range digits {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return Number{}, false
		}
	}
	start := int(toks[i].Start) + k
	n := Number{Key: segment.NumberKey(digits), Start: start, End: int(toks[i].End), Role: Amount}
	n.Key, n.End = scaled(p, text, toks, i, n.Key, n.End)
	n.Text = text[n.Start:n.End]
	return n, n.Key != ""
}

// digitsGlued reads the digits that end a word of letters as a number of
// a name: "G77", "HFC23", and the "post2015" of a source that lost its
// hyphen (other versions write "G-77", "ГФУ-23", "post-2015", where the
// number is read too).
func digitsGlued(text string, t segment.Token) (Number, bool) {
	w := t.In(text)
	k := len(w)
	for k > 0 && w[k-1] >= '0' && w[k-1] <= '9' {
		k--
	}
	if k == 0 || k == len(w) {
		return Number{}, false
	}
	for _, r := range w[:k] {
		if !unicode.IsLetter(r) {
			return Number{}, false
		}
	}
	start := int(t.Start) + k
	return Number{Key: segment.NumberKey(w[k:]), Text: w[k:], Start: start, End: int(t.End), Role: Name}, true
}

// romanInBrackets reads the word at i as a Roman numeral when it stands
// alone in brackets, as UN texts write a session after a resolution
// number ("217 A (III)", "2200 A (XXI)"; the Arabic text writes "(د -
// 3)"). Elsewhere a Roman numeral is too often a letter or a century
// ("XXIe siècle") to be read.
func romanInBrackets(text string, toks []segment.Token, i int) (string, bool) {
	if i == 0 || i+1 >= len(toks) || toks[i-1].In(text) != "(" || toks[i+1].In(text) != ")" {
		return "", false
	}
	v := romanValue(toks[i].In(text))
	if v <= 0 {
		return "", false
	}
	return strconv.Itoa(v), true
}

// romanAfterHeading reads the word at i as a Roman numeral when it follows
// a heading word of the language: "Part XI", "article XII", "chapitre IV",
// "часть II" (the Chinese text writes 第十一部分, 第十二条).
func romanAfterHeading(p *lang.Profile, text string, toks []segment.Token, i int) (string, bool) {
	if len(p.HeadingWords) == 0 || i < 2 || toks[i-1].Kind != segment.Space || toks[i-2].Kind != segment.Word {
		return "", false
	}
	// The word first: few words are Roman numerals, and the heading
	// words' set is looked up in a sync.Map.
	w := toks[i].In(text)
	v := romanValue(w)
	if v <= 0 || len(w) == 1 && v > 10 {
		return "", false // "Annex C", "Group D": letters
	}
	if !keySet(p, "heading", p.HeadingWords)[toks[i-2].Key] {
		return "", false
	}
	return strconv.Itoa(v), true
}

// romanValue is the value of an upper-case Roman numeral in its usual
// form, or 0.
func romanValue(s string) int {
	total := 0
	for k := 0; k < len(s); k++ {
		v := romanDigit(s[k])
		if v == 0 {
			return 0
		}
		if k+1 < len(s) && romanDigit(s[k+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != s {
		return 0 // "IIII", "VX": not a numeral as written
	}
	return total
}

// romanDigit is the value of the upper-case Roman digit c, or 0.
func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for k, v := range vals {
		for n >= v {
			b.WriteString(syms[k])
			n -= v
		}
	}
	return b.String()
}

// coordinatedTimes reads as times the numbers coordinated with a time
// written the same way: "1100 and 1200 hours", "las 11.00 y las 12.00
// horas" (only the last carries the word for hours).
func coordinatedTimes(text string, out []Number) []Number {
	for i := len(out) - 2; i >= 0; i-- {
		n, t := out[i], out[i+1]
		if n.Role != Plain || t.Role != Time || t.Start-n.End > 12 || strings.Count(strings.TrimSpace(text[n.End:t.Start]), " ") > 1 {
			continue
		}
		h, m, ok := clockDigits(n.Text, t.Text)
		if !ok {
			continue
		}
		n.Key, n.Role = h, Time
		rep := []Number{n}
		if m != "" {
			rep = append(rep, Number{Key: m, Text: n.Text, Start: n.Start, End: n.End, Role: Time})
		}
		out = append(out[:i], append(rep, out[i+1:]...)...)
	}
	return out
}

// clockDigits reads s as a time of day written like the time t starts
// ("1100" like "1200 hours", "11.00" like "12.00 horas"): hour and minutes
// ("" for none).
func clockDigits(s, t string) (h, m string, ok bool) {
	shape := func(x string) string {
		var b strings.Builder
		for _, r := range x {
			switch {
			case r >= '0' && r <= '9':
				b.WriteByte('9')
			case r == '.' || r == ',' || r == ':':
				b.WriteByte('.')
			default:
				return b.String()
			}
		}
		return b.String()
	}
	sh := shape(s)
	if len(sh) != len(s) || shape(t) != sh {
		return "", "", false
	}
	var hh, mm int
	switch {
	case sh == "9999":
		v, _ := strconv.Atoi(s)
		hh, mm = v/100, v%100
	case sh == "99.99" || sh == "9.99":
		a, b, _ := strings.Cut(strings.NewReplacer(",", ".", ":", ".").Replace(s), ".")
		hh, _ = strconv.Atoi(a)
		mm, _ = strconv.Atoi(b)
	default:
		return "", "", false
	}
	if hh > 24 || mm > 59 {
		return "", "", false
	}
	h = strconv.Itoa(hh)
	if mm != 0 {
		m = strconv.Itoa(mm)
	}
	return h, m, true
}

// grouped reads a number written in space-separated digit groups starting
// at token i ("100 000", "3 250 000"). UN Arabic text often carries the
// groups in reverse ("000 250 3" for 3,250,000), an artefact of
// right-to-left layout: in Arabic that reading is accepted too, and kept as
// the alternative when both readings are possible. It returns the key, the
// alternative, where the number ends and its last token.
func grouped(p *lang.Profile, text string, toks []segment.Token, i int) (key, alt string, end, last int, ok bool) {
	parts := []string{toks[i].In(text)}
	idx := []int{i}
	for j := i; j+2 < len(toks) && isThousandsSpace(toks[j+1].In(text)) && toks[j+2].Kind == segment.Number && isDigits(toks[j+2].In(text)); j += 2 {
		parts = append(parts, toks[j+2].In(text))
		idx = append(idx, j+2)
	}
	if len(parts) < 2 || !isDigits(parts[0]) {
		// A decimal tail: "33 776 130.00".
		if len(parts) < 2 {
			return
		}
	}
	three := func(ps []string) bool {
		for _, p := range ps {
			if !isGroup(p) {
				return false
			}
		}
		return true
	}
	normal := len(parts[0]) <= 3 && three(parts[1:])
	reversed := p.ReversedGroups && len(parts[len(parts)-1]) <= 3 && three(parts[:len(parts)-1])
	join := func(ps []string) string {
		return segment.NumberKey(strings.ReplaceAll(strings.Join(ps, ""), ",", "."))
	}
	rev := make([]string, len(parts))
	for k, p := range parts {
		rev[len(parts)-1-k] = p
	}
	switch {
	case normal && reversed:
		key, alt = join(parts), join(rev)
	case normal:
		key = join(parts)
	case reversed:
		key = join(rev)
	default:
		return
	}
	last = idx[len(idx)-1]
	return key, alt, int(toks[last].End), last, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' && s[i] != ',' {
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9'
}

// isGroup reports whether a token continues a space-grouped number: three
// digits, possibly with a decimal part ("130.00" in "33 776 130.00").
func isGroup(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 3 || (len(s) > 4 && (s[3] == '.' || s[3] == ','))
}

// timeOf recognises a time of day starting at the number token i: "H:MM"
// (any language), English "H.MM a.m./p.m." and "HHMM hours". It returns the
// hour (24-hour clock) and the minutes ("" for a whole hour) as keys, and
// where the time ends.
func timeOf(p *lang.Profile, text string, toks []segment.Token, i int, next func(int) int) (h, m string, end int, ok bool) {
	t := toks[i]
	hour, min := -1, 0
	end = int(t.End)
	hoursWord := func(j int) bool {
		if j >= len(toks) {
			return false
		}
		return sharedWords().hourWords[strings.ToLower(strings.TrimSuffix(toks[j].In(text), "."))]
	}
	switch {
	case len(t.In(text)) == 5 && t.In(text)[4] == 'Z':
		// "2359Z": a UTC time.
		v, err := strconv.Atoi(t.In(text)[:4])
		if err != nil {
			return
		}
		hour, min = v/100, v%100
	case p.ReversedGroups && i >= 2 && clockNoun(p, toks[i-2].In(text)) && i+2 < len(toks) && toks[i+1].In(text) == "/" &&
		toks[i+2].Kind == segment.Number && len(t.In(text)) == 2 && len(toks[i+2].In(text)) <= 2 && integerToken(text, t) && integerToken(text, toks[i+2]):
		// "الساعة 00/10": after the word for "hour", right-to-left text
		// writes the minutes, then the hour (10:00).
		min, _ = strconv.Atoi(t.Key)
		hour, _ = strconv.Atoi(toks[i+2].Key)
		end = int(toks[i+2].End)
		if hour > 24 || min > 59 {
			return
		}
	case i+2 < len(toks) && toks[i+1].In(text) == ":" && toks[i+2].Kind == segment.Number && len(toks[i+2].In(text)) == 2:
		hour, _ = strconv.Atoi(t.Key)
		min, _ = strconv.Atoi(toks[i+2].Key)
		end = int(toks[i+2].End)
		hour, min, end = clockMark(p, text, toks, i+2, next, hour, min, end)
	case integerToken(text, t) && hoursWord(next(i)):
		// "10 ч. 00 м.", "18 h 15", "15 heures": the hour, its word, and
		// the minutes after it when there are.
		j := next(i)
		hour, _ = strconv.Atoi(t.Key)
		end = int(toks[j].End)
		k := j + 1
		if k < len(toks) && toks[k].In(text) == "." {
			end = int(toks[k].End)
			k++
		}
		if k < len(toks) && toks[k].Kind == segment.Space {
			k++
		}
		if k < len(toks) && toks[k].Kind == segment.Number && len(toks[k].In(text)) == 2 && integerToken(text, toks[k]) {
			min, _ = strconv.Atoi(toks[k].Key)
			end = int(toks[k].End)
			if m := next(k); m < len(toks) && minuteWords[strings.ToLower(toks[m].In(text))] {
				end = int(toks[m].End)
				if m+1 < len(toks) && toks[m+1].In(text) == "." {
					end = int(toks[m+1].End)
				}
			}
		}
	case p.DecimalHours && strings.Count(t.In(text), ".")+strings.Count(t.In(text), ",") == 1 && hoursWord(next(i)):
		// "12.40 horas", "15.00 heures".
		hs, ms, _ := strings.Cut(strings.ReplaceAll(t.In(text), ",", "."), ".")
		if len(ms) != 2 {
			return
		}
		hour, _ = strconv.Atoi(segment.NumberKey(hs))
		min, _ = strconv.Atoi(segment.NumberKey(ms))
		end = int(toks[next(i)].End)
	case next(i) < len(toks) && hasAnyPrefix(toks[next(i)].In(text), p.HourSuffixes):
		// "下午3时": the afternoon is written as a word before the hour.
		if !strings.Contains(t.Key, ".") && i > 0 {
			hour, _ = strconv.Atoi(t.Key)
			prev := toks[i-1].In(text)
			if hasAnySuffix(prev, p.Afternoon) && hour < 12 {
				hour += 12
			}
			end = int(t.End)
		} else {
			return
		}
	case p.Clock != nil:
		c := p.Clock
		j := next(i)
		if j >= len(toks) {
			return
		}
		w := strings.ToLower(strings.TrimSuffix(toks[j].In(text), "."))
		switch {
		case isAny(w, c.AM) || isAny(w, c.PM):
			hs, ms, _ := strings.Cut(t.In(text), ".")
			hour, _ = strconv.Atoi(segment.NumberKey(hs))
			if ms != "" {
				min, _ = strconv.Atoi(segment.NumberKey(ms))
			}
			if isAny(w, c.PM) && hour < 12 {
				hour += 12
			} else if isAny(w, c.AM) && hour == 12 {
				hour = 0
			}
			end = int(toks[j].End)
		case len(t.In(text)) == 4 && t.In(text)[0] == '0' && i >= 2 && c.At != "" && strings.EqualFold(toks[i-2].In(text), c.At):
			// "At 0300, …": a 24-hour time without "hours".
			v, _ := strconv.Atoi(t.Key)
			hour, min = v/100, v%100
			end = int(t.End)
		case c.Hours != "" && w == c.Hours && len(t.In(text)) == 4:
			v, _ := strconv.Atoi(t.Key)
			hour, min = v/100, v%100
			end = int(toks[j].End)
		default:
			return
		}
	default:
		return
	}
	hour, min = unreversed(p, hour, min)
	if hour < 0 || hour > 24 || min < 0 || min > 59 {
		return "", "", 0, false
	}
	h = strconv.Itoa(hour)
	if min != 0 {
		m = strconv.Itoa(min)
	}
	return h, m, end, true
}

// decimalKey reads the one full stop of a number as its decimal point
// ("2.779" is 2.779, not 2779), for a language that writes no thousands
// with it; key is the reading of the segmenter.
func decimalKey(text, key string) string {
	whole, frac, ok := strings.Cut(text, ".")
	if !ok || strings.ContainsAny(frac, ".,") || strings.Contains(key, ".") || !digitsOnlyASCII(frac) {
		return key
	}
	k, f := segment.NumberKey(whole), strings.TrimRight(frac, "0")
	if f == "" {
		return k
	}
	return k + "." + f
}

func digitsOnlyASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// unreversed reads back a time that right-to-left layout reversed: "الساعة
// 00:11" is 11:00.
func unreversed(p *lang.Profile, hour, min int) (int, int) {
	if p.ReversedGroups && hour == 0 && min > 0 && min <= 24 {
		return min, 0
	}
	return hour, min
}

// minuteWords follow the minutes of a time ("10 ч. 00 м.", "18 h 15 min").
var minuteWords = map[string]bool{"м": true, "мин": true, "min": true, "mn": true}

// integerToken reports whether t is digits alone (no decimal point).
func integerToken(text string, t segment.Token) bool {
	w := t.In(text)
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// clockMark reads the a.m. or p.m. after a time "6:15" whose minutes are
// the token at i.
func clockMark(p *lang.Profile, text string, toks []segment.Token, i int, next func(int) int, hour, min, end int) (int, int, int) {
	j := next(i)
	if p.Clock == nil || j >= len(toks) {
		return hour, min, end
	}
	w := strings.ToLower(strings.TrimSuffix(toks[j].In(text), "."))
	switch {
	case isAny(w, p.Clock.PM) && hour < 12:
		return hour + 12, min, int(toks[j].End)
	case isAny(w, p.Clock.AM):
		if hour == 12 {
			hour = 0
		}
		return hour, min, int(toks[j].End)
	}
	return hour, min, end
}

// nearNumber reports whether a number stands next to token i, one space
// away, or past one short word ("19 de enero de 2015", "2 апреля 2015
// года").
//
// UN Arabic writes a month twice, the Levantine name then the other joined
// by a slash ("8 كانون الثاني/يناير 2015", "تشرين الثاني/ نوفمبر"): the
// number before the month stands before the first name.
func nearNumber(text string, toks []segment.Token, i int) bool {
	for _, d := range []int{-1, 1} {
		i := i
		if d < 0 {
			i = slashedStart(text, toks, i)
		}
		j := i + 2*d
		if j >= 0 && j < len(toks) && toks[j].Kind == segment.Number {
			return true
		}
		if k := i + 4*d; k >= 0 && k < len(toks) && toks[k].Kind == segment.Number &&
			toks[j].Kind == segment.Word && utf8.RuneCountInString(toks[j].In(text)) <= 3 {
			return true
		}
	}
	return false
}

// slashedStart returns the first token of the one or two words joined to
// the word at i by a slash before it ("كانون الثاني/يناير"), or i.
func slashedStart(text string, toks []segment.Token, i int) int {
	j := i - 1
	if j >= 0 && toks[j].Kind == segment.Space {
		j--
	}
	if j < 1 || toks[j].In(text) != "/" || toks[j-1].Kind != segment.Word {
		return i
	}
	start := j - 1
	if k := start - 2; k >= 0 && toks[k].Kind == segment.Word && toks[k+1].Kind == segment.Space && len(toks[k+1].In(text)) == 1 {
		start = k
	}
	return start
}

// scaled applies a scale word that follows the number token at i (after at
// most one space) and returns the new key and end offset.
func scaled(p *lang.Profile, text string, toks []segment.Token, i int, key string, end int) (string, int) {
	j := i + 1
	for j < len(toks) && int(toks[j].Start) < end {
		j++
	}
	if j < len(toks) && toks[j].Kind == segment.Space {
		j++
	}
	if j >= len(toks) || toks[j].Kind != segment.Word {
		return key, end
	}
	w := strings.ToLower(toks[j].In(text))
	scales := sharedWords().scales
	m, ok := scales[w]
	if !ok && p.ScaleInWord {
		// The segmenter may keep the scale with what follows (万美元), or
		// after a word for "more than" ("200多万"): look at the first
		// characters, the longest scale first.
		if p.ApproxPrefix != "" {
			w = strings.TrimPrefix(w, p.ApproxPrefix)
		}
		for _, pre := range sharedWords().prefixes[p.Code] {
			if strings.HasPrefix(w, pre) {
				m, ok = scales[pre], true
				break
			}
		}
	}
	if !ok {
		return key, end
	}
	v, err := strconv.ParseFloat(key, 64)
	if err != nil {
		return key, end
	}
	// 8.7亿 is 870 million exactly, not 869999999.9999999.
	x := v * m
	if r := math.Round(x); math.Abs(x-r) < 1e-6*math.Max(1, math.Abs(x)) {
		x = r
	}
	return strconv.FormatFloat(x, 'f', -1, 64), end
}

func isThousandsSpace(s string) bool {
	return s == " " || s == "\u00a0" || s == "\u202f" || s == "\u2009"
}

// scalePrefixes returns the language's own scale words, longest first.
func scalePrefixes(p *lang.Profile) []string {
	out := make([]string, 0, len(p.Scales))
	for w := range p.Scales {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

func isAny(w string, set []string) bool {
	for _, s := range set {
		if w == s {
			return true
		}
	}
	return false
}

func hasAnyPrefix(w string, set []string) bool {
	for _, s := range set {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

func hasAnySuffix(w string, set []string) bool {
	for _, s := range set {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
