package drift_test

import (
	"testing"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/segment"
)

// TestFingerprintRepeatedID checks that a finding whose paragraph id is
// written twice in its document (units of a translation memory may share
// an id) takes its context words from the first paragraph of that id, as
// when paragraphs were looked up by a scan.
func TestFingerprintRepeatedID(t *testing.T) {
	seg := segment.New(nil)
	side := func(texts ...string) *drift.Side {
		s := &drift.Side{Doc: &document.Document{Lang: "en"}}
		for _, text := range texts {
			p := &document.Paragraph{ID: "P1", Text: text}
			s.Paras = append(s.Paras, &drift.Para{P: p, Tokens: seg.Tokens("en", text)})
		}
		return s
	}
	fingerprint := func(voted *drift.Side) string {
		fs := []drift.Finding{{Kind: drift.ParagraphMissing, Voted: drift.Loc{Para: "P1", Start: -1, End: -1}}}
		drift.Fingerprints(voted, side(), fs)
		return fs[0].Fingerprint
	}
	first, second := "Decides to remain seized of the matter.", "Welcomes the report of the Secretary-General."
	both, alone, other := fingerprint(side(first, second)), fingerprint(side(first)), fingerprint(side(second))
	if both != alone || both == other {
		t.Errorf("fingerprint with P1 twice %s, with the first P1 alone %s, with the second alone %s: want the first's", both, alone, other)
	}
}
