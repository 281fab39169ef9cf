package docx

import (
	"fmt"
	"strings"
	"testing"
)

// TestNoteMarks: each note carries the mark Word prints for it, counted
// in reference order per kind, in the kind's format and from its start
// (settings.xml, then the section's w:footnotePr / w:endnotePr); a custom
// mark is the reference run's own text, out of the body and off the note.
func TestNoteMarks(t *testing.T) {
	fnRef := func(id int) string { return fmt.Sprintf(`<w:r><w:footnoteReference w:id="%d"/></w:r>`, id) }
	enRef := func(id int) string { return fmt.Sprintf(`<w:r><w:endnoteReference w:id="%d"/></w:r>`, id) }
	note := func(kind string, id int, text string) string {
		return fmt.Sprintf(`<w:%s w:id="%d"><w:p><w:r><w:%sRef/></w:r><w:r><w:tab/><w:t>%s</w:t></w:r></w:p></w:%s>`, kind, id, kind, text, kind)
	}
	endnotes := func(inner string) part {
		return part{"word/endnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ` + wns + `>` + inner + `</w:endnotes>`}
	}
	settings := func(inner string) part {
		return part{"word/settings.xml", `<?xml version="1.0" encoding="UTF-8"?><w:settings ` + wns + `>` + inner + `</w:settings>`}
	}
	body := `<w:p>` + wr("One") + fnRef(2) + wr(" two") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r>` +
		wr(" three") + fnRef(4) + wr(" four") + enRef(2) + enRef(3) + `</w:p>`
	notes := footnotesPart(note("footnote", 2, "First note.") +
		`<w:footnote w:id="3"><w:p><w:r><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> Starred note.</w:t></w:r></w:p></w:footnote>` +
		note("footnote", 4, "Second numbered note."))
	ends := endnotes(note("endnote", 2, "End one.") + note("endnote", 3, "End two."))
	cases := []struct {
		desc  string
		parts []part
		want  []string
	}{
		{"Word's defaults: footnotes 1, 2; endnotes i, ii; a custom mark takes no number",
			[]part{doc(body), notes, ends},
			[]string{"[] One two three four", "[1] First note.", "[*] Starred note.", "[2] Second numbered note.", "[i] End one.", "[ii] End two."}},
		{"settings.xml: footnotes in lower-case letters from 3",
			[]part{doc(body), notes, ends, settings(`<w:footnotePr><w:numFmt w:val="lowerLetter"/><w:numStart w:val="3"/><w:footnote w:id="0"/></w:footnotePr>`)},
			[]string{"[] One two three four", "[c] First note.", "[*] Starred note.", "[d] Second numbered note.", "[i] End one.", "[ii] End two."}},
		{"the section's endnote format over settings.xml's",
			[]part{doc(body + `<w:sectPr><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:sectPr>`), notes, ends,
				settings(`<w:endnotePr><w:numFmt w:val="upperRoman"/></w:endnotePr>`)},
			[]string{"[] One two three four", "[1] First note.", "[*] Starred note.", "[2] Second numbered note.", "[1] End one.", "[2] End two."}},
	}
	for _, c := range cases {
		ps, err := Read(makeZip(t, c.parts...), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.desc, err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, "["+p.Mark+"] "+p.Text)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.desc, got, c.want)
		}
	}
}
