package report

import (
	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/drift"
)

// evil is text a hostile document or file name could carry: markup, both
// quotes, an ampersand, control characters (escape, bell, NUL, newlines)
// and a right-to-left override.
const evil = "<script>alert(\"x&y\")</script> it's \x1b[2J\a\x00 a\r\nb\u2028c \u202Eevil\u202C"

// hostileInput puts evil in every string a report shows: paths, languages
// stay plain (they are codes), symbols, paragraph ids, texts, terms,
// concepts, messages, input errors and warnings. It also has an added
// paragraph, a voted paragraph merged with the next one in the final, two
// finals marking one voted span, and a finding with no paragraph row.
func hostileInput() Input {
	vText := "A " + evil + " B"
	fText := "C " + evil + " D"
	s, e := at(vText, evil)
	fs, fe := at(fText, evil)
	vp := "/tmp/" + evil + "/voted.txt"
	fp := "/tmp/" + evil + "/final.txt"
	gp := "/tmp/other.txt"
	v := &View{
		Voted: DocView{Doc: Doc{Path: vp, Lang: "en", Symbol: evil}, Paras: []ParaView{
			{ID: "P" + evil, Text: vText, Terms: []TermSpan{{Start: 0, End: 1, Concept: evil}}},
			{ID: "Q", Text: "second"},
		}},
		Finals: []FinalView{
			{DocView: DocView{Doc: Doc{Path: fp, Lang: "ar", Symbol: evil}, Paras: []ParaView{
				{ID: "P" + evil, Text: fText},
				{ID: "X" + evil, Text: "added " + evil},
			}}, Pairs: []Pair{{A: []int{0, 1}, B: []int{0}}, {B: []int{1}}}},
			{DocView: DocView{Doc: Doc{Path: gp, Lang: "fr"}, Paras: []ParaView{
				{ID: "P" + evil, Text: fText},
			}}, Pairs: []Pair{{A: []int{0}, B: []int{0}}, {A: []int{1}}}},
		},
	}
	term := drift.Finding{
		Kind: drift.TermSubstituted, Severity: drift.Error, Message: "term " + evil,
		Voted:     drift.Loc{Path: vp, Lang: "en", Para: "P" + evil, Text: vText, Start: s, End: e, Line: 1, Col: 3, EndLine: 1, EndCol: 9},
		Final:     drift.Loc{Path: fp, Lang: "ar", Para: "P" + evil, Text: fText, Start: fs, End: fe, Line: 1, Col: 3, EndLine: 1, EndCol: 9},
		VotedTerm: evil, FinalTerm: evil, VotedConcept: evil, FinalConcept: evil, Group: evil,
		Score: 0.5, Fingerprint: evil,
	}
	term2 := term
	term2.Severity = drift.Warning
	term2.Final.Path, term2.Final.Lang = gp, "fr"
	added := drift.Finding{
		Kind: drift.ParagraphAdded, Severity: drift.Error, Message: "added " + evil,
		Voted: drift.Loc{Path: vp, Lang: "en", Start: -1, End: -1},
		Final: drift.Loc{Path: fp, Lang: "ar", Para: "X" + evil, Text: "added " + evil, Start: -1, End: -1, Line: 3, Col: 1},
		After: "Q",
	}
	wording := drift.Finding{
		Kind: drift.WordingChanged, Severity: drift.Warning, Message: "wording " + evil,
		Voted: drift.Loc{Path: vp, Lang: "en", Para: "P" + evil, Text: vText, Start: -1, End: -1, Line: 1, Col: 1},
		Final: drift.Loc{Path: gp, Lang: "fr", Para: "P" + evil, Text: fText, Start: -1, End: -1, Line: 1, Col: 1},
		Ops: []diff.Op{
			{Kind: diff.Replace, A0: 0, A1: 1, B0: 0, B1: 1, Editorial: true},
			{Kind: diff.Equal, A0: 1, A1: e, B0: 1, B1: fe},
			{Kind: diff.Replace, A0: e, A1: len(vText), B0: fe, B1: len(fText)},
		},
	}
	orphan := drift.Finding{
		Kind: drift.NumberMismatch, Severity: drift.Info, Message: "orphan " + evil,
		Voted: drift.Loc{Path: vp, Lang: "en", Para: "nowhere", Start: -1, End: -1},
		Final: drift.Loc{Path: fp, Lang: "ar", Para: "nowhere", Start: -1, End: -1},
	}
	return Input{
		Voted:    v.Voted.Doc,
		Finals:   []Doc{v.Finals[0].Doc, v.Finals[1].Doc},
		Findings: []drift.Finding{term, term2, added, wording, orphan},
		Level:    drift.Info, FailOn: drift.Warning,
		View:      v,
		ParaOrder: []string{"P" + evil, "Q"},
		Errors:    []InputError{{Path: "/tmp/" + evil, Error: "cannot read " + evil}},
		Warnings:  []string{"warn " + evil},
	}
}
