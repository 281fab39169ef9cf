package report

import (
	"strings"

	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/drift"
)

// The fixture: a voted English text against a French final read from a
// PDF (pages, no lines) and an English final after an oral revision (a
// text file, lines), with one final that could not be read and one warning.
const (
	votedPath = "in/voted.en.txt"
	frPath    = "in/final.fr.pdf"
	enPath    = "in/final.en.txt"
)

// Voted paragraphs.
const (
	vPP1 = "Recalling resolution 35/21 of 2017,"
	vOP1 = "1. Calls for mutually beneficial cooperation in the field of human rights;"
	vOP2 = "2. Decides to meet on 15 March 2018;"
	vOP3 = "3. Decides to remain seized of the matter."
)

// French final paragraphs (OP3 is missing).
const (
	frPP1 = "Rappelant la résolution 35/21 de 2017,"
	frOP1 = "1. Appelle à une coopération gagnant-gagnant dans le domaine des droits de l'homme ;"
	frOP2 = "2. Décide de se réunir le 16 mars 2018 ;"
)

// English final paragraphs: PP1 gained "its".
const enPP1 = "Recalling its resolution 35/21 of 2017,"

// at returns the byte offsets of sub in s.
func at(s, sub string) (int, int) {
	i := strings.Index(s, sub)
	if i < 0 {
		panic("fixture: " + sub + " not in " + s)
	}
	return i, i + len(sub)
}

func floc(path, lang, para, text, sub string) drift.Loc {
	l := drift.Loc{Path: path, Lang: lang, Para: para, Text: text, Start: -1, End: -1}
	if sub != "" {
		l.Start, l.End = at(text, sub)
	}
	return l
}

// fixtureFindings are the four findings of the fixture, in report order.
func fixtureFindings() []drift.Finding {
	term := drift.Finding{
		Kind: drift.TermSubstituted, Severity: drift.Error,
		Message:   `voted "mutually beneficial cooperation" (mutually-beneficial-cooperation) became "coopération gagnant-gagnant" (win-win-cooperation)`,
		Voted:     floc(votedPath, "en", "OP1", vOP1, "mutually beneficial cooperation"),
		Final:     floc(frPath, "fr", "OP1", frOP1, "coopération gagnant-gagnant"),
		VotedTerm: "mutually beneficial cooperation", FinalTerm: "coopération gagnant-gagnant",
		VotedConcept: "mutually-beneficial-cooperation", FinalConcept: "win-win-cooperation",
		Group: "cooperation-framing", Score: 0.97, Fingerprint: "fp-term-op1",
	}
	term.Voted.Line, term.Voted.Col, term.Voted.EndLine, term.Voted.EndCol = 4, 14, 4, 45
	term.Final.Page = 1

	num := drift.Finding{
		Kind: drift.NumberMismatch, Severity: drift.Warning,
		Message:      "voted 15 became 16",
		Voted:        floc(votedPath, "en", "OP2", vOP2, "15"),
		Final:        floc(frPath, "fr", "OP2", frOP2, "16"),
		VotedNumbers: []string{"15"}, FinalNumbers: []string{"16"},
		Score: 0.9125, Fingerprint: "fp-num-op2",
	}
	num.Voted.Line, num.Voted.Col, num.Voted.EndLine, num.Voted.EndCol = 6, 23, 6, 25
	num.Final.Page = 2

	missing := drift.Finding{
		Kind: drift.ParagraphMissing, Severity: drift.Error,
		Message:     "voted paragraph OP3 has no counterpart in the final text",
		Voted:       floc(votedPath, "en", "OP3", vOP3, ""),
		Final:       drift.Loc{Path: frPath, Lang: "fr", Start: -1, End: -1},
		Fingerprint: "fp-missing-op3",
	}
	missing.Voted.Line, missing.Voted.Col = 8, 1

	// "Recalling " = "Recalling ", "" became "its ", the rest the same.
	wording := drift.Finding{
		Kind: drift.WordingChanged, Severity: drift.Warning,
		Message: `words changed: inserted "its"`,
		Voted:   floc(votedPath, "en", "PP1", vPP1, ""),
		Final:   floc(enPath, "en", "PP1", enPP1, ""),
		Score:   1,
		Ops: []diff.Op{
			{Kind: diff.Equal, A0: 0, A1: 10, B0: 0, B1: 10},
			{Kind: diff.Insert, A0: 10, A1: 10, B0: 10, B1: 14},
			{Kind: diff.Equal, A0: 10, A1: len(vPP1), B0: 14, B1: len(enPP1)},
		},
		Fingerprint: "fp-wording-pp1",
	}
	wording.Voted.Line, wording.Voted.Col = 2, 1
	wording.Final.Line, wording.Final.Col = 2, 1
	return []drift.Finding{wording, term, num, missing}
}

func fixtureView() *View {
	paras := func(ids []string, texts ...string) []ParaView {
		var out []ParaView
		for i, t := range texts {
			out = append(out, ParaView{ID: ids[i], Text: t})
		}
		return out
	}
	ids := []string{"PP1", "OP1", "OP2", "OP3"}
	v := &View{Voted: DocView{Doc: Doc{Path: votedPath, Lang: "en", Symbol: "A/HRC/37/L.36"}, Paras: paras(ids, vPP1, vOP1, vOP2, vOP3)}}
	s, e := at(vOP1, "human rights")
	v.Voted.Paras[1].Terms = []TermSpan{{Start: s, End: e, Concept: "human-rights"}}
	fr := FinalView{DocView: DocView{Doc: Doc{Path: frPath, Lang: "fr", Symbol: "A/HRC/RES/37/23"}, Paras: paras(ids, frPP1, frOP1, frOP2)}}
	s, e = at(frOP1, "droits de l'homme")
	fr.Paras[1].Terms = []TermSpan{{Start: s, End: e, Concept: "human-rights"}}
	fr.Pairs = []Pair{{A: []int{0}, B: []int{0}, Score: 1}, {A: []int{1}, B: []int{1}, Score: 0.97}, {A: []int{2}, B: []int{2}, Score: 0.9125}, {A: []int{3}}}
	en := FinalView{DocView: DocView{Doc: Doc{Path: enPath, Lang: "en"}, Paras: paras(ids, enPP1, vOP1, vOP2, vOP3)}}
	en.Pairs = []Pair{{A: []int{0}, B: []int{0}, Score: 1}, {A: []int{1}, B: []int{1}, Score: 1}, {A: []int{2}, B: []int{2}, Score: 1}, {A: []int{3}, B: []int{3}, Score: 1}}
	v.Finals = []FinalView{fr, en}
	return v
}

// fixture is the whole report input.
func fixture() Input {
	v := fixtureView()
	return Input{
		Voted:      v.Voted.Doc,
		Finals:     []Doc{v.Finals[0].Doc, v.Finals[1].Doc},
		Findings:   fixtureFindings(),
		Level:      drift.Warning,
		FailOn:     drift.Error,
		Hidden:     map[drift.Severity]int{drift.Info: 2},
		Suppressed: 1,
		View:       v,
		ParaOrder:  []string{"PP1", "OP1", "OP2", "OP3"},
		Errors:     []InputError{{Path: "in/final.ar.docx", Error: "zip: not a valid zip file"}},
		Warnings:   []string{"in/final.fr.pdf: damaged cross-reference table, read anyway"},
	}
}
