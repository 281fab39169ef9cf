package pdftext

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// span is the horizontal extent, in points, of one rune of a line's text.
type span struct{ l, r float64 }

// line is one line of text on a page: the characters of one baseline in
// one column, or one block of a row cut by a wide gap (the two sides of
// a masthead).
type line struct {
	page  int // 0-based
	col   int // column of a two-column page (0 left, 1 right), -1 across both; 0 on one-column pages
	text  string
	spans []span // one per rune of text
	base  float64
	size  float64 // dominant font size
	// Ink extent of the line.
	minX, maxX, bottom, top float64
	// originX is where the pen starts the leftmost glyph: the line's left
	// edge as the typesetter aligned it (the ink of "《" or "T" starts
	// further in).
	originX float64
	rtl     bool
	zone    int     // -1 bottom margin, +1 top margin, 0 body
	pageH   float64 // height of its page
	first   bool    // first line of its page
	note    bool
	dropped bool

	glyphs []char // the line's non-space characters, in PDFium order
	gpos   []int  // their indices in the page
	spaces []char // space characters within the line
	spos   []int
	sups   []supRun // raised small glyphs: candidate note references
}

// supRun is a run of raised, smaller glyphs in a line (a superscript): a
// candidate footnote reference when it is a mark ("1", "*", "a").
type supRun struct {
	mark   string
	glyphs []int // indices into line.glyphs
	lead   bool  // the run starts the line (a note's own mark)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0xA0 || r == 0x200B }

// isCJK reports whether r is a Han, kana or CJK punctuation character:
// Chinese lines are joined without a space next to one.
func isCJK(r rune) bool {
	return isCJKStrict(r) || r == '—' || r == '…' || r == '·' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// isCJKStrict is isCJK without the punctuation shared with Latin text.
func isCJKStrict(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x2E80 && r <= 0x2FFF)
}

func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// row is the characters of one baseline before it is cut into lines.
type row struct {
	chars  []char
	pos    []int
	spaces []char
	spos   []int
	base   float64
	size   float64
	col    int // 0 left or only column, 1 right, -1 across both
}

// buildLines groups the characters of a page into lines, in reading
// order: rows by baseline, cut into columns and blocks, each with its text.
func buildLines(pi int, p page) []*line {
	all := make([]int, len(p.chars))
	for i := range all {
		all[i] = i
	}
	rows := groupRows(p, all)
	twoCols := false
	if g, ok := findGutter(rows, p); ok {
		twoCols = true
		if debugGutter != nil {
			debugGutter(pi, g)
		}
		// Each column's characters are grouped again on their own, so
		// that the baselines of one column do not pull the other's; rows
		// with ink across the gutter span both columns.
		var sides [3][]int // left, right, across
		for _, r := range rows {
			across := false
			{
				// Text on both sides of the strip that leaves no wide gap
				// at it is one line.
				l, rt := false, false
				for _, c := range r.chars {
					l, rt = l || c.right <= g.x, rt || c.left >= g.x
					if c.left < g.x && c.right > g.x {
						across = true
					}
				}
				if l && rt && !across {
					across = true
					for _, v := range gaps(r.chars, gutterGap*r.size) {
						if v[0] <= g.x && g.x <= v[1] {
							across = false
						}
					}
				}
				// Above or below the two-column part, text on one side of
				// the strip is a line of the page's single column.
				if !(l && rt) && (r.base > g.hi+gutterReach*r.size || r.base < g.lo-gutterReach*r.size) {
					across = true
				}
			}
			for _, set := range [2][]int{r.pos, r.spos} {
				for _, k := range set {
					c := p.chars[k]
					switch {
					case across:
						sides[2] = append(sides[2], k)
					case (c.left+c.right)/2 < g.x:
						sides[0] = append(sides[0], k)
					default:
						sides[1] = append(sides[1], k)
					}
				}
			}
		}
		rows = nil
		for i, idx := range sides {
			sort.Ints(idx)
			for _, r := range groupRows(p, idx) {
				r.col = []int{0, 1, -1}[i]
				rows = append(rows, r)
			}
		}
	}
	width := 0.0
	if len(p.chars) > 0 {
		minX, maxX := math.Inf(1), math.Inf(-1)
		for _, c := range p.chars {
			if !isSpace(c.r) && validCoord(c) {
				minX, maxX = math.Min(minX, c.left), math.Max(maxX, c.right)
			}
		}
		width = maxX - minX
	}
	var out []*line
	for _, r := range rows {
		w := width
		if twoCols && r.col >= 0 {
			w = math.Inf(1) // a line of a column: its justified gaps can be wide
		}
		for _, piece := range cutBlocks(piece{r, r.col}, w) {
			if l := newLine(pi, piece.r, piece.col, p); l != nil {
				out = append(out, l)
			}
		}
	}
	out = readingOrder(out)
	if len(out) > 0 {
		out[0].first = true
	}
	return out
}

// groupRows groups characters by baseline. A character joins the current
// row when its baseline is near and its size alike, or when it is a
// small glyph right after the row's last glyph (a superscript); else the
// recent row it fits, else a new row.
func groupRows(p page, idx []int) []*row {
	var rows []*row
	var cur *row
	var last char
	fits := func(l *row, c char) bool {
		s := math.Max(l.size, c.size)
		return math.Abs(c.y-l.base) <= baseTol*s
	}
	alike := func(l *row, c char) bool { return c.size > alikeSize*l.size && l.size > alikeSize*c.size }
	for _, k := range idx {
		c := p.chars[k]
		if c.r == 0x02 { // PDFium's mark of a hyphen at the end of a line
			c.r = '-'
		}
		if c.r < 0x20 || c.r == 0x7F || c.r == 0xFFFE || c.r == 0xFFFF || (c.r >= 0x80 && c.r < 0xA0) || !validCoord(c) {
			continue
		}
		if isSpace(c.r) {
			// A space goes with the row of its baseline: producers write
			// the space after a line's last word with the next line, or
			// the lines of a right-to-left paragraph out of order.
			r := cur
			if r != nil && !fits(r, c) {
				r = nil
				for _, l := range rows[max(0, len(rows)-searchLines):] {
					if fits(l, c) {
						r = l
						break
					}
				}
			}
			if r != nil {
				r.spaces = append(r.spaces, c)
				r.spos = append(r.spos, k)
			}
			continue
		}
		if c.size <= 0 {
			c.size = math.Max(c.top-c.bottom, 1)
		}
		adjacent := cur != nil && len(cur.chars) > 0 && c.left-last.right < adjacentGap*cur.size && last.left-c.right < adjacentGap*cur.size
		if cur == nil || !fits(cur, c) || !alike(cur, c) && !adjacent {
			cur = nil
			// Only recent rows: bounded work on hostile pages.
			for _, l := range rows[max(0, len(rows)-searchLines):] {
				if fits(l, c) && alike(l, c) {
					cur = l
					break
				}
			}
			if cur == nil {
				cur = &row{base: c.y, size: c.size}
				rows = append(rows, cur)
			}
		}
		cur.chars = append(cur.chars, c)
		cur.pos = append(cur.pos, k)
		last = c
		if c.size > cur.size*growSize {
			cur.size, cur.base = c.size, c.y
		}
	}
	// Pieces of one row that PDFium gave apart (marks and words written
	// out of order) are merged.
	med := func(a *row) float64 {
		var ys []float64
		for _, c := range a.chars {
			if !unicode.In(c.r, unicode.Mn, unicode.Me) && c.size >= fullSize*a.size {
				ys = append(ys, c.y)
			}
		}
		if len(ys) == 0 {
			return a.base
		}
		sort.Float64s(ys)
		return ys[len(ys)/2]
	}
	// The medians, computed once per row and again when it grows.
	meds := make([]float64, len(rows))
	for i, r := range rows {
		meds[i] = med(r)
	}
	for i := 0; i < len(rows); i++ {
		for j := i + 1; j < len(rows) && j <= i+searchLines; j++ {
			a, b := rows[i], rows[j]
			s := math.Max(a.size, b.size)
			if math.Abs(meds[i]-meds[j]) < rowMerge*s && b.size > alikeSize*a.size && a.size > alikeSize*b.size {
				a.chars = append(a.chars, b.chars...)
				a.pos = append(a.pos, b.pos...)
				a.spaces = append(a.spaces, b.spaces...)
				a.spos = append(a.spos, b.spos...)
				rows = append(rows[:j], rows[j+1:]...)
				meds = append(meds[:j], meds[j+1:]...)
				meds[i] = med(a)
				j--
			}
		}
	}
	for _, r := range rows {
		r.size = dominantSize(r.chars)
		r.base = med(r)
	}
	return mergeRaised(rows)
}

// mergeRaised merges a row of small raised glyphs alone (the mark that
// starts a footnote, set apart from its text by a tab) into the row it is
// raised above.
func mergeRaised(rows []*row) []*row {
	out := rows[:0]
	for i, a := range rows {
		var into *row
		if len(a.chars) <= raisedGlyphs {
			for j := max(0, i-searchLines); j < len(rows) && j <= i+searchLines; j++ {
				b := rows[j]
				if b == a || len(b.chars) == 0 || a.size > supSize*b.size {
					continue
				}
				d := a.base - b.base
				if d < raisedMin*b.size || d > baseTol*b.size {
					continue
				}
				minX, maxX := math.Inf(1), math.Inf(-1)
				for _, c := range b.chars {
					minX, maxX = math.Min(minX, c.left), math.Max(maxX, c.right)
				}
				// Over the line, or before its start on either side (a
				// right-to-left note's mark stands at its right).
				if c := a.chars[0]; c.left >= minX-raisedReach*b.size && c.right <= maxX+raisedReach*b.size {
					into = b
					break
				}
			}
		}
		if into == nil {
			out = append(out, a)
			continue
		}
		into.chars = append(into.chars, a.chars...)
		into.pos = append(into.pos, a.pos...)
		into.spaces = append(into.spaces, a.spaces...)
		into.spos = append(into.spos, a.spos...)
		a.chars = nil
		sortByPos(into)
	}
	return out
}

// sortByPos puts the characters of a row back in PDFium's order.
func sortByPos(r *row) {
	idx := make([]int, len(r.chars))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return r.pos[idx[a]] < r.pos[idx[b]] })
	cs, pos := make([]char, len(idx)), make([]int, len(idx))
	for i, k := range idx {
		cs[i], pos[i] = r.chars[k], r.pos[k]
	}
	r.chars, r.pos = cs, pos
	sp := make([]int, len(r.spaces))
	for i := range sp {
		sp[i] = i
	}
	sort.Slice(sp, func(a, b int) bool { return r.spos[sp[a]] < r.spos[sp[b]] })
	ss, spos := make([]char, len(sp)), make([]int, len(sp))
	for i, k := range sp {
		ss[i], spos[i] = r.spaces[k], r.spos[k]
	}
	r.spaces, r.spos = ss, spos
}

// baseline is the median baseline of the characters of about the
// dominant size (not marks, not superscripts), or def.
func baseline(cs []char, size, def float64) float64 {
	var ys []float64
	for _, c := range cs {
		if !unicode.In(c.r, unicode.Mn, unicode.Me) && c.size >= fullSize*size {
			ys = append(ys, c.y)
		}
	}
	if len(ys) == 0 {
		return def
	}
	sort.Float64s(ys)
	return ys[len(ys)/2]
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

// gaps returns the horizontal gaps wider than min between the glyphs of a
// row, as [left, right] intervals, left to right.
func gaps(cs []char, min float64) [][2]float64 {
	if len(cs) < 2 {
		return nil
	}
	s := make([]char, len(cs))
	copy(s, cs)
	sort.Slice(s, func(i, j int) bool { return s[i].left < s[j].left })
	var out [][2]float64
	right := s[0].right
	for _, c := range s[1:] {
		if c.left-right > min {
			out = append(out, [2]float64{right, c.left})
		}
		right = math.Max(right, c.right)
	}
	return out
}

// debugGutter, when set by a debugging test, is told each gutter found.
var debugGutter func(page int, g gutter)

// gutter is the white strip between the two columns of part of a page.
type gutter struct {
	x      float64 // its middle
	lo, hi float64 // the baselines of the lowest and highest rows it cuts
}

// findGutter looks for the white strip between the two columns of a page:
// an x-position in the middle of the text that a run of body rows (four
// or more, with at most one row in between that crosses it) leave empty
// while holding text on both sides. A page may have one column above
// (a masthead, a voting list) and two below.
func findGutter(rows []*row, p page) (gutter, bool) {
	type iv struct{ l, r float64 }
	var body []*row
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		if r.base > gutterTop*p.h || r.base < gutterBottom*p.h || len(r.chars) < gutterRowGlyphs {
			continue
		}
		body = append(body, r)
		for _, c := range r.chars {
			minX, maxX = math.Min(minX, c.left), math.Max(maxX, c.right)
		}
	}
	if len(body) < gutterBodyRows || maxX-minX < gutterMinWidth {
		return gutter{}, false
	}
	sort.SliceStable(body, func(i, j int) bool { return body[i].base > body[j].base })
	w := maxX - minX
	lo, hi := minX+gutterSpan*w, maxX-gutterSpan*w
	// Candidate positions: the middles of the rows' wide gaps, to 1 pt.
	var gapsOf [][]iv
	seen := map[float64]bool{}
	var cands []float64
	for _, r := range body {
		var g []iv
		for _, x := range gaps(r.chars, gutterGap*r.size) {
			g = append(g, iv{x[0], x[1]})
			if m := math.Round((x[0] + x[1]) / 2); m > lo && m < hi && !seen[m] && len(cands) < maxGutterCands {
				seen[m] = true
				cands = append(cands, m)
			}
		}
		gapsOf = append(gapsOf, g)
	}
	var best gutter
	bestN := 0
	for _, x := range cands {
		// The longest run of rows with the strip at x: rows with text on
		// both sides of it, and rows with text on one side only (the
		// baselines of two columns need not line up), until two rows in a
		// row cross it.
		n, first, last, miss := 0, -1, -1, 0
		var edges []iv
		run := func() {
			if n > bestN && aligned(edges) {
				bestN = n
				best = gutter{x: x, lo: body[last].base, hi: body[first].base}
			}
		}
		for i, g := range gapsOf {
			hit := false
			for _, v := range g {
				if v.l <= x && x <= v.r {
					// Text on both sides, not a label before a tab.
					lo, hi := math.Inf(1), math.Inf(-1)
					for _, c := range body[i].chars {
						lo, hi = math.Min(lo, c.left), math.Max(hi, c.right)
					}
					hit = v.l-lo > gutterSides*w && hi-v.r > gutterSides*w
					if hit {
						edges = append(edges, v)
					}
					break
				}
			}
			cross := false
			if !hit {
				for _, c := range body[i].chars {
					if c.left < x && c.right > x {
						cross = true
						break
					}
				}
			}
			switch {
			case hit:
				if first < 0 {
					first = i
				}
				n, last, miss = n+1, i, 0
			case cross && first >= 0:
				miss++
				if miss > gutterMisses {
					run()
					n, first, last, miss, edges = 0, -1, -1, 0, nil
				}
			case first >= 0:
				last = i
			}
		}
		if first >= 0 {
			run()
		}
	}
	if bestN < minGutterRows {
		return gutter{}, false
	}
	return best, true
}

// aligned reports whether the strips of a run have one edge in common,
// as columns do (a column's text starts at one x, and a justified or
// right-to-left column ends at one x); the rivers of white that justified
// text can show between its words have ragged edges.
func aligned[T interface{ ~struct{ l, r float64 } }](edges []T) bool {
	if len(edges) == 0 {
		return false
	}
	share := func(at func(T) float64) float64 {
		xs := make([]float64, len(edges))
		for i, e := range edges {
			xs[i] = at(e)
		}
		sort.Float64s(xs)
		med, n := xs[len(xs)/2], 0
		for _, x := range xs {
			if math.Abs(x-med) <= edgeTol {
				n++
			}
		}
		return float64(n) / float64(len(xs))
	}
	left := share(func(e T) float64 { return struct{ l, r float64 }(e).l })
	right := share(func(e T) float64 { return struct{ l, r float64 }(e).r })
	return math.Max(left, right) >= edgeShare
}

// piece is part of a row that becomes one line.
type piece struct {
	r   *row
	col int
}

// cutBlocks cuts a row at gaps wider than blockGap font sizes that stand
// out (see below), except the gap after a label at the start.
func cutBlocks(p piece, width float64) []piece {
	var g [][2]float64
	// The row's word spaces: a justified line stretches them all alike.
	var spaces []float64
	for _, x := range gaps(p.r.chars, minWordSpace*p.r.size) {
		if x[1]-x[0] <= blockGap*p.r.size {
			spaces = append(spaces, x[1]-x[0])
		}
	}
	sort.Float64s(spaces)
	for _, x := range gaps(p.r.chars, blockGap*p.r.size) {
		// The wide spaces of a justified line in a narrow column are no
		// cut: the gap must be a good part of the page's width, or three
		// times the row's usual space, or part type of two sizes (a
		// masthead's body name and its symbol).
		var l, r []char
		for _, c := range p.r.chars {
			if c.right <= x[0]+0.01 {
				l = append(l, c)
			} else {
				r = append(r, c)
			}
		}
		a, b := dominantSize(l), dominantSize(r)
		lone := len(spaces) >= 1 && x[1]-x[0] > loneGap*spaces[len(spaces)/2]
		if x[1]-x[0] > blockWidth*width || lone || math.Abs(a-b) > blockSizes*math.Max(a, b) {
			g = append(g, x)
		}
	}
	if len(g) == 0 {
		return []piece{p}
	}
	var out []piece
	from := math.Inf(-1)
	cuts := append(g, [2]float64{math.Inf(1), math.Inf(1)})
	for _, x := range cuts {
		var b row
		for i, c := range p.r.chars {
			if c.left >= from && c.right <= x[0]+0.01 || x[0] == math.Inf(1) && c.left >= from {
				b.chars, b.pos = append(b.chars, c), append(b.pos, p.r.pos[i])
			}
		}
		if len(b.chars) == 0 {
			from = x[1]
			continue
		}
		for k, s := range p.r.spaces {
			if s.left >= from-0.01 && s.right <= x[0]+0.01 {
				b.spaces, b.spos = append(b.spaces, s), append(b.spos, p.r.spos[k])
			}
		}
		b.size = dominantSize(b.chars)
		b.base = baseline(b.chars, b.size, p.r.base)
		// A label alone before the gap (a tab after "1." or "(a)"): the
		// gap does not cut.
		if len(out) == 0 && isLabelOnly(b.chars) && x[0] != math.Inf(1) {
			continue
		}
		out = append(out, piece{&b, p.col})
		from = x[1]
	}
	if len(out) == 0 {
		return []piece{p}
	}
	return out
}

// isLabelOnly reports whether the glyphs spell a paragraph label alone
// ("1.", "(a)", "12 -", "（一）").
func isLabelOnly(cs []char) bool {
	if len(cs) > labelGlyphs {
		return false
	}
	s := make([]char, len(cs))
	copy(s, cs)
	sort.Slice(s, func(i, j int) bool { return s[i].left < s[j].left })
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(c.r)
	}
	t := b.String()
	if m := reLabel.FindString(t + " "); m != "" && len(strings.TrimSpace(m)) == len(t) {
		return true
	}
	// Right to left: "- 1" read left to right is "1 -".
	return reLabelRTL.MatchString(t)
}

// newLine makes the line of a piece of row, or nil when it has no text.
func newLine(pi int, r *row, col int, p page) *line {
	l := &line{page: pi, col: col, size: r.size, base: r.base, glyphs: r.chars, gpos: r.pos, spaces: r.spaces, spos: r.spos}
	l.minX, l.maxX, l.bottom, l.top = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	rtl, ltr := 0, 0
	for _, c := range r.chars {
		if c.left < l.minX {
			l.originX = math.Min(c.x, c.left)
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
	l.rtl = rtl > ltr
	l.findSups()
	l.setText(nil)
	if l.text == "" {
		return nil
	}
	l.pageH = p.h
	switch {
	case l.base > topMargin*p.h:
		l.zone = 1
	case l.base < bottomMargin*p.h:
		l.zone = -1
	}
	return l
}

// isMarkRune reports whether r can be part of a note mark.
func isMarkRune(r rune) bool {
	return r >= '0' && r <= '9' || r == '*' || r == '†' || r == '‡' || r == '§' || r == '¶' ||
		r >= 'a' && r <= 'z' || r >= '٠' && r <= '٩'
}

// findSups records the runs of raised small glyphs of the line.
func (l *line) findSups() {
	order := visualOrder(l.glyphs, l.rtl)
	var cur *supRun
	for n, i := range order {
		c := l.glyphs[i]
		raised := c.size <= supSize*l.size && c.y >= l.base+supRaise*l.size && isMarkRune(c.r)
		if !raised {
			cur = nil
			continue
		}
		if cur == nil {
			l.sups = append(l.sups, supRun{lead: n == 0})
			cur = &l.sups[len(l.sups)-1]
		}
		cur.glyphs = append(cur.glyphs, i)
	}
	for k := range l.sups {
		s := &l.sups[k]
		gs := append([]int(nil), s.glyphs...)
		sort.Slice(gs, func(a, b int) bool { return l.glyphs[gs[a]].left < l.glyphs[gs[b]].left })
		var b strings.Builder
		for _, i := range gs {
			b.WriteRune(l.glyphs[i].r)
		}
		s.mark = b.String()
	}
}

// visualOrder returns the indices of glyphs in reading direction: left to
// right, or right to left for a right-to-left line.
func visualOrder(cs []char, rtl bool) []int {
	idx := make([]int, len(cs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ca, cb := cs[idx[a]], cs[idx[b]]
		if rtl {
			return (ca.left + ca.right) > (cb.left + cb.right)
		}
		return ca.left+ca.right < cb.left+cb.right
	})
	return idx
}

// setText writes the line's text without the glyphs in skip (confirmed
// note references).
func (l *line) setText(skip map[int]bool) {
	cs, pos := l.glyphs, l.gpos
	if len(skip) > 0 {
		cs, pos = nil, nil
		for i, c := range l.glyphs {
			if !skip[i] {
				cs, pos = append(cs, c), append(pos, l.gpos[i])
			}
		}
	}
	var rs []rune
	var sp []span
	if l.rtl {
		rs, sp = rtlText(cs, pos, l.spaces, l.spos, l.size)
	} else {
		rs, sp = ltrText(cs, pos, l.spaces, l.spos, l.size)
	}
	// Collapse white space.
	var b strings.Builder
	spans := sp[:0:0]
	space := false
	for i, r := range rs {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			spans = append(spans, span{sp[i-1].r, sp[i].l})
		}
		space = false
		b.WriteRune(r)
		spans = append(spans, sp[i])
	}
	l.text, l.spans = b.String(), spans
}

// ltrText writes a left-to-right line. Characters stay in PDFium's order
// when it runs left to right; otherwise they are sorted by position. A
// space is written where the PDF has one or PDFium inferred one from a gap,
// except next to a Chinese character (the gaps there are layout, e.g.
// between 2018 and 年).
func ltrText(cs []char, pos []int, sp []char, spos []int, size float64) ([]rune, []span) {
	ordered := true
	for i := 1; i < len(cs); i++ {
		if cs[i].left < cs[i-1].left-backStep*size && cs[i].size > alikeSize*cs[i-1].size {
			ordered = false
			break
		}
	}
	rs := make([]rune, 0, len(cs)+len(sp))
	spans := make([]span, 0, len(cs)+len(sp))
	add := func(r rune, s span) {
		rs = append(rs, r)
		spans = append(spans, s)
	}
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
			if i > 0 {
				cjk := isCJKStrict(cs[i-1].r) || isCJKStrict(c.r)
				// A gap of a quarter of the type size without a space
				// glyph is a space all the same (producers leave some
				// out); kerning never opens one so wide. The gap runs
				// from the ink of the glyph before to the pen's place of
				// this one: the white in a "1" is no gap.
				wide := !real && !gen && !cjk && math.Max(c.x, c.left-inkLead*size)-cs[i-1].right > gapSpace*size && c.size > alikeSize*size && cs[i-1].size > alikeSize*size
				if real || gen && !cjk || wide {
					add(' ', span{cs[i-1].right, c.left})
				}
			}
			add(c.r, span{c.left, c.right})
		}
		return rs, spans
	}
	s := append([]char(nil), cs...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].left < s[j].left })
	for i, c := range s {
		if i > 0 && c.left-s[i-1].right > sortedSpace*size && !(isCJKStrict(s[i-1].r) || isCJKStrict(c.r)) {
			add(' ', span{s[i-1].right, c.left})
		}
		add(c.r, span{c.left, c.right})
	}
	return rs, spans
}

// readingOrder sorts the lines of a page top to bottom; on a two-column
// page, the lines of each column between two rows that span both are read
// column by column (the right column first on a right-to-left page). A
// line of one column above all of the other column's lines (a symbol at
// the head of the page, a masthead) is read as spanning both.
func readingOrder(ls []*line) []*line {
	rtlPage := 0
	cols := false
	top, bottom := [2]float64{math.Inf(-1), math.Inf(-1)}, [2]float64{math.Inf(1), math.Inf(1)}
	for _, l := range ls {
		if l.rtl {
			rtlPage++
		} else {
			rtlPage--
		}
		if l.col >= 0 && l.col <= 1 {
			top[l.col], bottom[l.col] = math.Max(top[l.col], l.base), math.Min(bottom[l.col], l.base)
		}
		if l.col != 0 {
			cols = true
		}
	}
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if math.Abs(a.base-b.base) > sameBase {
			return a.base > b.base
		}
		if rtlPage > 0 {
			return a.maxX > b.maxX
		}
		return a.minX < b.minX
	})
	if !cols {
		return ls
	}
	for _, l := range ls {
		if l.col == 0 || l.col == 1 {
			o := 1 - l.col
			if l.base > top[o]+aboveColumn*l.size {
				l.col = -1
			}
		}
	}
	out := make([]*line, 0, len(ls))
	var left, right []*line
	flush := func() {
		if rtlPage > 0 {
			left, right = right, left
		}
		out = append(out, left...)
		out = append(out, right...)
		left, right = nil, nil
	}
	for _, l := range ls {
		switch l.col {
		case 0:
			left = append(left, l)
		case 1:
			right = append(right, l)
		default:
			flush()
			out = append(out, l)
		}
	}
	flush()
	return out
}
