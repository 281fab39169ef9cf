package report

import (
	"strings"
	"testing"
	"unicode"

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

// TestLineHostileText: the line format is one line per finding and per
// unreadable input whatever the paths, ids and messages hold, with no
// control character left to act on a terminal; markup and quotes are
// plain text there and stay as they are.
func TestLineHostileText(t *testing.T) {
	in := hostileInput()
	out := string(render(t, "line", in))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(in.Findings)+len(in.Errors) {
		t.Errorf("%d lines, want one per finding and input error (%d):\n%s", len(lines), len(in.Findings)+len(in.Errors), out)
	}
	for _, r := range out {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			t.Errorf("the line report holds the control character %U", r)
		}
	}
	// A path keeps its white space, its control characters escaped; a
	// message is one line of words.
	want := `/tmp/<script>alert("x&y")</script> it's \x1b[2J\x07\x00 a\x0d\x0ab\u2028c ` + "\u202Eevil\u202C" +
		`/final.txt: nowhere: info number-mismatch: orphan <script>alert("x&y")</script> it's \x1b[2J\x07\x00 a b c ` + "\u202Eevil\u202C"
	if lines[len(lines)-1] != want {
		t.Errorf("last line\n%q\nwant\n%q", lines[len(lines)-1], want)
	}
	for i, l := range lines {
		if !strings.Contains(l, `<script>alert("x&y")</script> it's`) {
			t.Errorf("line %d lost the text around the control characters: %q", i+1, l)
		}
		if !strings.Contains(l, "\u202Eevil\u202C") {
			t.Errorf("line %d dropped the override (the line format does not judge text): %q", i+1, l)
		}
	}
}
