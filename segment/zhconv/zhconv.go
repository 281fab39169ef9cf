// Package zhconv converts Chinese text between traditional and simplified
// characters and tells the two scripts apart, with OpenCC's data
// (github.com/longbridgeapp/opencc v0.3.13, Apache-2.0, see NOTICE).
//
// The tables are made by go generate (internal/gen) from OpenCC's
// dictionaries: TSCharacters and TSPhrases (traditional to simplified),
// STCharacters and STPhrases (simplified to traditional). A conversion takes,
// at each character, the longest phrase of the table that starts there,
// else the character's own entry, and writes the first candidate: OpenCC's
// t2s and s2t.
//
// ToSimplified keeps every byte offset: its table holds only the entries
// whose characters are Han and map to Han characters of the same UTF-8
// length (824 rare characters of the supplementary planes whose simplified
// form has another length are left as they are), so text[i:j] and
// ToSimplified(text)[i:j] are the same characters in the two scripts, and a
// run of Han characters stays a run of Han characters.
package zhconv

//go:generate go run ./internal/gen

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

var (
	//go:embed ts_chars.txt
	tsChars string
	//go:embed ts_phrases.txt
	tsPhrases string
	//go:embed st_chars.txt
	stChars string
	//go:embed st_phrases.txt
	stPhrases string
)

// table is one direction of conversion.
type table struct {
	chars map[rune]rune
	// others holds the other candidates of each character.
	others  map[rune][]rune
	phrases map[string]string
	// longest is, for each character that starts a phrase, the byte
	// length of its longest phrase.
	longest map[rune]int
}

func parse(chars, phrases string) *table {
	t := &table{chars: map[rune]rune{}, others: map[rune][]rune{}, phrases: map[string]string{}, longest: map[rune]int{}}
	for _, line := range strings.Split(chars, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		a, _ := utf8.DecodeRuneInString(f[0])
		b, _ := utf8.DecodeRuneInString(f[1])
		if a != b {
			t.chars[a] = b
		}
		for _, o := range f[2:] {
			r, _ := utf8.DecodeRuneInString(o)
			t.others[a] = append(t.others[a], r)
		}
	}
	for _, line := range strings.Split(phrases, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		k := f[0]
		t.phrases[k] = f[1]
		r, _ := utf8.DecodeRuneInString(k)
		t.longest[r] = max(t.longest[r], len(k))
	}
	return t
}

// convert applies t to s: at each character the longest phrase starting
// there, else the character's entry.
func (t *table) convert(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if l, ok := t.longest[r]; ok {
			if v, m := t.phrase(s[i:], l); m > 0 {
				b.Grow(len(s))
				b.WriteString(s[done:i])
				b.WriteString(v)
				i += m
				done = i
				continue
			}
		}
		if c, ok := t.chars[r]; ok {
			b.Grow(len(s))
			b.WriteString(s[done:i])
			b.WriteRune(c)
			done = i + n
		}
		i += n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// phrase returns the conversion of the longest phrase of at most l bytes
// that s starts with, and its length in s (0 when none).
func (t *table) phrase(s string, l int) (string, int) {
	j := min(l, len(s))
	for j < len(s) && !utf8.RuneStart(s[j]) {
		j--
	}
	for j > 0 {
		if v, ok := t.phrases[s[:j]]; ok {
			return v, j
		}
		_, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
	}
	return "", 0
}

// Char classes, for Detect and Key.
const (
	neither  uint8 = iota
	tradOnly       // a traditional character that simplified text does not use
	tradAlso       // a traditional character with a simplified form that simplified text also uses (乾, 於)
	simpOnly       // a simplified character with a traditional form that traditional text does not use
)

var (
	loadOnce sync.Once
	t2s, s2t *table
	// dense holds the class of U+3400 to U+9FFF (the CJK blocks of nearly
	// every character of UN text), class that of the others.
	dense [0xA000 - 0x3400]uint8
	class map[rune]uint8
)

func classOf(r rune) uint8 {
	if r < 0x3400 {
		return neither
	}
	if r < 0xA000 {
		return dense[r-0x3400]
	}
	return class[r]
}

func load() {
	loadOnce.Do(func() {
		t2s = parse(tsChars, tsPhrases)
		s2t = parse(stChars, "")
		// The characters simplified text writes: those with a traditional
		// form, and every candidate of a traditional character (乾 is 干 or
		// 乾).
		simplified := map[rune]bool{}
		for r := range s2t.chars {
			simplified[r] = true
		}
		for _, v := range t2s.chars {
			simplified[v] = true
		}
		for _, vs := range t2s.others {
			for _, v := range vs {
				simplified[v] = true
			}
		}
		class = map[rune]uint8{}
		set := func(r rune, c uint8) {
			if r >= 0x3400 && r < 0xA000 {
				dense[r-0x3400] = c
			} else {
				class[r] = c
			}
		}
		for r := range t2s.chars {
			if simplified[r] {
				set(r, tradAlso)
			} else {
				set(r, tradOnly)
			}
		}
		for r := range s2t.chars {
			if _, ok := t2s.chars[r]; !ok {
				set(r, simpOnly)
			}
		}
	})
}

var (
	stOnce sync.Once
	s2tAll *table
)

// ToSimplified converts s to simplified characters (OpenCC t2s, within the
// offset-keeping table): the result has the length of s, with each
// character at the same byte offset.
func ToSimplified(s string) string {
	load()
	return t2s.convert(s)
}

// ToTraditional converts s to traditional characters in OpenCC's standard
// forms (OpenCC s2t: 爲, 裏, 綫 rather than Taiwan's 為, 裡, 線). The result
// may differ from s in length.
func ToTraditional(s string) string {
	stOnce.Do(func() { s2tAll = parse(stChars, stPhrases) })
	return s2tAll.convert(s)
}

// Script is the script of a Chinese text.
type Script uint8

// Scripts.
const (
	Unknown     Script = iota // no character tells, or as many of each
	Simplified                // more simplified-only characters than traditional-only ones
	Traditional               // more traditional-only characters than simplified-only ones
)

func (s Script) String() string {
	return [...]string{"unknown", "simplified", "traditional"}[s]
}

// Detect tells the script of s from the characters only one of the two
// writes: 为, 这, 国 are simplified; 為 or 爲, 這, 國 traditional. Most
// characters (人, 和, 平) are both and do not count.
func Detect(s string) Script {
	load()
	trad, simp := counts(s)
	switch {
	case trad > simp:
		return Traditional
	case simp > trad:
		return Simplified
	}
	return Unknown
}

func counts(s string) (trad, simp int) {
	for _, r := range s {
		switch classOf(r) {
		case tradOnly:
			trad++
		case simpOnly:
			simp++
		}
	}
	return trad, simp
}

// Key returns the simplified form of s that words are matched by. Text
// written in traditional characters (Detect) is converted whole
// (ToSimplified); in other text only the traditional-only characters are
// (a traditional name quoted in simplified text), so that a simplified text
// keeps the characters it shares with traditional text (乾隆 is not made
// 干隆). Text without a traditional-only character is returned as it is,
// after one look at each character. Like ToSimplified, Key keeps every byte
// offset.
func Key(s string) string {
	load()
	has := false
	for _, r := range s {
		if classOf(r) == tradOnly {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	if trad, simp := counts(s); trad > simp {
		return t2s.convert(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if classOf(r) == tradOnly {
			r = t2s.chars[r]
		}
		b.WriteRune(r)
	}
	return b.String()
}
