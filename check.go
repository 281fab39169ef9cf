// Package driftcheck checks the language versions of a multilingual document
// against the text that was voted on, and reports every place where a final
// text departs from it: a negotiated term swapped for its alternative, a
// concept dropped or added, a number changed, a paragraph missing or added.
//
// The pipeline is extract (file → paragraphs), document (UN structure),
// segment (tokens), lexicon (concept hits), align (paragraph pairs), drift
// (findings) and report (text, JSON). A Checker holds the loaded lexicon and
// segmenter and may be shared by many goroutines once built.
package driftcheck

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/annotate"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	language "github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
	"github.com/driftcheck/driftcheck/segment"
)

// Checker holds what a check needs: the lexicon, the segmenter built with
// the lexicon's Chinese terms, and the matcher.
type Checker struct {
	Lexicon *lexicon.Lexicon
	Seg     *segment.Segmenter
	Matcher *lexicon.Matcher
	// Anchors finds the alignment anchors (lexicon.Anchors) in paragraphs
	// of different languages; nil for none.
	Anchors *lexicon.Matcher
	// Read holds the options for reading files (encoding, Word tracked
	// changes, PDF limits).
	Read reader.Options
	// LangMismatch says whether a declared language that the text's
	// script contradicts is an error (the default) or a warning.
	LangMismatch LangMismatch
	// Warn, if set, is told each warning about an input (one line).
	Warn func(msg string)
}

// New returns a checker for lex. The Chinese dictionary is loaded on the
// first Chinese text.
func New(lex *lexicon.Lexicon) *Checker {
	// The dictionary of the languages written without spaces holds the
	// lexicon's renderings, so that a term is cut whole; those of reference
	// concepts are not in it, so that a term base never changes the cut
	// (nor the hits of the other concepts): a reference term is found where
	// the cut keeps it whole. The segmenter puts in each dictionary only
	// the words that occur in its texts.
	var words []string
	for _, p := range language.Profiles() {
		if p.Han {
			for _, c := range lex.Concepts {
				if c.Role != lexicon.RoleReference {
					words = append(words, c.Terms[p.Code]...)
				}
			}
		}
	}
	seg := segment.New(words)
	m := lexicon.NewMatcher(lex, seg)
	return &Checker{Lexicon: lex, Seg: seg, Matcher: m, Anchors: lexicon.NewMatcher(lexicon.Anchors(), seg)}
}

// InputError is an error reading one input file.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// ErrNoLanguage is returned when a file's language cannot be told.
var ErrNoLanguage = errors.New("cannot tell the language: no letters in the text (prefix the path with LANG=, e.g. zh=file.txt)")

// LoadFile reads and parses a file. lang may be "" to take the language from
// the file name or, failing that, from the script of the text.
func (c *Checker) LoadFile(path, lang string) (*document.Document, error) {
	opt := c.Read
	if c.Warn != nil {
		opt.Warn = func(msg string) { c.Warn(path + ": " + msg) }
	}
	paras, err := reader.ReadFile(path, opt)
	if err != nil {
		return nil, &InputError{path, err}
	}
	return c.Parse(paras, path, lang)
}

// Parse builds a document from paragraphs already extracted.
func (c *Checker) Parse(paras []extract.Paragraph, path, lang string) (*document.Document, error) {
	if lang == "" {
		lang = language.FromPath(path)
	}
	if lang == "" {
		lang = declaredLang(paras)
	}
	if lang == "" {
		var b strings.Builder
		for _, p := range paras {
			if b.Len() > 20000 {
				break
			}
			b.WriteString(p.Text)
			b.WriteByte('\n')
		}
		lang = language.Detect(b.String())
	}
	if lang == "" {
		return nil, &InputError{path, ErrNoLanguage}
	}
	lang, err := c.checkLang(paras, path, lang)
	if err != nil {
		return nil, err
	}
	return document.Parse(paras, path, lang), nil
}

// declaredLang returns the language the file declares for most of its body
// text (an HTML lang attribute, Word's language of the runs), or "".
func declaredLang(paras []extract.Paragraph) string {
	n := map[string]int{}
	total := 0
	for _, p := range paras {
		if p.Note {
			continue
		}
		total += len(p.Text)
		if p.Lang != "" {
			n[language.Norm(p.Lang)] += len(p.Text)
		}
	}
	for l, k := range n {
		if 2*k > total {
			return l
		}
	}
	return ""
}

// SegmenterFor returns the segmenter for docs: the checker's own, with a
// Chinese dictionary covering the Chinese documents among them.
func (c *Checker) SegmenterFor(docs ...*document.Document) *segment.Segmenter {
	return c.annotator().SegmenterFor(docs...)
}

// Annotate segments the body paragraphs of doc and finds lexicon terms and
// numbers in them.
func (c *Checker) Annotate(doc *document.Document) *drift.Side {
	return c.annotator().Document(c.SegmenterFor(doc), doc, false)
}

func (c *Checker) annotator() *annotate.Annotator {
	return &annotate.Annotator{Seg: c.Seg, Matcher: c.Matcher, Anchors: c.Anchors}
}

// Comparison is the check of one final text against the voted text.
type Comparison struct {
	Voted, Final *drift.Side
	Pairs        []align.Pair
	Findings     []drift.Finding
	// refined are the pairs the findings come from (drift.CompareRefined):
	// Renderings reads them instead of refining Pairs again.
	refined []align.Pair
}

// Result is the outcome of a check: one comparison per final text.
type Result struct {
	Voted       *document.Document
	Comparisons []*Comparison
}

// Findings returns every finding of every comparison, in report order.
func (r *Result) Findings() []drift.Finding {
	if len(r.Comparisons) == 1 {
		// One comparison: its own findings, without a copy (a document of
		// 200,000 added paragraphs has as many findings); clipped, so that
		// an append by the caller copies.
		return slices.Clip(r.Comparisons[0].Findings)
	}
	var out []drift.Finding
	for _, c := range r.Comparisons {
		out = append(out, c.Findings...)
	}
	return out
}

// Check compares each final document with the voted one.
func (c *Checker) Check(voted *document.Document, finals ...*document.Document) *Result {
	res := &Result{Voted: voted}
	langs := []string{voted.Lang}
	for _, f := range finals {
		langs = append(langs, f.Lang)
	}
	c.Matcher.Prepare(langs...)
	an := c.annotator()
	seg := an.SegmenterFor(append([]*document.Document{voted}, finals...)...)
	// The voted text is annotated once as it is and once as plain text,
	// as the finals need it: a final recognised as a resolution when the
	// voted text is not (or the other way round: a vote list too long, an
	// opening line translated differently) is compared with it as plain
	// text rather than as a header with a body. Anchors are looked for
	// when a final is in another language.
	var anchors bool
	for _, f := range finals {
		if f.Lang != voted.Lang {
			anchors = true
		}
	}
	// The voted text (as it is and as plain text, as the finals need it)
	// and the finals are annotated at once, as many as there are
	// processors, then compared at once; the comparisons keep the order
	// of the finals.
	var asIs, plain bool
	for _, f := range finals {
		if voted.Structured == f.Structured {
			asIs = true
		} else {
			plain = true
		}
	}
	var vs, vsPlain *drift.Side
	sides := make([]*drift.Side, len(finals))
	tasks := []func(){}
	if asIs {
		tasks = append(tasks, func() { vs = an.Document(seg, voted, anchors) })
	}
	if plain {
		tasks = append(tasks, func() { vsPlain = an.Document(seg, document.AsPlain(voted), anchors) })
	}
	for i, f := range finals {
		tasks = append(tasks, func() {
			if voted.Structured != f.Structured {
				f = document.AsPlain(f)
			}
			sides[i] = an.Document(seg, f, f.Lang != voted.Lang)
		})
	}
	parallel(len(tasks), func(i int) { tasks[i]() })
	res.Comparisons = make([]*Comparison, len(finals))
	parallel(len(finals), func(i int) {
		v := vs
		if voted.Structured != finals[i].Structured {
			v = vsPlain
		}
		res.Comparisons[i] = c.Compare(v, sides[i])
	})
	return res
}

// Compare aligns two annotated documents and returns their findings.
func (c *Checker) Compare(vs, fs *drift.Side) *Comparison {
	opt := align.OptionsFor(vs.Doc.Lang, fs.Doc.Lang, vs.Doc.Structured && fs.Doc.Structured)
	// Anchors tell translations apart; in one language the words do.
	an := c.annotator()
	a := an.Items(vs, opt.SameLang, !opt.SameLang)
	b := an.Items(fs, opt.SameLang, !opt.SameLang)
	pairs := align.Align(a, b, opt)
	findings, refined := drift.CompareRefined(vs, fs, pairs, c.Matcher)
	return &Comparison{Voted: vs, Final: fs, Pairs: pairs, Findings: findings, refined: refined}
}
