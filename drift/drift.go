// Package drift turns aligned, annotated paragraph pairs into findings: each
// place where a final text departs from the voted one, with its kind,
// severity and evidence.
//
// Kinds (see Kinds for each one's severity and meaning): term-substituted
// (a concept in the voted paragraph, another concept of the same group in
// the aligned final paragraph), term-missing, term-added, number-mismatch,
// paragraph-missing, paragraph-added, paragraph-moved, content-omitted,
// content-added, paragraphs-merged, paragraph-split, connective-missing and
// page-reference; for versions in one language also wording-changed,
// editorial, reordered and paragraph-renumbered.
//
// Drift decides what is a finding; it never formats one.
package drift

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/number"
	"github.com/driftcheck/driftcheck/segment"
)

// Severity of a finding.
type Severity int

// Severities, in increasing order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// MarshalText writes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Kind is the kind of a finding, written as its name ("term-substituted").
type Kind string

// Finding kinds.
const (
	TermSubstituted  Kind = "term-substituted"
	TermMissing      Kind = "term-missing"
	TermAdded        Kind = "term-added"
	NumberMismatch   Kind = "number-mismatch"
	ParagraphMissing Kind = "paragraph-missing"
	ParagraphAdded   Kind = "paragraph-added"
	PageReference    Kind = "page-reference"
	// Kinds of the alignment itself and of content inside a pair. A kind
	// is listed in Kinds (and so in the reports' rule lists) once it is
	// reported.
	ParagraphsMerged  Kind = "paragraphs-merged"
	ParagraphSplit    Kind = "paragraph-split"
	ConnectiveMissing Kind = "connective-missing"
	AlignmentDoubtful Kind = "alignment-doubtful"
	ParagraphMoved    Kind = "paragraph-moved"
	ContentOmitted    Kind = "content-omitted"
	ContentAdded      Kind = "content-added"
	DatedRendering    Kind = "dated-rendering"
	// Kinds of a comparison of two versions in one language.
	WordingChanged      Kind = "wording-changed"
	Editorial           Kind = "editorial"
	ParagraphRenumbered Kind = "paragraph-renumbered"
	Reordered           Kind = "reordered"
)

// Kinds lists every finding kind with its severity and meaning, in the
// order reports use.
var Kinds = []struct {
	Kind     Kind
	Severity Severity
	Doc      string
}{
	{TermSubstituted, Error, "a lexicon concept in the voted paragraph was replaced by another concept of the same group (a negotiated alternative) in the final paragraph"},
	{ParagraphMissing, Error, "a voted paragraph has no counterpart in the final text"},
	{ParagraphAdded, Error, "a final paragraph has no counterpart in the voted text"},
	{NumberMismatch, Warning, "a number of the voted paragraph (digits, a date with its month name, \"4.8 million\" = \"480万\", a time, a symbol's numbers) changed in the final one, or is on one side only; numbers are compared as multisets and a changed one is paired with what it became by role (date, reference, percentage, range, amount, time) and magnitude; a number on one side only is info when the other side writes its value in words, when it is part of a name (UF6) or when the pair shares no other number (a percentage excepted)"},
	{PageReference, Info, "a page reference's page number differs between the texts (page numbers differ legitimately between language versions)"},
	{TermMissing, Warning, "a lexicon concept of the voted paragraph has no rendering in the final paragraph; info when a distinctive part of one of its renderings is there (a word no other concept uses, or two characters of a Chinese rendering): the concept was reworded, not dropped"},
	{TermAdded, Warning, "a lexicon concept appears in the final paragraph but not in the voted one; info when a distinctive part of one of its renderings is in the voted paragraph"},
	{AlignmentDoubtful, Warning, "translations: a pair of paragraphs the alignment made scores below 0.02, the probability that the two translate each other (calibrated on the UNPC devset and the project's resolutions): both paragraphs are named, and the pair's other findings rest on that pairing, so each is one severity lower and says so"},
	{ParagraphMoved, Warning, "a voted paragraph's translation is elsewhere in the final text (moved, or swapped with another): both positions are named, and the two are compared for terms and numbers"},
	{ContentOmitted, Warning, "a sentence or clause of the voted paragraph has no counterpart in the aligned final paragraph (sentences aligned by length and shared evidence), or, for a single sentence, the final is far shorter than a translation usually is"},
	{ContentAdded, Warning, "a sentence or clause of the final paragraph has no counterpart in the aligned voted paragraph, or, for a single sentence, the final is far longer than a translation usually is"},
	{ParagraphsMerged, Info, "translations: two or three voted paragraphs are one paragraph in the final text; not drift: the combined texts are compared as one for terms and numbers"},
	{ParagraphSplit, Info, "translations: one voted paragraph is two or three in the final text, or the boundary between two voted paragraphs falls elsewhere in it; not drift: the combined texts are compared as one"},
	{ConnectiveMissing, Info, "translations: a short connective paragraph of one text (not numbered, at most four words and 40 characters, no number or concept, ending in a comma: \"Now, therefore,\") has no paragraph of its own in the other, which runs it into the next"},
	{DatedRendering, Info, "a rendering the lexicon gives as in use until a year (period [until YEAR]) appears in a final text of a later year (the document's date line, else its symbol's session); it still counts as its concept"},
	{WordingChanged, Warning, "versions in one language: words changed that no term or number finding explains (the finding carries the diff)"},
	{Editorial, Info, "versions in one language: only punctuation style, full-width or half-width forms, white space (a space left between Han characters), quotation marks or Unicode normalisation differ"},
	{ParagraphRenumbered, Info, "versions in one language: a paragraph kept its text but not its number (an earlier paragraph was deleted or inserted)"},
	{Reordered, Info, "versions in one language: words only moved (the same words, in another order)"},
}

// SeverityOf returns the severity of a kind.
func SeverityOf(kind Kind) Severity {
	for _, k := range Kinds {
		if k.Kind == kind {
			return k.Severity
		}
	}
	return Warning
}

// Loc is one side of a finding: where in which text.
type Loc struct {
	Path string
	Lang string
	Para string // paragraph id; "" when the side has no paragraph
	Text string // the paragraph text ("" when absent)
	// Start and End delimit the evidence (the term or number) in Text, in
	// bytes; both are -1 when the finding is about the whole paragraph.
	Start, End int
	// Line and Col give Start (or the paragraph start) in the file:
	// 1-based line, 1-based column in runes. 0 when unknown.
	Line, Col int
	// EndLine and EndCol give End likewise (the column after the last
	// character); 0 when the finding is about the whole paragraph.
	EndLine, EndCol int
	// Page is the 1-based page of a paged file (PDF) the paragraph starts
	// on; 0 when the file has no pages.
	Page int
}

// Finding is one departure of a final text from the voted text.
type Finding struct {
	Kind     Kind
	Severity Severity
	Message  string
	Voted    Loc
	Final    Loc
	// Term findings.
	VotedTerm, FinalTerm       string
	VotedConcept, FinalConcept string
	Group                      string
	// number-mismatch: the numbers only in the voted and only in the final.
	VotedNumbers, FinalNumbers []string
	// Score is the confidence of the paragraph pairing (0…1).
	Score float64
	// Ops is the token diff of the two paragraphs (wording-changed and
	// editorial findings): byte offsets into Voted.Text and Final.Text.
	Ops []diff.Op
	// After is, for a paragraph-added finding, the id of the voted
	// paragraph the added one follows ("" when it comes first).
	After string
	// Fingerprint identifies the finding across runs: it is made of what
	// was found and of the words around it, not of paragraph numbers or
	// lines, so it survives renumbering and edits elsewhere. See
	// Fingerprints.
	Fingerprint string
}

// Para is a paragraph with what the checker found in it.
type Para struct {
	P       *document.Paragraph
	Tokens  []segment.Token
	Hits    []lexicon.Hit
	Numbers []Number
	// Links are the ids of the alignment anchors found (see
	// lexicon.Anchors): evidence for the aligner, never reported.
	Links []string
}

// Body returns the tokens of the paragraph after its label (nil for none).
func (p *Para) Body() []segment.Token {
	if i := segment.From(p.Tokens, p.P.BodyStart); i < len(p.Tokens) {
		return p.Tokens[i:]
	}
	return nil
}

// Number is a number found in a paragraph (package number).
type Number = number.Number

// Side is one document with its annotated body paragraphs (package
// annotate builds them).
type Side struct {
	Doc   *document.Document
	Paras []*Para
	// Anchored says whether the alignment anchors of the paragraphs
	// (Para.Links) were looked for.
	Anchored bool

	// items caches what ItemsOf makes of the side, for the comparisons
	// of one voted side with several finals (at once, in goroutines).
	items atomic.Pointer[itemCache]
}

// Compare returns the findings of final against voted, given the alignment
// of their body paragraphs (pairs index voted.Paras and final.Paras).
//
// m is the matcher that found the hits: its distinctive parts (see
// lexicon.Matcher.DistinctParts) tell a concept reworded from one dropped.
func Compare(voted, final *Side, pairs []align.Pair, m *lexicon.Matcher) []Finding {
	out, _ := compare(voted, final, pairs, m, false)
	Fingerprints(voted, final, out)
	return out
}

// CompareRefined is Compare that also returns the pairs it compared: the
// alignment with its moves found and its beads redrawn, in the order of
// the voted paragraphs, as RenderingsOf takes them.
func CompareRefined(voted, final *Side, pairs []align.Pair, m *lexicon.Matcher) ([]Finding, []align.Pair) {
	out, refined := compare(voted, final, pairs, m, true)
	Fingerprints(voted, final, out)
	return out, refined
}

func paraLoc(s *Side, p *Para, start, end int) Loc {
	l := Loc{Path: s.Doc.Path, Lang: s.Doc.Lang, Para: p.P.ID, Text: p.P.Text, Start: start, End: end}
	off := start
	if off < 0 {
		off = 0
	}
	l.Line, l.Col = p.P.Source.Position(off)
	l.Page = p.P.Source.Page
	if start >= 0 && end >= start {
		l.EndLine, l.EndCol = p.P.Source.Position(end)
	}
	return l
}

func comparePair(voted, final *Side, pr align.Pair, m *lexicon.Matcher) []Finding {
	out := compareTerms(voted, final, pr, m)
	out = append(out, compareNumbers(voted, final, pr)...)
	if lang.Norm(voted.Doc.Lang) == lang.Norm(final.Doc.Lang) {
		out = append(out, compareVersions(voted, final, pr, out)...)
	} else {
		out = append(out, compareContent(voted, final, pr)...)
	}
	return doubtful(voted, final, pr, out)
}
