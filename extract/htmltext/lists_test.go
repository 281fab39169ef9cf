package htmltext_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract/htmltext"
)

// bodyTexts reads in and returns the text of its body paragraphs.
func bodyTexts(t *testing.T, in string) []string {
	t.Helper()
	ps, err := htmltext.Read([]byte(in), htmltext.Options{})
	if err != nil {
		t.Fatalf("Read(%+q): %v", in, err)
	}
	var out []string
	for _, p := range ps {
		if !p.Note {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestReadListLabels(t *testing.T) {
	tests := []struct {
		desc, in string
		want     []string
	}{
		{"ol is decimal by default",
			"<ol><li>Decides<li>Requests</ol>", []string{"1. Decides", "2. Requests"}},
		{"type=1",
			`<ol type="1"><li>x<li>y</ol>`, []string{"1. x", "2. y"}},
		{"type=a: UN form (a), not a.",
			`<ol type="a"><li>x<li>y</ol>`, []string{"(a) x", "(b) y"}},
		{"type=A",
			`<ol type="A"><li>x<li>y</ol>`, []string{"(A) x", "(B) y"}},
		{"type=i",
			`<ol type="i"><li>x<li>y<li>z<li>w<li>v</ol>`, []string{"(i) x", "(ii) y", "(iii) z", "(iv) w", "(v) v"}},
		{"type=I",
			`<ol type="I" start="9"><li>x<li>y</ol>`, []string{"(IX) x", "(X) y"}},
		{"an unknown type attribute is decimal",
			`<ol type="q"><li>x</ol>`, []string{"1. x"}},
		{"start",
			`<ol start="7"><li>Invites<li>Decides</ol>`, []string{"7. Invites", "8. Decides"}},
		{"start with white space and junk after the digits, as HTML parses it",
			`<ol start=" 12th"><li>x</ol>`, []string{"12. x"}},
		{"an invalid start is ignored",
			`<ol start="seven"><li>x</ol>`, []string{"1. x"}},
		{"negative start counts through 0",
			`<ol start="-1"><li>x<li>y<li>z</ol>`, []string{"-1. x", "0. y", "1. z"}},
		{"reversed counts down from the number of items",
			`<ol reversed><li>x<li>y<li>z</ol>`, []string{"3. x", "2. y", "1. z"}},
		{"reversed with start",
			`<ol reversed start="10"><li>x<li>y</ol>`, []string{"10. x", "9. y"}},
		{"reversed counts only its own items, not those of a nested list",
			`<ol reversed><li>x<ol><li>a<li>b<li>c</ol><li>y</ol>`, []string{"2. x", "1. a", "2. b", "3. c", "1. y"}},
		{"second reversed list counted on its own",
			`<ol><li>p</ol><ol reversed><li>x<li>y</ol>`, []string{"1. p", "2. x", "1. y"}},
		{"li value sets the number and the next follow it",
			`<ol><li>x<li value="5">y<li>z</ol>`, []string{"1. x", "5. y", "6. z"}},
		{"li value in a reversed list",
			`<ol reversed><li>x<li value="10">y<li>z</ol>`, []string{"3. x", "10. y", "9. z"}},
		{"li type overrides the list's",
			`<ol><li>x<li type="a">y</ol>`, []string{"1. x", "(b) y"}},
		{"CSS list-style-type on ol",
			`<ol style="list-style-type: lower-alpha"><li>x<li>y</ol>`, []string{"(a) x", "(b) y"}},
		{"CSS lower-latin and upper-latin",
			`<ol style="list-style-type:lower-latin"><li>x</ol><ol style="list-style-type:upper-latin"><li>y</ol>`, []string{"(a) x", "(A) y"}},
		{"CSS on ol beats its type attribute",
			`<ol type="a" style="list-style-type: upper-roman"><li>x<li>y</ol>`, []string{"(I) x", "(II) y"}},
		{"CSS on li beats the ol's",
			`<ol type="a"><li>x<li style="LIST-STYLE-TYPE: Decimal !important">y</ol>`, []string{"(a) x", "2. y"}},
		{"CSS list-style shorthand",
			`<ol style="color: red; list-style: lower-roman inside"><li>x<li>y</ol>`, []string{"(i) x", "(ii) y"}},
		{"list-style shorthand without a type is disc: no label",
			`<ol style="list-style: inside"><li>x</ol>`, []string{"x"}},
		{"list-style none",
			`<ol style="list-style:none"><li>x<li>y</ol>`, []string{"x", "y"}},
		{"list-style-type none on one item: it still counts",
			`<ol><li style="list-style-type:none">x<li>y</ol>`, []string{"x", "2. y"}},
		{"disc, circle and square give no label",
			`<ol style="list-style-type:disc"><li>x</ol><ol style="list-style-type:circle"><li>y</ol><ol style="list-style-type:square"><li>z</ol>`, []string{"x", "y", "z"}},
		{"a string marker gives no label",
			`<ol style='list-style-type: "-"'><li>x</ol>`, []string{"x"}},
		{"inherit does not change the type",
			`<ol type="a"><li style="list-style-type: inherit">x</ol>`, []string{"(a) x"}},
		{"arabic-indic",
			`<ol style="list-style-type: arabic-indic" start="9"><li>يهيب<li>يطلب</ol>`, []string{"٩. يهيب", "١٠. يطلب"}},
		{"persian",
			`<ol style="list-style-type: persian"><li>x</ol>`, []string{"۱. x"}},
		{"cjk-decimal, digit by digit",
			`<ol style="list-style-type: cjk-decimal" start="9"><li>决定<li>请</ol>`, []string{"九、 决定", "一〇、 请"}},
		{"lower-greek",
			`<ol style="list-style-type: lower-greek"><li>x<li>y</ol>`, []string{"(α) x", "(β) y"}},
		{"decimal-leading-zero",
			`<ol style="list-style-type: decimal-leading-zero"><li>x</ol>`, []string{"01. x"}},
		{"a counter style not known here is decimal, as in CSS",
			`<ol style="list-style-type: georgian"><li>x</ol>`, []string{"1. x"}},
		{"letters after z",
			`<ol type="a" start="26"><li>x<li>y<li>z</ol>`, []string{"(z) x", "(aa) y", "(ab) z"}},
		{"letters at 0 fall back to decimal",
			`<ol type="a" start="0"><li>x<li>y</ol>`, []string{"0. x", "(a) y"}},
		{"roman above 3999 falls back to decimal",
			`<ol type="I" start="3999"><li>x<li>y</ol>`, []string{"(MMMCMXCIX) x", "4000. y"}},
		{"ul items get no label",
			`<ul><li>x<li value="3">y</ul>`, []string{"x", "y"}},
		{"menu items get no label",
			`<menu><li>x</menu>`, []string{"x"}},
		{"a ul with a numbering style is numbered, as a browser does",
			`<ul style="list-style-type: decimal"><li>x<li>y</ul>`, []string{"1. x", "2. y"}},
		{"li outside a list gets no label",
			`<li>x`, []string{"x"}},
		{"an empty item counts",
			`<ol><li></li><li>y</ol>`, []string{"2. y"}},
		{"a hidden item does not count",
			`<ol><li hidden>x<li style="display:none">y<li>z</ol>`, []string{"1. z"}},
		{"the label of an empty item does not go to the next paragraph",
			`<ol><li></ol><p>Text</p>`, []string{"Text"}},
		{"a label before a block in the item",
			`<ol><li><p>Decides</p><p>More</p></ol>`, []string{"1. Decides", "More"}},
		{"label then inline markup",
			`<ol><li><i>Calls upon</i> all States</ol>`, []string{"1. Calls upon all States"}},
		{"nested letters and roman numerals are sub-paragraphs",
			`<ol><li>Requests:<ol type="a"><li>To report on:<ol type="i"><li>one;<li>two;</ol><li>To consult;</ol><li>Decides.</ol>`,
			[]string{"1. Requests:", "(a) To report on:", "(i) one;", "(ii) two;", "(b) To consult;", "2. Decides."}},
		{"a nested decimal list stays decimal",
			`<ol><li>x<ol><li>y</ol></ol>`, []string{"1. x", "1. y"}},
		{"text of an item after its nested list is a paragraph without a label",
			`<ol><li>Requests:<ol type="a"><li>x</ol>and further</ol>`, []string{"1. Requests:", "(a) x", "and further"}},
		{"an item whose first text is in a nested list takes the nested label",
			`<ol><li><ol type="a"><li>x</ol></ol>`, []string{"(a) x"}},
		{"nested ul in ol: no label for its items",
			`<ol><li>x<ul><li>y</ul><li>z</ol>`, []string{"1. x", "y", "2. z"}},
		{"Arabic page: decimal labels are 1. (document reads them as 1 - )",
			`<html lang="ar" dir="rtl"><body><ol><li>يهيب<li>يطلب</ol>`, []string{"1. يهيب", "2. يطلب"}},
		{"Chinese: a space after the label, none inside the text",
			"<ol lang=zh><li>决定\n采取</ol>", []string{"1. 决定采取"}},
		{"unclosed li and ol",
			`<ol><li>x<li>y`, []string{"1. x", "2. y"}},
		{"lists in nav are dropped as before",
			`<nav><ol><li>Home</ol></nav><p>Body</p>`, []string{"Body"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := bodyTexts(t, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Read(%+q) =\n%+q\nwant\n%+q", tt.in, got, tt.want)
			}
		})
	}
}

// The label is not in the page: Lines maps it to the li tag and the text
// after it to where that text is.
func TestReadListLines(t *testing.T) {
	in := "<ol>\n" + // line 1
		"<li>Decides\n" + // line 2: li at column 1, "Decides" at 5
		"  to act</li>\n" + // line 3: "to" at column 3
		"<li>\n" + // line 4: li at column 1
		"   <i>Requests</i></li>\n" + // line 5: "Requests" at column 7
		"  <li style=\"list-style-type:arabic-indic\">يهيب</li></ol>\n" // line 6: li at 3, "يهيب" at 44
	ps, err := htmltext.Read([]byte(in), htmltext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type pos struct {
		para      int
		sub       string
		line, col int
	}
	tests := []struct {
		desc string
		pos
	}{
		{"the label maps to its li", pos{0, "1.", 2, 1}},
		{"the text after the label", pos{0, "Decides", 2, 5}},
		{"the next source line of the item", pos{0, "to act", 3, 3}},
		{"label of an item whose text is on the next line", pos{1, "2.", 4, 1}},
		{"text on the line after the li", pos{1, "Requests", 5, 7}},
		{"a label of several bytes (U+0663 ARABIC-INDIC DIGIT THREE)", pos{2, "٣.", 6, 3}},
		{"text after a several-byte label", pos{2, "يهيب", 6, 44}},
	}
	wantTexts := []string{"1. Decides to act", "2. Requests", "٣. يهيب"}
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
	}
	if !reflect.DeepEqual(got, wantTexts) {
		t.Fatalf("Read = %+q, want %+q", got, wantTexts)
	}
	for _, tt := range tests {
		p := ps[tt.para]
		off := strings.Index(p.Text, tt.sub)
		if off < 0 {
			t.Errorf("%s: no %+q in %+q", tt.desc, tt.sub, p.Text)
			continue
		}
		if l, c := p.Position(off); l != tt.line || c != tt.col {
			t.Errorf("%s: %+q in %+q at %d:%d, want %d:%d (Lines %+v)", tt.desc, tt.sub, p.Text, l, c, tt.line, tt.col, p.Lines)
		}
	}
}
