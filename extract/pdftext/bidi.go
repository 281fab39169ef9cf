package pdftext

import (
	"math"
	"sort"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// bidiClass is the direction class of a glyph, as the inverse bidi of a
// right-to-left line needs it.
type bidiClass int

const (
	bidiR bidiClass = iota // right-to-left letter
	bidiL                  // left-to-right letter (Latin, Cyrillic …)
	bidiN                  // European or Arabic-Indic digit
	bidiX                  // neutral: space, punctuation
)

func classOf(r rune) bidiClass {
	switch {
	case unicode.IsDigit(r):
		return bidiN
	case isRTL(r) && (unicode.IsLetter(r) || unicode.In(r, unicode.Mn)):
		return bidiR
	case unicode.IsLetter(r):
		return bidiL
	}
	return bidiX
}

// numberSep are the characters that stay inside a number written left to
// right: "1,000", "3.5", "54/169", "12-14", "10:30", Arabic separators.
func numberSep(r rune) bool {
	switch r {
	case '.', ',', '/', ':', '-', '–', '٫', '٬', '٪', '%':
		return true
	}
	return false
}

// mirror pairs the brackets that a right-to-left line draws mirrored.
var mirror = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹', '﴾': '﴿', '﴿': '﴾',
}

// inferredGap is the least gap, in ems, in which a space PDFium inferred
// (not drawn) separates two glyphs of a right-to-left line.
const inferredGap = 0.1

// sameOrigin is how far apart, in points, the origins of a letter and a
// mark may be for the mark to be part of the letter's glyph.
const sameOrigin = 0.05

// cluster is one visual glyph of a right-to-left line with the marks drawn
// on it, or a space.
type cluster struct {
	runes       []rune
	left, right float64
	space       bool
	idx         int // PDFium's index of its first character
}

// rtlText writes a right-to-left line in logical order. The glyphs are
// taken in visual order, right to left; a combining mark goes with the
// letter it is drawn on; the characters of one glyph (a lam-alef ligature
// PDFium gives as two characters over one box) keep PDFium's order. Then
// the inverse of the bidirectional algorithm: a run holding Latin letters
// is turned back to left to right as a whole ("A/55/602/Add.2",
// "UNDP 2012"); in a run of digits and neutrals only each number is
// ("2071 (2012)": the parentheses and the space between the numbers stay
// right to left).
//
// Spaces come from the line's space glyphs (see below), not from its
// gaps: the wide gaps of justified or letter-spaced Arabic are not word
// breaks.
func rtlText(cs []char, pos []int, sp []char, spos []int, size float64) ([]rune, []span) {
	var cl []cluster
	var marks []char
	var letters []char // the letters, and the cluster of each
	var letterCl []int
	base := baseline(cs, size, 0)
	for i, c := range cs {
		if isKashida(c, base, size) {
			// Not text, but it joins the letters around it: no gap.
			cl = append(cl, cluster{left: c.left, right: c.right, idx: pos[i]})
			continue
		}
		if unicode.In(c.r, unicode.Mn, unicode.Me) {
			marks = append(marks, c)
			continue
		}
		// A second character over the same box as the one before it in
		// PDFium's order is part of the same glyph.
		if i > 0 && len(cl) > 0 && sameBox(cs[i-1], c) {
			cl[len(cl)-1].runes = append(cl[len(cl)-1].runes, c.r)
		} else {
			cl = append(cl, cluster{runes: []rune{c.r}, left: c.left, right: c.right, idx: pos[i]})
		}
		letters, letterCl = append(letters, c), append(letterCl, len(cl)-1)
	}
	// A mark goes with the letter it is drawn over; where it is drawn
	// over two (overlapping boxes) or none, with the letter its box ends
	// at, else with the nearest letter.
	// (PDFium's order is no guide: producers write marks before, after
	// or far from their letters.)
	if len(marks)*(len(cl)+len(letters)) > 1e7 { // hostile line: keep the work bounded
		marks = nil
	}
	for _, m := range marks {
		mid := (m.left + m.right) / 2
		// Drawn over exactly one letter: that one.
		best, over := -1, 0
		for i, c := range cl {
			if len(c.runes) > 0 && mid >= c.left && mid <= c.right {
				best, over = i, over+1
			}
		}
		// A mark with the origin of exactly one letter of the line is
		// part of that letter's glyph, wherever its box is (a browser's
		// PDF draws "ظِّ" as one glyph and shares its box out between the
		// letter and its marks).
		same, n := -1, 0
		for j, c := range letters {
			if math.Abs(c.x-m.x) <= sameOrigin {
				same, n = letterCl[j], n+1
			}
		}
		if n == 1 {
			best, over = same, 1
		}
		if over != 1 {
			best = -1
			// Drawn just left of a letter, its box ending where the
			// letter's begins: that letter's (a browser's PDF gives a
			// mark the box of its glyph at the pen's place before the
			// letter, which is drawn over it).
			for i, c := range cl {
				if len(c.runes) > 0 && math.Abs(m.right-c.left) <= 0.05*size {
					best = i
					break
				}
			}
		}
		if best < 0 {
			// Else the nearest letter.
			dist := math.Inf(1)
			for i, c := range cl {
				if len(c.runes) == 0 {
					continue
				}
				if d := math.Abs(mid - (c.left+c.right)/2); d < dist {
					best, dist = i, d
				}
			}
		}
		if best >= 0 {
			cl[best].runes = append(cl[best].runes, m.r)
			// The letter takes the room its mark is drawn in: no gap, no
			// space, between it and the next letter under the mark.
			if m.left >= cl[best].left-size && m.right <= cl[best].right+size {
				cl[best].left, cl[best].right = math.Min(cl[best].left, m.left), math.Max(cl[best].right, m.right)
			}
		}
	}
	sort.SliceStable(cl, func(i, j int) bool {
		return (cl[i].left+cl[i].right)/2 > (cl[j].left+cl[j].right)/2
	})
	// Spaces between two glyphs:
	//   - a space glyph with a width, or one PDFium inferred, lying
	//     between them;
	//   - between the digits and letters of a left-to-right run, a space
	//     glyph without a width (producers write those at the pen's place,
	//     not in the gap) that PDFium's order puts between them, if they
	//     stand apart ("406 5"; but "2014": the ink of a "1" stands apart
	//     from its neighbours);
	//   - never between a bracket and what it encloses, or a word and
	//     the comma after it;
	//   - elsewhere, a gap wider than the line's word-space threshold:
	//     the gaps inside the words of justified or letter-spaced Arabic
	//     are narrower than those between them.
	//     A space PDFium inferred counts only in a gap: it puts one where
	//     its order of characters changes direction ("CN-235 قواعد"),
	//     at the origin of the next character, which may be inside a word.
	var wide, inferred []char
	for _, s := range sp {
		switch {
		case s.gen:
			inferred = append(inferred, s)
		case s.right-s.left > 0.1*size:
			wide = append(wide, s)
		}
	}
	sort.Slice(wide, func(i, j int) bool { return wide[i].left < wide[j].left })
	sort.Slice(inferred, func(i, j int) bool { return inferred[i].left < inferred[j].left })
	in := func(ss []char, left, right float64) bool {
		i := sort.Search(len(ss), func(i int) bool { return ss[i].right >= left-0.5 })
		return i < len(ss) && ss[i].left <= right+0.5
	}
	spaced := func(left, right float64) bool {
		return in(wide, left, right) || right-left > inferredGap*size && in(inferred, left, right)
	}
	order := append([]int(nil), spos...)
	sort.Ints(order)
	between := func(a, b int) bool {
		if a > b {
			a, b = b, a
		}
		i := sort.SearchInts(order, a+1)
		return i < len(order) && order[i] < b
	}
	min := wordGap(cl, spaced, size)
	if debugRTL != nil {
		debugRTL(cl, min)
	}
	vis := make([]cluster, 0, 2*len(cl))
	for i, c := range cl {
		if i > 0 {
			prev := cl[i-1]
			gap := prev.left - c.right
			space := false
			switch {
			case spaced(c.right, prev.left):
				space = true
			case ltrPair(c, prev):
				space = between(c.idx, prev.idx) && gap > 0.15*size
			case attached(c, prev) || quoteSide(cl, i):
			default:
				space = gap > min
			}
			if space {
				vis = append(vis, cluster{runes: []rune{' '}, left: c.right, right: prev.left, space: true})
			}
		}
		vis = append(vis, c)
	}
	unbidi(vis)
	var rs []rune
	var spans []span
	for _, c := range vis {
		// A letter and its marks in canonical order, composed (NFC):
		// producers write a shadda before or after the kasra under it.
		runes := c.runes
		if len(runes) > 1 {
			runes = []rune(norm.NFC.String(string(runes)))
		}
		for _, r := range runes {
			rs = append(rs, r)
			spans = append(spans, span{c.left, c.right})
		}
	}
	return rs, spans
}

// isKashida reports whether a glyph is a tatweel, drawn to justify Arabic
// text: U+0640 (a text's own tatweels are justification too, and no word
// depends on them), or a glyph a producer named something else in its
// ToUnicode map (a comma, a hyphen, even a digit): a flat stroke lying on
// the baseline, which no letter, digit or punctuation mark is (a comma
// hangs below the baseline, a hyphen stands at mid-height, a full stop is
// a dot).
func isKashida(c char, base, size float64) bool {
	if c.r == 0x0640 {
		return true
	}
	h, w := c.top-c.bottom, c.right-c.left
	return h < 0.12*size && w > 1.5*h && c.bottom >= base-0.05*size && c.bottom <= base+0.05*size
}

func sameBox(a, b char) bool {
	return math.Abs(a.left-b.left) < 0.05 && math.Abs(a.right-b.right) < 0.05 && math.Abs(a.bottom-b.bottom) < 0.05
}

// debugRTL, when set by a debugging test, is told the clusters of each
// right-to-left line and its word-space threshold.
var debugRTL func(cl []cluster, min float64)

// ltrPair reports whether two glyphs are digits or letters of a
// left-to-right run.
func ltrPair(a, b cluster) bool {
	ka, kb := clusterClass(a), clusterClass(b)
	return (ka == bidiL || ka == bidiN) && (kb == bidiL || kb == bidiN)
}

// wordGap is the least gap between two glyphs of a right-to-left line
// (in visual order) that is a word space: 0.6 of the gaps that have a
// space glyph, or where none has, the first gap where the line's gaps
// jump by half from those inside words to those between them; never less
// than 0.15 of the type size.
func wordGap(cl []cluster, spaced func(l, r float64) bool, size float64) float64 {
	var with, all []float64
	for i := 1; i < len(cl); i++ {
		if len(cl[i].runes) == 0 || len(cl[i-1].runes) == 0 || ltrPair(cl[i], cl[i-1]) {
			continue // a kashida joins; digits are spaced otherwise
		}
		g := cl[i-1].left - cl[i].right
		if spaced(cl[i].right, cl[i-1].left) {
			with = append(with, g)
		} else {
			all = append(all, g)
		}
	}
	floor := 0.15 * size
	if len(with) > 0 {
		sort.Float64s(with)
		return math.Max(floor, 0.6*with[len(with)/2])
	}
	sort.Float64s(all)
	// The first jump: a tab after a label or a wide justified space
	// further up is a jump too, but among word spaces.
	for k := 0; k+1 < len(all); k++ {
		lo, hi := math.Max(all[k], 0.3), all[k+1]
		if hi >= floor && hi/lo >= 1.5 {
			return math.Max(floor, (all[k]+hi)/2)
		}
	}
	return math.Max(floor, 0.2*size)
}

// hugs reports whether two neighbouring glyphs of a right-to-left line,
// a at the left of b, take no space between them but where a space glyph
// stands: the digits and letters of a left-to-right run ("2014": the ink
// of a "1" stands apart from its neighbours), and the pairs attached
// reports.
func hugs(a, b cluster) bool {
	ka, kb := clusterClass(a), clusterClass(b)
	ltr := func(k bidiClass) bool { return k == bidiL || k == bidiN }
	return ltr(ka) && ltr(kb) || attached(a, b)
}

// attached reports whether a bracket and what it encloses ("[1]"), or a
// word and the comma or full stop after it, stand side by side in a
// right-to-left line (a at the left of b): a glyph drawn "(" holds what
// stands at its right, one drawn ")" what stands at its left; the comma
// after a word stands at its left.
func attached(a, b cluster) bool {
	ka, kb := clusterClass(a), clusterClass(b)
	switch firstOf(a) {
	case '(', '[', '{':
		return kb != bidiX
	case '،', '؛', '؟', ',', '.', ':', ';', '!', '?':
		return true
	}
	switch firstOf(b) {
	case ')', ']', '}':
		return ka != bidiX
	}
	return false
}

// quoteSide reports whether the pair of visual neighbours cl[i] (left)
// and cl[i-1] (right) has a straight quote on the side it is attached to:
// a quote stands nearer the word it quotes than the word beside it.
func quoteSide(cl []cluster, i int) bool {
	gap := func(k int) float64 { // between cl[k] and cl[k-1]
		if k <= 0 || k >= len(cl) {
			return math.Inf(1)
		}
		return cl[k-1].left - cl[k].right
	}
	if q := firstOf(cl[i]); q == '"' || q == '\'' {
		return gap(i) < gap(i+1) // the quote is cl[i]: its other side is at its left
	}
	if q := firstOf(cl[i-1]); q == '"' || q == '\'' {
		return gap(i) < gap(i-1)
	}
	return false
}

func firstOf(c cluster) rune {
	if len(c.runes) == 0 {
		return 0
	}
	return c.runes[0]
}

// clusterClass is the direction class of a cluster; a kashida (no runes)
// belongs to the Arabic word it stretches.
func clusterClass(c cluster) bidiClass {
	switch {
	case c.space:
		return bidiX
	case len(c.runes) == 0:
		return bidiR
	}
	return classOf(c.runes[0])
}

// unbidi turns the left-to-right runs of a right-to-left line, read right
// to left, back into logical order (see rtlText).
func unbidi(vis []cluster) {
	ltrRun := make([]bool, len(vis))
	defer func() {
		// Brackets read right to left are drawn mirrored: the glyph a
		// producer names ")" at the right of "(ب)" is its opening one.
		for i := range vis {
			if !ltrRun[i] && len(vis[i].runes) == 1 {
				if m, ok := mirror[vis[i].runes[0]]; ok {
					vis[i].runes = []rune{m}
				}
			}
		}
	}()
	class := clusterClass
	isSep := func(c cluster) bool { return !c.space && len(c.runes) == 1 && numberSep(c.runes[0]) }
	reverse := func(i, j int) { // inclusive
		for ; i < j; i, j = i+1, j-1 {
			vis[i], vis[j] = vis[j], vis[i]
		}
	}
	for i := 0; i < len(vis); {
		if k := class(vis[i]); k == bidiR || k == bidiX {
			i++
			continue
		}
		// A run from here to the next right-to-left letter.
		j, last, latin := i, i, false
		for j < len(vis) && class(vis[j]) != bidiR {
			switch class(vis[j]) {
			case bidiL:
				latin = true
				last = j
			case bidiN:
				last = j
			}
			j++
		}
		if latin {
			reverse(i, last)
			for k := i; k <= last; k++ {
				ltrRun[k] = true
			}
			i = last + 1
			continue
		}
		// Digits and neutrals only: each number on its own.
		for a := i; a <= last; {
			if class(vis[a]) != bidiN {
				a++
				continue
			}
			b := a
			for {
				if b+1 <= last && class(vis[b+1]) == bidiN {
					b++
					continue
				}
				if b+2 <= last && isSep(vis[b+1]) && class(vis[b+2]) == bidiN {
					b += 2
					continue
				}
				break
			}
			reverse(a, b)
			a = b + 1
		}
		i = last + 1
	}
}
