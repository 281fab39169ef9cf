package report

// View is what the HTML report shows besides the findings: the paragraphs
// of every text with their lexicon terms, and how the paragraphs of each
// final were paired with the voted ones.
type View struct {
	Voted  DocView
	Finals []FinalView
}

// DocView is one document's compared paragraphs.
type DocView struct {
	Doc
	Paras []ParaView
}

// ParaView is one paragraph with its lexicon terms.
type ParaView struct {
	ID    string
	Text  string
	Terms []TermSpan
}

// TermSpan is a lexicon term found in a paragraph (byte offsets).
type TermSpan struct {
	Start, End int
	Concept    string
	// Renderings are the concept's renderings by language code, preferred
	// first (lexicon.Concept.Terms): the HTML report shows what a final's
	// language should have read. Shared with the lexicon: do not modify.
	Renderings map[string][]string
}

// FinalView is a final document and its alignment with the voted one.
type FinalView struct {
	DocView
	// Pairs index Voted.Paras (A) and this document's Paras (B), in order.
	Pairs []Pair
}

// Pair is one step of an alignment; one side may be empty.
type Pair struct {
	A, B  []int
	Score float64
}
