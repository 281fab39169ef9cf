package segment

// UAX29Tokens cuts text with the full UAX #29 iterator alone, without the
// fast path of appendWords: the reference the fast cut must agree with.
func UAX29Tokens(lang, text string) []Token {
	w := wordCutter{lang: lang, text: text, cache: keys.lang(lang)}
	if f := stemmers[lang]; f != nil {
		w.st = f
	}
	w.slow(0, len(text))
	return w.toks
}
