// Package extract turns the bytes of a file into paragraphs of text.
//
// This package reads plain text: UTF-8 with or without a byte-order mark,
// UTF-16 (little or big endian) with or without one, GB18030 (and GBK),
// Big5, Windows-1251 and Windows-1256, detected (Detect) or named
// (DecodeAs, TextAs). The readers of other formats are its subpackages;
// package reader picks one for a file. Paragraphs are
// separated by blank lines; a text with no blank line has one paragraph per
// line. Lines of one paragraph are joined with a space, or with nothing when
// the line break falls between two Han characters (Chinese text broken by
// an editor must not gain spaces inside words).
//
// Extract owns bytes and encodings; it knows nothing of languages or of
// the structure of UN documents.
package extract

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Paragraph is one paragraph of a file. Text has no line breaks. Lines maps
// the paragraph back to the file: Lines[k] is where the k-th source line of
// the paragraph starts in Text (Off, bytes) and in the file (Line, 1-based).
//
// Readers of formats without lines (PDF, Word, HTML, XML) fill what they
// know: Page for PDF (1-based), Note and Mark for footnote and endnote text
// kept apart from the body, Lang when the file marks the paragraph's language (HTML
// lang, XML xml:lang). Lines may then hold the line of the source markup, or
// be empty.
type Paragraph struct {
	Text  string
	Lines []LineStart
	Page  int    // 1-based page of a paged format (PDF), else 0
	Note  bool   // a footnote or endnote, not body text
	Lang  string // language the file declares for this paragraph, or ""
	// Mark is the reference mark of a note as the file prints it ("1",
	// "*", "a"), set on Note paragraphs when the reader knows it, else "".
	// The mark is neither in the note's Text nor in the body text that
	// refers to it.
	Mark string
}

// LineStart ties a byte offset of a paragraph to a line of its file.
type LineStart struct {
	Off  int // byte offset in Paragraph.Text
	Line int // 1-based line in the file
	Col  int // 1-based column (in runes) of the file where the text starts
}

// Position returns the 1-based line of the file that holds byte off of the
// paragraph, and the 1-based column in runes within that line.
func (p Paragraph) Position(off int) (line, col int) {
	if len(p.Lines) == 0 {
		return 0, 0
	}
	k := 0
	for i, ls := range p.Lines {
		if ls.Off <= off {
			k = i
		}
	}
	start := p.Lines[k].Off
	if off > len(p.Text) {
		off = len(p.Text)
	}
	return p.Lines[k].Line, p.Lines[k].Col + utf8.RuneCountInString(p.Text[start:off])
}

// Errors returned (wrapped) by the readers.
var (
	ErrEmpty    = errors.New("empty: no text")
	ErrBinary   = errors.New("binary data, not text (NUL bytes)")
	ErrEncoding = errors.New("invalid text encoding")
	ErrTooLarge = errors.New("file too large")
	// ErrUnsupported is a file in a format no reader reads (RTF,
	// OpenDocument, a spreadsheet), or one given where it cannot serve (a
	// translation memory as a voted or final text).
	ErrUnsupported = errors.New("format not supported")
	// ErrCorrupt is a file whose structure cannot be read (truncated zip,
	// broken PDF cross-reference, malformed XML).
	ErrCorrupt = errors.New("corrupt or truncated file")
	// ErrEncrypted is a password-protected file.
	ErrEncrypted = errors.New("password-protected (encrypted) file")
	// ErrNoTextLayer is a PDF whose pages are images only: it needs OCR.
	ErrNoTextLayer = errors.New("PDF has no text layer (scanned images only); it needs OCR before it can be checked")
	// ErrLimit is a file that exceeds a safety limit (decompressed size,
	// page count, XML depth): possibly hostile, refused in bounded time.
	ErrLimit = errors.New("file exceeds a safety limit")
)

// MaxFileBytes is the largest file read (64 MiB; see reader.Load). Larger
// files are refused with ErrTooLarge rather than read into memory.
const MaxFileBytes = 64 << 20

// Decode returns data as UTF-8 text, detecting its encoding (see Detect
// and DecodeAs): it removes a byte-order mark and converts UTF-16, GB18030,
// Big5, Windows-1251 and Windows-1256. Bytes that fit no encoding are an
// error naming the byte offset where the data stops being UTF-8.
func Decode(data []byte) (string, error) {
	return DecodeAs(data, "")
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// decodeUTF16 decodes b, which starts at byte base of the file (2 after a
// byte-order mark), as UTF-16.
func decodeUTF16(b []byte, little bool, base int) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 text with an odd number of bytes (truncated?)", ErrEncoding)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if little {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	for i := 0; i < len(u); i++ {
		switch {
		case u[i] == 0:
			return "", fmt.Errorf("%w at byte %d", ErrBinary, base+2*i)
		case utf16.IsSurrogate(rune(u[i])):
			if u[i] >= 0xDC00 || i+1 >= len(u) || u[i+1] < 0xDC00 || u[i+1] > 0xDFFF {
				return "", fmt.Errorf("%w: unpaired UTF-16 surrogate at byte %d", ErrEncoding, base+2*i)
			}
			i++
		}
	}
	return string(utf16.Decode(u)), nil
}

// Text decodes data, detecting its encoding, and splits it into
// paragraphs: TextAs(data, "").
func Text(data []byte) ([]Paragraph, error) {
	return TextAs(data, "")
}

// Split splits text into paragraphs: at blank lines when the text has any,
// otherwise one paragraph per line. Leading and trailing space of each line
// is dropped; empty paragraphs are skipped. Split sets no limit: TextAs
// does (see Limits).
func Split(s string) []Paragraph {
	ps, _ := split(s, nil)
	return ps
}

// split is Split, counting the paragraphs and their characters with c
// (nil: no limit) and stopping at the first limit passed.
func split(s string, c *Counter) ([]Paragraph, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(l) == "" }
	// Blank lines separate paragraphs when one stands between two lines of
	// text; otherwise every line is a paragraph.
	first, last := -1, -1
	for i, l := range lines {
		if !blank(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	hasBlank := false
	for i := first + 1; first >= 0 && i < last; i++ {
		if blank(lines[i]) {
			hasBlank = true
			break
		}
	}
	var out []Paragraph
	var cur *Paragraph
	var b strings.Builder
	flush := func() {
		if cur != nil {
			cur.Text = b.String()
			out = append(out, *cur)
			cur = nil
			b.Reset()
		}
	}
	for i, raw := range lines {
		l := strings.TrimLeftFunc(raw, unicode.IsSpace)
		col := 1 + utf8.RuneCountInString(raw[:len(raw)-len(l)])
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			flush()
			continue
		}
		if !hasBlank {
			flush()
		}
		if err := c.count(l, cur == nil); err != nil {
			return nil, err
		}
		if cur == nil {
			cur = &Paragraph{}
		} else {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !(isHan(prev) && isHan(next)) {
				b.WriteByte(' ')
			}
		}
		cur.Lines = append(cur.Lines, LineStart{Off: b.Len(), Line: i + 1, Col: col})
		b.WriteString(l)
	}
	flush()
	return out, nil
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF65)
}
