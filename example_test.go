package driftcheck_test

import (
	"fmt"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
)

// The founding case in two lines: the voted English says "mutually
// beneficial cooperation", the final Chinese says 合作共赢 ("win-win
// cooperation"), the negotiated alternative the vote rejected.
func ExampleChecker_Check() {
	chk := driftcheck.New(lexicon.Default())
	voted, _ := chk.Parse(extract.Split("Promoting mutually beneficial cooperation in the field of human rights"), "voted.en.txt", "en")
	final, _ := chk.Parse(extract.Split("促进人权领域的合作共赢"), "final.zh.txt", "zh")
	for _, f := range chk.Check(voted, final).Findings() {
		fmt.Println(f.Kind, f.Severity, f.Final.Para, f.VotedTerm, "→", f.FinalTerm, "("+f.Group+")")
	}
	// Output:
	// term-substituted error P1 mutually beneficial cooperation → 合作共赢 (cooperation-framing)
}
