package number

import (
	"regexp"
	"strings"
	"sync"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
)

var (
	numberWordsMu sync.Mutex
	numberWords   = map[string]map[string]bool{} // language → its number words (keys)
)

func wordsOf(p *lang.Profile) map[string]bool {
	numberWordsMu.Lock()
	defer numberWordsMu.Unlock()
	if m, ok := numberWords[p.Code]; ok {
		return m
	}
	m := map[string]bool{}
	for _, w := range p.NumberWords {
		m[wordKey(p, w)] = true
	}
	numberWords[p.Code] = m
	return m
}

func wordKey(p *lang.Profile, w string) string {
	w = strings.ToLower(w)
	if p.WordKey != nil {
		w = p.WordKey(w)
	}
	return w
}

// hanCounted is a Chinese numeral that counts something: before a measure
// word or after 第 (三年, 两个, 第三次).
var hanCounted = regexp.MustCompile(`第[〇零一二两三四五六七八九十百千]|[〇零一二两三四五六七八九十百千万亿]+[年个次项名倍届周岁天月日位国份种条款章节段]`)

// HasWords reports whether a paragraph (its text and tokens, after
// bodyStart) writes a number in letters: a number word of the language
// ("two", "trois", "дважды"), or a numeral that counts something in a
// language with numerals of its own (三年). A number on one side only of a
// pair may stand for it.
func HasWords(code, text string, bodyStart int, toks []segment.Token) bool {
	p := lang.Of(code)
	if p.NumeralChars != "" && bodyStart <= len(text) && hanCounted.MatchString(text[bodyStart:]) {
		return true
	}
	set := wordsOf(p)
	if len(set) == 0 {
		return false
	}
	for _, t := range toks[segment.From(toks, bodyStart):] {
		if t.Kind == segment.Word && set[wordKey(p, t.In(text))] {
			return true
		}
	}
	return false
}
