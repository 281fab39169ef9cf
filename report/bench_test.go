package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

// BenchmarkHTMLLong renders the page of a long text: 5,000 paragraphs,
// a finding in each, and 500 paragraphs the final added.
func BenchmarkHTMLLong(b *testing.B) {
	const n, added = 5000, 500
	v := &View{Voted: DocView{Doc: Doc{Path: "voted.en.txt", Lang: "en"}}}
	f := FinalView{DocView: DocView{Doc: Doc{Path: "final.fr.txt", Lang: "fr"}}}
	var fs []drift.Finding
	for i := range n {
		id := fmt.Sprintf("OP%d", i+1)
		text := id + ". Calls for mutually beneficial cooperation;"
		v.Voted.Paras = append(v.Voted.Paras, ParaView{ID: id, Text: text})
		f.Paras = append(f.Paras, ParaView{ID: id, Text: text})
		f.Pairs = append(f.Pairs, Pair{A: []int{i}, B: []int{len(f.Paras) - 1}})
		s, e := at(text, "mutually")
		fs = append(fs, drift.Finding{Kind: drift.TermSubstituted, Severity: drift.Error, Message: "m",
			Voted: drift.Loc{Path: "voted.en.txt", Lang: "en", Para: id, Text: text, Start: s, End: e},
			Final: drift.Loc{Path: "final.fr.txt", Lang: "fr", Para: id, Text: text, Start: s, End: e}})
		if i%(n/added) == 0 {
			aid := fmt.Sprintf("X%d", i)
			f.Paras = append(f.Paras, ParaView{ID: aid, Text: "added"})
			f.Pairs = append(f.Pairs, Pair{B: []int{len(f.Paras) - 1}})
			fs = append(fs, drift.Finding{Kind: drift.ParagraphAdded, Severity: drift.Error, Message: "a",
				Voted: drift.Loc{Path: "voted.en.txt", Lang: "en", Start: -1, End: -1},
				Final: drift.Loc{Path: "final.fr.txt", Lang: "fr", Para: aid, Text: "added", Start: -1, End: -1}})
		}
	}
	v.Finals = []FinalView{f}
	in := Input{Voted: v.Voted.Doc, Finals: []Doc{f.Doc}, Findings: fs, View: v, Level: drift.Info}
	for b.Loop() {
		if err := HTML(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}
