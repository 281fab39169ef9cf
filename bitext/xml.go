package bitext

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	stdunicode "unicode"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/xmlsafe"
	"github.com/driftcheck/driftcheck/lang"
)

// DefaultMaxDepth is the element nesting limit used when Options.MaxDepth is 0.
const DefaultMaxDepth = xmlsafe.DefaultMaxDepth

// PosError is an error tied to a line of the XML file. It wraps one of
// extract.ErrCorrupt, extract.ErrLimit, extract.ErrEmpty or
// extract.ErrUnsupported (through an *xmlsafe.Error when the XML itself
// was refused). Its text is one line without a file name.
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

// XMLReader is the XML token reader shared by Read and by
// lexicon.ReadTBX: an xmlsafe.Reader (UTF-8 first, strict, only the five
// predefined entities, a DOCTYPE that declares entities refused, nesting
// bounded) with the reading of TMX, XLIFF and TBX text on top. Every error
// it returns is a *PosError.
type XMLReader struct {
	x    *xmlsafe.Reader
	line int
	col  int
}

// NewXMLReader returns a reader over data. maxDepth 0 means DefaultMaxDepth.
func NewXMLReader(data []byte, maxDepth int) (*XMLReader, error) {
	x, err := xmlsafe.NewBytes(data, xmlsafe.Config{MaxDepth: maxDepth})
	if err != nil {
		return nil, &PosError{Line: 1, Err: err}
	}
	return &XMLReader{x: x, line: 1, col: 1}, nil
}

// Pos returns the 1-based line and column (in characters) where the token
// last returned by Token starts.
func (r *XMLReader) Pos() (line, col int) { return r.line, r.col }

// Depth returns the number of elements currently open.
func (r *XMLReader) Depth() int { return r.x.Depth() }

// Token returns the next token (namespaces translated, as xml.Decoder.Token)
// or io.EOF at the end of the input.
func (r *XMLReader) Token() (xml.Token, error) {
	t, err := r.x.Token()
	r.line, r.col = r.x.Pos()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		line := r.line
		var xe *xmlsafe.Error
		if errors.As(err, &xe) {
			line = xe.Line
		}
		return nil, &PosError{Line: line, Err: err}
	}
	return t, nil
}

// Skip consumes tokens up to the end of the element whose start was just
// returned.
func (r *XMLReader) Skip() error {
	target := r.Depth() - 1
	for r.Depth() > target {
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
	target := r.Depth() - 1
	for r.Depth() > target {
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

// Sniff returns "TMX", "XLIFF" or "TBX" according to the root element of
// data (after a BOM, the XML declaration, comments, processing
// instructions and a DOCTYPE), or "" when it is none of them or not XML.
func Sniff(data []byte) string {
	if len(data) > 1<<20 {
		data = data[:1<<20]
	}
	buf, err := xmlsafe.ToUTF8(data)
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

// normLang is the language code as driftcheck writes it (lang.Norm).
var normLang = lang.Norm

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
