package driftcheck

import (
	"slices"
	"testing"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
)

// TestOrdinalWords reads numbers written in words in each language; the
// values were worked out by hand.
func TestOrdinalWords(t *testing.T) {
	chk := New(lexicon.Default())
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "before its forty-third session and at its fortieth meeting, in the twenty-first century", []string{"43", "40"}},
		{"en", "Twenty-eight session, the hundredth anniversary", []string{"28", "100"}},
		{"en", "first, second and third reports; the ninth meeting", nil}, // below ten: not read
		{"fr", "avant sa quarante-troisième session, à sa vingt et unième séance, la soixante-dixième, la quatre-vingt-dixième", []string{"43", "21", "70", "90"}},
		{"fr", "au XXIe siècle, la dix-septième réunion et la quatre-vingtième session, la cent trente et unième", []string{"17", "80", "131"}},
		{"es", "antes de su cuadragésimo tercer período de sesiones, la vigésima primera reunión, el decimotercer informe", []string{"43", "21", "13"}},
		{"ru", "до начала его сорок третьей сессии, на двадцать первом заседании, сороковой доклад, сто тридцать первой", []string{"43", "21", "40", "131"}},
		{"ru", "в двадцать первом веке", nil},
		{"ru", "третьей сессии и второго доклада", nil},
		{"ar", "قبل دورته الثالثة والأربعين، وفي جلسته الحادية والعشرين، والدورة الثانية عشرة", []string{"43", "21", "12"}},
		{"ar", "في القرن الحادي والعشرين", nil},
		{"ar", "في الأعوام الأربعة والعشرين، الساعة العاشرة", []string{"24"}},
		{"ru", "в шестидесятых годах", nil},
		{"ar", "كانون الثاني/يناير والدورة الثالثة", []string{"1"}}, // the month only
		{"zh", "在人权理事会第四十三届会议之前，第二十一次会议，二〇一八年三月，七十周年，第一次，二十一世纪", []string{"43", "21", "2018", "3", "70"}},
		{"zh", "统一和一切的第一步之一", nil},
	}
	for _, c := range cases {
		d := document.Parse([]extract.Paragraph{{Text: c.text}}, "x."+c.lang, c.lang)
		side := chk.Annotate(d)
		var got []string
		for _, n := range side.Paras[0].Numbers {
			got = append(got, n.Key)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: numbers %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

func TestChineseValue(t *testing.T) {
	for s, want := range map[string]int{"十": 10, "十三": 13, "四十三": 43, "一百零五": 105, "两千": 2000, "二十": 20, "一百": 100} {
		if v, ok := chineseValue(s); !ok || v != want {
			t.Errorf("chineseValue(%q) = %d, %v; want %d", s, v, ok, want)
		}
	}
	if v, ok := chineseValue("一二"); ok {
		t.Errorf("chineseValue(一二) = %d, want not a numeral", v)
	}
}
