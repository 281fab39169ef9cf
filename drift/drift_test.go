package drift_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

const testLexicon = "id\tgroup\ten\tfr\n" +
	"mbc\tframing\tmutually beneficial cooperation\tcoopération mutuellement bénéfique\n" +
	"ww\tframing\twin-win cooperation\tcoopération gagnant-gagnant\n" +
	"ta\t\ttechnical assistance\tassistance technique\n" +
	"enonly\t\tcivil society\t\n"

func check(t *testing.T, voted, final string) []drift.Finding {
	t.Helper()
	fx := newFixture(mustLexicon(t, testLexicon))
	return fx.compare(fx.side(voted, "v.en.txt", "en", true), fx.side(final, "f.fr.txt", "fr", true))
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func kinds(fs []drift.Finding) string {
	var k []string
	for _, f := range fs {
		k = append(k, string(f.Kind)+"/"+f.Severity.String())
	}
	return strings.Join(k, " ")
}

func TestCompare(t *testing.T) {
	tests := []struct {
		desc         string
		voted, final string
		want         string // kinds/severities in order
	}{
		{"faithful", "Promotes mutually beneficial cooperation and technical assistance.",
			"Promeut la coopération mutuellement bénéfique et l'assistance technique.", ""},
		{"one substitution, nothing else", "Promotes mutually beneficial cooperation and technical assistance.",
			"Promeut la coopération gagnant-gagnant et l'assistance technique.", "term-substituted/error"},
		{"two places, two substitutions", "Mutually beneficial cooperation, and again mutually beneficial cooperation.",
			"La coopération gagnant-gagnant, et encore la coopération gagnant-gagnant.", "term-substituted/error term-substituted/error"},
		{"one of two places substituted", "Mutually beneficial cooperation, and again mutually beneficial cooperation.",
			"La coopération mutuellement bénéfique, et encore la coopération gagnant-gagnant.", "term-substituted/error"},
		{"dropped concept", "Promotes technical assistance.", "Promeut l'aide.", "term-missing/warning"},
		{"added concept", "Promotes aid.", "Promeut l'assistance technique.", "term-added/warning"},
		{"no rendering in the final language: not judged", "Welcomes civil society.", "Salue la société.", ""},
		{"number changed", "Decides to meet in 2019.", "Décide de se réunir en 2020.", "number-mismatch/warning"},
		{"number only on one side", "Decides to report twice in 2019.", "Décide de faire rapport 2 fois en 2019.", "number-mismatch/info"},
		{"a count in words read as a number", "Decides to meet twice in 2019.", "Décide de se réunir 2 fois en 2019.", ""},
		{"repeated number dropped once is not a change", "Resolution 1540 (2004) and resolution 1540 (2004).", "La résolution 1540 (2004) et cette résolution.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got := kinds(check(t, tt.voted, tt.final))
			if got != tt.want {
				t.Errorf("voted %+q, final %+q:\n got %q\nwant %q", tt.voted, tt.final, got, tt.want)
			}
		})
	}
}

func TestSubstitutionEvidence(t *testing.T) {
	fs := check(t, "Promotes mutually beneficial cooperation.", "Promeut la coopération gagnant-gagnant.")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	f := fs[0]
	if f.VotedConcept != "mbc" || f.FinalConcept != "ww" || f.Group != "framing" {
		t.Errorf("concepts %q → %q group %q, want mbc → ww group framing", f.VotedConcept, f.FinalConcept, f.Group)
	}
	if got := f.Voted.Text[f.Voted.Start:f.Voted.End]; got != "mutually beneficial cooperation" {
		t.Errorf("voted span %+q", got)
	}
	if got := f.Final.Text[f.Final.Start:f.Final.End]; got != "coopération gagnant-gagnant" {
		t.Errorf("final span %+q", got)
	}
	if f.Final.Line != 1 || f.Final.Col != 12 {
		t.Errorf("final position %d:%d, want 1:12 (column in runes: \"Promeut la \" is 11)", f.Final.Line, f.Final.Col)
	}
	if f.Voted.Para != "P1" || f.Final.Para != "P1" {
		t.Errorf("paragraphs %q/%q, want P1/P1", f.Voted.Para, f.Final.Para)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"error", "warning", "info", "WARN"} {
		if _, err := drift.ParseSeverity(s); err != nil {
			t.Errorf("ParseSeverity(%q): %v", s, err)
		}
	}
	if _, err := drift.ParseSeverity("loud"); err == nil {
		t.Error("ParseSeverity(\"loud\") accepted")
	}
	if !(drift.Info < drift.Warning && drift.Warning < drift.Error) {
		t.Error("severities out of order")
	}
}
