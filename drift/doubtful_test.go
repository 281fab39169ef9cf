package drift_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// TestDoubtfulPair checks what a pair scoring below drift.DoubtfulScore
// gives: an alignment-doubtful warning naming both paragraphs first, and
// the pair's term-substituted error lowered to a warning that says so;
// above it, in one language, or for a pair the aligner did not score, the
// error alone.
func TestDoubtfulPair(t *testing.T) {
	fx := newFixture(lexicon.Default())
	voted := fx.side("1. Promotes mutually beneficial cooperation in the field of human rights.", "v.en.txt", "en", true)
	final := fx.side("1. 促进人权领域的合作共赢。", "f.zh.txt", "zh", true)
	pair := func(score, cost float64) []align.Pair {
		return []align.Pair{{A: []int{0}, B: []int{0}, Score: score, Cost: cost}}
	}
	fs := drift.Compare(voted, final, pair(0.01, 3), fx.an.Matcher)
	if len(fs) != 2 {
		t.Fatalf("a doubtful pair gives %d findings, want alignment-doubtful and term-substituted:\n%s", len(fs), describe(fs))
	}
	d, ts := fs[0], fs[1]
	if d.Kind != drift.AlignmentDoubtful || d.Severity != drift.Warning || d.Voted.Para != "P1" || d.Final.Para != "P1" || d.Score != 0.01 {
		t.Errorf("first finding %s, want alignment-doubtful/warning P1|P1 score 0.01", describe(fs[:1]))
	}
	if !strings.Contains(d.Message, "voted paragraph P1 and final paragraph P1") || !strings.Contains(d.Message, "score 0.010") {
		t.Errorf("alignment-doubtful message %q does not name both paragraphs and the score", d.Message)
	}
	if ts.Kind != drift.TermSubstituted || ts.Severity != drift.Warning {
		t.Errorf("second finding %s, want term-substituted lowered to warning", describe(fs[1:]))
	}
	if !strings.HasSuffix(ts.Message, "; the pairing is doubtful (score 0.010)") {
		t.Errorf("term-substituted message %q does not say the pairing is doubtful", ts.Message)
	}

	for _, tt := range []struct {
		name        string
		score, cost float64
	}{
		{"a confident pair", 0.9, 0},
		{"a pair at the threshold", drift.DoubtfulScore, 2},
		{"a pair given, not scored", 0, 0},
	} {
		fs := drift.Compare(voted, final, pair(tt.score, tt.cost), fx.an.Matcher)
		if len(fs) != 1 || fs[0].Kind != drift.TermSubstituted || fs[0].Severity != drift.Error || strings.Contains(fs[0].Message, "doubtful") {
			t.Errorf("%s: %s, want the term-substituted error alone", tt.name, describe(fs))
		}
	}

	// Versions in one language are not doubted.
	v2 := fx.side("1. Promotes win-win cooperation in the field of human rights.", "f.en.txt", "en", false)
	for _, f := range drift.Compare(fx.side("1. Promotes mutually beneficial cooperation in the field of human rights.", "v.en.txt", "en", false), v2, pair(0.01, 3), fx.an.Matcher) {
		if f.Kind == drift.AlignmentDoubtful || strings.Contains(f.Message, "doubtful") {
			t.Errorf("versions in one language: %s", describe([]drift.Finding{f}))
		}
	}
}

// TestDoubtfulReplaced checks a final whose paragraph was replaced by one
// that does not translate the voted one, of about its length: the aligner
// pairs the two (a pair costs less than two skips), and the pair is
// alignment-doubtful with both paragraphs named, its number-mismatch
// lowered to info; the pairs that translate each other are not doubted.
func TestDoubtfulReplaced(t *testing.T) {
	fx := newFixture(lexicon.Default())
	voted := `1. Decides to convene a high-level meeting on the question of human rights in 2019;

2. Requests the Secretary-General to submit a report on the implementation of the present resolution to the Human Rights Council at its fortieth session;

3. Encourages States to cooperate with the special procedures of the Human Rights Council;

4. Decides to remain seized of the matter.`
	final := `1. Décide de convoquer une réunion de haut niveau sur la question des droits de l'homme en 2019 ;

2. Prie le Secrétaire général de présenter un rapport sur l'application de la présente résolution au Conseil des droits de l'homme à sa quarantième session ;

3. Note avec satisfaction les contributions de 2 500 000 dollars et de 400 000 euros versées en 2017 au fonds d'affectation spéciale par les donateurs ;

4. Décide de demeurer saisi de la question.`
	fs := fx.compare(fx.side(voted, "v.en.txt", "en", true), fx.side(final, "f.fr.txt", "fr", true))
	var doubted []string
	for _, f := range fs {
		if f.Kind == drift.AlignmentDoubtful {
			doubted = append(doubted, f.Voted.Para+"|"+f.Final.Para)
			continue
		}
		if f.Voted.Para == "P3" && f.Severity > drift.Info {
			t.Errorf("a finding of the doubtful pair not lowered: %s", describe([]drift.Finding{f}))
		}
	}
	if len(doubted) != 1 || doubted[0] != "P3|P3" {
		t.Errorf("doubtful pairs %v, want [P3|P3]:\n%s", doubted, describe(fs))
	}
}
