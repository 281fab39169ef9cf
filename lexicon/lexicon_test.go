package lexicon_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// The Chinese dictionary takes a second or two to build: one segmenter and
// matcher over the default lexicon are shared by the tests.
var (
	defOnce sync.Once
	defLex  *lexicon.Lexicon
	defSeg  *segment.Segmenter
	defM    *lexicon.Matcher
)

func defaultMatcher(t *testing.T) (*lexicon.Matcher, *segment.Segmenter) {
	t.Helper()
	defOnce.Do(func() {
		defLex = lexicon.Default()
		defSeg = segment.New(defLex.Terms("zh"))
		defM = lexicon.NewMatcher(defLex, defSeg)
		defM.Prepare("en", "zh", "fr", "es", "ru", "ar")
	})
	return defM, defSeg
}

func parse(t *testing.T, tsv string) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Parse(strings.NewReader(tsv), "test.tsv")
	if err != nil {
		t.Fatalf("Parse(%+q): %v", tsv, err)
	}
	return lex
}

func TestDefaultLexicon(t *testing.T) {
	lex, err := lexicon.Parse(strings.NewReader(lexicon.DefaultTSV()), "default.tsv")
	if err != nil {
		t.Fatalf("embedded default lexicon: %v", err)
	}
	if len(lex.Concepts) == 0 {
		t.Fatal("embedded default lexicon has no concepts")
	}
	mbc, win := lex.Lookup("mutually-beneficial-cooperation"), lex.Lookup("win-win-cooperation")
	if mbc == nil || win == nil {
		t.Fatalf("default lexicon: Lookup(mutually-beneficial-cooperation) = %v, Lookup(win-win-cooperation) = %v; want both", mbc, win)
	}
	if mbc.Group == "" || mbc.Group != win.Group {
		t.Errorf("default lexicon: groups %+q and %+q, want one non-empty group", mbc.Group, win.Group)
	}
	if got := mbc.Terms["zh"]; len(got) == 0 || got[0] != "互利合作" {
		t.Errorf("mutually-beneficial-cooperation zh = %+q, want 互利合作 first", got)
	}
	if got := win.Terms["zh"]; len(got) == 0 || got[0] != "合作共赢" {
		t.Errorf("win-win-cooperation zh = %+q, want 合作共赢 first", got)
	}
	for _, c := range lex.Concepts {
		if len(c.Terms["en"]) == 0 || len(c.Terms["zh"]) == 0 {
			t.Errorf("concept %s: en %+q, zh %+q; want both", c.ID, c.Terms["en"], c.Terms["zh"])
		}
		if !strings.HasPrefix(c.Origin, "default.tsv:") {
			t.Errorf("concept %s: Origin %+q, want default.tsv:<line>", c.ID, c.Origin)
		}
	}
	// Default panics on a broken file; it must agree with Parse.
	if d := lexicon.Default(); len(d.Concepts) != len(lex.Concepts) {
		t.Errorf("Default() has %d concepts, Parse(DefaultTSV()) %d", len(d.Concepts), len(lex.Concepts))
	}
	if got := lex.Languages(); !reflect.DeepEqual(got, []string{"ar", "en", "es", "fr", "ru", "zh"}) {
		t.Errorf("default lexicon languages = %+q, want the six official languages", got)
	}
}

func TestParse(t *testing.T) {
	tsv := "\ufeff# comment\r\n" + // U+FEFF BYTE ORDER MARK
		"ID\tGroup\tEN\tzh-Hans\tnote\r\n" +
		"\r\n" +
		"mbc\tframing\tmutually  beneficial | mutual   benefit\t互利合作\tsee L.36\r\n" +
		"win\tframing\twin-win cooperation\t合作共赢|互利共赢\r\n"
	lex := parse(t, tsv)
	if len(lex.Concepts) != 2 {
		t.Fatalf("Parse(%+q): %d concepts, want 2", tsv, len(lex.Concepts))
	}
	c := lex.Lookup("mbc")
	// Renderings are split at "|" and have their space collapsed; the
	// zh-Hans column is zh; the header is case-insensitive.
	want := &lexicon.Concept{
		ID: "mbc", Group: "framing",
		Terms:  map[string][]string{"en": {"mutually beneficial", "mutual benefit"}, "zh": {"互利合作"}},
		Note:   "see L.36",
		Origin: "test.tsv:4",
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse(%+q): mbc = %+v, want %+v", tsv, c, want)
	}
	if got := lex.Lookup("win").Terms["zh"]; !reflect.DeepEqual(got, []string{"合作共赢", "互利共赢"}) {
		t.Errorf("Parse(%+q): win zh = %+q, want [合作共赢 互利共赢]", tsv, got)
	}
	if lex.Lookup("nope") != nil || (*lexicon.Lexicon)(nil).Lookup("mbc") != nil {
		t.Errorf("Lookup of a missing id is not nil")
	}
}

func TestParseErrors(t *testing.T) {
	const header = "id\tgroup\ten\tzh\n"
	tests := []struct {
		desc     string
		in       string
		line     int
		sentinel error    // nil: no sentinel to check
		mention  []string // substrings of the message
	}{
		{"only comments: no header", "# just a comment\n\n", 0, lexicon.ErrNoHeader, []string{"lexicon test.tsv: no header"}},
		{"empty file", "", 0, lexicon.ErrNoHeader, nil},
		{"data row where the header should be", "# c\nmutually-beneficial-cooperation\tmutually beneficial cooperation\t互利合作\n", 2, lexicon.ErrNoHeader, []string{"line 2", "unknown column"}},
		{"header without an id column", "en\tzh\nx\ty\n", 1, lexicon.ErrNoHeader, []string{"line 1"}},
		{"header without a language column", "id\tgroup\tnote\n", 1, lexicon.ErrNoHeader, []string{"line 1"}},
		{"unknown column", "# c\nid\ten\tEnglish words\n", 2, lexicon.ErrNoHeader, []string{"line 2", `"English words"`}},
		{"column twice", "id\ten\tEN\n", 1, nil, []string{"line 1", "twice"}},
		{"header only", header, 0, lexicon.ErrEmpty, []string{"no concepts"}},
		{"duplicate id", header + "a\t\tx\t甲\nb\t\ty\t乙\na\t\tz\t丙\n", 4, lexicon.ErrDuplicateID, []string{"line 4", "test.tsv:2", `"a"`}},
		{"too many cells", header + "a\t\tx\t甲\textra\n", 2, nil, []string{"line 2", "5 cells", "4 columns"}},
		{"empty rendering between separators", header + "a\t\ta | | b\t甲\n", 2, nil, []string{"line 2", "empty rendering", "column en"}},
		{"empty rendering at the end", header + "a\t\ta |\t甲\n", 2, nil, []string{"line 2", "empty rendering"}},
		{"id with a space", header + "bad id\t\tx\t甲\n", 2, nil, []string{"line 2", `"bad id"`}},
		{"id starting with a dash", header + "-x\t\tx\t甲\n", 2, nil, []string{"line 2", `"-x"`}},
		{"empty id", header + "\tg\tx\t甲\n", 2, nil, []string{"line 2", "empty id"}},
		{"bad group", header + "a\tmy group\tx\t甲\n", 2, nil, []string{"line 2", `"my group"`}},
		{"no rendering", header + "a\tg\t\t\n", 2, nil, []string{"line 2", "no rendering"}},
		{"invalid UTF-8", header + "a\t\tx\t甲\nb\t\tcaf\xe9\t乙\n", 3, nil, []string{"line 3", "invalid UTF-8"}},
		{"line too long", header + "a\t\t" + strings.Repeat("x", lexicon.MaxLineBytes+1) + "\t甲\n", 2, bufio.ErrTooLong, []string{"line 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			in := tt.in
			if len(in) > 200 {
				in = in[:200] + "…"
			}
			lex, err := lexicon.Parse(strings.NewReader(tt.in), "test.tsv")
			if err == nil {
				t.Fatalf("Parse(%+q) = %d concepts, want an error at line %d", in, len(lex.Concepts), tt.line)
			}
			var le *lexicon.Error
			if !errors.As(err, &le) {
				t.Fatalf("Parse(%+q) error %v (%T), want *lexicon.Error", in, err, err)
			}
			if le.Line != tt.line || le.File != "test.tsv" {
				t.Errorf("Parse(%+q) error at %s line %d, want test.tsv line %d (%v)", in, le.File, le.Line, tt.line, err)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("Parse(%+q) error %v, want errors.Is %v", in, err, tt.sentinel)
			}
			for _, m := range tt.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("Parse(%+q) error %q, want it to mention %q", in, err, m)
				}
			}
		})
	}
}

func TestWriteRoundTrip(t *testing.T) {
	tests := []struct {
		desc string
		lex  *lexicon.Lexicon
	}{
		{"default lexicon", lexicon.Default()},
		{"extra language column and odd spacing", parse(t, "id\tgroup\tde\ten\tnote\tsource\n"+
			"a\tg\tgegenseitig  vorteilhaft | Zusammenarbeit\tmutual\tnote  with   spaces\tsrc\n"+
			"b\t\t\twin-win\t\t\n")},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.lex.Write(&buf); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := lexicon.Parse(bytes.NewReader(buf.Bytes()), "written.tsv")
			if err != nil {
				t.Fatalf("Parse(Write(lex)): %v\n%s", err, buf.String())
			}
			if len(got.Concepts) != len(tt.lex.Concepts) {
				t.Fatalf("Parse(Write(lex)): %d concepts, want %d", len(got.Concepts), len(tt.lex.Concepts))
			}
			clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			for i, w := range tt.lex.Concepts {
				g := got.Concepts[i]
				if g.ID != w.ID || g.Group != w.Group || g.Note != clean(w.Note) || g.Source != clean(w.Source) {
					t.Errorf("concept %d: got id %+q group %+q note %+q source %+q, want %+q %+q %+q %+q",
						i, g.ID, g.Group, g.Note, g.Source, w.ID, w.Group, clean(w.Note), clean(w.Source))
				}
				if !reflect.DeepEqual(g.Terms, w.Terms) {
					t.Errorf("concept %s: terms %+q, want %+q", w.ID, g.Terms, w.Terms)
				}
			}
			// Writing again gives the same bytes.
			var buf2 bytes.Buffer
			if err := got.Write(&buf2); err != nil {
				t.Fatal(err)
			}
			if buf2.String() != buf.String() {
				t.Errorf("Write(Parse(Write(lex))) differs from Write(lex)")
			}
		})
	}
	// The header: the standard columns, then the other languages, then
	// note and source.
	lex := parse(t, "id\tde\ten\nx\tja\tyes\n")
	var buf bytes.Buffer
	lex.Write(&buf)
	first, _, _ := strings.Cut(buf.String(), "\n")
	if want := "id\tgroup\ten\tzh\tfr\tes\tru\tar\tde\tnote\tsource"; first != want {
		t.Errorf("Write header = %+q, want %+q", first, want)
	}
}

func TestMerge(t *testing.T) {
	base := parse(t, "id\tgroup\ten\na\tg\talpha\nb\tg\tbeta\nc\t\tgamma\n")
	user := parse(t, "id\tgroup\ten\tzh\nb\th\tbeta prime\t乙\nd\t\tdelta\t丁\n")
	m := base.Merge(user)
	var ids []string
	for _, c := range m.Concepts {
		ids = append(ids, c.ID)
	}
	if want := []string{"a", "b", "c", "d"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Merge ids = %+q, want %+q (replaced in place, new ones appended)", ids, want)
	}
	b := m.Lookup("b")
	if b == nil || b.Group != "h" || !reflect.DeepEqual(b.Terms["en"], []string{"beta prime"}) || !reflect.DeepEqual(b.Terms["zh"], []string{"乙"}) {
		t.Errorf("Merge: Lookup(b) = %+v, want the user concept", b)
	}
	for _, c := range m.Concepts {
		if c.ID == "b" && c != b {
			t.Errorf("Merge: Concepts and Lookup disagree on b")
		}
	}
	if got := base.Lookup("b").Terms["en"]; !reflect.DeepEqual(got, []string{"beta"}) || len(base.Concepts) != 3 {
		t.Errorf("Merge modified its receiver: b en = %+q, %d concepts", got, len(base.Concepts))
	}
	if got := m.Terms("en"); !reflect.DeepEqual(got, []string{"alpha", "beta prime", "gamma", "delta"}) {
		t.Errorf("Merge: Terms(en) = %+q", got)
	}
	if got := base.Merge(nil); len(got.Concepts) != 3 || got.Lookup("a") == nil {
		t.Errorf("Merge(nil) = %d concepts, want 3", len(got.Concepts))
	}
}

type hit struct {
	ID, Text   string
	Start, End int
}

func match(m *lexicon.Matcher, seg *segment.Segmenter, lang, text string) []hit {
	var out []hit
	for _, h := range m.Match(lang, text, seg.Tokens(lang, text)) {
		out = append(out, hit{h.Concept.ID, h.Text, h.Start, h.End})
	}
	return out
}

func TestMatchDefault(t *testing.T) {
	m, seg := defaultMatcher(t)
	tests := []struct {
		desc, lang, text string
		want             []hit
	}{
		{"English rendering inside a sentence", "en", "Promoting mutually beneficial cooperation in the field",
			[]hit{{"mutually-beneficial-cooperation", "mutually beneficial cooperation", 10, 41}}},
		{"inflected", "en", "mutually beneficial cooperations",
			[]hit{{"mutually-beneficial-cooperation", "mutually beneficial cooperations", 0, 32}}},
		{"capitalised", "en", "Mutually Beneficial Cooperation",
			[]hit{{"mutually-beneficial-cooperation", "Mutually Beneficial Cooperation", 0, 31}}},
		{"Chinese with an enumeration comma", "zh", "公平、正义", // U+3001 IDEOGRAPHIC COMMA
			[]hit{{"fairness-justice", "公平、正义", 0, len("公平、正义")}}},
		{"Chinese terms in a sentence", "zh", "以相互尊重、公平、正义和互利合作为基础",
			[]hit{
				{"mutual-respect", "相互尊重", len("以"), len("以相互尊重")},
				{"fairness-justice", "公平、正义", len("以相互尊重、"), len("以相互尊重、公平、正义")},
				{"mutually-beneficial-cooperation", "互利合作", len("以相互尊重、公平、正义和"), len("以相互尊重、公平、正义和互利合作")},
			}},
		{"Chinese win-win", "zh", "促进人权领域的合作共赢",
			[]hit{{"win-win-cooperation", "合作共赢", len("促进人权领域的"), len("促进人权领域的合作共赢")}}},
		{"Chinese longest match: 人类命运共同体 not 命运共同体", "zh", "以期构建人人享有人权的人类命运共同体",
			[]hit{{"shared-future", "人类命运共同体", len("以期构建人人享有人权的"), len("以期构建人人享有人权的人类命运共同体")}}},
		// gse's dictionary holds 构建人类命运共同体 as one word; the
		// default lexicon lists it so that the whole token matches.
		{"Chinese dictionary word listed as a rendering", "zh", "构建人类命运共同体",
			[]hit{{"shared-future", "构建人类命运共同体", 0, len("构建人类命运共同体")}}},
		{"exact rendering: accountability", "en", "to ensure accountability for violations",
			[]hit{{"accountability", "accountability", 10, 24}}},
		{"exact rendering: not take into account", "en", "taking into account the views", nil},
		{"Russian case forms", "ru", "путем взаимовыгодного сотрудничества",
			[]hit{{"mutually-beneficial-cooperation", "взаимовыгодного сотрудничества", len("путем "), len("путем взаимовыгодного сотрудничества")}}},
		{"language tag normalised", "zh-Hans", "合作共赢",
			[]hit{{"win-win-cooperation", "合作共赢", 0, len("合作共赢")}}},
		{"no hit", "en", "Guided by the Charter of the United Nations", nil},
	}
	for _, tt := range tests {
		if got := match(m, seg, tt.lang, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(%s, %+q) = %+v, want %+v", tt.desc, tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestMatchExact(t *testing.T) {
	lex := parse(t, "id\ten\naccountability\t=accountability\naccount\taccount book\n")
	seg := segment.New(nil)
	m := lexicon.NewMatcher(lex, seg)
	if m.Lexicon() != lex {
		t.Errorf("Matcher.Lexicon() is not the lexicon given")
	}
	tests := []struct {
		desc, text string
		want       []hit
	}{
		{"stems alike but is another word", "take into account", nil},
		{"accountable stems alike", "they are accountable", nil},
		{"the word itself", "accountability", []hit{{"accountability", "accountability", 0, 14}}},
		{"capitalised", "Accountability and justice", []hit{{"accountability", "Accountability", 0, 14}}},
		{"stemmed rendering still matches inflections", "two account books", []hit{{"account", "account books", 4, 17}}},
	}
	for _, tt := range tests {
		if got := match(m, seg, "en", tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Match(en, %+q) with =accountability = %+v, want %+v", tt.desc, tt.text, got, tt.want)
		}
	}
}

func TestMatchElliptic(t *testing.T) {
	m, seg := defaultMatcher(t)
	tests := []struct {
		desc, lang, text string
		want             []string // concept ids found, in order
		knownBug         string
	}{
		{"modifiers sharing one head", "en", "welcomes North-South, South-South and triangular cooperation",
			[]string{"north-south-cooperation", "south-south-cooperation", "triangular-cooperation"}, ""},
		// The conjunction right after the modifier is counted once.
		{"modifier followed by a conjunction", "en", "South-South and triangular cooperation",
			[]string{"south-south-cooperation", "triangular-cooperation"}, ""},
		{"modifier followed by a comma", "en", "North-South, triangular and South-South cooperation",
			[]string{"north-south-cooperation", "triangular-cooperation", "south-south-cooperation"}, ""},
		{"a coordinated noun phrase is not an ellipsis", "en", "efficiency, fairness and respect for human rights of justice systems",
			nil, ""},
		{"no conjunction before the head", "en", "North-South, bilateral cooperation",
			nil, ""},
		{"a semicolon ends the ellipsis", "en", "South-South, North-South; and triangular cooperation",
			[]string{"triangular-cooperation"}, ""},
		{"a modifier followed by a full stop is not elliptic", "en", "North-South. South-South and triangular cooperation",
			[]string{"south-south-cooperation", "triangular-cooperation"}, ""},
		{"more than two words after the conjunction", "en", "South-South and other forms of triangular cooperation",
			[]string{"triangular-cooperation"}, ""},
		// UNGeneva 2023: "coopération Nord-Sud, Sud-Sud et triangulaire"
		// (see the triangular-cooperation row of default.tsv).
		{"French ellipsis with the head first", "fr", "la coopération Nord-Sud, Sud-Sud et triangulaire",
			[]string{"north-south-cooperation", "south-south-cooperation", "triangular-cooperation"}, ""},
		{"Spanish ellipsis with the head first", "es", "la cooperación Norte-Sur, Sur-Sur y triangular",
			[]string{"north-south-cooperation", "south-south-cooperation", "triangular-cooperation"}, ""},
		{"head-first ellipsis needs the comma or conjunction", "fr", "la coopération Nord-Sud Sud-Sud",
			[]string{"north-south-cooperation"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var got []string
			for _, h := range match(m, seg, tt.lang, tt.text) {
				got = append(got, h.ID)
			}
			ok := reflect.DeepEqual(got, tt.want)
			if tt.knownBug != "" {
				if ok {
					t.Fatalf("known bug fixed, remove the note: Match(%s, %+q) = %+q", tt.lang, tt.text, got)
				}
				t.Skipf("known bug: %s: Match(%s, %+q) = %+q, want %+q", tt.knownBug, tt.lang, tt.text, got, tt.want)
			}
			if !ok {
				t.Errorf("Match(%s, %+q) = %+q, want %+q", tt.lang, tt.text, got, tt.want)
			}
		})
	}
	// The elliptic hit covers the modifier only.
	text := "North-South, South-South and triangular cooperation"
	hits := match(m, seg, "en", text)
	if len(hits) == 0 || hits[0] != (hit{"north-south-cooperation", "North-South", 0, 11}) {
		t.Errorf("Match(en, %+q)[0] = %+v, want north-south-cooperation on %+q [0:11]", text, hits, "North-South")
	}
}

func TestMatchCustomChinese(t *testing.T) {
	lex := parse(t, "id\tgroup\ten\tzh\nmbc\tf\tmutually beneficial cooperation\t互利合作\nwin\tf\twin-win cooperation\t合作共赢\n")
	seg := segment.New(lex.Terms("zh"))
	m := lexicon.NewMatcher(lex, seg)
	m.Prepare("zh")
	text := "在互利合作和合作共赢之间"
	got := match(m, seg, "zh", text)
	want := []hit{
		{"mbc", "互利合作", len("在"), len("在互利合作")},
		{"win", "合作共赢", len("在互利合作和"), len("在互利合作和合作共赢")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Match(zh, %+q) = %+v, want %+v", text, got, want)
	}
	if got := match(m, seg, "fr", "coopération"); got != nil {
		t.Errorf("Match in a language with no renderings = %+v, want none", got)
	}
}

// BenchmarkMerge merges a lexicon of n concepts with one that redefines
// every one of them, as "--lexicon old.tsv --lexicon new.tsv" does, at two
// sizes ten times apart. Each replaced concept was found by a scan of the
// merged list: the work grew with the square of n.
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var old, upd strings.Builder
			old.WriteString("id\ten\n")
			upd.WriteString("id\ten\n")
			for i := range n {
				fmt.Fprintf(&old, "c%d\tterm %d\n", i, i)
				fmt.Fprintf(&upd, "c%d\tnew term %d\n", i, i)
			}
			a, err := lexicon.Parse(strings.NewReader(old.String()), "old.tsv")
			if err != nil {
				b.Fatal(err)
			}
			c, err := lexicon.Parse(strings.NewReader(upd.String()), "new.tsv")
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if m := a.Merge(c); len(m.Concepts) != n {
					b.Fatalf("%d concepts, want %d", len(m.Concepts), n)
				}
			}
		})
	}
}
