package htmltext

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Stylesheets: the list numbering a page sets in its <style> elements.
// This is a small CSS reader, not a CSS engine: it keeps the rules that
// set list-style-type (or list-style) and the @counter-style rules, and
// matches the rules' selectors against the open elements. The package
// comment says what it reads and what it leaves.

// Bounds on the work a page's stylesheets can cause.
const (
	maxSheetBytes    = 1 << 20 // of all <style> text read; a rule cut off at the limit is dropped
	maxSheetRules    = 4096    // selectors kept, of rules that set list-style-type
	maxCounterStyles = 512     // @counter-style rules kept
	maxCompounds     = 32      // compound selectors in a selector; a longer one never matches
	maxPreludeTokens = 2048    // tokens of a rule's selector list; a longer list is dropped
	maxValueTokens   = 1024    // tokens of a declaration value; a longer one is dropped
	maxNesting       = 16      // @media, @supports and @layer blocks in one another
	maxSymbols       = 256     // symbols of a counter style
	maxMatchSteps    = 1 << 23 // compound selectors tried against elements, per page
)

// sheet is what the page's stylesheets say about list numbering.
type sheet struct {
	rules  []sheetRule              // in the order of the page
	styles map[string]*counterDef   // @counter-style rules by name
	cache  map[string]*counterStyle // styles resolved
	steps  int                      // of matching left
}

// sheetRule is one selector of a rule that sets list-style-type, with
// the value set.
type sheetRule struct {
	sel       selector
	value     string // a list-style-type value (see listTypeValue)
	important bool
	order     int
}

func (s *sheet) hasRules() bool { return s != nil && len(s.rules) > 0 }

// readSheets returns what the <style> elements of the page say about list
// numbering, or nil if it has none that does. Style elements in a
// template, and those whose type is not CSS, are not read; neither are
// external stylesheets (<link>, @import).
func readSheets(doc string) *sheet {
	if !hasStyleTag(doc) {
		return nil
	}
	var texts []string
	z := html.NewTokenizer(strings.NewReader(doc))
	template, total := 0, 0
	for total < maxSheetBytes {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return parseSheets(texts)
		case html.StartTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "template":
				template++
			case "style":
				typ := ""
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					if string(k) == "type" {
						typ = strings.ToLower(strings.TrimSpace(string(v)))
					}
				}
				if z.Next() != html.TextToken {
					continue // an empty style element
				}
				if template == 0 && (typ == "" || typ == "text/css") {
					texts = append(texts, string(z.Text()))
					total += len(texts[len(texts)-1])
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "template" && template > 0 {
				template--
			}
		}
	}
	return parseSheets(texts) // the rest is beyond maxSheetBytes
}

// hasStyleTag reports whether doc holds "<style", in any case.
func hasStyleTag(doc string) bool {
	for i := 0; ; {
		k := strings.IndexByte(doc[i:], '<')
		if k < 0 {
			return false
		}
		i += k + 1
		if len(doc)-i >= 5 && strings.EqualFold(doc[i:i+5], "style") {
			return true
		}
	}
}

// parseSheets reads the text of each style element as a stylesheet of
// its own, maxSheetBytes of them in all.
func parseSheets(texts []string) *sheet {
	s := &sheet{styles: map[string]*counterDef{}, steps: maxMatchSteps}
	left := maxSheetBytes
	order := 0
	for _, t := range texts {
		if left <= 0 {
			break
		}
		cut := false
		if len(t) > left {
			t, cut = t[:left], true
			for k := 0; k < 3 && len(t) > 0; k++ { // not in the middle of a character
				if c, size := utf8.DecodeLastRuneInString(t); c != utf8.RuneError || size > 1 {
					break
				}
				t = t[:len(t)-1]
			}
		}
		left -= len(t)
		p := &cssParser{tz: cssTokenizer{s: t}, sh: s, cut: cut, order: order}
		p.ruleList(0, false)
		order = p.order
	}
	if len(s.rules) == 0 && len(s.styles) == 0 {
		return nil
	}
	return s
}

// CSS tokens (CSS Syntax Level 3, §4), as far as this reader needs them.

type tokKind uint8

const (
	tEOF tokKind = iota
	tWS
	tIdent
	tFunc // text is the name; the "(" is part of it
	tAt
	tHash
	tString
	tBadString
	tURL
	tNumber
	tPercent
	tDim
	tDelim
	tColon
	tSemi
	tComma
	tLBrack
	tRBrack
	tLParen
	tRParen
	tLBrace
	tRBrace
	tCDO
	tCDC
)

type token struct {
	kind  tokKind
	text  string // the value of an ident, function, at-keyword, hash, string, url, dimension's unit
	delim rune
	num   int64 // a number's integer value, saturated at ±2⁴⁰
	isInt bool  // a number without fraction or exponent
	id    bool  // a hash that is an identifier: #x, not #1
}

type cssTokenizer struct {
	s string
	i int
}

// at returns the character at byte offset off from the current one, and
// its size; -1 at the end. NUL is U+FFFD, and CR and FF are line feeds,
// as CSS preprocesses them (a CR LF pair is two line feeds here: only the
// count of white space differs).
func (t *cssTokenizer) at(off int) (rune, int) {
	i := t.i + off
	if i >= len(t.s) {
		return -1, 0
	}
	c := t.s[i]
	switch {
	case c == 0:
		return utf8.RuneError, 1
	case c == '\r' || c == '\f':
		return '\n', 1
	case c < utf8.RuneSelf:
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.s[i:])
}

// char returns the n-th character after the current one (0 for the
// current one).
func (t *cssTokenizer) char(n int) rune {
	off := 0
	for ; n > 0; n-- {
		_, size := t.at(off)
		if size == 0 {
			return -1
		}
		off += size
	}
	c, _ := t.at(off)
	return c
}

func (t *cssTokenizer) advance() rune {
	c, size := t.at(0)
	t.i += size
	return c
}

func isCSSSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' }
func isDigit(c rune) bool    { return c >= '0' && c <= '9' }
func isHex(c rune) bool      { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isNameStart(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}
func isName(c rune) bool { return isNameStart(c) || isDigit(c) || c == '-' }

func validEscape(c0, c1 rune) bool { return c0 == '\\' && c1 != '\n' && c1 != -1 }

func startsIdent(c0, c1, c2 rune) bool {
	switch {
	case c0 == '-':
		return isNameStart(c1) || c1 == '-' || validEscape(c1, c2)
	case isNameStart(c0):
		return true
	}
	return validEscape(c0, c1)
}

func startsNumber(c0, c1, c2 rune) bool {
	switch {
	case c0 == '+' || c0 == '-':
		return isDigit(c1) || c1 == '.' && isDigit(c2)
	case c0 == '.':
		return isDigit(c1)
	}
	return isDigit(c0)
}

// escape reads an escape after its backslash.
func (t *cssTokenizer) escape() rune {
	c := t.advance()
	if c == -1 {
		return utf8.RuneError
	}
	if !isHex(c) {
		return c
	}
	v := hexVal(c)
	for n := 1; n < 6 && isHex(t.char(0)); n++ {
		v = v*16 + hexVal(t.advance())
	}
	if isCSSSpace(t.char(0)) {
		t.advance()
	}
	if v == 0 || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return utf8.RuneError
	}
	return rune(v)
}

func hexVal(c rune) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

func (t *cssTokenizer) name() string {
	var b strings.Builder
	for {
		c0, c1 := t.char(0), t.char(1)
		switch {
		case isName(c0):
			b.WriteRune(t.advance())
		case validEscape(c0, c1):
			t.advance()
			b.WriteRune(t.escape())
		default:
			return b.String()
		}
	}
}

func (t *cssTokenizer) comments() {
	for strings.HasPrefix(t.s[t.i:], "/*") {
		if k := strings.Index(t.s[t.i+2:], "*/"); k >= 0 {
			t.i += 2 + k + 2
		} else {
			t.i = len(t.s)
		}
	}
}

// next returns the next token; every token but tEOF takes at least one
// byte.
func (t *cssTokenizer) next() token {
	t.comments()
	c0, c1, c2 := t.char(0), t.char(1), t.char(2)
	switch {
	case c0 == -1:
		return token{kind: tEOF}
	case isCSSSpace(c0):
		for isCSSSpace(t.char(0)) {
			t.advance()
		}
		return token{kind: tWS}
	case c0 == '"' || c0 == '\'':
		t.advance()
		return t.str(c0)
	case c0 == '#':
		if isName(c1) || validEscape(c1, c2) {
			t.advance()
			id := startsIdent(t.char(0), t.char(1), t.char(2))
			return token{kind: tHash, text: t.name(), id: id}
		}
	case c0 == '(':
		t.advance()
		return token{kind: tLParen}
	case c0 == ')':
		t.advance()
		return token{kind: tRParen}
	case c0 == '[':
		t.advance()
		return token{kind: tLBrack}
	case c0 == ']':
		t.advance()
		return token{kind: tRBrack}
	case c0 == '{':
		t.advance()
		return token{kind: tLBrace}
	case c0 == '}':
		t.advance()
		return token{kind: tRBrace}
	case c0 == ',':
		t.advance()
		return token{kind: tComma}
	case c0 == ':':
		t.advance()
		return token{kind: tColon}
	case c0 == ';':
		t.advance()
		return token{kind: tSemi}
	case startsNumber(c0, c1, c2):
		return t.numeric()
	case c0 == '-' && c1 == '-' && c2 == '>':
		t.i += 3
		return token{kind: tCDC}
	case c0 == '<' && strings.HasPrefix(t.s[t.i:], "<!--"):
		t.i += 4
		return token{kind: tCDO}
	case c0 == '@':
		if startsIdent(c1, c2, t.char(3)) {
			t.advance()
			return token{kind: tAt, text: t.name()}
		}
	case startsIdent(c0, c1, c2):
		return t.identLike()
	}
	t.advance()
	return token{kind: tDelim, delim: c0}
}

func (t *cssTokenizer) str(quote rune) token {
	var b strings.Builder
	for {
		c := t.char(0)
		switch {
		case c == -1 || c == quote:
			t.advance()
			return token{kind: tString, text: b.String()}
		case c == '\n':
			return token{kind: tBadString}
		case c == '\\':
			t.advance()
			switch t.char(0) {
			case -1:
			case '\n':
				t.advance()
			default:
				b.WriteRune(t.escape())
			}
		default:
			b.WriteRune(t.advance())
		}
	}
}

func (t *cssTokenizer) numeric() token {
	tok := token{kind: tNumber, isInt: true}
	neg := false
	if c := t.char(0); c == '+' || c == '-' {
		neg = c == '-'
		t.advance()
	}
	for isDigit(t.char(0)) {
		if tok.num < 1<<40 {
			tok.num = tok.num*10 + int64(t.advance()-'0')
		} else {
			t.advance()
		}
	}
	if t.char(0) == '.' && isDigit(t.char(1)) {
		tok.isInt = false
		t.advance()
		for isDigit(t.char(0)) {
			t.advance()
		}
	}
	if c := t.char(0); c == 'e' || c == 'E' {
		c1, c2 := t.char(1), t.char(2)
		if isDigit(c1) || (c1 == '+' || c1 == '-') && isDigit(c2) {
			tok.isInt = false
			t.advance()
			t.advance()
			for isDigit(t.char(0)) {
				t.advance()
			}
		}
	}
	if neg {
		tok.num = -tok.num
	}
	switch {
	case startsIdent(t.char(0), t.char(1), t.char(2)):
		tok.kind, tok.text = tDim, t.name()
	case t.char(0) == '%':
		t.advance()
		tok.kind = tPercent
	}
	return tok
}

func (t *cssTokenizer) identLike() token {
	name := t.name()
	if t.char(0) != '(' {
		return token{kind: tIdent, text: name}
	}
	t.advance()
	if !strings.EqualFold(name, "url") {
		return token{kind: tFunc, text: name}
	}
	for isCSSSpace(t.char(0)) {
		t.advance()
	}
	if c := t.char(0); c == '"' || c == '\'' {
		return token{kind: tFunc, text: name}
	}
	// An unquoted url: to the ")", escapes read, as one token.
	var b strings.Builder
	for {
		c := t.char(0)
		switch {
		case c == -1:
			return token{kind: tURL, text: b.String()}
		case c == ')':
			t.advance()
			return token{kind: tURL, text: b.String()}
		case c == '\\' && validEscape(c, t.char(1)):
			t.advance()
			b.WriteRune(t.escape())
		default:
			b.WriteRune(t.advance())
		}
	}
}

// Parsing (CSS Syntax Level 3, §5), streaming: a rule's prelude and a
// declaration's value are the only tokens kept.

type cssParser struct {
	tz     cssTokenizer
	peeked bool
	look   token
	sh     *sheet
	cut    bool // the text was cut at maxSheetBytes: a rule it ends in is dropped
	order  int
}

func (p *cssParser) peek() token {
	if !p.peeked {
		p.look, p.peeked = p.tz.next(), true
	}
	return p.look
}

func (p *cssParser) next() token {
	t := p.peek()
	p.peeked = false
	return t
}

// closer returns the token that ends the block t opens, or tEOF if t
// opens none.
func closer(t tokKind) tokKind {
	switch t {
	case tLBrace:
		return tRBrace
	case tLBrack:
		return tRBrack
	case tLParen, tFunc:
		return tRParen
	}
	return tEOF
}

// values reads component values up to, at the top level, a token of one
// of the kinds stop (not read) or the end. It returns at most limit
// tokens, and whether there were more.
func (p *cssParser) values(limit int, stop ...tokKind) ([]token, bool) {
	var out []token
	var open []tokKind // the closers of the blocks open
	over := false
	for {
		t := p.peek()
		if t.kind == tEOF {
			return out, over
		}
		if len(open) == 0 {
			for _, k := range stop {
				if t.kind == k {
					return out, over
				}
			}
		}
		p.next()
		switch {
		case len(open) > 0 && t.kind == open[len(open)-1]:
			open = open[:len(open)-1]
		case closer(t.kind) != tEOF:
			open = append(open, closer(t.kind))
		}
		if len(out) < limit {
			out = append(out, t)
		} else {
			over = true
		}
	}
}

// skipBlock reads to the end of the block whose opening token was read,
// its closing token included; it reports whether that was found.
func (p *cssParser) skipBlock(end tokKind) bool {
	p.values(0, end)
	return p.next().kind == end
}

// ruleList reads rules to the end, or, nested, to the "}" that closes the
// block (read).
func (p *cssParser) ruleList(depth int, nested bool) {
	for {
		t := p.peek()
		switch {
		case t.kind == tEOF:
			return
		case t.kind == tRBrace && nested:
			p.next()
			return
		case t.kind == tWS || t.kind == tCDO || t.kind == tCDC || t.kind == tSemi && nested:
			p.next()
		case t.kind == tAt:
			p.atRule(depth, nested)
		default:
			p.styleRule(nested)
		}
	}
}

func (p *cssParser) atRule(depth int, nested bool) {
	name := strings.ToLower(p.next().text)
	stops := []tokKind{tSemi, tLBrace}
	if nested {
		stops = append(stops, tRBrace)
	}
	prelude, over := p.values(maxPreludeTokens, stops...)
	switch p.peek().kind {
	case tSemi:
		p.next()
		return
	case tLBrace:
		p.next()
	default: // the end, or the "}" of the block around
		return
	}
	switch name {
	case "media", "supports", "layer":
		// Read as if their condition held: list numbering rarely
		// depends on the medium, and the page is read once.
		if depth < maxNesting {
			p.ruleList(depth+1, true)
			return
		}
	case "counter-style":
		var names []token
		for _, t := range prelude {
			if t.kind != tWS {
				names = append(names, t)
			}
		}
		decls, closed := p.declarations()
		if !closed && p.cut || over || len(names) != 1 || names[0].kind != tIdent {
			return
		}
		p.counterStyle(names[0].text, decls)
		return
	}
	p.skipBlock(tRBrace)
}

func (p *cssParser) styleRule(nested bool) {
	stops := []tokKind{tLBrace}
	if nested {
		stops = append(stops, tRBrace)
	}
	prelude, over := p.values(maxPreludeTokens, stops...)
	if p.peek().kind != tLBrace {
		return // the end, or a "}" that closes the block around
	}
	p.next()
	decls, closed := p.declarations()
	if !closed && p.cut || over {
		return
	}
	var norm, imp string
	for _, d := range decls {
		var v string
		var ok bool
		switch d.name {
		case "list-style-type":
			v, ok = listTypeValue(d.value)
		case "list-style":
			v, ok = listShorthandValue(d.value)
		}
		switch {
		case !ok:
		case d.important:
			imp = v
		default:
			norm = v
		}
	}
	if norm == "" && imp == "" {
		return
	}
	sels, ok := parseSelectors(prelude)
	if !ok {
		return // an invalid selector drops the rule, as in CSS
	}
	p.order++
	for _, sel := range sels {
		for _, v := range []struct {
			v   string
			imp bool
		}{{norm, false}, {imp, true}} {
			if v.v != "" && !sel.never && len(p.sh.rules) < maxSheetRules {
				p.sh.rules = append(p.sh.rules, sheetRule{sel: sel, value: v.v, important: v.imp, order: p.order})
			}
		}
	}
}

// decl is a declaration: its name lower-cased, its value without white
// space around it or !important.
type decl struct {
	name      string
	value     []token
	important bool
}

// declarations reads a declaration list to the "}" that ends it (read);
// it reports whether that was found. Nested rules are skipped.
func (p *cssParser) declarations() ([]decl, bool) {
	var out []decl
	for {
		t := p.peek()
		switch t.kind {
		case tEOF:
			return out, false
		case tRBrace:
			p.next()
			return out, true
		case tWS, tSemi:
			p.next()
		case tIdent:
			p.next()
			for p.peek().kind == tWS {
				p.next()
			}
			if p.peek().kind != tColon {
				p.skipStatement()
				continue
			}
			p.next()
			v, over := p.values(maxValueTokens, tSemi, tRBrace)
			if over {
				continue
			}
			d := decl{name: strings.ToLower(t.text)}
			d.value, d.important = importance(trimWS(v))
			out = append(out, d)
		default:
			p.skipStatement()
		}
	}
}

// skipStatement reads what is not a declaration: to a ";" (read) or a
// "}" (not read) at the top level, or to the end of a {} block there (a
// nested rule).
func (p *cssParser) skipStatement() {
	for {
		switch t := p.peek(); t.kind {
		case tEOF, tRBrace:
			return
		case tSemi:
			p.next()
			return
		case tLBrace:
			p.next()
			p.skipBlock(tRBrace)
			return
		default:
			p.next()
			if c := closer(t.kind); c != tEOF {
				p.skipBlock(c)
			}
		}
	}
}

func trimWS(v []token) []token {
	for len(v) > 0 && v[0].kind == tWS {
		v = v[1:]
	}
	for len(v) > 0 && v[len(v)-1].kind == tWS {
		v = v[:len(v)-1]
	}
	return v
}

// importance cuts a trailing !important off a declaration value.
func importance(v []token) ([]token, bool) {
	n := len(v)
	if n >= 2 && v[n-1].kind == tIdent && strings.EqualFold(v[n-1].text, "important") {
		k := n - 2
		for k >= 0 && v[k].kind == tWS {
			k--
		}
		if k >= 0 && v[k].kind == tDelim && v[k].delim == '!' {
			return trimWS(v[:k]), true
		}
	}
	return v, false
}

// components splits a value into its top-level component values: a
// function or block with its contents is one. White space is dropped.
func components(v []token) [][]token {
	var out [][]token
	for i := 0; i < len(v); {
		if v[i].kind == tWS {
			i++
			continue
		}
		j := i + 1
		if c := closer(v[i].kind); c != tEOF {
			var open []tokKind
			open = append(open, c)
			for ; j < len(v) && len(open) > 0; j++ {
				switch {
				case v[j].kind == open[len(open)-1]:
					open = open[:len(open)-1]
				case closer(v[j].kind) != tEOF:
					open = append(open, closer(v[j].kind))
				}
			}
		}
		out = append(out, v[i:j])
		i = j
	}
	return out
}

// cssWide are the keywords every property takes.
var cssWide = map[string]bool{"inherit": true, "initial": true, "unset": true, "revert": true, "revert-layer": true}

// identValue is a list-style-type keyword or counter style name as the
// cascade keeps it: keywords and predefined names lower-cased, custom
// names as written (they are case-sensitive).
func identValue(s string) string {
	if l := strings.ToLower(s); cssWide[l] || l == "none" || predefined[l] != nil {
		return l
	}
	return s
}

// listTypeValue reads a list-style-type value: a counter style name or
// keyword, or "none" for a string (a marker that is not a number). A
// symbols() function, var() and anything else are not read: false.
func listTypeValue(v []token) (string, bool) {
	c := components(v)
	if len(c) != 1 || len(c[0]) != 1 {
		return "", false
	}
	switch t := c[0][0]; t.kind {
	case tIdent:
		return identValue(t.text), true
	case tString:
		return "none", true
	}
	return "", false
}

// listShorthandValue reads the list-style-type a list-style value sets:
// its type, "none" for none (when no type is given: a none with a type
// is the image), or the initial disc, the shorthand resetting what it
// does not name.
func listShorthandValue(v []token) (string, bool) {
	c := components(v)
	if len(c) == 0 {
		return "", false
	}
	if len(c) == 1 && len(c[0]) == 1 && c[0][0].kind == tIdent {
		if l := strings.ToLower(c[0][0].text); cssWide[l] {
			return l, true
		}
	}
	typ, pos, img, nones := "", false, false, 0
	for _, comp := range c {
		t := comp[0]
		switch {
		case len(comp) == 1 && t.kind == tIdent:
			switch l := strings.ToLower(t.text); {
			case l == "inside" || l == "outside":
				if pos {
					return "", false
				}
				pos = true
			case l == "none":
				nones++
			case cssWide[l] || typ != "":
				return "", false
			default:
				typ = identValue(t.text)
			}
		case len(comp) == 1 && t.kind == tString:
			if typ != "" {
				return "", false
			}
			typ = "none"
		case t.kind == tURL || t.kind == tFunc && !strings.EqualFold(t.text, "symbols") && !strings.EqualFold(t.text, "var"):
			if img {
				return "", false
			}
			img = true
		default:
			return "", false
		}
	}
	switch {
	case nones > 2 || nones == 2 && (typ != "" || img) || nones == 1 && typ != "" && img:
		return "", false
	case nones > 0 && typ == "":
		typ = "none"
	case typ == "":
		typ = "disc"
	}
	return typ, true
}

// inlineListStyle returns the list-style-type an inline style attribute
// sets, without and with !important ("" for none set); later
// declarations win.
func inlineListStyle(style string) (normal, important string) {
	if !containsFold(style, "list-style") {
		return "", ""
	}
	p := &cssParser{tz: cssTokenizer{s: style}}
	for {
		decls, closed := p.declarations()
		for _, d := range decls {
			var v string
			var ok bool
			switch d.name {
			case "list-style-type":
				v, ok = listTypeValue(d.value)
			case "list-style":
				v, ok = listShorthandValue(d.value)
			}
			switch {
			case !ok:
			case d.important:
				important = v
			default:
				normal = v
			}
		}
		if !closed {
			return normal, important
		}
		// A stray "}" ends nothing in a style attribute: read on.
	}
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// Selectors.

// attrSel is an attribute selector: [name], [name=val], [name~=val] ….
type attrSel struct {
	name, op, val string // op "" for presence, else "=", "~=", "|=", "^=", "$=", "*="
	fold          bool   // the value compares without case
}

// compound is a compound selector and the combinator before it.
type compound struct {
	tag     string // lower-case; "" for any
	id      string
	classes []string
	attrs   []attrSel
	comb    byte // ' ' descendant or '>' child: how it relates to the compound before it
}

// selector is a complex selector. never marks one that uses what this
// reader does not match (pseudo-classes and pseudo-elements, sibling
// combinators, namespaces, too many compounds): it matches nothing.
type selector struct {
	parts []compound
	spec  int // specificity: ids, classes, types, 10 bits each
	never bool
}

// parseSelectors reads a selector list; false if any selector of it is
// invalid (which drops the rule in CSS).
func parseSelectors(toks []token) ([]selector, bool) {
	var out []selector
	depth, start := 0, 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) {
			switch k := toks[i].kind; {
			case closer(k) != tEOF:
				depth++
				continue
			case k == tRParen || k == tRBrack || k == tRBrace:
				depth--
				continue
			case k != tComma || depth > 0:
				continue
			}
		}
		sel, ok := parseSelector(trimWS(toks[start:i]))
		if !ok {
			return nil, false
		}
		out = append(out, sel)
		start = i + 1
	}
	return out, true
}

func parseSelector(toks []token) (selector, bool) {
	var sel selector
	if len(toks) == 0 {
		return sel, false
	}
	var ids, classes, types int
	comb := byte(0)
	for i := 0; ; {
		c, n, never, ok := parseCompound(toks[i:])
		if !ok {
			return sel, false
		}
		i += n
		sel.never = sel.never || never
		c.comb = comb
		if c.tag != "" {
			types++
		}
		if c.id != "" {
			ids++
		}
		classes += len(c.classes) + len(c.attrs)
		sel.parts = append(sel.parts, c)
		ws := false
		for i < len(toks) && toks[i].kind == tWS {
			i, ws = i+1, true
		}
		if i == len(toks) {
			break
		}
		switch t := toks[i]; {
		case t.kind == tDelim && t.delim == '>':
			comb = '>'
			i++
		case t.kind == tDelim && (t.delim == '+' || t.delim == '~'):
			comb, sel.never = '+', true
			i++
		case t.kind == tDelim && t.delim == '|' && i+1 < len(toks) && toks[i+1].kind == tDelim && toks[i+1].delim == '|':
			comb, sel.never = '+', true
			i += 2
		case ws:
			comb = ' '
		default:
			return sel, false
		}
		for i < len(toks) && toks[i].kind == tWS {
			i++
		}
		if i == len(toks) {
			return sel, false // a combinator with nothing after it
		}
	}
	if len(sel.parts) > maxCompounds {
		sel.never = true
	}
	sel.spec = min(ids, 1023)<<20 | min(classes, 1023)<<10 | min(types, 1023)
	return sel, true
}

// parseCompound reads the compound selector toks start with: how many
// tokens it takes, whether it uses what is not matched here, and whether
// it is valid.
func parseCompound(toks []token) (c compound, n int, never, ok bool) {
	isDelim := func(i int, d rune) bool { return i < len(toks) && toks[i].kind == tDelim && toks[i].delim == d }
	isIdent := func(i int) bool { return i < len(toks) && toks[i].kind == tIdent }
	i := 0
	// A type selector, perhaps with a namespace (not matched): ns|li, *|li, |li.
	switch {
	case isDelim(0, '|') && (isIdent(1) || isDelim(1, '*')):
		never, i = true, 2
	case (isIdent(0) || isDelim(0, '*')) && isDelim(1, '|') && !isDelim(2, '|') && (isIdent(2) || isDelim(2, '*')):
		never, i = true, 3
	case isIdent(0):
		c.tag, i = strings.ToLower(toks[0].text), 1
	case isDelim(0, '*'):
		i = 1
	}
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.kind == tHash:
			if !t.id {
				return c, 0, false, false
			}
			c.id = t.text
			i++
		case t.kind == tDelim && t.delim == '.':
			if !isIdent(i + 1) {
				return c, 0, false, false
			}
			c.classes = append(c.classes, toks[i+1].text)
			i += 2
		case t.kind == tLBrack:
			a, k, nv, valid := parseAttr(toks[i+1:])
			if !valid {
				return c, 0, false, false
			}
			never = never || nv
			c.attrs = append(c.attrs, a)
			i += 1 + k
		case t.kind == tColon:
			// A pseudo-class or pseudo-element: valid, never matched here.
			i++
			if i < len(toks) && toks[i].kind == tColon {
				i++
			}
			switch {
			case isIdent(i):
				i++
			case i < len(toks) && toks[i].kind == tFunc:
				depth := 1
				for i++; i < len(toks) && depth > 0; i++ {
					switch k := toks[i].kind; {
					case closer(k) != tEOF:
						depth++
					case k == tRParen || k == tRBrack || k == tRBrace:
						depth--
					}
				}
				if depth > 0 {
					return c, 0, false, false
				}
			default:
				return c, 0, false, false
			}
			never = true
		default:
			return c, i, never, i > 0
		}
	}
	return c, i, never, i > 0
}

// parseAttr reads an attribute selector after its "[": how many tokens it
// takes, the "]" included.
func parseAttr(toks []token) (a attrSel, n int, never, ok bool) {
	i := 0
	ws := func() {
		for i < len(toks) && toks[i].kind == tWS {
			i++
		}
	}
	delim := func(d rune) bool { return i < len(toks) && toks[i].kind == tDelim && toks[i].delim == d }
	ws()
	if delim('|') || delim('*') || i+1 < len(toks) && toks[i+1].kind == tDelim && toks[i+1].delim == '|' &&
		!(i+2 < len(toks) && toks[i+2].kind == tDelim && toks[i+2].delim == '=') {
		never = true // a namespace: [ns|x], [*|x], [|x]
		for i < len(toks) && toks[i].kind != tRBrack {
			i++
		}
		if i == len(toks) {
			return a, 0, false, false
		}
		return a, i + 1, true, true
	}
	if i == len(toks) || toks[i].kind != tIdent {
		return a, 0, false, false
	}
	a.name = strings.ToLower(toks[i].text)
	i++
	ws()
	if i < len(toks) && toks[i].kind == tRBrack {
		return a, i + 1, false, true
	}
	switch {
	case delim('='):
		a.op = "="
		i++
	case delim('~') || delim('|') || delim('^') || delim('$') || delim('*'):
		a.op = string(toks[i].delim) + "="
		i++
		if !delim('=') {
			return a, 0, false, false
		}
		i++
	default:
		return a, 0, false, false
	}
	ws()
	if i == len(toks) || toks[i].kind != tIdent && toks[i].kind != tString {
		return a, 0, false, false
	}
	a.val = toks[i].text
	i++
	ws()
	if i < len(toks) && toks[i].kind == tIdent {
		switch strings.ToLower(toks[i].text) {
		case "i":
			a.fold = true
		case "s":
		default:
			return a, 0, false, false
		}
		i++
		ws()
	} else if foldAttrs[a.name] {
		a.fold = true
	}
	if i == len(toks) || toks[i].kind != tRBrack {
		return a, 0, false, false
	}
	return a, i + 1, false, true
}

// foldAttrs are attributes whose values a selector compares without case
// in an HTML page (HTML, §4.16.2, those that matter here).
var foldAttrs = map[string]bool{"type": true, "lang": true, "dir": true, "align": true, "valign": true,
	"rel": true, "rev": true, "charset": true, "clear": true, "compact": true, "nowrap": true, "scope": true}

// node is an element as selectors see it.
type node struct {
	tag, id string
	classes []string
	attrs   map[string]string
}

func newNode(tag string, attrs map[string]string) *node {
	return &node{tag: tag, id: attrs["id"], attrs: attrs, classes: strings.FieldsFunc(attrs["class"], func(c rune) bool {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
	})}
}

var (
	htmlNode = &node{tag: "html"}
	bodyNode = &node{tag: "body"}
)

func (c *compound) matches(n *node) bool {
	if c.tag != "" && c.tag != n.tag || c.id != "" && c.id != n.id {
		return false
	}
	for _, cl := range c.classes {
		found := false
		for _, have := range n.classes {
			if have == cl {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, a := range c.attrs {
		v, ok := n.attrs[a.name]
		if !ok || !a.matches(v) {
			return false
		}
	}
	return true
}

func (a attrSel) matches(v string) bool {
	want := a.val
	if a.fold {
		v, want = strings.ToLower(v), strings.ToLower(want)
	}
	switch a.op {
	case "":
		return true
	case "=":
		return v == want
	case "~=":
		if want == "" || strings.ContainsAny(want, " \t\n\f\r") {
			return false
		}
		for _, f := range strings.Fields(v) {
			if f == want {
				return true
			}
		}
		return false
	case "|=":
		return v == want || strings.HasPrefix(v, want+"-")
	case "^=":
		return want != "" && strings.HasPrefix(v, want)
	case "$=":
		return want != "" && strings.HasSuffix(v, want)
	case "*=":
		return want != "" && strings.Contains(v, want)
	}
	return false
}

// match reports whether sel matches the last element of chain (the
// element and its ancestors, the root first). Work beyond maxMatchSteps
// for the page matches nothing.
func (s *sheet) match(sel *selector, chain []*node) bool {
	if sel.never || len(chain) == 0 {
		return false
	}
	return s.matchAt(sel.parts, len(sel.parts)-1, chain, len(chain)-1)
}

func (s *sheet) matchAt(parts []compound, pi int, chain []*node, ci int) bool {
	if s.steps <= 0 {
		return false
	}
	s.steps--
	if !parts[pi].matches(chain[ci]) {
		return false
	}
	if pi == 0 {
		return true
	}
	if parts[pi].comb == '>' {
		return ci > 0 && s.matchAt(parts, pi-1, chain, ci-1)
	}
	for j := ci - 1; j >= 0 && s.steps > 0; j-- {
		if s.matchAt(parts, pi-1, chain, j) {
			return true
		}
	}
	return false
}

// The cascade of list-style-type for one element.

// rank orders the declarations that apply to an element: a presentational
// hint (the type attribute), the stylesheets, the inline style, then the
// stylesheets' !important ones and the inline style's.
type rank struct{ level, spec, order int }

func (a rank) beats(b rank) bool {
	if a.level != b.level {
		return a.level > b.level
	}
	if a.spec != b.spec {
		return a.spec > b.spec
	}
	return a.order > b.order
}

// declared returns the list-style-type value the page gives element e,
// whose selector chain (itself last) is chain (nil without stylesheet
// rules), and whether it gives one.
func (r *reader) declared(e *elem, chain []*node) (string, bool) {
	best, val := rank{level: -1}, ""
	if e.tag == "ol" || e.tag == "li" {
		if t, ok := typeStyle(e.attrs["type"]); ok {
			best, val = rank{level: 0}, t
		}
	}
	if chain != nil && r.sheet.hasRules() {
		for i := range r.sheet.rules {
			rl := &r.sheet.rules[i]
			rk := rank{level: 1, spec: rl.sel.spec, order: rl.order}
			if rl.important {
				rk.level = 3
			}
			if rk.beats(best) && r.sheet.match(&rl.sel, chain) {
				best, val = rk, rl.value
			}
		}
	}
	norm, imp := inlineListStyle(e.attrs["style"])
	if imp != "" {
		return imp, true
	}
	if norm != "" && best.level < 3 {
		return norm, true
	}
	return val, best.level >= 0
}

// styleOf sets and returns the computed list-style-type of element e,
// at index k of the stack (k = len(r.stack) for one not yet on it).
func (r *reader) styleOf(e *elem, k int) string {
	if e.lstDone {
		return e.lst
	}
	parent := r.computedAt(k - 1)
	var chain []*node
	if r.sheet.hasRules() {
		chain = r.chain(k, e)
	}
	ua := func() string {
		switch e.tag {
		case "ol":
			return "decimal"
		case "ul", "menu":
			return "disc"
		}
		return parent
	}
	v, ok := r.declared(e, chain)
	switch {
	case !ok:
		v = ua()
	case v == "inherit" || v == "unset":
		v = parent
	case v == "initial":
		v = "disc"
	case v == "revert" || v == "revert-layer":
		v = ua()
	}
	e.lst, e.lstDone = v, true
	return v
}

// computedAt returns the computed list-style-type of element i of the
// stack: disc (the initial value) above the root.
func (r *reader) computedAt(i int) string {
	j := i
	for j >= 0 && !r.stack[j].lstDone {
		j--
	}
	v := "disc"
	if j >= 0 {
		v = r.stack[j].lst
	}
	for k := j + 1; k <= i; k++ {
		v = r.styleOf(&r.stack[k], k)
	}
	return v
}

// chain returns the nodes of the elements from the root to e, at index k
// of the stack, with the html and body elements a browser adds when the
// page has none.
func (r *reader) chain(k int, e *elem) []*node {
	real := make([]*node, 0, k+1)
	body := false
	for i := 0; i <= k; i++ {
		el := e
		if i < k {
			el = &r.stack[i]
		}
		if el.nd == nil {
			el.nd = newNode(el.tag, el.attrs)
		}
		real = append(real, el.nd)
		body = body || el.tag == "body"
	}
	out := make([]*node, 0, len(real)+2)
	if len(real) > 0 && real[0].tag == "html" {
		out, real = append(out, real[0]), real[1:]
	} else {
		out = append(out, htmlNode)
	}
	if !body {
		out = append(out, bodyNode)
	}
	return append(out, real...)
}

// @counter-style rules (CSS Counter Styles Level 3).

// Counter style systems.
const (
	sysSymbolic = iota // the default
	sysCyclic
	sysFixed
	sysAlphabetic
	sysNumeric
	sysAdditive
	sysExtends
)

type addSym struct {
	weight int64
	sym    string
}

// rangeEnt is one range of a range descriptor, infinite ends as the
// int64 limits.
type rangeEnt struct{ lo, hi int64 }

// Descriptors a @counter-style rule gives.
const (
	hasSymbols = 1 << iota
	hasAdditive
	hasPrefix
	hasSuffix
	hasNegative
	hasRange
	hasPad
	hasFallback
)

// counterDef is a @counter-style rule as written: the descriptors it
// gives (has), the others zero.
type counterDef struct {
	system         int
	first          int64  // of a fixed system
	extends        string // of an extends system
	symbols        []string
	additive       []addSym
	prefix, suffix string
	negPre, negSuf string
	ranges         []rangeEnt // nil with hasRange: auto
	padN           int
	padSym         string
	fallback       string
	has            int
}

// reservedNames are what no @counter-style rule may define.
var reservedNames = map[string]bool{"none": true, "default": true, "decimal": true, "disc": true, "square": true,
	"circle": true, "disclosure-open": true, "disclosure-closed": true}

// counterStyle reads a @counter-style rule; an invalid descriptor is
// ignored, and a rule without the symbols its system needs defines
// nothing, as in CSS.
func (p *cssParser) counterStyle(name string, decls []decl) {
	name = identValue(name)
	if reservedNames[name] || cssWide[name] {
		return
	}
	d := &counterDef{}
	for _, dc := range decls {
		c := components(dc.value)
		switch dc.name {
		case "system":
			if len(c) == 0 || len(c[0]) != 1 || c[0][0].kind != tIdent {
				continue
			}
			sys := map[string]int{"cyclic": sysCyclic, "numeric": sysNumeric, "alphabetic": sysAlphabetic,
				"symbolic": sysSymbolic, "additive": sysAdditive, "fixed": sysFixed, "extends": sysExtends}
			s, ok := sys[strings.ToLower(c[0][0].text)]
			switch {
			case !ok:
			case len(c) == 1 && s != sysExtends:
				d.system, d.first = s, 1
			case len(c) == 2 && s == sysFixed && len(c[1]) == 1 && c[1][0].kind == tNumber && c[1][0].isInt:
				d.system, d.first = s, c[1][0].num
			case len(c) == 2 && s == sysExtends && len(c[1]) == 1 && c[1][0].kind == tIdent:
				if ext := identValue(c[1][0].text); ext != "none" && !cssWide[ext] {
					d.system, d.extends = s, ext
				}
			}
		case "symbols":
			var syms []string
			for _, comp := range c {
				s, ok := symbol(comp)
				if !ok {
					syms = nil
					break
				}
				syms = append(syms, s)
			}
			if len(syms) > 0 && len(syms) <= maxSymbols {
				d.symbols, d.has = syms, d.has|hasSymbols
			}
		case "additive-symbols":
			if add, ok := additiveSymbols(dc.value); ok {
				d.additive, d.has = add, d.has|hasAdditive
			}
		case "prefix", "suffix":
			if len(c) != 1 {
				continue
			}
			if s, ok := symbol(c[0]); ok && dc.name == "prefix" {
				d.prefix, d.has = s, d.has|hasPrefix
			} else if ok {
				d.suffix, d.has = s, d.has|hasSuffix
			}
		case "negative":
			if len(c) < 1 || len(c) > 2 {
				continue
			}
			pre, ok := symbol(c[0])
			suf, ok2 := "", true
			if len(c) == 2 {
				suf, ok2 = symbol(c[1])
			}
			if ok && ok2 {
				d.negPre, d.negSuf, d.has = pre, suf, d.has|hasNegative
			}
		case "range":
			if rs, ok := ranges(dc.value); ok {
				d.ranges, d.has = rs, d.has|hasRange
			}
		case "pad":
			if len(c) != 2 {
				continue
			}
			for k := 0; k < 2; k++ {
				n, s := c[k], c[1-k]
				sym, ok := symbol(s)
				if ok && len(n) == 1 && n[0].kind == tNumber && n[0].isInt && n[0].num >= 0 {
					d.padN, d.padSym, d.has = int(min(n[0].num, 64)), sym, d.has|hasPad
					break
				}
			}
		case "fallback":
			if len(c) == 1 && len(c[0]) == 1 && c[0][0].kind == tIdent {
				if fb := identValue(c[0][0].text); fb != "none" && !cssWide[fb] {
					d.fallback, d.has = fb, d.has|hasFallback
				}
			}
		}
	}
	need := map[int]int{sysCyclic: 1, sysFixed: 1, sysSymbolic: 1, sysAlphabetic: 2, sysNumeric: 2}
	switch {
	case d.system == sysExtends:
		if d.has&(hasSymbols|hasAdditive) != 0 {
			return
		}
	case d.system == sysAdditive:
		if d.has&hasAdditive == 0 {
			return
		}
	case len(d.symbols) < need[d.system]:
		return
	}
	if _, ok := p.sh.styles[name]; !ok && len(p.sh.styles) >= maxCounterStyles {
		return
	}
	p.sh.styles[name] = d
}

// symbol reads a counter symbol: a string or an identifier (images are
// not read).
func symbol(comp []token) (string, bool) {
	if len(comp) == 1 && (comp[0].kind == tString || comp[0].kind == tIdent) {
		return comp[0].text, true
	}
	return "", false
}

// splitCommas splits a value at its top-level commas.
func splitCommas(v []token) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range v {
		switch {
		case closer(t.kind) != tEOF:
			depth++
		case t.kind == tRParen || t.kind == tRBrack || t.kind == tRBrace:
			depth--
		case t.kind == tComma && depth == 0:
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

// additiveSymbols reads an additive-symbols value: weight and symbol
// pairs, in either order, by strictly decreasing weight.
func additiveSymbols(v []token) ([]addSym, bool) {
	var out []addSym
	for _, part := range splitCommas(v) {
		c := components(part)
		if len(c) != 2 || len(out) >= maxSymbols {
			return nil, false
		}
		found := false
		for k := 0; k < 2 && !found; k++ {
			n, s := c[k], c[1-k]
			sym, ok := symbol(s)
			if ok && len(n) == 1 && n[0].kind == tNumber && n[0].isInt && n[0].num >= 0 {
				if len(out) > 0 && n[0].num >= out[len(out)-1].weight {
					return nil, false
				}
				out, found = append(out, addSym{n[0].num, sym}), true
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, len(out) > 0
}

// ranges reads a range value: auto (nil), or pairs of integers or
// infinite, each lower end not above its upper one.
func ranges(v []token) ([]rangeEnt, bool) {
	if c := components(v); len(c) == 1 && len(c[0]) == 1 && c[0][0].kind == tIdent && strings.EqualFold(c[0][0].text, "auto") {
		return nil, true
	}
	var out []rangeEnt
	for _, part := range splitCommas(v) {
		c := components(part)
		if len(c) != 2 || len(out) >= maxSymbols {
			return nil, false
		}
		var ends [2]int64
		for k, comp := range c {
			switch t := comp[0]; {
			case len(comp) != 1:
				return nil, false
			case t.kind == tNumber && t.isInt:
				ends[k] = t.num
			case t.kind == tIdent && strings.EqualFold(t.text, "infinite"):
				ends[k] = math.MinInt64
				if k == 1 {
					ends[k] = math.MaxInt64
				}
			default:
				return nil, false
			}
		}
		if ends[0] > ends[1] {
			return nil, false
		}
		out = append(out, rangeEnt{ends[0], ends[1]})
	}
	return out, true
}
