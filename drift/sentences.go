package drift

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a part of a paragraph's text, in bytes.
type span struct{ start, end int }

// minSentence is the fewest letters and digits a sentence or clause must
// have to stand alone; a shorter piece ("(a)", "Yes.") joins the next one
// (the last one joins the one before). Han characters count three.
const minSentence = 12

// sentences cuts text[from:] into sentences and clauses: after a full stop,
// question or exclamation mark, and after a semicolon, in each script
// (。？！； in Chinese, ؛ and ؟ in Arabic). A Latin full stop ends a
// sentence only when a space follows and the next word does not start with
// a lower-case letter or a digit, and not after an abbreviation ("para.",
// "No.", "e.g.", "Mr.", an initial); digits and symbols ("1.5",
// "A/RES/70.1") have no space after their dot. Closing quotation marks and
// brackets stay with the sentence they close. The spans cover the text
// from the first letter to the last mark, spaces between them left out.
func sentences(text string, from int) []span {
	var out []span
	start := from
	for i := from; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		end := -1
		switch r {
		case '。', '？', '！', '；', '؛', '؟', '!', '?', ';':
			end = i + n
		case '.':
			if sentenceDot(text, i) {
				end = i + n
			}
		}
		i += n
		if end < 0 {
			continue
		}
		// Closing marks stay with the sentence.
		for end < len(text) {
			c, m := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(closing, c) {
				break
			}
			end += m
		}
		// A Latin mark needs a space (or the end) after it.
		if r < 0x3000 && r != '؛' && r != '؟' && end < len(text) {
			c, _ := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsSpace(c) {
				continue
			}
		}
		out = append(out, span{start, end})
		start, i = end, end
	}
	if start < len(text) {
		out = append(out, span{start, len(text)})
	}
	// Trim spaces, drop empty pieces, join short ones.
	var res []span
	for _, s := range out {
		for s.start < s.end {
			c, m := utf8.DecodeRuneInString(text[s.start:])
			if !unicode.IsSpace(c) {
				break
			}
			s.start += m
		}
		for s.end > s.start {
			c, m := utf8.DecodeLastRuneInString(text[:s.end])
			if !unicode.IsSpace(c) {
				break
			}
			s.end -= m
		}
		if s.start == s.end {
			continue
		}
		if k := len(res); k > 0 && weight(text[res[k-1].start:res[k-1].end]) < minSentence {
			res[k-1].end = s.end
			continue
		}
		res = append(res, s)
	}
	if k := len(res); k > 1 && weight(text[res[k-1].start:res[k-1].end]) < minSentence {
		res[k-2].end = res[k-1].end
		res = res[:k-1]
	}
	return res
}

// closing are the closing quotation marks and brackets.
const closing = "\"'”’»」』）)]】》"

// weight counts the letters and digits of s, a Han character as three.
func weight(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			n += 3
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		}
	}
	return n
}

// abbreviations end with a full stop that does not end a sentence (lower
// case, without the stop). Words with a stop inside ("e.g.", "i.e.",
// "U.S.") and single letters (initials) are abbreviations anyway.
var abbreviations = map[string]bool{
	// English
	"para": true, "paras": true, "no": true, "nos": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"art": true, "arts": true, "vol": true, "vols": true, "pp": true, "cf": true, "op": true, "cit": true,
	"corr": true, "rev": true, "add": true, "suppl": true, "chap": true, "sect": true, "sec": true, "st": true,
	"jr": true, "inc": true, "ltd": true, "co": true, "approx": true, "incl": true, "viz": true, "vs": true,
	"al": true, "etc": true, "fig": true, "ed": true, "eds": true, "res": true, "doc": true,
	"prof": true, "gen": true, "amb": true, "hon": true, "sess": true, "ibid": true, "resp": true,
	// French, Spanish
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "par": true, "réf": true, "nº": true,
	"sr": true, "sra": true, "sres": true, "srta": true, "párr": true, "núm": true, "pág": true, "págs": true,
	"cap": true, "dra": true, "excmo": true, "av": true, "ss": true, "sig": true, "ej": true,
	// Russian
	"п": true, "пп": true, "ст": true, "г": true, "гг": true, "см": true, "т": true, "тыс": true, "млн": true,
	"млрд": true, "руб": true, "долл": true, "стр": true, "с": true, "рез": true, "гн": true, "г-н": true,
	"г-жа": true, "им": true, "др": true, "пр": true, "англ": true, "франц": true, "исп": true, "кит": true,
}

// sentenceDot reports whether the full stop at text[i] may end a sentence.
func sentenceDot(text string, i int) bool {
	// The word before the stop.
	j := i
	for j > 0 {
		c, m := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(c) && c != '.' && c != '-' && c != 'º' {
			break
		}
		j -= m
	}
	w := text[j:i]
	if w != "" {
		if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 || abbreviations[strings.ToLower(w)] {
			return false
		}
	}
	// The next word, after the closing marks.
	k := i + 1
	for k < len(text) {
		c, m := utf8.DecodeRuneInString(text[k:])
		if !strings.ContainsRune(closing, c) {
			break
		}
		k += m
	}
	after := k
	for k < len(text) {
		c, m := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(c) {
			break
		}
		k += m
	}
	if k == after && k < len(text) {
		return false // "70.1", "e.g.x": no space after
	}
	if k >= len(text) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(text[k:])
	return !unicode.IsLower(c) && !unicode.IsDigit(c)
}
