package driftcheck_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// unbisReference returns the default lexicon with the UNBIS thesaurus of
// ../shared/terms as a reference lexicon, matched without accents (UNBIS
// writes French and Spanish without them); it skips without ../shared.
func unbisReference(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	u, err := lexicon.Parse(strings.NewReader(string(unbisTSV(t, 1, lexicon.RoleReference, lexicon.MatchUnaccented))), "unbis.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Concepts) != 7121 {
		t.Fatalf("UNBIS: %d concepts, want 7121", len(u.Concepts))
	}
	return lexicon.Default().Merge(u)
}

// describeResult returns the findings and the alignment of a check, one a
// line, with their scores.
func describeResult(res *driftcheck.Result) string {
	var b strings.Builder
	for _, f := range res.Findings() {
		fmt.Fprintf(&b, "%s %s %s %v | %+v | %+v\n", f.Kind, f.Severity, f.Message, f.Score, f.Voted, f.Final)
	}
	for _, c := range res.Comparisons {
		for _, p := range c.Pairs {
			fmt.Fprintf(&b, "pair %v %v %v\n", p.A, p.B, p.Score)
		}
	}
	return b.String()
}

// TestUNBISReferenceFounding checks the founding case with the UNBIS
// thesaurus loaded as a reference lexicon: exactly its 9 findings, the
// same as with the default lexicon alone, and the same alignment; UNBIS
// terms are there to be found (MatchAll).
func TestUNBISReferenceFounding(t *testing.T) {
	withRef := driftcheck.New(unbisReference(t))
	alone := driftcheck.New(lexicon.Default())
	run := func(chk *driftcheck.Checker) (*driftcheck.Result, int) {
		res := checkFounding(t, chk)
		refs := 0
		for _, c := range res.Comparisons {
			refs += refHits(chk.Matcher, c.Voted) + refHits(chk.Matcher, c.Final)
		}
		return res, refs
	}
	a, _ := run(alone)
	b, refs := run(withRef)
	if n := len(b.Findings()); n != 9 {
		t.Errorf("with UNBIS as reference: %d findings, want 9", n)
	}
	if da, db := describeResult(a), describeResult(b); da != db {
		t.Errorf("with UNBIS as reference, findings or alignment differ:\n--- default alone\n%s--- with UNBIS\n%s", da, db)
	}
	if refs < 10 {
		t.Errorf("only %d UNBIS hits in the founding case: the reference lexicon is not matched", refs)
	}
}

// TestUNBISReferenceDevset checks clean official translations of the UNPC
// devset (English as voted, each other language as final) with the UNBIS
// thesaurus as a reference lexicon: the same findings and the same
// alignment as with the default lexicon alone (none added).
func TestUNBISReferenceDevset(t *testing.T) {
	docs := devset(t)
	withRef := driftcheck.New(unbisReference(t))
	alone := driftcheck.New(lexicon.Default())
	for _, lang := range []string{"zh", "fr", "es", "ru", "ar"} {
		if testing.Short() && lang != "zh" {
			continue
		}
		findings, refs, differ := 0, 0, 0
		for _, d := range docs {
			var out [2]string
			for i, chk := range []*driftcheck.Checker{alone, withRef} {
				res := checkDevset(t, chk, d, lang)
				out[i] = describeResult(res)
				if i == 0 {
					findings += len(res.Findings())
				} else {
					for _, c := range res.Comparisons {
						refs += refHits(chk.Matcher, c.Final)
					}
				}
			}
			if out[0] != out[1] {
				differ++
				if differ <= 3 {
					t.Errorf("%s en→%s: findings or alignment differ with UNBIS as reference:\n--- default alone\n%s--- with UNBIS\n%s", d.Symbol, lang, out[0], out[1])
				}
			}
		}
		t.Logf("en→%s: %d documents, %d findings with the default lexicon; %d UNBIS hits in the finals; %d documents differ", lang, len(docs), findings, refs, differ)
		if refs == 0 {
			t.Errorf("en→%s: no UNBIS hit in the finals: the reference lexicon is not matched", lang)
		}
	}
}

// checkDevset checks the lang version of devset document d against its
// English as voted.
func checkDevset(t *testing.T, chk *driftcheck.Checker, d *corpus.Doc, lang string) *driftcheck.Result {
	t.Helper()
	v, err := chk.Parse(paras(d.Lines["en"]), d.Symbol+".en", "en")
	if err != nil {
		t.Fatal(err)
	}
	f, err := chk.Parse(paras(d.Lines[lang]), d.Symbol+"."+lang, lang)
	if err != nil {
		t.Fatal(err)
	}
	return chk.Check(v, f)
}

// refHits counts the hits of reference concepts in the paragraphs of a
// side (lexicon.Matcher.MatchAll: a check leaves them out).
func refHits(m *lexicon.Matcher, s *drift.Side) int {
	n := 0
	for _, p := range s.Paras {
		for _, h := range m.MatchAll(s.Doc.Lang, p.P.Text, p.Tokens) {
			if h.Concept.Role == lexicon.RoleReference {
				n++
			}
		}
	}
	return n
}

// TestCompiledSameOutput checks that the UNBIS thesaurus compiled gives
// the same findings and alignment as read from its TSV source, on the
// founding case and on a sample of the devset (English voted, Chinese and
// French finals): as a reference lexicon, and with the default role, where
// its concepts make findings (96 on the founding case), so that the
// compiled patterns are what is compared.
func TestCompiledSameOutput(t *testing.T) {
	docs := devset(t)
	if len(docs) > 12 {
		docs = docs[:12]
	}
	for _, role := range []lexicon.Role{lexicon.RoleReference, lexicon.RoleDefault} {
		tsv := writeTemp(t, "unbis.tsv", unbisTSV(t, 1, role, lexicon.MatchUnaccented))
		fromTSV, _, err := lexicon.Open(tsv)
		if err != nil {
			t.Fatal(err)
		}
		compiled, _, err := lexicon.Open(compileFile(t, tsv))
		if err != nil {
			t.Fatal(err)
		}
		a, c := driftcheck.New(lexicon.Default().Merge(fromTSV)), driftcheck.New(lexicon.Default().Merge(compiled))
		findings := 0
		founding := func(chk *driftcheck.Checker) string {
			res := checkFounding(t, chk)
			findings += len(res.Findings())
			return describeResult(res)
		}
		if x, y := founding(a), founding(c); x != y {
			t.Errorf("role %q, founding case: TSV and compiled differ:\n--- TSV\n%s--- compiled\n%s", role, x, y)
		}
		for _, d := range docs {
			for _, lang := range []string{"zh", "fr"} {
				var out [2]string
				for i, chk := range []*driftcheck.Checker{a, c} {
					res := checkDevset(t, chk, d, lang)
					findings += len(res.Findings())
					out[i] = describeResult(res)
				}
				if out[0] != out[1] {
					t.Errorf("role %q, %s en→%s: TSV and compiled differ:\n--- TSV\n%s--- compiled\n%s", role, d.Symbol, lang, out[0], out[1])
				}
			}
		}
		t.Logf("role %q: %d findings compared", role, findings)
		if role == lexicon.RoleDefault && findings < 200 {
			t.Errorf("role %q: only %d findings: UNBIS concepts do not make findings, the test compares little", role, findings)
		}
	}
}
