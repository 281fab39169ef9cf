package drift_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// renderings aligns two sides as fx.compare does and returns the
// renderings of their grouped concepts with the findings.
func (fx *fixture) renderings(vs, fs *drift.Side) ([]drift.Rendering, []drift.Finding) {
	opt := align.OptionsFor(vs.Doc.Lang, fs.Doc.Lang, vs.Doc.Structured && fs.Doc.Structured)
	pairs := align.Align(fx.an.Items(vs, opt.SameLang, !opt.SameLang), fx.an.Items(fs, opt.SameLang, !opt.SameLang), opt)
	rs, findings := drift.Renderings(vs, fs, pairs, drift.Grouped), drift.Compare(vs, fs, pairs, fx.an.Matcher)
	// The pairs the comparison refined give the same renderings and
	// findings, without refining again.
	f2, refined := drift.CompareRefined(vs, fs, pairs, fx.an.Matcher)
	if got, want := renderingList(drift.RenderingsOf(vs, fs, refined, drift.Grouped)), renderingList(rs); got != want {
		panic(fmt.Sprintf("renderings of the refined pairs:\n%s\nwant\n%s", got, want))
	}
	if got, want := kinds(f2), kinds(findings); got != want {
		panic(fmt.Sprintf("CompareRefined findings %q, Compare %q", got, want))
	}
	return rs, findings
}

func renderingList(rs []drift.Rendering) string {
	var b []string
	for _, r := range rs {
		b = append(b, fmt.Sprintf("%s>%s %s>%s", r.VotedPara, r.FinalPara, r.VotedConcept, r.FinalConcept))
	}
	return strings.Join(b, "; ")
}

// TestRenderings: faithful renderings, substitutions within a group and
// concepts not rendered, paragraph by paragraph; a concept of no group
// (human rights, the rule of law) is left out by Grouped. The
// substitutions are exactly the term-substituted findings and the concepts
// not rendered the term-missing ones of grouped concepts.
func TestRenderings(t *testing.T) {
	fx := newFixture(lexicon.Default())
	en := strings.Join([]string{
		"1. Welcomes mutually beneficial cooperation among States in the field of human rights;",
		"2. Calls for mutually beneficial cooperation and gender equality in all regions of the world;",
		"3. Stresses that poverty eradication is an overriding objective of the international community;",
		"4. Underlines the importance of the rule of law for the protection of everyone;",
		"5. Encourages equality between men and women and mutually beneficial cooperation at every level of government;",
	}, "\n\n")
	fr := strings.Join([]string{
		"1. Se félicite de la coopération mutuellement bénéfique entre les États dans le domaine des droits de l'homme;",
		"2. Appelle à une coopération gagnant-gagnant et à l'égalité des sexes dans toutes les régions du monde;",
		"3. Souligne que c'est un objectif primordial de la communauté internationale;",
		"4. Souligne l'importance de l'état de droit pour la protection de chacun;",
		"5. Encourage l'égalité des sexes et la coopération mutuellement avantageuse à tous les niveaux de gouvernement;",
	}, "\n\n")
	voted := fx.side(en, "v.en.txt", "en", true)
	final := fx.side(fr, "f.fr.txt", "fr", true)
	rs, fs := fx.renderings(voted, final)
	want := "P1>P1 mutually-beneficial-cooperation>mutually-beneficial-cooperation; " +
		"P2>P2 mutually-beneficial-cooperation>win-win-cooperation; P2>P2 gender-equality>gender-equality; " +
		"P3>P3 poverty-eradication>; " +
		"P5>P5 equality-men-women>gender-equality; P5>P5 mutually-beneficial-cooperation>mutually-beneficial-cooperation"
	if got := renderingList(rs); got != want {
		t.Errorf("renderings:\n got %s\nwant %s", got, want)
	}
	subs, missing := 0, 0
	for _, f := range fs {
		switch {
		case f.Kind == drift.TermSubstituted:
			subs++
		case f.Kind == drift.TermMissing && f.Group != "":
			missing++
		}
	}
	gotSubs, gotMissing := 0, 0
	for _, r := range rs {
		switch {
		case r.FinalConcept == "":
			gotMissing++
		case r.FinalConcept != r.VotedConcept:
			gotSubs++
		}
	}
	if subs != 2 || gotSubs != subs || gotMissing != missing || missing != 1 {
		t.Errorf("renderings give %d substitutions and %d not rendered; findings %d term-substituted and %d term-missing of a group (want 2 and 1)",
			gotSubs, gotMissing, subs, missing)
	}
	// Every concept, with no filter: the rule of law and human rights too.
	opt := align.OptionsFor("en", "fr", voted.Doc.Structured && final.Doc.Structured)
	pairs := align.Align(fx.an.Items(voted, false, true), fx.an.Items(final, false, true), opt)
	all := drift.Renderings(voted, final, pairs, nil)
	if !strings.Contains(renderingList(all), "P4>P4 rule-of-law>rule-of-law") {
		t.Errorf("with no filter, the rule of law is not among the renderings: %s", renderingList(all))
	}
}

// TestRenderingsMerged: two voted paragraphs in one final one are compared
// as one; each voted concept is rendered in the merged paragraph.
func TestRenderingsMerged(t *testing.T) {
	fx := newFixture(lexicon.Default())
	en := "1. Welcomes mutually beneficial cooperation among all the States Members of the United Nations in every field of common interest;\n\n" +
		"2. Stresses that poverty eradication remains the overriding objective of the international community as a whole;\n\n" +
		"3. Decides to remain seized of the matter."
	fr := "1. Se félicite de la coopération gagnant-gagnant entre tous les États Membres de l'Organisation des Nations Unies dans tous les domaines d'intérêt commun, et souligne que l'élimination de la pauvreté demeure l'objectif primordial de la communauté internationale dans son ensemble;\n\n" +
		"2. Décide de rester saisie de la question."
	rs, fs := fx.renderings(fx.side(en, "v.en.txt", "en", true), fx.side(fr, "f.fr.txt", "fr", true))
	want := "P1>P1 mutually-beneficial-cooperation>win-win-cooperation; P2>P1 poverty-eradication>poverty-eradication"
	if got := renderingList(rs); got != want {
		t.Errorf("renderings:\n got %s\nwant %s\nfindings: %s", got, want, kinds(fs))
	}
}

// TestRenderingsMoved: the founding case (A/HRC/37/L.36 against the
// Chinese resolution, whose win-win cooperation replaced mutually
// beneficial cooperation), then the same with operative paragraph 1 moved
// three places on and with two paragraphs swapped: the moved paragraphs
// are paired apart (Renderings refines the pairs as Compare does), so the
// voted side's renderings are the same, and the substitutions are the
// term-substituted findings each time.
func TestRenderingsMoved(t *testing.T) {
	fx := newFixture(lexicon.Default())
	en := readFile(t, "../testdata/founding/L36.en.txt")
	zh := readFile(t, "../testdata/founding/RES.zh.txt")
	voted := func(rs []drift.Rendering) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.VotedPara+" "+r.VotedConcept+">"+r.FinalConcept)
		}
		slices.Sort(s)
		return strings.Join(s, "; ")
	}
	var base string
	for i, final := range []string{zh, reorder(t, zh, "1．", "4．", true), reorder(t, zh, "回顾大会", "确认在一个", false)} {
		rs, fs := fx.renderings(fx.side(en, "v.en.txt", "en", true), fx.side(final, "f.zh.txt", "zh", true))
		subs, gotSubs := 0, 0
		for _, f := range fs {
			if f.Kind == drift.TermSubstituted {
				subs++
			}
		}
		for _, r := range rs {
			if r.FinalConcept != "" && r.FinalConcept != r.VotedConcept {
				gotSubs++
			}
		}
		if subs == 0 || gotSubs != subs {
			t.Errorf("final %d: %d substitutions in the renderings, %d term-substituted findings (want as many, and some)", i, gotSubs, subs)
		}
		if i == 0 {
			base = voted(rs)
			t.Logf("renderings: %s", base)
			continue
		}
		if got := voted(rs); got != base {
			t.Errorf("final %d (paragraphs moved): renderings\n%s\nwant those of the final in order:\n%s", i, got, base)
		}
	}
}
