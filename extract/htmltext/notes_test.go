package htmltext_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract/htmltext"
)

type note struct{ Mark, Text string }

func TestReadNotes(t *testing.T) {
	tests := []struct {
		desc, in string
		body     []string
		notes    []note
	}{
		{"pandoc: reference in an a with role doc-noteref, section role doc-endnotes",
			`<p>All human beings<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> are born free.</p>` +
				`<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>` +
				`<li id="fn1"><p>Article 1.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`,
			[]string{"All human beings are born free."}, []note{{"1", "Article 1."}}},
		{"markdown-it: sup.footnote-ref, hr.footnotes-sep, section.footnotes, backref after a space",
			`<p>world<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>. Peace<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></p>` +
				`<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">` +
				`<li id="fn1" class="footnote-item"><p>Note one <a href="#fnref1" class="footnote-backref">↩︎</a></p></li>` +
				`<li id="fn2" class="footnote-item"><p>Note two <a href="#fnref2" class="footnote-backref">↩︎</a></p></li></ol></section>`,
			[]string{"world. Peace"}, []note{{"1", "Note one"}, {"2", "Note two"}}},
		{"kramdown: sup role doc-noteref around a.footnote, reversefootnote backlink",
			`<p>text<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> more</p>` +
				`<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1"><p>Kramdown note. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>`,
			[]string{"text more"}, []note{{"1", "Kramdown note."}}},
		{"Word Save as Web Page: [1] in MsoFootnoteReference, note div id=ftn1 in mso-element:footnote-list",
			`<p class=MsoNormal>world<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a>, and peace.</p>` +
				`<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>` +
				`<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> See resolution 217 A (III).</p></div></div>`,
			[]string{"world, and peace."}, []note{{"1", "See resolution 217 A (III)."}}},
		{"Word endnote: [i], #_edn1 and #_ednref1",
			`<p class=MsoNormal>Text<a href="#_edn1" name="_ednref1"><span class=MsoEndnoteReference>[i]</span></a>.</p>` +
				`<div style='mso-element:endnote-list'><div style='mso-element:endnote' id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1"><span class=MsoEndnoteReference>[i]</span></a>&nbsp;Endnote.</p></div></div>`,
			[]string{"Text."}, []note{{"i", "Endnote."}}},
		{"Word note known by its id alone",
			`<p>Text<a href="#_ftn1" name="_ftnref1">[1]</a>.</p><div id=ftn1><p><a href="#_ftnref1" name="_ftn1">[1]</a> Note.</p></div>`,
			[]string{"Text."}, []note{{"1", "Note."}}},
		{"Google Docs: divs after an hr, each starting with its backlink",
			`<p>Body<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>.</p><hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a>&nbsp;Google note.</p></div>` +
				`<div><p><a href="#ftnt_ref2" id="ftnt2">[2]</a>&nbsp;Second.</p></div>`,
			[]string{"Body."}, []note{{"1", "Google note."}, {"2", "Second."}}},
		{"hr then paragraphs each with a backlink, no container",
			`<body><p>Body text.</p><hr><p><a href="#fnref1">[1]</a> First note.</p><p><a href="#fnref2">[2]</a> Second note.</p></body>`,
			[]string{"Body text."}, []note{{"1", "First note."}, {"2", "Second note."}}},
		{"two hr: the notes after both are notes",
			`<p>Body</p><hr><p>[1] One. <a href="#fnref1">↩</a></p><hr><p>[2] Two. <a href="#fnref2">↩</a></p>`,
			[]string{"Body"}, []note{{"1", "One."}, {"2", "Two."}}},
		{"hr then ordinary text is body",
			`<p>One.</p><hr><p>Two.</p>`, []string{"One.", "Two."}, nil},
		{"hr then one note and one ordinary paragraph: body",
			`<p>One.</p><hr><p>Note <a href="#fnref1">↩</a></p><p>Two.</p>`, []string{"One.", "Note", "Two."}, nil},
		{"ol whose items each hold a backlink, no attributes",
			`<p>Body.</p><ol><li>Note A <a href="#fnref1">↩</a></li><li>Note B <a href="#fnref2">↑</a></li></ol>`,
			[]string{"Body."}, []note{{"1", "Note A"}, {"2", "Note B"}}},
		{"ol where one item has no backlink is body (the backlink dropped)",
			`<ol><li>Decides <a href="#fnref1">↩</a></li><li>Requests</li></ol>`,
			[]string{"1. Decides", "2. Requests"}, nil},
		{"div whose items each hold a backlink",
			`<p>Body.</p><div><p>* Starred note <a href="#fnref1">^</a></p><p>† Dagger note <a href="#fnref2">^</a></p></div>`,
			[]string{"Body."}, []note{{"*", "Starred note"}, {"†", "Dagger note"}}},
		{"a wrapper with one child that holds body and notes stays body",
			`<div id="wrap"><div id="content"><p>Body.</p><ol><li>Note <a href="#fnref1">↩</a></li></ol></div></div>`,
			[]string{"Body."}, []note{{"1", "Note"}}},
		{"aside inside article holding a note list",
			`<article><p>Body<sup><a href="#fn1" id="fnref1">1</a></sup> text.</p><aside><ol><li id="fn1">Aside note. <a href="#fnref1">↑</a></li></ol></aside></article>`,
			[]string{"Body text."}, []note{{"1", "Aside note."}}},
		{"aside inside main with a sup mark and a ^ backlink",
			`<main><p>Body.</p><aside><p><sup>1</sup> Aside note <a href="#fnref1">^</a></p></aside></main>`,
			[]string{"Body."}, []note{{"1", "Aside note"}}},
		{"aside outside main holding notes is kept as notes",
			`<main><p>Body</p></main><aside><p><sup>*</sup> Aside note <a href="#fnref1">↩</a></p></aside>`,
			[]string{"Body"}, []note{{"*", "Aside note"}}},
		{"aside outside main with epub:type footnote",
			`<main><p>Body</p></main><aside epub:type="footnote" id="n1"><p>EPUB note.</p></aside>`,
			[]string{"Body"}, []note{{"", "EPUB note."}}},
		{"aside outside main without notes is still chrome",
			`<main><p>Body</p></main><aside><p>Related links</p></aside>`, []string{"Body"}, nil},
		{"aside inside main without notes is still body",
			`<main><p>Body</p><aside><p>Box</p></aside></main>`, []string{"Body", "Box"}, nil},
		{"role doc-endnotes: its items are notes without backlinks too",
			`<p>Body</p><section role="doc-endnotes"><ol><li>First.</li><li>Second.</li></ol></section>`,
			[]string{"Body"}, []note{{"1", "First."}, {"2", "Second."}}},
		{"role doc-footnotes on a div",
			`<p>Body</p><div role="doc-footnotes"><p><sup>a</sup> Lettered.</p></div>`,
			[]string{"Body"}, []note{{"a", "Lettered."}}},
		{"the existing rule: role doc-endnote with a leading sup mark",
			`<p>Body</p><div role="doc-endnote" class="footnote"><sup>*</sup> Reissued for technical reasons.</div>`,
			[]string{"Body"}, []note{{"*", "Reissued for technical reasons."}}},
		{"a class footnote with a text mark",
			`<p>Body</p><div class="footnote">* Reissued.</div>`, []string{"Body"}, []note{{"*", "Reissued."}}},
		{"a note's text mark [1]",
			`<p>Body</p><div class="footnote">[12] Twelfth.</div>`, []string{"Body"}, []note{{"12", "Twelfth."}}},
		{"no mark: a number that starts the text is text",
			`<p>Body</p><div class="footnote">1948 was the year.</div>`, []string{"Body"}, []note{{"", "1948 was the year."}}},
		{"notes come after the body, in the order of the page",
			`<p>One</p><div class="footnote">[1] First.</div><p>Two</p><div class="endnote">[2] Second.</div><p>Three</p>`,
			[]string{"One", "Two", "Three"}, []note{{"1", "First."}, {"2", "Second."}}},
		{"a reference with a space either side leaves one space",
			`<p>world <sup><a href="#fn1" id="fnref1">1</a></sup> peace</p>`, []string{"world peace"}, nil},
		{"a reference between words with no space joins them as written",
			`<p>free<a href="#fn1">1</a>dom</p>`, []string{"freedom"}, nil},
		{"a reference that starts a paragraph does not make it a note",
			`<p><a class="footnote-ref" href="#fn9">9</a>Start of body</p>`, []string{"Start of body"}, nil},
		{"role doc-noteref on a span",
			`<p>world<span role="doc-noteref">3</span>, peace</p>`, []string{"world, peace"}, nil},
		{"MsoFootnoteReference span without an anchor",
			`<p>world<span class=MsoFootnoteReference>[4]</span> peace</p>`, []string{"world peace"}, nil},
		{"Wikipedia: ^ backlink is not a mark; the list number is",
			`<p>Text<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>.</p>` +
				`<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">Wiki note.</span></li></ol>`,
			[]string{"Text."}, []note{{"1", "Wiki note."}}},
		{"a trailing [1] backlink is dropped from the note",
			`<p>Body</p><ol><li>Note text <a href="#fnref1">[1]</a></li></ol>`, []string{"Body"}, []note{{"1", "Note text"}}},
		{"a class has-footnotes on the article does not make it a note",
			`<article class="post has-footnotes"><p>Body</p></article>`, []string{"Body"}, nil},
		{"a link to an ordinary anchor is text",
			`<p>See <a href="#notes">the notes</a> and <a href="#fnord">this</a>.</p>`, []string{"See the notes and this."}, nil},
		{"a block with a reference-like class holds notes: it is not dropped as a reference",
			`<p>Body</p><div class="footnote-references"><p>[1] Kept note.</p></div>`, []string{"Body"}, []note{{"1", "Kept note."}}},
		{"a note that is only its mark is dropped",
			`<p>Body</p><div class="footnote"><sup>1</sup></div>`, []string{"Body"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			ps, err := htmltext.Read([]byte(tt.in), htmltext.Options{})
			if err != nil {
				t.Fatalf("Read(%+q): %v", tt.in, err)
			}
			var body []string
			var notes []note
			seenNote := false
			for _, p := range ps {
				if p.Note {
					seenNote = true
					notes = append(notes, note{p.Mark, p.Text})
					continue
				}
				if seenNote {
					t.Errorf("Read(%+q): body paragraph %+q after a note", tt.in, p.Text)
				}
				body = append(body, p.Text)
				if p.Mark != "" {
					t.Errorf("Read(%+q): body paragraph %+q has Mark %+q", tt.in, p.Text, p.Mark)
				}
			}
			if !reflect.DeepEqual(body, tt.body) || !reflect.DeepEqual(notes, tt.notes) {
				t.Errorf("Read(%+q) =\nbody  %+q\nnotes %+q\nwant\nbody  %+q\nnotes %+q", tt.in, body, notes, tt.body, tt.notes)
			}
		})
	}
}

// A note's text starts after its mark, and Lines map it there.
func TestReadNoteLines(t *testing.T) {
	in := "<p>Body<a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a>.</p>\n" + // line 1
		"<div id=ftn1><p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a>\n" + // line 2
		"See the Charter,\n" + // line 3: "See" at column 1
		"  Preamble.</p></div>\n" + // line 4: "Preamble" at column 3
		"<div class=\"footnote\"><sup>2</sup>&nbsp;&nbsp;Second note.</div>\n" + // line 5: "Second" at column 47
		"<ol class=\"footnotes\"><li>Third note.</ol>\n" // line 6: "Third" at column 27
	ps, err := htmltext.Read([]byte(in), htmltext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Body.", "See the Charter, Preamble.", "Second note.", "Third note."}
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Read = %+q, want %+q", got, want)
	}
	tests := []struct {
		desc      string
		para      int
		sub       string
		line, col int
	}{
		{"body after the dropped reference", 0, "Body", 1, 4},
		{"note text after a Word mark on the line before", 1, "See", 3, 1},
		{"the next line of the note", 1, "Preamble", 4, 3},
		{"note text after a leading sup and two &nbsp;", 2, "Second", 5, 47},
		{"note text after its list number", 3, "Third", 6, 27},
	}
	for _, tt := range tests {
		p := ps[tt.para]
		off := strings.Index(p.Text, tt.sub)
		if l, c := p.Position(off); l != tt.line || c != tt.col {
			t.Errorf("%s: %+q in %+q at %d:%d, want %d:%d (Lines %+v)", tt.desc, tt.sub, p.Text, l, c, tt.line, tt.col, p.Lines)
		}
	}
}
