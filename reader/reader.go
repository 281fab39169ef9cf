// Package reader opens the files users have — plain text in the encodings
// UN text comes in, PDF, Word (DOCX and .doc), HTML — and returns their
// paragraphs. It picks the reader from the file's first bytes, and from its
// name only when the bytes do not tell (an HTML page without a doctype).
//
// Translation memories and bilingual files (TMX, XLIFF) are pairs, not
// paragraphs: Format names them so that the caller can read them with
// package bitext; ReadFile refuses them with a clear error. Term bases (TBX)
// are lexicons (lexicon.ReadTBX).
package reader

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/bitext"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/extract/docx"
	"github.com/driftcheck/driftcheck/extract/htmltext"
	"github.com/driftcheck/driftcheck/extract/msdoc"
	"github.com/driftcheck/driftcheck/extract/pdftext"
	"github.com/driftcheck/driftcheck/internal/inputfile"
)

// Options control reading.
type Options struct {
	// Encoding names the encoding of the plain text and HTML files that
	// are not UTF-8 (see extract.Encodings); "" detects it. A file with a
	// byte-order mark, or whose bytes are valid UTF-8, is read as such
	// whatever Encoding says, so that one run can mix a UTF-8 voted text
	// with finals in a legacy encoding.
	Encoding string
	// Original reads Word files as they were before their tracked changes;
	// the default is the text with the changes accepted.
	Original bool
	// PDF holds the PDF reader's limits and cache directory.
	PDF pdftext.Options
	// AllowDamaged reads a damaged PDF (a cross-reference table PDFium
	// rebuilt or that points to the wrong places, a compressed stream cut
	// short or corrupt, a page that cannot be loaded) as far as it can be
	// read, with a warning for each damage (pdftext.ReadDocument's
	// Warnings), instead of refusing it with an error wrapping
	// extract.ErrCorrupt: its text may be incomplete.
	AllowDamaged bool
	// Warn, if set, is told each warning about a file that was read
	// anyway (the damage of a PDF read with AllowDamaged), one line that
	// does not name the file.
	Warn func(msg string)
}

// Formats a file can have.
const (
	Text  = "text"
	PDF   = "PDF"
	DOCX  = "DOCX"
	DOC   = "Word 97-2003 (.doc)"
	HTML  = "HTML"
	TMX   = "TMX"
	XLIFF = "XLIFF"
	TBX   = "TBX"
)

var byExt = map[string]string{
	".pdf": PDF, ".docx": DOCX, ".doc": DOC, ".html": HTML, ".htm": HTML, ".xhtml": HTML,
	".tmx": TMX, ".xlf": XLIFF, ".xliff": XLIFF, ".sdlxliff": XLIFF, ".tbx": TBX,
}

// unsupported are formats no reader here reads, by extension and by their
// first bytes.
var unsupported = map[string]string{
	".odt": "OpenDocument", ".rtf": "RTF", ".zip": "zip", ".xlsx": "Excel", ".xls": "Excel",
	".pptx": "PowerPoint", ".epub": "EPUB",
}

// Format names the format of a file from its first bytes, or from its name
// when the bytes do not tell. It returns "" for a format no reader reads
// and Text for anything else.
func Format(data []byte, name string) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return PDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if ext == ".docx" || bytes.Contains(head, []byte("word/")) || bytes.Contains(head, []byte("[Content_Types].xml")) {
			return DOCX
		}
		return ""
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if docx.IsEncryptedOLE(data) {
			return DOCX // a password-protected DOCX: its reader says so
		}
		return DOC
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return ""
	}
	switch bitext.Sniff(head) {
	case "TMX":
		return TMX
	case "XLIFF":
		return XLIFF
	case "TBX":
		return TBX
	}
	if looksHTML(head) {
		return HTML
	}
	if f, ok := byExt[ext]; ok {
		// A format named by the file but not recognised by its bytes:
		// that format's reader says what is wrong with it.
		return f
	}
	if _, ok := unsupported[ext]; ok {
		return ""
	}
	return Text
}

func looksHTML(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	l := bytes.ToLower(h[:min(len(h), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<p>", "<div", "<title"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return p != "<!--" || bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// ReadFile reads the paragraphs of the file at path. The file is never
// modified. Errors do not name the file; callers add it.
func ReadFile(path string, opt Options) ([]extract.Paragraph, error) {
	data, err := Load(path)
	if err != nil {
		return nil, err
	}
	return Read(data, path, opt)
}

// Load reads a whole file, refusing files larger than extract.MaxFileBytes.
// A FIFO or a device is read without waiting for a writer, and with a time
// limit on each read (package inputfile), so no input can hang a run.
func Load(path string) ([]byte, error) {
	return inputfile.ReadAll(path, extract.MaxFileBytes, extract.ErrTooLarge)
}

// Read returns the paragraphs of data, the content of the file name.
func Read(data []byte, name string, opt Options) ([]extract.Paragraph, error) {
	if opt.Encoding != "" && isUnicode(data) {
		opt.Encoding = ""
	}
	switch f := Format(data, name); f {
	case PDF:
		po := opt.PDF
		po.AllowDamaged = po.AllowDamaged || opt.AllowDamaged
		d, err := pdftext.ReadDocument(data, po)
		if err == nil && opt.Warn != nil {
			for _, w := range d.Warnings {
				opt.Warn(w)
			}
		}
		return d.Paragraphs, err
	case DOCX:
		return docx.Read(data, docx.Options{Original: opt.Original})
	case DOC:
		return msdoc.Read(data, msdoc.Options{})
	case HTML:
		return htmltext.Read(data, htmltext.Options{Encoding: opt.Encoding})
	case TMX, XLIFF:
		return nil, fmt.Errorf("%w: a %s file holds translation pairs, not one text: check it alone (driftcheck check FILE) rather than as a voted or final text", extract.ErrUnsupported, f)
	case TBX:
		return nil, fmt.Errorf("%w: a TBX file is a term base: use it with --lexicon", extract.ErrUnsupported)
	case Text:
		return extract.TextAs(data, opt.Encoding)
	default:
		kind := "this"
		if k, ok := unsupported[strings.ToLower(filepath.Ext(name))]; ok {
			kind = "an " + k
			if !strings.ContainsAny(k[:1], "AEIOU") {
				kind = "a " + k
			}
		} else if bytes.HasPrefix(data, []byte("{\\rtf")) {
			kind = "an RTF"
		} else if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			kind = "a zip (not DOCX)"
		}
		return nil, fmt.Errorf("%w: %s file; driftcheck reads plain text, PDF, DOCX, .doc, HTML, TMX and XLIFF (save it in one of those)", extract.ErrUnsupported, kind)
	}
}

// isUnicode reports whether data starts with a byte-order mark or is valid
// UTF-8 (with at least one non-ASCII character, or none at all).
func isUnicode(data []byte) bool {
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if bytes.HasPrefix(data, bom) {
			return true
		}
	}
	return utf8.Valid(data) && bytes.IndexByte(data, 0) < 0
}
