package lexicon_test

import (
	"fmt"

	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/segment"
)

// Load the default lexicon, cut a sentence in each language and find the
// lexicon's renderings in it. The English title speaks of mutually
// beneficial cooperation, the Chinese of 合作共赢 ("win-win cooperation"):
// two concepts of one group, the negotiated alternatives whose exchange is
// drift.
func ExampleMatcher_Match() {
	lex := lexicon.Default()
	// The Chinese renderings are user words of the segmenter, so that
	// they are cut whole.
	seg := segment.New(lex.Terms("zh"))
	m := lexicon.NewMatcher(lex, seg)
	for _, s := range []struct{ lang, text string }{
		{"en", "Promoting mutually beneficial cooperation in the field of human rights through technical assistance and capacity-building"},
		{"zh", "促进人权领域的合作共赢"},
	} {
		for _, h := range m.Match(s.lang, s.text, seg.Tokens(s.lang, s.text)) {
			fmt.Printf("%s [%d:%d] %s: %s", s.lang, h.Start, h.End, h.Text, h.Concept.ID)
			if h.Concept.Group != "" {
				fmt.Printf(" (group %s)", h.Concept.Group)
			}
			fmt.Println()
		}
	}
	// Output:
	// en [10:41] mutually beneficial cooperation: mutually-beneficial-cooperation (group cooperation-framing)
	// en [79:99] technical assistance: technical-assistance
	// en [104:121] capacity-building: capacity-building
	// zh [21:33] 合作共赢: win-win-cooperation (group cooperation-framing)
}
