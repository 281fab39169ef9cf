package segment_test

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/segment"
)

// fastCutCases are texts where a fast cut could go wrong: marks that join
// letters or digits, combining marks after spaces, soft hyphens, tatweel.
var fastCutCases = []string{
	"U.N. and the Human Rights Council, (A/HRC/37/L.36); 1,000.5 or 5,5!",
	"l'homme d’avenir, aujourd'hui « coopération » mutuellement bénéfique",
	"a:b a·b can't e\u0301 \u0301x  \u0301  double  spaces\ttab",
	"co\u00adoperation naïve × ÷ ß ǅ ȷ ɐ",
	"взаимовыгодного сотрудничества, (ёлка) Ѐ҃ ҈x ԯ",
	"التعاون المربح للجانبين، ومع بـــــناء الأمم المتحدة؛ ١٢٣ ٤٫٥ اَلتَّعَاوُنُ",
	"x,5 5,x ;5; \"quoted\" [brackets] ?!",
	"a.b.c a..b a.1 1.a a'b' 'a a:b: a·b l’homme x’ ’x «guillemets» ¿qué? ¡sí! — – “q”",
	"التعاون، والتنمية؛ هل؟ ،التعاون ١٢،٣ ٣،x",
	"",
	" ",
	"   leading and trailing   ",
}

func TestFastCutIsUAX29(t *testing.T) {
	check := func(lang, text string) {
		t.Helper()
		got := segment.New(nil).Tokens(lang, text)
		want := segment.UAX29Tokens(lang, text)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("%s %q: token %d = %+v, UAX #29 gives %+v", lang, text, i, got[i], want[i])
					return
				}
			}
			t.Errorf("%s %q: %d tokens, UAX #29 gives %d", lang, text, len(got), len(want))
		}
	}
	for _, lang := range []string{"en", "fr", "es", "ru", "ar"} {
		for _, s := range fastCutCases {
			check(lang, s)
		}
	}
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skipf("../shared not found (%s): the devset part of the comparison is skipped", dir)
	}
	docs := corpus.DevsetOrSkip(t)
	n := 0
	for _, d := range docs {
		for _, lang := range []string{"en", "fr", "es", "ru", "ar"} {
			for _, l := range d.Lines[lang] {
				check(lang, l)
				n++
			}
		}
	}
	t.Logf("%d devset lines cut alike", n)
}

func FuzzFastCut(f *testing.F) {
	for _, s := range fastCutCases {
		f.Add("en", s)
		f.Add("ar", s)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		got := segment.New(nil).Tokens(lang, text)
		want := segment.UAX29Tokens(lang, text)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if lang == "zh" || len(lang) > 2 && lang[:3] == "zh-" {
			return // Han text goes to gse
		}
		if !utf8.ValidString(text) {
			// Texts reach the segmenter as valid UTF-8 (extract refuses
			// others); the UAX #29 iterator reads invalid bytes its own way.
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %q: fast cut %+v\nUAX #29 %+v", lang, text, got, want)
		}
	})
}
