package driftcheck

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/segment"
)

// monthPrefixes maps the start of month names of the UN languages to the
// month number, so that "19 March 2018", "2018年3月19日" and "в марте"
// carry the same numbers. Russian and Arabic month words inflect or come in
// two series; a prefix of the lower-cased word is enough.
var monthPrefixes = map[string][]string{
	"en": {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"ru": {"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
}

// UN Arabic writes months in two series at once ("كانون الثاني/يناير");
// only the second is counted.

func monthOf(lang, word string) (string, bool) {
	w := strings.ToLower(word)
	for i, p := range monthPrefixes[lang] {
		switch {
		case lang == "ru" && p == "ма":
			if w == "май" || w == "мая" || w == "мае" {
				return fmt.Sprint(i + 1), true
			}
		case lang == "ru" && p == "март":
			if w == "март" || w == "марта" || w == "марте" {
				return fmt.Sprint(i + 1), true
			}
		case lang == "ru" || lang == "ar":
			if strings.HasPrefix(w, p) || (lang == "ar" && strings.HasSuffix(w, p)) {
				return fmt.Sprint(i + 1), true
			}
		case w == p:
			return fmt.Sprint(i + 1), true
		}
	}
	return "", false
}

// numbers returns the numbers of a paragraph after its label, normalised so
// that the language versions of one number compare equal: digits of every
// script, thousands separators (1,000 / 1 000 / 1.000), scale words
// ("4.8 million" = "480万"), month names, and times of day ("12.40 p.m.",
// "12:40", "12 h 40", "12时40分" and "1240 hours" all give 12 and 40; "3
// p.m." gives 15).
func numbers(lang string, p *document.Paragraph, toks []segment.Token) []drift.Number {
	text := p.Text
	var out []drift.Number
	next := func(i int) int { // the next token after i, past one space
		j := i + 1
		if j < len(toks) && toks[j].Kind == segment.Space {
			j++
		}
		return j
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if int(t.Start) < p.BodyStart {
			continue
		}
		switch t.Kind {
		case segment.Number:
			if t.Key == "" {
				continue
			}
			n := drift.Number{Key: t.Key, Text: t.In(text), Start: int(t.Start), End: int(t.End)}
			// "100 000": a space (or no-break space) as thousands separator
			// splits one number into several tokens. UN Arabic text often
			// carries the groups in reverse ("000 250 3" for 3,250,000),
			// an artefact of right-to-left layout: that reading is kept as
			// an alternative.
			if k, alt, end, last, ok := grouped(lang, text, toks, i); ok {
				n.Key, n.Alt, n.End = k, alt, end
				i = last
			}
			// A time of day.
			if h, m, end, ok := timeOf(lang, text, toks, i, next); ok {
				out = append(out, drift.Number{Key: h, Text: p.Text[t.Start:end], Start: int(t.Start), End: end})
				if m != "" {
					out = append(out, drift.Number{Key: m, Text: p.Text[t.Start:end], Start: int(t.Start), End: end})
				}
				for i+1 < len(toks) && int(toks[i+1].End) <= end {
					i++
				}
				continue
			}
			n.Key, n.End = scaled(lang, p.Text, toks, i, n.Key, n.End)
			n.Text = p.Text[n.Start:n.End]
			out = append(out, n)
		case segment.Word:
			if m, ok := monthOf(lang, t.In(text)); ok {
				// "may" is a month only next to a number ("1 May", "May 2018").
				if lang == "en" && m == "5" && !nearNumber(toks, i) {
					continue
				}
				out = append(out, drift.Number{Key: m, Text: t.In(text), Start: int(t.Start), End: int(t.End)})
			}
		}
	}
	if w := ordinalWords(lang, p.Text, p.BodyStart, toks); len(w) > 0 {
		out = append(out, w...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// grouped reads a number written in space-separated digit groups starting
// at token i ("100 000", "3 250 000"). UN Arabic text often carries the
// groups in reverse ("000 250 3" for 3,250,000), an artefact of
// right-to-left layout: in Arabic that reading is accepted too, and kept as
// the alternative when both readings are possible. It returns the key, the
// alternative, where the number ends and its last token.
func grouped(lang, text string, toks []segment.Token, i int) (key, alt string, end, last int, ok bool) {
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
	reversed := lang == "ar" && len(parts[len(parts)-1]) <= 3 && three(parts[:len(parts)-1])
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
func timeOf(lang, text string, toks []segment.Token, i int, next func(int) int) (h, m string, end int, ok bool) {
	t := toks[i]
	hour, min := -1, 0
	end = int(t.End)
	hoursWord := func(j int) bool {
		if j >= len(toks) {
			return false
		}
		switch strings.ToLower(strings.TrimSuffix(toks[j].In(text), ".")) {
		case "horas", "hora", "heures", "heure", "h", "hrs", "ч", "час", "часов", "часа":
			return true
		}
		return false
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
	case lang != "en" && strings.Count(t.In(text), ".")+strings.Count(t.In(text), ",") == 1 && hoursWord(next(i)):
		// "12.40 horas", "15.00 heures".
		hs, ms, _ := strings.Cut(strings.ReplaceAll(t.In(text), ",", "."), ".")
		if len(ms) != 2 {
			return
		}
		hour, _ = strconv.Atoi(segment.NumberKey(hs))
		min, _ = strconv.Atoi(segment.NumberKey(ms))
		end = int(toks[next(i)].End)
	case lang == "zh" && next(i) < len(toks) && (strings.HasPrefix(toks[next(i)].In(text), "时") || strings.HasPrefix(toks[next(i)].In(text), "点")):
		// "下午3时": the afternoon is written as a word before the hour.
		if !strings.Contains(t.Key, ".") && i > 0 {
			hour, _ = strconv.Atoi(t.Key)
			prev := toks[i-1].In(text)
			if (strings.HasSuffix(prev, "下午") || strings.HasSuffix(prev, "晚上")) && hour < 12 {
				hour += 12
			}
			end = int(t.End)
		} else {
			return
		}
	case lang == "en":
		j := next(i)
		if j >= len(toks) {
			return
		}
		w := strings.ToLower(strings.TrimSuffix(toks[j].In(text), "."))
		switch {
		case w == "a.m" || w == "p.m" || w == "am" || w == "pm":
			hs, ms, _ := strings.Cut(t.In(text), ".")
			hour, _ = strconv.Atoi(segment.NumberKey(hs))
			if ms != "" {
				min, _ = strconv.Atoi(segment.NumberKey(ms))
			}
			if w[0] == 'p' && hour < 12 {
				hour += 12
			} else if w[0] == 'a' && hour == 12 {
				hour = 0
			}
			end = int(toks[j].End)
		case len(t.In(text)) == 4 && t.In(text)[0] == '0' && i >= 2 && strings.EqualFold(toks[i-2].In(text), "at"):
			// "At 0300, …": a 24-hour time without "hours".
			v, _ := strconv.Atoi(t.Key)
			hour, min = v/100, v%100
			end = int(t.End)
		case w == "hours" && len(t.In(text)) == 4:
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

func nearNumber(toks []segment.Token, i int) bool {
	for _, d := range []int{-2, 2} {
		if j := i + d; j >= 0 && j < len(toks) && toks[j].Kind == segment.Number {
			return true
		}
	}
	return false
}

// scales are the words that multiply a number in UN texts: "$4.8 million"
// is written "480万美元" in Chinese.
var scales = map[string]float64{
	"million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
	"milliard": 1e9, "milliards": 1e9, "millón": 1e6, "millones": 1e6,
	"млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
	"مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "بليون": 1e9, "بلايين": 1e9, "مليارات": 1e9,
	"万": 1e4, "亿": 1e8, "万亿": 1e12,
}

// scaled applies a scale word that follows the number token at i (after at
// most one space) and returns the new key and end offset.
func scaled(lang, text string, toks []segment.Token, i int, key string, end int) (string, int) {
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
	m, ok := scales[w]
	if !ok && lang == "zh" {
		// gse may keep the scale with what follows (万美元), or after 多
		// ("200多万", more than two million): look at the first characters.
		w = strings.TrimPrefix(w, "多")
		for _, pre := range []string{"万亿", "亿", "万"} {
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
