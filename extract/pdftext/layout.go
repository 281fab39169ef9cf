package pdftext

import (
	"strings"

	"github.com/driftcheck/driftcheck/extract"
)

// The thresholds of the layout rules, each in one place. Unless said
// otherwise, a length is a factor of the font size of the line (or row,
// or character) it is measured on, a share of a page is a factor of its
// height or of the width of its text, and a count is of lines or glyphs.

// Line building (lines.go): characters into rows, rows into lines.
const (
	// searchLines is how many earlier lines of a page a character or a
	// piece of line is compared with, to keep the work linear on hostile
	// pages.
	searchLines = 64
	// baseTol is how far a character's baseline may lie from its line's.
	baseTol = 0.6
	// alikeSize: two characters, rows or glyphs whose sizes are each
	// more than this share of the other are of one type size.
	alikeSize = 0.7
	// adjacentGap: a glyph less than this far from the row's last glyph,
	// on either side, is adjacent to it (and joins the row whatever its
	// size: a superscript).
	adjacentGap = 0.5
	// growSize: a glyph larger than this many times the row's size sets
	// the row's size and baseline.
	growSize = 1.1
	// fullSize: the characters of at least this share of the dominant
	// size (not superscripts) give a row's median baseline.
	fullSize = 0.9
	// rowMerge: two rows whose median baselines lie closer than this (of
	// the larger size) are one row that PDFium gave in pieces.
	rowMerge = 0.35
	// supRaise and supSize: a glyph raised by at least supRaise and no
	// larger than supSize of its line is a superscript.
	supRaise = 0.2
	supSize  = 0.8
	// raisedGlyphs, raisedMin and raisedReach: a row of at most
	// raisedGlyphs small glyphs (supSize), raised between raisedMin and
	// baseTol above a row and standing within raisedReach of its ends,
	// is a mark set apart from its text by a tab, and joins that row.
	raisedGlyphs = 4
	raisedMin    = 0.1
	raisedReach  = 4
	// blockGap is the horizontal gap that cuts a row into blocks (the
	// sides of a masthead, a table's cells): wider than any word space
	// of justified text, narrower than the gap between a masthead's body
	// name and its symbol. The gap after a paragraph label at the start
	// of a line (a tab) never cuts.
	blockGap = 3.0
	// minWordSpace is the least gap counted as one of a row's word
	// spaces, for loneGap.
	minWordSpace = 0.15
	// A gap of blockGap or more cuts when it stands out: wider than
	// blockWidth of the page's text width, or than loneGap times the
	// row's median word space, or between type whose sizes differ by
	// more than blockSizes of the larger.
	blockWidth = 0.2
	loneGap    = 3
	blockSizes = 0.1
	// labelGlyphs is the most glyphs a paragraph label alone ("1.",
	// "(a)") has.
	labelGlyphs = 8
	// topMargin and bottomMargin: a line above topMargin of its page's
	// height is in the top margin, one below bottomMargin in the bottom
	// margin (where running headers and footers are).
	topMargin    = 0.88
	bottomMargin = 0.12
	// backStep: a glyph that starts more than this left of the one before
	// (in type of about its size) means PDFium gave the line's glyphs out
	// of order.
	backStep = 0.5
	// gapSpace: a gap this wide without a space glyph is a space all the
	// same (producers leave some out; kerning never opens one so wide),
	// measured from the ink of the glyph before to inkLead before the
	// pen's place of this one.
	gapSpace = 0.25
	inkLead  = 0.1
	// sortedSpace is the gap that is a space between glyphs sorted by
	// position (a line PDFium gave out of order).
	sortedSpace = 0.2
	// sameBase: lines whose baselines differ by no more than this (in
	// points) are side by side, read left to right.
	sameBase = 0.5
	// aboveColumn: a line of one column higher than this above all the
	// other column's lines is read as spanning both.
	aboveColumn = 0.5
)

// Columns (lines.go, findGutter): the white strip between two columns.
const (
	// gutterGap is the least width of the white strip between two
	// columns.
	gutterGap = 0.8
	// minGutterRows is how many rows a gutter must cut: fewer are the
	// rivers of white that justified text can show between its words.
	minGutterRows = 6
	// gutterTop and gutterBottom bound the body rows a gutter is looked
	// for in (shares of the page's height); gutterRowGlyphs is the fewest
	// glyphs such a row has.
	gutterTop       = 0.92
	gutterBottom    = 0.08
	gutterRowGlyphs = 4
	// gutterBodyRows is the fewest body rows, and gutterMinWidth the
	// least width of their text (in points), of a page with a gutter.
	gutterBodyRows = 4
	gutterMinWidth = 100
	// gutterSpan: a gutter lies more than this share of the text's width
	// in from either side.
	gutterSpan = 0.3
	// gutterSides: a row the strip cuts has text on each side of it
	// wider than this share of the text's width (not a label before a
	// tab).
	gutterSides = 0.2
	// gutterMisses is how many rows in a row may cross the strip within
	// a run of rows it cuts.
	gutterMisses = 1
	// maxGutterCands bounds the positions tried, for bounded work on
	// hostile pages.
	maxGutterCands = 400
	// edgeTol and edgeShare: the strips of a run share an edge when
	// edgeShare of them have their left or their right edge within
	// edgeTol points of the median.
	edgeTol   = 1.5
	edgeShare = 0.7
	// gutterReach: above or below the two-column part by more than this,
	// text on one side of the strip is a line of the page's single
	// column.
	gutterReach = 0.5
)

// Running headers and footers (furniture.go).
const (
	// mastheadLines is how many lines of page 1 are its head: a header
	// of the later pages that repeats one of them is furniture there.
	mastheadLines = 10
	// furnitureBase: lines of the same text in the same margin are one
	// running header or footer when their baselines differ by less than
	// this (in points)...
	furnitureBase = 6
	// ...and they stand on furniturePages pages or more, and on at least
	// furnitureShare of the pages after the first.
	furniturePages = 2
	furnitureShare = 0.5
)

// Clipped overflow (overflow.go).
const (
	twinSlack   = 0.3  // points the box edges of a glyph and its twin may differ by
	twinSizeTol = 0.05 // relative difference of type size
)

// Notes (notes.go).
const (
	// noteSize: a line smaller than this share of the body size is in
	// a smaller type than the body.
	noteSize = 0.95
	// markGap: a gap after the mark wider than this many font sizes is a
	// tab (LibreOffice writes "1⇥text" in its footnote area).
	markGap = 0.6
	// footArea: the foot of a page, where a wide gap above a line that
	// starts with a mark sets a footnote area apart, is below this share
	// of the page's height.
	footArea = 0.45
	// noteRun: a line that starts with a pending mark starts the notes
	// when lines from it on start with this many pending marks in turn
	// (endnotes in the body's type).
	noteRun = 2
	// noteReach: a line higher than this above the first note line is
	// not a note (unless both are in the notes' type).
	noteReach = 0.5
)

// The paragraph model (paragraphs.go).
const (
	// paraGap: a gap between baselines wider than the pitch by this much
	// separates paragraphs (6 pt of spacing under 11 pt type is 0.55;
	// lines of Chinese with Latin words in them run up to 0.2 apart).
	paraGap = 0.3
	// minParaGap is the same in points, for small type.
	minParaGap = 2.0
	// indentTol: two line starts closer than this are the same start.
	indentTol = 0.25
	// minIndentTol is the same in points.
	minIndentTol = 2.0
	// spaceWidth is the width of a word space in type of the size.
	spaceWidth = 0.25
	// fitSlack: a line ended with room to spare when the room is wider
	// than the next line's first word and a space by this much.
	fitSlack = 0.15
	// labelTab: a gap after a label wider than this is a tab.
	labelTab = 1.2
	// sizeJump: lines whose sizes differ by more than this share are in
	// different paragraphs (a heading, a masthead).
	sizeJump = 0.12
	// sameSize: lines whose sizes differ by no more than this (in
	// points) are in one type size, for measuring the pitch.
	sameSize = 0.5
	// minPitch and maxPitch bound the distance between two baselines
	// that can be a line pitch.
	minPitch = 0.9
	maxPitch = 2.5
	// pitchSteps: pitches are counted to 1/pitchSteps of a point.
	pitchSteps = 4
	// pitchAgree and minPitchAgree: two pitches within pitchAgree of the
	// larger, or minPitchAgree points, are one (scans waver).
	pitchAgree    = 0.04
	minPitchAgree = 0.5
	// defaultPitch is the pitch of a type size no line measured.
	defaultPitch = 1.2
	// defaultBodySize is the body size (points) of a document without
	// lines.
	defaultBodySize = 10.0
	// The right margin of justified text is the highest line end that
	// marginMinLines lines, or a marginShare-th of them, share within
	// marginTol points, unless more than marginHang below the highest
	// end (punctuation hung in the margin); of ragged text, the end that
	// a raggedShare-th of the lines reach.
	marginMinLines = 2
	marginShare    = 10
	marginTol      = 1
	marginHang     = 0.6
	raggedShare    = 5
	// A document breaks Chinese between words (wordBroken) when of its
	// lines of wordBrokenRunes characters or more that go on in the
	// next line (flush, at most wordBrokenPitch below) and are no
	// paragraph's last line (room for lastLineRoom), a
	// wordBrokenShare-th or more end wordBrokenRoom short of the
	// margin, over wordBrokenLines lines at least.
	wordBrokenRunes = 8
	wordBrokenPitch = 1.6
	lastLineRoom    = 3
	wordBrokenRoom  = 0.4
	wordBrokenShare = 5
	wordBrokenLines = 8
	// cjkWordChars is the first word of a Chinese line, in characters,
	// where the document breaks Chinese by words.
	cjkWordChars = 2
	// centreTol: a line set in from both margins by amounts within
	// centreTol start tolerances of each other is centred.
	centreTol = 2
	// floorSlack: a line fits in a column when it would stand no more
	// than this (in points) below its floor.
	floorSlack = 0.5
	// widowLines is how many lines widow and orphan control move: a
	// column that stopped with room for that many more lines, or before
	// a paragraph of more, ended its paragraph.
	widowLines = 2
	// commonStarts: a start shared by this many lines of the document is
	// one the document uses (an indent).
	commonStarts = 3
	// blockRun: a run of this many lines at one offset, each but the last
	// filled up to the margin, is text indented as a block.
	blockRun = 3
	// The local pitch is the least of the evenly spaced pairs (pitches
	// within evenPitch of each other) among the localPairs pairs before
	// and after a line, when there are minLocalPairs of them.
	evenPitch     = 0.1
	localPairs    = 3
	minLocalPairs = 2
)

// layout turns the characters of the pages into paragraphs: lines (in
// reading order, columns apart), without running headers, footers and
// other furniture, notes apart and their reference marks out of the body,
// then paragraphs by the paragraph model (see paragraphs.go). Notes follow
// the body. It consumes the pages: their characters are released as soon
// as their lines are built.
func layout(pages []page) []extract.Paragraph {
	lines := make([][]*line, len(pages))
	for i, p := range pages {
		lines[i] = buildLines(i, p)
		pages[i].chars = nil // the lines hold what is needed: free the rest
	}
	dropFurniture(lines)
	dropOverflow(lines)
	bodySize := bodyFontSize(lines)
	var kept []*line
	for _, ls := range lines {
		for _, l := range ls {
			if !l.dropped {
				kept = append(kept, l)
			}
		}
	}
	starts, confirmed := findNotes(lines, bodySize)
	var body, notes []*line
	for _, l := range kept {
		if l.note {
			notes = append(notes, l)
			continue
		}
		removeReferences(l, confirmed)
		if l.text != "" {
			body = append(body, l)
		}
	}
	notePages := map[int]bool{}
	for _, l := range notes {
		notePages[l.page] = true
	}
	m := newModel(body)
	m.measureBlocks(body)
	m.measureFloors(body, notePages)
	out := m.paragraphs(body, wordSet(body))
	return append(out, noteParagraphs(notes, starts, wordSet(body))...)
}

// removeReferences takes the confirmed note references (raised marks) out
// of a body line's text.
func removeReferences(l *line, confirmed map[string]bool) {
	var skip map[int]bool
	for _, s := range l.sups {
		if !confirmed[s.mark] {
			continue
		}
		if skip == nil {
			skip = map[int]bool{}
		}
		for _, g := range s.glyphs {
			skip[g] = true
		}
	}
	if skip != nil {
		l.setText(skip)
	}
}

// noteParagraphs makes one paragraph of each note: from a line that starts
// one to the next, its mark taken off the text and kept as Mark.
func noteParagraphs(ls []*line, starts map[*line]noteStart, words map[string]bool) []extract.Paragraph {
	var out []extract.Paragraph
	var cur []*line
	var mark string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if t := strings.TrimRightFunc(joinLines(cur, words), isBacklink); t != "" {
			out = append(out, extract.Paragraph{Text: t, Page: cur[0].page + 1, Note: true, Mark: mark})
		}
		cur, mark = nil, ""
	}
	for _, l := range ls {
		if st, ok := starts[l]; ok {
			flush()
			mark = st.mark
			c := *l
			rs := []rune(c.text)
			c.text = strings.TrimSpace(string(rs[min(st.strip, len(rs)):]))
			cur = append(cur, &c)
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// isBacklink reports whether r ends a note printed from a web page as its
// link back to the text ("↩"), or is white space before it.
func isBacklink(r rune) bool {
	return r == '↩' || r == '↑' || r == '⤴' || r == '\uFE0E' || r == '\uFE0F' || r == ' '
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
			count[l.size] += len(l.spans)
			if count[l.size] > n {
				best, n = l.size, count[l.size]
			}
		}
	}
	return best
}
