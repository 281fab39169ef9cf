package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// browserText is s as an HTML parser hands it back: line ends normalised
// to \n, NUL (written as U+FFFD) as U+FFFD.
func browserText(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD").Replace(s)
}

// TestHTMLHostileText: markup, quotes and control characters in paths,
// ids, texts, terms and messages are text on the page, never markup: the
// page has one script (its own), only its own attributes, and every
// hostile string reads back whole where it is shown.
func TestHTMLHostileText(t *testing.T) {
	in := hostileInput()
	out := render(t, "html", in)
	if n := bytes.Count(out, []byte("<script")); n != 1 {
		t.Errorf("%d <script in the page, want only its own", n)
	}
	if bytes.Contains(out, []byte("alert(\"")) || bytes.Contains(out, []byte("it's")) {
		t.Errorf("a quote reached the page unescaped")
	}
	doc := parseHTML(t, out)
	scripts := elements(doc, byTag("script"))
	if len(scripts) != 1 || textOf(scripts[0]) != htmlJS {
		t.Errorf("%d scripts, or the page's own script was changed", len(scripts))
	}
	allowed := map[string]bool{"lang": true, "charset": true, "name": true, "content": true, "class": true, "role": true,
		"id": true, "aria-label": true, "type": true, "value": true, "checked": true, "href": true, "title": true,
		"dir": true, "colspan": true}
	for _, n := range elements(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if !allowed[a.Key] && !strings.HasPrefix(a.Key, "data-") {
				t.Errorf("<%s> has an attribute %q the page never writes", n.Data, a.Key)
			}
			if a.Key == "data-f" {
				for _, id := range strings.Fields(a.Val) {
					if !strings.HasPrefix(id, "f-") {
						t.Errorf("data-f %q names something that is not a finding", a.Val)
					}
				}
			}
		}
	}
	want := browserText(evil)
	for i, f := range in.Findings {
		id := "f-" + string(rune('1'+i))
		li := elements(doc, withAttr("li", "id", id))
		if len(li) != 1 {
			t.Errorf("%s: %d list items", id, len(li))
			continue
		}
		text := f.Severity.String() + " " + string(f.Kind) + " [" + f.Final.Lang + "]: " + browserText(f.Message)
		if f.Voted.Para != "" && f.Final.Para != "" {
			// A finding about a pair shows the score of the pairing.
			text += fmt.Sprintf(" (score %.2f)", f.Score)
		}
		if msg := elements(li[0], withAttr("span", "class", "msg")); len(msg) != 1 || textOf(msg[0]) != text {
			t.Errorf("%s reads %q, want %q", id, textOf(li[0]), text)
		}
		// The paragraph ids read back whole where the finding says where.
		if where := elements(li[0], withAttr("span", "class", "where")); len(where) != 1 || textOf(where[0]) != browserText(whereOf(f)) {
			t.Errorf("%s: where %d, want %q", id, len(where), whereOf(f))
		}
	}
	if other := elements(doc, withAttr("section", "id", "other")); len(other) != 1 {
		t.Errorf("the finding with no paragraph is not under Other findings")
	}
	if nc := elements(doc, withAttr("div", "id", "not-checked")); len(nc) != 1 ||
		!strings.Contains(textOf(nc[0]), browserText(in.Errors[0].Path)+": cannot read "+want) {
		t.Errorf("the unreadable input is not named whole")
	}
	for _, b := range elements(doc, byTag("b")) {
		if strings.HasPrefix(textOf(b), "/tmp/<script>") && textOf(b) != browserText(in.Voted.Path) && textOf(b) != browserText(in.Finals[0].Path) && textOf(b) != browserText(in.Errors[0].Path) {
			t.Errorf("a path reads %q", textOf(b))
		}
	}
	terms := elements(doc, withAttr("mark", "class", "term"))
	if title, _ := attrOf(terms[0], "title"); len(terms) != 1 || title != want {
		t.Errorf("the term's concept reads %q, want %q", title, want)
	}
	drifted := elements(doc, withAttr("mark", "data-f", "f-1 f-2"))
	if len(drifted) != 1 || textOf(drifted[0]) != want {
		t.Errorf("the voted evidence of both finals is not one mark reading the hostile text")
	}
	// The key of the added paragraph, and the Arabic cells right to left.
	keys := 0
	for _, th := range elements(doc, byTag("th")) {
		if textOf(th) == "+X"+want+" (ar)" {
			keys++
		}
	}
	if keys != 2 { // the summary's link and the texts' row
		t.Errorf("the added paragraph's key is shown %d times, want 2", keys)
	}
	for _, td := range elements(doc, withAttr("td", "lang", "ar")) {
		if d, _ := attrOf(td, "dir"); d != "rtl" {
			t.Errorf("an Arabic cell is %q", d)
		}
	}
	// The right-to-left override stays inside the text that carries it.
	if !strings.Contains(textOf(doc), "\u202Eevil\u202C") {
		t.Errorf("the override was dropped or moved")
	}
}

// TestCSVHostileText: every hostile field reads back whole from the CSV
// (line ends inside a quoted field come back as \n, as encoding/csv and
// spreadsheets read them).
func TestCSVHostileText(t *testing.T) {
	in := hostileInput()
	out := render(t, "csv", in)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(rows) != 1+len(in.Findings)+len(in.Errors) {
		t.Fatalf("%d rows, want %d", len(rows), 1+len(in.Findings)+len(in.Errors))
	}
	nl := strings.NewReplacer("\r\n", "\n").Replace
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for i, f := range in.Findings {
		row := rows[i+1]
		for name, want := range map[string]string{
			"message": f.Message, "final_path": f.Final.Path, "voted_path": f.Voted.Path,
			"final_para": f.Final.Para, "voted_para": f.Voted.Para, "final_term": f.FinalTerm,
			"voted_concept": f.VotedConcept, "group": f.Group, "fingerprint": f.Fingerprint,
		} {
			if got := row[col[name]]; got != nl(want) {
				t.Errorf("row %d %s reads %q, want %q", i+1, name, got, nl(want))
			}
		}
	}
	last := rows[len(rows)-1]
	if last[col["final_path"]] != nl(in.Errors[0].Path) || last[col["message"]] != oneLine(in.Errors[0].Error)+" (not checked)" {
		t.Errorf("input error row %q", last)
	}
}
