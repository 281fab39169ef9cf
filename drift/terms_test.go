package drift_test

import (
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// resolution writes a Human Rights Council resolution with a masthead:
// its symbol, a date line (none when date is ""), the line that opens the
// body and one preambular paragraph.
func resolution(symbol, date, opener, pp string) string {
	parts := []string{symbol}
	if date != "" {
		parts = append(parts, date)
	}
	return strings.Join(append(parts, opener, pp), "\n\n")
}

// TestDatedRendering: the default lexicon gives the 1948 renderings of the
// rule of law, fr "régime de droit" and es "régimen de Derecho", as in use
// until 1990. In a final of a later year (its date line, else its symbol's
// session) such a rendering is a dated-rendering info; in a final of 1990
// or before, or of no known year, it is not. Either way it is a rendering
// of the rule of law: no term-missing.
func TestDatedRendering(t *testing.T) {
	fx := newFixture(lexicon.Default())
	const en = "Considering that human rights should be protected by the rule of law,"
	voted := fx.side(resolution("A/HRC/37/L.36", "19 March 2018", "The Human Rights Council,", en), "v.en.txt", "en", true)
	tests := []struct {
		desc, lang, symbol, date, opener, pp string
		want                                 string // kinds/severities in order
		term                                 string // the final term of the dated rendering
	}{
		{"French, 2018: the rendering of 1948", "fr", "A/HRC/RES/37/23", "23 mars 2018", "Le Conseil des droits de l'homme,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "dated-rendering/info", "régime de droit"},
		{"French, 2018: today's rendering", "fr", "A/HRC/RES/37/23", "23 mars 2018", "Le Conseil des droits de l'homme,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par l'état de droit,", "", ""},
		{"French, 1948", "fr", "A/RES/217 (III)", "10 décembre 1948", "L'Assemblée générale,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "", ""},
		{"French, 1990: the last year of the period", "fr", "A/RES/45/1", "1er octobre 1990", "L'Assemblée générale,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "", ""},
		{"French, 1991: the first year after it", "fr", "A/RES/46/1", "17 septembre 1991", "L'Assemblée générale,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "dated-rendering/info", "régime de droit"},
		{"French, no date: the year of the symbol's session", "fr", "A/HRC/RES/37/23", "", "Le Conseil des droits de l'homme,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "dated-rendering/info", "régime de droit"},
		{"French, no year known", "fr", "", "", "Le Conseil des droits de l'homme,",
			"Considérant qu'il est essentiel que les droits de l'homme soient protégés par un régime de droit,", "", ""},
		{"Spanish, 2018: the rendering of 1948", "es", "A/HRC/RES/37/23", "23 de marzo de 2018", "El Consejo de Derechos Humanos,",
			"Considerando esencial que los derechos humanos sean protegidos por un régimen de Derecho,", "dated-rendering/info", "régimen de Derecho"},
		{"Spanish, 2018: today's rendering", "es", "A/HRC/RES/37/23", "23 de marzo de 2018", "El Consejo de Derechos Humanos,",
			"Considerando esencial que los derechos humanos sean protegidos por el Estado de derecho,", "", ""},
		{"Spanish, 1948", "es", "A/RES/217 (III)", "10 de diciembre de 1948", "La Asamblea General,",
			"Considerando esencial que los derechos humanos sean protegidos por un régimen de Derecho,", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			final := fx.side(resolution(tt.symbol, tt.date, tt.opener, tt.pp), "f."+tt.lang+".txt", tt.lang, true)
			fs := fx.compare(voted, final)
			if got := kinds(fs); got != tt.want {
				t.Fatalf("final %+q (year %d):\n got %q\nwant %q", tt.pp, final.Doc.Year, got, tt.want)
			}
			for _, f := range fs {
				if f.Kind != drift.DatedRendering {
					continue
				}
				if f.FinalTerm != tt.term || f.FinalConcept != "rule-of-law" || f.Final.Para != "PP1" || f.Voted.Para != "PP1" ||
					f.Final.Text[f.Final.Start:f.Final.End] != tt.term {
					t.Errorf("finding %+v: want the final term %q of rule-of-law at its place in PP1", f, tt.term)
				}
				if !strings.Contains(f.Message, "until 1990") || !strings.Contains(f.Message, "2018") && !strings.Contains(f.Message, "1991") {
					t.Errorf("message %q does not give the period and the year", f.Message)
				}
			}
		})
	}
}

// TestPartlyTraditional: a concept of the voted paragraph missing from a
// Chinese final but with a distinctive part of its rendering there
// (民间 of 民间社会) is reworded, an info, in traditional characters as in
// simplified ones.
func TestPartlyTraditional(t *testing.T) {
	fx := newFixture(mustLexicon(t, "id\tgroup\ten\tzh\n"+
		"cs\t\tcivil society\t民间社会\n"+
		"ta\t\ttechnical assistance\t技术援助\n"))
	voted := fx.side("Welcomes civil society and technical assistance.", "v.en.txt", "en", true)
	for _, final := range []string{"欢迎民间组织和技术援助。", "歡迎民間組織和技術援助。"} {
		got := kinds(fx.compare(voted, fx.side(final, "f.zh.txt", "zh", true)))
		if got != "term-missing/info" {
			t.Errorf("final %q: %q, want term-missing/info", final, got)
		}
	}
}

// TestReferenceNeverAFinding: hits of reference concepts in the paragraphs
// (as lexicon.Matcher.MatchAll finds them) make no term finding, neither
// missing, added nor substituted, while those of the other concepts still
// do.
func TestReferenceNeverAFinding(t *testing.T) {
	lex := mustLexicon(t, "id\tgroup\ten\tfr\trole\n"+
		"ta\t\ttechnical assistance\tassistance technique\t\n"+
		"cb\t\tcapacity-building\trenforcement des capacités\t\n"+
		"hr\tg\thuman rights\tdroits de l'homme\treference\n"+
		"hr2\tg\tfundamental rights\tdroits fondamentaux\treference\n"+
		"ss\t\tsouth-south cooperation\tcoopération Sud-Sud\treference\n")
	fx := newFixture(lex)
	all := func(s *drift.Side) *drift.Side {
		refs := 0
		for _, p := range s.Paras {
			p.Hits = fx.an.Matcher.MatchAll(s.Doc.Lang, p.P.Text, p.Tokens)
			for _, h := range p.Hits {
				if h.Concept.Role == lexicon.RoleReference {
					refs++
				}
			}
		}
		if refs == 0 {
			t.Fatalf("%s: no reference hit: the test checks nothing", s.Doc.Path)
		}
		return s
	}
	voted := all(fx.side("Welcomes technical assistance, capacity-building and human rights.", "v.en.txt", "en", true))
	// The final drops capacity-building (a finding), has fundamental
	// rights for human rights (alternatives of a group, but reference)
	// and adds South-South cooperation (reference).
	final := all(fx.side("Se félicite de l'assistance technique, des droits fondamentaux et de la coopération Sud-Sud.", "f.fr.txt", "fr", true))
	fs := fx.compare(voted, final)
	var got []string
	for _, f := range fs {
		if f.VotedConcept == "hr" || f.FinalConcept == "hr2" || f.FinalConcept == "ss" {
			t.Errorf("a finding of a reference concept: %s %s", f.Kind, f.Message)
		}
		got = append(got, string(f.Kind)+" "+f.VotedConcept+f.FinalConcept)
	}
	if !strings.Contains(strings.Join(got, ", "), "term-missing cb") {
		t.Errorf("findings %q, want term-missing cb", got)
	}
}
