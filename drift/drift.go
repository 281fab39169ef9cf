// Package drift turns aligned, annotated paragraph pairs into findings: each
// place where a final text departs from the voted one, with its kind,
// severity and evidence.
//
// Kinds: term-substituted (a concept in the voted paragraph, another concept
// of the same group in the aligned final paragraph), term-missing,
// term-added, number-mismatch, paragraph-missing and paragraph-added.
//
// Drift decides what is a finding; it never formats one.
package drift

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// Severity of a finding.
type Severity int

// Severities, in increasing order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// MarshalText writes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Finding kinds.
const (
	TermSubstituted  = "term-substituted"
	TermMissing      = "term-missing"
	TermAdded        = "term-added"
	NumberMismatch   = "number-mismatch"
	ParagraphMissing = "paragraph-missing"
	ParagraphAdded   = "paragraph-added"
	// Kinds of a comparison of two versions in one language.
	WordingChanged      = "wording-changed"
	Editorial           = "editorial"
	ParagraphRenumbered = "paragraph-renumbered"
)

// Kinds lists every finding kind with its severity and meaning, in the
// order reports use.
var Kinds = []struct {
	Kind     string
	Severity Severity
	Doc      string
}{
	{TermSubstituted, Error, "a lexicon concept in the voted paragraph was replaced by another concept of the same group (a negotiated alternative) in the final paragraph"},
	{ParagraphMissing, Error, "a voted paragraph has no counterpart in the final text"},
	{ParagraphAdded, Error, "a final paragraph has no counterpart in the voted text"},
	{NumberMismatch, Warning, "a number (digits, a date, a symbol's numbers) of the voted paragraph differs from the final one; info when a number is on one side only (it may be written in words on the other)"},
	{TermMissing, Warning, "a lexicon concept of the voted paragraph has no rendering in the final paragraph; info when a word of one of its renderings is there (reworded, not dropped)"},
	{TermAdded, Warning, "a lexicon concept appears in the final paragraph but not in the voted one; info when a word of one of its renderings is there"},
	{WordingChanged, Warning, "versions in one language: words changed that no term or number finding explains (the finding carries the diff)"},
	{Editorial, Info, "versions in one language: only punctuation style, full-width or half-width forms, white space (a space left between Han characters), quotation marks or Unicode normalisation differ"},
	{ParagraphRenumbered, Info, "versions in one language: a paragraph kept its text but not its number (an earlier paragraph was deleted or inserted)"},
}

// SeverityOf returns the severity of a kind.
func SeverityOf(kind string) Severity {
	for _, k := range Kinds {
		if k.Kind == kind {
			return k.Severity
		}
	}
	return Warning
}

// Loc is one side of a finding: where in which text.
type Loc struct {
	Path string
	Lang string
	Para string // paragraph id; "" when the side has no paragraph
	Text string // the paragraph text ("" when absent)
	// Start and End delimit the evidence (the term or number) in Text, in
	// bytes; both are -1 when the finding is about the whole paragraph.
	Start, End int
	// Line and Col give Start (or the paragraph start) in the file:
	// 1-based line, 1-based column in runes. 0 when unknown.
	Line, Col int
	// EndLine and EndCol give End likewise (the column after the last
	// character); 0 when the finding is about the whole paragraph.
	EndLine, EndCol int
	// Page is the 1-based page of a paged file (PDF) the paragraph starts
	// on; 0 when the file has no pages.
	Page int
}

// Finding is one departure of a final text from the voted text.
type Finding struct {
	Kind     string
	Severity Severity
	Message  string
	Voted    Loc
	Final    Loc
	// Term findings.
	VotedTerm, FinalTerm       string
	VotedConcept, FinalConcept string
	Group                      string
	// number-mismatch: the numbers only in the voted and only in the final.
	VotedNumbers, FinalNumbers []string
	// Score is the confidence of the paragraph pairing (0…1).
	Score float64
	// Ops is the token diff of the two paragraphs (wording-changed and
	// editorial findings): byte offsets into Voted.Text and Final.Text.
	Ops []diff.Op
	// After is, for a paragraph-added finding, the id of the voted
	// paragraph the added one follows ("" when it comes first).
	After string
	// Fingerprint identifies the finding across runs: it is made of what
	// was found and of the words around it, not of paragraph numbers or
	// lines, so it survives renumbering and edits elsewhere. See
	// Fingerprints.
	Fingerprint string
}

// Para is a paragraph with what the checker found in it.
type Para struct {
	P       *document.Paragraph
	Tokens  []segment.Token
	Hits    []lexicon.Hit
	Numbers []Number
	// Links are the ids of the alignment anchors found (see
	// lexicon.Anchors): evidence for the aligner, never reported.
	Links []string
}

// Number is a number found in a paragraph (package number).
type Number = number.Number

// Side is one document with its annotated body paragraphs (package
// annotate builds them).
type Side struct {
	Doc   *document.Document
	Paras []*Para
	// Anchored says whether the alignment anchors of the paragraphs
	// (Para.Links) were looked for.
	Anchored bool
}

// Compare returns the findings of final against voted, given the alignment
// of their body paragraphs (pairs index voted.Paras and final.Paras).
//
// m is the matcher that found the hits: its distinctive parts (see
// lexicon.Matcher.DistinctParts) tell a concept reworded from one dropped.
func Compare(voted, final *Side, pairs []align.Pair, m *lexicon.Matcher) []Finding {
	out := compare(voted, final, pairs, m)
	Fingerprints(voted, final, out)
	return out
}

func compare(voted, final *Side, pairs []align.Pair, m *lexicon.Matcher) []Finding {
	var out []Finding
	after := ""
	for _, pr := range pairs {
		switch {
		case len(pr.B) == 0:
			for _, i := range pr.A {
				p := voted.Paras[i]
				out = append(out, Finding{
					Kind: ParagraphMissing, Severity: SeverityOf(ParagraphMissing),
					Message: fmt.Sprintf("voted paragraph %s has no counterpart in the final text", p.P.ID),
					Voted:   paraLoc(voted, p, -1, -1),
					Final:   Loc{Path: final.Doc.Path, Lang: final.Doc.Lang, Start: -1, End: -1},
				})
			}
		case len(pr.A) == 0:
			for _, j := range pr.B {
				p := final.Paras[j]
				out = append(out, Finding{
					Kind: ParagraphAdded, Severity: SeverityOf(ParagraphAdded),
					Message: fmt.Sprintf("final paragraph %s has no counterpart in the voted text", p.P.ID),
					Voted:   Loc{Path: voted.Doc.Path, Lang: voted.Doc.Lang, Start: -1, End: -1},
					Final:   paraLoc(final, p, -1, -1),
					After:   after,
				})
			}
		default:
			out = append(out, comparePair(voted, final, pr, m)...)
		}
		if len(pr.A) > 0 {
			after = voted.Paras[pr.A[len(pr.A)-1]].P.ID
		}
	}
	return out
}

func paraLoc(s *Side, p *Para, start, end int) Loc {
	l := Loc{Path: s.Doc.Path, Lang: s.Doc.Lang, Para: p.P.ID, Text: p.P.Text, Start: start, End: end}
	off := start
	if off < 0 {
		off = 0
	}
	l.Line, l.Col = p.P.Source.Position(off)
	l.Page = p.P.Source.Page
	if start >= 0 && end >= start {
		l.EndLine, l.EndCol = p.P.Source.Position(end)
	}
	return l
}

type ref struct {
	para *Para
	hit  lexicon.Hit
}

func comparePair(voted, final *Side, pr align.Pair, m *lexicon.Matcher) []Finding {
	var va, fa []ref
	for _, i := range pr.A {
		for _, h := range voted.Paras[i].Hits {
			va = append(va, ref{voted.Paras[i], h})
		}
	}
	for _, j := range pr.B {
		for _, h := range final.Paras[j].Hits {
			fa = append(fa, ref{final.Paras[j], h})
		}
	}
	// Cancel the hits of one concept present on both sides, in order.
	onlyV, onlyF := cancel(va, fa)
	// A concept is judged missing or added only if the lexicon has a
	// rendering for it in the other language.
	has := func(c *lexicon.Concept, code string) bool {
		return len(c.Terms[lang.Norm(code)]) > 0
	}
	var out []Finding
	usedF := make([]bool, len(onlyF))
	for _, v := range onlyV {
		c := v.hit.Concept
		sub := -1
		if c.Group != "" {
			for k, f := range onlyF {
				if !usedF[k] && f.hit.Concept.Group == c.Group {
					sub = k
					break
				}
			}
		}
		if sub >= 0 {
			usedF[sub] = true
			f := onlyF[sub]
			out = append(out, Finding{
				Kind: TermSubstituted, Severity: SeverityOf(TermSubstituted),
				Message: fmt.Sprintf("voted %q (%s) became %q (%s), a negotiated alternative of group %s",
					v.hit.Text, c.ID, f.hit.Text, f.hit.Concept.ID, c.Group),
				Voted:     paraLoc(voted, v.para, v.hit.Start, v.hit.End),
				Final:     paraLoc(final, f.para, f.hit.Start, f.hit.End),
				VotedTerm: v.hit.Text, FinalTerm: f.hit.Text,
				VotedConcept: c.ID, FinalConcept: f.hit.Concept.ID, Group: c.Group,
				Score: pr.Score,
			})
			continue
		}
		if !has(c, final.Doc.Lang) {
			continue
		}
		fp := final.Paras[pr.B[0]]
		sev, how := SeverityOf(TermMissing), ""
		if partly(m, c, final, pr.B) {
			sev, how = Info, "; part of it is there, reworded"
		}
		out = append(out, Finding{
			Kind: TermMissing, Severity: sev,
			Message: fmt.Sprintf("voted %q (%s) has no rendering in final paragraph %s (expected %s)%s",
				v.hit.Text, c.ID, fp.P.ID, strings.Join(c.Terms[lang.Norm(final.Doc.Lang)], " | "), how),
			Voted:     paraLoc(voted, v.para, v.hit.Start, v.hit.End),
			Final:     paraLoc(final, fp, -1, -1),
			VotedTerm: v.hit.Text, VotedConcept: c.ID, Group: c.Group,
			Score: pr.Score,
		})
	}
	for k, f := range onlyF {
		c := f.hit.Concept
		if usedF[k] || !has(c, voted.Doc.Lang) {
			continue
		}
		vp := voted.Paras[pr.A[0]]
		sev, how := SeverityOf(TermAdded), ""
		if partly(m, c, voted, pr.A) {
			sev, how = Info, "; part of it is there, reworded"
		}
		out = append(out, Finding{
			Kind: TermAdded, Severity: sev,
			Message: fmt.Sprintf("final %q (%s) has no counterpart in voted paragraph %s%s",
				f.hit.Text, c.ID, vp.P.ID, how),
			Voted:     paraLoc(voted, vp, -1, -1),
			Final:     paraLoc(final, f.para, f.hit.Start, f.hit.End),
			FinalTerm: f.hit.Text, FinalConcept: c.ID, Group: c.Group,
			Score: pr.Score,
		})
	}
	nf, hasNum := compareNumbers(voted, final, pr)
	if hasNum {
		out = append(out, nf)
	}
	if lang.Norm(voted.Doc.Lang) == lang.Norm(final.Doc.Lang) {
		out = append(out, compareVersions(voted, final, pr, out)...)
	}
	return out
}

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
	ops := diff.Tokens(vp.P.Text, fp.P.Text, bodyTokens(vp), bodyTokens(fp))
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

// bodyTokens returns the tokens of a paragraph after its label.
func bodyTokens(p *Para) []segment.Token {
	for i, t := range p.Tokens {
		if int(t.Start) >= p.P.BodyStart {
			return p.Tokens[i:]
		}
	}
	return nil
}

// changedNumbers returns the spans of numbers whose value differs between
// the two paragraphs, as voted and final span pairs (a side without the
// number has an empty span).
func changedNumbers(vp, fp *Para) [][2][2]int {
	inF, inV := map[string]bool{}, map[string]bool{}
	for _, n := range fp.Numbers {
		inF[n.Key] = true
	}
	for _, n := range vp.Numbers {
		inV[n.Key] = true
	}
	var out [][2][2]int
	for _, n := range vp.Numbers {
		if !inF[n.Key] {
			out = append(out, [2][2]int{{n.Start, n.End}, {-1, -1}})
		}
	}
	for _, n := range fp.Numbers {
		if !inV[n.Key] {
			out = append(out, [2][2]int{{-1, -1}, {n.Start, n.End}})
		}
	}
	return out
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

// cancel removes, concept by concept, the hits present on both sides and
// returns what is left on each, in text order.
func cancel(va, fa []ref) (onlyV, onlyF []ref) {
	usedF := make([]bool, len(fa))
outer:
	for _, v := range va {
		for k, f := range fa {
			if !usedF[k] && f.hit.Concept.ID == v.hit.Concept.ID {
				usedF[k] = true
				continue outer
			}
		}
		onlyV = append(onlyV, v)
	}
	for k, f := range fa {
		if !usedF[k] {
			onlyF = append(onlyF, f)
		}
	}
	return onlyV, onlyF
}

func compareNumbers(voted, final *Side, pr align.Pair) (Finding, bool) {
	type nref struct {
		para *Para
		n    Number
	}
	var vn, fn []nref
	for _, i := range pr.A {
		for _, n := range voted.Paras[i].Numbers {
			vn = append(vn, nref{voted.Paras[i], n})
		}
	}
	for _, j := range pr.B {
		for _, n := range final.Paras[j].Numbers {
			fn = append(fn, nref{final.Paras[j], n})
		}
	}
	// Numbers are compared as sets: a translation may repeat a number less
	// often ("resolution 1540 (2004) … this resolution").
	inF, inV := map[string]bool{}, map[string]bool{}
	for _, f := range fn {
		inF[f.n.Key] = true
		if f.n.Alt != "" {
			inF[f.n.Alt] = true
		}
	}
	for _, v := range vn {
		inV[v.n.Key] = true
		if v.n.Alt != "" {
			inV[v.n.Alt] = true
		}
	}
	var onlyV, onlyF []nref
	seen := map[string]bool{}
	for _, v := range vn {
		if !inF[v.n.Key] && !(v.n.Alt != "" && inF[v.n.Alt]) && !seen["v"+v.n.Key] {
			seen["v"+v.n.Key] = true
			onlyV = append(onlyV, v)
		}
	}
	for _, f := range fn {
		if !inV[f.n.Key] && !(f.n.Alt != "" && inV[f.n.Alt]) && !seen["f"+f.n.Key] {
			seen["f"+f.n.Key] = true
			onlyF = append(onlyF, f)
		}
	}
	onlyV, onlyF = joinSplit(onlyV, onlyF, func(x nref) string { return x.n.Key })
	onlyF, onlyV = joinSplit(onlyF, onlyV, func(x nref) string { return x.n.Key })
	if len(onlyV) == 0 && len(onlyF) == 0 {
		return Finding{}, false
	}
	f := Finding{Kind: NumberMismatch, Severity: SeverityOf(NumberMismatch), Score: pr.Score}
	if len(onlyV) == 0 || len(onlyF) == 0 {
		// A number on one side only may be written in words on the other
		// ("seventy years" / "70 лет"): reported, but below the default
		// level. A number changed into another is a warning.
		f.Severity = Info
	}
	for _, v := range onlyV {
		f.VotedNumbers = append(f.VotedNumbers, v.n.Text)
	}
	for _, x := range onlyF {
		f.FinalNumbers = append(f.FinalNumbers, x.n.Text)
	}
	vp, fp := voted.Paras[pr.A[0]], final.Paras[pr.B[0]]
	f.Voted, f.Final = paraLoc(voted, vp, -1, -1), paraLoc(final, fp, -1, -1)
	if len(onlyV) > 0 {
		f.Voted = paraLoc(voted, onlyV[0].para, onlyV[0].n.Start, onlyV[0].n.End)
	}
	if len(onlyF) > 0 {
		f.Final = paraLoc(final, onlyF[0].para, onlyF[0].n.Start, onlyF[0].n.End)
	}
	list := func(xs []string) string {
		if len(xs) == 0 {
			return "none"
		}
		return strings.Join(xs, ", ")
	}
	f.Message = fmt.Sprintf("numbers differ: only in voted %s: %s; only in final %s: %s",
		vp.P.ID, list(f.VotedNumbers), fp.P.ID, list(f.FinalNumbers))
	return f, true
}

// joinSplit removes from a the numbers that b writes in two or three
// consecutive parts, and those parts from b: a section "2.1" written "2-1",
// an age range "15-64" that lost its dash ("1564"), a biennium
// "2014-2015" run together ("20142015"). Digits are compared without their
// decimal points.
func joinSplit[T any](a, b []T, key func(T) string) ([]T, []T) {
	digits := func(s string) string { return strings.ReplaceAll(s, ".", "") }
	usedB := make([]bool, len(b))
	var keepA []T
	for _, x := range a {
		want := digits(key(x))
		found := false
		for i := 0; i < len(b) && !found; i++ {
			acc := ""
			for j := i; j < len(b) && j < i+3; j++ {
				if usedB[j] {
					break
				}
				acc += digits(key(b[j]))
				if j > i && acc == want {
					for k := i; k <= j; k++ {
						usedB[k] = true
					}
					found = true
					break
				}
				if len(acc) >= len(want) {
					break
				}
			}
		}
		if !found {
			keepA = append(keepA, x)
		}
	}
	var keepB []T
	for i, y := range b {
		if !usedB[i] {
			keepB = append(keepB, y)
		}
	}
	return keepA, keepB
}

// partly reports whether the paragraphs idx of side hold part of a
// rendering of c in the side's language: one of its distinctive parts
// (lexicon.Matcher.DistinctParts), a word by its key, so inflected forms
// count, or in a language written in Han characters two characters in a
// row. A concept partly there was reworded ("capacity" for
// capacity-building, 性别 for 性别平等) rather than dropped.
func partly(m *lexicon.Matcher, c *lexicon.Concept, side *Side, idx []int) bool {
	if m == nil {
		return false
	}
	code := lang.Norm(side.Doc.Lang)
	parts := m.DistinctParts(c, code)
	if len(parts) == 0 {
		return false
	}
	han := lang.Han(code)
	for _, i := range idx {
		p := side.Paras[i]
		if han {
			for bg := range parts {
				if strings.Contains(p.P.Text, bg) {
					return true
				}
			}
			continue
		}
		for _, t := range p.Tokens {
			if t.Kind == segment.Word && parts[t.Key] {
				return true
			}
		}
	}
	return false
}
