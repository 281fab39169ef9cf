package segment

import "sort"

// From returns the index of the first of toks (in text order, as Tokens
// gives them) that starts at or after byte offset off: toks[From(toks,
// p.BodyStart):] are the tokens of a paragraph after its label.
func From(toks []Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= off })
}
