package document_test

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/reader"
)

// wantBodyIDs are the ids of the body of draft A/HRC/37/L.36 (see
// testdata/founding/README.md: the title, 15 preambular and 5 operative
// paragraphs).
func wantBodyIDs() []string {
	ids := []string{"title"}
	for i := 1; i <= 15; i++ {
		ids = append(ids, "PP"+strconv.Itoa(i))
	}
	for i := 1; i <= 5; i++ {
		ids = append(ids, "OP"+strconv.Itoa(i))
	}
	return ids
}

func parseFile(t *testing.T, path, lang string) *document.Document {
	t.Helper()
	paras, err := reader.ReadFile(path, reader.Options{})
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", path, err)
	}
	return document.Parse(paras, path, lang)
}

func ids(ps []*document.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func allIDs(d *document.Document) []string {
	out := make([]string, len(d.Paras))
	for i, p := range d.Paras {
		out[i] = p.ID
	}
	return out
}

func TestFounding(t *testing.T) {
	tests := []struct {
		desc, path, lang string
		title            string // start of the title after BodyStart
		op1Label         string
		op1Body          string // start of OP1 after BodyStart
	}{
		{"English draft", "../testdata/founding/L36.en.txt", "en",
			"Promoting mutually beneficial cooperation", "1.", "Calls upon all States"},
		{"Chinese draft", "../testdata/founding/L36.zh.txt", "zh",
			"促进人权领域的互利合作", "1．", "吁请所有国家"}, // U+FF0E FULLWIDTH FULL STOP
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := parseFile(t, tt.path, tt.lang)
			if d.Symbol != "A/HRC/37/L.36" {
				t.Errorf("%s: Symbol = %+q, want %+q", tt.path, d.Symbol, "A/HRC/37/L.36")
			}
			if !d.Structured {
				t.Errorf("%s: Structured = false, want true", tt.path)
			}
			if d.Path != tt.path || d.Lang != tt.lang {
				t.Errorf("%s: Path, Lang = %+q, %+q; want %+q, %+q", tt.path, d.Path, d.Lang, tt.path, tt.lang)
			}
			body := d.Body()
			if got, want := ids(body), wantBodyIDs(); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: body ids = %+q, want %+q", tt.path, got, want)
			}
			// 12 header blocks: 10 of boilerplate, the title, the opener.
			if len(d.Paras) != 32 {
				t.Errorf("%s: %d paragraphs, want 32", tt.path, len(d.Paras))
			}
			for i, p := range d.Paras {
				if p.Index != i {
					t.Errorf("%s: Paras[%d].Index = %d", tt.path, i, p.Index)
				}
				isHeader := strings.HasPrefix(p.ID, "H")
				if isHeader != (p.Kind == document.Header) || isHeader == p.Compared() {
					t.Errorf("%s: paragraph %s (%+q) has kind %s, Compared %v", tt.path, p.ID, p.Text, p.Kind, p.Compared())
				}
			}
			for _, p := range body {
				if p.Kind == document.Header {
					t.Errorf("%s: header paragraph %s (%+q) in Body", tt.path, p.ID, p.Text)
				}
			}
			// The header holds H1…H11: symbol … sponsors, then the opener.
			var header []string
			for _, p := range d.Paras {
				if p.Kind == document.Header {
					header = append(header, p.ID)
				}
			}
			if len(header) != 11 || header[0] != "H1" || header[10] != "H11" {
				t.Errorf("%s: header ids = %+q, want H1…H11", tt.path, header)
			}
			if p := d.Para("H1"); p == nil || p.Text != "A/HRC/37/L.36" {
				t.Errorf("%s: Para(H1) = %+v, want the symbol line", tt.path, p)
			}
			if p := d.Para("H11"); p == nil || !strings.HasPrefix(p.Text, map[string]string{"en": "The Human Rights Council,", "zh": "人权理事会，"}[tt.lang]) {
				t.Errorf("%s: Para(H11) = %+v, want the opener", tt.path, p)
			}

			title := d.Para("title")
			if title == nil || title.Kind != document.Title {
				t.Fatalf("%s: no title paragraph (%+v)", tt.path, title)
			}
			if !strings.HasPrefix(title.Text, "37/... ") || title.BodyStart != len("37/... ") {
				t.Errorf("%s: title %+q BodyStart = %d, want %d (after %+q)", tt.path, title.Text, title.BodyStart, len("37/... "), "37/... ")
			}
			if got := title.Text[title.BodyStart:]; !strings.HasPrefix(got, tt.title) {
				t.Errorf("%s: title body = %+q, want it to start with %+q", tt.path, got, tt.title)
			}

			for n := 1; n <= 5; n++ {
				id := "OP" + strconv.Itoa(n)
				p := d.Para(id)
				if p == nil {
					t.Errorf("%s: no %s", tt.path, id)
					continue
				}
				label := strconv.Itoa(n) + tt.op1Label[1:]
				if p.Kind != document.Operative || p.Num != n || p.Label != label {
					t.Errorf("%s: %s kind %s, Num %d, Label %+q; want operative, %d, %+q", tt.path, id, p.Kind, p.Num, p.Label, n, label)
				}
				wantStart := len(label)
				if tt.lang == "en" {
					wantStart++ // "1. " has a space, "1．" has none
				}
				if p.BodyStart != wantStart {
					t.Errorf("%s: %s %+q BodyStart = %d, want %d", tt.path, id, p.Text, p.BodyStart, wantStart)
				}
			}
			op1 := d.Para("OP1")
			if got := op1.Text[op1.BodyStart:]; !strings.HasPrefix(got, tt.op1Body) {
				t.Errorf("%s: OP1 body = %+q, want it to start with %+q", tt.path, got, tt.op1Body)
			}
			for n := 1; n <= 15; n++ {
				p := d.Para("PP" + strconv.Itoa(n))
				if p.Kind != document.Preamble || p.BodyStart != 0 || p.Label != "" || p.Num != 0 {
					t.Errorf("%s: PP%d = kind %s, BodyStart %d, Label %+q, Num %d; want preamble, 0, \"\", 0", tt.path, n, p.Kind, p.BodyStart, p.Label, p.Num)
				}
			}
			if got, want := d.Para("PP1").Text, map[string]string{"en": "Guided by the Charter of the United Nations,", "zh": "以《联合国宪章》为指导，"}[tt.lang]; got != want {
				t.Errorf("%s: PP1 = %+q, want %+q", tt.path, got, want)
			}
		})
	}
}

// doc builds the paragraphs of a text whose paragraphs are separated by
// blank lines.
func doc(paras ...string) []extract.Paragraph {
	return extract.Split(strings.Join(paras, "\n\n"))
}

func TestParseStructure(t *testing.T) {
	type want struct{ id, label, body string }
	tests := []struct {
		desc  string
		paras []string
		want  []want // every paragraph of the body, in order
	}{
		{
			desc: "letters under an operative paragraph",
			paras: []string{"The General Assembly,", "Recalling its resolutions,",
				"1. Decides to act;", "2. Requests:", "(a) To report;", "(b) To consult;", "3. Decides to remain seized."},
			want: []want{{"PP1", "", "Recalling"}, {"OP1", "1.", "Decides"}, {"OP2", "2.", "Requests"},
				{"OP2(a)", "(a)", "To report"}, {"OP2(b)", "(b)", "To consult"}, {"OP3", "3.", "Decides to remain"}},
		},
		{
			desc: "roman numerals under a letter",
			paras: []string{"The Human Rights Council,", "Recalling,",
				"1. Decides;", "2. Requests:", "(a) To report on:", "(i) The first;", "(ii) The second;", "(iii) The third;", "(b) To consult;"},
			want: []want{{"PP1", "", "Recalling"}, {"OP1", "1.", "Decides"}, {"OP2", "2.", "Requests"},
				{"OP2(a)", "(a)", "To report"}, {"OP2(a)(i)", "(i)", "The first"}, {"OP2(a)(ii)", "(ii)", "The second"},
				{"OP2(a)(iii)", "(iii)", "The third"}, {"OP2(b)", "(b)", "To consult"}},
		},
		{
			desc: "(i) after (h) is the letter i",
			paras: []string{"The Security Council,", "Recalling,", "1. Decides;", "2. Requests:",
				"(a) a;", "(b) b;", "(c) c;", "(d) d;", "(e) e;", "(f) f;", "(g) g;", "(h) h;", "(i) i;", "(j) j;"},
			want: []want{{"PP1", "", "Recalling"}, {"OP1", "1.", "Decides"}, {"OP2", "2.", "Requests"},
				{"OP2(a)", "(a)", "a;"}, {"OP2(b)", "(b)", "b;"}, {"OP2(c)", "(c)", "c;"}, {"OP2(d)", "(d)", "d;"},
				{"OP2(e)", "(e)", "e;"}, {"OP2(f)", "(f)", "f;"}, {"OP2(g)", "(g)", "g;"}, {"OP2(h)", "(h)", "h;"},
				{"OP2(i)", "(i)", "i;"}, {"OP2(j)", "(j)", "j;"}},
		},
		{
			desc: "(v) after (iv) is the numeral five",
			paras: []string{"The Council,", "1. Requests:", "(a) To report on:",
				"(i) one;", "(ii) two;", "(iii) three;", "(iv) four;", "(v) five;", "(b) To consult;"},
			want: []want{{"OP1", "1.", "Requests"}, {"OP1(a)", "(a)", "To report"},
				{"OP1(a)(i)", "(i)", "one"}, {"OP1(a)(ii)", "(ii)", "two"}, {"OP1(a)(iii)", "(iii)", "three"},
				{"OP1(a)(iv)", "(iv)", "four"}, {"OP1(a)(v)", "(v)", "five"}, {"OP1(b)", "(b)", "To consult"}},
		},
		{
			desc: "Chinese: full-width stop and full-width parentheses",
			paras: []string{"人权理事会，", "回顾其决议，",
				"1．决定采取行动；", // U+FF0E FULLWIDTH FULL STOP
				"2．请：",
				"（a）提交报告；", // U+FF08 FULLWIDTH LEFT PARENTHESIS, U+FF09 FULLWIDTH RIGHT PARENTHESIS
				"（b）进行协商；",
				"（一）不是字母；"}, // 一 is a letter (Lo), not a Latin letter: a new first-level sub-paragraph
			want: []want{{"PP1", "", "回顾"}, {"OP1", "1．", "决定"}, {"OP2", "2．", "请"},
				{"OP2(a)", "（a）", "提交"}, {"OP2(b)", "（b）", "进行"}, {"OP2(一)", "（一）", "不是"}},
		},
		{
			desc: "full-width digit and ideographic full stop",
			paras: []string{"大会，", "１．决定；", // U+FF11 FULLWIDTH DIGIT ONE
				"２。请；"}, // U+3002 IDEOGRAPHIC FULL STOP
			want: []want{{"OP1", "１．", "决定"}, {"OP2", "２。", "请"}},
		},
		{
			desc: "Arabic operative numbers with a dash",
			paras: []string{"إن مجلس حقوق الإنسان،", // ends with U+060C ARABIC COMMA
				"إذ يسترشد بميثاق الأمم المتحدة،",
				"١ - يهيب بجميع الدول", // U+0661 ARABIC-INDIC DIGIT ONE
				"٢ - يطلب"},
			want: []want{{"PP1", "", "إذ"}, {"OP1", "١ -", "يهيب"}, {"OP2", "٢ -", "يطلب"}},
		},
		{
			desc:  "a numbered paragraph in the preamble with a lower-case word is not operative",
			paras: []string{"The Council,", "Recalling,", "2. was adopted in 2015,", "1. Decides;"},
			want:  []want{{"PP1", "", "Recalling"}, {"PP2", "", "2. was"}, {"OP1", "1.", "Decides"}},
		},
		{
			desc:  "an extract keeps the numbering as written",
			paras: []string{"The Council,", "4. Invites;", "5. Requests;"},
			want:  []want{{"OP4", "4.", "Invites"}, {"OP5", "5.", "Requests"}},
		},
		{
			desc:  "unnumbered text after the operative part is a trailer",
			paras: []string{"The Council,", "1. Decides;", "57th meeting"},
			want:  []want{{"OP1", "1.", "Decides"}, {"T1", "", "57th"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := document.Parse(doc(tt.paras...), "test.txt", "")
			if !d.Structured {
				t.Errorf("Parse(%+q): Structured = false, want true", tt.paras)
			}
			body := d.Body()
			var got []want
			for _, p := range body {
				got = append(got, want{p.ID, p.Label, p.Text[p.BodyStart:]})
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i].id == tt.want[i].id && got[i].label == tt.want[i].label && strings.HasPrefix(got[i].body, tt.want[i].body)
			}
			if !ok {
				t.Errorf("Parse(%+q) body =\n%+q\nwant (id, label, body prefix)\n%+q", tt.paras, got, tt.want)
			}
		})
	}
}

// Sub-paragraphs of the preamble belong to their preambular paragraph.
func TestParsePreambleSubParagraphs(t *testing.T) {
	paras := []string{"The General Assembly,", "Recalling the following:", "(a) the first;", "(b) the second,",
		"Noting its resolutions,", "Recognizing that:", "(i) the letter i starts a new list,", "1. Decides;"}
	d := document.Parse(doc(paras...), "", "en")
	want := []string{"PP1", "PP1(a)", "PP1(b)", "PP2", "PP3", "PP3(i)", "OP1"}
	got := ids(d.Body())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(%+q) ids = %+q, want %+q", paras, got, want)
	}
}

func TestParsePlain(t *testing.T) {
	tests := []struct {
		desc   string
		paras  []string
		ids    []string
		labels []string
		symbol string
	}{
		{"no opener line", []string{"Some text.", "More text.", "The end."},
			[]string{"P1", "P2", "P3"}, []string{"", "", ""}, ""},
		{"numbered paragraphs keep their label", []string{"Report A/70/1 of the meeting", "1. First point.", "2. Second point."},
			[]string{"P1", "P2", "P3"}, []string{"", "1.", "2."}, "A/70/1"},
		{"an opener longer than 80 runes is not an opener",
			[]string{"The Council, " + strings.Repeat("x", 80) + ",", "1. Decides;"},
			[]string{"P1", "P2"}, []string{"", "1."}, ""},
		{"a symbol after the third paragraph is not the document's", []string{"a", "b", "c", "S/2015/87"},
			[]string{"P1", "P2", "P3", "P4"}, []string{"", "", "", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := document.Parse(doc(tt.paras...), "", "en")
			if d.Structured {
				t.Errorf("Parse(%+q): Structured = true, want false", tt.paras)
			}
			if got := allIDs(d); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("Parse(%+q) ids = %+q, want %+q", tt.paras, got, tt.ids)
			}
			for i, p := range d.Paras {
				if p.Kind != document.Plain {
					t.Errorf("Parse(%+q): %s kind %s, want plain", tt.paras, p.ID, p.Kind)
				}
				if i < len(tt.labels) && p.Label != tt.labels[i] {
					t.Errorf("Parse(%+q): %s label %+q, want %+q", tt.paras, p.ID, p.Label, tt.labels[i])
				}
			}
			if d.Symbol != tt.symbol {
				t.Errorf("Parse(%+q): Symbol = %+q, want %+q", tt.paras, d.Symbol, tt.symbol)
			}
			if len(d.Body()) != len(d.Paras) {
				t.Errorf("Parse(%+q): Body has %d of %d paragraphs, want all", tt.paras, len(d.Body()), len(d.Paras))
			}
		})
	}
}

func TestFindSymbols(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		want []string
	}{
		{"adopted HRC resolution", "A/HRC/RES/37/23", []string{"A/HRC/RES/37/23"}},
		{"Security Council document", "S/2015/87", []string{"S/2015/87"}},
		{"ECOSOC commission with addendum", "E/CN.4/2005/L.10/Add.1", []string{"E/CN.4/2005/L.10/Add.1"}},
		{"draft", "A/HRC/37/L.36", []string{"A/HRC/37/L.36"}},
		{"revised draft", "A/HRC/43/L.13/Rev.1", []string{"A/HRC/43/L.13/Rev.1"}},
		{"in a sentence, trailing full stop dropped", "Recalling resolution A/HRC/RES/37/23 and S/2015/87.", []string{"A/HRC/RES/37/23", "S/2015/87"}},
		{"Chinese context", "第A/HRC/37/L.36号决议", []string{"A/HRC/37/L.36"}},
		{"no digit: not a symbol", "A/HRC", nil},
		{"no slash: not a symbol", "L.36", nil},
		{"lower case is not a symbol", "and/or 2015", nil},
		{"early GA resolution: the session in Roman numerals", "A/RES/217 (III)", []string{"A/RES/217 (III)"}},
		{"session without a space, as ODS writes it", "A/RES/217(III)", []string{"A/RES/217(III)"}},
		{"part A of the resolution and its session", "A/RES/217 A (III)", []string{"A/RES/217 A (III)"}},
		{"part letter without spaces", "A/RES/217A(III)", []string{"A/RES/217A(III)"}},
		{"no-break spaces are written as spaces", "A/RES/217\u00a0A\u00a0(III)", []string{"A/RES/217 A (III)"}}, // U+00A0 NO-BREAK SPACE
		{"narrow no-break space", "A/RES/3379\u202f(XXX)", []string{"A/RES/3379 (XXX)"}},                        // U+202F NARROW NO-BREAK SPACE
		{"ECOSOC resolution with its session", "E/RES/1503 (XLVIII)", []string{"E/RES/1503 (XLVIII)"}},
		{"emergency special session", "A/RES/997 (ES-I)", []string{"A/RES/997 (ES-I)"}},
		{"in a sentence", "Recalling resolution A/RES/217 A (III) of 10 December 1948,", []string{"A/RES/217 A (III)"}},
		{"a letter without a session is text", "A/RES/217 A new text", []string{"A/RES/217"}},
		{"a year after a draft is text", "A/HRC/37/L.36 (2018)", []string{"A/HRC/37/L.36"}},
		{"a year after a GA resolution is text", "A/RES/70/1 (2015)", []string{"A/RES/70/1"}},
		{"a year after a Security Council document is text", "S/2015/87 (2015)", []string{"S/2015/87"}},
		{"Security Council resolution: the year is part of it", "S/RES/2334 (2016)", []string{"S/RES/2334 (2016)"}},
		{"Security Council resolution without a space", "S/RES/2334(2016)", []string{"S/RES/2334(2016)"}},
		{"Security Council resolution without its year", "S/RES/2334, adopted", []string{"S/RES/2334"}},
		{"two digits are not a year", "S/RES/2334 (16)", []string{"S/RES/2334"}},
		{"a lower-case roman numeral is a list item, not a session", "A/RES/70/1 (i) and", []string{"A/RES/70/1"}},
		{"Roman numerals after a draft symbol are text", "A/HRC/37/L.36 (III)", []string{"A/HRC/37/L.36"}},
		{"two symbols with suffixes", "S/RES/242 (1967) and A/RES/181 (II).", []string{"S/RES/242 (1967)", "A/RES/181 (II)"}},
	}
	for _, tt := range tests {
		if got := document.FindSymbols(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: FindSymbols(%+q) = %+q, want %+q", tt.desc, tt.in, got, tt.want)
		}
	}
}

// checkIDs checks the invariants of a parsed document; it returns the ids
// given to more than one paragraph.
func checkIDs(t *testing.T, in string, d *document.Document) (dups []string) {
	t.Helper()
	seen := map[string]bool{}
	for i, p := range d.Paras {
		if p.ID == "" {
			t.Errorf("Parse(%+q): paragraph %d (%+q) has no id", in, i, p.Text)
		}
		if seen[p.ID] {
			dups = append(dups, p.ID)
		}
		seen[p.ID] = true
		if p.BodyStart < 0 || p.BodyStart > len(p.Text) {
			t.Errorf("Parse(%+q): %s BodyStart %d outside %+q", in, p.ID, p.BodyStart, p.Text)
		} else if utf8.ValidString(p.Text) && !utf8.ValidString(p.Text[:p.BodyStart]) {
			t.Errorf("Parse(%+q): %s BodyStart %d not on a rune boundary of %+q", in, p.ID, p.BodyStart, p.Text)
		}
		if p.Index != i {
			t.Errorf("Parse(%+q): %s Index %d, want %d", in, p.ID, p.Index, i)
		}
	}
	return dups
}

// Ids are unique: a draft with a numbering slip (two paragraphs numbered
// 2., a repeated sub-paragraph letter) must still give every paragraph its
// own id, or Para and the aligner's id anchors pick the wrong paragraph.
func TestParseUniqueIDs(t *testing.T) {
	tests := []struct {
		desc  string
		paras []string
	}{
		{"operative number repeated", []string{"The Council,", "1. Decides;", "2. Requests;", "2. Invites;", "3. Decides;"}},
		{"operative number going back", []string{"The Council,", "1. Decides;", "2. Requests;", "1. Invites;"}},
		{"sub-paragraph letter repeated", []string{"The Council,", "1. Requests:", "(a) x;", "(a) y;"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			in := strings.Join(tt.paras, "\n\n")
			d := document.Parse(doc(tt.paras...), "", "en")
			if dups := checkIDs(t, in, d); len(dups) > 0 {
				t.Errorf("duplicate ids %+q: Parse(%+q) ids = %+q, want unique ids", dups, tt.paras, allIDs(d))
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"L36.en.txt", "L36.zh.txt"} {
		b, err := os.ReadFile("../testdata/founding/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
		// A short seed as well: the whole file is slow to mutate.
		tail := len(b) - 1500
		for !utf8.RuneStart(b[tail]) {
			tail++
		}
		f.Add(string(b[tail:]))
	}
	f.Add("The Council,\n\n1. Requests:\n\n(a) x;\n\n(i) y;\n\n(ii) z;\n\n(b) w")
	f.Add("大会，\n\n１．决定；\n\n（a）x\n\n２。请")
	f.Add("37/23. Title\n\nThe Council,\n\nRecalling,")
	f.Add("The Council,\n\n1.\u00a0Decides\n\n(a)\u3000x\n\n\u0661\u00a0-\u00a0y") // U+00A0 NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE
	f.Add("A/RES/217\u00a0A (III)\n\n217 A (III). Title\n\nS/RES/2334 (2016)\n\nThe General Assembly,")
	f.Fuzz(func(t *testing.T, s string) {
		paras := extract.Split(s)
		d := document.Parse(paras, "fuzz.txt", "")
		if len(d.Paras) != len(paras) {
			t.Fatalf("Parse(%+q): %d paragraphs, want %d", s, len(d.Paras), len(paras))
		}
		for i, p := range d.Paras {
			if p.Text != paras[i].Text {
				t.Errorf("Parse(%+q): paragraph %d text %+q, want %+q", s, i, p.Text, paras[i].Text)
			}
		}
		if dups := checkIDs(t, s, d); len(dups) > 0 {
			t.Errorf("duplicate ids %+q in Parse(%+q)", dups, s)
		}
	})
}

// labelSpaces are the spaces a file may put after a label instead of
// U+0020: Go's \s is ASCII only, so each needs its own test.
var labelSpaces = []struct{ name, s string }{
	{"U+0020 SPACE", " "},
	{"U+0009 CHARACTER TABULATION", "\t"},
	{"U+00A0 NO-BREAK SPACE", "\u00a0"},            // U+00A0 NO-BREAK SPACE
	{"U+2002 EN SPACE", "\u2002"},                  // U+2002 EN SPACE
	{"U+2000 EN QUAD", "\u2000"},                   // U+2000 EN QUAD
	{"U+2009 THIN SPACE", "\u2009"},                // U+2009 THIN SPACE
	{"U+200A HAIR SPACE", "\u200a"},                // U+200A HAIR SPACE
	{"U+202F NARROW NO-BREAK SPACE", "\u202f"},     // U+202F NARROW NO-BREAK SPACE
	{"U+205F MEDIUM MATHEMATICAL SPACE", "\u205f"}, // U+205F MEDIUM MATHEMATICAL SPACE
	{"U+3000 IDEOGRAPHIC SPACE", "\u3000"},         // U+3000 IDEOGRAPHIC SPACE
	{"U+00A0 twice", "\u00a0\u00a0"},               // U+00A0 NO-BREAK SPACE, twice (a Word "1.<tab>" exported as two &nbsp;)
	{"U+00A0 then U+0020", "\u00a0 "},              // U+00A0 NO-BREAK SPACE, U+0020 SPACE (&nbsp; and a space)
}

// Labels followed by any Unicode space are labels: "1.&nbsp;Decides" from an
// HTML page is OP1, not a preambular paragraph starting "1.".
func TestParseLabelSpaces(t *testing.T) {
	type want struct{ id, label, body string }
	for _, sp := range labelSpaces {
		tests := []struct {
			desc  string
			paras []string
			want  []want
		}{
			{"operative number, sub-paragraph letter, roman numeral",
				[]string{"The Human Rights Council,", "Recalling its resolutions,", "1." + sp.s + "Decides to act;",
					"2." + sp.s + "Requests:", "(a)" + sp.s + "To report on:", "(i)" + sp.s + "The first;"},
				[]want{{"PP1", "", "Recalling"}, {"OP1", "1.", "Decides"}, {"OP2", "2.", "Requests"},
					{"OP2(a)", "(a)", "To report"}, {"OP2(a)(i)", "(i)", "The first"}}},
			{"Arabic number with a dash, space on both sides",
				[]string{"إن مجلس حقوق الإنسان،", // ends with U+060C ARABIC COMMA
					"١" + sp.s + "-" + sp.s + "يهيب بجميع الدول", // U+0661 ARABIC-INDIC DIGIT ONE
					"2" + sp.s + "-" + sp.s + "يطلب"},
				[]want{{"OP1", "١" + sp.s + "-", "يهيب"}, {"OP2", "2" + sp.s + "-", "يطلب"}}},
			{"Chinese: full-width stop then the space",
				[]string{"大会，", "1．" + sp.s + "决定；"}, // U+FF0E FULLWIDTH FULL STOP
				[]want{{"OP1", "1．", "决定"}}},
		}
		for _, tt := range tests {
			t.Run(sp.name+"/"+tt.desc, func(t *testing.T) {
				d := document.Parse(doc(tt.paras...), "test.txt", "")
				var got []want
				for _, p := range d.Body() {
					got = append(got, want{p.ID, p.Label, p.Text[p.BodyStart:]})
				}
				ok := len(got) == len(tt.want)
				for i := 0; ok && i < len(got); i++ {
					ok = got[i].id == tt.want[i].id && got[i].label == tt.want[i].label && strings.HasPrefix(got[i].body, tt.want[i].body)
				}
				if !ok {
					t.Errorf("Parse(%+q) body =\n%+q\nwant (id, label, body prefix)\n%+q", tt.paras, got, tt.want)
				}
			})
		}
	}
}

// The title number, header dates and the opener accept Unicode spaces too.
func TestParseHeaderSpaces(t *testing.T) {
	for _, sp := range labelSpaces {
		tests := []struct {
			desc      string
			paras     []string
			title     string // text of the title after BodyStart, "" for no title
			structure bool
		}{
			{"title number then the space; a date before it is boilerplate",
				[]string{"A/HRC/RES/37/23", "22" + sp.s + "March" + sp.s + "2018", "37/23." + sp.s + "Promoting cooperation", "The Human Rights Council,", "Recalling,"},
				"Promoting cooperation", true},
			{"a date alone before the opener is boilerplate, not the title",
				[]string{"A/HRC/RES/37/23", "Distr.:" + sp.s + "General", "23" + sp.s + "March" + sp.s + "2018", "The Human Rights Council,", "Recalling,"},
				"", true},
			{"a Chinese body name spaced out by the masthead is boilerplate, not the title",
				[]string{"A/HRC/RES/37/23", "促进人权领域的互利合作", "人" + sp.s + "权" + sp.s + "理" + sp.s + "事" + sp.s + "会", "人权理事会，", "回顾其决议，"},
				"促进人权领域的互利合作", true},
			{"Chinese opener with the space before the comma",
				[]string{"人权理事会" + sp.s + "，", "回顾其决议，", "1．决定；"}, // U+FF0C FULLWIDTH COMMA
				"", true},
		}
		for _, tt := range tests {
			t.Run(sp.name+"/"+tt.desc, func(t *testing.T) {
				d := document.Parse(doc(tt.paras...), "test.txt", "")
				if d.Structured != tt.structure {
					t.Fatalf("Parse(%+q): Structured = %v, want %v (ids %+q)", tt.paras, d.Structured, tt.structure, allIDs(d))
				}
				title := d.Para("title")
				switch {
				case tt.title == "" && title != nil:
					t.Errorf("Parse(%+q): title %+q, want none (ids %+q)", tt.paras, title.Text, allIDs(d))
				case tt.title != "" && title == nil:
					t.Errorf("Parse(%+q): no title, want %+q (ids %+q)", tt.paras, tt.title, allIDs(d))
				case tt.title != "" && title.Text[title.BodyStart:] != tt.title:
					t.Errorf("Parse(%+q): title body %+q, want %+q", tt.paras, title.Text[title.BodyStart:], tt.title)
				}
			})
		}
	}
}

// The symbol of a resolution keeps its session or (Security Council) year;
// the header line that holds only it is boilerplate, not the title.
func TestParseSymbolWithSession(t *testing.T) {
	tests := []struct {
		desc   string
		paras  []string
		symbol string
		h1     string // the first header paragraph
		title  string // the title paragraph, "" for none
	}{
		{"Security Council resolution: the year is part of the symbol",
			[]string{"S/RES/2334 (2016)", "The Security Council,", "Reaffirming its relevant resolutions,", "1. Reaffirms;"},
			"S/RES/2334 (2016)", "S/RES/2334 (2016)", ""},
		{"early General Assembly resolution, no-break space before the session",
			[]string{"A/RES/217\u00a0(III)", // U+00A0 NO-BREAK SPACE
				"217 (III). International Bill of Human Rights", "The General Assembly,", "Recognizing,"},
			"A/RES/217 (III)", "A/RES/217\u00a0(III)", "217 (III). International Bill of Human Rights"},
		{"part A of an early resolution",
			[]string{"A/RES/217 A (III)", "Universal Declaration of Human Rights", "The General Assembly,", "Proclaims,"},
			"A/RES/217 A (III)", "A/RES/217 A (III)", "Universal Declaration of Human Rights"},
	}
	// The number and session before the title of an early resolution are
	// its number, cut off as "37/23. " is.
	titles := []struct{ desc, title, body string }{
		{"number, part and session", "217 A (III). Universal Declaration of Human Rights", "Universal Declaration of Human Rights"},
		{"number and session", "1514 (XV). Declaration on the granting of independence", "Declaration on the granting of independence"},
		{"no-break spaces", "217\u00a0A\u00a0(III).\u00a0Universal Declaration", "Universal Declaration"}, // U+00A0 NO-BREAK SPACE
		{"emergency special session", "997 (ES-I). Resolution", "Resolution"},
		{"a session without the full stop is not a number", "217 (III) Universal", "217 (III) Universal"},
	}
	for _, tt := range titles {
		d := document.Parse(doc("A/RES/1", tt.title, "Agenda item 3", "The General Assembly,", "Recalling,"), "", "en")
		title := d.Para("title")
		if title == nil || title.Text[title.BodyStart:] != tt.body {
			t.Errorf("%s: title %+v, want the text %+q after its number", tt.desc, title, tt.body)
		}
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := document.Parse(doc(tt.paras...), "", "en")
			if d.Symbol != tt.symbol {
				t.Errorf("Parse(%+q): Symbol = %+q, want %+q", tt.paras, d.Symbol, tt.symbol)
			}
			if p := d.Para("H1"); p == nil || p.Text != tt.h1 {
				t.Errorf("Parse(%+q): H1 = %+v, want %+q (ids %+q)", tt.paras, p, tt.h1, allIDs(d))
			}
			title := d.Para("title")
			if tt.title == "" && title != nil || tt.title != "" && (title == nil || title.Text != tt.title) {
				t.Errorf("Parse(%+q): title = %+v, want %+q (ids %+q)", tt.paras, title, tt.title, allIDs(d))
			}
		})
	}
}
