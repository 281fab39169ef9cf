package bitext

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/langcode"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxDepth is the element nesting limit used when Options.MaxDepth is 0.
const DefaultMaxDepth = 256

// PosError is an error tied to a line of the XML file. It wraps one of
// extract.ErrCorrupt, extract.ErrLimit, extract.ErrEmpty or
// extract.ErrUnsupported. Its text is one line without a file name.
type PosError struct {
	Line int // 1-based; 0 when not tied to a line
	Err  error
}

func (e *PosError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

func (e *PosError) Unwrap() error { return e.Err }

// XMLReader is a hardened XML token reader, shared by Read and by
// lexicon.ReadTBX. It decodes the input to UTF-8 first (BOM, UTF-16, or the
// encoding named in the XML declaration), reads in strict mode with only
// the five predefined entities, refuses a DOCTYPE that declares entities,
// and bounds element nesting. Every error it returns is a *PosError.
type XMLReader struct {
	d        *xml.Decoder
	buf      []byte
	maxDepth int
	depth    int
	line     int
	col      int
	// last is where pos last counted to: the byte offset, its line and
	// column. The column of the next token is counted from there, so a
	// file written on one line costs time in its length, not its square.
	lastOff, lastLine, lastCol int
}

// NewXMLReader returns a reader over data. maxDepth 0 means DefaultMaxDepth.
func NewXMLReader(data []byte, maxDepth int) (*XMLReader, error) {
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	buf, err := toUTF8(data)
	if err != nil {
		return nil, &PosError{Line: 1, Err: err}
	}
	d := xml.NewDecoder(bytes.NewReader(buf))
	d.Strict = true
	// The input is already UTF-8 (toUTF8 converted it according to the
	// same declaration), so the declared label needs no further decoding.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return &XMLReader{d: d, buf: buf, maxDepth: maxDepth, line: 1, col: 1}, nil
}

// Pos returns the 1-based line and column (in characters) where the token
// last returned by Token starts.
func (r *XMLReader) Pos() (line, col int) { return r.line, r.col }

// Depth returns the number of elements currently open.
func (r *XMLReader) Depth() int { return r.depth }

func (r *XMLReader) pos() (int, int) {
	line, bcol := r.d.InputPos()
	off := int(r.d.InputOffset())
	if off > len(r.buf) {
		off = len(r.buf)
	}
	ls := off - (bcol - 1)
	if ls < 0 || ls > off {
		return line, bcol
	}
	col := 0
	if r.lastLine == line && r.lastOff >= ls && r.lastOff <= off {
		// Same line as last time: count on from there.
		col = r.lastCol + utf8.RuneCount(r.buf[r.lastOff:off])
	} else {
		col = utf8.RuneCount(r.buf[ls:off]) + 1
	}
	r.lastOff, r.lastLine, r.lastCol = off, line, col
	return line, col
}

var entityDecl = []byte("<!ENTITY")

// Token returns the next token (namespaces translated, as xml.Decoder.Token)
// or io.EOF at the end of the input.
func (r *XMLReader) Token() (xml.Token, error) {
	r.line, r.col = r.pos()
	t, err := r.d.Token()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			msg := strings.TrimPrefix(se.Msg, "XML syntax error: ")
			return nil, &PosError{Line: se.Line, Err: fmt.Errorf("%w: malformed XML: %s", extract.ErrCorrupt, msg)}
		}
		return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: %v", extract.ErrCorrupt, err)}
	}
	switch t := t.(type) {
	case xml.StartElement:
		r.depth++
		if r.depth > r.maxDepth {
			return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: XML elements nested deeper than %d", extract.ErrLimit, r.maxDepth)}
		}
	case xml.EndElement:
		r.depth--
	case xml.Directive:
		if bytes.Contains(t, entityDecl) {
			return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: the DOCTYPE declares entities (<!ENTITY>), refused as a possible entity-expansion attack", extract.ErrLimit)}
		}
	}
	return t, nil
}

// Skip consumes tokens up to the end of the element whose start was just
// returned.
func (r *XMLReader) Skip() error {
	target := r.depth - 1
	for r.depth > target {
		if _, err := r.next(); err != nil {
			return err
		}
	}
	return nil
}

// next is Token with io.EOF turned into a corrupt-file error, for use
// inside an element.
func (r *XMLReader) next() (xml.Token, error) {
	t, err := r.Token()
	if err == io.EOF {
		return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: malformed XML: unexpected end of file", extract.ErrCorrupt)}
	}
	return t, err
}

// Inline says what to do with an element found inside a text element.
type Inline int

const (
	// Keep keeps the element's text (g, mrk, pc, hi, term).
	Keep Inline = iota
	// Drop drops the element and its content (bpt, ept, it: native code).
	Drop
	// Space drops the element and its content and leaves a word break
	// (ph, x: a standalone placeholder such as a line break or a variable).
	Space
)

// Text reads the content of the element whose start was just returned, up
// to its end, and returns its text with whitespace collapsed. inline
// decides what to do with each child element; nil keeps every child's text.
func (r *XMLReader) Text(inline func(xml.Name) Inline) (string, error) {
	s, _, err := r.TextMarks(inline)
	return s, err
}

// Mark ties a byte offset of a text returned by TextMarks to the place in
// the file where the character at that offset is: 1-based line, 1-based
// column in characters. A new mark starts at each piece of text between
// tags and after each line break, so tags never shift positions.
type Mark struct{ Off, Line, Col int }

// TextMarks is Text with the marks that map its offsets back to the file.
func (r *XMLReader) TextMarks(inline func(xml.Name) Inline) (string, []Mark, error) {
	var sb strings.Builder
	var marks []Mark
	space := false // a run of white space waits to be written as one space
	add := func(chunk string, line, col int) {
		mark := true
		for _, c := range chunk {
			if stdunicode.IsSpace(c) {
				space = sb.Len() > 0
				if c == '\n' {
					line, col, mark = line+1, 1, true
				} else {
					col++
				}
				continue
			}
			if space {
				sb.WriteByte(' ')
				space = false
			}
			if mark {
				marks = append(marks, Mark{sb.Len(), line, col})
				mark = false
			}
			sb.WriteRune(c)
			col++
		}
	}
	target := r.depth - 1
	for r.depth > target {
		t, err := r.next()
		if err != nil {
			return "", nil, err
		}
		switch t := t.(type) {
		case xml.CharData:
			add(string(t), r.line, r.col)
		case xml.StartElement:
			act := Keep
			if inline != nil {
				act = inline(t.Name)
			}
			switch act {
			case Drop:
				if err := r.Skip(); err != nil {
					return "", nil, err
				}
			case Space:
				space = sb.Len() > 0
				if err := r.Skip(); err != nil {
					return "", nil, err
				}
			}
		}
	}
	return sb.String(), marks, nil
}

// Collapse trims s and replaces every run of white space by one space.
func Collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

var encDecl = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// toUTF8 returns data as UTF-8: a UTF-8 BOM is dropped, UTF-16 (with a BOM,
// or without one when the file starts with "<" as 16 bits) is converted,
// and any other encoding named in the XML declaration is converted with
// golang.org/x/net/html/charset.
func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0x00, '<'}):
		return utf16To8(data, unicode.BigEndian)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{'<', 0x00}):
		return utf16To8(data, unicode.LittleEndian)
	}
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	m := encDecl.FindSubmatch(head)
	if m == nil {
		return data, nil
	}
	label := strings.ToLower(string(m[1]))
	switch label {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return data, nil
	case "utf-16", "utf-16le", "utf-16be", "ucs-2":
		return nil, fmt.Errorf("%w: encoding %q declared but the file has no UTF-16 byte order mark", extract.ErrCorrupt, m[1])
	}
	rd, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: unsupported encoding %q in the XML declaration", extract.ErrCorrupt, m[1])
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot decode %s: %v", extract.ErrCorrupt, m[1], err)
	}
	return out, nil
}

func utf16To8(data []byte, e unicode.Endianness) ([]byte, error) {
	dec := unicode.UTF16(e, unicode.ExpectBOM).NewDecoder()
	if !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		dec = unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder()
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid UTF-16: %v", extract.ErrCorrupt, err)
	}
	return bytes.TrimPrefix(out, []byte("\ufeff")), nil
}

// Sniff returns "TMX", "XLIFF" or "TBX" according to the root element of
// data (after a BOM, the XML declaration, comments, processing
// instructions and a DOCTYPE), or "" when it is none of them or not XML.
func Sniff(data []byte) string {
	if len(data) > 1<<20 {
		data = data[:1<<20]
	}
	buf, err := toUTF8(data)
	if err != nil {
		return ""
	}
	d := xml.NewDecoder(bytes.NewReader(buf))
	d.Strict = false
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	for i := 0; i < 1000; i++ {
		t, err := d.RawToken()
		if err != nil {
			return ""
		}
		switch t := t.(type) {
		case xml.StartElement:
			return rootFormat(t.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return ""
			}
		}
	}
	return ""
}

func rootFormat(local string) string {
	switch local {
	case "tmx":
		return "TMX"
	case "xliff":
		return "XLIFF"
	case "martif", "tbx":
		return "TBX"
	}
	return ""
}

// normLang is lexicon.NormLang: both are langcode.Norm.
var normLang = langcode.Norm

// Attr returns the value of the attribute local that has no namespace, or "".
func Attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// LangAttr returns xml:lang, or else a lang attribute without namespace
// (TMX 1.1 writes one), or "".
func LangAttr(se xml.StartElement) string {
	plain := ""
	for _, a := range se.Attr {
		if a.Name.Local == "lang" {
			if a.Name.Space == xmlNS || a.Name.Space == "xml" {
				return a.Value
			}
			if a.Name.Space == "" {
				plain = a.Value
			}
		}
	}
	return plain
}
