// Package segment turns the text of one paragraph into tokens, per language.
//
// Chinese is cut with github.com/go-ego/gse over a dictionary embedded in the
// binary (package zhdict), with the Chinese terms of the loaded lexicons
// added as user words before the dictionary is built, so that terms such as
// 合作共赢 stay whole. Every other language goes through Unicode word
// boundaries (UAX #29, github.com/clipperhouse/uax29/v2), NFKC normalisation,
// case folding and a Snowball stemmer where one exists for the language.
//
// Every token keeps its byte offsets into the paragraph text (Start, End), so
// tokens joined back in order reproduce the input exactly. Columns for humans
// are counted in runes by the reporting code, never here.
//
// Segment owns words; it never reads files.
package segment
