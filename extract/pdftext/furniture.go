package pdftext

import (
	"math"
	"regexp"
	"strings"
)

var (
	reJob     = regexp.MustCompile(`\b(?:[A-Z]{1,3}\.)?\d{2}-\d{5}\s*\([A-Z]\)`)
	reJobBare = regexp.MustCompile(`^(?:[A-Z]{1,3}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?$`)
	reBarcode = regexp.MustCompile(`\*\d{5,}\*|\*[A-Z]?\d{5,}[A-Z]?\*`)
	rePageNum = regexp.MustCompile(`^(?i:(?:page|p\.|página|pagina|стр\.?|страница|صفحة|第)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of|de|из|sur|من)\s*\d{1,4})?\s*页?)$`)
	reSymbol  = regexp.MustCompile(`^[A-Z]{1,4}(?:/[A-Za-z0-9.()\-]+)+$`)
	reDigits  = regexp.MustCompile(`\d+`)
	reResidue = regexp.MustCompile(`[\p{L}\p{N}]`)
)

// furnitureKey is a line's text with its numbers blanked and its spaces
// dropped: the same running header or footer on every page.
func furnitureKey(s string) string {
	return strings.Join(strings.Fields(reDigits.ReplaceAllString(s, "#")), "")
}

// dropFurniture marks running headers and footers, page numbers, job
// numbers and barcodes: by what they say (a page number, "2/5", a job
// number, a barcode, a document symbol alone at the head of a page after
// the first) and by repetition (the same text, numbers aside, in the
// same margin of two pages or more). A header of the later pages that
// repeats a line of page 1 (the masthead's symbol, in a two-page
// document) is furniture there; on page 1 it is the document's own text.
func dropFurniture(pages [][]*line) {
	n := len(pages)
	// The head of page 1 (its masthead): a header of the later pages that
	// repeats one of these is furniture there.
	page1 := map[string]bool{}
	if n > 0 {
		for _, l := range pages[0][:min(mastheadLines, len(pages[0]))] {
			page1[furnitureKey(l.text)] = true
		}
	}
	type key struct {
		text string
		zone int
	}
	seen := map[key][]*line{}
	for _, ls := range pages {
		for i, l := range ls {
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
			k := key{furnitureKey(l.text), l.zone}
			seen[k] = append(seen[k], l)
			if l.page > 0 && l.zone == 1 && headOfPage(ls, i) && (page1[k.text] || reSymbol.MatchString(l.text)) {
				l.dropped = true // running header repeating page 1's symbol
			}
		}
	}
	for _, ls := range seen {
		pagesWith := map[int]bool{}
		for _, l := range ls {
			if math.Abs(l.base-ls[0].base) < furnitureBase {
				pagesWith[l.page] = true
			}
		}
		if len(pagesWith) < furniturePages || float64(len(pagesWith)) < furnitureShare*float64(n-1) {
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

// headOfPage reports whether line i is the first line of its page but for
// furniture already dropped above it.
func headOfPage(ls []*line, i int) bool {
	for _, l := range ls[:i] {
		if !l.dropped {
			return false
		}
	}
	return true
}

// hasJobOrBarcode reports whether a line is only a job number, barcode,
// dates and page numbers (the foot of a UN document page).
func hasJobOrBarcode(s string) bool {
	// A barcode's digits are set apart: "* 1 8 0 4 5 6 7 *".
	if t := strings.ReplaceAll(s, " ", ""); reBarcode.MatchString(t) && !reResidue.MatchString(reBarcode.ReplaceAllString(t, "")) {
		return true
	}
	if !reJob.MatchString(s) && !reBarcode.MatchString(s) {
		return false
	}
	rest := reBarcode.ReplaceAllString(reJob.ReplaceAllString(s, ""), "")
	rest = reDigits.ReplaceAllString(rest, "")
	return !reResidue.MatchString(rest)
}
