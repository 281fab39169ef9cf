package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed anchors.tsv
var anchorsTSV string

var (
	anchorsOnce sync.Once
	anchors     *Lexicon
)

// Anchors returns the embedded alignment anchors (lexicon/anchors.tsv):
// common UN words and names in the six languages. They are never reported
// as findings; a paragraph and its translation share them, which tells the
// aligner which paragraphs pair when length and numbers cannot.
func Anchors() *Lexicon {
	anchorsOnce.Do(func() {
		l, err := Parse(strings.NewReader(anchorsTSV), "anchors.tsv")
		if err != nil {
			panic(err) // checked by TestAnchors: a build defect
		}
		anchors = l
	})
	return anchors
}
