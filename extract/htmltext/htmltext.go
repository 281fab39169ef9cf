// Package htmltext reads the text of an HTML page as paragraphs.
//
// Block elements (p, div, li, h1-h6, td, th, blockquote, pre, dt, dd,
// caption, figcaption, and text directly in section, article or body)
// make paragraphs; inline elements (span, a, em, b, sup, font and any
// element not known as a block) join the text around them with nothing
// added, so Chinese gains no spaces. White space collapses as in a
// browser: a run of it is one space, and a run holding a line break
// between two Han characters is nothing. <br> is such a line break.
//
// Site chrome is dropped: script, style, noscript, template, head, nav,
// form controls, header and footer outside article, section and main, an
// aside there that holds no notes, elements with the hidden attribute,
// aria-hidden="true", style="display:none" or role navigation, banner or
// contentinfo, and comments. Each paragraph's Lang is the primary subtag,
// lower-cased, of its nearest lang or xml:lang.
//
// The work is linear in the page: elements nested deeper than
// Options.MaxDepth and text past Options.Limits give extract.ErrLimit.
//
// # Lists
//
// An item of an <ol> starts with the number a browser draws for it, then
// a space: "1. Decides…". The numbering is the item's list-style-type as
// the cascade gives it (see Stylesheets): the page's <style> rules, the
// inline style (list-style-type or the list-style shorthand), the type
// attribute (1, a, A, i, I) below both, and an ol is decimal, a ul disc,
// when none of them says. An li inherits its list's style unless it is
// given one of its own. start, reversed and <li value> set the numbers as
// in a browser (reversed counts down from the number of items). Unless a
// @counter-style rule gives the form, the label is written the way UN
// texts write it, so that package document reads it:
//
//   - decimal is "1." at any depth and in any language, Arabic too: document
//     reads "1." before Arabic text as it reads "1 - ";
//   - letters and roman numerals are "(a)", "(A)", "(i)", "(IV)", at any
//     depth: the only form document reads as a sub-paragraph, where a
//     browser draws "a." (which no UN text writes);
//   - arabic-indic is "١.", persian "۱.", decimal-leading-zero "01.",
//     lower-greek "(α)", cjk-decimal "一、" (digit by digit, as CSS does:
//     "一〇、" for 10); a counter style not known here is decimal, as CSS
//     treats one it does not know, and letters and roman numerals out of
//     their range (0, negative numbers, roman above 3999) are decimal;
//   - none, disc, circle, square and a string marker give no label (the
//     item still counts), nor do items of <ul> and <menu> unless their
//     style numbers them. A hidden item is not counted.
//
// A counter style of the page's own, from a @counter-style rule that gives
// a prefix or a suffix (or extends one that does), is drawn as the browser
// draws it: prefix, representation and suffix, its white space collapsed
// and trimmed, "1 -" for suffix " - ", "1．" for "． ", "(а)" for prefix "("
// and suffix ") ". One without either is written as above: "(а)" for
// Cyrillic letters, "1." for numbers. A page's own cyclic style draws its
// symbol as a label too ("– x"); the predefined bullets, and styles that
// extend them, give none.
//
// The text of an item before a nested list is a paragraph of its own, and
// so is each nested item (the sub-paragraphs "(a) …"); text after a nested
// list is a paragraph without a label. An item whose first text is in a
// nested list loses its own label to the nested item's.
//
// # Stylesheets
//
// The text of every <style> element (of type text/css or none, not in a
// template) is read for list numbering only; external stylesheets
// (<link>, @import) are not. Read are the rules that set list-style-type
// or list-style, and @counter-style rules; the rules in @media, @supports
// and @layer blocks are read as if their condition held, other at-rules
// (@page, @font-face …) and nested rules are skipped. !important is
// honoured as in CSS: a stylesheet's beats the inline style, the inline
// style's beats all. var() is not resolved (the declaration is ignored),
// nor is symbols().
//
// Selectors: type, *, class, id, attribute selectors ([x], =, ~=, |=, ^=,
// $=, *=, with the i and s flags), compounds of them, and the descendant
// and child combinators; html and body are there if the page leaves them
// out. A selector with a pseudo-class or pseudo-element, a sibling
// combinator or a namespace matches nothing (it never matches wrongly); an
// invalid one drops its rule, as in CSS. The cascade orders by !important,
// then specificity (ids, classes and attributes, types), then order in the
// page; the inline style beats the stylesheets, and they beat the type
// attribute. inherit, unset, initial and revert are read.
//
// @counter-style reads system (cyclic, fixed with its first value,
// symbolic, alphabetic, numeric, additive, extends), symbols (strings and
// identifiers, not images), additive-symbols, prefix (default ""), suffix
// (default ". "), negative, range, pad and fallback (default decimal; a
// value outside the range, or one the system cannot write, is the
// fallback's, with the style's own prefix and suffix). An invalid rule,
// and one that redefines decimal or a bullet, defines nothing; an extends
// cycle, or a chain of more than 32 rules, extends decimal.
//
// The work is bounded: 1 MiB of style text in all (a rule it cuts is
// dropped), 4096 selectors of list-style rules, 512 counter styles of 256
// symbols, 2048 tokens of a selector list, 1024 of a value, 32 compounds
// of a selector, @media blocks 16 deep, representations of 64 symbols (the
// fallback's beyond), pads of 64, and 2²³ steps of selector matching for
// the page, beyond which nothing matches. Malformed CSS is recovered from
// as CSS does.
//
// # Notes
//
// Footnotes and endnotes are paragraphs with Note set; they come after the
// body paragraphs, in the order of the page. A note is known by its
// attributes: role doc-footnote, doc-endnote, doc-footnotes or
// doc-endnotes, epub:type footnote or endnote, a class with "footnote" or
// "endnote" in it (pandoc's and markdown-it's <section class="footnotes">,
// Word's MsoFootnoteText), Word's style mso-element:footnote or endnote,
// an id such as Word's <div id=ftn1> or pandoc's <li id="fn1">. It is also
// known by its structure: an ol, ul, dl, div, section or aside (an aside
// outside article and main too) each of whose items holds a backlink to
// the reference (<a href="#fnref1">, Word's href="#_ftnref1", Google
// Docs' #ftnt_ref1, role doc-backlink, class footnote-back(ref) or
// reversefootnote), and what follows an <hr> in any element when each item
// after it holds one.
//
// A backlink is never text: its arrow (↩, ↑, ^, "[1]") is dropped, and a
// backlink that starts the note is the note's mark. The mark goes to
// Paragraph.Mark, not the note's text: that backlink's text without its
// brackets ("1" for Word's "[1]"), else a leading <sup>, else a "[1]", "*",
// "†" or "‡" the text starts with, else the number of its list item ("1"
// for pandoc's <li id="fn1">).
//
// In the body, the reference mark is dropped with its element, so that
// the text reads as if it were not there ("world<sup>1</sup>, and" is
// "world, and"): an <a> to a note (#fn1, #fn:1, Word's #_ftn1 and #_edn1,
// #ftnt1, #footnote-1, #cite_note-…), or an element with role doc-noteref
// or a class footnote-ref or MsoFootnoteReference.
//
// # Lines
//
// Lines ties each paragraph to the page: a LineStart for its first
// character and for the first character of each later source line of its
// text, with 1-based line and column (in runes) of the decoded page. A
// list label is not in the page: the paragraph's first LineStart, at 0,
// is the li tag, and another starts where the item's text does, so that
// Position maps the text after the label to the page. So does a LineStart
// where the text after a leading <sup> starts, the mark of a note cut off
// its text. Leading &nbsp; is skipped in the page, so the first LineStart
// is where the first character is.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/driftcheck/driftcheck/extract"
)

// Options control Read.
type Options struct {
	// Encoding names the encoding of the page (see extract.DecodeAs);
	// "" takes it from a byte-order mark, else a <meta charset> or
	// http-equiv Content-Type in the first 1024 bytes, else detection.
	Encoding string
	// MaxDepth is the deepest nesting of elements read; deeper is
	// extract.ErrLimit. 0 means 512.
	MaxDepth int
	// Limits bound the text read (characters and paragraphs, notes and
	// list labels included), counted as the page is read.
	Limits extract.Limits
}

// Read returns the paragraphs of the HTML page data.
func Read(data []byte, opt Options) ([]extract.Paragraph, error) {
	s, err := decode(data, opt.Encoding)
	if err != nil {
		return nil, err
	}
	max := opt.MaxDepth
	if max <= 0 {
		max = 512
	}
	r := &reader{doc: s, maxDepth: max, sheet: readSheets(s), count: extract.Counter{Limits: opt.Limits}, open: map[string][]int{}}
	r.at = cursor{line: 1, col: 1}
	if err := r.run(); err != nil {
		return nil, err
	}
	out := r.result()
	if len(out) == 0 {
		return nil, fmt.Errorf("%w (no text in the HTML page)", extract.ErrEmpty)
	}
	return out, nil
}

// result returns the body paragraphs, then the notes, each in the order
// of the page.
func (r *reader) result() []extract.Paragraph {
	var body, notes []extract.Paragraph
	for _, p := range r.out {
		switch {
		case p.Text == "": // a note that was only its mark
		case p.Note:
			notes = append(notes, p)
		default:
			body = append(body, p)
		}
	}
	return append(body, notes...)
}

// decode returns the page as UTF-8.
func decode(data []byte, enc string) (string, error) {
	if enc != "" {
		return extract.DecodeAs(data, enc)
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return extract.DecodeAs(data, "")
	}
	if name := metaCharset(data[:min(len(data), 1024)]); name != "" {
		s, err := extract.DecodeAs(data, name)
		var unknown *extract.UnknownEncodingError
		if err == nil || !errors.As(err, &unknown) {
			if err != nil {
				err = fmt.Errorf("page declared %s: %w", name, err)
			}
			return s, err
		}
		// An encoding extract does not know (windows-1252, iso-8859-x):
		// decode it with x/text, refusing what does not map.
		e, _ := charset.Lookup(name)
		if e == nil {
			return "", fmt.Errorf("%w: page declares charset %q, which is not read", extract.ErrEncoding, name)
		}
		b, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: %s: %w", extract.ErrEncoding, name, err)
		}
		out := string(b)
		if strings.ContainsRune(out, utf8.RuneError) && !bytes.Contains(data, []byte("\uFFFD")) {
			return "", fmt.Errorf("%w: bytes that are not %s", extract.ErrEncoding, name)
		}
		if strings.ContainsRune(out, 0) {
			return "", fmt.Errorf("%w (NUL in the page)", extract.ErrBinary)
		}
		return out, nil
	}
	return extract.DecodeAs(data, "")
}

// metaCharset returns the canonical (WHATWG) name of the encoding a
// <meta charset> or <meta http-equiv="Content-Type"> in head declares, or
// "".
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ""
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		if string(name) != "meta" {
			continue
		}
		var label, equiv, content string
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "charset":
				label = string(v)
			case "http-equiv":
				equiv = strings.ToLower(string(v))
			case "content":
				content = string(v)
			}
		}
		if label == "" && equiv == "content-type" {
			if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
				label = strings.Trim(strings.TrimSpace(content[i+len("charset="):]), `"';`)
			}
		}
		if label == "" {
			continue
		}
		if _, canon := charset.Lookup(label); canon != "" {
			if strings.HasPrefix(canon, "utf-16") {
				return "utf-8" // as browsers do: the page was read as ASCII
			}
			return canon
		}
	}
}

var blocks = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 td th tr table thead tbody tfoot
		caption figcaption figure blockquote pre section article main header footer aside address body html
		hr form fieldset legend details summary center dialog hgroup menu colgroup`) {
		blocks[t] = true
	}
}

var dropped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true, "title": true, "nav": true,
	"button": true, "select": true, "option": true, "optgroup": true, "textarea": true, "datalist": true,
	"input": true, "iframe": true, "object": true, "svg": true, "math": true, "canvas": true, "audio": true,
	"video": true, "map": true,
}

// voids are elements without content or end tag.
var voids = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true, "keygen": true,
}

// closesP are start tags that end an open <p>.
var closesP = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`p div ul ol dl h1 h2 h3 h4 h5 h6 table blockquote pre section article main
		header footer aside address hr form fieldset figure figcaption details nav menu center dialog hgroup`) {
		closesP[t] = true
	}
}

// implied lists, for a start tag, the open elements it ends (when found
// before one of the stop elements).
var implied = map[string]struct{ ends, stops []string }{
	"li":     {[]string{"li", "p"}, []string{"ul", "ol", "menu", "table", "body"}},
	"dt":     {[]string{"dt", "dd", "p"}, []string{"dl", "table", "body"}},
	"dd":     {[]string{"dt", "dd", "p"}, []string{"dl", "table", "body"}},
	"td":     {[]string{"td", "th", "p"}, []string{"tr", "table", "body"}},
	"th":     {[]string{"td", "th", "p"}, []string{"tr", "table", "body"}},
	"tr":     {[]string{"tr", "td", "th", "p"}, []string{"table", "body"}},
	"tbody":  {[]string{"thead", "tbody", "tfoot", "tr", "td", "th", "p"}, []string{"table", "body"}},
	"thead":  {[]string{"thead", "tbody", "tfoot", "tr", "td", "th", "p"}, []string{"table", "body"}},
	"tfoot":  {[]string{"thead", "tbody", "tfoot", "tr", "td", "th", "p"}, []string{"table", "body"}},
	"option": {[]string{"option"}, []string{"select", "body"}},
}

type elem struct {
	tag  string
	lang string // nearest lang, normalised
	note bool   // inside a footnote or endnote
	drop bool   // inside dropped content, or a note's reference mark
	main bool   // inside article, section or main

	list *list // for ol, ul and menu: the numbering of its items

	// List style (see css.go): the attributes of its start tag, the node
	// selectors see, made when one is matched, and its computed
	// list-style-type once known.
	attrs   map[string]string
	nd      *node
	lst     string
	lstDone bool

	// Footnote structure (see notes.go).
	capture   bool // its text is the mark of a note (a backlink that starts one)
	supLead   bool // a sup that starts a paragraph: its text may be a note's mark
	supOut    int  // len(reader.out) when the sup opened
	cand      bool // its paragraphs are notes if each of its items holds a backlink
	hr        bool // an <hr> was read in it: what follows may be notes
	tentative bool // an aside outside article and main: dropped unless it holds notes
	outStart  int  // len(reader.out) when it opened, or at its <hr>
	// What it holds outside notes: text and a backlink anywhere in it
	// (text, hasBack), directly or in inline children (dText, dBack); items
	// counts its block children that hold text, itemsBack those of them
	// that hold a backlink too.
	text, hasBack    bool
	dText, dBack     bool
	items, itemsBack int
}

// meta is what a paragraph needs if it turns out to be a note: where its
// list label and a leading <sup> end, and the marks they or a leading
// backlink give.
type meta struct {
	labelEnd         int    // bytes of Text taken by the list label and its space
	labelMark        string // the list number as a mark: "1", "a"
	mark             string // the text of a backlink that starts the note: "1" for "[1]"
	supStart, supEnd int    // the text of a leading <sup>
}

// pending is the label of a list item not yet written: it starts the
// item's first paragraph. owner is the stack index of the li, -1 for none.
type pending struct {
	text, mark string
	line, col  int // where the li tag is
	owner      int
}

type reader struct {
	doc      string
	at       cursor // the last position asked of pos
	walked   int    // bytes pos walked over, for the tests
	maxDepth int
	// open holds, for each tag, the stack indices of its open elements,
	// and lists those of the open elements that number items: end tags
	// and implied ends find what they close without walking the stack.
	open     map[string][]int
	lists    []int
	count    extract.Counter
	err      error // the first limit passed: reading stops
	stack    []elem
	root     elem // what holds the elements at the top: its <hr> and items
	out      []extract.Paragraph
	meta     []meta // meta[i] is of out[i]
	cur      *extract.Paragraph
	cm       meta // of cur
	b        strings.Builder
	space    bool // white space pending before the next text
	brk      bool // the pending white space holds a line break
	lastRune rune
	// forceLine makes the next text start a LineStart: the list label
	// before it is not in the page.
	forceLine bool

	sheet  *sheet // what the page's <style> elements say of list numbering; nil for nothing
	ols    int    // <ol> start tags read
	counts []int  // items of each <ol>, counted when a reversed one needs it
	label  pending

	capBuf    strings.Builder // the text of the backlink being read
	mark      string          // a mark read from a backlink, for the next paragraph
	markOwner int             // stack index of the block the mark belongs to, -1 for none
}

func (r *reader) top() elem {
	if len(r.stack) == 0 {
		return elem{}
	}
	return r.stack[len(r.stack)-1]
}

func (r *reader) run() error {
	r.label.owner, r.markOwner = -1, -1
	z := html.NewTokenizer(strings.NewReader(r.doc))
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return fmt.Errorf("%w: HTML: %w", extract.ErrCorrupt, err)
			}
			r.popTo(0)
			r.flush()
			if r.root.hr && r.root.holdsNotes() {
				r.markNotes(r.root.outStart)
			}
			return r.err
		case html.TextToken:
			switch top := r.top(); {
			case top.drop:
			case top.capture:
				if t := html.UnescapeString(string(raw)); r.charge(t) {
					r.capBuf.WriteString(t)
				}
			default:
				r.text(string(raw), start)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if err := r.start(tag, attrs, tt == html.SelfClosingTagToken, start); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			r.end(string(name))
		}
		if r.err != nil {
			return r.err
		}
	}
}

// charge counts text s against the limits and reports whether it may be
// added; once a limit is passed, r.err says which and nothing more is.
func (r *reader) charge(s string) bool {
	if r.err == nil {
		r.err = r.count.AddText(s)
	}
	return r.err == nil
}

func (r *reader) boundary() { r.flush() }

// start opens element tag, whose start tag is at offset off of doc.
func (r *reader) start(tag string, attrs map[string]string, selfClosing bool, off int) error {
	if tag == "ol" {
		r.ols++ // before anything returns: countItems counts every <ol>
	}
	if tag == "br" {
		if !r.top().drop {
			r.space, r.brk = true, true
		}
		return nil
	}
	if closesP[tag] {
		r.closeImplied([]string{"p"}, []string{"td", "th", "li", "dd", "dt", "table", "button", "body"})
	}
	if im, ok := implied[tag]; ok {
		r.closeImplied(im.ends, im.stops)
	}
	if blocks[tag] || voids[tag] && tag != "img" && tag != "wbr" {
		r.boundary()
	}
	if tag == "hr" {
		r.rule()
	}
	if voids[tag] || selfClosing && !blocks[tag] {
		return nil
	}
	parent := r.top()
	e := elem{tag: tag, lang: parent.lang, note: parent.note, drop: parent.drop, main: parent.main,
		capture: parent.capture, outStart: len(r.out), attrs: attrs}
	if l, ok := attrs["lang"]; ok {
		e.lang = normLang(l)
	} else if l, ok := attrs["xml:lang"]; ok {
		e.lang = normLang(l)
	}
	role := strings.ToLower(strings.TrimSpace(attrs["role"]))
	class := strings.Fields(strings.ToLower(attrs["class"]))
	if !e.drop && !e.capture {
		switch {
		case isBacklink(tag, attrs, role, class):
			// Its text is the note's mark when it starts the note (Word's
			// "[1]"), else a return arrow to drop.
			e.hasBack, e.dBack = true, true
			if r.cur == nil {
				e.capture = true
				r.capBuf.Reset()
			} else {
				e.drop = true
			}
		case isNoteRef(tag, attrs, role, class):
			e.drop = true // the body reads as if the mark were not there
		case isNoteAttr(tag, attrs, role, class):
			e.note = true
		}
	}
	_, hidden := attrs["hidden"]
	style := strings.ReplaceAll(strings.ToLower(attrs["style"]), " ", "")
	switch {
	case dropped[tag], hidden, strings.EqualFold(attrs["aria-hidden"], "true"),
		strings.Contains(style, "display:none"),
		role == "navigation" || role == "banner" || role == "contentinfo" || role == "search",
		(tag == "header" || tag == "footer") && !e.main && !e.note:
		e.drop = true
	case tag == "aside" && !e.main && !e.note && !e.drop:
		e.tentative = true
	}
	if tag == "article" || tag == "section" || tag == "main" || role == "main" {
		e.main = true
	}
	e.cand = candidates[tag] && !e.note && !e.drop && !e.capture
	if tag == "sup" && r.cur == nil && !e.drop && !e.capture {
		e.supLead, e.supOut = true, len(r.out)
	}
	if selfClosing {
		return nil
	}
	if len(r.stack) >= r.maxDepth {
		return fmt.Errorf("%w: HTML elements nested more than %d deep", extract.ErrLimit, r.maxDepth)
	}
	switch tag {
	case "ol", "ul", "menu":
		e.list = r.newList(tag, attrs)
	case "li":
		if !e.drop && !e.capture {
			r.itemLabel(attrs, off, &e)
		}
	}
	r.push(e)
	return nil
}

// push opens element e.
func (r *reader) push(e elem) {
	r.open[e.tag] = append(r.open[e.tag], len(r.stack))
	if e.list != nil {
		r.lists = append(r.lists, len(r.stack))
	}
	r.stack = append(r.stack, e)
}

// innermost returns the stack index of the innermost open element with
// one of tags, or -1.
func (r *reader) innermost(tags ...string) int {
	i := -1
	for _, t := range tags {
		if o := r.open[t]; len(o) > 0 {
			i = max(i, o[len(o)-1])
		}
	}
	return i
}

// closeImplied pops the open elements a start tag ends: the nearest of
// ends, and everything above it, when found before one of stops.
func (r *reader) closeImplied(ends, stops []string) {
	if i := r.implied(ends, stops); i >= 0 {
		r.popTo(i)
	}
}

// implied returns the stack index of the innermost open element of ends
// when no element of stops is open inside it, else -1.
func (r *reader) implied(ends, stops []string) int {
	if i := r.innermost(ends...); i > r.innermost(stops...) {
		return i
	}
	return -1
}

func (r *reader) popTo(i int) {
	for len(r.stack) > i {
		r.pop()
	}
}

// pop closes the innermost open element: it ends a paragraph if it is a
// block, decides whether what it holds is notes, and tells its parent what
// it held.
func (r *reader) pop() {
	k := len(r.stack) - 1
	e := &r.stack[k]
	decide := !e.note && (e.cand || e.hr || e.tentative)
	if blocks[e.tag] || decide {
		r.boundary()
	}
	notes := false
	if decide && (e.cand || e.hr) && e.holdsNotes() {
		r.markNotes(e.outStart)
		notes = true
	}
	if e.tentative && !notes {
		r.dropFrom(e.outStart)
	}
	if e.capture && (k == 0 || !r.stack[k-1].capture) {
		if m := normMark(r.capBuf.String()); m != "" && r.cur == nil {
			r.mark, r.markOwner = m, r.blockAbove(k)
		}
		r.capBuf.Reset()
	}
	if e.supLead && r.cur != nil && len(r.out) == e.supOut && r.cm.supEnd == 0 {
		// A leading sup may be a note's mark, cut off later: the text
		// after it gets its own LineStart.
		r.cm.supStart, r.cm.supEnd = r.cm.labelEnd, r.b.Len()
		r.forceLine = true
	}
	if r.label.owner == k {
		r.label = pending{owner: -1} // an item with no text
	}
	if r.markOwner == k {
		r.mark, r.markOwner = "", -1
	}
	p := r.parent(k)
	switch {
	case notes || e.tentative || e.note && !p.note:
		// Notes, or dropped: nothing the parent's decision counts.
	case blocks[e.tag]:
		if e.text {
			p.items++
			if e.hasBack {
				p.itemsBack++
			}
		}
		p.text, p.hasBack = p.text || e.text, p.hasBack || e.hasBack
	default:
		p.dText, p.dBack = p.dText || e.text, p.dBack || e.hasBack
		p.text, p.hasBack = p.text || e.text, p.hasBack || e.hasBack
	}
	o := r.open[e.tag]
	r.open[e.tag] = o[:len(o)-1]
	if n := len(r.lists); n > 0 && r.lists[n-1] == k {
		r.lists = r.lists[:n-1]
	}
	r.stack = r.stack[:k]
}

// parent returns the element that holds element k of the stack.
func (r *reader) parent(k int) *elem {
	if k > 0 {
		return &r.stack[k-1]
	}
	return &r.root
}

// blockAbove returns the stack index of the nearest block around element k.
func (r *reader) blockAbove(k int) int {
	for i := k - 1; i >= 0; i-- {
		if blocks[r.stack[i].tag] {
			return i
		}
	}
	return 0
}

func (r *reader) end(tag string) {
	i, fenced := r.closing(tag)
	switch {
	case i >= 0:
		r.popTo(i)
	case !fenced && blocks[tag]:
		r.boundary() // a stray end tag of a block still ends the text
	}
}

// closing returns the stack index of the open element that end tag tag
// closes, or -1 when it closes none; fenced reports that the tag is
// ignored because a table cell or table it is not in is open: an end
// tag does not close past one (but those of rows and tables do).
func (r *reader) closing(tag string) (i int, fenced bool) {
	i = r.innermost(tag)
	fence := -1
	switch tag {
	case "tr", "table", "tbody", "thead", "tfoot":
	default:
		fence = r.innermost("td", "th", "table")
	}
	if i >= 0 && i >= fence {
		return i, false
	}
	return -1, fence >= 0
}

// cursor is a position of doc: byte off is on line (1-based) at column
// col (1-based, in runes).
type cursor struct{ off, line, col int }

// pos returns the 1-based line and column (in runes) of byte off of doc.
// The reader asks in the order of the page, so pos walks on from the
// last position asked: a page costs one pass, however long its lines.
// An earlier offset walks again from the start.
func (r *reader) pos(off int) (int, int) {
	off = min(max(off, 0), len(r.doc))
	c := &r.at
	if off < c.off {
		*c = cursor{line: 1, col: 1}
	}
	from := c.off
	for i := from; i < off; {
		k := strings.IndexAny(r.doc[i:off], "\r\n")
		if k < 0 {
			break
		}
		i += k + 1
		if r.doc[i-1] == '\r' && i < len(r.doc) && r.doc[i] == '\n' {
			continue // CR LF: the LF ends the line
		}
		c.line++
		from, c.col = i, 1
	}
	c.col += utf8.RuneCountInString(r.doc[from:off])
	r.walked += off - c.off
	c.off = off
	return c.line, c.col
}

// text adds the raw text token raw, at offset start of doc.
func (r *reader) text(raw string, start int) {
	for len(raw) > 0 {
		// One source line at a time: entities never span lines.
		seg := raw
		if i := strings.IndexAny(raw, "\r\n"); i >= 0 {
			seg = raw[:i]
		}
		body := strings.TrimLeft(seg, " \t\f")
		if r.cur == nil {
			// Before a paragraph's first character, &nbsp; and other
			// spaces are dropped here, where their width in the page is
			// known, so that its first LineStart is where its text is.
			body = body[leadSpace(body):]
		}
		if len(body) < len(seg) {
			r.space = true
		}
		if body != "" {
			bodyOff := start + len(seg) - len(body)
			if k := leadSpace(body); r.forceLine && k > 0 && k < len(body) {
				// The text after a leading sup may lose what is before
				// it (a note's mark): it starts a LineStart of its own
				// after the spaces, whose width in the page differs.
				r.words(html.UnescapeString(body[:k]), bodyOff)
				r.forceLine = true
				body, bodyOff = body[k:], bodyOff+k
			}
			r.words(html.UnescapeString(body), bodyOff)
		}
		n := len(seg)
		if n < len(raw) {
			r.space, r.brk = true, true
			n++
		}
		raw, start = raw[n:], start+n
	}
}

// leadSpace returns the bytes of raw text s that are white space,
// literal or as character references (&nbsp;, &#160;, &#x3000;).
func leadSpace(s string) int {
	n := 0
	for n < len(s) {
		rest := s[n:]
		if c, size := utf8.DecodeRuneInString(rest); unicode.IsSpace(c) {
			n += size
			continue
		}
		if rest[0] != '&' {
			break
		}
		end := strings.IndexByte(rest, ';')
		if end < 0 || end > 10 {
			break
		}
		ref := html.UnescapeString(rest[:end+1])
		if ref == rest[:end+1] || strings.TrimLeftFunc(ref, unicode.IsSpace) != "" {
			break
		}
		n += end + 1
	}
	return n
}

// words adds text s, which has no line break and starts with no white
// space, found at offset off of doc.
func (r *reader) words(s string, off int) {
	// Trailing white space becomes pending.
	trimmed := strings.TrimRight(s, " \t\f")
	trail := len(trimmed) < len(s)
	if trimmed == "" {
		r.space = r.space || trail
		return
	}
	if !r.charge(trimmed) {
		return
	}
	first, _ := utf8.DecodeRuneInString(trimmed)
	line, col := r.pos(off)
	if r.cur == nil {
		top := r.top()
		r.cur = &extract.Paragraph{Lang: top.lang, Note: top.note}
		r.b.Reset()
		r.cm = meta{}
		if r.markOwner >= 0 {
			r.cm.mark = r.mark
			r.mark, r.markOwner = "", -1
		}
		if r.label.owner >= 0 {
			if r.label.text != "" && r.charge(r.label.text) {
				// The label the browser draws is not in the page: it maps
				// to the li tag, the text after it to where it is.
				r.cur.Lines = append(r.cur.Lines, extract.LineStart{Off: 0, Line: r.label.line, Col: r.label.col})
				r.b.WriteString(r.label.text)
				r.b.WriteByte(' ')
				r.cm.labelEnd, r.cm.labelMark = r.b.Len(), r.label.mark
				r.forceLine = true
			}
			r.label = pending{owner: -1}
		}
	} else if r.space {
		if !(r.brk && isHan(r.lastRune) && isHan(first)) {
			r.b.WriteByte(' ')
		}
	}
	r.space, r.brk = false, false
	if n := len(r.cur.Lines); n == 0 || r.forceLine || line > r.cur.Lines[n-1].Line {
		r.cur.Lines = append(r.cur.Lines, extract.LineStart{Off: r.b.Len(), Line: line, Col: col})
		r.forceLine = false
	}
	holder := r.parent(len(r.stack))
	holder.text, holder.dText = true, true
	// Runs of white space inside the line collapse to one space.
	prevSpace := false
	for _, c := range trimmed {
		if c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' {
			if !prevSpace {
				r.b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		r.b.WriteRune(c)
	}
	r.lastRune, _ = utf8.DecodeLastRuneInString(trimmed)
	r.space = trail
}

func (r *reader) flush() {
	if r.cur != nil {
		// Trim white space other than ASCII (no-break spaces from
		// &nbsp;, U+3000) as extract.Split does, keeping Lines right.
		t := r.b.String()
		lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		t = strings.TrimSpace(t)
		var lines []extract.LineStart
		for _, ls := range r.cur.Lines {
			ls.Off = max(0, ls.Off-lead)
			if ls.Off < len(t) && (len(lines) == 0 || ls.Off > lines[len(lines)-1].Off) {
				lines = append(lines, ls)
			}
		}
		if t != "" && r.err == nil {
			r.err = r.count.AddParagraph()
		}
		if t != "" && r.err == nil {
			r.cur.Text, r.cur.Lines = t, lines
			m := r.cm
			shift := func(o int) int { return min(len(t), max(0, o-lead)) }
			m.labelEnd, m.supStart, m.supEnd = shift(m.labelEnd), shift(m.supStart), shift(m.supEnd)
			r.out = append(r.out, *r.cur)
			r.meta = append(r.meta, m)
			if r.cur.Note {
				r.noteify(len(r.out) - 1)
			}
		}
		r.cur = nil
		r.b.Reset()
		r.cm = meta{}
	}
	r.space, r.brk, r.forceLine = false, false, false
}

// normLang returns the primary subtag of a language tag, lower-cased.
func normLang(l string) string {
	l = strings.TrimSpace(l)
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return strings.ToLower(l)
}

// isHan is extract's notion: Han, kana, CJK punctuation and full-width
// forms, between which a line break adds no space.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF65)
}
