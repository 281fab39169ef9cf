package segment_test

import (
	"fmt"

	"github.com/driftcheck/driftcheck/segment"
)

// English is cut at word boundaries; a word's key is folded and stemmed, a
// number's key is its digits without separators. Punctuation and spaces
// are tokens too, so the tokens joined back give the text.
func ExampleSegmenter_Tokens() {
	seg := segment.New(nil)
	text := "The Assembly adopted 1,000 resolutions."
	joined := ""
	for _, t := range seg.Tokens("en", text) {
		joined += t.In(text)
		if t.IsContent() {
			fmt.Printf("%s %s → %s\n", t.Kind, t.In(text), t.Key)
		}
	}
	fmt.Println(joined == text)
	// Output:
	// word The → the
	// word Assembly → assembl
	// word adopted → adopt
	// number 1,000 → 1000
	// word resolutions → resolut
	// true
}

// Chinese has no spaces: it is cut with a dictionary, to which the
// segmenter adds its user words (normally the lexicon's Chinese terms) so
// that a term stays one token.
func ExampleSegmenter_Tokens_chinese() {
	seg := segment.New([]string{"合作共赢"})
	text := "促进人权领域的合作共赢"
	for _, t := range seg.Tokens("zh", text) {
		fmt.Printf("%s %s\n", t.Kind, t.In(text))
	}
	// Output:
	// word 促进
	// word 人权
	// word 领域
	// word 的
	// word 合作共赢
}
