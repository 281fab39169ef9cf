package xmlsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/driftcheck/driftcheck/extract"
)

// readAll reads every token of r and returns the text of the character
// data and the first error other than io.EOF.
func readAll(r *Reader) (string, error) {
	var sb strings.Builder
	for {
		t, err := r.Token()
		if err == io.EOF {
			return sb.String(), nil
		}
		if err != nil {
			return sb.String(), err
		}
		if cd, ok := t.(xml.CharData); ok {
			sb.Write(cd)
		}
	}
}

func readBytes(data string, c Config) (string, error) {
	r, err := NewBytes([]byte(data), c)
	if err != nil {
		return "", err
	}
	return readAll(r)
}

func readStream(data string, c Config) (string, error) {
	return readAll(New(strings.NewReader(data), c))
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<lolz>&lol2;</lolz>`

const externalEntity = "<?xml version=\"1.0\"?>\n\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<d>&xxe;</d>"

func utf16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, r := range utf16.Encode([]rune(s)) {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// TestHostile: each hostile input is refused with the right Kind, class,
// line and text, from bytes and streamed alike.
func TestHostile(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  string
		cfg   Config
		kind  Kind
		class error
		line  int
		text  string
	}{
		{"billion laughs", billionLaughs, Config{}, Entities, extract.ErrLimit, 2, "declares entities"},
		{"external entity", externalEntity, Config{}, Entities, extract.ErrLimit, 3, "declares entities"},
		{"external entity, no DOCTYPE allowed", externalEntity, Config{Doctype: RefuseDoctype}, Doctype, extract.ErrCorrupt, 3, "DOCTYPE not allowed"},
		{"DTD only, no DOCTYPE allowed", `<!doctype d SYSTEM "d.dtd"><d/>`, Config{Doctype: RefuseDoctype}, Doctype, extract.ErrCorrupt, 1, "DOCTYPE"},
		{"undeclared entity", "<d>\n&lol;</d>", Config{}, Malformed, extract.ErrCorrupt, 2, "malformed XML: invalid character entity &lol;"},
		{"deep nesting", "<a>\n" + strings.Repeat("<a>", 300), Config{}, Depth, extract.ErrLimit, 2, "XML elements nested deeper than 256"},
		{"deep nesting, custom limit", strings.Repeat("<a>", 11), Config{MaxDepth: 10}, Depth, extract.ErrLimit, 1, "deeper than 10"},
		{"truncated", "<a>\n<b>text", Config{}, Malformed, extract.ErrCorrupt, 2, "unexpected EOF"},
		{"oversized", "<a>" + strings.Repeat("<b/>", 1000) + "</a>", Config{Budget: NewBudget(100)}, Size, extract.ErrLimit, 1, "more than 100 bytes"},
		{"long text node", "<a>" + strings.Repeat("x", 5000) + "</a>", Config{MaxTextRun: 1000}, TextRun, extract.ErrLimit, 1, "more than 1000 characters without markup"},
	} {
		for _, how := range []string{"bytes", "stream"} {
			t.Run(c.name+"/"+how, func(t *testing.T) {
				read := readBytes
				if how == "stream" {
					read = readStream
				}
				_, err := read(c.data, c.cfg)
				var xe *Error
				if !errors.As(err, &xe) {
					t.Fatalf("err = %v (%T), want an *Error", err, err)
				}
				if xe.Kind != c.kind || !errors.Is(err, c.class) || xe.Line != c.line {
					t.Errorf("kind %d, line %d, err %q; want kind %d, line %d, class %v", xe.Kind, xe.Line, err, c.kind, c.line, c.class)
				}
				if !strings.Contains(err.Error(), c.text) || strings.ContainsAny(err.Error(), "\n\r") {
					t.Errorf("err = %q, want %q on one line", err, c.text)
				}
				if !strings.HasPrefix(err.Error(), c.class.Error()+": ") {
					t.Errorf("err = %q, want it to start with its class", err)
				}
			})
		}
	}
}

// The entity's text never reaches the output: the refusal comes before.
func TestEntityNotExpanded(t *testing.T) {
	text, err := readBytes(`<!DOCTYPE d [<!ENTITY e "SECRET">]><d>&e;</d>`, Config{})
	if err == nil || strings.Contains(text, "SECRET") {
		t.Fatalf("text %q, err %v: want a refusal before any text", text, err)
	}
}

// A DOCTYPE that only names a DTD is read by default (TMX files carry
// one).
func TestDoctypeWithoutEntities(t *testing.T) {
	text, err := readBytes(`<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx>ok</tmx>`, Config{})
	if err != nil || text != "ok" {
		t.Fatalf("text %q, err %v", text, err)
	}
}

// The syntax error is reachable as the decoder's own error.
func TestSyntaxErrorCause(t *testing.T) {
	_, err := readStream("<a>\n<b></a>", Config{})
	var se *xml.SyntaxError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Fatalf("err = %v, want an *xml.SyntaxError at line 2 inside", err)
	}
}

// Limits at their value pass, one over is refused.
func TestLimitsAtTheEdge(t *testing.T) {
	// The run counted is every character after a '<' up to the next
	// one: "a>" and 998 x are 1000.
	doc := "<a>" + strings.Repeat("x", 998) + "</a>"
	if _, err := readStream(doc, Config{MaxTextRun: 1000}); err != nil {
		t.Errorf("a run of 1000 characters, limit 1000: %v", err)
	}
	if _, err := readStream(doc, Config{MaxTextRun: 999}); err == nil {
		t.Error("a run of 1000 characters, limit 999: no error")
	}
	// Characters, not bytes: 998 two-byte characters.
	if _, err := readStream("<a>"+strings.Repeat("é", 998)+"</a>", Config{MaxTextRun: 1000}); err != nil {
		t.Errorf("998 é, limit 1000: %v", err)
	}
	// A run in the middle of one read counts as much as one across reads.
	if _, err := readStream("<a><b/>"+strings.Repeat("x", 1000)+"<c/></a>", Config{MaxTextRun: 999}); err == nil {
		t.Error("a run of 1000 characters between two tags, limit 999: no error")
	}
	nested := strings.Repeat("<a>", 10) + strings.Repeat("</a>", 10)
	if _, err := readStream(nested, Config{MaxDepth: 10}); err != nil {
		t.Errorf("depth 10, limit 10: %v", err)
	}
	if _, err := readStream(nested, Config{Budget: NewBudget(int64(len(nested)))}); err != nil {
		t.Errorf("%d bytes, budget %d: %v", len(nested), len(nested), err)
	}
	if _, err := readStream(nested, Config{Budget: NewBudget(int64(len(nested) - 1))}); err == nil {
		t.Errorf("%d bytes, budget %d: no error", len(nested), len(nested)-1)
	}
}

// A budget is shared: what one reader read, the next cannot.
func TestBudgetShared(t *testing.T) {
	b := NewBudget(150)
	part := "<a>" + strings.Repeat(" ", 93) + "</a>" // 100 bytes
	if _, err := readStream(part, Config{Budget: b}); err != nil {
		t.Fatalf("first part: %v", err)
	}
	if b.Left() != 50 {
		t.Errorf("left %d after 100 bytes of 150, want 50", b.Left())
	}
	_, err := readStream(part, Config{Budget: b})
	var xe *Error
	if !errors.As(err, &xe) || xe.Kind != Size {
		t.Fatalf("second part: err = %v, want a Size error", err)
	}
	if b.Left() >= 0 {
		t.Errorf("left %d, want negative once over", b.Left())
	}
	if _, err := readStream("<a/>", Config{Budget: b}); err == nil {
		t.Error("a third part read from an overdrawn budget")
	}
}

// An oversized input is refused after reading about the budget, not the
// whole input.
func TestBudgetStopsReading(t *testing.T) {
	src := &countReads{r: strings.NewReader("<a>" + strings.Repeat("<b/>", 1<<20) + "</a>")}
	_, err := readAll(New(src, Config{Budget: NewBudget(64 << 10)}))
	if !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	if src.n > 64<<10+1 {
		t.Errorf("read %d bytes with a budget of %d", src.n, 64<<10)
	}
}

type countReads struct {
	r io.Reader
	n int
}

func (c *countReads) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestEncodings(t *testing.T) {
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>"
	for _, c := range []struct {
		name, data, want string
	}{
		{"UTF-8 BOM", "\xEF\xBB\xBF<a>é</a>", "é"},
		{"UTF-16LE BOM", utf16LE("<a>é</a>", true), "é"},
		{"UTF-16LE no BOM", utf16LE("<a>é</a>", false), "é"},
		{"Latin-1 declared", latin1, "café"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, err := readBytes(c.data, Config{})
			if err != nil || text != c.want {
				t.Fatalf("text %q, err %v; want %q", text, err, c.want)
			}
		})
	}
	// Streamed input is UTF-8 only: a declared encoding is refused, not
	// misread.
	if _, err := readStream(latin1, Config{}); !errors.Is(err, extract.ErrCorrupt) {
		t.Errorf("streamed Latin-1: err = %v, want ErrCorrupt", err)
	}
}

func TestBadEncoding(t *testing.T) {
	for _, c := range []struct {
		name, data, text string
		cause            bool
	}{
		{"unknown", `<?xml version="1.0" encoding="x-no-such"?><a/>`, `unsupported encoding "x-no-such" in the XML declaration`, true},
		{"UTF-16 without BOM", `<?xml version="1.0" encoding="UTF-16"?><a/>`, "byte order mark", false},
		{"odd UTF-16", utf16LE("<a>é</a>", true) + "\x00", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewBytes([]byte(c.data), Config{})
			var xe *Error
			if c.text == "" {
				// Decoded with a replacement character or refused: never
				// a panic, never anything but an Encoding error.
				if err != nil && (!errors.As(err, &xe) || xe.Kind != Encoding) {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.As(err, &xe) || xe.Kind != Encoding || xe.Line != 1 || !errors.Is(err, extract.ErrCorrupt) {
				t.Fatalf("err = %v, want an Encoding error at line 1 wrapping ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want %q", err, c.text)
			}
			if c.cause && xe.Err == nil {
				t.Error("the character decoder's error is not kept")
			}
		})
	}
}

// Pos counts columns in characters for NewBytes, from the start of the
// line, however long the line.
func TestPos(t *testing.T) {
	r, err := NewBytes([]byte("<a>\n  ééé<b>x</b>"+strings.Repeat("é", 5)+"<c/></a>"), Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"b": {2, 6}, "c": {2, 19}}
	for {
		tok, err := r.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			if w, ok := want[se.Name.Local]; ok {
				if l, c := r.Pos(); l != w[0] || c != w[1] {
					t.Errorf("<%s> at %d:%d, want %d:%d", se.Name.Local, l, c, w[0], w[1])
				}
			}
		}
	}
}

func TestDepth(t *testing.T) {
	r := New(bytes.NewReader([]byte("<a><b></b></a>")), Config{})
	var depths []int
	for {
		if _, err := r.Token(); err != nil {
			break
		}
		depths = append(depths, r.Depth())
	}
	if got := depths; len(got) != 4 || got[0] != 1 || got[1] != 2 || got[2] != 1 || got[3] != 0 {
		t.Errorf("depths %v, want [1 2 1 0]", got)
	}
}
