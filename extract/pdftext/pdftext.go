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
//
// Hostile files are refused in bounded time and memory (extract.ErrLimit):
// PDFium gets at most 512 MiB of memory, a compressed stream that would
// inflate past it is refused before PDFium sees it, a page holds at most
// 100,000 characters and a PDF at most Options.Limits (DefaultMaxChars),
// counted before they are read, and a read lasts at most two minutes.
//
// A damaged file is an error (extract.ErrCorrupt), because PDFium reads
// what it can of one without a word: a cross-reference entry that points
// where its object is not, a compressed stream cut short or corrupt, a
// file that ends inside an update, a cross-reference table PDFium had to
// rebuild, a page or its text that cannot be loaded. With
// Options.AllowDamaged, ReadDocument reads it as far as it can and says
// what was damaged in its Warnings.
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
	CacheDir string // "" = default: $DRIFTCHECK_CACHE_DIR/wazero, else os.UserCacheDir()/driftcheck/wazero (created; if that fails, run without cache)
	// Limits bound the text read (see extract.Limits), except that
	// MaxChars 0 means DefaultMaxChars here. A page also holds at most
	// 100,000 characters, and PDFium gets at most 512 MiB of memory.
	Limits extract.Limits
	// AllowDamaged reads a damaged PDF (one whose cross-reference table
	// PDFium had to rebuild, a page or its text that cannot be loaded) as
	// far as it can be read, saying so in the Warnings of ReadDocument.
	// Without it such a PDF is an error wrapping extract.ErrCorrupt: its
	// text may be silently incomplete.
	AllowDamaged bool
}

// DefaultMaxPages is the page limit when Options.MaxPages is 0.
const DefaultMaxPages = 2000

// DefaultMaxChars is the character limit of a PDF when
// Options.Limits.MaxChars is 0: 2000 pages of 2500 characters, more than
// the largest UN documents. It is lower than extract.DefaultMaxChars
// because each character of a PDF costs about 300 bytes while its layout
// is rebuilt (its box, origin and size, then its line).
const DefaultMaxChars = 5_000_000

// Read extracts the paragraphs of a PDF: ReadDocument without the
// warnings (which only Options.AllowDamaged gives).
func Read(data []byte, opt Options) ([]extract.Paragraph, error) {
	d, err := ReadDocument(data, opt)
	return d.Paragraphs, err
}

// ReadDocument extracts the paragraphs of a PDF, and with
// Options.AllowDamaged the warnings on the damage found. data is the
// whole file (the caller caps size at 64 MiB). Errors wrap the sentinels
// of package extract (ErrCorrupt, ErrEncrypted, ErrNoTextLayer, ErrLimit,
// ErrEmpty); their text, and the warnings', is one line and does not name
// the file.
//
// The PDFium runtime is started on the first call, with that call's
// CacheDir, and shared by all later calls; calls are serialised.
func ReadDocument(data []byte, opt Options) (extract.Document, error) {
	if len(bytesTrimSpace(data)) == 0 {
		return extract.Document{}, fmt.Errorf("%w (empty file)", extract.ErrEmpty)
	}
	if !hasPrefixAfterJunk(data, "%PDF-") {
		return extract.Document{}, fmt.Errorf("%w: not a PDF (no %%PDF- header)", extract.ErrCorrupt)
	}
	if !containsEOF(data) {
		return extract.Document{}, fmt.Errorf("%w: the PDF is truncated (no %%%%EOF end marker)", extract.ErrCorrupt)
	}
	var err error
	cfg := config{maxPages: opt.MaxPages, maxChars: opt.Limits.MaxChars, maxParas: opt.Limits.Paragraphs(), allowDamaged: opt.AllowDamaged}
	if cfg.maxPages <= 0 {
		cfg.maxPages = DefaultMaxPages
	}
	if cfg.maxChars <= 0 {
		cfg.maxChars = DefaultMaxChars
	}
	if cfg.damage, err = checkStructure(data); err != nil {
		return extract.Document{}, err
	}
	e, err := getEngine(opt.CacheDir)
	if err != nil {
		return extract.Document{}, err
	}
	return readWith(e, data, cfg)
}

func readWith(e *engine, data []byte, cfg config) (d extract.Document, err error) {
	defer func() {
		// The layout code works on PDFium's output, which a hostile file
		// controls: never let a bug there crash the caller.
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				d, err = extract.Document{}, fmt.Errorf("%w: unreadable layout (%w)", extract.ErrCorrupt, shortError{e})
				return
			}
			d, err = extract.Document{}, fmt.Errorf("%w: unreadable layout (%s)", extract.ErrCorrupt, oneLine(fmt.Sprint(r)))
		}
	}()
	pages, warnings, err := e.read(data, cfg)
	if err != nil {
		return extract.Document{}, err
	}
	if !hasText(pages) {
		return extract.Document{}, fmt.Errorf("%w", extract.ErrNoTextLayer)
	}
	ps := layout(pages)
	if len(ps) == 0 {
		return extract.Document{}, fmt.Errorf("%w: the PDF's text is only headers, footers and page numbers", extract.ErrEmpty)
	}
	if len(ps) > cfg.maxParas {
		return extract.Document{}, fmt.Errorf("%w: more than %d paragraphs (the limit per file)", extract.ErrLimit, cfg.maxParas)
	}
	for i := range ps {
		if !utf8.ValidString(ps[i].Text) {
			return extract.Document{}, errors.New("pdf reader: internal error: invalid UTF-8")
		}
	}
	return extract.Document{Paragraphs: ps, Warnings: warnings}, nil
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
