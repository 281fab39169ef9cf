package drift

import (
	"fmt"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lexicon"
)

// compare returns the findings of every aligned pair: a voted paragraph
// with no partner is paragraph-missing, a final one paragraph-added (with
// the voted paragraph it follows), and a pair is compared by comparePair.
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
