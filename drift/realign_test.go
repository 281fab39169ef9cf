package drift_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealign checks the passes after the alignment that repair what it
// missed, on excerpts of whole documents of TestEvalDocuments (UNPC devset
// paragraphs, English voted, with one change injected into the final;
// testdata/realign/CASE/en.txt and the final LANG.txt, paragraphs
// separated by blank lines): a short part split off a paragraph, or
// merged into one, is one bead (rebead, on the lengths, the sentences or
// the evidence), not a paragraph added or missing
// and content omitted or added; two neighbours swapped read by the aligner
// as one 2-2 bead are a move (swapped22); a paragraph with no number,
// concept or anchor moved eight places is a move (rematchWeak); and a
// paragraph really dropped next to a pair whose final is long for it stays
// missing.
func TestRealign(t *testing.T) {
	tests := []struct {
		dir, lang, want string
	}{
		// Final P5 and P6 are voted P5 cut at its first sentence.
		{"split", "zh", "paragraph-split/info P5"},
		// Voted P6 and P7 are final P6.
		{"merged", "zh", "paragraphs-merged/info P6"},
		// Voted P6, one short sentence, and P7 are final P6: the length
		// says little (a twelfth of it), the sentences do, the first of
		// them without a counterpart in the pair until P6 is folded in
		// (rebeadSentences).
		{"merged-sentences", "zh", "term-missing/info P1 paragraphs-merged/info P6 number-mismatch/info P11"},
		// Final P6 and P7 are voted P6 cut at a sentence end; the same.
		{"split-sentences", "zh", "paragraph-split/info P6"},
		// Final P1 and P2 are voted P2 and P1.
		{"swapped", "ru", "paragraph-moved/warning P2"},
		// Final P5 is voted P5, a date line with no full stop, with a
		// sentence glued after it (gapPairs): the sentence is content
		// added, the date line is not missing.
		{"sentence-glued", "es", "alignment-doubtful/warning P5 number-mismatch/info P5 content-added/warning P5"},
		// Voted P7 and P8 ("Question of Cyprus") are final P7: the
		// lengths say nothing, the heading's words do (rebeadEvidence).
		{"merged-evidence", "fr", "paragraphs-merged/info P7"},
		// Final P3 and P5 are voted P5 and P3, which share no number,
		// concept or name with them: the evidence is in the two crossed
		// pairs together (swapPairs).
		{"swapped-weak", "ar", "paragraph-moved/warning P3 paragraph-moved/warning P5"},
		// Voted P11 is final P16.
		{"moved", "es", "number-mismatch/info P2 paragraph-moved/warning P11"},
		// Voted P5 ("Wednesday, 29 April") is gone from the final.
		{"dropped", "zh", "paragraph-missing/error P5"},
	}
	for _, tt := range tests {
		dir := filepath.Join("testdata", "realign", tt.dir)
		en, err := os.ReadFile(filepath.Join(dir, "en.txt"))
		if err != nil {
			t.Fatal(err)
		}
		fin, err := os.ReadFile(filepath.Join(dir, tt.lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		fs := checkLang(t, string(en), string(fin), tt.lang)
		if got := kindsAt(fs); got != tt.want {
			t.Errorf("%s: got %q, want %q\n%s", tt.dir, got, tt.want, describe(fs))
		}
		for _, f := range fs {
			if f.Kind == "paragraph-moved" && !strings.Contains(f.Message, "is final paragraph") {
				t.Errorf("%s: %s does not name both positions: %s", tt.dir, f.Kind, f.Message)
			}
		}
	}
}
