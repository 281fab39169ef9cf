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
				out = append(out, Number{Key: h, Text: text[t.Start:end], Start: int(t.Start), End: end})
				if m != "" {
					out = append(out, Number{Key: m, Text: text[t.Start:end], Start: int(t.Start), End: end})
				}
				for i+1 < len(toks) && int(toks[i+1].End) <= end {
					i++
				}
				continue
			}
			n.Key, n.End = scaled(p, text, toks, i, n.Key, n.End)
			n.Text = text[n.Start:n.End]
			out = append(out, n)
		case segment.Word:
			if m, ok := monthOf(p, t.In(text)); ok {
				if ambiguous(p, m) && !nearNumber(toks, i) {
					continue
				}
				out = append(out, Number{Key: m, Text: t.In(text), Start: int(t.Start), End: int(t.End)})
			}
		}
	}
	if w := ordinalWords(p, text, bodyStart, toks); len(w) > 0 {
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

func nearNumber(toks []segment.Token, i int) bool {
	for _, d := range []int{-2, 2} {
		if j := i + d; j >= 0 && j < len(toks) && toks[j].Kind == segment.Number {
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

// ambiguous reports whether month m (a key) is one whose name is also a
// common word in the language ("may").
func ambiguous(p *lang.Profile, m string) bool {
	for _, a := range p.AmbiguousMonths {
		if strconv.Itoa(a) == m {
			return true
		}
	}
	return false
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
