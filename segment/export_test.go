package segment

import "github.com/driftcheck/driftcheck/lang"

// UAX29Tokens cuts text with the full UAX #29 iterator alone, without the
// fast path of appendWords: the reference the fast cut must agree with.
func UAX29Tokens(code, text string) []Token {
	w := wordCutter{prof: lang.Of(code), text: text, cache: keys.lang(code)}
	w.st = w.prof.Stem
	w.slow(0, len(text))
	return w.toks
}

// WithAllUserWords returns a segmenter like s whose Chinese dictionaries
// hold every user word, as before they were filtered by the texts.
func WithAllUserWords(s *Segmenter) *Segmenter {
	return &Segmenter{userWords: s.userWords, users: s.users, allUsers: true, texts: s.texts}
}
