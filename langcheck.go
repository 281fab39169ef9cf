package driftcheck

import (
	"errors"
	"fmt"
	"unicode"

	"github.com/driftcheck/driftcheck/extract"
	language "github.com/driftcheck/driftcheck/lang"
)

// LangMismatch says what a declared language that the text's script
// contradicts is: an error (the default) or a warning.
type LangMismatch int

const (
	// MismatchError refuses the file.
	MismatchError LangMismatch = iota
	// MismatchWarn reads it as declared and tells Checker.Warn.
	MismatchWarn
)

// ErrLangMismatch is the error of a file whose declared language its
// script contradicts ("en=" on a Chinese text).
var ErrLangMismatch = errors.New("language mismatch")

// A text's script contradicts its declared language when it has at least
// minScriptLetters letters (a line or two can be a name left untranslated),
// most in one other script and fewer than
// ownScriptShare in the language's own (a Chinese report can be 60%
// Latin letters: names, symbols and citations; a mislabelled one has
// next to none of its own).
const (
	minScriptLetters = 200
	ownScriptShare   = 0.15
)

// checkLang validates a declared or detected language: a code the checker
// knows (the official languages and those of its lexicon), written in the
// script of its text. It returns the normalised code.
func (c *Checker) checkLang(paras []extract.Paragraph, path, lang string) (string, error) {
	var extra []string
	if c.Lexicon != nil {
		extra = c.Lexicon.Languages()
	}
	norm, err := language.Check(lang, extra...)
	if err != nil {
		return "", &InputError{path, err}
	}
	want := language.Of(norm).Script
	if want == nil {
		return norm, nil // a lexicon's own language: no script known
	}
	name, n, own, total := dominantScript(paras, want)
	if total < minScriptLetters || name == nil || name.Table == want || 2*n <= total || float64(own) >= ownScriptShare*float64(total) {
		return norm, nil
	}
	err = fmt.Errorf("%w: declared %q, but %d%% of its letters are %s (a %s text?); give the right LANG= prefix, or --lang-mismatch=warn to check it as %q anyway",
		ErrLangMismatch, norm, 100*n/total, name.Name, name.Langs, norm)
	if c.LangMismatch == MismatchWarn {
		if c.Warn != nil {
			c.Warn(fmt.Sprintf("%s: %v", path, err))
		}
		return norm, nil
	}
	return "", &InputError{path, err}
}

// dominantScript counts the letters of the body text (up to 20,000) by
// script and returns the commonest of the four scripts of the official
// languages, its count, the count in script own and the count of all
// letters.
func dominantScript(paras []extract.Paragraph, own *unicode.RangeTable) (best *language.Script, n, nOwn, total int) {
	l := language.NewLetters(own, 20000)
	for _, p := range paras {
		if !p.Note {
			l.Add(p.Text)
		}
	}
	best, n = l.Dominant()
	return best, n, l.Own, l.Total
}
