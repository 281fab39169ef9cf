// Package segment turns the text of one paragraph into tokens, per language.
//
// Chinese is cut with github.com/go-ego/gse over a dictionary embedded in the
// binary (package zhdict), with the Chinese terms of the loaded lexicons
// added as user words before the dictionary is built, so that terms such as
// 合作共赢 stay whole. Text in traditional characters is cut and keyed in
// simplified ones (package zhconv, OpenCC's tables, keeping every offset):
// 促進人權領域的互利合作 is cut as 促进人权领域的互利合作 is, and its tokens
// have the keys of the simplified words, which the lexicon's renderings and
// the token diffs use. gse's dictionary holds traditional words too, but a
// cut over them would split text differently from its simplified twin and
// not keep the lexicon's terms whole. Every other language goes through Unicode word
// boundaries (UAX #29, github.com/clipperhouse/uax29/v2), NFKC normalisation,
// case folding and a Snowball stemmer where one exists for the language.
//
// Every token keeps its byte offsets into the paragraph text (Start, End), so
// tokens joined back in order reproduce the input exactly. Columns for humans
// are counted in runes by the reporting code, never here.
//
// Segment owns words; it never reads files.
package segment
