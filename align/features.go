package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

// Para is what the aligner is told of one annotated paragraph: its text
// and body tokens (after its label), and the evidence already found in it.
type Para struct {
	ID, Kind string
	Lang     string
	Text     string
	// BodyStart is where the body starts in Text (after the label).
	BodyStart int
	// Tokens are the tokens of Text.
	Tokens []segment.Token
	// Numbers are the keys of its numbers, Concepts the groups (or ids)
	// of its lexicon concepts, Links the ids of its alignment anchors.
	Numbers, Concepts, Links []string
}

// ItemOf describes a paragraph for the aligner. words asks for its
// content-word keys (both documents in one language).
func ItemOf(p Para, words bool) Item {
	prof := lang.Of(p.Lang)
	it := Item{ID: p.ID, Kind: p.Kind, Numbers: p.Numbers, Links: p.Links, Concepts: p.Concepts}
	n := 0
	for _, r := range p.Text[p.BodyStart:] {
		if r != ' ' {
			n++
		}
	}
	it.Len = float64(n)
	first := segment.From(p.Tokens, p.BodyStart) // the index of the first body token
	body := p.Tokens[first:]
	for _, t := range body {
		if !t.IsContent() {
			continue
		}
		if prof.Han && t.Kind == segment.Word && lang.IsHanToken(t.In(p.Text)) {
			it.Units += float64(len([]rune(t.In(p.Text))))
		} else {
			it.Units++
		}
	}
	for k, t := range body {
		switch t.Kind {
		case segment.Word:
			// The paragraph's first word is capitalised anyway.
			if first+k > 0 && isAnchor(t.In(p.Text)) {
				it.Anchors = append(it.Anchors, strings.ToLower(t.In(p.Text)))
			}
			if prof.Cognates {
				if c := cognate(t.In(p.Text)); c != "" {
					it.Cognates = append(it.Cognates, c)
				}
			}
		case segment.Punct:
			switch t.In(p.Text) {
			case "(", "（", "[":
				it.Parens++
			case "\"", "“", "«", "「", "„", "'":
				it.Quotes++
			}
		}
	}
	if words {
		for _, t := range body {
			if t.IsContent() {
				it.Words = append(it.Words, t.Key)
			}
		}
	}
	return it
}

// isAnchor reports whether a word is likely to pass untranslated: Latin
// letters with a capital after the first letter (UNICEF, HFC), or a
// capitalised Latin word of at least four letters (a name).
func isAnchor(w string) bool {
	letters, upper := 0, 0
	first := true
	capital := false
	for _, r := range w {
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					capital = true
				}
			}
			first = false
		}
	}
	return letters >= 2 && (upper >= 2 || (capital && letters >= 4))
}

// Cyrillic words are transliterated before their cognate key is taken
// (the languages that use cognates say so in their profile, lang.Profile).
var cyrillicPairs = []string{
	"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i",
	"й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
	"у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "",
	"э", "e", "ю", "yu", "я", "ya"}

var cyrillicToLatin = strings.NewReplacer(cyrillicPairs...)

// soundAlike merges the letters that spell one sound differently across
// the languages (c/k/q, y/i, z/s, w/v, ph/f), for cognate keys only.
var soundAlike = strings.NewReplacer("ph", "f", "c", "k", "q", "k", "y", "i", "z", "s", "w", "v")

var stripAccentPairs = []string{"á", "a", "à", "a", "â", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "î", "i", "ï", "i", "ó", "o", "ô", "o", "ö", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n"}

var stripAccents = strings.NewReplacer(stripAccentPairs...)

// cognate returns the first four letters of a word of at least six,
// lower-cased, without accents, transliterated to Latin letters and with
// sound-alike letters merged, or "".
//
// It gives what cognateSlow gives (the three replacers applied to the
// whole word) but only transforms the start of the word: the first four
// letters after soundAlike come from at most eight runes before it (a
// match of soundAlike is at most two runes long), so the word's runes are
// lower-cased, stripped and transliterated one by one until nine runes
// are out, and soundAlike runs on those alone. Every pattern of
// stripAccents and cyrillicToLatin is one rune, so rune by rune is the
// same as the whole string.
func cognate(w string) string {
	if len(w) < 6 {
		return ""
	}
	var buf [48]byte
	out := buf[:0]
	runes := 0
	for _, r := range w {
		if runes >= 9 {
			break
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
			runes++
			continue
		}
		r = unicode.ToLower(r)
		if s, ok := cognateRune[r]; ok {
			out = append(out, s...)
			runes += len(s) // every replacement is ASCII
			continue
		}
		out = utf8.AppendRune(out, r)
		runes++
	}
	// soundAlike, by hand: ph → f, c q → k, y → i, z → s, w → v.
	var key [16]byte
	k, n := 0, 0
	for i := 0; i < len(out) && n < 4; {
		b := out[i]
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(out[i:])
			if !unicode.IsLetter(r) {
				return ""
			}
			k += copy(key[k:], out[i:i+size])
			i += size
			n++
			continue
		}
		switch b {
		case 'p':
			if i+1 < len(out) && out[i+1] == 'h' {
				b = 'f'
				i++
			}
		case 'c', 'q':
			b = 'k'
		case 'y':
			b = 'i'
		case 'z':
			b = 's'
		case 'w':
			b = 'v'
		}
		if !('a' <= b && b <= 'z') {
			return ""
		}
		key[k] = b
		k++
		i++
		n++
	}
	if n < 4 {
		return ""
	}
	return string(key[:k])
}

// cognateSlow is cognate by the definition, for its tests.
func cognateSlow(w string) string {
	if len(w) < 6 {
		return ""
	}
	w = soundAlike.Replace(cyrillicToLatin.Replace(stripAccents.Replace(strings.ToLower(w))))
	n := 0
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return ""
		}
		n++
		if n == 4 {
			return w[:i+len(string(r))]
		}
	}
	return ""
}

// cognateRune maps a lower-case rune to what stripAccents, then
// cyrillicToLatin, make of it (the runes neither changes are absent).
var cognateRune = func() map[rune]string {
	m := map[rune]string{}
	for _, pairs := range [][]string{stripAccentPairs, cyrillicPairs} {
		for i := 0; i < len(pairs); i += 2 {
			m[[]rune(pairs[i])[0]] = pairs[i+1]
		}
	}
	return m
}()

// OptionsFor returns the options for aligning a document in language a
// with one in b: the usual length ratio and spread of the pair (from the
// languages' profiles), and, against a language written in Han
// characters, lengths in words rather than characters. useIDs says
// whether both documents number their paragraphs alike (two recognised
// resolutions).
func OptionsFor(a, b string, useIDs bool) Options {
	pa, pb := lang.Of(a), lang.Of(b)
	opt := Options{UseIDs: useIDs, SameLang: a == b, Calibration: CalibrationFor(a, b)}
	if ra, rb := pa.LengthRatio, pb.LengthRatio; ra > 0 && rb > 0 {
		opt.ExpectedRatio = rb / ra
	}
	if !opt.SameLang {
		// The spread of a pair of translations: the larger of the two
		// languages' spreads against English.
		opt.LengthSpread = max(pa.LengthSpread, pb.LengthSpread)
		// Against Chinese, words tell more than characters.
		if (pa.Han || pb.Han) && pa.UnitRatio > 0 && pb.UnitRatio > 0 {
			opt.Units = true
			opt.UnitRatio = pb.UnitRatio / pa.UnitRatio
			opt.UnitSpread = max(pa.UnitSpread, pb.UnitSpread)
		}
	}
	return opt
}
