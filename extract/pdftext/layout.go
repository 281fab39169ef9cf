package pdftext

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/driftcheck/driftcheck/extract"
)

// line is one line of text on a page.
type line struct {
	page                    int // 0-based
	text                    string
	base                    float64 // baseline (y, points from the bottom)
	size                    float64 // dominant font size
	minX, maxX, bottom, top float64
	rtl                     bool
	runes                   int
	zone                    int  // -1 bottom margin, +1 top margin, 0 body
	first                   bool // first line of its page
	note                    bool
	dropped                 bool
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0xA0 || r == 0x200B }

// isCJK reports whether r is a Han, kana or CJK punctuation character:
// Chinese lines are joined without a space next to one.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x2E80 && r <= 0x2FFF) ||
		r == '—' || r == '…' || r == '·' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// isCJKStrict is isCJK without the punctuation shared with Latin text.
func isCJKStrict(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x2E80 && r <= 0x2FFF)
}

func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// isLTRInRTL reports whether r belongs to a left-to-right run inside a
// right-to-left line: Latin (and other LTR) letters and all digits.
func isLTRInRTL(r rune) bool {
	if unicode.IsDigit(r) {
		return true
	}
	return unicode.IsLetter(r) && !isRTL(r)
}

// searchLines is how many earlier lines of a page a character or a piece
// of line is compared with, to keep the work linear on hostile pages.
const searchLines = 64

// buildLines groups the characters of a page into lines by baseline.
func buildLines(pi int, p page) []*line {
	type acc struct {
		chars  []char
		spaces []char
		pos    []int
		spos   []int
		base   float64
		size   float64
	}
	var lines []*acc
	var cur *acc
	fits := func(l *acc, c char) bool {
		s := math.Max(l.size, c.size)
		return math.Abs(c.y-l.base) <= 0.6*s
	}
	for k, c := range p.chars {
		if c.r == 0x02 { // PDFium's mark of a hyphen at the end of a line
			c.r = '-'
		}
		if c.r < 0x20 || c.r == 0x7F || c.r == 0xFFFE || c.r == 0xFFFF || (c.r >= 0x80 && c.r < 0xA0) || !validCoord(c) {
			continue
		}
		if isSpace(c.r) {
			if cur != nil {
				cur.spaces = append(cur.spaces, c)
				cur.spos = append(cur.spos, k)
			}
			continue
		}
		if c.size <= 0 {
			c.size = math.Max(c.top-c.bottom, 1)
		}
		if cur == nil || !fits(cur, c) {
			cur = nil
			// Only recent lines: bounded work on hostile pages.
			for _, l := range lines[max(0, len(lines)-searchLines):] {
				if fits(l, c) && c.size > 0.7*l.size && l.size > 0.7*c.size {
					cur = l
					break
				}
			}
			if cur == nil {
				cur = &acc{base: c.y, size: c.size}
				lines = append(lines, cur)
			}
		}
		cur.chars = append(cur.chars, c)
		cur.pos = append(cur.pos, k)
		if c.size > cur.size*1.1 {
			cur.size, cur.base = c.size, c.y
		}
	}
	// Pieces of one line that PDFium gave apart (marks and words written
	// out of order) are merged.
	med := func(a *acc) float64 {
		var ys []float64
		for _, c := range a.chars {
			if !unicode.In(c.r, unicode.Mn, unicode.Me) {
				ys = append(ys, c.y)
			}
		}
		if len(ys) == 0 {
			return a.base
		}
		sort.Float64s(ys)
		return ys[len(ys)/2]
	}
	for i := 0; i < len(lines); i++ {
		for j := i + 1; j < len(lines) && j <= i+searchLines; j++ {
			a, b := lines[i], lines[j]
			s := math.Max(a.size, b.size)
			if math.Abs(med(a)-med(b)) < 0.35*s && b.size > 0.7*a.size && a.size > 0.7*b.size {
				a.chars = append(a.chars, b.chars...)
				a.pos = append(a.pos, b.pos...)
				a.spaces = append(a.spaces, b.spaces...)
				a.spos = append(a.spos, b.spos...)
				lines = append(lines[:j], lines[j+1:]...)
				j--
			}
		}
	}
	var out []*line
	for _, a := range lines {
		l := &line{page: pi}
		l.size = dominantSize(a.chars)
		var ys []float64
		l.minX, l.maxX, l.bottom, l.top = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		rtl, ltr := 0, 0
		for _, c := range a.chars {
			if c.size >= 0.9*l.size {
				ys = append(ys, c.y)
			}
			l.minX, l.maxX = math.Min(l.minX, c.left), math.Max(l.maxX, c.right)
			l.bottom, l.top = math.Min(l.bottom, c.bottom), math.Max(l.top, c.top)
			switch {
			case isRTL(c.r) && unicode.IsLetter(c.r):
				rtl++
			case unicode.IsLetter(c.r):
				ltr++
			}
		}
		sort.Float64s(ys)
		if len(ys) > 0 {
			l.base = ys[len(ys)/2]
		} else {
			l.base = a.base
		}
		l.rtl = rtl > ltr
		if l.rtl {
			l.text = rtlText(a.chars, a.spaces, l.size)
		} else {
			l.text = ltrText(a.chars, a.pos, a.spaces, a.spos, l.size)
		}
		l.text = strings.Join(strings.Fields(l.text), " ")
		if l.text == "" {
			continue
		}
		l.runes = len([]rune(l.text))
		switch {
		case l.base > 0.88*p.h:
			l.zone = 1
		case l.base < 0.12*p.h:
			l.zone = -1
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].base > out[j].base+0.5 })
	if len(out) > 0 {
		out[0].first = true
	}
	return out
}

func validCoord(c char) bool {
	for _, v := range []float64{c.x, c.y, c.left, c.right, c.bottom, c.top, c.size} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e7 {
			return false
		}
	}
	return true
}

// dominantSize is the font size carried by most characters (to 0.5 pt).
func dominantSize(cs []char) float64 {
	count := map[float64]int{}
	best, n := 0.0, -1
	for _, c := range cs {
		s := math.Round(c.size*2) / 2
		count[s]++
		if count[s] > n || (count[s] == n && s > best) {
			best, n = s, count[s]
		}
	}
	return best
}

// ltrText writes a left-to-right line. Characters stay in PDFium's order
// when it runs left to right; otherwise they are sorted by position. A
// space is written where the PDF has one or PDFium inferred one from a gap,
// except next to a Chinese character (the gaps there are layout, e.g.
// between 2018 and 年).
func ltrText(cs []char, pos []int, sp []char, spos []int, size float64) string {
	ordered := true
	for i := 1; i < len(cs); i++ {
		if cs[i].left < cs[i-1].left-0.5*size && cs[i].size > 0.7*cs[i-1].size {
			ordered = false
			break
		}
	}
	var b strings.Builder
	if ordered {
		si := 0
		for i, c := range cs {
			real, gen := false, false
			for si < len(spos) && spos[si] < pos[i] {
				if sp[si].gen {
					gen = true
				} else {
					real = true
				}
				si++
			}
			if i > 0 && (real || gen && !(isCJKStrict(cs[i-1].r) || isCJKStrict(c.r))) {
				b.WriteByte(' ')
			}
			b.WriteRune(c.r)
		}
		return b.String()
	}
	s := append([]char(nil), cs...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].left < s[j].left })
	for i, c := range s {
		if i > 0 && c.left-s[i-1].right > 0.2*size && !(isCJKStrict(s[i-1].r) || isCJKStrict(c.r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(c.r)
	}
	return b.String()
}

// rtlText writes a right-to-left line in logical order. The glyphs are
// taken in visual order, right to left (a combining mark stays with the
// letter before it in PDFium's order); runs of digits and Latin letters,
// with the punctuation between them, are then turned back to left to
// right. Spaces come from space glyphs with a width, from gaps PDFium
// marked, and from gaps wider than a fifth of the font size.
func rtlText(cs []char, sp []char, size float64) string {
	type cluster struct {
		runes       []rune
		left, right float64
		space       bool
	}
	var cl []cluster
	var marks []char
	for _, c := range cs {
		if unicode.In(c.r, unicode.Mn, unicode.Me) {
			marks = append(marks, c)
			continue
		}
		cl = append(cl, cluster{runes: []rune{c.r}, left: c.left, right: c.right})
	}
	// A mark goes with the letter it is drawn on: PDF producers write
	// marks out of order, even after the end of the line.
	if len(marks)*len(cl) > 1e7 { // hostile line: keep the work bounded
		marks = nil
	}
	for _, m := range marks {
		best, dist := -1, math.Inf(1)
		mid := (m.left + m.right) / 2
		for i, c := range cl {
			d := math.Abs(mid - (c.left+c.right)/2)
			if mid >= c.left-0.5 && mid <= c.right+0.5 {
				d -= 1000 // drawn over this letter
			}
			if d < dist {
				best, dist = i, d
			}
		}
		if best >= 0 {
			cl[best].runes = append(cl[best].runes, m.r)
		}
	}
	for _, s := range sp {
		if s.right-s.left > 0.1*size || s.gen {
			cl = append(cl, cluster{runes: []rune{' '}, left: s.left, right: math.Max(s.right, s.left), space: true})
		}
	}
	sort.SliceStable(cl, func(i, j int) bool {
		return (cl[i].left+cl[i].right)/2 > (cl[j].left+cl[j].right)/2
	})
	// Gaps without a space glyph.
	var vis []cluster
	var prev *cluster
	for i := range cl {
		c := cl[i]
		if c.space {
			if len(vis) > 0 && !vis[len(vis)-1].space {
				vis = append(vis, c)
			}
			continue
		}
		if prev != nil && !vis[len(vis)-1].space && prev.left-c.right > 0.2*size {
			vis = append(vis, cluster{runes: []rune{' '}, space: true})
		}
		vis = append(vis, c)
		prev = &cl[i]
	}
	// Turn LTR runs around.
	kind := func(c cluster) int { // 1 LTR, -1 RTL, 0 neutral
		r := c.runes[0]
		switch {
		case isLTRInRTL(r):
			return 1
		case isRTL(r):
			return -1
		}
		return 0
	}
	for i := 0; i < len(vis); {
		if kind(vis[i]) != 1 {
			i++
			continue
		}
		j, last := i, i
		for j < len(vis) && kind(vis[j]) >= 0 {
			if kind(vis[j]) == 1 {
				last = j
			}
			j++
		}
		for a, b := i, last; a < b; a, b = a+1, b-1 {
			vis[a], vis[b] = vis[b], vis[a]
		}
		i = last + 1
	}
	var b strings.Builder
	for _, c := range vis {
		b.WriteString(string(c.runes))
	}
	return b.String()
}

var (
	reJob      = regexp.MustCompile(`\b(?:[A-Z]{1,3}\.)?\d{2}-\d{5}\s*\([A-Z]\)`)
	reJobBare  = regexp.MustCompile(`^(?:[A-Z]{1,3}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?$`)
	reBarcode  = regexp.MustCompile(`\*\d{5,}\*|\*[A-Z]?\d{5,}[A-Z]?\*`)
	rePageNum  = regexp.MustCompile(`^(?i:(?:page|p\.|página|pagina|стр\.?|страница|صفحة|第)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of|de|из|sur)\s*\d{1,4})?\s*页?)$`)
	reSymbol   = regexp.MustCompile(`^[A-Z]{1,4}(?:/[A-Za-z0-9.()\-]+)+$`)
	reDigits   = regexp.MustCompile(`\d+`)
	reNoteMark = regexp.MustCompile(`^(?:\d{1,3}|\*{1,3}|[†‡§]|\(?[a-z]\))(?:\s|\p{L}|\p{P}|$)`)
	reResidue  = regexp.MustCompile(`[\p{L}\p{N}]`)
)

// dropFurniture marks running headers and footers, page numbers, job
// numbers and barcodes. The first occurrence of a running header at the
// top of page 1 (the document symbol) is kept.
func dropFurniture(pages [][]*line) {
	n := len(pages)
	firstText := ""
	if n > 0 && len(pages[0]) > 0 {
		firstText = pages[0][0].text
	}
	type key struct {
		text string
		zone int
	}
	seen := map[key][]*line{}
	for _, ls := range pages {
		for _, l := range ls {
			if hasJobOrBarcode(l.text) {
				l.dropped = true
				continue
			}
			if l.zone == 0 {
				continue
			}
			if rePageNum.MatchString(l.text) || reJobBare.MatchString(l.text) {
				l.dropped = true
				continue
			}
			k := key{strings.Join(strings.Fields(reDigits.ReplaceAllString(l.text, "#")), ""), l.zone}
			seen[k] = append(seen[k], l)
			if l.page > 0 && l.text == firstText && (l.zone == 1 || reSymbol.MatchString(l.text)) {
				l.dropped = true // running header repeating page 1's first line
			}
		}
	}
	for _, ls := range seen {
		pagesWith := map[int]bool{}
		for _, l := range ls {
			if math.Abs(l.base-ls[0].base) < 6 {
				pagesWith[l.page] = true
			}
		}
		if len(pagesWith) < 2 || float64(len(pagesWith)) < 0.5*float64(n-1) {
			continue
		}
		for _, l := range ls {
			if l.page == 0 && l.first && l.zone == 1 {
				continue
			}
			l.dropped = true
		}
	}
}

// hasJobOrBarcode reports whether a line is only a job number, barcode,
// dates and page numbers (the foot of a UN document page).
func hasJobOrBarcode(s string) bool {
	if !reJob.MatchString(s) && !reBarcode.MatchString(s) {
		return false
	}
	rest := reBarcode.ReplaceAllString(reJob.ReplaceAllString(s, ""), "")
	rest = reDigits.ReplaceAllString(rest, "")
	return !reResidue.MatchString(rest)
}

// markNotes marks footnote lines: below the last body line of their page,
// in a smaller font than the body.
func markNotes(pages [][]*line, bodySize float64) {
	for _, ls := range pages {
		lastBody := -1
		for i, l := range ls {
			if !l.dropped && l.size >= 0.9*bodySize {
				lastBody = i
			}
		}
		if lastBody < 0 {
			continue
		}
		for _, l := range ls[lastBody+1:] {
			if !l.dropped && l.size < 0.9*bodySize {
				l.note = true
			}
		}
	}
}

// bodyFontSize is the font size of most characters.
func bodyFontSize(pages [][]*line) float64 {
	count := map[float64]int{}
	best, n := 0.0, -1
	for _, ls := range pages {
		for _, l := range ls {
			if l.dropped {
				continue
			}
			count[l.size] += l.runes
			if count[l.size] > n {
				best, n = l.size, count[l.size]
			}
		}
	}
	return best
}

func layout(pages []page) []extract.Paragraph {
	lines := make([][]*line, len(pages))
	for i, p := range pages {
		lines[i] = buildLines(i, p)
	}
	dropFurniture(lines)
	bodySize := bodyFontSize(lines)
	markNotes(lines, bodySize)
	var body, notes []*line
	for _, ls := range lines {
		for _, l := range ls {
			switch {
			case l.dropped:
			case l.note:
				notes = append(notes, l)
			default:
				body = append(body, l)
			}
		}
	}
	words := wordSet(body)
	out := paragraphs(body, words, false)
	return append(out, paragraphs(notes, words, true)...)
}

// wordSet holds the lower-cased words of the lines (for hyphenation),
// with the parts of hyphenated words, but not the words cut by a line end.
func wordSet(ls []*line) map[string]bool {
	w := map[string]bool{}
	for _, l := range ls {
		fs := strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		for i, f := range fs {
			if i == 0 || i == len(fs)-1 && strings.HasSuffix(f, "-") {
				continue
			}
			f = strings.ToLower(strings.Trim(f, "-"))
			w[f] = true
			if strings.Contains(f, "-") {
				for _, part := range strings.Split(f, "-") {
					w[part] = true
				}
			}
		}
	}
	return w
}

// pitchRatio is the usual distance between baselines of consecutive lines
// of one paragraph, in font sizes.
func pitchRatio(ls []*line) float64 {
	count := map[float64]int{}
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		if a.page != b.page || math.Abs(a.size-b.size) > 0.5 || a.size <= 0 {
			continue
		}
		r := math.Round((a.base-b.base)/a.size*20) / 20
		if r >= 0.9 && r <= 3 {
			count[r]++
		}
	}
	best := 0.0
	for r, c := range count {
		if c >= 2 && (best == 0 || r < best) {
			best = r
		}
	}
	if best == 0 {
		for r := range count {
			if best == 0 || r < best {
				best = r
			}
		}
	}
	if best == 0 {
		best = 1.2
	}
	return best
}

var sentenceEnd = ".;:!?。；：！？…"

func paragraphs(ls []*line, words map[string]bool, note bool) []extract.Paragraph {
	if len(ls) == 0 {
		return nil
	}
	pitch := pitchRatio(ls)
	width := 0.0
	for _, l := range ls {
		width = math.Max(width, l.maxX-l.minX)
	}
	// gap is the distance between the baselines of lines i-1 and i, or -1
	// when they are on different pages or in different fonts.
	gap := func(i int) float64 {
		if i <= 0 || i >= len(ls) {
			return -1
		}
		a, b := ls[i-1], ls[i]
		if a.page != b.page || math.Abs(a.size-b.size) > 1.5 {
			return -1
		}
		return a.base - b.base
	}
	full := func(l *line) bool { return l.maxX-l.minX >= 0.85*width }
	var out []extract.Paragraph
	var b strings.Builder
	page := 0
	flush := func() {
		if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
			out = append(out, extract.Paragraph{Text: t, Page: page + 1, Note: note})
		}
		b.Reset()
	}
	for i, l := range ls {
		if i == 0 {
			page = l.page
			b.WriteString(l.text)
			continue
		}
		p := ls[i-1]
		last, _ := lastRune(p.text)
		first, _ := firstRune(l.text)
		var brk bool
		switch {
		case note:
			brk = reNoteMark.MatchString(l.text) && (p.page != l.page || l.base < p.base)
			if p.page != l.page && !reNoteMark.MatchString(l.text) {
				brk = false
			}
		case p.page != l.page:
			brk = !full(p) || strings.ContainsRune(sentenceEnd, last) && !unicode.IsLower(first)
		default:
			s := math.Max(p.size, l.size)
			g := p.base - l.base
			// A wider gap than between lines of a paragraph in this
			// document, unless the line is one of a run of full lines
			// evenly spaced (double-spaced typescript under a
			// single-spaced address block).
			near := func(n float64) bool { return n > 0 && math.Abs(n-g) <= 0.1*g }
			local := !(full(p) && (full(l) && near(gap(i+1)) || i >= 2 && full(ls[i-2]) && near(gap(i-1))))
			brk = g > s*pitch*1.25 && local || g < 0 ||
				math.Abs(p.size-l.size) > 1.5 ||
				!full(p) ||
				(!l.rtl && l.minX > p.minX+1.5*s && full(p)) ||
				(l.rtl && l.maxX < p.maxX-1.5*s && full(p))
		}
		if brk {
			flush()
			page = l.page
			b.WriteString(l.text)
			continue
		}
		joinLine(&b, l.text, words)
	}
	flush()
	return out
}

func lastRune(s string) (rune, int) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, 0
	}
	return r[len(r)-1], 1
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, 1
	}
	return 0, 0
}

// joinLine appends the next line of a paragraph to b.
func joinLine(b *strings.Builder, next string, words map[string]bool) {
	cur := b.String()
	last, _ := lastRune(cur)
	first, _ := firstRune(next)
	switch {
	case last == 0xAD: // soft hyphen: the word continues
		b.Reset()
		b.WriteString(strings.TrimSuffix(cur, "\u00AD"))
		b.WriteString(next)
	case isCJK(last) && isCJKStrict(first), isCJKStrict(last) && isCJK(first),
		isCJKStrict(last) && first < 0x80 && !unicode.IsLetter(first), last < 0x80 && !unicode.IsLetter(last) && last != ',' && last != ';' && last != ':' && isCJKStrict(first):
		b.WriteString(next)
	case last == '-' && unicode.IsLetter(first):
		head := lastWord(strings.TrimSuffix(cur, "-"))
		tail := firstWord(next)
		if dehyphenate(head, tail, words) {
			b.Reset()
			b.WriteString(strings.TrimSuffix(cur, "-"))
		}
		b.WriteString(next)
	default:
		b.WriteByte(' ')
		b.WriteString(next)
	}
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// dehyphenate decides whether the hyphen at the end of a line (head-|tail)
// only breaks a word. It is kept when the next part starts with a capital
// or a digit, when the document writes head-tail elsewhere, or when either
// part is a word of the document on its own (non-governmental,
// capacity-building) and the joined word is not.
func dehyphenate(head, tail string, words map[string]bool) bool {
	if head == "" || tail == "" {
		return false
	}
	first, _ := firstRune(tail)
	if !unicode.IsLower(first) {
		return false
	}
	h, t := strings.ToLower(head), strings.ToLower(tail)
	if words[h+"-"+t] {
		return false
	}
	if words[h+t] {
		return true
	}
	if len([]rune(h)) >= 2 && words[h] || words[t] || compoundHead[h] {
		return false // non-governmental, gagnant-gagnant, capacity-building
	}
	return true
}

// compoundHead are first parts of words usually written with a hyphen.
var compoundHead = map[string]bool{
	"non": true, "self": true, "well": true, "long": true, "short": true, "cross": true,
	"multi": true, "anti": true, "pre": true, "post": true, "ex": true, "vice": true,
	"semi": true, "quasi": true, "capacity": true, "follow": true, "decision": true,
	"policy": true, "human": true, "peace": true, "state": true, "sub": true,
	"gagnant": true, "sur": true, "norte": true, "sud": true, "sous": true, "après": true,
}
