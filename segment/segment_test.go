package segment_test

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/segment"
)

// The Chinese dictionary takes a second or two to build: one segmenter is
// shared by every test of the package.
var (
	segOnce sync.Once
	seg     *segment.Segmenter
)

var userWords = []string{"合作共赢", "互利合作", "构建人类命运共同体"}

func shared(tb testing.TB) *segment.Segmenter {
	tb.Helper()
	segOnce.Do(func() {
		seg = segment.New(userWords)
		if err := seg.LoadChinese(); err != nil {
			panic(err)
		}
	})
	return seg
}

func texts(text string, toks []segment.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.In(text)
	}
	return out
}

// contentKeys returns the keys of the words and numbers of toks.
func contentKeys(toks []segment.Token) []string {
	var out []string
	for _, t := range toks {
		if t.IsContent() {
			out = append(out, t.Key)
		}
	}
	return out
}

// checkCover checks that toks cover text contiguously, each token's Text
// being its slice of text, with offsets on rune boundaries when text is
// valid UTF-8.
func checkCover(t *testing.T, lang, text string, toks []segment.Token) {
	t.Helper()
	if text == "" {
		if len(toks) != 0 {
			t.Errorf("Tokens(%q, %+q) = %+q, want no tokens", lang, text, texts(text, toks))
		}
		return
	}
	if len(toks) == 0 {
		t.Fatalf("Tokens(%q, %+q) = no tokens, want tokens covering the text", lang, text)
	}
	if toks[0].Start != 0 {
		t.Errorf("Tokens(%q, %+q): first token starts at %d, want 0", lang, text, toks[0].Start)
	}
	if end := toks[len(toks)-1].End; int(end) != len(text) {
		t.Errorf("Tokens(%q, %+q): last token ends at %d, want %d", lang, text, end, len(text))
	}
	valid := utf8.ValidString(text)
	for i, tok := range toks {
		if tok.Start >= tok.End || tok.Start < 0 || int(tok.End) > len(text) {
			t.Errorf("Tokens(%q, %+q)[%d] = [%d:%d], empty or outside the text", lang, text, i, tok.Start, tok.End)
			continue
		}
		if i > 0 && toks[i-1].End != tok.Start {
			t.Errorf("Tokens(%q, %+q): token %d ends at %d, token %d starts at %d", lang, text, i-1, toks[i-1].End, i, tok.Start)
		}
		if valid && (!utf8.ValidString(text[:tok.Start]) || !utf8.ValidString(text[tok.Start:tok.End])) {
			t.Errorf("Tokens(%q, %+q)[%d] = [%d:%d] %+q, not on rune boundaries", lang, text, i, tok.Start, tok.End, tok.In(text))
		}
	}
}

func TestChineseUserWords(t *testing.T) {
	s := shared(t)
	tests := []struct {
		desc, text, word string
	}{
		{"win-win cooperation at the end of a sentence", "促进人权领域的合作共赢", "合作共赢"},
		{"mutually beneficial cooperation at the end of a sentence", "促进人权领域的互利合作", "互利合作"},
		{"user word in the middle", "通过互利合作加强人权技术援助", "互利合作"},
		{"long user word", "以期构建人类命运共同体，", "构建人类命运共同体"},
		{"user word followed by a full-width comma", "坚持合作共赢，促进人权", "合作共赢"}, // U+FF0C FULLWIDTH COMMA
	}
	for _, tt := range tests {
		toks := s.Tokens("zh", tt.text)
		checkCover(t, "zh", tt.text, toks)
		found := false
		for _, tok := range toks {
			if tok.In(tt.text) == tt.word {
				found = true
				if tok.Kind != segment.Word || tok.Key != tt.word {
					t.Errorf("%s: token %+q has kind %s, key %+q; want word, %+q", tt.desc, tok.In(tt.text), tok.Kind, tok.Key, tt.word)
				}
			}
		}
		if !found {
			t.Errorf("%s: Tokens(zh, %+q) = %+q, want %+q as one token", tt.desc, tt.text, texts(tt.text, toks), tt.word)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	s := shared(t)
	tests := []struct {
		desc, lang, text string
	}{
		{"Chinese", "zh", "认识到必须推动建立以相互尊重、公平、正义和互利合作为基础的国际关系，以期构建人人享有人权的人类命运共同体，"},
		{"Chinese with Latin symbol and digits", "zh", "A/HRC/37/L.36号决议"},
		{"Chinese with full-width digits", "zh", "第３７届会议２０１８年"},
		{"Chinese with spaces", "zh", " 人权 理事会\u3000第三十七届 "}, // U+3000 IDEOGRAPHIC SPACE
		{"zh-Hans tag", "zh-Hans", "人权理事会"},
		{"English", "en", "Calls upon all States to uphold multilateralism and to work together to promote mutually beneficial cooperation in the field of human rights;"},
		{"English with symbol and numbers", "en", "Recalling resolution A/HRC/RES/37/23 of 23 March 2018, adopted by 28 votes to 1,000."},
		{"English with typographic apostrophe and NBSP", "en", "the Council’s 43rd\u00a0session"}, // U+2019, U+00A0
		{"mixed Chinese in English mode", "en", "A/HRC/37/L.36号决议"},
		{"Arabic", "ar", "وينبغي أن يكون التعاون الذي تستفيد منه جميع الأطراف هدفا أساسيا من أهداف سياسات الدول الأعضاء في معالجة الشؤون الدولية."},
		{"Arabic with Arabic-Indic digits and shadda", "ar", "١ - الحوار البنّاء"},
		{"Russian", "ru", "Беспроигрышное сотрудничество должно стать главной программной целью государств-членов в решении международных дел."},
		{"French", "fr", "coopération dont tout le monde puisse sortir gagnant"},
		{"unknown language", "", "mixed 人权 text"},
		{"combining marks (NFD)", "fr", "coope\u0301ration"}, // U+0301 COMBINING ACUTE ACCENT
	}
	for _, tt := range tests {
		toks := s.Tokens(tt.lang, tt.text)
		checkCover(t, tt.lang, tt.text, toks)
		var b strings.Builder
		for _, tok := range toks {
			b.WriteString(tok.In(tt.text))
		}
		if b.String() != tt.text {
			t.Errorf("%s: tokens of %+q join to %+q", tt.desc, tt.text, b.String())
		}
	}
}

func TestTokenKinds(t *testing.T) {
	s := shared(t)
	text := "Recalling A/HRC/37/L.36, 1,000 votes"
	toks := s.Tokens("en", text)
	type tk struct {
		Text, Key string
		Kind      segment.Kind
	}
	var got []tk
	for _, tok := range toks {
		got = append(got, tk{tok.In(text), tok.Key, tok.Kind})
	}
	want := []tk{
		{"Recalling", "recal", segment.Word}, // Snowball English: recalling → recal
		{" ", " ", segment.Space},
		{"A", "a", segment.Word},
		{"/", "/", segment.Punct},
		{"HRC", "hrc", segment.Word},
		{"/", "/", segment.Punct},
		{"37", "37", segment.Number},
		{"/", "/", segment.Punct},
		// UAX #29 joins letters across "." (WB6, WB7) and digits across
		// "." (WB11, WB12), but not a letter to a digit across ".".
		{"L", "l", segment.Word},
		{".", ".", segment.Punct},
		{"36", "36", segment.Number},
		{",", ",", segment.Punct},
		{" ", " ", segment.Space},
		{"1,000", "1000", segment.Number},
		{" ", " ", segment.Space},
		{"votes", "vote", segment.Word},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens(en, %+q) =\n%+v\nwant\n%+v", text, got, want)
	}
}

func TestKeysEnglish(t *testing.T) {
	s := shared(t)
	tests := []struct {
		desc, lang, a, b string
	}{
		{"English: case and plural", "en", "mutually beneficial cooperation", "Mutually Beneficial Cooperations"},
		{"English: upper case", "en", "win-win cooperation", "WIN-WIN COOPERATION"},
		{"English: possessive", "en", "the Council's work", "the Council’s work"}, // U+2019 RIGHT SINGLE QUOTATION MARK
		{"Russian: nominative and genitive", "ru", "взаимовыгодное сотрудничество", "взаимовыгодного сотрудничества"},
		{"Russian: instrumental", "ru", "взаимовыгодное сотрудничество", "взаимовыгодным сотрудничеством"},
		{"French: plural", "fr", "coopération mutuellement bénéfique", "coopérations mutuellement bénéfiques"},
		{"French: NFD and NFC", "fr", "coopération", "coope\u0301ration"}, // U+0301 COMBINING ACUTE ACCENT
		{"Spanish: plural", "es", "cooperación mutuamente beneficiosa", "cooperaciones mutuamente beneficiosas"},
		{"full-width Latin letters", "en", "UPR", "ＵＰＲ"}, // U+FF35 U+FF30 U+FF32 FULLWIDTH LATIN CAPITAL LETTERs
	}
	for _, tt := range tests {
		ka, kb := contentKeys(s.Tokens(tt.lang, tt.a)), contentKeys(s.Tokens(tt.lang, tt.b))
		if len(ka) == 0 || !reflect.DeepEqual(ka, kb) {
			t.Errorf("%s: keys of %+q = %+q, keys of %+q = %+q, want equal", tt.desc, tt.a, ka, tt.b, kb)
		}
	}
	// Different words keep different keys.
	if ka, kb := contentKeys(s.Tokens("en", "mutually beneficial cooperation")), contentKeys(s.Tokens("en", "win-win cooperation")); reflect.DeepEqual(ka, kb) {
		t.Errorf("keys of two different phrases are equal: %+q", ka)
	}
}

func TestNumberKey(t *testing.T) {
	tests := []struct {
		desc, in, want string
	}{
		{"plain", "37", "37"},
		{"comma thousands separator", "1,000", "1000"},
		{"two thousands separators", "1,000,000", "1000000"},
		{"NBSP thousands separator", "1\u00a0000", "1000"},        // U+00A0 NO-BREAK SPACE
		{"narrow NBSP thousands separator", "1\u202f000", "1000"}, // U+202F NARROW NO-BREAK SPACE
		{"thin space thousands separator", "1\u2009000", "1000"},  // U+2009 THIN SPACE
		{"space thousands separator", "1 000", "1000"},
		{"apostrophe thousands separator", "1'000", "1000"},
		{"full-width digits", "３７", "37"},                              // U+FF13 U+FF17 FULLWIDTH DIGITs
		{"Arabic-Indic digits", "٣٧", "37"},                            // U+0663 U+0667
		{"extended Arabic-Indic digits", "۳۷", "37"},                   // U+06F3 U+06F7
		{"Devanagari digits", "४३", "43"},                              // U+096A U+0969
		{"Arabic thousands separator", "١٬٠٠٠", "1000"},                // U+066C ARABIC THOUSANDS SEPARATOR
		{"Arabic decimal separator", "٣٫٥", "3.5"},                     // U+066B ARABIC DECIMAL SEPARATOR
		{"Arabic decimal separator before three digits", "١٫٠٠٠", "1"}, // U+066B is never a thousands separator; 1.000 = 1
		{"English ordinal", "43rd", "43"},
		{"French ordinal", "1er", "1"},
		{"masculine ordinal indicator", "2º", "2"}, // U+00BA MASCULINE ORDINAL INDICATOR
		{"decimal point", "3.5", "3.5"},
		// The doc comment: a comma followed by other than three digits is
		// a decimal mark, written ".".
		{"decimal comma", "12,5", "12.5"},
		{"decimal comma, two digits", "1,00", "1"}, // trailing decimal zeros dropped
		{"separator before four digits is decimal", "1,0000", "1"},
		// And a point followed by exactly three digits is a thousands
		// separator (European style).
		{"point before three digits is a thousands separator", "1.000", "1000"},
		{"trailing separator dropped", "10.", "10"},
		{"unit suffix dropped", "20km", "20"},
	}
	for _, tt := range tests {
		if got := segment.NumberKey(tt.in); got != tt.want {
			t.Errorf("%s: NumberKey(%+q) = %+q, want %+q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[segment.Kind]string{segment.Word: "word", segment.Number: "number", segment.Punct: "punct", segment.Space: "space", segment.Kind(9): "?"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %+q, want %+q", k, got, want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	langs := []string{"en", "zh", "fr", "ru", "ar"}
	f.Add(byte(0), "Promoting mutually beneficial cooperation, 1,000.")
	f.Add(byte(1), "促进人权领域的合作共赢，A/HRC/37/L.36号")
	f.Add(byte(1), "人\xff权 ３７")
	f.Add(byte(2), "coope\u0301ration l’État")
	f.Add(byte(3), "взаимовыгодного сотрудничества")
	f.Add(byte(4), "الحوار البنّاء ١٬٠٠٠")
	f.Add(byte(0), "a\xe4\xbab")
	f.Fuzz(func(t *testing.T, l byte, text string) {
		s := shared(t)
		lang := langs[int(l)%len(langs)]
		toks := s.Tokens(lang, text)
		checkCover(t, lang, text, toks)
	})
}

// TestTokensExactCapacity checks that the tokens of a paragraph have no
// room beyond them (they live as long as a check: room an estimate
// expected was a quarter of their memory), and that the scratch slice
// they are cut in is not shared: cutting another text leaves them as
// they were.
func TestTokensExactCapacity(t *testing.T) {
	s := shared(t)
	texts := []struct{ lang, text string }{
		{"en", "The General Assembly, recalling its resolution 70/1 of 25 September 2015, decides to convene a high-level meeting."},
		{"fr", "L’Assemblée générale, rappelant sa résolution 70/1 du 25 septembre 2015, décide de convoquer une réunion de haut niveau."},
		{"ru", "Генеральная Ассамблея, ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,"},
		{"zh", "大会回顾其2015年9月25日第70/1号决议，决定召开一次高级别会议。"},
		{"en", ""},
	}
	var all [][]segment.Token
	var want [][]segment.Token
	for _, x := range texts {
		toks := s.Tokens(x.lang, x.text)
		if cap(toks) != len(toks) {
			t.Errorf("%s %q: %d tokens in a slice of capacity %d", x.lang, x.text, len(toks), cap(toks))
		}
		all = append(all, toks)
		want = append(want, append([]segment.Token(nil), toks...))
	}
	for i := range all {
		if !slices.Equal(all[i], want[i]) {
			t.Errorf("%s %q: tokens changed by the cuts after them", texts[i].lang, texts[i].text)
		}
	}
}
