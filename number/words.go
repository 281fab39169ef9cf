package number

import (
	"strconv"
	"strings"
	"sync"

	"github.com/driftcheck/driftcheck/internal/wordcache"
	"github.com/driftcheck/driftcheck/lang"
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
func ordinalWords(p *lang.Profile, text string, bodyStart int, toks []segment.Token) []Number {
	if p.Numerals != nil {
		var out []Number
		for _, s := range p.Numerals(text[bodyStart:]) {
			a, b := bodyStart+s.Start, bodyStart+s.End
			n := Number{Key: s.Value, Text: text[a:b], Start: a, End: b}
			if s.Percent {
				n.Role = Percent
			}
			out = append(out, n)
		}
		return out // Find sorts them with the others
	}
	parse := p.Ordinal
	if parse == nil {
		return nil
	}
	var facts *wordcache.Cache[wordFacts]
	if p.OrdinalFirst != nil {
		facts = factsOf(p)
	}
	var out []Number
	for i := 0; i < len(toks); i++ {
		if int(toks[i].Start) < bodyStart || toks[i].Kind != segment.Word {
			continue
		}
		if facts != nil && !factOf(p, facts, toks[i].In(text)).ordinalFirst {
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
			if v, ok := parse(words[:n]); ok && v >= lang.MinOrdinal {
				if nearCentury(text, toks, i, idx[n-1]) || i >= 2 && clockNoun(p, toks[i-2].In(text)) {
					// "twenty-first century" is "XXIe siècle", "siglo XXI",
					// "XXI века": Roman numerals, not read. "الساعة
					// العاشرة" is ten o'clock, read as a time elsewhere.
					i = idx[n-1]
					break
				}
				a, b := toks[i].Start, toks[idx[n-1]].End
				out = append(out, Number{Key: strconv.Itoa(v), Text: text[a:b], Start: int(a), End: int(b)})
				i = idx[n-1]
				break
			}
		}
	}
	return out
}

// countedWords reads the number words that count a noun of the language's
// CountNouns or number one of its SessionNouns: "three years", "trois
// ans", "the first session", "الدورة الأولى" are numbers, "three of them"
// and "a year" are not. A word of a compound
// ("twenty-five years") is left to the others; spans already read (skip)
// are not read again.
func countedWords(p *lang.Profile, text string, bodyStart int, toks []segment.Token, skip []Number) []Number {
	if len(p.CountNouns) == 0 && len(p.SessionNouns) == 0 {
		return nil
	}
	set := wordsOf(p)
	counted, sessions, firsts := keySet(p, "count", p.CountNouns), keySet(p, "session", p.SessionNouns), keySet(p, "first", p.FirstWords)
	word := func(j int) (string, bool) {
		if j < 0 || j >= len(toks) || toks[j].Kind != segment.Word {
			return "", false
		}
		return toks[j].Key, true
	}
	joined := func(j int) bool { // toks[j] is one space or a hyphen
		return j >= 0 && j < len(toks) && (toks[j].In(text) == " " || toks[j].In(text) == "-")
	}
	var out []Number
	for i := segment.From(toks, bodyStart); i < len(toks); i++ {
		w, ok := word(i)
		if !ok {
			continue
		}
		v, ok := set[w]
		if !ok || v < 1 || v != float64(int(v)) || covered(skip, int(toks[i].Start)) {
			continue
		}
		counts := false
		// The number before its unit ("three years", "ثلاث سنوات"); an
		// ordinal before or after its session ("first session", "الدورة
		// الأولى"; "يوم الاثنين" is Monday, not two days).
		for _, d := range []int{-2, 2} {
			n, ok := word(i + d)
			if !ok || !joined(i+d/2) {
				continue
			}
			if _, isNum := set[n]; isNum {
				counts = false // a compound
				break
			}
			// "a year" and "one year" are alike: one counts a session only.
			counts = counts || d > 0 && v > 1 && counted[n] || (v > 1 || firsts[w]) && sessions[n]
		}
		if counts {
			out = append(out, Number{Key: strconv.Itoa(int(v)), Text: toks[i].In(text), Start: int(toks[i].Start), End: int(toks[i].End)})
		}
	}
	return out
}

func covered(ns []Number, at int) bool {
	for _, n := range ns {
		if n.Start <= at && at < n.End {
			return true
		}
	}
	return false
}

// clockNoun reports whether w is one of the language's nouns for "hour"
// (by its key).
func clockNoun(p *lang.Profile, w string) bool {
	if len(p.ClockNouns) == 0 {
		return false
	}
	if p.WordKey != nil {
		w = p.WordKey(w)
	}
	return isAny(w, p.ClockNouns)
}

func nearCentury(text string, toks []segment.Token, first, last int) bool {
	for _, j := range []int{first - 2, last + 2} {
		if j >= 0 && j < len(toks) && sharedWords().centuries[normWord(toks[j].In(text))] {
			return true
		}
	}
	return false
}

func normWord(w string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(w), "ё", "е"), "’", "'")
}

// wordFacts are what the reading of numbers asks of every word, and
// remembers per language (factsOf): UN text repeats a small vocabulary,
// and folding, lower-casing and stemming each word again cost more than
// the rest of the reading. Both are computed when a word is first seen
// (both are asked of nearly every word); one cache for both keeps each
// word once.
type wordFacts struct {
	// month is p.Month of the word in lower case (1–12; 0: none, or p
	// has no month names).
	month uint8
	// ordinalFirst is p.OrdinalFirst of the word as ordinalWords reads it
	// (normWord; false if p has none).
	ordinalFirst bool
}

// factOf returns the facts of the word w in p's language, from c, p's
// cache (factsOf), or computed and remembered there.
func factOf(p *lang.Profile, c *wordcache.Cache[wordFacts], w string) wordFacts {
	if f, ok := c.Get(w); ok {
		return f
	}
	var f wordFacts
	if p.Month != nil {
		if m := p.Month(strings.ToLower(w)); m > 0 {
			f.month = uint8(m) // 1–12, as lang.Profile says
		}
	}
	if p.OrdinalFirst != nil {
		f.ordinalFirst = p.OrdinalFirst(normWord(w))
	}
	c.Put(w, f)
	return f
}

// factsCacheSize is the most words a language's cache of facts keeps.
const factsCacheSize = 1 << 16

var factCaches sync.Map // *lang.Profile → *wordcache.Cache[wordFacts]

// factsOf returns p's cache of word facts. A paragraph's reading looks it
// up once, not once a word: the look-up in the sync.Map was a tenth of the
// reading's time.
func factsOf(p *lang.Profile) *wordcache.Cache[wordFacts] {
	c, _ := factCaches.Load(p)
	if c == nil {
		c, _ = factCaches.LoadOrStore(p, wordcache.New[wordFacts](factsCacheSize, 1<<10))
	}
	return c.(*wordcache.Cache[wordFacts])
}
