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
// source, and optionally role and match. Several renderings in one cell
// are separated by " | ". Lines starting with '#' and blank lines are
// ignored. See Parse.
//
// The role column says what a concept's hits mean (Role): empty, the
// meaning of a lexicon without the column; contested (negotiated
// alternatives of a group), required (must be rendered) or reference
// (terminology: never a finding, left out of a check's matching, see
// Matcher.MatchAll). A one-word rendering of a concept with a role is
// matched exactly unless marked with StemSuffix ("refugee*"); renderings of
// several words are stemmed unless marked with ExactPrefix. The match
// column unaccented matches word for word ignoring accents and case
// (Match).
//
// A lexicon may also be compiled (Compile, read by Open): its concepts with
// their matching patterns made, for a large term base to load fast.
//
// Lexicon owns concepts and matching; it never aligns paragraphs.
package lexicon
