package segment

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/clipperhouse/uax29/v2/words"
	"github.com/go-ego/gse"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/driftcheck/driftcheck/internal/wordcache"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/segment/zhconv"
	"github.com/driftcheck/driftcheck/segment/zhdict"
)

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters or ideographs
	Number             // starts with a digit (any script's decimal digits)
	Punct              // punctuation and symbols
	Space              // white space
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Space:
		return "space"
	}
	return "?"
}

// Token is one word, number, punctuation mark or run of space.
// Start and End are byte offsets into the paragraph text (see In). Key is
// the normalised form used for matching: NFKC, case folded and stemmed for
// words; digits only (separators removed) for numbers; for Chinese words,
// NFKC in simplified characters (聯合國 has the key 联合国).
//
// A token is 32 bytes with a single pointer: a document has one token every
// three bytes or so, and their size and the pointers the collector has to
// follow were half the cost of cutting (BenchmarkTokens, 56-byte tokens with
// the text as a second string: 1.2-1.6x slower). Offsets are 32-bit: the
// readers refuse files of more than 64 MiB and 256 MiB decompressed, and
// Tokens panics on a text of 2 GiB or more, which no reader produces.
type Token struct {
	Key        string
	Start, End int32
	Kind       Kind
}

// In returns the token's text: text[t.Start:t.End], where text is the
// paragraph it was cut from.
func (t Token) In(text string) string { return text[t.Start:t.End] }

// mkToken returns the token text[a:b] (Tokens has checked that offsets fit
// in 32 bits).
func mkToken(a, b int, key string, kind Kind) Token {
	return Token{Start: int32(a), End: int32(b), Key: key, Kind: kind}
}

// IsContent reports whether the token takes part in matching (words and
// numbers; not punctuation or space).
func (t Token) IsContent() bool { return t.Kind == Word || t.Kind == Number }

// Segmenter cuts paragraphs into tokens. It is safe for concurrent use.
//
// Chinese needs a dictionary. Rather than building gse's half a million
// words at every start (seconds and hundreds of megabytes), a segmenter
// builds gse over the words that occur in the texts it will cut: see
// ForTexts. The cut is the one gse makes with its whole stock dictionary
// (package zhdict explains why), plus the user words.
type Segmenter struct {
	userWords []string
	users     *userWords // userWords indexed, shared with the segmenters of ForTexts
	// allUsers puts every user word in the dictionary, not only those that
	// occur in the texts (for the test that the cut is the same).
	allUsers bool
	texts    []string // the Chinese texts the dictionary was built for

	zhOnce sync.Once
	zh     *gse.Segmenter
}

// UserWordFreq is the frequency given to lexicon terms added to the Chinese
// dictionary: high enough that a term is preferred to its parts, low enough
// (against a total of about 5.3e7) not to distort the rest of the cut.
const UserWordFreq = 1e5

// New returns a segmenter. chineseWords are added to the Chinese dictionary
// as whole words (normally every Chinese rendering of the loaded lexicons).
func New(chineseWords []string) *Segmenter {
	w := make([]string, 0, len(chineseWords))
	for _, s := range chineseWords {
		s = strings.TrimSpace(s)
		if s != "" {
			w = append(w, norm.NFKC.String(s))
		}
	}
	return &Segmenter{userWords: w, users: &userWords{raw: w}}
}

// ForTexts returns a segmenter with the same user words whose Chinese
// dictionary covers texts: Chinese text given to its Tokens should be among
// them (other Chinese text is still cut, with only the words the texts
// share). A segmenter made by New, which has no texts, builds a dictionary
// for each Chinese text it is given; ForTexts builds one for a whole
// document or set of documents.
func (s *Segmenter) ForTexts(texts ...string) *Segmenter {
	if texts == nil {
		texts = []string{}
	}
	n := &Segmenter{userWords: s.userWords, users: s.users, allUsers: s.allUsers, texts: texts}
	n.zhOnce.Do(n.loadZh)
	return n
}

// LoadChinese builds the Chinese dictionary now rather than on first use.
func (s *Segmenter) LoadChinese() error {
	s.zhOnce.Do(s.loadZh)
	return nil
}

func (s *Segmenter) loadZh() {
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	seg.Dict = gse.NewDict()
	seg.Init()
	// Traditional text is cut in simplified characters (see Tokens): the
	// dictionary covers the texts as they are cut.
	keyed := make([]string, 0, len(s.texts))
	for _, t := range s.texts {
		keyed = append(keyed, zhconv.Key(t))
	}
	// Only the user words that occur in the texts go in the dictionary:
	// the others cannot be part of the cut. What they would have added to
	// the dictionary's total frequency is added as one entry that no Han
	// text matches, so that the path costs, and the cut, are the same.
	var users []string
	absent := 0
	switch {
	case s.users == nil || s.allUsers:
		for _, w := range s.userWords {
			users = append(users, zhconv.Key(w))
		}
	default:
		users, absent = s.users.occurring(keyed)
	}
	entries, sum := zhdict.Subset(append(keyed, users...)...)
	for _, e := range entries {
		_ = seg.AddToken(e.Word, e.Freq)
	}
	// The rest of gse's total frequency, as one entry that no Han text can
	// match: the path costs are then those of the whole dictionary.
	if rest := zhdict.Total - sum; rest > 0 {
		_ = seg.AddToken("\ue000\ue000", rest)
	}
	for _, w := range users {
		_ = seg.AddToken(w, UserWordFreq)
	}
	if absent > 0 {
		_ = seg.AddToken("\ue000\ue001", float64(absent)*UserWordFreq)
	}
	seg.CalcToken()
	s.zh = seg
}

// Tokens cuts text, written in lang (an ISO 639-1 code such as "en" or "zh";
// "" for unknown), into tokens covering every byte of text. text must be
// shorter than 2 GiB.
func (s *Segmenter) Tokens(lang, text string) []Token {
	if len(text) > math.MaxInt32 {
		panic(fmt.Sprintf("segment: text of %d bytes: offsets must fit in 32 bits", len(text)))
	}
	if isCJKLang(lang) && s.texts == nil {
		// No texts given: a dictionary for this text alone.
		return s.ForTexts(text).Tokens(lang, text)
	}
	// The tokens are cut into a scratch slice, then copied into one of
	// their exact length: the tokens of a document stay alive as long as
	// its check, and room left for tokens an estimate expected was a
	// quarter of their memory (half of it for Chinese).
	sp := tokenScratch.Get().(*[]Token)
	toks := s.cut(lang, text, (*sp)[:0])
	out := append(newTokens(len(toks)), toks...)
	if cap(toks) <= maxScratch {
		clear(toks) // drop the keys the scratch would keep alive
		*sp = toks[:0]
	}
	tokenScratch.Put(sp)
	return out
}

// tokenScratch holds the slices Tokens cuts into before copying, and
// maxScratch the largest capacity it keeps (a paragraph of thousands of
// tokens gets a slice of its own).
var tokenScratch = sync.Pool{New: func() any { return new([]Token) }}

const maxScratch = 1 << 14

// cut appends the tokens of text, in lang, to toks (s has its Chinese
// texts if lang needs them).
func (s *Segmenter) cut(lang, text string, toks []Token) []Token {
	if cap(toks) == 0 {
		toks = make([]Token, 0, tokenEstimate(lang, text))
	}
	if isCJKLang(lang) {
		s.zhOnce.Do(s.loadZh)
		// Traditional characters are cut and keyed in simplified ones:
		// conv has the offsets of text (zhconv.Key), so the cut of a
		// traditional text is that of its simplified twin, and its tokens
		// get the keys the lexicon's renderings have.
		conv := zhconv.Key(text)
		// Han runs go to gse, the rest (Latin symbols, digits, punctuation)
		// to the Unicode word breaker.
		hanRuns(text, func(a, b int, han bool) {
			toks = s.appendRun(toks, lang, text, conv, a, b, han)
		})
		return toks
	}
	return appendWords(toks, lang, text, 0, len(text))
}

// hanRuns calls fn with each run text[a:b] of Han characters or of none,
// in order.
func hanRuns(text string, fn func(a, b int, han bool)) {
	start := 0
	inHan := false
	for i, r := range text {
		h := isHan(r)
		if i == 0 {
			inHan = h
			continue
		}
		if h != inHan {
			fn(start, i, inHan)
			start, inHan = i, h
		}
	}
	if len(text) > 0 {
		fn(start, len(text), inHan)
	}
}

// tokenBlocks hands out token slices carved from larger blocks: most
// paragraphs are a sentence or two, and one allocation for many of them
// costs less than one each. A carved slice has its capacity capped, so an
// append beyond it allocates afresh and never touches a neighbour.
var tokenBlocks = sync.Pool{New: func() any { return new([]Token) }}

const tokenBlock = 2048

func newTokens(n int) []Token {
	if n > tokenBlock/4 {
		return make([]Token, 0, n)
	}
	bp := tokenBlocks.Get().(*[]Token)
	b := *bp
	if cap(b)-len(b) < n {
		b = make([]Token, 0, tokenBlock)
	}
	out := b[len(b) : len(b) : len(b)+n]
	*bp = b[:len(b)+n]
	tokenBlocks.Put(bp)
	return out
}

// tokenEstimate is the capacity to give a new scratch slice for the tokens
// of text: Chinese has about one token every three bytes; space-separated
// text a word and a space for each space, and a mark every few words. Too
// little costs a copy of the slice, too much a larger allocation (Cyrillic
// and Arabic words are twice as many bytes as Latin ones).
func tokenEstimate(lang, text string) int {
	if isCJKLang(lang) {
		return len(text)/3 + 4
	}
	sp := strings.Count(text, " ")
	return 2*sp + sp/3 + 8
}

// appendRun appends the tokens of text[start:end], a run of Han characters
// or of none; conv is text keyed (zhconv.Key), with the same offsets, and
// Han runs are cut and keyed in it.
func (s *Segmenter) appendRun(toks []Token, lang, text, conv string, start, end int, han bool) []Token {
	if !han {
		return appendWords(toks, lang, text, start, end)
	}
	run := conv[start:end]
	// Han text is almost always NFKC already (compatibility ideographs
	// are rare): normalise token by token only when the run needs it.
	normal := norm.NFKC.IsNormalString(run)
	for _, sg := range s.zh.Segment([]byte(run)) {
		a, b := start+sg.Start(), start+sg.End()
		t := conv[a:b]
		k := t
		if !normal {
			k = norm.NFKC.String(t)
		}
		toks = append(toks, mkToken(a, b, k, Word))
	}
	return toks
}

// appendWords appends the tokens of text[start:end], cut at Unicode word
// boundaries (UAX #29). Most of UN text is plain words between single
// spaces; those are cut by a scanner that knows only letters, spaces and a
// few punctuation marks whose boundaries UAX #29 fixes without context, and
// everything else (digits, apostrophes, full stops, symbols, rare scripts)
// goes to the full UAX #29 iterator, from one sure boundary to the next.
// TestFastCutIsUAX29 checks the two agree on the devset in every language.
func appendWords(toks []Token, code, text string, start, end int) []Token {
	w := wordCutter{toks: toks, prof: lang.Of(code), text: text, cache: keys.lang(code)}
	w.st = w.prof.Stem
	i := start
	for i < end {
		c := text[i]
		if c == ' ' {
			j := i + 1
			for j < end && text[j] == ' ' {
				j++
			}
			if j == end || startsPlain(text, j) {
				w.toks = append(w.toks, mkToken(i, j, text[i:j], Space))
				i = j
				continue
			}
		} else if j := letterRun(text, i, end); j > i && (j == end || text[j] == ' ' && (j+1 == end || startsPlain(text, j+1)) || safeMark(text, j) > 0) {
			w.word(i, j)
			i = j
			continue
		} else if n := safeMark(text, i); j == i && n > 0 && (i+n == end || startsPlain(text, i+n)) {
			// A lone mark such as "," or ")" or "«" is a token of its own.
			w.toks = append(w.toks, mkToken(i, i+n, text[i:i+n], Punct))
			i += n
			continue
		}
		// The full rules, up to the next sure boundary: a space that is
		// followed by plain text (no combining mark to attach to it).
		k := i + 1
		for k < end && !(text[k] == ' ' && text[k-1] != ' ' && (k+1 == end || startsPlain(text, k+1))) {
			k++
		}
		w.slow(i, k)
		i = k
	}
	return w.toks
}

// startsPlain reports whether text[i:] starts with an ASCII character or a
// letter of letterRun: something no preceding character joins to.
func startsPlain(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return plainLetter(r)
}

// safeMark returns the length of the mark at text[i] when it is always a
// word boundary on both sides, else 0: "," ";" and the Arabic comma are
// MidNum (they join digits only), the others are Other. Full stops, colons
// and apostrophes may join letters ("U.N", "l'homme") and are handled by
// letterRun or the full rules.
func safeMark(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		switch c {
		case ',', ';', '(', ')', '[', ']', '"', '!', '?':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '،', '؟', '«', '»', '“', '”', '—', '–', '¿', '¡':
		return n
	}
	return 0
}

// letterRun returns the end of the run of plain letters that starts at i (i
// itself when text[i] is none): ASCII letters, Latin-1 and Latin Extended
// letters, Cyrillic and Arabic letters, with their combining marks after the
// first letter.
func letterRun(text string, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				j++
				continue
			}
			// Between two letters an apostrophe, a full stop or a colon
			// does not break a word (UAX #29 WB6, WB7): "l'homme", "U.N".
			if (c == '\'' || c == '.' || c == ':') && j > i && j+1 < end && startsLetter(text, j+1) {
				j++
				continue
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(text[j:end])
		if plainLetter(r) || j > i && plainMark(r) {
			j += n
			continue
		}
		if (r == '’' || r == '·') && j > i && j+n < end && startsLetter(text, j+n) {
			j += n
			continue
		}
		return j
	}
	return j
}

// startsLetter reports whether text[i:] starts with a letter of letterRun.
func startsLetter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return plainLetter(r)
}

// plainLetter reports whether r is a letter of the scripts the fast cut
// handles (Word_Break ALetter).
func plainLetter(r rune) bool {
	switch {
	case r < 0xC0:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x400 && r <= 0x481, r >= 0x48A && r <= 0x52F:
		return true
	case r >= 0x621 && r <= 0x63A, r >= 0x641 && r <= 0x64A, r >= 0x671 && r <= 0x6D3:
		return true
	}
	return false
}

// plainMark reports whether r is a combining mark that stays with the
// letter before it (Word_Break Extend): Latin, Cyrillic and Arabic
// diacritics.
func plainMark(r rune) bool {
	return r >= 0x300 && r <= 0x36F || r >= 0x483 && r <= 0x489 || r >= 0x64B && r <= 0x65F || r == 0x670
}

// wordCutter holds what appendWords needs for each word.
type wordCutter struct {
	toks  []Token
	prof  *lang.Profile
	text  string
	st    stemmer
	env   *snowballstem.Env
	cache *langCache
}

// slow cuts text[a:b] with the full UAX #29 rules.
func (w *wordCutter) slow(a0, b0 int) {
	text := w.text
	it := words.FromString(text[a0:b0])
	for it.Next() {
		a, b := a0+it.Start(), a0+it.End()
		t := text[a:b]
		switch classify(t) {
		case Word:
			w.word(a, b)
		case Number:
			w.toks = append(w.toks, mkToken(a, b, NumberKey(t), Number))
		default:
			k := t
			if !isASCII(t) {
				k = norm.NFKC.String(t)
			}
			w.toks = append(w.toks, mkToken(a, b, k, classify(t)))
		}
	}
}

// word appends the word text[a:b] with its key.
func (w *wordCutter) word(a, b int) {
	text := w.text
	if w.prof.Elisions != nil {
		// Elision: French "l'homme" is two words, "l'" and "homme".
		if n := elision(w.prof.Elisions, text[a:b]); n > 0 {
			w.toks = append(w.toks, mkToken(a, a+n, Fold(text[a:a+n]), Word))
			a += n
		}
	}
	t := text[a:b]
	if k, ok := w.cache.Get(t); ok {
		w.toks = append(w.toks, mkToken(a, b, k, Word))
		return
	}
	k := fold(norm.NFKC.String(t))
	k = strings.ReplaceAll(k, "’", "'")
	if w.prof.WordKey != nil {
		k = w.prof.WordKey(k)
	}
	if w.st != nil {
		if w.env == nil {
			w.env = snowballstem.NewEnv("")
		}
		w.env.SetCurrent(k)
		w.st(w.env)
		k = w.env.Current()
	}
	w.cache.Put(t, k)
	w.toks = append(w.toks, mkToken(a, b, k, Word))
}

type stemmer func(*snowballstem.Env) bool

// Fold returns the unstemmed matching form of a word: NFKC, case folded,
// with the typographic apostrophe made plain.
func Fold(s string) string {
	return strings.ReplaceAll(fold(norm.NFKC.String(s)), "’", "'")
}

// fold case-folds s, with a fast path for ASCII.
func fold(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	return cases.Fold().String(s)
}

func classify(t string) Kind {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case unicode.IsDigit(r):
		return Number
	case unicode.IsSpace(r):
		return Space
	}
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			return Word
		}
		if unicode.IsDigit(r) {
			return Number
		}
	}
	return Punct
}

// NumberKey normalises a number token: digits of any script become ASCII,
// thousands separators (comma, space, no-break space, thin space, apostrophe)
// are removed, and a trailing ordinal suffix (43rd, 1er, 2º) is dropped. A
// decimal point or comma followed by other than three digits is kept as ".".
// Leading zeros, and trailing zeros of a decimal part, are dropped.
func NumberKey(t string) string {
	k := numberKey(t)
	// "08" and "8" are one number; "0" and "0.5" keep their zero.
	for len(k) > 1 && k[0] == '0' && k[1] != '.' {
		k = k[1:]
	}
	// "77.0" and "77", "130.00" and "130" too.
	if strings.Contains(k, ".") {
		k = strings.TrimRight(k, "0")
		k = strings.TrimSuffix(k, ".")
	}
	return k
}

func numberKey(t string) string {
	t = norm.NFKC.String(t)
	var b strings.Builder
	rs := []rune(t)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if d, ok := digitValue(r); ok {
			b.WriteByte(byte('0' + d))
			continue
		}
		switch r {
		case ',', '.', '\u00a0', '\u202f', '\u2009', ' ', '\'', '٬', '٫':
			// A separator followed by exactly three digits is a thousands
			// separator; otherwise a decimal mark.
			n := 0
			for j := i + 1; j < len(rs); j++ {
				if _, ok := digitValue(rs[j]); !ok {
					break
				}
				n++
			}
			if n == 0 {
				return b.String()
			}
			if n == 3 && r != '٫' {
				continue
			}
			b.WriteByte('.')
		default:
			// Ordinal or unit suffix: the number ends here.
			return b.String()
		}
	}
	return b.String()
}

func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if unicode.IsDigit(r) {
		// Every Unicode decimal digit block is contiguous from zero.
		for z := r; z > r-10; z-- {
			if !unicode.IsDigit(z - 1) {
				return int(r - z), true
			}
		}
	}
	return 0, false
}

func isCJKLang(code string) bool { return lang.Han(code) }

func isHan(r rune) bool { return zhdict.IsHan(r) }

// elision returns the length in bytes of an elided article or pronoun
// (one of elisions) with its apostrophe at the start of the word w ("l'"
// in "l'homme", "d’" in "d’avenir"), or 0.
func elision(elisions []string, w string) int {
	i, n := -1, 0
	for k := 1; k < len(w) && k <= 7; k++ {
		if w[k] == '\'' {
			i, n = k, 1
			break
		}
		if w[k] == 0xE2 && strings.HasPrefix(w[k:], "’") {
			i, n = k, len("’")
			break
		}
	}
	if i <= 0 {
		return 0
	}
	if i+n >= len(w) {
		return 0
	}
	head := strings.ToLower(w[:i])
	for _, e := range elisions {
		if head == e {
			return i + n
		}
	}
	return 0
}

// keyCache remembers the key of each word form: UN text repeats a small
// vocabulary, and normalising, folding and stemming a word costs far more
// than a map look-up. It is shared by all segmenters (a key depends only on
// the language and the word) and stops growing at maxCached forms.
type keyCache struct {
	mu    sync.RWMutex
	langs map[string]*langCache
}

// langCache is one language's cache of word keys (see package wordcache).
type langCache = wordcache.Cache[string]

const (
	maxCached  = 1 << 18
	mergeEvery = 1 << 10
)

var keys = keyCache{langs: map[string]*langCache{}}

func (c *keyCache) lang(lang string) *langCache {
	c.mu.RLock()
	lc := c.langs[lang]
	c.mu.RUnlock()
	if lc != nil {
		return lc
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if lc = c.langs[lang]; lc == nil {
		lc = wordcache.New[string](maxCached, mergeEvery)
		c.langs[lang] = lc
	}
	return lc
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
