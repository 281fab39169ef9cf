package document_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/document"
)

func TestDateYear(t *testing.T) {
	for in, want := range map[string]int{
		"23 March 2018":                   2018,
		"March 23, 2018":                  2018,
		"26 February–23 March 2018":       2018, // a session's dates
		"23 mars 2018":                    2018,
		"1er avril 1991":                  1991,
		"10 décembre 1948":                1948,
		"23 de marzo de 2018":             2018,
		"23 марта 2018 года":              2018,
		"1 мая 2015 г.":                   2015,
		"23 آذار/مارس 2018":               2018,
		"٢٣ آذار/مارس ٢٠١٨":               2018, // U+0660… ARABIC-INDIC DIGITS
		"29 كانون الأول/ ديسمبر 2014":     2014, // the month in two series, a space after the slash
		"2018年3月23日":                      2018,
		"２０１８年３月２３日":                      2018, // U+FF10… FULLWIDTH DIGITS
		"2018年2月26日至3月23日":                2018,
		"一九四八年十二月十日":                      1948,
		"10 December 1948, 23 March 2018": 1948, // the first date
		"Distr.: General":                 0,
		"2018":                            0, // a year alone is no date
		"Agenda item 3":                   0,
		"23 Foo 2018":                     0, // no month
		"in 23 countries 2018":            0,
		"March 2018":                      0, // no day
		"Geneva, March 2018":              0,
		"23 March 1890":                   0, // before the United Nations
		"A/HRC/37/L.36":                   0,
		"2018年":                           0,
	} {
		if got := document.DateYear(in); got != want {
			t.Errorf("DateYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestSymbolYear(t *testing.T) {
	for in, want := range map[string]int{
		// The Human Rights Council: sessions 1–3 in 2006, 4–6 in 2007,
		// then three a year from the 7th (March 2008).
		"A/HRC/37/L.36":   2018,
		"A/HRC/RES/37/23": 2018,
		"A/HRC/38/L.1":    2018,
		"A/HRC/39/L.1":    2018,
		"A/HRC/40/L.1":    2019,
		"A/HRC/RES/1/1":   2006,
		"A/HRC/RES/3/1":   2006,
		"A/HRC/RES/4/1":   2007,
		"A/HRC/6/L.1":     2007,
		"A/HRC/7/L.1":     2008,
		// The General Assembly: session n opens in 1945+n.
		"A/RES/73/1":        2018,
		"A/73/L.5":          2018,
		"A/C.3/73/L.5":      2018,
		"A/RES/217 (III)":   1948,
		"A/RES/217 A (III)": 1948,
		"A/RES/1514 (XV)":   1960,
		// A year in the symbol.
		"S/RES/2334 (2016)": 2016,
		"S/2015/87":         2015,
		"E/CN.4/2005/L.10":  2005,
		// Nothing to tell.
		"S/RES/1999":          0, // resolution 1999, not the year
		"A/CONF.157/23":       0,
		"E/RES/1503 (XLVIII)": 0,
		"A/RES/997 (ES-I)":    0,
		"":                    0,
	} {
		if got := document.SymbolYear(in); got != want {
			t.Errorf("SymbolYear(%q) = %d, want %d", in, got, want)
		}
	}
}

// Document.Year: the first date of a header line, else the symbol's; a
// title's date is not the document's; a text with no resolution structure
// has its year from a short dateline among its first paragraphs.
func TestParseYear(t *testing.T) {
	tests := []struct {
		desc  string
		paras []string
		lang  string
		want  int
		title string // the title paragraph, "" for none
	}{
		{"the header date wins over the symbol", []string{"A/HRC/RES/37/23", "Distr.: General", "6 April 2019", "37/23. Promoting", "The Human Rights Council,", "Recalling,"}, "en", 2019, "37/23. Promoting"},
		{"the symbol's session without a date", []string{"A/HRC/RES/37/23", "37/23. Promoting", "The Human Rights Council,", "Recalling,"}, "en", 2018, "37/23. Promoting"},
		{"a date in the title is not the document's", []string{"A/HRC/RES/37/23", "37/23. Situation since 1 January 2015", "The Human Rights Council,", "Recalling,"}, "en", 2018, "37/23. Situation since 1 January 2015"},
		{"French date line is boilerplate, not the title", []string{"A/RES/45/1", "1er octobre 1990", "L'Assemblée générale,", "Rappelant,"}, "fr", 1990, ""},
		{"Spanish date line", []string{"A/RES/73/1", "23 de marzo de 2019", "La Asamblea General,", "Recordando,"}, "es", 2019, ""},
		{"Russian date line", []string{"A/HRC/RES/37/23", "23 марта 2018 года", "Совет по правам человека,", "ссылаясь,"}, "ru", 2018, ""},
		{"Arabic date line", []string{"A/HRC/RES/37/23", "٢٣ آذار/مارس ٢٠١٨", "إن مجلس حقوق الإنسان،", "إذ يشير،"}, "ar", 2018, ""},
		{"Chinese date line", []string{"A/HRC/RES/37/23", "二〇一九年三月二十三日", "人权理事会，", "回顾，"}, "zh", 2019, ""},
		{"no year", []string{"The Human Rights Council,", "Recalling,"}, "en", 0, ""},
		{"plain text, a dateline first", []string{"23 mars 2018", "Le texte suit."}, "fr", 2018, ""},
		{"plain text, a date in a sentence is not a dateline", []string{"Le texte, adopté à la séance plénière tenue à Genève le 23 mars 2018 après un long débat, suit."}, "fr", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := document.Parse(doc(tt.paras...), "test.txt", tt.lang)
			if d.Year != tt.want {
				t.Errorf("Parse(%+q).Year = %d, want %d", tt.paras, d.Year, tt.want)
			}
			title := ""
			if p := d.Para("title"); p != nil {
				title = p.Text
			}
			if title != tt.title {
				t.Errorf("Parse(%+q): title %q, want %q (ids %+q)", tt.paras, title, tt.title, allIDs(d))
			}
			if p := document.AsPlain(d); p.Year != d.Year {
				t.Errorf("AsPlain: Year %d, want %d", p.Year, d.Year)
			}
		})
	}
	for _, f := range []struct {
		path string
		want int
	}{{"../testdata/founding/L36.en.txt", 2018}, {"../testdata/founding/RES.zh.txt", 2018}, {"../testdata/founding/RES.zh-hant.txt", 2018}} {
		if d := parseFile(t, f.path, "zh"); d.Year != f.want {
			t.Errorf("%s: Year %d, want %d", f.path, d.Year, f.want)
		}
	}
}
