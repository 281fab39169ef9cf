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
// form controls, header, footer and aside outside article, section and
// main, elements with the hidden attribute, aria-hidden="true",
// style="display:none" or role navigation, banner or contentinfo, and
// comments. Footnotes and endnotes (role doc-footnote or doc-endnote, or
// a class containing "footnote" or "endnote") are paragraphs with Note
// set. Each paragraph's Lang is the primary subtag, lower-cased, of its
// nearest lang or xml:lang.
//
// Lines ties each paragraph to the page: a LineStart for its first
// character and for the first character of each later source line of its
// text, with 1-based line and column (in runes) of the decoded page.
package htmltext

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
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
	r := &reader{doc: s, maxDepth: max}
	r.lineIndex()
	if err := r.run(); err != nil {
		return nil, err
	}
	if len(r.out) == 0 {
		return nil, fmt.Errorf("%w (no text in the HTML page)", extract.ErrEmpty)
	}
	return r.out, nil
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
		if err == nil || !strings.Contains(err.Error(), "unknown encoding") {
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
			return "", fmt.Errorf("%w: %s: %v", extract.ErrEncoding, name, err)
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
	drop bool   // inside dropped content
	main bool   // inside article, section or main
}

type reader struct {
	doc      string
	lines    []int // offsets of line starts in doc
	maxDepth int
	stack    []elem
	out      []extract.Paragraph
	cur      *extract.Paragraph
	b        strings.Builder
	space    bool // white space pending before the next text
	brk      bool // the pending white space holds a line break
	lastLine int
	lastRune rune
	curLang  string
	curNote  bool
}

func (r *reader) lineIndex() {
	r.lines = []int{0}
	for i := 0; i < len(r.doc); i++ {
		switch r.doc[i] {
		case '\n':
			r.lines = append(r.lines, i+1)
		case '\r':
			if i+1 < len(r.doc) && r.doc[i+1] == '\n' {
				continue
			}
			r.lines = append(r.lines, i+1)
		}
	}
}

// pos returns the 1-based line and column (in runes) of byte off of doc.
func (r *reader) pos(off int) (int, int) {
	k := sort.Search(len(r.lines), func(i int) bool { return r.lines[i] > off }) - 1
	return k + 1, 1 + utf8.RuneCountInString(r.doc[r.lines[k]:off])
}

func (r *reader) top() elem {
	if len(r.stack) == 0 {
		return elem{}
	}
	return r.stack[len(r.stack)-1]
}

func (r *reader) run() error {
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
				return fmt.Errorf("%w: HTML: %v", extract.ErrCorrupt, err)
			}
			r.flush()
			return nil
		case html.TextToken:
			if !r.top().drop {
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
			if err := r.start(tag, attrs, tt == html.SelfClosingTagToken); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			r.end(string(name))
		}
	}
}

func (r *reader) boundary() { r.flush() }

func (r *reader) start(tag string, attrs map[string]string, selfClosing bool) error {
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
	if voids[tag] || selfClosing && !blocks[tag] {
		return nil
	}
	parent := r.top()
	e := elem{tag: tag, lang: parent.lang, note: parent.note, drop: parent.drop, main: parent.main}
	if l, ok := attrs["lang"]; ok {
		e.lang = normLang(l)
	} else if l, ok := attrs["xml:lang"]; ok {
		e.lang = normLang(l)
	}
	role := strings.ToLower(attrs["role"])
	class := strings.ToLower(attrs["class"])
	if role == "doc-footnote" || role == "doc-endnote" || strings.Contains(class, "footnote") || strings.Contains(class, "endnote") {
		e.note = true
	}
	_, hidden := attrs["hidden"]
	style := strings.ReplaceAll(strings.ToLower(attrs["style"]), " ", "")
	switch {
	case dropped[tag], hidden, strings.EqualFold(attrs["aria-hidden"], "true"),
		strings.Contains(style, "display:none"),
		role == "navigation" || role == "banner" || role == "contentinfo" || role == "search",
		(tag == "header" || tag == "footer" || tag == "aside") && !e.main && !e.note:
		e.drop = true
	}
	if tag == "article" || tag == "section" || tag == "main" || role == "main" {
		e.main = true
	}
	if selfClosing {
		return nil
	}
	if len(r.stack) >= r.maxDepth {
		return fmt.Errorf("%w: HTML elements nested more than %d deep", extract.ErrLimit, r.maxDepth)
	}
	r.stack = append(r.stack, e)
	return nil
}

// closeImplied pops the open elements a start tag ends: the nearest of
// ends, and everything above it, when found before one of stops.
func (r *reader) closeImplied(ends, stops []string) {
	for i := len(r.stack) - 1; i >= 0; i-- {
		t := r.stack[i].tag
		if slices.Contains(ends, t) {
			r.popTo(i)
			return
		}
		if slices.Contains(stops, t) {
			return
		}
	}
}

func (r *reader) popTo(i int) {
	for k := len(r.stack) - 1; k >= i; k-- {
		if blocks[r.stack[k].tag] {
			r.boundary()
		}
	}
	r.stack = r.stack[:i]
}

func (r *reader) end(tag string) {
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i].tag == tag {
			r.popTo(i)
			return
		}
		// An end tag does not close past a table cell or list item it
		// is not in.
		if t := r.stack[i].tag; (t == "td" || t == "th" || t == "table") && tag != "tr" && tag != "table" && tag != "tbody" && tag != "thead" && tag != "tfoot" {
			return
		}
	}
	if blocks[tag] {
		r.boundary() // a stray end tag of a block still ends the text
	}
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
		if len(body) < len(seg) {
			r.space = true
		}
		if body != "" {
			bodyOff := start + len(seg) - len(body)
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
	first, _ := utf8.DecodeRuneInString(trimmed)
	line, col := r.pos(off)
	if r.cur == nil {
		top := r.top()
		r.cur = &extract.Paragraph{Lang: top.lang, Note: top.note}
		r.b.Reset()
	} else if r.space {
		if !(r.brk && isHan(r.lastRune) && isHan(first)) {
			r.b.WriteByte(' ')
		}
	}
	r.space, r.brk = false, false
	if len(r.cur.Lines) == 0 || line > r.cur.Lines[len(r.cur.Lines)-1].Line {
		r.cur.Lines = append(r.cur.Lines, extract.LineStart{Off: r.b.Len(), Line: line, Col: col})
	}
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
		if t != "" {
			r.cur.Text, r.cur.Lines = t, lines
			r.out = append(r.out, *r.cur)
		}
		r.cur = nil
		r.b.Reset()
	}
	r.space, r.brk = false, false
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
