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
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
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
	seg := segment.New(lex.Terms("zh"))
	m := lexicon.NewMatcher(lex, seg)
	return &Checker{Lexicon: lex, Seg: seg, Matcher: m, Anchors: lexicon.NewMatcher(lexicon.Anchors(), seg)}
}

// Languages are the six official languages of the United Nations.
var Languages = []string{"ar", "zh", "en", "fr", "ru", "es"}

// InputError is an error reading one input file.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// ErrNoLanguage is returned when a file's language cannot be told.
var ErrNoLanguage = errors.New("cannot tell the language: no letters in the text (prefix the path with LANG=, e.g. zh=file.txt)")

var langInName = regexp.MustCompile(`(?i)[._-](ar|zh|en|fr|ru|es|zh-hans|zh-cn)(?:[._-]|$)`)

// LangFromPath returns the language named in a file name such as x.zh.txt,
// X-ZH.txt or x_zh.txt, or "".
func LangFromPath(path string) string {
	base := filepath.Base(path)
	ms := langInName.FindAllStringSubmatch(base, -1)
	if len(ms) == 0 {
		return ""
	}
	return lexicon.NormLang(ms[len(ms)-1][1])
}

// SplitLangArg splits a "LANG=PATH" argument. It returns lang "" when the
// argument has no such prefix.
func SplitLangArg(arg string) (lang, path string) {
	if i := strings.IndexByte(arg, '='); i >= 2 && i <= 7 {
		l := arg[:i]
		if regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z]{2,8})?$`).MatchString(l) {
			return lexicon.NormLang(l), arg[i+1:]
		}
	}
	return "", arg
}

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
		lang = LangFromPath(path)
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
		lang = segment.DetectLang(b.String())
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
			n[lexicon.NormLang(p.Lang)] += len(p.Text)
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
	var texts []string
	for _, d := range docs {
		if d.Lang == "zh" {
			for i := range d.Paras {
				texts = append(texts, d.Paras[i].Text)
			}
		}
	}
	if len(texts) == 0 {
		return c.Seg
	}
	return c.Seg.ForTexts(texts...)
}

// Annotate segments the body paragraphs of doc and finds lexicon terms and
// numbers in them.
func (c *Checker) Annotate(doc *document.Document) *drift.Side {
	return c.annotate(c.SegmenterFor(doc), doc)
}

func (c *Checker) annotate(seg *segment.Segmenter, doc *document.Document) *drift.Side {
	side := &drift.Side{Doc: doc}
	for _, p := range doc.Body() {
		toks := seg.Tokens(doc.Lang, p.Text)
		// Terms and numbers are looked for after the paragraph's label.
		var hits []lexicon.Hit
		for _, h := range c.Matcher.Match(doc.Lang, p.Text, toks) {
			if h.Start >= p.BodyStart {
				hits = append(hits, h)
			}
		}
		side.Paras = append(side.Paras, &drift.Para{P: p, Tokens: toks, Hits: hits, Numbers: numbers(doc.Lang, p, toks)})
	}
	return side
}

// Comparison is the check of one final text against the voted text.
type Comparison struct {
	Voted, Final *drift.Side
	Pairs        []align.Pair
	Findings     []drift.Finding
}

// Result is the outcome of a check: one comparison per final text.
type Result struct {
	Voted       *document.Document
	Comparisons []*Comparison
}

// Findings returns every finding of every comparison, in report order.
func (r *Result) Findings() []drift.Finding {
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
	seg := c.SegmenterFor(append([]*document.Document{voted}, finals...)...)
	vs := c.annotate(seg, voted)
	var vsPlain *drift.Side
	for _, f := range finals {
		fs := c.annotate(seg, f)
		v := vs
		if voted.Structured != f.Structured {
			// Only one of the two was recognised as a resolution (a vote
			// list too long, an opening line translated differently):
			// compare both as plain texts rather than a header with a body.
			if vsPlain == nil {
				vsPlain = c.annotate(seg, document.AsPlain(voted))
			}
			v, fs = vsPlain, c.annotate(seg, document.AsPlain(f))
		}
		res.Comparisons = append(res.Comparisons, c.Compare(v, fs))
	}
	return res
}

// Compare aligns two annotated documents and returns their findings.
func (c *Checker) Compare(vs, fs *drift.Side) *Comparison {
	opt := align.Options{
		UseIDs:   vs.Doc.Structured && fs.Doc.Structured,
		SameLang: vs.Doc.Lang == fs.Doc.Lang,
	}
	if ra, rb := align.LengthRatios[vs.Doc.Lang], align.LengthRatios[fs.Doc.Lang]; ra > 0 && rb > 0 {
		opt.ExpectedRatio = rb / ra
	}
	if !opt.SameLang {
		// The spread of a pair of translations: the larger of the two
		// languages' spreads against English.
		opt.LengthSpread = max(align.LengthSpread[vs.Doc.Lang], align.LengthSpread[fs.Doc.Lang])
		// Against Chinese, words tell more than characters.
		if (vs.Doc.Lang == "zh" || fs.Doc.Lang == "zh") && align.UnitRatios[vs.Doc.Lang] > 0 && align.UnitRatios[fs.Doc.Lang] > 0 {
			opt.Units = true
			opt.UnitRatio = align.UnitRatios[fs.Doc.Lang] / align.UnitRatios[vs.Doc.Lang]
			opt.UnitSpread = max(align.UnitSpreads[vs.Doc.Lang], align.UnitSpreads[fs.Doc.Lang])
		}
	}
	if !opt.SameLang {
		// Anchors tell translations apart; in one language the words do.
		c.link(vs)
		c.link(fs)
	}
	pairs := align.Align(Items(vs, opt.SameLang), Items(fs, opt.SameLang), opt)
	findings := drift.Compare(vs, fs, pairs, c.Lexicon)
	return &Comparison{Voted: vs, Final: fs, Pairs: pairs, Findings: findings}
}

// link finds the alignment anchors (lexicon.Anchors) of the paragraphs of
// a side, once: a voted side compared with several finals keeps them.
func (c *Checker) link(s *drift.Side) {
	if c.Anchors == nil || s.Linked {
		return
	}
	for _, p := range s.Paras {
		for _, h := range c.Anchors.Match(s.Doc.Lang, p.P.Text, p.Tokens) {
			if h.Start >= p.P.BodyStart {
				p.Links = append(p.Links, h.Concept.ID)
			}
		}
	}
	s.Linked = true
}

// Items describes the paragraphs of a side for the aligner.
func Items(s *drift.Side, words bool) []align.Item {
	items := make([]align.Item, len(s.Paras))
	for i, p := range s.Paras {
		it := align.Item{ID: p.P.ID, Kind: string(p.P.Kind)}
		body := p.P.Text[p.P.BodyStart:]
		n := 0
		for _, r := range body {
			if r != ' ' {
				n++
			}
		}
		it.Len = float64(n)
		for _, t := range p.Tokens {
			if int(t.Start) < p.P.BodyStart || !t.IsContent() {
				continue
			}
			if s.Doc.Lang == "zh" && t.Kind == segment.Word && isHanToken(t.In(p.P.Text)) {
				it.Units += float64(len([]rune(t.In(p.P.Text))))
			} else {
				it.Units++
			}
		}
		for _, x := range p.Numbers {
			it.Numbers = append(it.Numbers, x.Key)
		}
		it.Links = p.Links
		for _, h := range p.Hits {
			k := h.Concept.Group
			if k == "" {
				k = h.Concept.ID
			}
			it.Concepts = append(it.Concepts, k)
		}
		for k, t := range p.Tokens {
			if int(t.Start) < p.P.BodyStart {
				continue
			}
			switch t.Kind {
			case segment.Word:
				if k > 0 && isAnchor(t.In(p.P.Text)) {
					it.Anchors = append(it.Anchors, strings.ToLower(t.In(p.P.Text)))
				}
				if latinScript[s.Doc.Lang] {
					if c := cognate(t.In(p.P.Text)); c != "" {
						it.Cognates = append(it.Cognates, c)
					}
				}
			case segment.Punct:
				switch t.In(p.P.Text) {
				case "(", "（", "[":
					it.Parens++
				case "\"", "“", "«", "「", "„", "'":
					it.Quotes++
				}
			}
		}
		if words {
			for _, t := range p.Tokens {
				if t.IsContent() && int(t.Start) >= p.P.BodyStart {
					it.Words = append(it.Words, t.Key)
				}
			}
		}
		items[i] = it
	}
	return items
}

// isAnchor reports whether a word is likely to pass untranslated: Latin
// letters with a capital after the first letter (UNICEF, HFC), or a
// capitalised Latin word of at least four letters (a name).
func isAnchor(w string) bool {
	letters, upper := 0, 0
	first := true
	capital := false
	for _, r := range w {
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					capital = true
				}
			}
			first = false
		}
	}
	return letters >= 2 && (upper >= 2 || (capital && letters >= 4))
}

// latinScript are the languages whose words are compared as cognates.
// Russian words are transliterated first: UN Russian is full of
// international words (организация, программа, резолюция).
var latinScript = map[string]bool{"en": true, "fr": true, "es": true, "pt": true, "it": true, "de": true, "ru": true}

var cyrillicToLatin = strings.NewReplacer(
	"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i",
	"й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
	"у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "",
	"э", "e", "ю", "yu", "я", "ya")

// soundAlike merges the letters that spell one sound differently across
// the languages (c/k/q, y/i, z/s, w/v, ph/f), for cognate keys only.
var soundAlike = strings.NewReplacer("ph", "f", "c", "k", "q", "k", "y", "i", "z", "s", "w", "v")

var stripAccents = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "î", "i", "ï", "i", "ó", "o", "ô", "o", "ö", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n")

// cognate returns the first four letters of a word of at least six,
// lower-cased, without accents, transliterated to Latin letters and with
// sound-alike letters merged, or "".
func cognate(w string) string {
	if len(w) < 6 {
		return ""
	}
	w = soundAlike.Replace(cyrillicToLatin.Replace(stripAccents.Replace(strings.ToLower(w))))
	n := 0
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return ""
		}
		n++
		if n == 4 {
			return w[:i+len(string(r))]
		}
	}
	return ""
}

func isHanToken(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
