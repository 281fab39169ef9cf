package drift

import (
	"fmt"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/lang"
)

// DoubtfulScore is the pair score (align.Pair.Score, the probability that
// the two sides translate each other) below which a pair of translations
// is alignment-doubtful. Measured by TestEvalDoubtful (go test -run
// TestEvalDoubtful -eval -v .): on clean devset documents and the
// project's resolutions, 0.02 makes at most 0.2 pairs in 100 doubtful in
// every language (0.09–0.18), and it flags four in five of the wrong pairs
// the aligner accepts where a paragraph was replaced by one of another
// document (0.05 would flag a few more, at 0.24–0.42 clean pairs in 100).
// Two neighbouring paragraphs swapped are mostly alike in length and
// evidence, and their pairs are rarely flagged.
const DoubtfulScore = 0.02

// doubtful returns the findings fs of the pair pr, and, when pr is a pair
// of translations whose score is below DoubtfulScore, an
// alignment-doubtful finding naming both sides before them: each finding
// of fs then rests on a pairing that may be wrong, and is lowered by one
// severity (error to warning, warning to info) and says so; but
// content-omitted and content-added keep theirs: the lengths of a pair
// count in its score, and the content missing or added may be why it is
// low (a translation with half of it gone scores like a wrong pair).
//
// A pair with neither a score nor a cost was not made by the aligner (a
// bilingual file pairs its segments itself) and is not doubted. Versions
// in one language are not: their scores are not calibrated (see
// align.VersionsCalibration), and a wrong pair there shows as a
// wording-changed finding with its diff.
func doubtful(voted, final *Side, pr align.Pair, fs []Finding) []Finding {
	if len(pr.A) == 0 || len(pr.B) == 0 || pr.Score >= DoubtfulScore || (pr.Score == 0 && pr.Cost == 0) {
		return fs
	}
	if lang.Norm(voted.Doc.Lang) == lang.Norm(final.Doc.Lang) {
		return fs
	}
	note := fmt.Sprintf("the pairing is doubtful (score %.3f)", pr.Score)
	vIDs, fIDs := idList(voted, pr.A), idList(final, pr.B)
	vWord, fWord := "paragraph", "paragraph"
	if len(pr.A) > 1 {
		vWord = "paragraphs"
	}
	if len(pr.B) > 1 {
		fWord = "paragraphs"
	}
	out := make([]Finding, 0, len(fs)+1)
	out = append(out, Finding{
		Kind: AlignmentDoubtful, Severity: SeverityOf(AlignmentDoubtful),
		Message: fmt.Sprintf("voted %s %s and final %s %s are paired, but may not translate each other: %s",
			vWord, vIDs, fWord, fIDs, note),
		Voted: paraLoc(voted, voted.Paras[pr.A[0]], -1, -1),
		Final: paraLoc(final, final.Paras[pr.B[0]], -1, -1),
		Score: pr.Score,
	})
	for _, f := range fs {
		if f.Kind == ContentOmitted || f.Kind == ContentAdded {
			// A part of the text missing or added is itself a reason for
			// a low score (the lengths differ): the finding may be what
			// makes the pair doubtful, and keeps its severity.
			f.Message += "; " + note + ", which this may explain"
			out = append(out, f)
			continue
		}
		if f.Severity > Info {
			f.Severity--
		}
		f.Message += "; " + note
		out = append(out, f)
	}
	return out
}
