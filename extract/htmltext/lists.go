package htmltext

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// List numbering: an item of an ordered list starts with the label the
// browser draws, written as UN texts write it (see the package comment).

// list is the numbering of the items of an ol, ul or menu.
type list struct {
	ordered bool
	style   string // CSS list-style-type of its items
	next    int    // the number of the next item
	step    int    // 1, or -1 for a reversed list
}

func (r *reader) newList(tag string, attrs map[string]string) *list {
	l := &list{style: "disc", next: 1, step: 1}
	if tag == "ol" {
		l.ordered, l.style = true, "decimal"
		if t, ok := typeStyle(attrs["type"]); ok {
			l.style = t
		}
		if _, ok := attrs["reversed"]; ok {
			l.step = -1
			l.next = r.itemCount(r.ols - 1)
		}
		if n, ok := htmlInt(attrs["start"]); ok {
			l.next = n
		}
	}
	if t, ok := cssListStyle(attrs["style"]); ok {
		l.style = t
	}
	return l
}

// itemLabel numbers the li about to open (its start tag at offset off):
// the label is written before its first text.
func (r *reader) itemLabel(attrs map[string]string, off int) {
	var l *list
	for i := len(r.stack) - 1; i >= 0 && l == nil; i-- {
		l = r.stack[i].list
	}
	if l == nil {
		return
	}
	v := l.next
	if n, ok := htmlInt(attrs["value"]); ok && l.ordered {
		v = n
	}
	l.next = v + l.step
	style := l.style
	if t, ok := typeStyle(attrs["type"]); ok {
		style = t
	}
	if t, ok := cssListStyle(attrs["style"]); ok {
		style = t
	}
	text, mark := marker(style, v)
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

// cssListStyle returns the list-style-type an inline style attribute
// sets, by list-style-type or the list-style shorthand (the last wins).
func cssListStyle(style string) (string, bool) {
	var out string
	found := false
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(v))
		v = strings.TrimSpace(strings.TrimSuffix(v, "!important"))
		var t string
		switch k {
		case "list-style-type":
			t, ok = listType(v)
		case "list-style":
			t, ok = listShorthand(v)
		default:
			ok = false
		}
		if ok {
			out, found = t, true
		}
	}
	return out, found
}

// listType reads a list-style-type value: a counter style name, a string
// (a marker that is not a number, like none), or "" and false for what
// does not set one (inherit, unset, invalid values).
func listType(v string) (string, bool) {
	switch {
	case v == "", v == "inherit", v == "unset", v == "revert", v == "revert-layer":
		return "", false
	case v == "initial":
		return "disc", true
	case v[0] == '"' || v[0] == '\'':
		return "none", true
	}
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", false
		}
	}
	return v, true
}

// listShorthand reads the type out of a list-style value; the shorthand
// sets a type it does not name to its initial value, disc.
func listShorthand(v string) (string, bool) {
	fields := strings.Fields(v)
	if len(fields) == 1 {
		switch v {
		case "inherit", "unset", "revert", "revert-layer":
			return "", false
		}
	}
	typ, none := "", false
	for _, f := range fields {
		switch {
		case f == "inside" || f == "outside" || strings.HasPrefix(f, "url("):
		case f == "none":
			none = true
		default:
			if t, ok := listType(f); ok {
				typ = t
			}
		}
	}
	switch {
	case typ != "":
		return typ, true
	case none:
		return "none", true
	}
	return "disc", true
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

var (
	latinLower = []rune("abcdefghijklmnopqrstuvwxyz")
	latinUpper = []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	greekLower = []rune("αβγδεζηθικλμνξοπρστυφχψω")
)

// marker returns the label of item n of a list-style-type, as it starts
// the item's text ("1.", "(a)", "(iv)", "一、"), and the bare number or
// letter ("1", "a") that is a note's mark; "", "" for no label.
// Alphabetic and roman styles give the UN form "(a)", the only one
// package document reads as a sub-paragraph label. A counter style not
// known here is decimal, as CSS treats an undefined one; the alphabetic
// and roman ones fall back to decimal outside their range, as in CSS.
func marker(style string, n int) (label, mark string) {
	paren := func(s string) (string, string) { return "(" + s + ")", s }
	switch style {
	case "none", "disc", "circle", "square", "disclosure-open", "disclosure-closed":
		return "", ""
	case "lower-alpha", "lower-latin":
		if n >= 1 {
			return paren(alphabetic(n, latinLower))
		}
	case "upper-alpha", "upper-latin":
		if n >= 1 {
			return paren(alphabetic(n, latinUpper))
		}
	case "lower-greek":
		if n >= 1 {
			return paren(alphabetic(n, greekLower))
		}
	case "lower-roman":
		if n >= 1 && n <= 3999 {
			return paren(strings.ToLower(roman(n)))
		}
	case "upper-roman":
		if n >= 1 && n <= 3999 {
			return paren(roman(n))
		}
	case "arabic-indic":
		s := numeric(n, []rune("٠١٢٣٤٥٦٧٨٩"))
		return s + ".", s
	case "persian":
		s := numeric(n, []rune("۰۱۲۳۴۵۶۷۸۹"))
		return s + ".", s
	case "cjk-decimal":
		s := numeric(n, []rune("〇一二三四五六七八九"))
		return s + "、", s
	case "decimal-leading-zero":
		s := strconv.Itoa(abs(n))
		if len(s) < 2 {
			s = "0" + s
		}
		if n < 0 {
			s = "-" + s
		}
		return s + ".", s
	}
	s := strconv.Itoa(n)
	return s + ".", s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// alphabetic writes n ≥ 1 in the bijective base of the letters: a … z,
// aa, ab ….
func alphabetic(n int, letters []rune) string {
	var out []rune
	for n > 0 {
		n--
		out = append([]rune{letters[n%len(letters)]}, out...)
		n /= len(letters)
	}
	return string(out)
}

// numeric writes n with the ten digits given.
func numeric(n int, digits []rune) string {
	var out []rune
	for _, c := range strconv.Itoa(abs(n)) {
		out = append(out, digits[c-'0'])
	}
	if n < 0 {
		return "-" + string(out)
	}
	return string(out)
}

// roman writes 1 ≤ n ≤ 3999 in upper-case roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
