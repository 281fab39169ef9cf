package extract_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, little bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2+2*len(u))
	if little {
		out = append(out, 0xFF, 0xFE)
	} else {
		out = append(out, 0xFE, 0xFF)
	}
	for _, c := range u {
		if little {
			out = append(out, byte(c), byte(c>>8))
		} else {
			out = append(out, byte(c>>8), byte(c))
		}
	}
	return out
}

// texts returns the Text of each paragraph.
func texts(ps []extract.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func TestDecode(t *testing.T) {
	const mixed = "Promoting 促进 взаимовыгодное 𝄞 cooperation" // 𝄞 U+1D11E needs a surrogate pair in UTF-16
	tests := []struct {
		desc string
		in   []byte
		want string
	}{
		{"plain ASCII", []byte("Hello"), "Hello"},
		{"UTF-8 without BOM", []byte(mixed), mixed},
		{"UTF-8 with BOM removed", append([]byte{0xEF, 0xBB, 0xBF}, mixed...), mixed}, // U+FEFF as EF BB BF
		{"UTF-8 BOM only", []byte{0xEF, 0xBB, 0xBF}, ""},
		{"UTF-16 LE with BOM", utf16Bytes(mixed, true), mixed},
		{"UTF-16 BE with BOM", utf16Bytes(mixed, false), mixed},
		{"UTF-16 LE with CRLF kept by Decode", utf16Bytes("a\r\nb", true), "a\r\nb"},
		{"UTF-16 BOM only", []byte{0xFF, 0xFE}, ""},
		{"BOM inside text is not removed", []byte("a\uFEFFb"), "a\uFEFFb"}, // U+FEFF ZERO WIDTH NO-BREAK SPACE
	}
	for _, tt := range tests {
		got, err := extract.Decode(tt.in)
		if err != nil {
			t.Errorf("%s: Decode(%+q) error %v, want %+q", tt.desc, tt.in, err, tt.want)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: Decode(%+q) = %+q, want %+q", tt.desc, tt.in, got, tt.want)
		}
	}
}

// knownDecodeBugs lists the rows of TestDecodeErrors that fail, with the
// reason. A listed row that starts passing fails the test.
var knownDecodeBugs = map[string]string{}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		desc    string
		in      []byte
		want    error
		wantMsg string // substring of the message
	}{
		{"odd-length UTF-16 LE", append(utf16Bytes("ab", true), 'c'), extract.ErrEncoding, "odd number of bytes"},
		{"odd-length UTF-16 BE", append(utf16Bytes("ab", false), 0), extract.ErrEncoding, "odd number of bytes"},
		// D800 is a high surrogate followed by 'A', not by a low surrogate.
		{"unpaired high surrogate LE", []byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00}, extract.ErrEncoding, "surrogate at byte 4"},
		{"unpaired high surrogate at end BE", []byte{0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00}, extract.ErrEncoding, "surrogate at byte 4"},
		// DC00 is a low surrogate with no high surrogate before it.
		{"lone low surrogate BE", []byte{0xFE, 0xFF, 0xDC, 0x00, 0x00, 0x41}, extract.ErrEncoding, "surrogate at byte 2"},
		{"invalid UTF-8 byte 0xFF", []byte("ab\xffcd"), extract.ErrEncoding, "byte 2"},
		{"truncated UTF-8 sequence", []byte("人权\xe4\xba"), extract.ErrEncoding, "byte 6"},   // 人权 is 6 bytes
		{"UTF-8 encoded surrogate", []byte("x\xed\xa0\x80"), extract.ErrEncoding, "byte 1"}, // U+D800 encoded as UTF-8 is invalid
		{"overlong UTF-8", []byte("abc\xc0\xaf"), extract.ErrEncoding, "byte 3"},
		// Offsets are offsets in the file: the UTF-16 errors count the
		// BOM, so the UTF-8 ones must too.
		{"invalid UTF-8 after BOM: file offset", []byte("\xEF\xBB\xBFa\x80"), extract.ErrEncoding, "byte 4"},
		{"NUL after UTF-8 BOM: file offset", []byte("\xEF\xBB\xBFab\x00"), extract.ErrBinary, "byte 5"},
		{"NUL byte in UTF-8", []byte("abc\x00def"), extract.ErrBinary, "byte 3"},
		{"NUL in UTF-16 LE", []byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00}, extract.ErrBinary, "byte 4"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got, err := extract.Decode(tt.in)
			ok := err != nil && errors.Is(err, tt.want) && strings.Contains(err.Error(), tt.wantMsg)
			if reason, known := knownDecodeBugs[tt.desc]; known {
				if ok {
					t.Fatalf("listed in knownDecodeBugs but passes now: remove it")
				}
				t.Skipf("known bug: %s: Decode(%+q) error %v, want %v mentioning %q", reason, tt.in, err, tt.want, tt.wantMsg)
			}
			if err == nil {
				t.Fatalf("Decode(%+q) = %+q, want error %v", tt.in, got, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Decode(%+q) error %v, want errors.Is %v", tt.in, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Decode(%+q) error %q, want it to mention %q", tt.in, err, tt.wantMsg)
			}
			// Text reports the same error.
			if _, err2 := extract.Text(tt.in); !errors.Is(err2, tt.want) {
				t.Errorf("Text(%+q) error %v, want errors.Is %v", tt.in, err2, tt.want)
			}
		})
	}
}

func TestTextEmpty(t *testing.T) {
	tests := []struct {
		desc string
		in   []byte
	}{
		{"no bytes", nil},
		{"UTF-8 BOM only", []byte{0xEF, 0xBB, 0xBF}},
		{"UTF-16 BOM only", []byte{0xFF, 0xFE}},
		{"spaces and newlines", []byte("  \n\t\n\r\n   ")},
		{"ideographic spaces", []byte("\u3000\u3000\n\u3000")}, // U+3000 IDEOGRAPHIC SPACE
		{"no-break spaces", []byte("\u00a0\n\u00a0")},          // U+00A0 NO-BREAK SPACE
		{"whitespace in UTF-16 BE", utf16Bytes(" \r\n \n", false)},
	}
	for _, tt := range tests {
		ps, err := extract.Text(tt.in)
		if !errors.Is(err, extract.ErrEmpty) {
			t.Errorf("%s: Text(%+q) = %+q, %v; want ErrEmpty", tt.desc, tt.in, texts(ps), err)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		want []string
	}{
		{"blank lines separate paragraphs, lines joined with a space",
			"Guided by the\nCharter,\n\nReaffirming the\nDeclaration,\n",
			[]string{"Guided by the Charter,", "Reaffirming the Declaration,"}},
		{"several blank lines are one separator",
			"a\n\n\n\nb", []string{"a", "b"}},
		{"whitespace-only line is blank",
			"a\nb\n \t \nc", []string{"a b", "c"}},
		{"no blank line: one paragraph per line",
			"first\nsecond\nthird\n", []string{"first", "second", "third"}},
		{"leading and trailing blank lines do not make a separator",
			"\n\nfirst\nsecond\n\n\n", []string{"first", "second"}},
		{"CRLF line ends",
			"one\r\ntwo\r\n\r\nthree\r\n", []string{"one two", "three"}},
		{"CRLF without blank line",
			"one\r\ntwo\r\n", []string{"one", "two"}},
		{"lone CR is a line end",
			"one\rtwo\r\rthree", []string{"one two", "three"}},
		{"leading and trailing space of lines dropped",
			"  a  \n\t b\t\n\n   c   ", []string{"a b", "c"}},
		{"Chinese lines joined without a space between two Han characters",
			"促进人权\n领域的互利合作\n\n重申", []string{"促进人权领域的互利合作", "重申"}},
		{"full-width comma then Han: no space", // U+FF0C FULLWIDTH COMMA
			"人权理事会，\n重申\n\nx", []string{"人权理事会，重申", "x"}},
		{"ideographic full stop then Han: no space", // U+3002 IDEOGRAPHIC FULL STOP
			"报告。\n请\n\nx", []string{"报告。请", "x"}},
		{"Han then Latin: space",
			"决议\nA/HRC/37/L.36\n\nx", []string{"决议 A/HRC/37/L.36", "x"}},
		{"Latin then Han: space",
			"L.36\n号决议\n\nx", []string{"L.36 号决议", "x"}},
		{"Latin words joined with a space",
			"mutually\nbeneficial\n\nx", []string{"mutually beneficial", "x"}},
		{"Russian words joined with a space",
			"взаимовыгодное\nсотрудничество\n\nx", []string{"взаимовыгодное сотрудничество", "x"}},
		{"Chinese indented by ideographic spaces", // U+3000 IDEOGRAPHIC SPACE
			"\u3000\u3000促进\n\u3000人权\n\nx", []string{"促进人权", "x"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		got := texts(extract.Split(tt.in))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Split(%+q) = %+q, want %+q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestSplitLines(t *testing.T) {
	in := "  Hello world\n    second line\n\n\u3000third\n"
	got := extract.Split(in)
	want := []extract.Paragraph{
		{Text: "Hello world second line", Lines: []extract.LineStart{
			{Off: 0, Line: 1, Col: 3},
			{Off: 12, Line: 2, Col: 5},
		}},
		{Text: "third", Lines: []extract.LineStart{
			{Off: 0, Line: 4, Col: 2}, // U+3000 is one rune, three bytes
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Split(%+q) =\n%+v\nwant\n%+v", in, got, want)
	}
}

func TestPosition(t *testing.T) {
	// Line 1 is indented by two spaces, line 2 by a tab and one U+3000
	// IDEOGRAPHIC SPACE (two runes, four bytes), line 4 starts the second
	// paragraph. Chinese lines are joined without a space.
	in := "  Hello world\n\t\u3000second 促进人权\n\n\u3000\u3000互利合作 x"
	ps := extract.Split(in)
	if len(ps) != 2 {
		t.Fatalf("Split(%+q) = %+q, want 2 paragraphs", in, texts(ps))
	}
	p1, p2 := ps[0], ps[1]
	if want := "Hello world second 促进人权"; p1.Text != want {
		t.Fatalf("Split(%+q)[0].Text = %+q, want %+q", in, p1.Text, want)
	}
	tests := []struct {
		desc      string
		p         extract.Paragraph
		sub       string // the position is that of the first occurrence of sub
		line, col int
	}{
		{"first byte, after two spaces of indentation", p1, "Hello", 1, 3},
		{"second word of line 1", p1, "world", 1, 9},
		{"start of line 2, after tab and U+3000", p1, "second", 2, 3},
		{"Han text on line 2: columns in runes", p1, "人权", 2, 12}, // "second 促进" is 9 runes, from column 3
		{"second paragraph, two U+3000 of indentation", p2, "互利", 4, 3},
		{"after four Han characters", p2, "x", 4, 8},
	}
	for _, tt := range tests {
		off := strings.Index(tt.p.Text, tt.sub)
		if off < 0 {
			t.Fatalf("%s: %+q not in %+q", tt.desc, tt.sub, tt.p.Text)
		}
		line, col := tt.p.Position(off)
		if line != tt.line || col != tt.col {
			t.Errorf("%s: Position(%d) of %+q in %+q = %d:%d, want %d:%d", tt.desc, off, tt.sub, tt.p.Text, line, col, tt.line, tt.col)
		}
	}
	// The end of the text is one column after its last rune.
	if line, col := p2.Position(len(p2.Text)); line != 4 || col != 9 {
		t.Errorf("Position(len) of %+q = %d:%d, want 4:9", p2.Text, line, col)
	}
	// A paragraph with no lines has no position.
	if line, col := (extract.Paragraph{Text: "x"}).Position(0); line != 0 || col != 0 {
		t.Errorf("Position(0) of a paragraph without Lines = %d:%d, want 0:0", line, col)
	}
}

func TestText(t *testing.T) {
	in := "A/HRC/37/L.36\r\n\r\n37/... 促进人权\r\n领域的互利合作\r\n\r\n人权理事会，\r\n"
	want := []string{"A/HRC/37/L.36", "37/... 促进人权领域的互利合作", "人权理事会，"}
	for _, enc := range []struct {
		desc string
		data []byte
	}{
		{"UTF-8", []byte(in)},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, in...)},
		{"UTF-16 LE", utf16Bytes(in, true)},
		{"UTF-16 BE", utf16Bytes(in, false)},
	} {
		ps, err := extract.Text(enc.data)
		if err != nil {
			t.Errorf("%s: Text(%+q): %v", enc.desc, in, err)
			continue
		}
		if got := texts(ps); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Text(%+q) = %+q, want %+q", enc.desc, in, got, want)
		}
		if len(ps) == 3 {
			if l, c := ps[1].Position(strings.Index(ps[1].Text, "领域")); l != 4 || c != 1 {
				t.Errorf("%s: position of 领域 in %+q = %d:%d, want 4:1", enc.desc, ps[1].Text, l, c)
			}
		}
	}
}

// Split must stay linear in the number of lines: a file of up to
// MaxFileBytes may end in a long run of blank lines: they separate
// nothing and produce no paragraph. (Split once scanned ahead from every
// blank line, quadratic in their number; BenchmarkSplit would show it.)
func TestSplitManyTrailingBlankLines(t *testing.T) {
	in := "a\nb" + strings.Repeat("\n", 30000)
	if got, want := texts(extract.Split(in)), []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Split(\"a\\nb\" + 30000 newlines) = %+q, want %+q", got, want)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("A/HRC/37/L.36\n\nThe Human Rights Council,\n\n1. Calls upon\nall States;\n"))
	f.Add([]byte("  促进人权\n领域的\r\n\r\n\u3000互利合作"))
	f.Add([]byte("one\ntwo\nthree"))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'a', '\n', '\n', 'b'})
	f.Add(utf16Bytes("人权\n\n理事会 𝄞\r\n", true))
	f.Add(utf16Bytes("a\r\rb", false))
	f.Add([]byte("ab\xffcd"))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0xD8})
	f.Add([]byte(" \u00a0\n\u2028x\u0085y"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := extract.Text(data)
		if err != nil {
			if ps != nil {
				t.Errorf("Text(%+q) returned paragraphs with error %v", data, err)
			}
			return
		}
		if len(ps) == 0 {
			t.Fatalf("Text(%+q) = no paragraphs and no error, want ErrEmpty", data)
		}
		for i, p := range ps {
			if !utf8.ValidString(p.Text) {
				t.Errorf("Text(%+q)[%d].Text = %+q, not valid UTF-8", data, i, p.Text)
			}
			if p.Text == "" {
				t.Errorf("Text(%+q)[%d].Text is empty", data, i)
			}
			if strings.ContainsAny(p.Text, "\n\r") {
				t.Errorf("Text(%+q)[%d].Text = %+q has a line break", data, i, p.Text)
			}
			if strings.TrimSpace(p.Text) != p.Text {
				t.Errorf("Text(%+q)[%d].Text = %+q has leading or trailing space", data, i, p.Text)
			}
			if len(p.Lines) == 0 || p.Lines[0].Off != 0 {
				t.Errorf("Text(%+q)[%d].Lines = %+v, want a first line at offset 0", data, i, p.Lines)
			}
			for k, ls := range p.Lines {
				if ls.Off < 0 || ls.Off >= len(p.Text) {
					t.Errorf("Text(%+q)[%d].Lines[%d].Off = %d, outside text of %d bytes", data, i, k, ls.Off, len(p.Text))
				}
				if !utf8.RuneStart(p.Text[min(ls.Off, len(p.Text)-1)]) {
					t.Errorf("Text(%+q)[%d].Lines[%d].Off = %d, not on a rune boundary of %+q", data, i, k, ls.Off, p.Text)
				}
				if ls.Line < 1 || ls.Col < 1 {
					t.Errorf("Text(%+q)[%d].Lines[%d] = %+v, want 1-based line and column", data, i, k, ls)
				}
				if k > 0 {
					prev := p.Lines[k-1]
					if ls.Off <= prev.Off || ls.Line <= prev.Line {
						t.Errorf("Text(%+q)[%d].Lines = %+v, offsets and lines not increasing at %d", data, i, p.Lines, k)
					}
				}
			}
			if i > 0 && p.Lines[0].Line <= ps[i-1].Lines[len(ps[i-1].Lines)-1].Line {
				t.Errorf("Text(%+q): paragraph %d starts at line %d, not after paragraph %d", data, i, p.Lines[0].Line, i-1)
			}
		}
	})
}

// BenchmarkSplit splits the founding case's Chinese text followed by many
// blank lines.
func BenchmarkSplit(b *testing.B) {
	data, err := os.ReadFile("../testdata/founding/L36.zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	in := string(data) + strings.Repeat("\n", 10000)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		extract.Split(in)
	}
}
