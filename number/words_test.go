package number_test

import (
	"slices"
	"testing"

	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// TestOrdinalWords reads numbers written in words in each language; the
// values were worked out by hand.
func TestOrdinalWords(t *testing.T) {
	seg := segment.New(nil)
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "before its forty-third session and at its fortieth meeting, in the twenty-first century", []string{"43", "40"}},
		{"en", "Twenty-eight session, the hundredth anniversary", []string{"28", "100"}},
		{"en", "first, second and third reports; the ninth meeting", []string{"9"}}, // below ten: read only where they number a session or a meeting
		{"fr", "avant sa quarante-troisième session, à sa vingt et unième séance, la soixante-dixième, la quatre-vingt-dixième", []string{"43", "21", "70", "90"}},
		{"fr", "au XXIe siècle, la dix-septième réunion et la quatre-vingtième session, la cent trente et unième", []string{"17", "80", "131"}},
		{"es", "antes de su cuadragésimo tercer período de sesiones, la vigésima primera reunión, el decimotercer informe", []string{"43", "21", "13"}},
		{"ru", "до начала его сорок третьей сессии, на двадцать первом заседании, сороковой доклад, сто тридцать первой", []string{"43", "21", "40", "131"}},
		{"ru", "в двадцать первом веке", nil},
		{"ru", "третьей сессии и второго доклада", []string{"3"}}, // the third session is a number, the second report not
		{"ar", "قبل دورته الثالثة والأربعين، وفي جلسته الحادية والعشرين، والدورة الثانية عشرة", []string{"43", "21", "12"}},
		{"ar", "في القرن الحادي والعشرين", nil},
		{"ar", "في الأعوام الأربعة والعشرين، الساعة العاشرة", []string{"24"}},
		{"ru", "в шестидесятых годах", nil},
		{"ar", "كانون الثاني/يناير 2019 والدورة الثالثة", []string{"1", "2019", "3"}}, // the month (next to its year), the year and the third session
		// Small numbers in words where they count years, months, days or
		// sessions (issue: "the first session", "three years", 三年).
		{"en", "the first session, three years, for two days, three of them, twenty-five years", []string{"1", "3", "2", "25"}},
		{"fr", "depuis trois ans, à sa première session, deux fois", []string{"3", "1"}},
		{"es", "durante tres años y dos meses", []string{"3", "2"}},
		{"ru", "в течение трех лет и двух месяцев", []string{"3", "2"}},
		{"ar", "خلال ثلاث سنوات في الدورة الأولى", []string{"3", "1"}},
		{"zh", "三年来，第一届会议，两个月，二〇一三年，第三年，一年，两年期，十二个月", []string{"3", "1", "2", "2013", "12"}},
		{"en", "a year, one year and a session", nil},
		{"fr", "une réunion, un an", nil},
		{"es", "una reunión de un año", nil},
		{"ar", "يوم الاثنين", nil},
		{"ru", "на его пятом заседании и на втором заседании", []string{"5", "2"}},
		{"zh", "国际十年", nil},
		{"zh", "在人权理事会第四十三届会议之前，第二十一次会议，二〇一八年三月，七十周年，第一次，二十一世纪", []string{"43", "21", "2018", "3", "70"}},
		{"zh", "统一和一切的第一步之一", nil},
	}
	for _, c := range cases {
		var got []string
		for _, n := range number.Find(c.lang, c.text, 0, seg.Tokens(c.lang, c.text)) {
			got = append(got, n.Key)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: numbers %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
