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
	case first != nil && onlyMoved(vp, fp, ops, explV, explF):
		out = append(out, Finding{
			Kind: Reordered, Severity: SeverityOf(Reordered), Score: pr.Score,
			Message: fmt.Sprintf("words moved: %s", summary(vp.P.Text, fp.P.Text, ops)),
			Voted:   paraLoc(voted, vp, first.A0, first.A1), Final: paraLoc(final, fp, first.B0, first.B1),
			Ops: ops,
		})
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

// onlyMoved reports whether the changes of ops that the earlier findings do
// not explain (spans explV, explF) only move words: the content words they
// delete are, as a multiset, those they insert, but for at most
// maxFunctionWords grammatical words a side (function words: a particle, a
// preposition or an article that a phrase put in another order needs, as
// 的 → 在 in 促进人权领域的合作 → 在人权领域促进合作). At least one word
// must have moved.
func onlyMoved(vp, fp *Para, ops []diff.Op, explV, explF [][2]int) bool {
	var del, ins []segment.Token
	for _, op := range ops {
		if op.Kind == diff.Equal || op.Editorial {
			continue
		}
		del = append(del, unexplained(vp.Tokens, op.A0, op.A1, explV)...)
		ins = append(ins, unexplained(fp.Tokens, op.B0, op.B1, explF)...)
	}
	left := map[string]int{}
	for _, t := range del {
		left[t.Key]++
	}
	moved := 0
	var restI []segment.Token
	for _, t := range ins {
		if left[t.Key] > 0 {
			if negations[strings.ToLower(t.In(fp.P.Text))] {
				return false // a negation that moves changes the sense
			}
			left[t.Key]--
			moved++
		} else {
			restI = append(restI, t)
		}
	}
	if moved == 0 {
		return false
	}
	restD := 0
	for _, t := range del {
		if left[t.Key] > 0 {
			left[t.Key]--
			if !functionWord(vp.P.Text, t) {
				return false
			}
			restD++
		}
	}
	for _, t := range restI {
		if !functionWord(fp.P.Text, t) {
			return false
		}
	}
	return restD <= maxFunctionWords && len(restI) <= maxFunctionWords
}

// maxFunctionWords is how many function words a side of a reordering may
// change.
const maxFunctionWords = 2

// unexplained returns the content tokens in [a0, a1) outside every span.
func unexplained(toks []segment.Token, a0, a1 int, spans [][2]int) []segment.Token {
	var out []segment.Token
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
			out = append(out, t)
		}
	}
	return out
}

// functionWords are the grammatical words of the six languages that a
// change of word order may add, drop or exchange: articles, prepositions,
// the Chinese structural particles and coverbs. Negations, conjunctions
// that change the sense (or, but) and every content word are left out, so
// that a moved "not" is never taken for a reordering.
var functionWords = map[string]bool{
	// Chinese
	"的": true, "之": true, "在": true, "于": true, "对": true, "和": true, "与": true, "及": true, "地": true, "中": true,
	// English
	"the": true, "a": true, "an": true, "of": true, "in": true, "to": true, "for": true, "on": true, "at": true, "by": true, "with": true, "and": true,
	// French
	"le": true, "la": true, "les": true, "l": true, "de": true, "du": true, "des": true, "d": true, "à": true, "au": true, "aux": true, "en": true, "dans": true, "et": true, "pour": true, "sur": true,
	// Spanish
	"el": true, "los": true, "las": true, "del": true, "al": true, "y": true, "para": true, "por": true, "con": true,
	// Russian
	"в": true, "во": true, "на": true, "и": true, "по": true, "к": true, "с": true, "о": true, "об": true, "для": true,
	// Arabic
	"في": true, "من": true, "على": true, "إلى": true, "و": true, "عن": true,
}

// negations are the words of negation of the six languages: moved, they
// change what a sentence says ("will not review … will adopt" / "will
// review … will not adopt").
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "ne": true, "n": true, "pas": true, "jamais": true, "non": true,
	"ni": true, "nunca": true, "не": true, "ни": true, "нет": true, "никогда": true,
	"لا": true, "لم": true, "لن": true, "ليس": true, "غير": true,
	"不": true, "未": true, "没有": true, "非": true, "无": true, "不会": true, "不能": true,
}

// functionWord reports whether token t of text is a function word.
func functionWord(text string, t segment.Token) bool {
	return functionWords[strings.ToLower(t.In(text))]
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
