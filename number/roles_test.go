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
		// A paragraph's number run into the text after a sentence (a lost
		// paragraph break): a label, not compared; not after "para.", nor
		// without a sentence end or a label's dash or capital after it.
		{"ar", "وعمليات اتخاذ القرارات. ٥ - وحضر الاجتماع 12 مراقبا. ١٨- وفيما يتعلق؛ ٢١ - يشدد", "5/label 12/plain 18/label 21/label"},
		{"en", "the decision-making processes. 5. The meeting saw para. 6. The 7 - 9 May", "5/label 6/plain 7/range 9/range 5/date"},
		{"ru", "в ходе обсуждения. 12. Участники отметили 3 - 4 случая.", "12/label 3/range 4/range"},
		{"en", "45 per cent of the $4.8 million for 2016-2017 (p. 14)", "45/percent 4800000/amount 2016/range 2017/range 14/page"},
		{"en", "the An-26 landed between 1100 and 1200 hours in 1999", "26/name 11/time 12/time 1999/year"},
		{"en", "Euro131 million from the regular budget", "131000000/amount"},
		{"en", "the Universal Declaration of Human Rights (resolution 217 A (III))", "217/reference 3/plain"},
		{"en", "the protest march of 12 people in mid-March", "12/plain"},
		{"fr", "la résolution 1540 (2004) du 28 avril 2004, 45 pour cent, p. 14", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent 14/page"},
		{"es", "las 11.00 y las 12.00 horas del 19 de enero de 2015, el 45 % y la resolución 1540 (2004), pág. 15", "11/time 12/time 19/date 1/date 2015/date 45/percent 1540/reference 2004/reference 15/page"},
		{"ru", "резолюции 1540 (2004) от 28 апреля 2004 года, 45 процентов, на 2016 - 2017 годы, Ан-26", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent 2016/range 2017/range 26/name"},
		{"ru", "с 3 по 5 февраля 2015 года, с. 14 и стр. 15", "3/plain 5/date 2/date 2015/date 14/page 15/page"},
		{"ar", "في 8 كانون الثاني/يناير 2015 و 3 تشرين الثاني/ نوفمبر", "8/date 1/date 2015/date 3/date 11/date"},
		{"ar", "انظر ص. 14 و ص 15، وصدرت 12 وثيقة", "14/page 15/page 12/plain"},
		{"en", "available on the website.3 The Committee,22 subject to No.3 and planning.[23] on [2019]", "3/note 22/note 3/plain 23/note 2019/year"},
		{"ru", "в 10 ч. 00 м. и в 18 ч. 15 м., 4 - 13 февраля", "10/time 18/time 15/time 4/range 13/range 2/date"},
		{"fr", "à 18 h 15 et à 10 heures", "18/time 15/time 10/time"},
		{"en", "at 6:15 p.m. and 10:30 a.m.", "18/time 15/time 10/time 30/time"},
		{"ar", "الساعة 00:11 و الساعة10:00 و 15:30", "11/time 10/time 15/time 30/time"},
		{"en", "the post2015 agenda, see p. 14 and pp 15", "2015/name 14/page 15/page"},
		{"ar", "القرار 1540 (2004) المؤرخ 28 نيسان/أبريل 2004، 45 في المائة", "1540/reference 2004/reference 28/date 4/date 2004/date 45/percent"},
		{"ar", "وإذ تشير إلى الإعلان([1]) القرار 217 ألف (د - 3)", "1/note 217/reference 3/plain"},
		{"zh", "为2.779亿美元和4 210万美元", "277900000/amount 42100000/amount"},
		{"en", "$1.125 million and $277.9 million", "1125000/amount 277900000/amount"},
		{"es", "2.400 millones de dólares", "2400000000/amount"},
		{"zh", "6 February 2015", "6/date 2/date 2015/date"},
		{"ar", "تمارس الدول حقوقها، وفي 5 آذار/مارس", "5/date 3/date"}, // the verb تمارس ends like مارس (March)
		{"en", "Part XI of the Convention, article XII, Article 12 and Chapter IV", "11/heading 12/heading 12/heading 4/heading"},
		{"zh", "《公约》第十一部分、第十二条、第七条第一款第9项和第20条", "11/heading 12/heading 7/heading 1/heading 9/heading 20/heading"},
		{"ru", "часть XI Конвенции и статья 12, в приложении II и в статье IV", "11/heading 12/heading 2/heading 4/heading"},
		{"en", "annex I, Annex C and Group D", "1/heading"},
		{"fr", "la partie XI et l'article 12", "11/heading 12/heading"},
		{"es", "la parte XI y el artículo 12", "11/heading 12/heading"},
		{"ar", "الجزء الحادي عشر والمادة 12", "11/heading 12/heading"},
		{"en", "from April to August 2014, in March and April 2014, a march in May", "4/date 8/date 2014/date 3/date 4/date 2014/date"},
		{"zh", "从2014年4月至8月，2014年3月和4月", "2014/date 4/date 8/date 2014/date 3/date 4/date"},
		{"fr", "refusées en mars et en avril 2014, en juillet, le 2 mai", "3/date 4/date 2014/date 2/date 5/date"},
		{"ar", "في آذار/مارس ونيسان/أبريل 2014 ومن نيسان/أبريل إلى آب/أغسطس 2014", "3/date 4/date 2014/date 4/date 8/date 2014/date"},
		{"ru", "6 February 2015 года", "6/date 2/date 2015/date"},
		{"ar", "6 February 2015", "6/date 2/date 2015/date"},
		{"zh", "在4月宣布，十月以来，2014年8月和9月13日", "2014/date 8/date 9/date 13/date"},
		{"zh", "在每年12月底之前，今年5月，二〇一四年五月", "2014/date 5/date"},
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
		{"en", "Fifteen countries participate", true},
		{"fr", "quinze pays", true},
		{"es", "quince países", true},
		{"ru", "пятнадцать стран", true},
		{"ar", "الدورة التاسعة والستون", true},
		{"zh", "决议见附件一。", true},
		{"zh", "維也納十國集團", true},
	} {
		if got := number.HasWords(c.lang, c.text, 0, seg.Tokens(c.lang, c.text)); got != c.want {
			t.Errorf("%s %q: %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
