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

func monthOf(p *lang.Profile, word string) (string, bool) {
	if p.Month == nil {
		return "", false
	}
	if m := p.Month(strings.ToLower(word)); m > 0 {
		return strconv.Itoa(m), true
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
	var out []Number
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
			if v, ok := romanInBrackets(text, toks, i); ok {
				out = append(out, Number{Key: v, Text: t.In(text), Start: int(t.Start), End: int(t.End)})
				continue
			}
			if n, ok := currencyGlued(p, text, toks, i); ok {
				out = append(out, n)
				continue
			}
			if m, ok := monthOf(p, t.In(text)); ok && (!p.CapitalMonths || startsUpper(t.In(text))) {
				// A month name is a number only in a date, next to a day
				// or a year: "march" and "may" are words too, "mid-March"
				// is no date, and the Arabic verb تمارس ends like مارس.
				if !nearNumber(text, toks, i) {
					continue
				}
				out = append(out, Number{Key: m, Text: t.In(text), Start: int(t.Start), End: int(t.End), Role: Date})
			}
		}
	}
	if w := ordinalWords(p, text, bodyStart, toks); len(w) > 0 {
		out = append(out, w...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	out = coordinatedTimes(text, out)
	assignRoles(p, text, out)
	return out
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

// romanValue is the value of an upper-case Roman numeral in its usual
// form, or 0.
func romanValue(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for k := 0; k < len(s); k++ {
		v, ok := val[s[k]]
		if !ok {
			return 0
		}
		if k+1 < len(s) && val[s[k+1]] > v {
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
	case i+2 < len(toks) && toks[i+1].In(text) == ":" && toks[i+2].Kind == segment.Number && len(toks[i+2].In(text)) == 2:
		hour, _ = strconv.Atoi(t.Key)
		min, _ = strconv.Atoi(toks[i+2].Key)
		end = int(toks[i+2].End)
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
	if hour < 0 || hour > 24 || min < 0 || min > 59 {
		return "", "", 0, false
	}
	h = strconv.Itoa(hour)
	if min != 0 {
		m = strconv.Itoa(min)
	}
	return h, m, end, true
}

// nearNumber reports whether a number stands next to token i, one space
// away, or past one short word ("19 de enero de 2015", "2 апреля 2015
// года").
func nearNumber(text string, toks []segment.Token, i int) bool {
	for _, d := range []int{-1, 1} {
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
