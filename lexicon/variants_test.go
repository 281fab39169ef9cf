package lexicon_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// matcherOf builds a matcher over a lexicon written in the test.
func matcherOf(t *testing.T, tsv string) (*lexicon.Matcher, *segment.Segmenter) {
	t.Helper()
	lex := parse(t, tsv)
	seg := segment.New(lex.Terms("zh"))
	return lexicon.NewMatcher(lex, seg), seg
}

// TestMatchSpellingVariants: the UN's pre-2000 spellings, British and
// American spellings, and compounds written joined, with a hyphen or with
// a space match the same rendering, in the text and in the lexicon.
func TestMatchSpellingVariants(t *testing.T) {
	m, seg := defaultMatcher(t)
	tests := []struct {
		desc, lang, text string
		want             []hit
	}{
		// The default lexicon writes "international cooperation".
		{"pre-2000 UN English", "en", "to promote international co-operation in",
			[]hit{{"international-cooperation", "international co-operation", len("to promote "), len("to promote international co-operation")}}},
		{"capitalised, hyphen after the first word", "en", "International Co-operation",
			[]hit{{"international-cooperation", "International Co-operation", 0, len("International Co-operation")}}},
		{"non-breaking hyphen", "en", "international co\u2011operation",
			[]hit{{"international-cooperation", "international co\u2011operation", 0, len("international co\u2011operation")}}},
		{"diaeresis", "en", "international coöperation",
			[]hit{{"international-cooperation", "international coöperation", 0, len("international coöperation")}}},
		{"French", "fr", "la co-opération internationale",
			[]hit{{"international-cooperation", "co-opération internationale", len("la "), len("la co-opération internationale")}}},
		{"Spanish", "es", "la co-operación internacional",
			[]hit{{"international-cooperation", "co-operación internacional", len("la "), len("la co-operación internacional")}}},
		// The lexicon writes non-interference and non-selectivity.
		{"hyphenated rendering, joined text", "en", "noninterference in internal affairs",
			[]hit{{"non-interference", "noninterference in internal affairs", 0, len("noninterference in internal affairs")}}},
		{"French hyphenated rendering, joined text", "fr", "la non-sélectivité et la nonsélectivité",
			[]hit{{"non-selectivity", "non-sélectivité", len("la "), len("la non-sélectivité")},
				{"non-selectivity", "nonsélectivité", len("la non-sélectivité et la "), len("la non-sélectivité et la nonsélectivité")}}},
		{"compound as the shared head", "en", "international and regional co-operation",
			[]hit{{"international-cooperation", "international", 0, len("international")}}},
		{"compound as the shared head, head first", "fr", "la co-opération Nord-Sud, Sud-Sud et triangulaire",
			[]hit{{"north-south-cooperation", "co-opération Nord-Sud", len("la "), len("la co-opération Nord-Sud")},
				{"south-south-cooperation", "Sud-Sud", len("la co-opération Nord-Sud, "), len("la co-opération Nord-Sud, Sud-Sud")},
				{"triangular-cooperation", "triangulaire", len("la co-opération Nord-Sud, Sud-Sud et "), len("la co-opération Nord-Sud, Sud-Sud et triangulaire")}}},
		// A hyphen that is not in a compound is not one.
		{"hyphen between two words is not a compound of them", "en", "international co - operation", nil},
	}
	for _, tt := range tests {
		if got := match(m, seg, tt.lang, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(%s, %+q) = %+v, want %+v", tt.desc, tt.lang, tt.text, got, tt.want)
		}
	}

	// British and American spellings, either in the lexicon or in the
	// text; compounds of each kind in the lexicon.
	m2, seg2 := matcherOf(t, "id\ten\tfr\tes\n"+
		"ilo\tInternational Labour Organisation\t\t\n"+
		"tcp\ttechnical cooperation program\t\t\n"+
		"recognize\tto recognize the competence\t\t\n"+
		"self-defence\tright of self-defense\t\t\n"+
		"ngo\tnon-governmental organization\torganisation non-gouvernementale\torganización no gubernamental\n"+
		"cb\tcapacity building\t\t\n"+
		"pb\tpeacebuilding\t\t\n"+
		"centre\tcentre for human rights\t\t\n"+
		"oeuvre\t\tmise en œuvre\t\n"+
		"maitrise\t\tmaîtrise des armements\t\n")
	tests = []struct {
		desc, lang, text string
		want             []hit
	}{
		{"-our, -ize", "en", "the International Labor Organization", []hit{{"ilo", "International Labor Organization", 4, 36}}},
		{"programme, co-operation", "en", "technical co-operation programmes", []hit{{"tcp", "technical co-operation programmes", 0, 33}}},
		{"-ise", "en", "To recognise the competence", []hit{{"recognize", "To recognise the competence", 0, 27}}},
		{"-ence, hyphen", "en", "the right of self-defence", []hit{{"self-defence", "right of self-defence", 4, 25}}},
		{"hyphenated rendering, joined text", "en", "nongovernmental organizations", []hit{{"ngo", "nongovernmental organizations", 0, 29}}},
		{"hyphenated rendering, spaced text", "en", "non governmental organisations", []hit{{"ngo", "non governmental organisations", 0, 30}}},
		{"French spaced text", "fr", "des organisations non gouvernementales", []hit{{"ngo", "organisations non gouvernementales", 4, 38}}},
		{"spaced rendering, hyphenated text", "en", "capacity-building", []hit{{"cb", "capacity-building", 0, 17}}},
		{"spaced rendering, joined text", "en", "capacitybuilding", []hit{{"cb", "capacitybuilding", 0, 16}}},
		{"joined rendering, hyphenated text", "en", "post-conflict peace-building", []hit{{"pb", "peace-building", 14, 28}}},
		{"-re", "en", "the Center for Human Rights", []hit{{"centre", "Center for Human Rights", 4, 27}}},
		{"French ligature", "fr", "la mise en oeuvre", []hit{{"oeuvre", "mise en oeuvre", 3, 17}}},
		{"French 1990 spelling", "fr", "la maitrise des armements", []hit{{"maitrise", "maitrise des armements", 3, 25}}},
	}
	for _, tt := range tests {
		if got := match(m2, seg2, tt.lang, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(%s, %+q) = %+v, want %+v", tt.desc, tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestMatchInsideChinese: gse keeps 世界人权宣言 whole; a rendering inside a
// longer Chinese word is matched where it stands, between words of two
// characters or more, and a whole word still matches as one.
func TestMatchInsideChinese(t *testing.T) {
	m, seg := matcherOf(t, "id\tgroup\ten\tzh\n"+
		"human-rights\t\thuman rights\t人权\n"+
		"sovereignty\t\tsovereignty\t主权\n"+
		"international\t\tinternational\t国际\n"+
		"convention\t\tconvention\t公约\n"+
		"mbc\tf\tmutually beneficial cooperation\t互利合作\n"+
		"win\tf\twin-win cooperation\t合作共赢\n")
	tests := []struct {
		desc, text string
		want       []hit
	}{
		{"inside a longer word", "重申《世界人权宣言》", []hit{{"human-rights", "人权", len("重申《世界"), len("重申《世界人权")}}},
		{"two renderings in one word", "国际公约", []hit{{"international", "国际", 0, len("国际")}, {"convention", "公约", len("国际"), len("国际公约")}}},
		{"not after a single character: 自主权 is autonomy", "享有充分自主权", nil},
		{"not between single characters: 民主权利", "民主权利", nil},
		// In traditional characters, by the simplified key, the text and
		// offsets as written.
		{"traditional: inside a longer word", "重申《世界人權宣言》", []hit{{"human-rights", "人權", len("重申《世界"), len("重申《世界人權")}}},
		{"traditional: two renderings in one word", "國際公約", []hit{{"international", "國際", 0, len("國際")}, {"convention", "公約", len("國際"), len("國際公約")}}},
		{"traditional: not after a single character", "享有充分自主權", nil},
		// The founding case: whole words, as before.
		{"whole words", "在互利合作和合作共赢之间",
			[]hit{{"mbc", "互利合作", len("在"), len("在互利合作")}, {"win", "合作共赢", len("在互利合作和"), len("在互利合作和合作共赢")}}},
	}
	for _, tt := range tests {
		toks := seg.ForTexts(tt.text).Tokens("zh", tt.text)
		var got []hit
		for _, h := range m.Match("zh", tt.text, toks) {
			got = append(got, hit{h.Concept.ID, h.Text, h.Start, h.End})
			if tt.text[h.Start:h.End] != h.Text || h.TokEnd != h.TokStart+1 && h.Concept.ID != "mbc" && h.Concept.ID != "win" {
				t.Errorf("%s: hit %+v: text or tokens do not agree with its offsets", tt.desc, h)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(zh, %+q) = %+v, want %+v (tokens %v)", tt.desc, tt.text, got, tt.want, keys(toks))
		}
	}
}

func keys(toks []segment.Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Key)
	}
	return out
}

// TestMatchCoordinationLimit: in a language that puts the head noun first,
// an elliptic match may not take a conjunct longer than the rendering's
// modifier: "прав и свобод каждого человека" (the rights and freedoms of
// every person) holds no human rights; "прав и свобод человека" does.
func TestMatchCoordinationLimit(t *testing.T) {
	m, seg := matcherOf(t, "id\ten\tru\tes\n"+
		"human-rights\thuman rights\tправа человека\tderechos humanos\n"+
		"intl\tinternational cooperation\tмеждународное сотрудничество\tcooperación internacional\n")
	tests := []struct {
		desc, lang, text string
		want             []string
	}{
		{"a longer conjunct is the complement's", "ru", "защита прав и свобод каждого человека", nil},
		{"a conjunct of one word", "ru", "защита прав и свобод человека", []string{"human-rights"}},
		{"adjectives before the head", "ru", "международное и региональное сотрудничество", []string{"intl"}},
		{"English keeps two words after the conjunction", "en", "international and South-South cooperation", []string{"intl"}},
		{"English: two words", "en", "international and more effective cooperation", []string{"intl"}},
		{"words joined by a hyphen count as one", "en", "international and South-South technical cooperation", []string{"intl"}},
		{"English: three words", "en", "international and far more effective cooperation", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range match(m, seg, tt.lang, tt.text) {
			got = append(got, h.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(%s, %+q) = %+q, want %+q", tt.desc, tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestPeriods: a rendering may carry the period it was in use; it is still
// a rendering of its concept, and its hits say when it was in use.
func TestPeriods(t *testing.T) {
	lex := parse(t, "id\ten\tfr\n"+
		"rol\trule of law\tétat de droit | régime de droit [until 1990] | primauté du droit [valid 1946–1999]\n"+
		"new\tnew term [since 2001]\tterme [sic]\n")
	c := lex.Lookup("rol")
	if got := c.Terms["fr"]; !reflect.DeepEqual(got, []string{"état de droit", "régime de droit", "primauté du droit"}) {
		t.Fatalf("rol fr = %+q, want the renderings without their periods", got)
	}
	if p := c.Period("fr", "régime de droit"); p != (lexicon.Period{Until: 1990}) || p.String() != "until 1990" {
		t.Errorf("Period(fr, régime de droit) = %+v %q, want until 1990", p, p)
	}
	if p := c.Period("fr", "primauté du droit"); p != (lexicon.Period{From: 1946, Until: 1999}) || p.String() != "1946-1999" {
		t.Errorf("Period(fr, primauté du droit) = %+v %q, want 1946-1999", p, p)
	}
	if p := c.Period("fr", "état de droit"); !p.IsZero() || p.String() != "" {
		t.Errorf("Period(fr, état de droit) = %+v, want always", p)
	}
	if p := lex.Lookup("new").Period("en", "new term"); p != (lexicon.Period{From: 2001}) {
		t.Errorf("Period(en, new term) = %+v, want from 2001", p)
	}
	// A final bracket that is no period stays in the rendering.
	if got := lex.Lookup("new").Terms["fr"]; !reflect.DeepEqual(got, []string{"terme [sic]"}) {
		t.Errorf("new fr = %+q, want [terme [sic]]", got)
	}
	for year, want := range map[int][]string{
		1948: {"état de droit", "régime de droit", "primauté du droit"},
		1995: {"état de droit", "primauté du droit"},
		2015: {"état de droit"},
		0:    {"état de droit", "régime de droit", "primauté du droit"},
	} {
		if got := c.Current("fr", year); !reflect.DeepEqual(got, want) {
			t.Errorf("Current(fr, %d) = %+q, want %+q", year, got, want)
		}
	}
	// Written back with its period.
	var b bytes.Buffer
	if err := lex.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "régime de droit [until 1990]") || !strings.Contains(b.String(), "primauté du droit [1946-1999]") {
		t.Errorf("Write lost the periods:\n%s", b.String())
	}
	again := parse(t, b.String())
	if !reflect.DeepEqual(again.Lookup("rol").Periods, c.Periods) {
		t.Errorf("round trip: periods %+v, want %+v", again.Lookup("rol").Periods, c.Periods)
	}
	// Malformed periods are errors with their line.
	for _, bad := range []string{"[untill 1990]", "[1990-1946]", "[from 19]", "[2001]"} {
		_, err := lexicon.Parse(strings.NewReader("id\ten\n# c\na\tterm "+bad+"\n"), "test.tsv")
		var le *lexicon.Error
		if !errors.As(err, &le) || le.Line != 3 || !strings.Contains(err.Error(), "period") {
			t.Errorf("Parse with %s: error %v, want a period error at line 3", bad, err)
		}
	}
}

// TestDefaultHistoricalRenderings: the 1948 French and Spanish renderings
// of the rule of law are renderings of it, dated.
func TestDefaultHistoricalRenderings(t *testing.T) {
	m, seg := defaultMatcher(t)
	for _, tt := range []struct {
		lang, text, found string
		period            lexicon.Period
	}{
		// Universal Declaration of Human Rights, third preambular paragraph.
		{"fr", "les droits de l'homme soient protégés par un régime de droit pour que", "régime de droit", lexicon.Period{Until: 1990}},
		{"es", "los derechos humanos sean protegidos por un régimen de Derecho, a fin de", "régimen de Derecho", lexicon.Period{Until: 1990}},
		{"fr", "le respect de l'état de droit", "état de droit", lexicon.Period{}},
		{"es", "el Estado de derecho", "Estado de derecho", lexicon.Period{}},
	} {
		hs := m.Match(tt.lang, tt.text, seg.Tokens(tt.lang, tt.text))
		var ids []string
		for _, h := range hs {
			ids = append(ids, h.Concept.ID)
		}
		if !reflect.DeepEqual(ids, []string{"rule-of-law"}) || hs[0].Text != tt.found || hs[0].Period != tt.period {
			t.Errorf("Match(%s, %+q) = %+v, want rule-of-law on %q, period %+v", tt.lang, tt.text, hs, tt.found, tt.period)
		}
	}
}
