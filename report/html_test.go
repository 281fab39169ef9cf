package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/driftcheck/driftcheck/drift"
)

// parseHTML parses a page as a browser would.
func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// elements returns the elements for which keep is true, in document order.
func elements(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// textOf is the text of n, as a browser shows it (without the markup).
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func byTag(tag string) func(*html.Node) bool { return func(n *html.Node) bool { return n.Data == tag } }

func withAttr(tag, key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		v, ok := attrOf(n, key)
		return n.Data == tag && ok && v == val
	}
}

func TestHTMLGolden(t *testing.T) {
	in := fixture()
	out := render(t, "html", in)
	golden(t, "fixture.html", out)
	doc := parseHTML(t, out)

	if title := textOf(elements(doc, byTag("title"))[0]); title != "driftcheck: voted.en.txt — 4 finding(s)" {
		t.Errorf("title %q", title)
	}
	if nc := elements(doc, withAttr("div", "id", "not-checked")); len(nc) != 1 || textOf(nc[0]) != "Not checked: 1 input(s) could not be read\nin/final.ar.docx: zip: not a valid zip file\n" {
		t.Errorf("not-checked box: %d, %q", len(nc), textOf(nc[0]))
	}
	if w := elements(doc, withAttr("p", "class", "input-warning")); len(w) != 1 || textOf(w[0]) != "Warning: "+in.Warnings[0] {
		t.Errorf("warnings %d", len(w))
	}
	if c := textOf(elements(doc, withAttr("p", "id", "counts"))[0]); c != "4 finding(s): 2 error, 2 warning, 0 info (2 below warning not shown) (1 suppressed by the baseline)" {
		t.Errorf("counts %q", c)
	}
	var filters []string
	for _, n := range elements(doc, func(n *html.Node) bool { _, ok := attrOf(n, "data-filter"); return n.Data == "input" && ok }) {
		f, _ := attrOf(n, "data-filter")
		v, _ := attrOf(n, "value")
		filters = append(filters, f+"="+v)
	}
	// Kinds in drift.Kinds order, only those found; languages of the finals.
	if got := strings.Join(filters, " "); got != "severity=error severity=warning severity=info kind=term-substituted kind=paragraph-missing kind=number-mismatch kind=wording-changed lang=fr lang=en" {
		t.Errorf("filters %s", got)
	}

	// Every finding is listed under its paragraph with its severity, kind,
	// language and message, and linked from the summary.
	ids := []string{"f-1", "f-2", "f-3", "f-4"}
	// The pair of paragraphs, the final's line or (PDF) page.
	where := []string{"PP1 ↔ PP1, line 2", "OP1 ↔ OP1, page 1", "OP2 ↔ OP2, page 2", "OP3 ↔ —"}
	for i, f := range in.Findings {
		li := elements(doc, withAttr("li", "id", ids[i]))
		if len(li) != 1 {
			t.Errorf("%s: %d list items", ids[i], len(li))
			continue
		}
		want := f.Severity.String() + " " + string(f.Kind) + " [" + f.Final.Lang + "]: " + f.Message
		if f.Voted.Para != "" && f.Final.Para != "" {
			// A finding about a pair shows the score of the pairing.
			want += fmt.Sprintf(" (score %.2f)", f.Score)
		}
		sev, _ := attrOf(li[0], "data-severity")
		kind, _ := attrOf(li[0], "data-kind")
		lang, _ := attrOf(li[0], "data-lang")
		msg := elements(li[0], withAttr("span", "class", "msg"))
		if len(msg) != 1 || textOf(msg[0]) != want || sev != f.Severity.String() || kind != string(f.Kind) || lang != f.Final.Lang {
			t.Errorf("%s: %q (%s %s %s), want %q", ids[i], textOf(li[0]), sev, kind, lang, want)
		}
		if w := elements(li[0], withAttr("span", "class", "where")); len(w) != 1 || textOf(w[0]) != where[i] {
			t.Errorf("%s: where %q, want %q", ids[i], textOf(li[0]), where[i])
		}
		// What the page's baseline file is made of.
		fp, _ := attrOf(li[0], "data-fp")
		final, _ := attrOf(li[0], "data-final")
		message, _ := attrOf(li[0], "data-message")
		if fp != f.Fingerprint || final != f.Final.Path || message != f.Message {
			t.Errorf("%s: data-fp %q data-final %q data-message %q", ids[i], fp, final, message)
		}
		badge := elements(doc, withAttr("a", "href", "#"+ids[i]))
		if title, _ := attrOf(badge[0], "title"); len(badge) != 1 || title != string(f.Kind)+": "+f.Message || textOf(badge[0]) != string(f.Kind) {
			t.Errorf("%s: %d summary badges", ids[i], len(badge))
		}
	}

	// The evidence is marked on both sides.
	marked := func(tag, id string) []string {
		var out []string
		for _, n := range elements(doc, withAttr(tag, "data-f", id)) {
			td := n
			if tag != "td" {
				td = n.Parent
			}
			lang, _ := attrOf(td, "lang")
			out = append(out, lang+":"+textOf(n))
		}
		return out
	}
	for _, c := range []struct {
		tag, id, want string
	}{
		{"ins", "f-1", "en:its "},
		{"mark", "f-2", "en:mutually beneficial cooperation fr:coopération gagnant-gagnant"},
		{"mark", "f-3", "en:15 fr:16"},
		{"td", "f-4", "en:missing from the fr text"},
	} {
		if got := strings.Join(marked(c.tag, c.id), " "); got != c.want {
			t.Errorf("%s %s marks %q, want %q", c.tag, c.id, got, c.want)
		}
	}
	if cls, _ := attrOf(elements(doc, withAttr("td", "data-f", "f-4"))[0], "class"); cls != "empty missing sev-error" {
		t.Errorf("missing cell class %q", cls)
	}
	terms := 0
	for _, n := range elements(doc, withAttr("mark", "class", "term")) {
		if title, _ := attrOf(n, "title"); title == "human-rights" && (textOf(n) == "human rights" || textOf(n) == "droits de l'homme") {
			terms++
		}
	}
	if terms != 2 { // voted OP1, French OP1 (the English final has no terms)
		t.Errorf("%d human-rights terms marked, want 2", terms)
	}
	// The side-by-side rows: one per voted paragraph, each with the voted
	// cell and one per final.
	var keys []string
	for _, tr := range elements(doc, withAttr("tr", "class", "para")) {
		keys = append(keys, textOf(tr.FirstChild))
		if n := len(elements(tr, byTag("td"))); n != 3 {
			t.Errorf("row %s has %d cells, want 3", textOf(tr.FirstChild), n)
		}
	}
	if strings.Join(keys, " ") != "PP1 OP1 OP2 OP3" {
		t.Errorf("rows %q", keys)
	}
	for _, td := range elements(doc, byTag("td")) {
		if d, ok := attrOf(td, "dir"); ok && d != "ltr" {
			t.Errorf("a cell of an English or French text is %s", d)
		}
	}
}

func TestRTL(t *testing.T) {
	for lang, want := range map[string]bool{"ar": true, "fa": true, "he": true, "ur": true, "en": false, "zh": false, "fr": false, "": false} {
		if rtl(lang) != want {
			t.Errorf("rtl(%q) = %v", lang, !want)
		}
	}
}

// TestHTMLFirstRowOfAnID: were two paragraphs to share an id, a finding
// goes under the first of them, as it always did.
func TestHTMLFirstRowOfAnID(t *testing.T) {
	v := &View{Voted: DocView{Doc: Doc{Path: "v.txt", Lang: "en"}, Paras: []ParaView{{ID: "OP1", Text: "one"}, {ID: "OP1", Text: "again"}}}}
	v.Finals = []FinalView{{DocView: DocView{Doc: Doc{Path: "f.txt", Lang: "fr"}, Paras: []ParaView{{ID: "OP1", Text: "un"}, {ID: "OP1", Text: "encore"}}},
		Pairs: []Pair{{A: []int{0}, B: []int{0}}, {A: []int{1}, B: []int{1}}}}}
	f := fixtureFindings()[1]
	f.Voted.Path, f.Voted.Para, f.Final.Path, f.Final.Para = "v.txt", "OP1", "f.txt", "OP1"
	f.Voted.Start, f.Final.Start = -1, -1
	doc := parseHTML(t, render(t, "html", Input{Voted: v.Voted.Doc, Finals: []Doc{v.Finals[0].Doc}, Findings: []drift.Finding{f}, View: v}))
	li := elements(doc, withAttr("li", "id", "f-1"))
	if len(li) != 1 {
		t.Fatalf("%d entries for the finding", len(li))
	}
	// li → ul → td → tr.findings, right after the row it belongs to.
	row := li[0].Parent.Parent.Parent.PrevSibling
	for row != nil && row.Type != html.ElementNode {
		row = row.PrevSibling
	}
	if id, _ := attrOf(row, "id"); id != "p-0" {
		t.Errorf("the finding is under row %q, want p-0", id)
	}
}
