package drift_test

import (
	"strings"
	"testing"
)

// TestNumbersAsMultisets checks the number comparison of a translation:
// occurrences cancel out value by value, what is left is paired by role,
// and a number on one side only is a warning only for a percentage. Each
// expectation follows from the sentences.
func TestNumbersAsMultisets(t *testing.T) {
	tests := []struct {
		desc, voted, final, want string
	}{
		{"changed into a value the paragraph holds elsewhere",
			"In 2013 the rate was 82 per cent, and in 2012 it was 84 per cent.",
			"En 2013, le taux était de 82 %, et en 2013 il était de 84 %.", "number-mismatch/warning"},
		{"one of two occurrences changed",
			"Recalling the conventions of 1997 and 2004, and the Vienna Convention of 1997,",
			"Rappelant les conventions de 1998 et 2004, et la Convention de Vienne de 1997,", "number-mismatch/warning"},
		{"an end of a range", "Approves the budget for 2016-2017.", "Approuve le budget pour 2017-2017.", "number-mismatch/warning"},
		{"the year of a resolution that occurs elsewhere",
			"Recalling resolution 2174 (2014) and the report of 2015,",
			"Rappelant la résolution 2174 (2015) et le rapport de 2015,", "number-mismatch/warning"},
		{"a percentage whose old value occurs later",
			"Of the recommendations, 37 (45 per cent) were accepted; 45 were rejected.",
			"Sur les recommandations, 37 (46 %) ont été acceptées; 45 ont été rejetées.", "number-mismatch/warning"},
		{"a percentage left out", "Of the funds, 93 per cent were spent.", "La plupart des fonds ont été dépensés.", "number-mismatch/warning"},
		{"a count left out", "Of those 51 countries, 43 are middle-income.", "Dans ce groupe, 43 pays sont à revenu intermédiaire.", "number-mismatch/warning"},
		{"a count written in words is info", "Of those 51 countries, 43 are middle-income.", "Sur ces cinquante et un pays, 43 sont à revenu intermédiaire.", "number-mismatch/info"},
		{"a count in words of another value", "It proposes 3 new posts (P-4).", "Il propose quatre postes nouveaux (P-4).", "number-mismatch/warning"},
		{"a count in words of its value", "It proposes 4 new posts (P-3).", "Il propose quatre postes nouveaux (P-3).", "number-mismatch/info"},
		{"a range run together in the voted text, one end changed", "Articles 4653 apply to divorce.", "Les articles 46 à 54 s'appliquent au divorce.", "number-mismatch/warning"},
		{"a range run together in the voted text", "Articles 4653 apply to divorce.", "Les articles 46 à 53 s'appliquent au divorce.", ""},
		{"a number left out where no other is shared", "In 2014, the Office met twice.", "Le Bureau s'est réuni deux fois.", "number-mismatch/info"},
		{"a repeated year changed", "The first session will be held from 3 to 5 February and the second from 28 to 30 April 2015.",
			"La première session se tiendra du 3 au 5 février 2016 et la seconde du 28 au 30 avril 2015.", "number-mismatch/warning"},
		{"a month named on both sides but read as a date on one only",
			"Attacks fell from 10 during October and November to 5 during December and January.",
			"Les attentats sont passés de 10 en octobre et novembre à 5 en décembre et janvier.", ""},
		{"a month changed is still a change", "The plan was adopted on 13 August.", "Le plan a été adopté le 13 septembre.", "number-mismatch/warning"},
		{"a number of a name changed where both write names with numbers", "It creates three posts (P-3).", "Il crée 3 postes (P-4).", "number-mismatch/warning"},
		{"a number of a name on one side only", "It limits HFC-23 by-product emissions in 2015.", "Il limite les émissions de trifluorométhane en 2015.", "number-mismatch/info"},
		{"a repetition left out is not a change",
			"Resolution 1540 (2004) and resolution 1540 (2004).", "La résolution 1540 (2004) et cette résolution.", ""},
		{"page numbers of a reference differ", "See the report (p. 14).", "Voir le rapport (p. 15).", "page-reference/info"},
		{"times coordinated", "Between 1100 and 1200 hours, the convoy stopped.", "Entre 11 heures et 12 heures, le convoi s'est arrêté.", ""},
		{"a note mark is no number", "The islands (Malvinas) were covered.", "Les îles (Malvinas)1 étaient couvertes.", ""},
		{"the same digits and separators, read otherwise in each language", "See annex 10.103 of the report.", "Voir l'annexe 10.103 du rapport.", ""},
		{"the same digits with other separators is a change", "The total was 1,731.5 tons.", "Le total était de 1 731,3 tonnes.", "number-mismatch/warning"},
		{"a paragraph's label run into the text", "The meeting was attended by observers. The Forum met in 2014.",
			"Des observateurs ont assisté à la réunion. 5 - Le Forum s'est réuni en 2014.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := kinds(check(t, tt.voted, tt.final)); got != tt.want {
				t.Errorf("voted %+q, final %+q:\n got %q\nwant %q", tt.voted, tt.final, got, tt.want)
			}
		})
	}
}

// TestNumbersOtherScripts: the number comparison against a Chinese or an
// Arabic final.
func TestNumbersOtherScripts(t *testing.T) {
	tests := []struct {
		desc, voted, final, want string
	}{
		{"a year made explicit where the voted text writes none",
			"The Ministry adopted the final plan on 13 August.", "内政部于2014年8月13日通过了这份计划定稿。", ""},
		{"a year added to a month the voted text does not name",
			"The Ministry adopted the final plan on 13 August.", "内政部于2014年9月13日通过了这份计划定稿。", "number-mismatch/warning"},
		{"a percentage in Chinese numerals",
			"Each Party shall ensure that its calculated level of production does not exceed, annually, seventy-five per cent of the average of its calculated levels of production for the years 2011, 2012 and 2013.",
			"各缔约方应确保其年度产量计算水平不超过其2011、2012和2013年产量计算水平平均值的百分之七十五。", ""},
		{"a percentage in Chinese numerals changed",
			"Each Party shall ensure that its calculated level of production does not exceed, annually, seventy-five per cent of the average of its calculated levels of production for the years 2011, 2012 and 2013.",
			"各缔约方应确保其年度产量计算水平不超过其2011、2012和2013年产量计算水平平均值的百分之六十五。", "number-mismatch/warning"},
		{"an Arabic dual stands for two, in letters",
			"The Committee held three panel discussions over two days, on 14 and 15 October.",
			"عقدت اللجنة ثلاث حلقات نقاش على مدى يومين، في 14 و 15 تشرين الأول/أكتوبر.", "number-mismatch/info"},
		{"Arabic times written minutes/hour after the word for hour",
			"The Conference of the Parties may wish to decide to meet from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m., subject to adjustments as necessary.",
			"وقد يرغب مؤتمر الأطراف في أن يقرر عقد اجتماعاته من الساعة 00/10 حتى الساعة 00/13 ومن الساعة 00/15 حتى الساعة 00/18، وذلك رهناً بما تستلزمه الضرورة من تعديلات.", ""},
		{"an Arabic time changed",
			"The Conference of the Parties may wish to decide to meet from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m., subject to adjustments as necessary.",
			"وقد يرغب مؤتمر الأطراف في أن يقرر عقد اجتماعاته من الساعة 00/10 حتى الساعة 00/14 ومن الساعة 00/15 حتى الساعة 00/18، وذلك رهناً بما تستلزمه الضرورة من تعديلات.", "number-mismatch/warning"},
		{"an Arabic dual does not stand for another number",
			"The Committee held three panel discussions over four days, on 14 and 15 October.",
			"عقدت اللجنة ثلاث حلقات نقاش على مدى يومين، في 14 و 15 تشرين الأول/أكتوبر.", "number-mismatch/warning"},
	}
	fx := newFixture(mustLexicon(t, testLexicon))
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			l := "zh"
			if strings.ContainsRune(tt.final, 'ا') {
				l = "ar"
			}
			got := kinds(fx.compare(fx.side(tt.voted, "v.en.txt", "en", true), fx.side(tt.final, "f."+l+".txt", l, true)))
			if got != tt.want {
				t.Errorf("voted %+q, final %+q:\n got %q\nwant %q", tt.voted, tt.final, got, tt.want)
			}
		})
	}
}

// TestNumbersOfNames: a number inside a name (G-77, An-26) is compared
// across scripts like any other: the same in every version, and a change
// is a changed number.
func TestNumbersOfNames(t *testing.T) {
	fx := newFixture(mustLexicon(t, testLexicon))
	for _, tt := range []struct{ lang, voted, final, want string }{
		{"fr", "The Group of 77 (G-77) and China spoke.", "Le Groupe des 77 (G-77) et la Chine ont pris la parole.", ""},
		{"zh", "The Group of 77 and China spoke.", "77国集团和中国发了言。", ""},
		{"ru", "An An-26 aircraft landed in 2014.", "Самолет Ан-26 приземлился в 2014 году.", ""},
		{"ru", "An An-26 aircraft landed in 2014.", "Самолет Ан-27 приземлился в 2014 году.", "number-mismatch/warning"},
		{"ar", "The Group of 77 and China spoke.", "وتكلمت مجموعة الـ 77 والصين.", ""},
		// UF6 is 六氟化铀 in words; U-235 keeps its number: the other side
		// writes fewer names with numbers, so the one left is excused.
		{"zh", "It enriched UF6 up to 5 per cent U-235.", "它将六氟化铀浓缩到铀-235丰度达到5%。", "number-mismatch/info"},
	} {
		got := kinds(fx.compare(fx.side(tt.voted, "v.en.txt", "en", true), fx.side(tt.final, "f."+tt.lang+".txt", tt.lang, true)))
		if got != tt.want {
			t.Errorf("%s: voted %q, final %q: got %q, want %q", tt.lang, tt.voted, tt.final, got, tt.want)
		}
	}
}

// TestNumbersInChineseNumerals: a number on one side only is excused by a
// Chinese numeral of its value (四个 for 4), not by one of another value.
func TestNumbersInChineseNumerals(t *testing.T) {
	fx := newFixture(mustLexicon(t, testLexicon))
	for _, tt := range []struct{ voted, final, want string }{
		{"It proposes 3 new posts (P-4).", "拟设立四个新员额(P-4)。", "number-mismatch/warning"},
		{"It proposes 4 new posts (P-3).", "拟设立四个新员额(P-3)。", "number-mismatch/info"},
	} {
		got := kinds(fx.compare(fx.side(tt.voted, "v.en.txt", "en", true), fx.side(tt.final, "f.zh.txt", "zh", true)))
		if got != tt.want {
			t.Errorf("voted %q, final %q: got %q, want %q", tt.voted, tt.final, got, tt.want)
		}
	}
}
