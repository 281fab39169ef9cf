package htmltext

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// List numbering: an item of an ordered list starts with the label the
// browser draws, written as UN texts write it (see the package comment).

// list is the numbering of the items of an ol, ul or menu. Their
// list-style-type is the cascade's (elem.lst): see styleOf.
type list struct {
	ordered bool
	next    int // the number of the next item
	step    int // 1, or -1 for a reversed list
}

func (r *reader) newList(tag string, attrs map[string]string) *list {
	l := &list{next: 1, step: 1}
	if tag == "ol" {
		l.ordered = true
		if _, ok := attrs["reversed"]; ok {
			l.step = -1
			l.next = r.itemCount(r.ols - 1)
		}
		if n, ok := htmlInt(attrs["start"]); ok {
			l.next = n
		}
	}
	return l
}

// itemLabel numbers li e, about to open (its start tag at offset off):
// the label is written before its first text.
func (r *reader) itemLabel(attrs map[string]string, off int, e *elem) {
	n := len(r.lists)
	if n == 0 {
		return
	}
	l := r.stack[r.lists[n-1]].list
	v := l.next
	if n, ok := htmlInt(attrs["value"]); ok && l.ordered {
		v = n
	}
	l.next = v + l.step
	text, mark := r.marker(r.styleOf(e, len(r.stack)), v)
	line, col := r.pos(off)
	r.label = pending{text: text, mark: mark, line: line, col: col, owner: len(r.stack)}
}

// itemCount returns how many li the ord-th <ol> of the page holds (the
// first number of a reversed list without start), counting them all on
// first use.
func (r *reader) itemCount(ord int) int {
	if r.counts == nil {
		r.counts = countItems(r.doc)
	}
	if ord >= 0 && ord < len(r.counts) {
		return r.counts[ord]
	}
	return 0
}

// countItems returns, for each <ol> start tag of doc in order, the number
// of li whose nearest list is that ol.
func countItems(doc string) []int {
	counts := []int{}
	var open []int // index in counts of each open list, -1 for ul and menu
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return counts
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "ol":
				counts = append(counts, 0)
				if tt == html.StartTagToken {
					open = append(open, len(counts)-1)
				}
			case "ul", "menu":
				if tt == html.StartTagToken {
					open = append(open, -1)
				}
			case "li":
				if n := len(open); n > 0 && open[n-1] >= 0 {
					counts[open[n-1]]++
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			ol := string(name) == "ol"
			if !ol && string(name) != "ul" && string(name) != "menu" {
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if (open[i] >= 0) == ol {
					open = open[:i]
					break
				}
			}
		}
	}
}

// typeStyle returns the list-style-type of an HTML type attribute.
func typeStyle(t string) (string, bool) {
	switch t {
	case "1":
		return "decimal", true
	case "a":
		return "lower-alpha", true
	case "A":
		return "upper-alpha", true
	case "i":
		return "lower-roman", true
	case "I":
		return "upper-roman", true
	}
	switch strings.ToLower(t) {
	case "disc", "circle", "square", "none":
		return strings.ToLower(t), true
	}
	return "", false
}

// htmlInt parses an integer attribute by the HTML rules: leading white
// space, a sign, digits, anything after ignored; bounded to ±10⁹.
func htmlInt(s string) (int, bool) {
	s = strings.TrimLeft(s, " \t\n\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n, digits := 0, 0
	for ; digits < len(s) && s[digits] >= '0' && s[digits] <= '9'; digits++ {
		if n < 1e9 {
			n = n*10 + int(s[digits]-'0')
		}
	}
	if digits == 0 {
		return 0, false
	}
	n = min(n, 1e9)
	if neg {
		n = -n
	}
	return n, true
}

// counterStyle is a counter style resolved: a predefined one, or a
// @counter-style rule with what it extends.
type counterStyle struct {
	system         int
	first          int64 // of a fixed system
	symbols        []string
	additive       []addSym
	prefix, suffix string
	negPre, negSuf string
	ranges         []rangeEnt // nil: auto
	padN           int
	padSym         string
	fallback       string
	// form: a @counter-style rule gave the prefix or suffix, and the
	// label is what the browser draws; else it is written as UN texts
	// write it (see marker).
	form bool
	// bullet: disc, circle, square, disclosure-open or -closed (or a
	// style extending one): no label.
	bullet bool
}

// predefined are the counter styles known without a stylesheet, as CSS
// Counter Styles defines them.
var predefined = map[string]*counterStyle{}

func init() {
	syms := func(s string) []string { return strings.Split(s, "") }
	num := func(digits, suffix string) *counterStyle {
		return &counterStyle{system: sysNumeric, symbols: syms(digits), suffix: suffix, negPre: "-", fallback: "decimal"}
	}
	alpha := func(letters string) *counterStyle {
		return &counterStyle{system: sysAlphabetic, symbols: syms(letters), suffix: ". ", negPre: "-", fallback: "decimal"}
	}
	roman := func(upper bool) *counterStyle {
		st := &counterStyle{system: sysAdditive, suffix: ". ", negPre: "-", fallback: "decimal", ranges: []rangeEnt{{1, 3999}}}
		for i, w := range []int64{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1} {
			s := strings.Fields("M CM D CD C XC L XL X IX V IV I")[i]
			if !upper {
				s = strings.ToLower(s)
			}
			st.additive = append(st.additive, addSym{w, s})
		}
		return st
	}
	bullet := func(s string) *counterStyle {
		return &counterStyle{system: sysCyclic, symbols: []string{s}, suffix: " ", fallback: "decimal", bullet: true}
	}
	predefined["decimal"] = num("0123456789", ". ")
	predefined["decimal-leading-zero"] = num("0123456789", ". ")
	predefined["decimal-leading-zero"].padN, predefined["decimal-leading-zero"].padSym = 2, "0"
	predefined["arabic-indic"] = num("٠١٢٣٤٥٦٧٨٩", ". ")
	predefined["persian"] = num("۰۱۲۳۴۵۶۷۸۹", ". ")
	predefined["cjk-decimal"] = num("〇一二三四五六七八九", "、")
	predefined["cjk-decimal"].ranges = []rangeEnt{{0, math.MaxInt64}}
	predefined["lower-alpha"] = alpha("abcdefghijklmnopqrstuvwxyz")
	predefined["lower-latin"] = predefined["lower-alpha"]
	predefined["upper-alpha"] = alpha("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	predefined["upper-latin"] = predefined["upper-alpha"]
	predefined["lower-greek"] = alpha("αβγδεζηθικλμνξοπρστυφχψω")
	predefined["lower-roman"] = roman(false)
	predefined["upper-roman"] = roman(true)
	predefined["disc"] = bullet("•")
	predefined["circle"] = bullet("◦")
	predefined["square"] = bullet("▪")
	predefined["disclosure-open"] = bullet("▾")
	predefined["disclosure-closed"] = bullet("▸")
}

// lookup returns the counter style a list-style-type names: a
// @counter-style rule of the page's, else a predefined style, else
// decimal, as CSS treats a name it does not know. s may be nil.
func (s *sheet) lookup(name string) *counterStyle {
	key := identValue(name)
	if s != nil && s.styles[key] != nil {
		return s.resolve(key)
	}
	if p := predefined[key]; p != nil {
		return p
	}
	return predefined["decimal"]
}

// resolve returns the counter style of the page's @counter-style rule
// key, with what it extends: a rule in an extends cycle, or whose extends
// chain holds more than maxExtends rules, extends decimal.
func (s *sheet) resolve(key string) *counterStyle {
	if c := s.cache[key]; c != nil {
		return c
	}
	d := s.styles[key]
	var st counterStyle
	if d.system == sysExtends {
		base := predefined["decimal"]
		switch {
		case s.extendsDecimal(key):
		case s.styles[d.extends] != nil:
			base = s.resolve(d.extends)
		case predefined[d.extends] != nil:
			base = predefined[d.extends]
		}
		st = *base
	} else {
		st = counterStyle{system: d.system, first: d.first, symbols: d.symbols, additive: d.additive,
			suffix: ". ", negPre: "-", fallback: "decimal"}
	}
	if d.has&hasPrefix != 0 {
		st.prefix, st.form = d.prefix, true
	}
	if d.has&hasSuffix != 0 {
		st.suffix, st.form = d.suffix, true
	}
	if d.has&hasNegative != 0 {
		st.negPre, st.negSuf = d.negPre, d.negSuf
	}
	if d.has&hasRange != 0 {
		st.ranges = d.ranges
	}
	if d.has&hasPad != 0 {
		st.padN, st.padSym = d.padN, d.padSym
	}
	if d.has&hasFallback != 0 {
		st.fallback = d.fallback
	}
	if s.cache == nil {
		s.cache = map[string]*counterStyle{}
	}
	s.cache[key] = &st
	return &st
}

// maxExtends is the most @counter-style rules an extends chain holds.
const maxExtends = 32

// extendsDecimal reports whether rule key, of an extends system, extends
// decimal whatever it names: the chain of rules from it comes back to it,
// or holds more than maxExtends rules.
func (s *sheet) extendsDecimal(key string) bool {
	cur := key
	for range maxExtends {
		d := s.styles[cur]
		if d == nil || d.system != sysExtends {
			return false
		}
		if cur = d.extends; cur == key {
			return true
		}
	}
	return s.styles[cur] != nil
}

// maxRepr is the most symbols a representation takes; a longer one (a
// symbolic or additive style for a large number) is the fallback's.
const maxRepr = 64

func (st *counterStyle) inRange(n int64) bool {
	if st.ranges == nil {
		switch st.system {
		case sysAlphabetic, sysSymbolic:
			return n >= 1
		case sysAdditive:
			return n >= 0
		}
		return true
	}
	for _, r := range st.ranges {
		if n >= r.lo && n <= r.hi {
			return true
		}
	}
	return false
}

// represent returns the representation of n in style st (without prefix
// and suffix), by st's fallback when st cannot represent it, and the
// style that did.
func (s *sheet) represent(st *counterStyle, n int64) (string, *counterStyle) {
	for range 8 {
		if st.inRange(n) {
			if r, ok := st.generate(n); ok {
				return r, st
			}
		}
		st = s.lookup(st.fallback)
	}
	st = predefined["decimal"]
	r, _ := st.generate(n)
	return r, st
}

// generate writes n by the style's algorithm, negative sign and pad.
func (st *counterStyle) generate(n int64) (string, bool) {
	neg := n < 0 && st.system != sysCyclic && st.system != sysFixed
	v := n
	if neg {
		v = -n
	}
	var out []string
	k := int64(len(st.symbols))
	switch st.system {
	case sysCyclic:
		out = []string{st.symbols[((v-1)%k+k)%k]}
	case sysFixed:
		if v < st.first || v-st.first >= k {
			return "", false
		}
		out = []string{st.symbols[v-st.first]}
	case sysSymbolic:
		if v < 1 || (v+k-1)/k > maxRepr {
			return "", false
		}
		sym := st.symbols[(v-1)%k]
		for range (v + k - 1) / k {
			out = append(out, sym)
		}
	case sysAlphabetic:
		if v < 1 {
			return "", false
		}
		for v > 0 {
			v--
			out = append(out, st.symbols[v%k])
			v /= k
		}
		slices.Reverse(out)
	case sysNumeric:
		if v == 0 {
			out = []string{st.symbols[0]}
		}
		for v > 0 {
			out = append(out, st.symbols[v%k])
			v /= k
		}
		slices.Reverse(out)
	case sysAdditive:
		if v == 0 {
			for _, a := range st.additive {
				if a.weight == 0 {
					out = []string{a.sym}
				}
			}
			if out == nil {
				return "", false
			}
		}
		for _, a := range st.additive {
			if v == 0 {
				break
			}
			if a.weight == 0 || a.weight > v {
				continue
			}
			reps := v / a.weight
			if int64(len(out))+reps > maxRepr {
				return "", false
			}
			for range reps {
				out = append(out, a.sym)
			}
			v -= reps * a.weight
		}
		if v != 0 {
			return "", false
		}
	default:
		return "", false
	}
	repr := strings.Join(out, "")
	if st.padN > 0 {
		want := st.padN
		if neg {
			want -= graphemes(st.negPre) + graphemes(st.negSuf)
		}
		if have := graphemes(repr); have < want {
			repr = strings.Repeat(st.padSym, want-have) + repr
		}
	}
	if neg {
		repr = st.negPre + repr + st.negSuf
	}
	return repr, true
}

// graphemes counts the characters of s that are not combining marks: near
// enough to its grapheme clusters for a pad.
func graphemes(s string) int {
	n := 0
	for _, c := range s {
		if !unicode.In(c, unicode.Mn, unicode.Me) {
			n++
		}
	}
	return n
}

// marker returns the label of item n of a list-style-type, as it starts
// the item's text ("1.", "(a)", "(iv)", "一、"), and the bare number or
// letter ("1", "a") that is a note's mark; "", "" for no label.
//
// With a counter style whose @counter-style rule gives a prefix or suffix
// the label is what the browser draws: prefix, representation and suffix,
// white space collapsed ("1 -" for suffix " - "). Else it is written as
// UN texts write it: a representation of letters in parentheses, "(a)",
// "(iv)", the only form package document reads as a sub-paragraph label,
// where a browser draws "a."; any other with the suffix, "1.", "一、".
func (r *reader) marker(style string, n int) (label, mark string) {
	if style == "none" {
		return "", ""
	}
	st := r.sheet.lookup(style)
	repr, by := r.sheet.represent(st, int64(n))
	switch {
	case st.bullet || by.bullet:
		return "", ""
	case st.form:
		label = cleanLabel(st.prefix + repr + st.suffix)
	case by.system != sysNumeric && letters(repr):
		label = "(" + repr + ")"
	default:
		label = cleanLabel(repr + by.suffix)
	}
	if label == "" {
		return "", ""
	}
	return label, normMark(repr)
}

// letters reports whether s is letters (and their marks), at least one.
func letters(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsMark(c) {
			return false
		}
	}
	return s != ""
}

// cleanLabel collapses the white space of a label to single spaces,
// trims it and drops control characters.
func cleanLabel(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		switch {
		case unicode.IsSpace(c):
			space = b.Len() > 0
		case unicode.IsControl(c):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(c)
		}
	}
	return b.String()
}
