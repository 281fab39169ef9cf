package document_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/document"
)

// The HTML fixtures read through reader and document: <ol> numbering and
// nested lists give operative ids, labels written with no-break spaces are
// labels, and note marks stay out of the body (testdata/formats/html:
// lists-notes.en.html has pandoc-style notes, word-notes.en.html is Word's
// "Save as Web Page").
func TestHTMLFixtureStructure(t *testing.T) {
	type para struct{ id, label, text string }
	type note struct{ mark, text string }
	tests := []struct {
		desc, path string
		symbol     string
		title      string // after BodyStart
		body       []para // every compared body paragraph: id, label, whole text
		notes      []note
	}{
		{"ol numbering, nested (a) and (i) lists, &nbsp; labels, pandoc footnotes",
			"../testdata/formats/html/lists-notes.en.html", "A/HRC/40/L.99", "Cooperation in the field of human rights",
			[]para{
				{"title", "", "40/... Cooperation in the field of human rights"},
				{"PP1", "", "Guided by the Charter of the United Nations,"},
				{"PP2", "", "Recalling the Universal Declaration of Human Rights, adopted on 10\u00a0December 1948,"}, // U+00A0 NO-BREAK SPACE from &nbsp;
				{"OP1", "1.", "1. Calls upon all States to cooperate in the promotion and protection of human rights;"},
				{"OP2", "2.", "2. Requests the High Commissioner:"},
				{"OP2(a)", "(a)", "(a) To report to the Council at its forty-third session;"},
				{"OP2(b)", "(b)", "(b) To consult States on:"},
				{"OP2(b)(i)", "(i)", "(i) Good practices;"},
				{"OP2(b)(ii)", "(ii)", "(ii) Challenges;"},
				{"OP3", "3.", "3. Invites States to share their experience;"},
				{"OP4", "4.", "4.\u00a0Encourages the Advisory Committee to contribute;"}, // U+00A0 NO-BREAK SPACE
				{"OP5", "5.", "5.\u00a0\u00a0Decides to remain seized of the matter."},    // U+00A0 NO-BREAK SPACE twice
			},
			[]note{{"1", "On behalf of the Group of Friends of cooperation."}, {"2", "General Assembly resolution 217\u00a0A (III)."}}},
		{"Word Save as Web Page: list numbers as text with &nbsp;, Word footnotes",
			"../testdata/formats/html/word-notes.en.html", "A/RES/217 A (III)", "Universal Declaration of Human Rights",
			[]para{
				{"title", "", "217\u00a0A\u00a0(III). Universal Declaration of Human Rights"},
				{"PP1", "", "Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world,"},
				{"OP1", "1.", "1.\u00a0\u00a0\u00a0\u00a0\u00a0 Proclaims this Universal Declaration of Human Rights;"}, // five U+00A0 NO-BREAK SPACE and a space
				{"OP2", "2.", "2.\u00a0\u00a0\u00a0\u00a0\u00a0 Requests the Secretary-General:"},
				{"OP2(a)", "(a)", "(a)\u00a0\u00a0\u00a0 To have the text disseminated;"},
				{"OP2(b)", "(b)", "(b)\u00a0\u00a0\u00a0 To report to the Assembly."},
			},
			[]note{{"1", "See the Charter of the United Nations, Preamble."}, {"2", "In all official languages."}}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			d := parseFile(t, tt.path, "en")
			if !d.Structured || d.Symbol != tt.symbol {
				t.Errorf("Structured %v, Symbol %+q; want true, %+q", d.Structured, d.Symbol, tt.symbol)
			}
			var body []para
			var bodyIDs []string
			for _, p := range d.Body() {
				if p.Kind == document.Note {
					continue
				}
				body = append(body, para{p.ID, p.Label, p.Text})
				bodyIDs = append(bodyIDs, p.ID)
			}
			if !reflect.DeepEqual(body, tt.body) {
				var want []string
				for _, p := range tt.body {
					want = append(want, p.id)
				}
				t.Errorf("body ids %+q, want %+q", bodyIDs, want)
				for i := range min(len(body), len(tt.body)) {
					if body[i] != tt.body[i] {
						t.Errorf("paragraph %d:\n got %+q\nwant %+q", i, body[i], tt.body[i])
					}
				}
			}
			if title := d.Para("title"); title == nil || title.Text[title.BodyStart:] != tt.title {
				t.Errorf("title %+v, want the text %+q after its number", title, tt.title)
			}
			for _, id := range []string{"OP1", "OP2(a)"} {
				if p := d.Para(id); p == nil || p.Kind != document.Operative {
					t.Errorf("Para(%s) = %+v, want an operative paragraph", id, p)
				}
			}
			var notes []note
			for i, p := range d.Paras {
				if p.Kind == document.Note {
					notes = append(notes, note{p.Source.Mark, p.Text})
					if want := "N" + string(rune('1'+len(notes)-1)); p.ID != want {
						t.Errorf("note %+q has id %s, want %s", p.Text, p.ID, want)
					}
					continue
				}
				if len(notes) > 0 {
					t.Errorf("paragraph %d %s %+q after the notes", i, p.ID, p.Text)
				}
				// No reference mark and no backlink stays in the body or
				// the header: no "[1]", no "↩", no digit glued to a word.
				for _, bad := range []string{"[1]", "[2]", "↩", "Rights,2", "Rights,\u00a02", "Ruritania:1", "world1", "world,1", "General:2", "General:[2]"} {
					if strings.Contains(p.Text, bad) {
						t.Errorf("%s %+q holds the note mark %+q", p.ID, p.Text, bad)
					}
				}
			}
			if !reflect.DeepEqual(notes, tt.notes) {
				t.Errorf("notes (mark, text) = %+q, want %+q", notes, tt.notes)
			}
			if p := d.Para("H9"); tt.symbol == "A/HRC/40/L.99" && (p == nil || p.Text != "Ruritania: draft resolution") {
				t.Errorf("H9 = %+v, want the sponsors line without its note mark", p)
			}
		})
	}
}
