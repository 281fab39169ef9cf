// Package document recognises the structure of a UN resolution or draft in
// a list of paragraphs: the document symbol, the header boilerplate, the
// title, the preambular paragraphs (PP1…) and the operative paragraphs with
// their numbering (OP1…, OP2(a), OP2(a)(i)).
//
// Paragraph ids are "title", "PP1"…"PPn", "OP1"…"OPn", "OP2(a)"; header
// boilerplate (symbol, distribution, session, agenda, sponsors, the
// "The Human Rights Council," line) gets "H1"…"Hn" and is structure, not
// text to compare. A text with no resolution structure gets "P1"…"Pn".
//
// Labels are read at the start of a paragraph: an operative number "1. ",
// "1．", "１．", "２。" or, in Arabic, "1 - ", "١ - ", "10- "; a sub-paragraph
// letter or numeral in parentheses, "(a) ", "（a）", "(iv) ", "(а) ", "(أ) ".
// The white space after a label, and around the dash of "1 - ", may be any
// space a file holds: ASCII space or tab, U+00A0 NO-BREAK SPACE (&nbsp;),
// U+2000–U+200A, U+202F NARROW NO-BREAK SPACE, U+205F or U+3000
// IDEOGRAPHIC SPACE (any \p{Zs}). The same holds for the number before a
// title ("37/23.\u00a0"), header dates and header lines. The HTML reader
// writes the numbers of <ol> lists as such labels ("1. ", "(a) ").
//
// Document owns structure; it never tokenises.
package document

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/segment/zhconv"
)

// Kind is the role of a paragraph in a document.
type Kind string

// Paragraph kinds.
const (
	Header    Kind = "header"    // boilerplate before the body: symbol, session, sponsors, "The Council,"
	Title     Kind = "title"     // the title of the resolution
	Preamble  Kind = "preamble"  // preambular paragraph
	Operative Kind = "operative" // operative paragraph or sub-paragraph
	Trailer   Kind = "trailer"   // unnumbered text after the operative part
	Plain     Kind = "plain"     // paragraph of a text with no resolution structure
	Note      Kind = "note"      // a footnote or endnote (kept apart by the PDF, Word and HTML readers; not compared)
)

// Paragraph is one paragraph with its place in the document.
type Paragraph struct {
	ID    string
	Kind  Kind
	Label string // the number as written, e.g. "2." or "(a)" or "２．"; empty if none
	// Num is the operative number (1 for "1." and for its sub-paragraphs),
	// 0 when the paragraph has none.
	Num int
	// BodyStart is the byte offset in Text where the text proper starts,
	// after the number label ("2. ", "(a) ") or, for a title, after the
	// resolution number ("37/23. "), which differs between a draft and the
	// adopted text by design.
	BodyStart int
	Text      string
	Index     int // position in Document.Paras
	// Source maps byte offsets of Text back to lines of the file.
	Source extract.Paragraph
}

// Compared reports whether the paragraph is text to compare (not header
// boilerplate).
func (p *Paragraph) Compared() bool { return p.Kind != Header && p.Kind != Note }

// Document is a parsed document.
type Document struct {
	Path       string
	Lang       string
	Symbol     string // the UN document symbol, "" when none was found
	Structured bool   // a resolution structure was recognised
	// Year is the year of the document, from the first date of its
	// masthead or else from its symbol (the year in it, or the session it
	// names: see yearOf); 0 when unknown. A caller that knows better may
	// set it.
	Year  int
	Paras []Paragraph
}

// Body returns the paragraphs to compare: everything but the header.
func (d *Document) Body() []*Paragraph {
	out := make([]*Paragraph, 0, len(d.Paras))
	for i := range d.Paras {
		if d.Paras[i].Compared() {
			out = append(out, &d.Paras[i])
		}
	}
	return out
}

// Para returns the paragraph with the given id, or nil.
func (d *Document) Para(id string) *Paragraph {
	for i := range d.Paras {
		if d.Paras[i].ID == id {
			return &d.Paras[i]
		}
	}
	return nil
}

// SymbolRe matches a UN document symbol such as A/HRC/37/L.36,
// A/HRC/RES/37/23, S/2015/87 or E/CN.4/2005/L.10/Add.1, with the suffix
// that belongs to the symbol of two kinds of resolution:
//
//   - the session, in Roman numerals in parentheses, of an early General
//     Assembly or ECOSOC resolution, after its number and an optional
//     letter: A/RES/217 (III), A/RES/217(III), A/RES/217 A (III),
//     E/RES/1503 (XLVIII), A/RES/997 (ES-I);
//   - the year in parentheses of a Security Council resolution, which is
//     printed as part of its symbol at the head of the text and cited with
//     it: S/RES/2334 (2016), S/RES/2334(2016).
//
// A year after any other symbol is ordinary text: "A/HRC/37/L.36 (2018)"
// matches A/HRC/37/L.36. The space before the parenthesis may be any space
// (U+00A0 NO-BREAK SPACE too) or none. Use FindSymbols, which also requires
// a digit and writes such spaces as " ".
var SymbolRe = regexp.MustCompile(symbolPattern)

const (
	symHead = `\b[A-Z]{1,8}`
	symPart = `/(?:[A-Z]{1,8}\.)?[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*`
	// The alternatives are tried in order at the same start (leftmost
	// first): a Security Council resolution with its year, a resolution
	// with its session, a plain symbol.
	symbolPattern = `\bS/RES/[0-9]+[ \p{Zs}]?\((?:19|20)[0-9]{2}\)` +
		`|` + symHead + `(?:` + symPart + `)*/[0-9]+(?:[ \p{Zs}]?[A-Z])?[ \p{Zs}]?\((?:E?S-)?[IVXLC]{1,8}\)` +
		`|` + symHead + `(?:` + symPart + `)+`
)

// FindSymbols returns the UN document symbols in s (each with at least one
// slash and one digit), as written but for a space other than U+0020
// inside one (a no-break space before "(III)"), which is written as " ".
func FindSymbols(s string) []string {
	var out []string
	for _, m := range findSymbols(s) {
		out = append(out, strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Zs, r) {
				return ' '
			}
			return r
		}, s[m[0]:m[1]]))
	}
	return out
}

// findSymbols returns the byte ranges of the symbols FindSymbols returns.
func findSymbols(s string) [][]int {
	var out [][]int
	for _, m := range SymbolRe.FindAllStringIndex(s, -1) {
		if t := s[m[0]:m[1]]; strings.ContainsAny(t, "0123456789") && strings.Contains(t, "/") {
			out = append(out, m)
		}
	}
	return out
}

// sp is one white-space character around and inside a label, a title
// number or a date: ASCII white space (\s, which in Go's regexp is ASCII
// only) or a Unicode space separator (\p{Zs}): U+00A0 NO-BREAK SPACE (what
// &nbsp; and Word's fixed spaces give), U+2000–U+200A (en quad … hair
// space), U+202F NARROW NO-BREAK SPACE (French typography), U+205F MEDIUM
// MATHEMATICAL SPACE, U+3000 IDEOGRAPHIC SPACE and U+1680 OGHAM SPACE MARK.
const sp = `[\s\p{Zs}]`

var (
	// An operative number: "1.", "1．", "１．", "1 .", "1.\u00a0".
	// Arabic texts write "١ - " or "10- ".
	opLabel = regexp.MustCompile(`^([0-9０-９٠-٩۰-۹]{1,3})(?:` + sp + `*[.．。]` + sp + `*|` + sp + `*[-–]` + sp + `+)`)
	// A sub-paragraph label: "(a)", "（a）", "(iv)", "(а)" (Cyrillic), "(أ)".
	subLabel = regexp.MustCompile(`^[(（]([\p{L}]{1,5})[)）]` + sp + `*`)
	// The title of an adopted resolution or draft starts with its number:
	// "37/23. Promoting…", "37/... Promoting…", "37/… 促进…", or for an
	// early resolution the number and session of its symbol (SymbolRe):
	// "217 A (III). Universal Declaration…", "1514 (XV). Declaration…".
	titlePrefix = regexp.MustCompile(`^` + titleNumber + sp + `*`)
	titleNum    = regexp.MustCompile(`^` + titleNumber + sp + `+[^\s\p{Zs}]`)
)

const titleNumber = `(?:[0-9０-９]{1,3}` + sp + `*/` + sp + `*(?:[0-9０-９]{1,4}|\.\.\.|…)[.．]?` +
	`|[0-9]{1,4}(?:` + sp + `?[A-Z])?` + sp + `?\((?:E?S-)?[IVXLC]{1,8}\)[.．])`

// bodyNames are words that name the adopting body in the line that opens
// the body ("The Human Rights Council,", "人权理事会，"). Chinese is matched
// by its simplified key (hanKey), so 人權理事會， is an opener too.
var bodyNames = []string{
	"council", "assembly", "commission", "committee", "conference",
	"conseil", "assemblée", "comité", "conférence",
	"consejo", "asamblea", "comisión", "comité", "conferencia",
	"совет", "ассамблея", "комиссия", "комитет", "конференция",
	"مجلس", "الجمعية", "اللجنة", "المؤتمر",
	"理事会", "大会", "委员会", "会议",
}

// isOpener reports whether p is the line that opens the body of a
// resolution, e.g. "The Human Rights Council," or "大会，".
func isOpener(p string) bool {
	p = strings.TrimSpace(p)
	n := utf8.RuneCountInString(p)
	if n > 80 {
		return false
	}
	last, size := utf8.DecodeLastRuneInString(p)
	if last != ',' && last != '，' && last != '،' {
		return false
	}
	// "人权理事会\u3000，": a space before the comma is not part of the name.
	head := strings.TrimRightFunc(p[:len(p)-size], unicode.IsSpace)
	// One short clause: no other comma, no digit, a handful of words.
	if strings.ContainsAny(head, ",，،、0123456789") {
		return false
	}
	han := 0
	for _, r := range head {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han > 0 && han > 16 || han == 0 && len(strings.Fields(head)) > 10 {
		return false
	}
	l := strings.ToLower(head)
	if han > 0 {
		l = hanKey(l)
	}
	for _, n := range bodyNames {
		if strings.HasSuffix(l, n) || han == 0 && strings.Contains(l, n) {
			return true
		}
	}
	return false
}

// maxHeader is how many paragraphs may precede the line that opens the
// body, and maxHeaderRunes how long each may be (a list of the States voting
// for a resolution runs to about 1,500 characters).
const (
	maxHeader      = 30
	maxHeaderRunes = 3000
)

var sponsorEnd = []string{
	"draft resolution", "projet de résolution", "proyecto de resolución",
	"проект резолюции", "مشروع قرار", "决议草案", "draft decision",
	"revised draft resolution",
}

// Parse builds a document from the paragraphs of a file.
//
// Footnotes and endnotes that the reader kept apart (extract.Paragraph.Note)
// follow the body as paragraphs of kind Note, ids N1, N2, …: a plain-text
// version has them inline or not at all, so they are not compared.
func Parse(paras []extract.Paragraph, path, lang string) *Document {
	var notes []extract.Paragraph
	if slices.ContainsFunc(paras, func(p extract.Paragraph) bool { return p.Note }) {
		var body []extract.Paragraph
		for _, p := range paras {
			if p.Note {
				notes = append(notes, p)
			} else {
				body = append(body, p)
			}
		}
		paras = body
	}
	d := parse(paras, path, lang)
	for i, p := range notes {
		d.Paras = append(d.Paras, Paragraph{ID: fmt.Sprintf("N%d", i+1), Kind: Note, Text: p.Text, Index: len(d.Paras), Source: p})
	}
	return d
}

func parse(paras []extract.Paragraph, path, lang string) *Document {
	d := &Document{Path: path, Lang: lang}
	opener := -1
	for i, p := range paras {
		if i > maxHeader || utf8.RuneCountInString(p.Text) > maxHeaderRunes {
			break
		}
		if isOpener(p.Text) {
			opener = i
			break
		}
	}
	if opener < 0 {
		return plain(d, paras)
	}
	d.Structured = true
	d.Symbol = firstSymbol(paras[:opener+1], opener+1)

	// Header: everything before the opener but the title.
	title := -1
	for i := opener - 1; i >= 0; i-- {
		if titleNum.MatchString(paras[i].Text) {
			title = i
			break
		}
	}
	if title < 0 {
		for i := opener - 1; i >= 0; i-- {
			if !isBoilerplate(paras[i].Text) {
				title = i
				break
			}
		}
	}
	h := 0
	for i := 0; i <= opener; i++ {
		p := Paragraph{Kind: Header, Text: paras[i].Text, Index: i, Source: paras[i]}
		if i == title {
			p.ID, p.Kind = "title", Title
			if m := titlePrefix.FindString(p.Text); m != "" {
				p.BodyStart = len(m)
			}
		} else {
			h++
			p.ID = "H" + strconv.Itoa(h)
		}
		d.Paras = append(d.Paras, p)
	}
	// The year from the header lines, not the title ("… since 1 January
	// 2020").
	var head []extract.Paragraph
	for _, p := range d.Paras {
		if p.Kind == Header {
			head = append(head, p.Source)
		}
	}
	d.Year = yearOf(head, d.Symbol, 0)

	pp, op, tr := 0, 0, 0
	seen := map[string]int{}
	var sub []string // current sub-paragraph path under op
	for i := opener + 1; i < len(paras); i++ {
		t := paras[i].Text
		p := Paragraph{Text: t, Index: i, Source: paras[i]}
		if m := opLabel.FindStringSubmatch(t); m != nil && (op > 0 || startsOperative(t, m[0])) {
			// The number as written wins when it moves forward (an extract
			// that starts at 7, a gap); a repeated or backward number (a
			// typo) continues the sequence, so ids stay unique.
			if n := atoi(m[1]); n > op {
				op = n
			} else {
				op++
			}
			sub = nil
			p.ID, p.Kind, p.Label, p.Num = "OP"+strconv.Itoa(op), Operative, strings.TrimSpace(m[0]), op
			p.BodyStart = len(m[0])
		} else if m := subLabel.FindStringSubmatch(t); m != nil && (op > 0 || pp > 0) {
			lab := strings.ToLower(m[1])
			sub = subPath(sub, lab)
			parent := "OP" + strconv.Itoa(op)
			p.Kind, p.Num = Operative, op
			if op == 0 {
				parent, p.Kind = "PP"+strconv.Itoa(pp), Preamble
			}
			p.ID, p.Label = parent+"("+strings.Join(sub, ")(")+")", strings.TrimSpace(m[0])
			p.BodyStart = len(m[0])
		} else if op == 0 {
			pp++
			sub = nil
			p.ID, p.Kind = "PP"+strconv.Itoa(pp), Preamble
		} else {
			tr++
			p.ID, p.Kind = "T"+strconv.Itoa(tr), Trailer
		}
		if seen[p.ID] > 0 {
			// A repeated sub-paragraph label: keep ids unique.
			seen[p.ID]++
			p.ID += "#" + strconv.Itoa(seen[p.ID])
		} else {
			seen[p.ID] = 1
		}
		d.Paras = append(d.Paras, p)
	}
	return d
}

func plain(d *Document, paras []extract.Paragraph) *Document {
	d.Paras = nil
	for i, p := range paras {
		q := Paragraph{ID: "P" + strconv.Itoa(i+1), Kind: Plain, Text: p.Text, Index: i, Source: p}
		// A paragraph number is a label, not text to compare.
		if m := opLabel.FindStringSubmatch(p.Text); m != nil && startsOperative(p.Text, m[0]) {
			q.Label, q.Num, q.BodyStart = strings.TrimSpace(m[0]), atoi(m[1]), len(m[0])
		}
		d.Paras = append(d.Paras, q)
	}
	d.Symbol = firstSymbol(paras, 3)
	d.Year = yearOf(paras[:min(len(paras), datelines)], d.Symbol, maxDateLine)
	return d
}

// AsPlain returns d read as a text with no resolution structure: every
// paragraph compared, ids P1…Pn. A comparison uses it when only one of two
// documents was recognised as a resolution.
func AsPlain(d *Document) *Document {
	if !d.Structured {
		return d
	}
	var paras []extract.Paragraph
	var notes []Paragraph
	for _, p := range d.Paras {
		if p.Kind == Note {
			notes = append(notes, p)
			continue
		}
		paras = append(paras, p.Source)
	}
	n := &Document{Path: d.Path, Lang: d.Lang}
	plain(n, paras)
	n.Symbol, n.Year = d.Symbol, d.Year
	for _, p := range notes {
		p.Index = len(n.Paras)
		n.Paras = append(n.Paras, p)
	}
	return n
}

// startsOperative reports whether a numbered paragraph begins the operative
// part: a preambular paragraph never starts with a number, but a number
// followed by a capitalised verb, a Russian verb (lower case in UN Russian)
// or Chinese or Arabic text does.
func startsOperative(text, label string) bool {
	rest := text[len(label):]
	r, _ := utf8.DecodeRuneInString(rest)
	// UN Russian starts operative paragraphs with a lower-case verb
	// ("1. призывает"); Latin-script languages with a capital. A
	// paragraph may start with a number when a space follows the label's
	// full stop ("24. 2013年9月以来", "31. 2014 saw"), which a decimal
	// number ("24.5") never has; after a dash it is a range ("4 - 15 May
	// 2015"). Chinese text may start with a title mark (《联合国宪章》).
	if unicode.IsDigit(r) {
		lab := strings.TrimRightFunc(label, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) })
		dot, _ := utf8.DecodeLastRuneInString(lab)
		return len(lab) < len(label) && strings.ContainsRune(".．。", dot)
	}
	return unicode.IsUpper(r) || unicode.In(r, unicode.Cyrillic, unicode.Han, unicode.Arabic) || strings.ContainsRune("«\"“《「『【[", r)
}

// subPath returns the label path of a sub-paragraph labelled lab that
// follows the sub-paragraph at path cur: (a), (b) … at the first level,
// roman numerals (i), (ii) … below a letter.
func subPath(cur []string, lab string) []string {
	switch len(cur) {
	case 1:
		// "(i)" after "(h)" is the letter i, not the numeral one.
		if lab == "i" && cur[0] != "h" {
			return []string{cur[0], lab}
		}
	case 2:
		if isRoman(lab) && lab != nextLetter(cur[0]) {
			return []string{cur[0], lab}
		}
	}
	return []string{lab}
}

func nextLetter(s string) string {
	if len(s) == 1 && s[0] >= 'a' && s[0] < 'z' {
		return string(s[0] + 1)
	}
	return ""
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("ivxl", r) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r >= '٠' && r <= '٩':
			r = '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			r = '0' + (r - '۰')
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// hanSpaces drops the spaces between two Chinese characters: a masthead
// spaces out its body name ("大 会", "大　会"), one file keeps the space and
// another not.
func hanSpaces(t string) string {
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return t
	}
	rs := []rune(t)
	out := rs[:0]
	for i, r := range rs {
		if unicode.Is(unicode.Zs, r) || r == '\t' {
			j := i + 1
			for j < len(rs) && (unicode.Is(unicode.Zs, rs[j]) || rs[j] == '\t') {
				j++
			}
			if len(out) > 0 && j < len(rs) && unicode.Is(unicode.Han, out[len(out)-1]) && unicode.Is(unicode.Han, rs[j]) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

var boilerplateRe = regexp.MustCompile(`(?i)^(distr\.?|original` + sp + `*:|general` + sp + `assembly|human` + sp + `rights` + sp + `council|security` + sp + `council|economic` + sp + `and` + sp + `social` + sp + `council|agenda` + sp + `item|item` + sp + `\d|原文|议程项目|分发|大会$|人权理事会$|安全理事会$|第.{1,6}届会议|.{0,20}session$|\d{1,2}` + sp + `+\p{L}+` + sp + `*[-–—]` + sp + `*\d{1,2}` + sp + `+\p{L}+` + sp + `+\d{4}|\d{4}年)`)

// isBoilerplate reports whether t is a header line: the symbol, the
// distribution, the session, the agenda item, a date, the sponsors. Chinese
// is read by its simplified key (hanKey): 議程項目 and 第三十七屆會議 are
// header lines as 议程项目 and 第三十七届会议 are.
func isBoilerplate(t string) bool {
	t = hanKey(hanSpaces(strings.TrimSpace(t)))
	l := strings.ToLower(t)
	for _, s := range sponsorEnd {
		if strings.HasSuffix(strings.TrimRightFunc(l, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(".:：*", r) }), s) {
			return true
		}
	}
	if syms := findSymbols(t); len(syms) == 1 && syms[0][1]-syms[0][0] >= len(t)-2 {
		return true
	}
	return boilerplateRe.MatchString(t) || onlyDate(t)
}

// hanKey returns s with its Chinese in simplified characters (zhconv.Key,
// which keeps every byte offset), so that the Chinese words of this package
// are written once, in simplified characters, and read in both scripts.
// Text without a Han character is returned as it is, without loading the
// conversion tables.
func hanKey(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return s
	}
	return zhconv.Key(s)
}

var dateRe = regexp.MustCompile(`^(\d{1,2}` + sp + `+\p{L}+` + sp + `+\d{4}|\p{L}+` + sp + `+\d{1,2},` + sp + `*\d{4}|\d{4}` + sp + `*年` + sp + `*\d{1,2}` + sp + `*月` + sp + `*\d{1,2}` + sp + `*日)$`)

// wordDateRe is a date line of the other forms DateYear reads: "1er
// octobre 1990", "23 de marzo de 2018", "23 марта 2018 года", "29 كانون
// الأول/ ديسمبر 2014", "一九四八年十二月十日" (digits of any script made
// ASCII first); a line it matches is a date only when DateYear finds a
// month name and a year in it.
var wordDateRe = regexp.MustCompile(`^(\d{1,2}(?:er)?` + sp + `+(?:de` + sp + `+)?(?:\p{L}+` + sp + `*/?` + sp + `*){1,3}` + sp + `*(?:de` + sp + `+)?\d{4}(?:` + sp + `+(?:года|г\.))?` +
	`|[〇○零一二三四五六七八九]{4}年(?:十[一二]?|[一二三四五六七八九])月[一二三四五六七八九十]{1,3}日)$`)

func onlyDate(t string) bool {
	if dateRe.MatchString(t) {
		return true
	}
	return wordDateRe.MatchString(asciiDigits(t)) && DateYear(t) != 0
}

func firstSymbol(paras []extract.Paragraph, n int) string {
	for i := 0; i < n && i < len(paras); i++ {
		if s := FindSymbols(paras[i].Text); len(s) > 0 {
			return s[0]
		}
	}
	return ""
}
