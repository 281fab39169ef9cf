// Package pdftext reads the paragraphs of a PDF file.
//
// It runs PDFium compiled to WebAssembly (the module shipped with
// github.com/klippa-app/go-pdfium) in the pure-Go wazero runtime: no cgo,
// no external program. The module is compiled once per process; the
// compiled code is kept in a wazero compilation cache so that only the first
// run on a machine pays the compilation (seconds); later runs start in a
// fraction of a second. PDFium sees an empty file system: the PDF is passed
// as bytes.
//
// PDFium gives characters with their positions; the paragraphs are
// rebuilt from that geometry, as a reader sees them:
//
//   - Lines by baseline; on a two-column page (a white strip down the
//     middle of most rows) each column apart, read in order (right column
//     first in a right-to-left document); a row cut at a wide gap (the two
//     sides of a masthead) into blocks. Right-to-left lines (Arabic) are
//     put in logical order, with embedded numbers and Latin text left to
//     right and the spaces of justified Arabic told from word spaces.
//   - Furniture dropped: running headers and footers found by position
//     and repetition (including the header of a two-page document that
//     repeats the masthead's symbol), page numbers ("3", "2/5"), UN job
//     numbers (GE.18-04567(C)) and barcodes (*1804567*).
//   - Notes found by position and by their marks: lines at the foot of a
//     page, or after the body, that start with a mark the body used as a
//     raised reference above them; the reference is taken out of the body
//     text and kept as the note's Mark. Notes follow the body, with Note
//     set.
//   - Paragraphs by a model of the document's own layout (paragraphs.go):
//     its margins and line pitch, where each line starts (flush, indented,
//     under the text after a label) and whether it ended with room for the
//     next word; a paragraph continues across pages and columns unless the
//     evidence says it ends.
//   - Lines of a paragraph joined without a space between Chinese
//     characters, and without the hyphen of a word broken at the end of a
//     line when the document writes the word whole elsewhere.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// Options controls Read.
type Options struct {
	MaxPages int    // 0 = default 2000; more pages -> error wrapping extract.ErrLimit
	CacheDir string // "" = default: os.UserCacheDir()/driftcheck/wazero (create it; if that fails, run without cache)
}

// DefaultMaxPages is the page limit when Options.MaxPages is 0.
const DefaultMaxPages = 2000

// Read extracts the paragraphs of a PDF. data is the whole file (the caller
// caps size at 64 MiB). Errors wrap the sentinels of package extract
// (ErrCorrupt, ErrEncrypted, ErrNoTextLayer, ErrLimit, ErrEmpty); their text
// is one line and does not name the file.
//
// The PDFium runtime is started on the first call, with that call's
// CacheDir, and shared by all later calls; calls are serialised.
func Read(data []byte, opt Options) (ps []extract.Paragraph, err error) {
	if len(bytesTrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w (empty file)", extract.ErrEmpty)
	}
	if !hasPrefixAfterJunk(data, "%PDF-") {
		return nil, fmt.Errorf("%w: not a PDF (no %%PDF- header)", extract.ErrCorrupt)
	}
	if !containsEOF(data) {
		return nil, fmt.Errorf("%w: the PDF is truncated (no %%%%EOF end marker)", extract.ErrCorrupt)
	}
	maxPages := opt.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	e, err := getEngine(opt.CacheDir)
	if err != nil {
		return nil, err
	}
	return readWith(e, data, maxPages)
}

func readWith(e *engine, data []byte, maxPages int) (ps []extract.Paragraph, err error) {
	defer func() {
		// The layout code works on PDFium's output, which a hostile file
		// controls: never let a bug there crash the caller.
		if r := recover(); r != nil {
			ps, err = nil, fmt.Errorf("%w: unreadable layout (%s)", extract.ErrCorrupt, oneLine(fmt.Sprint(r)))
		}
	}()
	pages, err := e.readPages(data, maxPages)
	if err != nil {
		return nil, err
	}
	if !hasText(pages) {
		return nil, fmt.Errorf("%w", extract.ErrNoTextLayer)
	}
	ps = layout(pages)
	if len(ps) == 0 {
		return nil, fmt.Errorf("%w: the PDF's text is only headers, footers and page numbers", extract.ErrEmpty)
	}
	for i := range ps {
		if !utf8.ValidString(ps[i].Text) {
			return nil, errors.New("pdf reader: internal error: invalid UTF-8")
		}
	}
	return ps, nil
}

func hasText(pages []page) bool {
	for _, p := range pages {
		for _, c := range p.chars {
			if !c.gen && !isSpace(c.r) {
				return true
			}
		}
	}
	return false
}

func bytesTrimSpace(b []byte) []byte {
	return bytes.TrimLeft(b, " \t\r\n\x00")
}

// hasPrefixAfterJunk reports whether the header occurs in the first KiB,
// as PDF readers accept.
func hasPrefixAfterJunk(data []byte, hdr string) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte(hdr))
}

// containsEOF reports whether the file has an end-of-file marker. A PDF
// cut short loses its last one; PDFium would otherwise rebuild what it can
// and return part of the text without a word.
func containsEOF(data []byte) bool {
	return bytes.Contains(data, []byte("%%EOF"))
}
