package pdftext

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/driftcheck/driftcheck/internal/layoutcorpus"

	"golang.org/x/text/unicode/norm"
)

// The layout rules on synthetic pages: characters placed as a typesetter
// would (fixed advances, real space glyphs), so that each test shows one
// rule and fails without it. The corpus test in the root package measures
// the rules together on real files.

// tl is one line of text to place on a test page.
type tl struct {
	x, y, size float64
	text       string
	rtl        bool // x is the right edge; glyphs go leftwards
	// sup marks raised small glyphs (footnote references) by rune index.
	sup []int
	// gap widens the space after rune k by so many points (a tab).
	tab map[int]float64
	// bold sets the line in a bold font; boldTo only its first runes.
	bold   bool
	boldTo int
}

// advance is the pen's advance for a rune in type of the size.
func advance(r rune, size float64) float64 {
	switch {
	case isCJKStrict(r):
		return size
	case r == ' ':
		return 0.25 * size
	case unicode.IsUpper(r):
		return 0.65 * size
	}
	return 0.5 * size
}

// mkPage places lines on an A4 page; the characters are in the order
// given, each line's in logical order.
func mkPage(ls ...tl) page {
	p := page{w: 595, h: 842}
	for _, l := range ls {
		x := l.x
		sup := map[int]bool{}
		for _, k := range l.sup {
			sup[k] = true
		}
		for k, r := range []rune(l.text) {
			size, y := l.size, l.y
			if sup[k] {
				size, y = 0.6*l.size, l.y+0.35*l.size
			}
			w := advance(r, size)
			left, right := x, x+w
			if l.rtl {
				left, right = x-w, x
			}
			ink := 0.05 * w
			if r == '1' {
				ink = 0.45 * w // a "1" is mostly white
			}
			c := char{r: r, left: left + ink, right: right - ink, bottom: y, top: y + 0.7*size, x: left, y: y, size: size, bold: l.bold || k < l.boldTo}
			if unicode.In(r, unicode.Mn) {
				// A mark over the letter before it, no advance.
				w = 0
				c.left, c.right = p.chars[len(p.chars)-1].left, p.chars[len(p.chars)-1].right
			}
			if r == ' ' {
				c.left, c.right, c.size = left, right, 0
			}
			if r == 0x0640 { // a tatweel: a stroke on the baseline
				c.top = y + 0.05*size
			}
			p.chars = append(p.chars, c)
			if l.rtl {
				x -= w + l.tab[k]
			} else {
				x += w + l.tab[k]
			}
		}
	}
	return p
}

// texts returns the body paragraphs (and, after "|", the notes with
// their marks) of pages laid out.
func texts(pages ...page) []string {
	var out []string
	for _, p := range layout(pages) {
		t := norm.NFC.String(p.Text)
		if p.Note {
			t = "note " + p.Mark + ": " + t
		}
		out = append(out, t)
	}
	return out
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

// A justified block: lines of about 60 characters ending at the margin.
const (
	left  = 72.0
	pitch = 14.0
	body  = 11.0
)

// words fills lines of about n runes from the words, as a typesetter
// breaks them.
func words(text string, n int) []string {
	var out []string
	var cur string
	for _, w := range strings.Fields(text) {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > n {
			out = append(out, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(out, cur)
}

// block lays out text in lines of n runes from y downwards; first is the
// x of the first line, rest of the others.
func block(text string, n int, first, rest, y float64) ([]tl, float64) {
	var ls []tl
	for i, s := range words(text, n) {
		x := rest
		if i == 0 {
			x = first
		}
		ls = append(ls, tl{x: x, y: y, size: body, text: s})
		y -= pitch
	}
	return ls, y
}

const lorem = "Calls upon all States to uphold multilateralism and to work together to promote cooperation in the field of human rights and encourages other stakeholders including international and regional organizations to contribute actively to this endeavour"

func TestHangingIndent(t *testing.T) {
	// "1.⇥Calls…" with the continuation lines under the text: one
	// paragraph, not one per line.
	var ls []tl
	y := 700.0
	for _, n := range []string{"1.", "2."} {
		lines := words(lorem, 58)
		for i, s := range lines {
			if i == 0 {
				ls = append(ls, tl{x: left, y: y, size: body, text: n + " " + s, tab: map[int]float64{2: 16}})
			} else {
				ls = append(ls, tl{x: left + 28, y: y, size: body, text: s})
			}
			y -= pitch
		}
	}
	want := []string{"1. " + lorem, "2. " + lorem}
	equal(t, texts(mkPage(ls...)), want)
}

func TestRaggedShortLines(t *testing.T) {
	// Ragged text: a line ends short where the next word did not fit
	// (here a long one); a short line ends a paragraph only when the next
	// word would have fitted.
	ls := []tl{
		{x: left, y: 700, size: body, text: "Calls upon all States to uphold multilateralism and to work"},
		{x: left, y: 686, size: body, text: "together to promote cooperation in"},
		{x: left, y: 672, size: body, text: "intergovernmentally-negotiated frameworks."},
		{x: left, y: 658, size: body, text: "Reaffirms the important role of technical assistance."},
	}
	equal(t, texts(mkPage(ls...)), []string{
		"Calls upon all States to uphold multilateralism and to work together to promote cooperation in intergovernmentally-negotiated frameworks.",
		"Reaffirms the important role of technical assistance.",
	})
}

func TestFirstLineIndentNoSpacing(t *testing.T) {
	// 0 pt between paragraphs; each starts with a first-line indent.
	a, y := block(lorem, 58, left+20, left, 700)
	b, _ := block(lorem, 58, left+20, left, y)
	equal(t, texts(mkPage(append(a, b...)...)), []string{lorem, lorem})
}

func TestParagraphGap(t *testing.T) {
	// Flush paragraphs 6 pt apart: the gap breaks them even after a
	// full line.
	a, y := block(lorem, 58, left, left, 700)
	b, _ := block(lorem, 58, left, left, y-6)
	equal(t, texts(mkPage(append(a, b...)...)), []string{lorem, lorem})
}

func TestShortChineseParagraphs(t *testing.T) {
	// One-line Chinese paragraphs that nearly fill their line, evenly
	// spaced 6 pt apart: each is a paragraph (the line had room for the
	// next character), not one run of "full" lines.
	var ls []tl
	var want []string
	y := 700.0
	for i := 0; i < 3; i++ {
		ls = append(ls, tl{x: left, y: y, size: body, text: strings.Repeat("合作共赢", 10)})
		y -= pitch
	}
	ls = append(ls, tl{x: left, y: y, size: body, text: strings.Repeat("互利合作", 9) + "。"})
	want = append(want, strings.Repeat("合作共赢", 30)+strings.Repeat("互利合作", 9)+"。")
	for _, s := range []string{"以《联合国宪章》为指导，重申《世界人权宣言》和《维也纳宣言和行动纲领》，", "回顾大会和人权理事会以往通过的关于人权领域国际合作的决议，并重申这些决议，", "重申一切人权都是普遍、不可分割、相互关联、相互依存和相辅相成的，并重申，"} {
		y -= pitch + 6
		ls = append(ls, tl{x: left, y: y, size: body, text: s})
		want = append(want, s)
	}
	equal(t, texts(mkPage(ls...)), want)
}

func TestAcrossPages(t *testing.T) {
	// A paragraph runs on to the next page; the running header of page 2
	// (the symbol, as on page 1) is dropped, even in a two-page document.
	lines := words(lorem+" "+lorem, 58)
	p1 := []tl{{x: left, y: 780, size: body, text: "A/HRC/37/L.36"}}
	y := 200 + 3*pitch // page 1 is full: its last line is the lowest of the document
	for _, s := range lines[:4] {
		p1 = append(p1, tl{x: left, y: y, size: body, text: s})
		y -= pitch
	}
	p2 := []tl{{x: left, y: 800, size: 9, text: "A/HRC/37/L.36"}}
	y = 760
	for _, s := range lines[4:] {
		p2 = append(p2, tl{x: left, y: y, size: body, text: s})
		y -= pitch
	}
	p2 = append(p2, tl{x: left, y: y - 6, size: body, text: "2. Reiterates the important role of technical assistance;"})
	equal(t, texts(mkPage(p1...), mkPage(p2...)), []string{"A/HRC/37/L.36", lorem + " " + lorem, "2. Reiterates the important role of technical assistance;"})
}

func TestShortPageEndsParagraph(t *testing.T) {
	// Page 2 is full down to y=200. Page 1 stops higher, its last line
	// flush and its paragraph's words not at an end: the paragraph ended
	// there when the next line would have fitted, unless widow control
	// explains it (room for one line only, and the paragraph goes on for
	// exactly two lines).
	text := words(strings.Repeat(lorem+" ", 16), 58)
	for i := range text {
		text[i] = strings.TrimSuffix(text[i], " endeavour") // no line ends a clause
	}
	page2 := func(cont int) page {
		var ls []tl
		y, k := 760.0, 2
		for i := 0; i < cont; i++ {
			ls = append(ls, tl{x: left, y: y, size: body, text: text[k]})
			y, k = y-pitch, k+1
		}
		ls = append(ls, tl{x: left, y: y - 6, size: body, text: "2. Reiterates the important role of technical assistance;"})
		for y -= pitch + 6; y > 200+pitch/2; y -= pitch {
			ls = append(ls, tl{x: left, y: y, size: body, text: text[k]})
			k++
		}
		ls = append(ls, tl{x: left, y: 200, size: body, text: text[k]}) // the floor
		return mkPage(ls...)
	}
	page1 := func(last float64) page {
		return mkPage(tl{x: left, y: last + pitch, size: body, text: text[0]}, tl{x: left, y: last, size: body, text: text[1]})
	}
	for _, c := range []struct {
		name  string
		last  float64 // baseline of page 1's last line
		cont  int     // lines on page 2 before the label
		split bool
	}{
		{"room for two lines", 200 + 2*pitch, 3, true},
		{"room for one line, three lines follow", 200 + pitch, 3, true},
		{"room for one line, two follow (a widow moved)", 200 + pitch, 2, false},
		{"full page", 200, 3, false},
	} {
		got := texts(page1(c.last), page2(c.cont))
		if split := got[0] == text[0]+" "+text[1]; split != c.split {
			t.Errorf("%s: split=%v, want %v; paragraphs %.80q", c.name, split, c.split, got)
		}
	}
}

func TestBoldTitleAfterFullLine(t *testing.T) {
	// A list ends on a full line; a bold title follows at the pitch, with
	// no gap, no label and no indent: the weight alone tells.
	full := "Calls upon all States to uphold multilateralism and to work"
	title := "Respect for the right to universal freedom of travel"
	page := mkPage(
		tl{x: left, y: 700, size: body, text: full},
		tl{x: left, y: 700 - pitch, size: body, text: full},
		tl{x: left, y: 700 - 2*pitch, size: body, text: title, bold: true},
		tl{x: left, y: 700 - 3*pitch, size: body, text: "The General Assembly,"},
	)
	equal(t, texts(page), []string{full + " " + full, title, "The General Assembly,"})
	// A bold phrase inside a paragraph's line leaves it whole.
	page = mkPage(
		tl{x: left, y: 700, size: body, text: full},
		tl{x: left, y: 700 - pitch, size: body, text: full, boldTo: 10},
		tl{x: left, y: 700 - 2*pitch, size: body, text: "together."},
	)
	equal(t, texts(page), []string{full + " " + full + " together."})
}

func TestBoldName(t *testing.T) {
	for name, want := range map[string]bool{
		"AAAAAA+NotoSerif-Bold": true, "TimesNewRomanPS-BoldMT": true, "Arial,Bold": true, "SimHei": false,
		"BAAAAA+NotoSerif-Regular": false, "LiberationSerif": false, "Helvetica-BoldOblique": true, "MyriadPro-Semibold": true,
	} {
		if got := boldName(name); got != want {
			t.Errorf("boldName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNewPageStartsWithLabel(t *testing.T) {
	// The last line of a page is full, the next page starts with a
	// label: a new paragraph.
	full := "Calls upon all States to uphold multilateralism and to work"
	a := []tl{{x: left, y: 214, size: body, text: full}, {x: left, y: 200, size: body, text: full}}
	b, _ := block("2. "+lorem, 58, left, left, 760)
	equal(t, texts(mkPage(a...), mkPage(b...)), []string{full + " " + full, "2. " + lorem})
}

func TestSentenceEndAtFootOfPage(t *testing.T) {
	// A sentence ends at the foot of a page; the paragraph goes on with
	// the next sentence at the head of the next page.
	a := []tl{
		{x: left, y: 214, size: body, text: "Calls upon all States to uphold multilateralism and to work"},
		{x: left, y: 200, size: body, text: "together for the promotion of cooperation among themselves."},
	}
	b := []tl{{x: left, y: 760, size: body, text: "The Council encourages other stakeholders to contribute."}}
	equal(t, texts(mkPage(a...), mkPage(b...)), []string{
		"Calls upon all States to uphold multilateralism and to work together for the promotion of cooperation among themselves. The Council encourages other stakeholders to contribute.",
	})
}

func TestTwoColumns(t *testing.T) {
	// Two columns on the same baselines: each read in turn, not line
	// by line across the page.
	colA := words(lorem, 28)
	colB := words("Reaffirms the important role of technical assistance and capacity-building in promoting and protecting human rights and calls upon States to strengthen it", 28)
	var ls []tl
	for i := 0; i < len(colA) || i < len(colB); i++ {
		y := 700 - float64(i)*pitch
		if i < len(colA) {
			ls = append(ls, tl{x: left, y: y, size: body, text: colA[i]})
		}
		if i < len(colB) {
			x := 310.0
			if i == 0 {
				x += 20 // a first-line indent: a new paragraph
			}
			ls = append(ls, tl{x: x, y: y, size: body, text: colB[i]})
		}
	}
	got := texts(mkPage(ls...))
	equal(t, got, []string{lorem, strings.Join(colB, " ")})
}

func TestFootnotes(t *testing.T) {
	// A raised reference in the body, the note at the foot in 9 pt under
	// 10 pt text: the note apart with its mark, the mark out of the body.
	ls, _ := block(lorem, 58, left, left, 700)
	last := []rune(ls[len(ls)-1].text)
	ls[len(ls)-1].text += "1"
	ls[len(ls)-1].sup = []int{len(last)}
	ls = append(ls, tl{x: left, y: 80, size: 9, text: "1 See A/HRC/37/23, para. 4.", tab: map[int]float64{0: 8}})
	equal(t, texts(mkPage(ls...)), []string{lorem, "note 1: See A/HRC/37/23, para. 4."})
}

func TestFootnotesAtBodySize(t *testing.T) {
	// Notes in the body's own type are found by their mark, the tab after
	// it and the gap above them.
	ls, _ := block(lorem, 58, left, left, 700)
	ls[1].text = strings.Replace(ls[1].text, " ", "1 ", 1)
	ls[1].sup = []int{strings.Index(ls[1].text, "1")}
	ls = append(ls, tl{x: left, y: 100, size: body, text: "1 See A/HRC/37/23, para. 4.", tab: map[int]float64{0: 8}})
	equal(t, texts(mkPage(ls...)), []string{lorem, "note 1: See A/HRC/37/23, para. 4."})
}

func TestRaisedDigitWithoutNote(t *testing.T) {
	// A raised digit with no note to go with it stays in the text.
	ls, _ := block(lorem, 58, left, left, 700)
	ls[0].text = "E=mc2 " + ls[0].text
	ls[0].sup = []int{4}
	got := texts(mkPage(ls...))
	if len(got) != 1 || !strings.HasPrefix(got[0], "E=mc2 Calls") {
		t.Errorf("got %q", got)
	}
}

func TestMastheadBlocks(t *testing.T) {
	// A masthead row: the body name at the left, the symbol at the right
	// in another size: two paragraphs, not one line.
	ls := []tl{
		{x: left, y: 780, size: 16, text: "General Assembly"},
		{x: 380, y: 780, size: 14, text: "A/69/767"},
	}
	b, _ := block(lorem, 58, left, left, 700)
	got := texts(mkPage(append(ls, b...)...))
	equal(t, got, []string{"General Assembly", "A/69/767", lorem})
}

func TestHyphenAtLineEnd(t *testing.T) {
	// A hyphen at the end of a line stays (UN documents are not
	// hyphenated by their word processors) unless the document writes
	// the word whole elsewhere.
	ls := []tl{
		{x: left, y: 700, size: body, text: "Reimbursement for contingent-"},
		{x: left, y: 686, size: body, text: "owned equipment and its promo-"},
		{x: left, y: 672, size: body, text: "tion; the promotion of peace."},
	}
	// A full line sets the margin the others are short of… they are
	// short, so give the page a wide first line to keep them one
	// paragraph: join by hyphen only (the rule under test).
	got := texts(mkPage(ls...))
	want := "Reimbursement for contingent-owned equipment and its promotion; the promotion of peace."
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestArabic(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
	}{
		// "10 -" must not read "1 0 -": digits are spaced only by a space
		// glyph.
		{"two-digit label", "10 - تهيب بجميع الدول", "10 - تهيب بجميع الدول"},
		// A kashida (tatweel) that justifies a word is no letter.
		{"kashida", "تهيب بجمـــيع الدول", "تهيب بجميع الدول"},
		// Numbers and Latin text inside Arabic, left to right.
		{"numbers", "القرار 2071 (2012) و A/HRC/37/23", "القرار 2071 (2012) و A/HRC/37/23"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mkPage(tl{x: 520, y: 700, size: 12, text: tc.line, rtl: true})
			// Visual order of the glyphs of a Latin run and of the
			// numbers: left to right, as a typesetter draws them.
			p.chars = visualRuns(p.chars)
			got := texts(p)
			if len(got) != 1 || got[0] != norm.NFC.String(tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// visualRuns lays the left-to-right runs (digits, Latin letters, and the
// neutrals inside them) of a right-to-left test line out left to right in
// place, as they are drawn, and mirrors the brackets of the line.
func visualRuns(cs []char) []char {
	out := append([]char(nil), cs...)
	ltr := func(r rune) bool { return unicode.IsDigit(r) || unicode.IsLetter(r) && !isRTL(r) }
	for i := 0; i < len(out); {
		if !ltr(out[i].r) {
			if m, ok := mirror[out[i].r]; ok {
				out[i].r = m
			}
			i++
			continue
		}
		j := i
		for j+1 < len(out) && (ltr(out[j+1].r) || strings.ContainsRune("/.-", out[j+1].r) && j+2 < len(out) && ltr(out[j+2].r)) {
			j++
		}
		// Reverse the boxes of runes i..j: the first rune leftmost.
		right, lft := out[i].right, out[j].left
		x := lft
		for k := i; k <= j; k++ {
			w := out[k].right - out[k].left
			out[k].left, out[k].right, out[k].x = x, x+w, x
			x += w + (right-lft-sumWidths(out[i:j+1]))/float64(max(1, j-i))
		}
		i = j + 1
	}
	return out
}

func sumWidths(cs []char) float64 {
	s := 0.0
	for _, c := range cs {
		s += c.right - c.left
	}
	return s
}

func TestNoteContinuedOnNextPage(t *testing.T) {
	// A note too long for its page goes on at the foot of the next, in the
	// notes' type and without a mark: one note, not a body paragraph.
	p1, _ := block(lorem, 58, left, left, 700)
	last := []rune(p1[len(p1)-1].text)
	p1[len(p1)-1].text += "1"
	p1[len(p1)-1].sup = []int{len(last)}
	p1 = append(p1, tl{x: left, y: 80, size: 9, text: "1 See the report of the Secretary-General on the", tab: map[int]float64{0: 8}})
	// (Page 2 has other text: the same first line on two pages is a
	// running header.)
	const next = "Requests the Secretary-General to report to the Council at its fortieth session on the implementation of the present resolution"
	p2, _ := block(next, 58, left, left, 760)
	p2 = append(p2, tl{x: left, y: 80, size: 9, text: "question of human rights (A/HRC/37/23)."})
	got := texts(mkPage(p1...), mkPage(p2...))
	equal(t, got, []string{lorem, next, "note 1: See the report of the Secretary-General on the question of human rights (A/HRC/37/23)."})
}

func TestEndnotesInBodyType(t *testing.T) {
	// Endnotes after the body, in its type, with no tab and no wider gap:
	// the run of the body's raised marks 1, 2 at the heads of the lines
	// tells them from paragraphs.
	ls, y := block(lorem, 58, left, left, 700)
	ls[1].text = strings.Replace(ls[1].text, " ", "1 ", 1)
	ls[1].sup = []int{strings.Index(ls[1].text, "1")}
	ls[3].text = strings.Replace(ls[3].text, " ", "2 ", 1)
	ls[3].sup = []int{strings.Index(ls[3].text, "2")}
	y -= pitch
	ls = append(ls,
		tl{x: left, y: y, size: body, text: "1 See A/HRC/37/23, para. 4."},
		tl{x: left, y: y - 2*pitch, size: body, text: "2 See A/HRC/37/L.36."})
	equal(t, texts(mkPage(ls...)), []string{lorem, "note 1: See A/HRC/37/23, para. 4.", "note 2: See A/HRC/37/L.36."})
}

func TestNumberedParagraphsAreNoNotes(t *testing.T) {
	// Paragraphs numbered 1, 2 after a raised mark 1 that has its note:
	// only the note that the mark refers to is a note; "2 Requests" is
	// not, since no reference 2 was raised.
	ls, y := block(lorem, 58, left, left, 700)
	ls[1].text = strings.Replace(ls[1].text, " ", "1 ", 1)
	ls[1].sup = []int{strings.Index(ls[1].text, "1")}
	y -= pitch
	p1, y := block("1 "+lorem, 58, left, left, y)
	p2, _ := block("2 Requests the Secretary-General to report to the Council at its fortieth session", 58, left, left, y-pitch)
	ls = append(append(ls, p1...), p2...)
	ls = append(ls, tl{x: left, y: 80, size: 9, text: "1 See A/HRC/37/23.", tab: map[int]float64{0: 8}})
	equal(t, texts(mkPage(ls...)), []string{lorem, "1 " + lorem, "2 Requests the Secretary-General to report to the Council at its fortieth session", "note 1: See A/HRC/37/23."})
}

func TestOverflowOfNextPage(t *testing.T) {
	// Chromium paints, under the last line of a page, the tall glyphs of
	// the next page's first line (clipped out of sight): the same glyphs
	// at the same x, lower than any line. They are no text. A real line
	// that repeats the next page's first line glyph for glyph stays.
	const next = "Requests the Secretary-General to report to the Council at its fortieth session on the implementation of the present resolution"
	first := words(next, 58)[0]
	long := lorem + " " + lorem + " " + lorem // past the masthead's ten lines
	b1, _ := block(long, 58, left, left, 700)
	b1 = append(b1, tl{x: left, y: 400, size: body, text: first})                      // a real line: the same glyphs as the next page's first
	b1 = append(b1, tl{x: left, y: 386, size: body, text: "ends its paragraph here."}) // and more text under it
	p1 := mkPage(b1...)
	p2 := mkPage(func() []tl { ls, _ := block(next, 58, left, left, 760); return ls }()...)
	// The overflow: the capitals of the first line of page 2 (R, S, G),
	// 40 points under the last line of page 1.
	for _, c := range p2.chars {
		if c.y == 760 && unicode.IsUpper(c.r) {
			c.y, c.bottom, c.top = 346, 346, 346+0.7*body
			p1.chars = append(p1.chars, c)
		}
	}
	got := texts(p1, p2)
	equal(t, got, []string{long, first + " ends its paragraph here.", next})
}

func TestMarkSharesLetterOrigin(t *testing.T) {
	// A browser's PDF draws "ظِّ" as one glyph and shares its box out
	// between the letter and its marks: the kasra's box lies over the
	// next letter, but its origin is the ظ's.
	p := mkPage(tl{x: 520, y: 700, size: 12, text: "قرار ينظم أنشطة اللجنة", rtl: true})
	var zah char
	var mim int
	for k, c := range p.chars {
		if c.r == 'ظ' {
			zah = c
		}
		if c.r == 'م' && zah.r != 0 && mim == 0 {
			mim = k
		}
	}
	m := p.chars[mim]
	kasra := char{r: 0x0650, left: m.right - 1, right: m.right + 1, bottom: 700, top: 708, x: zah.x, y: 700, size: 12}
	shadda := char{r: 0x0651, left: zah.left, right: zah.right, bottom: 700, top: 708, x: zah.x, y: 700, size: 12}
	p.chars = append(p.chars[:mim:mim], append([]char{kasra, shadda}, p.chars[mim:]...)...)
	got := texts(p)
	if want := norm.NFC.String("قرار ينظِّم أنشطة اللجنة"); len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInferredSpaceInsideWord(t *testing.T) {
	// PDFium infers a space where its order of characters changes
	// direction and places it at the next character's origin, which may
	// be inside a word: only a space in a gap separates words.
	p := mkPage(tl{x: 520, y: 700, size: 12, text: "طراز قواعد الملاحة", rtl: true})
	for k, c := range p.chars {
		if c.r == 'ق' {
			s := char{r: ' ', gen: true, left: c.left, right: c.left, bottom: 700, top: 700, x: c.left, y: 700}
			p.chars = append(p.chars[:k:k], append([]char{s}, p.chars[k:]...)...)
			break
		}
	}
	got := texts(p)
	if want := "طراز قواعد الملاحة"; len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSpaceOnItsOwnBaseline(t *testing.T) {
	// A space written among the characters of one line (PDFium's order)
	// but on the baseline of the next belongs to the next: it does not
	// split the word of the first it lies under.
	p := mkPage(
		tl{x: 520, y: 700, size: 12, text: "الإفادة من الموارد الغنية", rtl: true},
		tl{x: 520, y: 683, size: 12, text: "التي تتيحها الأوساط", rtl: true})
	var dal char // the dal of الموارد: the second on the line
	n := 0
	for _, c := range p.chars {
		if c.r == 'د' && c.y == 700 {
			if n++; n == 2 {
				dal = c
			}
		}
	}
	s := char{r: ' ', left: dal.right - 0.3, right: dal.right + 2.5, bottom: 683, top: 683, x: dal.right - 0.3, y: 683}
	p.chars = append(p.chars[:3:3], append([]char{s}, p.chars[3:]...)...)
	got := texts(p)
	if want := "الإفادة من الموارد الغنية التي تتيحها الأوساط"; len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFontSizeUnderMatrix(t *testing.T) {
	// Chromium writes 12 pt type as 16 px under a 0.75 scale: the size a
	// glyph is drawn at is the font size times the matrix, as LibreOffice
	// writes it directly. Every threshold in ems depends on it.
	for _, f := range []string{"chromium-pdf/ragged-12pt/unpc-a69.en.pdf", "lo-pdf/ragged-12pt/unpc-a69.en.pdf"} {
		data, err := os.ReadFile(filepath.Join(layoutcorpus.Dir(), f))
		if err != nil {
			t.Fatal(err)
		}
		e, err := getEngine(testOptions(t).CacheDir)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := e.readPages(data, DefaultMaxPages)
		if err != nil {
			t.Fatal(err)
		}
		count := map[float64]int{}
		for _, p := range pages {
			for _, c := range p.chars {
				if c.size > 0 {
					count[math.Round(c.size*4)/4]++
				}
			}
		}
		best := 0.0
		for s, n := range count {
			if n > count[best] {
				best = s
			}
		}
		if math.Abs(best-12) > 0.3 {
			t.Errorf("%s: body type read as %.2f pt, want 12", f, best)
		}
	}
}

func TestYearWithNarrowOne(t *testing.T) {
	// The ink of a "1" stands apart from its neighbours: the white in it
	// is no word space ("201 5").
	p := mkPage(tl{x: left, y: 700, size: body, text: "adopted in 2015 and 1991"})
	for i, c := range p.chars {
		if c.r == '1' { // a stem in the middle of its advance of half an em
			p.chars[i].left, p.chars[i].right = c.x+0.28*body, c.x+0.32*body
		}
	}
	got := texts(p)
	if len(got) != 1 || got[0] != "adopted in 2015 and 1991" {
		t.Errorf("got %q", got)
	}
}

func TestEnumerationCommaEndsNoParagraph(t *testing.T) {
	// A Chinese line that ends with the enumeration comma "、" with room
	// for a character more did not end its paragraph: "、" stands between
	// the items of a list (a typesetter breaking by words left the room).
	ls := []tl{
		{x: left, y: 700, size: body, text: "安哥拉、白俄罗斯、玻利维亚、布隆迪、柬埔寨、中国、古巴、埃及、"},
		{x: left, y: 686, size: body, text: "厄立特里亚、马尔代夫、摩洛哥、缅甸、巴基斯坦、苏丹、泰国、津巴布韦"},
		{x: left, y: 672, size: body, text: "和阿拉伯联合酋长国：决议草案"},
	}
	// The second line sets the margin; the first ends a character and a
	// half short of it.
	got := texts(mkPage(ls...))
	want := ls[0].text + ls[1].text + ls[2].text
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestNumberedParagraphBeforeSmallEndnotes(t *testing.T) {
	// A paragraph numbered "1 -" (the Arabic label) in the body's type,
	// set with a wide gap after the number, followed by endnotes 1, 2, 3 in
	// a smaller type: the gap after "1" in "1 -" is no tab after a note's
	// mark, so the paragraph is no note.
	ls, y := block(lorem, 58, left, left, 700)
	ls[1].text = strings.Replace(ls[1].text, " ", "1 ", 1)
	ls[1].sup = []int{strings.Index(ls[1].text, "1")}
	ls[2].text = strings.Replace(ls[2].text, " ", "2 ", 1)
	ls[2].sup = []int{strings.Index(ls[2].text, "2")}
	ls[3].text = strings.Replace(ls[3].text, " ", "3 ", 1)
	ls[3].sup = []int{strings.Index(ls[3].text, "3")}
	const op = "1 - Decides to remain seized of the matter and to consider it again at its next session"
	b, y := block(op, 58, left, left, y-pitch)
	b[0].tab = map[int]float64{0: 9}
	ls = append(ls, b...)
	y -= 2 * pitch
	for i, n := range []string{"1. See A/HRC/37/23.", "2. See A/HRC/37/L.36.", "3. See A/RES/55/100."} {
		ls = append(ls, tl{x: left, y: y - float64(i)*10, size: 8, text: n})
	}
	got := texts(mkPage(ls...))
	want := []string{lorem, op, "note 1: See A/HRC/37/23.", "note 2: See A/HRC/37/L.36.", "note 3: See A/RES/55/100."}
	equal(t, got, want)
}
