package drift

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/segment"
)

// compareVersions compares two paragraphs of one language word by word.
// Changes that the term and number findings already explain (the earlier
// findings of the pair) are not reported again; any other change of words
// is a wording-changed warning carrying the diff; a pair that differs only
// editorially is an editorial info.
func compareVersions(voted, final *Side, pr align.Pair, earlier []Finding) []Finding {
	if len(pr.A) != 1 || len(pr.B) != 1 {
		what := "merged into"
		if len(pr.B) > 1 {
			what = "split into"
		}
		var a, b []string
		for _, i := range pr.A {
			a = append(a, voted.Paras[i].P.ID)
		}
		for _, j := range pr.B {
			b = append(b, final.Paras[j].P.ID)
		}
		vp, fp := voted.Paras[pr.A[0]], final.Paras[pr.B[0]]
		return []Finding{{
			Kind: WordingChanged, Severity: SeverityOf(WordingChanged), Score: pr.Score,
			Message: fmt.Sprintf("voted %s %s final %s", strings.Join(a, "+"), what, strings.Join(b, "+")),
			Voted:   paraLoc(voted, vp, -1, -1), Final: paraLoc(final, fp, -1, -1),
		}}
	}
	vp, fp := voted.Paras[pr.A[0]], final.Paras[pr.B[0]]
	var out []Finding
	if vl, fl := normLabel(vp.P.Label), normLabel(fp.P.Label); vl != "" && fl != "" && vl != fl {
		out = append(out, Finding{
			Kind: ParagraphRenumbered, Severity: SeverityOf(ParagraphRenumbered), Score: pr.Score,
			Message: fmt.Sprintf("voted %s (%s) is numbered %s in the final (%s)", vp.P.ID, vp.P.Label, fp.P.Label, fp.P.ID),
			Voted:   paraLoc(voted, vp, 0, len(vp.P.Label)), Final: paraLoc(final, fp, 0, len(fp.P.Label)),
		})
	}
	ops := diff.Tokens(vp.P.Text, fp.P.Text, vp.Body(), fp.Body())
	// A label written differently but meaning the same ("1." / "１．") is
	// an editorial change too; a different number is a renumbering.
	// Spaces alone are layout, not an edit ("1.\u00a0" in a web page,
	// "1.\t" in a Word file).
	if va, fa := vp.P.Text[:vp.P.BodyStart], fp.P.Text[:fp.P.BodyStart]; noSpace(va) != noSpace(fa) && diff.EditorialKey(va) == diff.EditorialKey(fa) {
		ops = append([]diff.Op{{Kind: diff.Replace, A1: len(va), B1: len(fa), Editorial: true}}, ops...)
	}
	// What the term and number findings already explain.
	var explV, explF [][2]int
	for _, f := range earlier {
		if f.Kind == TermSubstituted {
			explV = append(explV, [2]int{f.Voted.Start, f.Voted.End})
			explF = append(explF, [2]int{f.Final.Start, f.Final.End})
		}
	}
	for _, n := range changedNumbers(vp, fp) {
		explV = append(explV, n[0])
		explF = append(explF, n[1])
	}
	var first *diff.Op
	editorial := 0
	for k := range ops {
		op := &ops[k]
		switch {
		case op.Kind == diff.Equal:
		case op.Editorial:
			editorial++
		case !explained(vp.Tokens, op.A0, op.A1, explV) || !explained(fp.Tokens, op.B0, op.B1, explF):
			if first == nil {
				first = op
			}
		}
	}
	switch {
	case first != nil:
		out = append(out, Finding{
			Kind: WordingChanged, Severity: SeverityOf(WordingChanged), Score: pr.Score,
			Message: fmt.Sprintf("wording changed: %s", summary(vp.P.Text, fp.P.Text, ops)),
			Voted:   paraLoc(voted, vp, first.A0, first.A1), Final: paraLoc(final, fp, first.B0, first.B1),
			Ops: ops,
		})
	case editorial > 0:
		out = append(out, Finding{
			Kind: Editorial, Severity: SeverityOf(Editorial), Score: pr.Score,
			Message: fmt.Sprintf("%d editorial change(s): %s", editorial, summary(vp.P.Text, fp.P.Text, ops)),
			Voted:   paraLoc(voted, vp, -1, -1), Final: paraLoc(final, fp, -1, -1),
			Ops: ops,
		})
	}
	return out
}

func normLabel(l string) string { return diff.EditorialKey(l) }

// noSpace returns s without its white space (any Unicode space).
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
			return -1
		}
		return r
	}, s)
}

// explained reports whether every word or number token in [a0, a1) lies in
// one of the spans.
func explained(toks []segment.Token, a0, a1 int, spans [][2]int) bool {
	for _, t := range toks {
		if int(t.End) <= a0 || int(t.Start) >= a1 || !t.IsContent() {
			continue
		}
		in := false
		for _, s := range spans {
			if int(t.Start) >= s[0] && int(t.End) <= s[1] {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// summary describes the first few changes: "a" → "b", -"c", +"d".
func summary(a, b string, ops []diff.Op) string {
	var parts []string
	n := 0
	for _, op := range ops {
		if op.Kind == diff.Equal {
			continue
		}
		n++
		if len(parts) == 3 {
			continue
		}
		switch op.Kind {
		case diff.Delete:
			parts = append(parts, fmt.Sprintf("-%q", clip(a[op.A0:op.A1])))
		case diff.Insert:
			parts = append(parts, fmt.Sprintf("+%q", clip(b[op.B0:op.B1])))
		default:
			parts = append(parts, fmt.Sprintf("%q → %q", clip(a[op.A0:op.A1]), clip(b[op.B0:op.B1])))
		}
	}
	if n > len(parts) {
		parts = append(parts, fmt.Sprintf("and %d more", n-len(parts)))
	}
	return strings.Join(parts, ", ")
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
