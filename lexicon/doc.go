// Package lexicon holds concepts and their renderings in each language, reads
// and writes the lexicon file format, and finds renderings in segmented text.
//
// A concept is one idea (mutually beneficial cooperation) with its renderings
// per language (互利合作; coopération mutuellement bénéfique). Concepts that
// share a group are negotiated alternatives: finding one where the voted text
// had another is the drift driftcheck exists to report.
//
// The file format is tab-separated UTF-8 with a header row naming the
// columns: id, group, one column per language (ISO 639-1 code), note and
// source. Several renderings in one cell are separated by " | ". Lines
// starting with '#' and blank lines are ignored. See Parse.
//
// Lexicon owns concepts and matching; it never aligns paragraphs.
package lexicon
