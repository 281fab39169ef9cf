package number

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"

	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment"
	"github.com/driftcheck/driftcheck/segment/zhconv"
)

var (
	numberWordsMu sync.Mutex
	numberWords   = map[string]map[string]float64{} // language → its number words (keys) and their values
)

// wordsOf returns the number words of a language by token key (the key
// the segmenter gives the word: folded, stemmed), with their values (0 when
// two words of one key differ in value).
func wordsOf(p *lang.Profile) map[string]float64 {
	numberWordsMu.Lock()
	defer numberWordsMu.Unlock()
	if m, ok := numberWords[p.Code]; ok {
		return m
	}
	m := map[string]float64{}
	for w, v := range p.NumberWords {
		k := tokenKey(p, w)
		if old, ok := m[k]; ok && old != v {
			v = 0
		}
		m[k] = v
	}
	numberWords[p.Code] = m
	return m
}

var (
	keySegOnce sync.Once
	keySeg     *segment.Segmenter
)

// tokenKey is the key the segmenter gives the word w in the language, so
// that a word of the text is looked up by its token's Key.
func tokenKey(p *lang.Profile, w string) string {
	keySegOnce.Do(func() { keySeg = segment.New(nil) })
	if !p.Han {
		if toks := keySeg.Tokens(p.Code, w); len(toks) == 1 && toks[0].Kind == segment.Word {
			return toks[0].Key
		}
	}
	return wordKey(p, w)
}

// keySet returns words as a set of token keys, built once per list.
func keySet(p *lang.Profile, name string, words []string) map[string]bool {
	return keySetBy(p, name, words, tokenKey)
}

// keySetBy is keySet with the key of each word given by key; the sets are
// built once and read without a lock.
func keySetBy(p *lang.Profile, name string, words []string, key func(*lang.Profile, string) string) map[string]bool {
	id := setID{p, name}
	if m, ok := keySets.Load(id); ok {
		return m.(map[string]bool)
	}
	m := map[string]bool{}
	for _, w := range words {
		m[key(p, w)] = true
	}
	got, _ := keySets.LoadOrStore(id, m)
	return got.(map[string]bool)
}

type setID struct {
	p    *lang.Profile
	name string
}

var keySets sync.Map // setID → map[string]bool

func wordKey(p *lang.Profile, w string) string {
	w = strings.ToLower(w)
	if p.WordKey != nil {
		w = p.WordKey(w)
	}
	if p.Stem != nil {
		// The cases and genders of one number word are one: "пятом",
		// "пятый" and "пять" are 5, "troisième" and "troisièmes" 3.
		env := snowballstem.NewEnv(w)
		p.Stem(env)
		w = env.Current()
	}
	return w
}

// hanCounted is a Chinese numeral that counts something: before a measure
// word or after 第 (三年, 两个, 第三次), or that numbers an annex or an
// alternative (附件一, annex 1).
var hanCounted = regexp.MustCompile(`第[〇零一二两三四五六七八九十百千]|(?:附件|附录|备选方案)[一二三四五六七八九十]|[〇零一二两三四五六七八九十百千万亿]+[年个次项名倍届周岁天月日位国份种条款章节段]`)

// HasWords reports whether a paragraph (its text and tokens, after
// bodyStart) writes a number in letters: a number word of the language
// ("two", "trois", "дважды"), or a numeral that counts something in a
// language with numerals of its own (三年). A number on one side only of a
// pair may stand for it.
func HasWords(code, text string, bodyStart int, toks []segment.Token) bool {
	return len(WordsAt(code, text, bodyStart, toks)) > 0
}

// Word is a number written in letters.
type Word struct {
	At    int     // byte offset in the text
	Value float64 // 0 when not known: a compound ("twenty-five"), a Chinese numeral
}

// WordsAt returns the numbers written in letters that HasWords looks for,
// in text order. Number words next to each other, or joined by a
// conjunction, are a compound whose value is not worked out.
func WordsAt(code, text string, bodyStart int, toks []segment.Token) []Word {
	p := lang.Of(code)
	var out []Word
	if p.NumeralChars != "" && bodyStart <= len(text) {
		// Measure words are matched in simplified characters: 十國 is
		// 十国 (the key keeps every byte offset).
		keyed := text
		if k := zhconv.Key(text); len(k) == len(text) {
			keyed = k
		}
		for _, m := range hanCounted.FindAllStringIndex(keyed[bodyStart:], -1) {
			w := Word{At: bodyStart + m[0]}
			digits := strings.TrimFunc(keyed[bodyStart+m[0]:bodyStart+m[1]], func(r rune) bool { return !strings.ContainsRune(p.NumeralChars, r) })
			if v, ok := lang.HanNumber(digits); ok {
				w.Value = float64(v)
			}
			out = append(out, w)
		}
	}
	if set := wordsOf(p); len(set) > 0 {
		prev := -10 // token index of the last number word
		for i := segment.From(toks, bodyStart); i < len(toks); i++ {
			t := toks[i]
			if t.Kind != segment.Word {
				continue
			}
			v, ok := set[t.Key]
			if !ok {
				continue
			}
			if i-prev == 2 || i-prev == 4 && p.Conjunctions[strings.ToLower(toks[i-2].In(text))] {
				v = 0
				out[len(out)-1].Value = 0
			}
			out = append(out, Word{At: int(t.Start), Value: v})
			prev = i
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}
