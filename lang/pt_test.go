package lang_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
)

// A new language is one file like this one (a test-only file here, to
// show it): its profile, registered at init. Nothing else in driftcheck
// names Portuguese.
func init() {
	lang.Register(&lang.Profile{
		Code: "pt", Name: "Portuguese", Script: unicode.Latin,
		Cognates: true, HeadFirst: true, DecimalHours: true,
		Conjunctions: map[string]bool{"e": true, "ou": true},
		Month: func(w string) int {
			for i, m := range []string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"} {
				if w == m {
					return i + 1
				}
			}
			return 0
		},
		HourWords: []string{"horas"},
		Scales:    map[string]float64{"milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9},
	})
}

// TestNewLanguage checks that the Portuguese profile above is picked up by
// the whole check: its month and scale words make "19 de março de 2018" and
// "4,8 milhões" the numbers of "19 March 2018" and "4.8 million", and a
// month changed in the translation a number finding. Without the profile,
// March and 4.8 million would have no counterpart in the Portuguese text.
func TestNewLanguage(t *testing.T) {
	lex, err := lexicon.Parse(strings.NewReader("id\tgroup\ten\tpt\nta\t\ttechnical assistance\tassistência técnica\n"), "pt.tsv")
	if err != nil {
		t.Fatal(err)
	}
	chk := driftcheck.New(lex)
	voted, err := chk.Parse(extract.Split("Decides to provide technical assistance from 19 March 2018, with 4.8 million dollars."), "v.en.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		final string
		want  []string // numbers findings: voted → final
	}{
		{"Decide prestar assistência técnica a partir de 19 de março de 2018, com 4,8 milhões de dólares.", nil},
		{"Decide prestar assistência técnica a partir de 19 de abril de 2018, com 4,8 milhões de dólares.", []string{"March → abril"}},
	} {
		final, err := chk.Parse(extract.Split(c.final), "f.pt.txt", "pt")
		if err != nil {
			t.Fatal(err)
		}
		if final.Lang != "pt" {
			t.Fatalf("final read as %q, want pt", final.Lang)
		}
		var got []string
		for _, f := range chk.Check(voted, final).Findings() {
			if f.Kind != drift.NumberMismatch {
				t.Errorf("%q: unexpected %s: %s", c.final, f.Kind, f.Message)
				continue
			}
			got = append(got, strings.Join(f.VotedNumbers, ",")+" → "+strings.Join(f.FinalNumbers, ","))
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%q: number findings %q, want %q", c.final, got, c.want)
		}
	}
	if p := lang.Of("pt"); p.Month == nil || p.Month("março") != 3 {
		t.Error(`lang.Of("pt") is not the registered profile`)
	}
}
