package number_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// TestRoles checks the role of each number, in every language; the
// expectations are written from the sentences, number by number.
func TestRoles(t *testing.T) {
	seg := segment.New(nil)
	cases := []struct {
		lang, text string
		want       string // key/role of each number, in order
	}{
		{"en", "Recalling its resolution 1540 (2004) of 28 April 2004", "1540/reference 2004/reference 28/date 4/date 2004/date"},
		{"en", "45 per cent of the $4.8 million for 2016-2017 (p. 14)", "45/percent 4800000/amount 2016/range 2017/range 14/page"},
		{"en", "the An-26 landed between 1100 and 1200 hours in 1999", "26/name 11/time 12/time 1999/year"},
		{"en", "Euro131 million from the regular budget", "131000000/amount"},
		{"en", "the Universal Declaration of Human Rights (resolution 217 A (III))", "217/reference 3/plain"},
		{"en", "the protest march of 12 people in mid-March", "12/plain"},
		{"fr", "la résolution 1540 (2004) du 28 avril 2004, 45 pour cent, p. 14", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent 14/page"},
		{"es", "las 11.00 y las 12.00 horas del 19 de enero de 2015, el 45 % y la resolución 1540 (2004), pág. 15", "11/time 12/time 19/date 1/date 2015/date 45/percent 1540/reference 2004/reference 15/page"},
		{"ru", "резолюции 1540 (2004) от 28 апреля 2004 года, 45 процентов, на 2016 - 2017 годы, Ан-26", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent 2016/range 2017/range 26/name"},
		{"ar", "القرار 1540 (2004) المؤرخ 28 نيسان/أبريل 2004، 45 في المائة", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent"},
		{"ar", "وإذ تشير إلى الإعلان([1]) القرار 217 ألف (د - 3)", "1/note 217/reference 3/plain"},
		{"zh", "2000年6月29日第1251(1999)号决议，2016至2017年，45%，第14页，480万美元", "2000/date 6/date 29/date 1251/reference 1999/reference 2016/range 2017/range 45/percent 14/page 4800000/amount"},
	}
	for _, c := range cases {
		var got []string
		for _, n := range number.Find(c.lang, c.text, 0, seg.Tokens(c.lang, c.text)) {
			got = append(got, fmt.Sprintf("%s/%s", n.Key, n.Role))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %s\nwant %s", c.lang, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestHasWords checks the numbers written in letters that may stand for a
// number on the other side.
func TestHasWords(t *testing.T) {
	seg := segment.New(nil)
	for _, c := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Decides to meet twice a year", true},
		{"en", "Decides to meet every year", false},
		{"fr", "trois États Membres", true},
		{"fr", "les États Membres", false},
		{"ru", "два государства", true},
		{"ar", "ثلاث دول", true},
		{"zh", "三年来", true},
		{"zh", "一切国家", false}, // 一 in 一切 counts nothing
	} {
		if got := number.HasWords(c.lang, c.text, 0, seg.Tokens(c.lang, c.text)); got != c.want {
			t.Errorf("%s %q: %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
