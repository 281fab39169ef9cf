package pdftext

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// The paragraph model. Lines are classified by where they start (flush
// with the column's margin, indented, under the text after a label) and
// end (short of the margin by more than the next line's first word: the
// line did not end for want of room), and by the vertical gap above them
// against the document's own line pitch. A paragraph breaks on strong
// evidence: a label followed by a tab, a gap wider than the pitch, a
// line that ended with room to spare, a change of type size, or a start
// that does not fit the paragraph's continuation lines (a first-line
// indent, or an outdented label). A short line alone is not evidence when
// the next word would not have fitted on it.
//
// The thresholds are in layout.go.

// reLabel matches a paragraph label at the start of a line: "1.", "12.",
// "１．", "1．" (Chinese writes it without a space), "(a)", "(iv)",
// "(12)", "（一）", "a)", "IV.", Arabic "1 -" and "١ -", Chinese "一、".
var (
	reLabel = regexp.MustCompile(`^(?:(?:[0-9]{1,3}[.．]|[(（](?:[0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6}|[а-яё]{1,2}|\p{Arabic}{1,2})[)）]|[a-z][.)]|[IVXLC]{1,6}\.|[0-9٠-٩]{1,3} ?[-–])(?:\s|$)|(?:[0-9０-９]{1,3}[．。]|[０-９]{1,3}\.|（[a-z一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)\s?)`)
	// reLabelGlued is a label without the space after it, as Chinese
	// text writes "(a)由于".
	reLabelGlued = regexp.MustCompile(`^[(（](?:[0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})[)）]`)
	// reLabelRTL is an Arabic label read left to right: "- 1", "(أ)".
	reLabelRTL = regexp.MustCompile(`^(?:[-–] ?[0-9٠-٩]{1,3}|[()]\p{Arabic}{1,2}[()])$`)
)

// labelEnd returns the byte range of the label that starts s, or nil:
// reLabel, or a number and a full stop glued to Chinese text ("1.肯定").
func labelEnd(s string) []int {
	if loc := reLabel.FindStringIndex(s); loc != nil {
		return loc
	}
	if loc := reLabelGlued.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[loc[1]:]); isCJKStrict(r) {
			return loc
		}
	}
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(s) && s[n] == '.' {
		if r, _ := utf8.DecodeRuneInString(s[n+1:]); isCJKStrict(r) {
			return []int{0, n + 1}
		}
	}
	return nil
}

// colKey names a column's geometry: the parity of the page (mirrored
// margins) and the column (-1 for rows across both).
type colKey struct{ parity, col int }

// model holds what the document's lines say of its layout.
type model struct {
	left, right map[colKey]float64
	pitches     map[float64]float64 // by size, to 0.5 pt
	blocks      map[blockKey]bool   // offsets where blocks of lines start
	startCount  map[blockKey]int    // lines starting at each offset
	local       map[*line]float64   // the pitch around each line (measureLocal)
	// cjkWords: the document breaks Chinese lines between words, not
	// between any two characters (LibreOffice does; browsers do not): a
	// line of one paragraph may end a character or more short.
	cjkWords bool
	rtl      bool // the document is written right to left
	// floor is the lowest body baseline of each column over the pages
	// without notes; notePages are the pages with notes (their body ends
	// above the notes, wherever they leave it).
	floor     map[colKey]float64
	notePages map[int]bool
	index     map[*line]int // position of each line in body
	body      []*line
}

func sizeKey(s float64) float64 { return math.Round(s*2) / 2 }

func keyOf(l *line) colKey { return colKey{l.page % 2, l.col} }

// colOnly is the key of a line's column on any page: offsets from the
// margins of each page are comparable across pages.
func colOnly(l *line) colKey { return colKey{0, l.col} }

// newModel measures the margins of each column and the line pitch of each
// type size over the body lines of the document.
func newModel(ls []*line) *model {
	m := &model{left: map[colKey]float64{}, right: map[colKey]float64{}, pitches: map[float64]float64{}}
	// The margins: where lines start at the least, and where most full
	// lines end (a few reach past it: punctuation hung in the margin).
	letters := 0
	for _, l := range ls {
		if l.rtl {
			letters++
		} else {
			letters--
		}
	}
	m.rtl = letters > 0
	starts, ends := map[colKey][]float64{}, map[colKey][]float64{}
	var sizes []float64
	for _, l := range ls {
		sizes = append(sizes, l.size)
	}
	body := defaultBodySize
	if len(sizes) > 0 {
		sort.Float64s(sizes)
		body = sizes[len(sizes)/2]
	}
	for _, l := range ls {
		k := keyOf(l)
		starts[k] = append(starts[k], m.lineStart(l))
		if math.Abs(l.size-body) <= sizeJump*body {
			ends[k] = append(ends[k], m.lineEnd(l)) // the body's lines, not a masthead's
		}
	}
	for k, v := range starts {
		sort.Float64s(v)
		e := ends[k]
		if len(e) == 0 {
			for _, l := range ls {
				if keyOf(l) == k {
					e = append(e, m.lineEnd(l))
				}
			}
		}
		sort.Float64s(e)
		lo, hi := v[0], rightMargin(e, body)
		if m.rtl {
			m.left[k], m.right[k] = -hi, -lo
		} else {
			m.left[k], m.right[k] = lo, hi
		}
	}
	// Rows across both columns of a page measure against the margins of
	// the two columns together.
	for _, parity := range []int{0, 1} {
		k := colKey{parity, -1}
		if _, ok := m.left[k]; !ok {
			continue
		}
		for _, c := range []int{0, 1} {
			if v, ok := m.left[colKey{parity, c}]; ok && v < m.left[k] {
				m.left[k] = v
			}
			if v, ok := m.right[colKey{parity, c}]; ok && v > m.right[k] {
				m.right[k] = v
			}
		}
	}
	m.cjkWords = wordBroken(m, ls)
	// How many lines start at each offset: a first-line indent is common,
	// the start of a line set flush right or centred is not.
	m.startCount = map[blockKey]int{}
	for _, l := range ls {
		m.startCount[blockKey{colOnly(l), math.Round(m.offset(l))}]++
	}
	// The pitch: between a line that did not end early and the next line
	// when that starts at the margin (the lines of one paragraph), so that
	// the gaps between one-line paragraphs and between the lines of a
	// masthead do not count; failing such pairs, after any line that did
	// not end early; failing that, between any two lines.
	var count map[float64]map[float64]int
	for pass := 0; pass < 3 && len(count) == 0; pass++ {
		count = map[float64]map[float64]int{}
		for i := 1; i < len(ls); i++ {
			a, b := ls[i-1], ls[i]
			if a.page != b.page || a.col != b.col || math.Abs(a.size-b.size) > sameSize || a.size <= 0 {
				continue
			}
			if pass < 2 && m.endedEarly(a, b) || pass == 0 && m.offset(b) > tol(b.size) {
				continue
			}
			g := a.base - b.base
			if g < minPitch*a.size || g > maxPitch*a.size {
				continue
			}
			k := sizeKey(a.size)
			if count[k] == nil {
				count[k] = map[float64]int{}
			}
			count[k][math.Round(g*pitchSteps)/pitchSteps]++
		}
	}
	for k, c := range count {
		best, n := 0.0, 0
		for g := range c {
			// The most frequent pitch, give or take a little (scans
			// waver); of equals, the smallest (the lines within
			// paragraphs, not the gaps between them).
			v := 0
			for h, w := range c {
				if math.Abs(g-h) <= math.Max(minPitchAgree, pitchAgree*g) {
					v += w
				}
			}
			if v > n || v == n && g < best {
				best, n = g, v
			}
		}
		m.pitches[k] = best
	}
	return m
}

// rightMargin is where full lines end, given the ends of a column's lines
// sorted. In justified text most lines end at the margin: the highest end
// that other lines share (within a point, a tenth of the lines or two),
// unless it lies more than 0.6 of the type size below the highest (a few
// lines reach past the margin with punctuation hung in it). Ragged text
// has no such end: then the end that a fifth of the lines reach, which
// errs short of the longest line (a masthead or a table may reach past
// the text).
func rightMargin(e []float64, size float64) float64 {
	n := len(e)
	need := max(marginMinLines, n/marginShare)
	for i := n - 1; i >= 0 && e[n-1]-e[i] <= marginHang*size; i-- {
		k := 0
		for j := i; j >= 0 && e[i]-e[j] <= marginTol; j-- {
			k++
		}
		for j := i + 1; j < n && e[j]-e[i] <= marginTol; j++ {
			k++
		}
		if k >= need {
			return e[i]
		}
	}
	return e[n-1-n/raggedShare]
}

// wordBroken reports whether the Chinese lines of a document that go on
// in the next line (the next starts flush, a line pitch below) often end
// short of the margin by half a character or more: a fifth of them or
// more (measured: 21-35% in LibreOffice's PDFs, 10-14% in Chromium's,
// which fill them to within a few points).
func wordBroken(m *model, ls []*line) bool {
	n, short := 0, 0
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		ra := []rune(a.text)
		if len(ra) < wordBrokenRunes || !isCJKStrict(ra[len(ra)-1]) && !isCJKStrict(ra[len(ra)-2]) {
			continue
		}
		if a.page != b.page || a.col != b.col || math.Abs(a.size-b.size) > sameSize || a.base-b.base > wordBrokenPitch*a.size || math.Abs(m.offset(b)) > tol(b.size) {
			continue
		}
		room := m.room(a)
		if room > lastLineRoom*a.size {
			continue // a paragraph's last line
		}
		n++
		if room >= wordBrokenRoom*a.size {
			short++
		}
	}
	return n >= wordBrokenLines && wordBrokenShare*short >= n
}

// pitch is the usual distance between the baselines of two lines of one
// paragraph in type of the size.
func (m *model) pitch(size float64) float64 {
	if p, ok := m.pitches[sizeKey(size)]; ok && p > 0 {
		return p
	}
	// The nearest size measured, scaled.
	best, d := 0.0, math.Inf(1)
	for k, p := range m.pitches {
		if math.Abs(k-size) < d {
			best, d = p/k*size, math.Abs(k-size)
		}
	}
	if best > 0 {
		return best
	}
	return defaultPitch * size
}

// Reading-direction geometry: x grows from where lines start (the left
// margin, or the right one in a right-to-left document, whatever the
// script of the line) to where they end.
func (m *model) lineStart(l *line) float64 { return pick(m.rtl, -l.maxX, l.originX) }
func (m *model) lineEnd(l *line) float64   { return pick(m.rtl, -l.minX, l.maxX) }

func pick(rtl bool, a, b float64) float64 {
	if rtl {
		return a
	}
	return b
}

// offset is how far a line starts from its column's margin.
func (m *model) offset(l *line) float64 {
	k := keyOf(l)
	return m.lineStart(l) - pick(m.rtl, -m.right[k], m.left[k])
}

// room is the space between the end of a line and its column's margin.
func (m *model) room(l *line) float64 {
	k := keyOf(l)
	return pick(m.rtl, -m.left[k], m.right[k]) - m.lineEnd(l)
}

// extent is the reading-direction interval of runes [i, j) of a line.
func (m *model) extent(l *line, i, j int) (float64, float64) {
	a, b := math.Inf(1), math.Inf(-1)
	for _, s := range l.spans[i:j] {
		a, b = math.Min(a, pick(m.rtl, -s.r, s.l)), math.Max(b, pick(m.rtl, -s.l, s.r))
	}
	return a, b
}

// firstWord is the width of the line's first word, and whether a space
// would precede it at the end of the line before (not for Chinese).
func (m *model) firstWord(l *line) (float64, bool) {
	rs := []rune(l.text)
	if len(rs) == 0 {
		return 0, false
	}
	if isCJKStrict(rs[0]) {
		// A Chinese character takes a full em, whatever its ink; where
		// the document breaks Chinese by words from a dictionary (此外,
		// 阿塞拜疆; see cjkWords) take two, and the punctuation after them
		// that may not start a line goes with them.
		n := 1
		if m.cjkWords {
			n = min(cjkWordChars, len(rs))
		}
		for n < len(rs) && strings.ContainsRune(noLineStart, rs[n]) {
			n++
		}
		return float64(n) * l.size, false
	}
	j := 0
	for j < len(rs) && rs[j] != ' ' && !isCJKStrict(rs[j]) {
		j++
	}
	a, b := m.extent(l, 0, j)
	return b - a, true
}

// noParaEnd is the punctuation no paragraph ends with: the Chinese
// enumeration comma (between the items of a list, within a sentence) and
// opening brackets and quotes.
const noParaEnd = "、（《〈「『【〔“‘([{«"

// noLineStart is the punctuation that may not start a line of Chinese
// text: it goes to the next line with the character before it.
const noLineStart = "、。，．：；！？）」』】〉》〕｝”’…—·%％"

// label describes a paragraph label at the start of a line.
type label struct {
	ok    bool
	tab   bool    // a tab-wide gap follows it
	after float64 // offset of the text after it
}

func (m *model) labelOf(l *line) label {
	loc := labelEnd(l.text)
	if loc == nil {
		return label{}
	}
	head := strings.TrimRight(l.text[:loc[1]], " ")
	n := utf8.RuneCountInString(head)
	k := utf8.RuneCountInString(l.text[:loc[1]])
	if k >= len(l.spans) || n == 0 {
		return label{ok: true}
	}
	_, endLabel := m.extent(l, n-1, n)
	startText, _ := m.extent(l, k, k+1)
	return label{
		ok:    true,
		tab:   startText-endLabel > labelTab*l.size,
		after: startText - (m.lineStart(l) - m.offset(l)),
	}
}

func tol(size float64) float64 { return math.Max(minIndentTol, indentTol*size) }

// endsClause reports whether s ends where an operative paragraph may:
// after a full stop, semicolon, colon or comma, in any script.
func endsClause(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:,!?。；：，！？،؛", r)
}

// centred reports whether a line stands in the middle of its column, set
// in from both margins, and not at an indent the document uses (a
// first-line indent on a line that ends as far short of the margin).
func (m *model) centred(l *line) bool {
	off, room := m.offset(l), m.room(l)
	return off > tol(l.size) && room > tol(l.size) && math.Abs(off-room) < centreTol*tol(l.size) && !m.common(l)
}

// para is the paragraph being built.
type para struct {
	lines []*line
	cont  float64 // offset of its continuation lines (valid with 2+ lines)
	pitch float64 // distance between its first two lines, or 0
}

// breaks decides whether line l starts a new paragraph after line p, the
// last line of par, and returns the evidence ("" when l continues par).
func (m *model) breaks(par *para, p, l *line) string {
	if math.Abs(p.size-l.size) > sizeJump*math.Max(p.size, l.size) {
		return "size"
	}
	if a, b := weightOf(p), weightOf(l); a != b && a != mixed && b != mixed {
		return "weight" // a bold heading and plain text
	}
	lab := m.labelOf(l)
	if lab.ok && lab.tab {
		return "label+tab"
	}
	below := p.page == l.page && p.base > l.base && (p.col == l.col || p.col < 0 || l.col < 0)
	if below {
		g, pitch := p.base-l.base, m.pitch(p.size)
		if v, ok := m.local[l]; ok {
			pitch = v
		}
		if par.pitch > 0 {
			pitch = par.pitch
		}
		if g > pitch+math.Max(minParaGap, paraGap*p.size) {
			return "gap"
		}
	}
	if m.endedEarly(p, l) {
		return "room"
	}
	if l.page > p.page && m.shortColumn(p, l) {
		return "foot"
	}
	if lab.ok && (endsClause(p.text) || !below) {
		return "label" // a label after a clause, or at the head of a page or column
	}
	t := tol(l.size)
	off := m.offset(l)
	if m.centred(p) && m.centred(l) {
		return ""
	}
	if len(par.lines) >= 2 {
		if math.Abs(off-par.cont) > t {
			return "start"
		}
		return ""
	}
	pOff := m.offset(p)
	switch {
	case math.Abs(off-pOff) <= t:
		// Two lines at one start: a paragraph's lines, unless that start
		// is an indent (two first lines of first-line-indented
		// paragraphs; a paragraph's lines return to the margin).
		if pOff > t && !m.blockIndent(pOff, p) {
			return "indents"
		}
		return ""
	case m.labelOf(p).ok && off > pOff:
		// Hanging indent: the lines after a label's start further in,
		// under the text after the label or wherever the indent is.
		return ""
	case off < pOff-t:
		return "" // back to the margin after a first-line indent
	}
	return "indent"
}

// shortColumn reports whether p, the last line of its page, stopped
// above its column's floor with room for the next line of its
// paragraph, so the paragraph ended there: a typesetter fills a column
// unless widow control moves a paragraph's last line over with the one
// before it (then the paragraph goes on for two lines exactly) or orphan
// control moves a new paragraph's first line with its second. Pages with
// notes are left out: a note can push its reference line over. So are
// columns followed by another on their page: columns are balanced at the
// end of a section.
func (m *model) shortColumn(p, l *line) bool {
	if m.notePages[p.page] {
		return false
	}
	floor, ok := m.floor[colOnly(p)]
	if !ok {
		return false
	}
	pitch := m.pitch(p.size)
	if v, ok := m.local[p]; ok {
		pitch = v
	}
	// The floor is where lines have been seen, not where the typesetter
	// stops: a line fits when it would stand at or above it.
	slack := floorSlack
	switch {
	case p.base-pitch < floor-slack:
		return false // no room for another line
	case p.base-widowLines*pitch >= floor-slack:
		return true // room for two: neither widow nor orphan control did it
	}
	return m.runFrom(l) > widowLines
}

// runFrom counts the lines of one paragraph from l on, up to
// widowLines+1.
func (m *model) runFrom(l *line) int {
	i, ok := m.index[l]
	if !ok {
		return 0
	}
	par := &para{lines: []*line{l}}
	for j := i + 1; j < len(m.body) && len(par.lines) <= widowLines; j++ {
		n := m.body[j]
		if n.page != l.page || n.col != l.col || m.breaks(par, par.lines[len(par.lines)-1], n) != "" {
			break
		}
		par.lines = append(par.lines, n)
		if len(par.lines) == 2 {
			par.cont = m.offset(n)
			par.pitch = l.base - n.base
		}
	}
	return len(par.lines)
}

// measureFloors finds the floor of each column over the pages without
// notes.
func (m *model) measureFloors(ls []*line, notePages map[int]bool) {
	m.floor, m.notePages, m.index, m.body = map[colKey]float64{}, notePages, map[*line]int{}, ls
	for i, l := range ls {
		m.index[l] = i
		if notePages[l.page] || l.col < 0 {
			continue
		}
		k := colOnly(l)
		if f, ok := m.floor[k]; !ok || l.base < f {
			m.floor[k] = l.base
		}
	}
}

// The weight of a line: all its letters bold, none, or some.
const (
	plain = iota
	mixed
	allBold
)

// weightOf tells whether the letters of l are all bold, none or some
// (a bold word in a plain paragraph); digits and punctuation, often set
// in the paragraph's weight around a bold run, do not count.
func weightOf(l *line) int {
	bold, n := 0, 0
	for _, g := range l.glyphs {
		if !unicode.IsLetter(g.r) {
			continue
		}
		n++
		if g.bold {
			bold++
		}
	}
	switch {
	case bold == 0 || n == 0:
		return plain
	case bold == n:
		return allBold
	}
	return mixed
}

// blockIndent reports whether the document has runs of three lines or
// more at that offset in the column of l: text indented as a block
// (a quotation, a list's continuation lines), not first lines.
func (m *model) blockIndent(off float64, l *line) bool {
	return m.blocks[blockKey{colOnly(l), math.Round(off)}]
}

type blockKey struct {
	col colKey
	off float64
}

// endedEarly reports whether line p ended with room for the first word of
// l: it did not end for want of space.
func (m *model) endedEarly(p, l *line) bool {
	if strings.HasSuffix(p.text, "-") || strings.HasSuffix(p.text, "\u00AD") {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(p.text); strings.ContainsRune(noParaEnd, r) {
		return false
	}
	w, space := m.firstWord(l)
	need := w + fitSlack*l.size
	if space {
		need += spaceWidth * l.size
	}
	room := m.room(p)
	if off := m.offset(p); m.centred(p) || off > tol(p.size) && !m.common(p) && !m.labelOf(p).ok {
		room += off // a line set centred or flush right has room at its start too
	}
	return room > need
}

// common reports whether at least three lines of the document start where
// l does, give or take the tolerance.
func (m *model) common(l *line) bool {
	k, off, n := colOnly(l), m.offset(l), 0
	for d := -math.Ceil(tol(l.size)); d <= math.Ceil(tol(l.size)); d++ {
		n += m.startCount[blockKey{k, math.Round(off) + d}]
	}
	return n >= commonStarts
}

// measureBlocks finds the offsets at which three consecutive lines or
// more start in one column of one page, each but the last filled up to
// the margin: text indented as a block, not first lines.
func (m *model) measureBlocks(ls []*line) {
	m.blocks = map[blockKey]bool{}
	run, prev := 0, math.NaN()
	for i, l := range ls {
		off := math.Round(m.offset(l))
		if i > 0 && ls[i-1].page == l.page && ls[i-1].col == l.col && math.Abs(off-prev) <= tol(l.size) && off > tol(l.size) && !m.endedEarly(ls[i-1], l) {
			run++
		} else {
			run = 1
		}
		prev = off
		if run >= blockRun {
			m.blocks[blockKey{colOnly(l), off}] = true
		}
	}
}

// traceBreaks, when set (by a debugging test), is told the evidence for
// each line's break.
var traceBreaks func(l *line, why, detail string)

// measureLocal finds the line pitch around each line: the least distance
// between the baselines of two lines of one paragraph (the first did not
// end early, and the pair is one of a run of such pairs evenly spaced)
// among the three pairs before and after it, in its column and type size,
// where the lines overlap it across; two such pairs at least, or the
// document's pitch holds. A document can change its
// spacing (a single-spaced address block over double-spaced text); the
// pitch near a line is the one that tells its paragraph gap.
func (m *model) measureLocal(ls []*line) {
	m.local = map[*line]float64{}
	pairGap := make([]float64, len(ls)) // 0 where lines i-1 and i are no pair
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		if a.page != b.page || a.col != b.col || math.Abs(a.size-b.size) > sameSize {
			continue
		}
		g := a.base - b.base
		if g < minPitch*a.size || g > maxPitch*a.size || m.endedEarly(a, b) {
			continue
		}
		pairGap[i] = g
	}
	// Only pairs in a run of three lines or more of one paragraph, evenly
	// spaced, count: two lines apart from each other can be two
	// paragraphs whose first ended full.
	run := make([]float64, len(ls))
	for i := 1; i < len(ls); i++ {
		for _, j := range []int{i - 1, i + 1} {
			if j >= 1 && j < len(ls) && pairGap[i] > 0 && pairGap[j] > 0 && math.Abs(pairGap[i]-pairGap[j]) <= evenPitch*pairGap[i] {
				run[i] = pairGap[i]
			}
		}
	}
	pairGap = run
	overlap := func(a, b *line) bool { return a.minX < b.maxX && b.minX < a.maxX }
	for i := 1; i < len(ls); i++ {
		best, n := math.Inf(1), 0
		for j := max(1, i-localPairs); j <= i+localPairs && j < len(ls); j++ {
			if pairGap[j] > 0 && ls[j].page == ls[i].page && ls[j].col == ls[i].col &&
				math.Abs(ls[j].size-ls[i].size) <= sameSize && overlap(ls[j], ls[i]) {
				best = math.Min(best, pairGap[j])
				n++
			}
		}
		if n >= minLocalPairs {
			m.local[ls[i]] = best
		}
	}
}

// paragraphs splits body lines into paragraphs.
func (m *model) paragraphs(ls []*line, words map[string]bool) []extract.Paragraph {
	var out []extract.Paragraph
	var cur *para
	flush := func() {
		if cur == nil {
			return
		}
		if t := joinLines(cur.lines, words); t != "" {
			out = append(out, extract.Paragraph{Text: t, Page: cur.lines[0].page + 1})
		}
		cur = nil
	}
	m.measureLocal(ls)
	for _, l := range ls {
		why := ""
		if cur != nil {
			why = m.breaks(cur, cur.lines[len(cur.lines)-1], l)
			if traceBreaks != nil {
				traceBreaks(l, why, fmt.Sprintf("off=%.1f room=%.1f cont=%.1f col=%d", m.offset(l), m.room(l), cur.cont, l.col))
			}
		}
		if cur != nil && why == "" {
			cur.lines = append(cur.lines, l)
			if len(cur.lines) == 2 {
				cur.cont = m.offset(l)
				if p := cur.lines[0]; p.page == l.page && p.col == l.col {
					cur.pitch = p.base - l.base
				}
			}
			continue
		}
		flush()
		cur = &para{lines: []*line{l}}
	}
	flush()
	return out
}

// joinLines joins the lines of a paragraph.
func joinLines(ls []*line, words map[string]bool) string {
	var b strings.Builder
	for i, l := range ls {
		if i == 0 {
			b.WriteString(l.text)
			continue
		}
		joinLine(&b, l.text, words)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// joinLine appends the next line of a paragraph to b: without a space
// between Chinese characters, without the hyphen of a word broken at the
// end of a line, otherwise with a space.
func joinLine(b *strings.Builder, next string, words map[string]bool) {
	cur := b.String()
	last := lastRune(cur)
	first := firstRune(next)
	switch {
	case last == 0xAD: // soft hyphen: the word continues
		b.Reset()
		b.WriteString(strings.TrimSuffix(cur, "\u00AD"))
		b.WriteString(next)
	case isCJK(last) && isCJKStrict(first), isCJKStrict(last) && isCJK(first),
		isCJKStrict(last) && first < 0x80 && !unicode.IsLetter(first), last < 0x80 && !unicode.IsLetter(last) && last != ',' && last != ';' && last != ':' && isCJKStrict(first):
		b.WriteString(next)
	case strings.ContainsRune("([{«‹“„", last) || strings.ContainsRune(")]}»›”", first):
		b.WriteString(next) // "(" at the end of a line, ")" at the start of the next
	case strings.HasSuffix(cur, " -") || strings.HasSuffix(cur, " --") || strings.HasPrefix(next, "--"):
		b.WriteByte(' ') // a dash set between spaces: "бедствиями --" and "транснациональной"
		b.WriteString(next)
	case last == '-' && unicode.IsDigit(first):
		b.WriteString(next) // a range: "5-" and "13 September"
	case last == '-' && unicode.IsLetter(first):
		head := lastWordOf(strings.TrimSuffix(cur, "-"))
		tail := firstWordOf(next)
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

func lastWordOf(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWordOf(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// wordSet holds the lower-cased words of the lines, hyphenated ones as
// written, but not the words cut by a line end (for dehyphenate).
func wordSet(ls []*line) map[string]bool {
	w := map[string]bool{}
	for _, l := range ls {
		fs := strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		for i, f := range fs {
			if i == 0 || i == len(fs)-1 && strings.HasSuffix(f, "-") {
				continue
			}
			w[strings.ToLower(strings.Trim(f, "-"))] = true
		}
	}
	return w
}

// dehyphenate decides whether the hyphen at the end of a line (head-|tail)
// only breaks a word. The document decides: the hyphen goes when the
// document writes the joined word elsewhere and never the hyphenated one.
// Without such evidence it stays: UN documents are not hyphenated by
// their word processors, so a hyphen at the end of a line is almost
// always part of the text (non-governmental, contingent-owned,
// capacity-building).
func dehyphenate(head, tail string, words map[string]bool) bool {
	if head == "" || tail == "" {
		return false
	}
	if !unicode.IsLower(firstRune(tail)) {
		return false
	}
	h, t := strings.ToLower(head), strings.ToLower(tail)
	return words[h+t] && !words[h+"-"+t]
}
