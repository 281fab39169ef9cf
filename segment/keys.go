package segment

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/driftcheck/driftcheck/segment/zhconv"
)

// HanKeys returns the keys of the content tokens of text, written in lang
// (a language written in Han characters), with each run of Han characters
// as one key: the key of its words joined, whatever the Chinese dictionary
// (the cut of a Han run changes where its words end, not what they are
// together). Other runs (Latin letters, digits) are cut as Tokens cuts
// them. The keys joined are those of the content tokens of Tokens joined.
func HanKeys(lang, text string) []string {
	conv := zhconv.Key(text)
	var out []string
	run := func(a, b int, han bool) {
		if !han {
			for _, t := range appendWords(nil, lang, text, a, b) {
				if t.IsContent() {
					out = append(out, t.Key)
				}
			}
			return
		}
		k := conv[a:b]
		if !norm.NFKC.IsNormalString(k) {
			k = norm.NFKC.String(k)
		}
		out = append(out, k)
	}
	hanRuns(text, run)
	return out
}

// Unaccent returns s without its combining marks (accents, the breve of
// й, the diaeresis of ё), recomposed: "développement" is "developpement".
// Applied to both a rendering and the text's words, it matches a term base
// that writes without accents.
func Unaccent(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
