// Package xmlsafe reads XML that may be hostile, for the readers of XML
// formats (bitext for TMX and XLIFF, lexicon through bitext for TBX, docx
// for the parts of a Word document). It is the one place that decides how
// such input is bounded:
//
//   - the decoder is strict and knows only the five predefined entities,
//     so no entity is ever expanded and a reference to any other one is
//     malformed XML;
//   - a directive that declares entities (<!ENTITY>, the "billion laughs"
//     and external-entity attacks) is refused, and with RefuseDoctype so
//     is any DOCTYPE;
//   - element nesting is bounded (Config.MaxDepth);
//   - the bytes read can be drawn from a Budget, shared by the parts of
//     one container, and the characters between one '<' and the next
//     bounded (Config.MaxTextRun), counted as the input is read, so that a
//     text node larger than the limit is refused before encoding/xml holds
//     it whole;
//   - NewBytes decodes the input to UTF-8 first (ToUTF8: a BOM, UTF-16, or
//     the encoding the XML declaration names).
//
// Every refusal is an *Error: its Kind says what was refused, its Line
// where, and it wraps extract.ErrCorrupt or extract.ErrLimit and the
// decoder's own error when there is one, so errors.Is and errors.As reach
// both. Its text is one line, without a file name or a line number: the
// caller adds them, or words the refusal its own way from the Kind.
//
// What the elements mean (which to keep, which to skip, how text is
// gathered) is left to the callers.
package xmlsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxDepth is the element nesting limit used when Config.MaxDepth
// is 0.
const DefaultMaxDepth = 256

// Kind says what an Error refused.
type Kind int

const (
	// Malformed is XML the decoder cannot read: a syntax error (Err is the
	// *xml.SyntaxError), a reference to an undeclared entity, a truncated
	// file, an encoding declared but not converted. Wraps ErrCorrupt.
	Malformed Kind = iota + 1
	// Depth is elements nested deeper than Config.MaxDepth. Wraps ErrLimit.
	Depth
	// Entities is a directive that declares entities. Wraps ErrLimit.
	Entities
	// Doctype is a DOCTYPE, under RefuseDoctype. Wraps ErrCorrupt.
	Doctype
	// Size is more bytes read than the Budget allowed. Wraps ErrLimit.
	Size
	// TextRun is more than Config.MaxTextRun characters without a '<'.
	// Wraps ErrLimit.
	TextRun
	// Encoding is input that cannot be decoded to UTF-8 (an unknown
	// encoding, invalid UTF-16, UTF-16 declared without a byte order
	// mark). Wraps ErrCorrupt.
	Encoding
)

// Error is a refusal of the input. Its text is the class of the error
// (extract.ErrCorrupt or extract.ErrLimit), then Msg.
type Error struct {
	Kind Kind
	// Line is the 1-based line of the input where the refusal was found
	// (the syntax error's line, or where the token being read starts);
	// 0 when not known.
	Line int
	// Limit is the limit passed, for Depth, Size and TextRun.
	Limit int64
	// Msg is the one-line description, without the class.
	Msg string
	// Err is the decoder's or the character decoder's error, or nil.
	Err error
}

// Class returns the extract error the refusal is a case of:
// extract.ErrLimit or extract.ErrCorrupt.
func (e *Error) Class() error {
	switch e.Kind {
	case Depth, Entities, Size, TextRun:
		return extract.ErrLimit
	}
	return extract.ErrCorrupt
}

func (e *Error) Error() string { return e.Class().Error() + ": " + e.Msg }

// Unwrap returns the class and, when there is one, the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Class()}
	}
	return []error{e.Class(), e.Err}
}

// DoctypePolicy says which DOCTYPEs a Reader accepts.
type DoctypePolicy int

const (
	// RefuseEntities accepts a DOCTYPE that names a DTD (TMX and XLIFF
	// files often carry one) and refuses one that declares entities.
	RefuseEntities DoctypePolicy = iota
	// RefuseDoctype refuses any DOCTYPE (Office Open XML parts never have
	// one).
	RefuseDoctype
)

// Config bounds what a Reader accepts. The zero Config refuses entity
// declarations and nesting deeper than DefaultMaxDepth, and bounds
// nothing else.
type Config struct {
	MaxDepth int // element nesting limit; 0 means DefaultMaxDepth
	Doctype  DoctypePolicy
	// Budget, when not nil, is drawn from by every byte read (before any
	// character decoding): more than it holds gives a Size error.
	Budget *Budget
	// MaxTextRun, when positive, is the most characters read after a '<'
	// before the next one (a tag's name and attributes count, and the
	// text that follows the tag): more gives a TextRun error as soon as
	// they are read, before the decoder returns them as one token.
	MaxTextRun int
}

// Budget is a number of bytes that readers may still read. Several
// readers can draw from one Budget: the parts of one zip share the limit
// of the whole.
type Budget struct {
	max, left int64
}

// NewBudget returns a budget of n bytes.
func NewBudget(n int64) *Budget { return &Budget{max: n, left: n} }

// Left returns the bytes still allowed: negative once a reader read past
// the budget (it reads at most one byte more than allowed).
func (b *Budget) Left() int64 { return b.left }

// Reader is a hardened XML token reader. Every error it returns, io.EOF
// apart, is an *Error.
type Reader struct {
	d        *xml.Decoder
	cr       *countingReader // nil when nothing is counted
	buf      []byte          // the UTF-8 input, for NewBytes: columns in characters
	maxDepth int
	doctype  DoctypePolicy
	depth    int
	line     int
	col      int
	// last is where pos last counted to: the byte offset, its line and
	// column. The column of the next token is counted from there, so a
	// file written on one line costs time in its length, not its square.
	lastOff, lastLine, lastCol int
}

// New returns a reader of the UTF-8 XML read from in, streamed: it holds
// what encoding/xml holds, not the input. An XML declaration naming
// another encoding than UTF-8 is a Malformed error. Pos gives columns in
// bytes.
func New(in io.Reader, c Config) *Reader {
	r := newReader(c)
	if c.Budget != nil || c.MaxTextRun > 0 {
		r.cr = &countingReader{r: in, budget: c.Budget, maxRun: c.MaxTextRun}
		in = r.cr
	}
	r.d = xml.NewDecoder(in)
	r.d.Strict = true
	return r
}

// NewBytes returns a reader of data, decoded to UTF-8 first (see ToUTF8;
// its error is an Encoding error). Pos gives columns in characters.
func NewBytes(data []byte, c Config) (*Reader, error) {
	buf, err := ToUTF8(data)
	if err != nil {
		return nil, err
	}
	r := newReader(c)
	r.buf = buf
	var in io.Reader = bytes.NewReader(buf)
	if c.Budget != nil || c.MaxTextRun > 0 {
		r.cr = &countingReader{r: in, budget: c.Budget, maxRun: c.MaxTextRun}
		in = r.cr
	}
	r.d = xml.NewDecoder(in)
	r.d.Strict = true
	// The input is already UTF-8 (ToUTF8 converted it according to the
	// same declaration), so the declared label needs no further decoding.
	r.d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return r, nil
}

func newReader(c Config) *Reader {
	if c.MaxDepth <= 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	return &Reader{maxDepth: c.MaxDepth, line: 1, col: 1, doctype: c.Doctype}
}

// Pos returns the 1-based line and column where the token last returned
// by Token starts (the column in characters for NewBytes, in bytes for
// New).
func (r *Reader) Pos() (line, col int) { return r.line, r.col }

// Depth returns the number of elements currently open.
func (r *Reader) Depth() int { return r.depth }

func (r *Reader) pos() (int, int) {
	line, bcol := r.d.InputPos()
	if r.buf == nil {
		return line, bcol
	}
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

var (
	entityDecl = []byte("<!ENTITY")
	doctypeKw  = []byte("DOCTYPE")
)

// Token returns the next token (namespaces translated, as
// xml.Decoder.Token) or io.EOF at the end of the input.
func (r *Reader) Token() (xml.Token, error) {
	r.line, r.col = r.pos()
	t, err := r.d.Token()
	if err == io.EOF {
		return nil, io.EOF
	}
	if cr := r.cr; cr != nil {
		if cr.long && err == nil {
			// The decoder returns the text it holds before the error.
			err = errStop
		}
	}
	if cr := r.cr; cr != nil && err != nil {
		if cr.long {
			return nil, &Error{Kind: TextRun, Line: r.line, Limit: int64(cr.maxRun), Msg: fmt.Sprintf("more than %d characters without markup", cr.maxRun)}
		}
		if cr.over || errors.Is(err, errStop) {
			return nil, &Error{Kind: Size, Line: r.line, Limit: cr.budget.max, Msg: fmt.Sprintf("more than %d bytes of XML", cr.budget.max)}
		}
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			msg := strings.TrimPrefix(se.Msg, "XML syntax error: ")
			return nil, &Error{Kind: Malformed, Line: se.Line, Msg: "malformed XML: " + msg, Err: err}
		}
		return nil, &Error{Kind: Malformed, Line: r.line, Msg: err.Error(), Err: err}
	}
	switch t := t.(type) {
	case xml.StartElement:
		r.depth++
		if r.depth > r.maxDepth {
			return nil, &Error{Kind: Depth, Line: r.line, Limit: int64(r.maxDepth), Msg: fmt.Sprintf("XML elements nested deeper than %d", r.maxDepth)}
		}
	case xml.EndElement:
		r.depth--
	case xml.Directive:
		if r.doctype == RefuseDoctype && bytes.HasPrefix(bytes.TrimSpace(bytes.ToUpper(t)), doctypeKw) {
			return nil, &Error{Kind: Doctype, Line: r.line, Msg: "DOCTYPE not allowed"}
		}
		if bytes.Contains(t, entityDecl) {
			return nil, &Error{Kind: Entities, Line: r.line, Msg: "the DOCTYPE declares entities (<!ENTITY>), refused as a possible entity-expansion attack"}
		}
	}
	return t, nil
}

// errStop is what the counting reader returns to the decoder once a limit
// is passed; Token turns it into a Size or TextRun error.
var errStop = errors.New("xmlsafe: limit passed")

// countingReader draws the bytes read from the budget, and counts the
// characters since the last '<': encoding/xml returns a text node whole,
// so a text node longer than the limit is refused before the decoder
// holds it.
type countingReader struct {
	r      io.Reader
	budget *Budget // nil: not counted
	maxRun int     // 0: not counted
	over   bool
	run    int // characters since the last '<'
	long   bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	if b := c.budget; b != nil {
		if b.left < 0 {
			c.over = true
			return 0, errStop
		}
		if int64(len(p)) > b.left+1 {
			p = p[:b.left+1]
		}
	}
	n, err := c.r.Read(p)
	if b := c.budget; b != nil {
		b.left -= int64(n)
		if b.left < 0 {
			c.over = true
			return n, errStop
		}
	}
	if c.maxRun > 0 && c.textRun(p[:n]) > c.maxRun {
		c.long = true
		return n, errStop
	}
	return n, err
}

// textRun counts the characters of b, and returns the most characters it
// saw in one stretch without a '<', counting on from the stretch the
// previous reads ended with.
func (c *countingReader) textRun(b []byte) int {
	longest := 0
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			c.run += utf8.RuneCount(b)
			return max(longest, c.run)
		}
		longest = max(longest, c.run+utf8.RuneCount(b[:i]))
		c.run = 0
		b = b[i+1:]
	}
}

var encDecl = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// ToUTF8 returns data as UTF-8: a UTF-8 BOM is dropped, UTF-16 (with a
// BOM, or without one when the file starts with "<" as 16 bits) is
// converted, and any other encoding named in the XML declaration is
// converted with golang.org/x/net/html/charset. Its error is an *Error of
// Kind Encoding, at line 1.
func ToUTF8(data []byte) ([]byte, error) {
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
		return nil, &Error{Kind: Encoding, Line: 1, Msg: fmt.Sprintf("encoding %q declared but the file has no UTF-16 byte order mark", m[1])}
	}
	rd, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Kind: Encoding, Line: 1, Msg: fmt.Sprintf("unsupported encoding %q in the XML declaration", m[1]), Err: err}
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		return nil, &Error{Kind: Encoding, Line: 1, Msg: fmt.Sprintf("cannot decode %s: %v", m[1], err), Err: err}
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
		return nil, &Error{Kind: Encoding, Line: 1, Msg: fmt.Sprintf("invalid UTF-16: %v", err), Err: err}
	}
	return bytes.TrimPrefix(out, []byte("\ufeff")), nil
}
