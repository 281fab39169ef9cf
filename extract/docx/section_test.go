package docx

import (
	"strings"
	"testing"
)

// TestSectionBreakInParagraph: LibreOffice writes a paragraph that runs
// past a change of page style as two w:p with a section break (w:sectPr
// in the first one's w:pPr) between them, the first ending where its page
// did. The two are one paragraph; a section break after a finished
// sentence, or before a paragraph of another style, is a real break.
func TestSectionBreakInParagraph(t *testing.T) {
	sect := func(text string) string {
		return `<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	for _, c := range []struct {
		desc, body string
		want       []string
	}{
		{"cut after a space", sect("1. Decides, in order to create a ") + pp("better world, to act."),
			[]string{"1. Decides, in order to create a better world, to act."}},
		{"cut inside Chinese text", sect("决定为了创造") + pp("更美好的世界而行动。"),
			[]string{"决定为了创造更美好的世界而行动。"}},
		{"a finished sentence", sect("1. Decides to act.") + pp("2. Requests a report."),
			[]string{"1. Decides to act.", "2. Requests a report."}},
		{"another style after it", sect("Decides to act in order to create a ") + sp("Heading1", "Annex"),
			[]string{"Decides to act in order to create a", "Annex"}},
	} {
		ps, err := Read(makeZip(t, doc(c.body)), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.desc, err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Text)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.desc, got, c.want)
		}
	}
}
