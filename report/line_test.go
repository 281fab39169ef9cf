package report

import (
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

// TestLineWithoutLines: when neither file has lines (Word, PDF), a
// paragraph missing from the final is located at the voted paragraph, in
// the voted file, not at an empty paragraph of the final; an added one
// stays in the final.
func TestLineWithoutLines(t *testing.T) {
	missing := func(voted, final string, page int) drift.Finding {
		return drift.Finding{
			Kind: drift.ParagraphMissing, Severity: drift.Error,
			Message: "voted paragraph PP1 has no counterpart in the final text",
			Voted:   drift.Loc{Path: voted, Lang: "en", Para: "PP1", Text: "Recalling", Start: -1, End: -1, Page: page},
			Final:   drift.Loc{Path: final, Lang: "fr", Start: -1, End: -1},
		}
	}
	added := drift.Finding{
		Kind: drift.ParagraphAdded, Severity: drift.Error,
		Message: "final paragraph PP9 has no counterpart in the voted text",
		Voted:   drift.Loc{Path: "L36.en.docx", Lang: "en", Start: -1, End: -1},
		Final:   drift.Loc{Path: "RES.fr.docx", Lang: "fr", Para: "PP9", Text: "Rappelant", Start: -1, End: -1},
	}
	in := Input{Findings: []drift.Finding{missing("L36.en.docx", "RES.fr.docx", 0), missing("L36.en.pdf", "RES.fr.pdf", 2), added}}
	want := "L36.en.docx: PP1: error paragraph-missing: voted paragraph PP1 has no counterpart in the final text\n" +
		"L36.en.pdf: page 2, PP1: error paragraph-missing: voted paragraph PP1 has no counterpart in the final text\n" +
		"RES.fr.docx: PP9: error paragraph-added: final paragraph PP9 has no counterpart in the voted text\n"
	if got := string(render(t, "line", in)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
