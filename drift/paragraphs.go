package drift

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
)

// compare returns the findings of every aligned pair: a voted paragraph
// with no partner is paragraph-missing, a final one paragraph-added (with
// the voted paragraph it follows), and a pair is compared by comparePair.
//
// Before that, paragraphs the alignment could not pair in order are looked
// at again (findMoves): a voted paragraph and a final one that translate
// each other elsewhere, or two crossed pairs, are paragraph-moved, and
// each moved paragraph is compared with its translation. A short
// connective paragraph with no counterpart ("Now, therefore,") is
// connective-missing, and a pair of several paragraphs on one side is
// paragraphs-merged or paragraph-split: all three are info, not drift,
// between translations, which run paragraphs together and apart as their
// language wants. Between versions in one language, the same are edits of
// the text, which compareVersions reports.
func compare(voted, final *Side, pairs []align.Pair, m *lexicon.Matcher, wantRefined bool) ([]Finding, []align.Pair) {
	translation := lang.Norm(voted.Doc.Lang) != lang.Norm(final.Doc.Lang)
	pairs, moved := refine(voted, final, pairs)
	// A paragraph with no counterpart is one finding: room for those, so
	// that a final of 200,000 added paragraphs does not hold its findings
	// twice while the slice grows.
	skipped := 0
	for _, pr := range pairs {
		if len(pr.A) == 0 || len(pr.B) == 0 {
			skipped += len(pr.A) + len(pr.B)
		}
	}
	var out []Finding
	if n := skipped + len(moved); n > 0 {
		out = make([]Finding, 0, n)
	}
	after := ""
	next := 0 // the next move to report, at its voted paragraph
	for _, pr := range pairs {
		for len(pr.A) > 0 && next < len(moved) && moved[next].v < pr.A[0] {
			out = append(out, movedFindings(voted, final, moved[next], m)...)
			after = voted.Paras[moved[next].v].P.ID
			next++
		}
		switch {
		case len(pr.B) == 0:
			for _, i := range pr.A {
				p := voted.Paras[i]
				if translation && isConnective(p) {
					out = append(out, connectiveFinding(voted, final, p, true, after))
					continue
				}
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
				if translation && isConnective(p) {
					out = append(out, connectiveFinding(voted, final, p, false, after))
					continue
				}
				out = append(out, Finding{
					Kind: ParagraphAdded, Severity: SeverityOf(ParagraphAdded),
					Message: fmt.Sprintf("final paragraph %s has no counterpart in the voted text", p.P.ID),
					Voted:   Loc{Path: voted.Doc.Path, Lang: voted.Doc.Lang, Start: -1, End: -1},
					Final:   paraLoc(final, p, -1, -1),
					After:   after,
				})
			}
		default:
			if translation && (len(pr.A) > 1 || len(pr.B) > 1) {
				out = append(out, beadFinding(voted, final, pr))
			}
			out = append(out, comparePair(voted, final, pr, m)...)
		}
		if len(pr.A) > 0 {
			after = voted.Paras[pr.A[len(pr.A)-1]].P.ID
		}
	}
	for ; next < len(moved); next++ {
		out = append(out, movedFindings(voted, final, moved[next], m)...)
	}
	if !wantRefined {
		return out, nil
	}
	return out, withMoves(pairs, moved)
}

// refine returns the alignment compare compares, and the paragraphs that
// moved: when the alignment left a paragraph unpaired, in a bead or in a
// doubtful pair, the moves are found (findMoves) and the rest aligned
// again without them (realign), and between translations the beads are
// redrawn on the evidence (rebead) and neighbouring gaps paired where one
// paragraph translates part of the other (gapPairs). pairs is not
// modified.
func refine(voted, final *Side, pairs []align.Pair) ([]align.Pair, []repair) {
	if !slices.ContainsFunc(pairs, func(p align.Pair) bool { return len(p.A) != 1 || len(p.B) != 1 || p.Cost > moveMaxCost }) {
		return pairs, nil
	}
	opt := align.OptionsFor(voted.Doc.Lang, final.Doc.Lang, voted.Doc.Structured && final.Doc.Structured)
	items := [2][]align.Item{ItemsOf(voted, opt.SameLang, !opt.SameLang), ItemsOf(final, opt.SameLang, !opt.SameLang)}
	sc := align.NewScorer(items[0], items[1], opt)
	moved := findMoves(sc, voted, final, pairs)
	if len(moved) > 0 {
		pairs = realign(items, opt, pairs, moved)
	}
	if lang.Norm(voted.Doc.Lang) != lang.Norm(final.Doc.Lang) {
		pairs = rebead(sc, voted, final, pairs)
		pairs = gapPairs(sc, voted, final, pairs)
	}
	return pairs, moved
}

// withMoves returns the pairs with the moved paragraphs' pairs among them,
// in the order of the voted paragraphs (a final paragraph with no voted
// one first).
func withMoves(pairs []align.Pair, moved []repair) []align.Pair {
	if len(moved) == 0 {
		return pairs
	}
	out := slices.Clone(pairs)
	for _, rp := range moved {
		out = append(out, align.Pair{A: []int{rp.v}, B: []int{rp.f}, Score: rp.score, Cost: rp.cost})
	}
	first := func(p align.Pair) int {
		if len(p.A) == 0 {
			return -1
		}
		return p.A[0]
	}
	slices.SortStableFunc(out, func(a, b align.Pair) int { return first(a) - first(b) })
	return out
}

// movedFindings returns the paragraph-moved finding of a paragraph that
// moved and the findings of the comparison of the paragraph with its
// translation.
func movedFindings(voted, final *Side, rp repair, m *lexicon.Matcher) []Finding {
	vp, fp := voted.Paras[rp.v], final.Paras[rp.f]
	f := Finding{
		Kind: ParagraphMoved, Severity: Warning,
		Message: fmt.Sprintf("voted paragraph %s (after %s) is final paragraph %s (after %s): moved out of order",
			vp.P.ID, before(voted, rp.v), fp.P.ID, before(final, rp.f)),
		Voted: paraLoc(voted, vp, -1, -1),
		Final: paraLoc(final, fp, -1, -1),
		Score: rp.score,
	}
	pr := align.Pair{A: []int{rp.v}, B: []int{rp.f}, Score: rp.score, Cost: rp.cost}
	return append([]Finding{f}, comparePair(voted, final, pr, m)...)
}

// beadFinding returns the finding of a pair with several paragraphs on one
// side or both: paragraphs-merged for several voted paragraphs in one
// final, paragraph-split for one voted paragraph in several final ones or
// two voted paragraphs divided elsewhere in the final text. Neither is
// drift: the combined texts are compared for terms and numbers.
func beadFinding(voted, final *Side, pr align.Pair) Finding {
	vIDs, fIDs := idList(voted, pr.A), idList(final, pr.B)
	f := Finding{
		Severity: Info,
		Voted:    paraLoc(voted, voted.Paras[pr.A[0]], -1, -1),
		Final:    paraLoc(final, final.Paras[pr.B[0]], -1, -1),
		Score:    pr.Score,
	}
	switch {
	case len(pr.B) == 1:
		f.Kind = ParagraphsMerged
		f.Message = fmt.Sprintf("voted paragraphs %s are one paragraph in the final text (%s); compared as one", vIDs, fIDs)
	case len(pr.A) == 1:
		f.Kind = ParagraphSplit
		f.Message = fmt.Sprintf("voted paragraph %s is split in the final text (%s); compared as one", vIDs, fIDs)
	default:
		f.Kind = ParagraphSplit
		f.Message = fmt.Sprintf("voted paragraphs %s are divided elsewhere in the final text (%s); compared as one", vIDs, fIDs)
	}
	return f
}

// before names the paragraph before paragraph i of s, or "the start".
func before(s *Side, i int) string {
	if i == 0 {
		return "the start"
	}
	return s.Paras[i-1].P.ID
}

// idList names the paragraphs idx of s: "PP3, PP4 and PP5".
func idList(s *Side, idx []int) string {
	ids := make([]string, len(idx))
	for k, i := range idx {
		ids[k] = s.Paras[i].P.ID
	}
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

// connectiveFinding returns the connective-missing finding of p, a
// connective of the voted text (voted) or of the final one with no
// counterpart in the other.
func connectiveFinding(voted, final *Side, p *Para, isVoted bool, after string) Finding {
	f := Finding{Kind: ConnectiveMissing, Severity: Info}
	if isVoted {
		f.Message = fmt.Sprintf("voted connective paragraph %s (%q) has no paragraph of its own in the final text", p.P.ID, strings.TrimSpace(p.P.Text))
		f.Voted = paraLoc(voted, p, -1, -1)
		f.Final = Loc{Path: final.Doc.Path, Lang: final.Doc.Lang, Start: -1, End: -1}
	} else {
		f.Message = fmt.Sprintf("final connective paragraph %s (%q) has no paragraph of its own in the voted text", p.P.ID, strings.TrimSpace(p.P.Text))
		f.Voted = Loc{Path: voted.Doc.Path, Lang: voted.Doc.Lang, Start: -1, End: -1}
		f.Final = paraLoc(final, p, -1, -1)
		f.After = after
	}
	return f
}

// Connective paragraphs: the few words that join the preamble to what
// follows ("Now, therefore,", "The General Assembly,", "Par conséquent,",
// "因此，"), which translations often run into the next paragraph.
const (
	// connectiveWords is the most content words (a Chinese word counts
	// as one, however many characters it has) a connective has.
	connectiveWords = 4
	// connectiveRunes is the most characters its body has.
	connectiveRunes = 40
)

// isConnective reports whether p is a short connective paragraph, by its
// form alone: not a title and not numbered, at most connectiveWords
// content words and connectiveRunes characters, no number and no lexicon
// concept, ending in a comma (of any script): a clause that leads into the
// next paragraph and says nothing of its own.
func isConnective(p *Para) bool {
	if p.P.Kind == document.Title || p.P.Kind == document.Header || p.P.Label != "" {
		return false
	}
	if len(p.Numbers) > 0 || len(p.Hits) > 0 {
		return false
	}
	body := strings.TrimRightFunc(p.P.Text[p.P.BodyStart:], unicode.IsSpace)
	if utf8.RuneCountInString(body) > connectiveRunes {
		return false
	}
	words := 0
	for _, t := range p.Body() {
		if t.IsContent() {
			words++
		}
	}
	if words == 0 || words > connectiveWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(body)
	switch last {
	case ',', '，', '،', '、', '﹐', '､':
		return true
	}
	return false
}
