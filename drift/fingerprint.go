package drift

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/driftcheck/driftcheck/diff"
)

// ContextWords is how many content words on each side of the evidence go
// into a fingerprint.
const ContextWords = 4

// Fingerprints sets the Fingerprint of each finding of one comparison.
//
// A fingerprint hashes the kind, the languages, the concepts or numbers
// involved and the normalised words around the evidence in the voted
// paragraph (ContextWords on each side; the first words of the paragraph
// when the finding is about a whole paragraph; the final paragraph's when
// the voted side has none). Paragraph ids, numbers of lines and file names
// are left out, so a finding keeps its fingerprint when paragraphs are
// renumbered or text elsewhere is edited. Findings that would share a
// fingerprint get an ordinal ("…#2").
func Fingerprints(voted, final *Side, fs []Finding) {
	seen := map[string]int{}
	// Findings name their paragraphs by id: look them up in an index built
	// once, not by a scan per finding (a long text with a finding in most
	// paragraphs would take time quadratic in its length).
	var vIdx, fIdx map[string]*Para
	for i := range fs {
		f := &fs[i]
		parts := []string{string(f.Kind), voted.Doc.Lang, final.Doc.Lang, f.VotedConcept, f.FinalConcept,
			strings.Join(f.VotedNumbers, ","), strings.Join(f.FinalNumbers, ",")}
		switch {
		case f.Voted.Para != "":
			if vIdx == nil {
				vIdx = paraIndex(voted)
			}
			parts = append(parts, context(vIdx[f.Voted.Para], f.Voted.Start, f.Voted.End))
		case f.Final.Para != "":
			if fIdx == nil {
				fIdx = paraIndex(final)
			}
			parts = append(parts, context(fIdx[f.Final.Para], f.Final.Start, f.Final.End))
		}
		for _, op := range diff.Changes(f.Ops) {
			parts = append(parts, diff.EditorialKey(f.Voted.Text[op.A0:op.A1])+"→"+diff.EditorialKey(f.Final.Text[op.B0:op.B1]))
		}
		sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
		fp := hex.EncodeToString(sum[:8])
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp += fmt.Sprintf("#%d", n)
		}
		f.Fingerprint = fp
	}
}

// paraIndex maps each paragraph id of s to its paragraph; an id written
// twice maps to its first paragraph.
func paraIndex(s *Side) map[string]*Para {
	idx := make(map[string]*Para, len(s.Paras))
	for _, p := range s.Paras {
		if _, ok := idx[p.P.ID]; !ok {
			idx[p.P.ID] = p
		}
	}
	return idx
}

// context returns the keys of the content words around [start, end) of p,
// or of its first words when start < 0.
func context(p *Para, start, end int) string {
	if p == nil {
		return ""
	}
	var before, after, first []string
	for _, t := range p.Body() {
		if !t.IsContent() {
			continue
		}
		if len(first) < 2*ContextWords {
			first = append(first, t.Key)
		}
		switch {
		case start < 0:
		case int(t.End) <= start:
			before = append(before, t.Key)
			if len(before) > ContextWords {
				before = before[1:]
			}
		case int(t.Start) >= end && len(after) < ContextWords:
			after = append(after, t.Key)
		}
	}
	if start < 0 {
		return strings.Join(first, " ")
	}
	return strings.Join(before, " ") + " [] " + strings.Join(after, " ")
}
