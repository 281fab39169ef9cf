// Command gseload loads gse's stock embedded dictionary (gse.NewEmbed) and
// exits: the yardstick scripts/measure-cold.sh sets a cold driftcheck run
// against. It is not part of driftcheck.
package main

import (
	"fmt"
	"os"

	"github.com/go-ego/gse"
)

func main() {
	seg, err := gse.NewEmbed()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gseload:", err)
		os.Exit(1)
	}
	fmt.Println(seg.Dict.NumTokens(), "tokens")
}
