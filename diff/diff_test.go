package diff_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
)

func segmenter() *segment.Segmenter {
	segOnce.Do(func() { seg = segment.New([]string{"互利合作", "合作共赢"}) })
	return seg
}

func ops(lang, a, b string) []diff.Op {
	s := segmenter()
	return diff.Tokens(a, b, s.Tokens(lang, a), s.Tokens(lang, b))
}

func TestTokens(t *testing.T) {
	tests := []struct {
		desc      string
		lang      string
		a, b      string
		want      string // the changes, as "kind:old→new[E]" joined by " "
		editorial bool   // every change is editorial
	}{
		{"identical", "en", "Calls upon all States;", "Calls upon all States;", "", false},
		{"word inserted", "en", "upon the request of and in accordance", "upon the request of, with the full participation of and in accordance",
			"insert:→, with the full participation of", false},
		{"word replaced", "en", "Calls upon all States", "Urges all States", "replace:Calls upon→Urges", false},
		{"word deleted", "en", "all relevant stakeholders", "all stakeholders", "delete:relevant →", false},
		{"Chinese term swapped, whole words", "zh", "促进人权领域的互利合作", "促进人权领域的合作共赢", "replace:互利合作→合作共赢", false},
		{"full-width comma", "zh", "重申宣言，并回顾", "重申宣言,并回顾", "replace:，→,[E]", true},
		{"space inside Han text (PDF line break)", "zh", "家庭和社会", "家 庭和社会", "replace:家庭→家 庭[E]", true},
		{"curly and straight quotes", "en", `the "Charter"`, "the \u201cCharter\u201d", "replace:\"→\u201c[E] replace:\"→\u201d[E]", true},
		{"NFC and NFD", "fr", "la coopération", "la coope\u0301ration", "replace:coopération→coope\u0301ration[E]", true},
		{"double space", "en", "to remain seized", "to remain  seized", "replace: →  [E]", true},
		{"full-width digit", "zh", "第37届", "第３７届", "replace:37→３７[E]", true},
		{"traditional characters, the same words", "zh", "促进人权领域的互利合作。", "促進人權領域的互利合作。",
			"replace:促进人权领域→促進人權領域[E]", true},
		{"traditional characters and a term swapped", "zh", "促进人权领域的互利合作。", "促進人權領域的合作共贏。",
			"replace:促进人权领域→促進人權領域[E] replace:互利合作→合作共贏", false},
		{"traditional characters and a word inserted after them", "zh", "联合国大会，", "聯合國大會重申，",
			"replace:联合国大会→聯合國大會[E] insert:→重申", false},
		{"traditional characters and a word inserted", "zh", "促进国际合作", "促進區域國際合作",
			"replace:促进→促進[E] insert:→區域 replace:国际→國際[E]", false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got := ops(tt.lang, tt.a, tt.b)
			if r := diff.Apply(tt.a, tt.b, got); r != tt.b {
				t.Fatalf("Apply(%+q → %+q) = %+q", tt.a, tt.b, r)
			}
			var parts []string
			allEd := true
			for _, op := range diff.Changes(got) {
				p := op.Kind.String() + ":" + tt.a[op.A0:op.A1] + "→" + tt.b[op.B0:op.B1]
				if op.Editorial {
					p += "[E]"
				} else {
					allEd = false
				}
				parts = append(parts, p)
			}
			if s := strings.Join(parts, " "); s != tt.want {
				t.Errorf("Tokens(%+q, %+q) changes %+q, want %+q", tt.a, tt.b, s, tt.want)
			}
			if len(parts) > 0 && allEd != tt.editorial {
				t.Errorf("Tokens(%+q, %+q): all editorial = %v, want %v", tt.a, tt.b, allEd, tt.editorial)
			}
		})
	}
}

func TestEditorialKey(t *testing.T) {
	same := [][2]string{
		{"，", ","},                     // U+FF0C FULLWIDTH COMMA
		{"「x」", `"x"`},                 // U+300C/U+300D CORNER BRACKETS
		{"a\u00a0b", "ab"},             // U+00A0 NO-BREAK SPACE
		{"e\u0301", "é"},               // NFD vs NFC
		{"ＡＢＣ", "ABC"},                 // full-width Latin
		{"North–South", "North-South"}, // U+2013 EN DASH
		{"聯合國大會", "联合国大会"},             // traditional and simplified characters
		{"爲了", "为了"},                   // OpenCC's standard form
		{"為了", "为了"},                   // Taiwan's
	}
	for _, p := range same {
		if diff.EditorialKey(p[0]) != diff.EditorialKey(p[1]) {
			t.Errorf("EditorialKey(%+q) != EditorialKey(%+q)", p[0], p[1])
		}
	}
	differ := [][2]string{{"互利合作", "合作共赢"}, {"2018", "2019"}, {"shall", "should"}, {"聯合國大會", "联合国安理会"}}
	for _, p := range differ {
		if diff.EditorialKey(p[0]) == diff.EditorialKey(p[1]) {
			t.Errorf("EditorialKey(%+q) == EditorialKey(%+q), want different", p[0], p[1])
		}
	}
}

// FuzzTokens: no panic; operations cover both texts in order with offsets
// on rune boundaries, and applying them to a yields b.
func FuzzTokens(f *testing.F) {
	f.Add("en", "Calls upon all States to uphold multilateralism", "Calls upon States to uphold, inter alia, multilateralism")
	f.Add("zh", "促进人权领域的互利合作，构建人类命运共同体", "促进人权领域的合作共赢,构建 人类命运共同体")
	f.Add("zh", "促进人权领域的互利合作，构建人类命运共同体", "促進人權領域的合作共贏，構建人類命運共同體")
	f.Add("fr", "l'homme et la coopération", "l’homme et la coope\u0301ration")
	f.Add("en", "", "x")
	f.Fuzz(func(t *testing.T, lang, a, b string) {
		if lang != "zh" {
			lang = "en"
		}
		got := ops(lang, a, b)
		if r := diff.Apply(a, b, got); r != b {
			t.Fatalf("Apply(%+q → %+q) = %+q", a, b, r)
		}
		pa, pb := 0, 0
		for _, op := range got {
			if op.A0 != pa || op.B0 != pb || op.A1 < op.A0 || op.B1 < op.B0 {
				t.Fatalf("ops do not cover the texts in order: %+v after %d/%d", op, pa, pb)
			}
			if utf8.ValidString(a) && utf8.ValidString(b) {
				for _, o := range []int{op.A0, op.A1} {
					if o < len(a) && !utf8.RuneStart(a[o]) {
						t.Fatalf("offset %d in %+q not on a rune boundary", o, a)
					}
				}
				for _, o := range []int{op.B0, op.B1} {
					if o < len(b) && !utf8.RuneStart(b[o]) {
						t.Fatalf("offset %d in %+q not on a rune boundary", o, b)
					}
				}
			}
			if op.Kind == diff.Equal && a[op.A0:op.A1] != b[op.B0:op.B1] {
				t.Fatalf("equal op over different text %+q / %+q", a[op.A0:op.A1], b[op.B0:op.B1])
			}
			pa, pb = op.A1, op.B1
		}
		if pa != len(a) || pb != len(b) {
			t.Fatalf("ops end at %d/%d, texts are %d/%d bytes", pa, pb, len(a), len(b))
		}
	})
}
