package pdftext

import "math"

// Chromium paints at the foot of a page the glyphs of the next page's
// first line whose ink rises above that line's box (an alef with hamza,
// a mark over a lam): clipped out of sight, but in the content stream, so
// PDFium reads them as a stray line ("أ أ") under the last line of the
// page, and the paragraph around it is cut in two. The tolerances,
// twinSlack and twinSizeTol, are in layout.go.

// dropOverflow drops the lines that are the clipped overflow of the next
// page's first lines, after the furniture is dropped: every glyph of the
// line has its twin (same rune, same box to twinSlack, same size) on one
// line of the upper half of the next page; that line has more glyphs (the
// overflow is the tall ones only); and the line lies lower than every
// other line in its type on every page, since a line that fitted there
// would have been set there. Real text repeats (a line of a list can
// equal, glyph for glyph, the first line of the next page) but is never
// below all the others.
func dropOverflow(pages [][]*line) {
	var cands []*line
	for i := 0; i+1 < len(pages); i++ {
		var heads []twinIndex
		for _, t := range pages[i+1] {
			if !t.dropped && t.base >= t.pageH/2 {
				heads = append(heads, indexGlyphs(t))
			}
		}
		for _, l := range pages[i] {
			if !l.dropped && l.base < l.pageH/2 && hasTwin(l, heads) {
				cands = append(cands, l)
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	isCand := map[*line]bool{}
	for _, l := range cands {
		isCand[l] = true
	}
	// The lowest baseline of the other lines, by type size in quarter
	// points.
	lowest := map[int]float64{}
	for _, ls := range pages {
		for _, l := range ls {
			if l.dropped || isCand[l] {
				continue
			}
			k := int(math.Round(4 * l.size))
			if b, ok := lowest[k]; !ok || l.base < b {
				lowest[k] = l.base
			}
		}
	}
	for _, c := range cands {
		low := true
		for k := int(math.Floor(4 * c.size * (1 - twinSizeTol))); k <= int(math.Ceil(4*c.size*(1+twinSizeTol))); k++ {
			if b, ok := lowest[k]; ok && b <= c.base {
				low = false
			}
		}
		if low {
			c.dropped = true
		}
	}
}

// twinKey buckets a glyph by rune and left edge, twinSlack wide.
type twinKey struct {
	r rune
	b int
}

// twinIndex is the glyphs of one line by twinKey.
type twinIndex struct {
	n   int // glyphs
	idx map[twinKey][]char
}

func indexGlyphs(t *line) twinIndex {
	ix := twinIndex{n: len(t.glyphs), idx: make(map[twinKey][]char, len(t.glyphs))}
	for _, g := range t.glyphs {
		k := twinKey{g.r, int(math.Floor(g.left / twinSlack))}
		ix.idx[k] = append(ix.idx[k], g)
	}
	return ix
}

// hasTwin reports whether every glyph of l has a twin on one of the lines
// (of the upper half of the next page), a line with more glyphs.
func hasTwin(l *line, heads []twinIndex) bool {
	if len(l.glyphs) == 0 {
		return false
	}
	for _, t := range heads {
		if t.n <= len(l.glyphs) {
			continue
		}
		all := true
		for _, g := range l.glyphs {
			if !t.has(g) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// has reports whether the line holds a twin of g.
func (t twinIndex) has(g char) bool {
	b := int(math.Floor(g.left / twinSlack))
	for d := -1; d <= 1; d++ {
		for _, h := range t.idx[twinKey{g.r, b + d}] {
			if math.Abs(h.left-g.left) <= twinSlack && math.Abs(h.right-g.right) <= twinSlack &&
				math.Abs(h.size-g.size) <= twinSizeTol*g.size {
				return true
			}
		}
	}
	return false
}
