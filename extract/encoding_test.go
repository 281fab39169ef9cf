package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/reader"
)

const encDir = "../testdata/formats/encodings"

// encFixtures are the files of testdata/formats/encodings with their
// encoding and UTF-8 source (see the README there).
var encFixtures = []struct {
	file, enc, source string
}{
	{"RES.zh.gb18030.txt", "gb18030", "../testdata/founding/RES.zh.txt"},
	{"trad.zh.big5.txt", "big5", encDir + "/trad.zh.txt"},
	{"RES.excerpt.ru.cp1251.txt", "windows-1251", "../testdata/languages/RES.excerpt.ru.txt"},
	{"RES.excerpt.ar.cp1256.txt", "windows-1256", "../testdata/languages/RES.excerpt.ar.txt"},
	{"RES.zh.utf16le.txt", "utf-16le", "../testdata/founding/RES.zh.txt"},
	{"RES.excerpt.ar.utf16be.txt", "utf-16be", "../testdata/languages/RES.excerpt.ar.txt"},
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeAsFixtures(t *testing.T) {
	for _, f := range encFixtures {
		t.Run(f.file, func(t *testing.T) {
			data := readFile(t, filepath.Join(encDir, f.file))
			want := string(readFile(t, f.source))
			if !utf8.ValidString(want) || len(want) < 200 {
				t.Fatalf("source %s: not a UTF-8 text of some length", f.source)
			}
			if enc, confident := extract.Detect(data); enc != f.enc || !confident {
				t.Errorf("Detect = %q, %v; want %q, true", enc, confident, f.enc)
			}
			for _, enc := range []string{"", "auto", f.enc, strings.ToUpper(f.enc)} {
				got, err := extract.DecodeAs(data, enc)
				if err != nil {
					t.Errorf("DecodeAs(%q): %v", enc, err)
					continue
				}
				if got != want {
					t.Errorf("DecodeAs(%q) differs from %s:\n%.200q\nwant\n%.200q", enc, f.source, got, want)
				}
			}
			ps, err := extract.TextAs(data, f.enc)
			if err != nil {
				t.Fatalf("TextAs(%q): %v", f.enc, err)
			}
			if !reflect.DeepEqual(ps, extract.Split(want)) {
				t.Errorf("TextAs(%q) differs from Split of the source", f.enc)
			}
			// Text and reader.ReadFile detect the encoding.
			if ps2, err := extract.Text(data); err != nil || !reflect.DeepEqual(ps2, ps) {
				t.Errorf("Text: %v, or paragraphs differ from TextAs(%q)", err, f.enc)
			}
			if ps3, err := reader.ReadFile(filepath.Join(encDir, f.file), reader.Options{}); err != nil || !reflect.DeepEqual(ps3, ps) {
				t.Errorf("reader.ReadFile: %v, or paragraphs differ from TextAs(%q)", err, f.enc)
			}
		})
	}
}

// The GBK bytes of 合作共赢 (checked with iconv -f GBK) after an ASCII
// symbol: too short for a confident guess, but they read as Chinese.
func TestDecodeShortGBK(t *testing.T) {
	in := []byte("A/HRC/37/L.36\n\n\xba\xcf\xd7\xf7\xb9\xb2\xd3\xae\n")
	got, err := extract.Decode(in)
	if want := "A/HRC/37/L.36\n\n合作共赢\n"; err != nil || got != want {
		t.Errorf("Decode(%+q) = %+q, %v; want %+q", in, got, err, want)
	}
	if enc, _ := extract.Detect(in); enc != "gb18030" {
		t.Errorf("Detect(%+q) = %q, want gb18030", in, enc)
	}
}

func insert(b []byte, off int, ins ...byte) []byte {
	out := append([]byte{}, b[:off]...)
	out = append(out, ins...)
	return append(out, b[off:]...)
}

// An invalid byte put into a fixture at a character boundary: the error
// names its offset, whether the encoding is named or detected.
func TestDecodeAsInvalidByte(t *testing.T) {
	gb := readFile(t, filepath.Join(encDir, "RES.zh.gb18030.txt"))
	big5 := readFile(t, filepath.Join(encDir, "trad.zh.big5.txt"))
	ru := readFile(t, filepath.Join(encDir, "RES.excerpt.ru.cp1251.txt"))
	u16 := readFile(t, filepath.Join(encDir, "RES.zh.utf16le.txt"))
	u8 := readFile(t, "../testdata/founding/RES.zh.txt")
	// Offsets counted by hand. GB18030: "A/HRC/RES/37/23\n\n" (17 bytes),
	// "Distr.: Limited\n\n" (17), "2018年3月19日\n\n" (15: two bytes
	// a Han character), "原文：英文\n\n" (12): 人权理事会 starts at 61.
	if gb[61] != 0xC8 || gb[62] != 0xCB { // 人 in GB18030
		t.Fatalf("GB18030 fixture: bytes at 61 are % x, not 人", gb[61:63])
	}
	// Big5: 促進人權領域的互利合作 (11 characters, 22 bytes), then "\n\n".
	if string(big5[22:24]) != "\n\n" {
		t.Fatalf("Big5 fixture: bytes 22-23 are % x, not two newlines", big5[22:24])
	}
	// UTF-8: the same text, three bytes a Han character: 17+17+18+17 = 69.
	if !strings.HasPrefix(string(u8[69:]), "人权理事会") {
		t.Fatalf("UTF-8 source: 人权理事会 not at byte 69")
	}
	tests := []struct {
		desc, enc string
		data      []byte
		want      string // in the error message, explicit and detected
	}{
		{"0xFF in GB18030", "gb18030", insert(gb, 61, 0xFF), "not GB18030 at byte 61"},
		{"lead byte then newline in GB18030", "gb18030", insert(gb, 59, 0xC8), "not GB18030 at byte 59"},
		{"0xFF in Big5", "big5", insert(big5, 24, 0xFF), "not Big5 at byte 24"},
		{"lead byte then newline in Big5", "big5", insert(big5, 22, 0xA4), "not Big5 at byte 22"},
		{"0x98 (unassigned) in Windows-1251", "windows-1251", insert(ru, 17, 0x98), "not Windows-1251 at byte 17"},
		// D800 then 'D' of "Distr.": an unpaired high surrogate.
		{"unpaired surrogate in UTF-16LE", "utf-16le", insert(u16, 34, 0x00, 0xD8), "surrogate at byte 34"},
		{"0xFF in UTF-8", "utf-8", insert(u8, 69, 0xFF), "not UTF-8 at byte 69"},
	}
	for _, tt := range tests {
		for _, enc := range []string{tt.enc, ""} {
			got, err := extract.DecodeAs(tt.data, enc)
			if err == nil {
				t.Errorf("%s: DecodeAs(%q) = %.60q, want an error", tt.desc, enc, got)
				continue
			}
			if !errors.Is(err, extract.ErrEncoding) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: DecodeAs(%q) error %q, want ErrEncoding mentioning %q", tt.desc, enc, err, tt.want)
			}
			if enc == "" && !strings.Contains(err.Error(), "--encoding") && tt.enc != "utf-16le" {
				t.Errorf("%s: detected: error %q has no hint of --encoding", tt.desc, err)
			}
		}
	}
}

func TestDecodeAsNames(t *testing.T) {
	ru := readFile(t, filepath.Join(encDir, "RES.excerpt.ru.cp1251.txt"))
	want := string(readFile(t, "../testdata/languages/RES.excerpt.ru.txt"))
	for _, name := range []string{"cp1251", "CP1251", "Windows_1251", "win1251", " windows-1251 "} {
		if got, err := extract.DecodeAs(ru, name); err != nil || got != want {
			t.Errorf("DecodeAs(ru, %q): %v, or text differs", name, err)
		}
	}
	gb := readFile(t, filepath.Join(encDir, "RES.zh.gb18030.txt"))
	zh := string(readFile(t, "../testdata/founding/RES.zh.txt"))
	for _, name := range []string{"GB18030", "gbk", "cp936", "gb2312"} {
		if got, err := extract.DecodeAs(gb, name); err != nil || got != zh {
			t.Errorf("DecodeAs(zh, %q): %v, or text differs", name, err)
		}
	}
	for _, name := range []string{"latin1", "utf-32", "shift_jis", "gb"} {
		_, err := extract.DecodeAs([]byte("abc"), name)
		if !errors.Is(err, extract.ErrEncoding) || !strings.Contains(err.Error(), "unknown encoding") || !strings.Contains(err.Error(), name) {
			t.Errorf("DecodeAs(%q) error %v, want ErrEncoding naming the unknown encoding", name, err)
		}
	}
	for _, name := range extract.Encodings() {
		if _, err := extract.DecodeAs([]byte("abc\n"), name); err != nil {
			t.Errorf("DecodeAs(abc, %q) from Encodings(): %v", name, err)
		}
	}
	// A named encoding is used even where detection would say otherwise:
	// C1 C2 is "БВ" in Windows-1251 and "ءآ" in Windows-1256 (iconv).
	for enc, want := range map[string]string{"windows-1251": "БВ", "windows-1256": "ءآ", "utf-8": ""} {
		got, err := extract.DecodeAs([]byte{0xC1, 0xC2}, enc)
		if want == "" {
			if !errors.Is(err, extract.ErrEncoding) || !strings.Contains(err.Error(), "byte 0") {
				t.Errorf("DecodeAs(C1 C2, utf-8) = %q, %v; want an error at byte 0", got, err)
			}
		} else if err != nil || got != want {
			t.Errorf("DecodeAs(C1 C2, %s) = %q, %v; want %q", enc, got, err, want)
		}
	}
}

func TestDetectSmall(t *testing.T) {
	tests := []struct {
		in        []byte
		enc       string
		confident bool
	}{
		{[]byte("plain ASCII"), "utf-8", true},
		{nil, "utf-8", true},
		{[]byte("互利合作"), "utf-8", true},
		{[]byte{0xEF, 0xBB, 0xBF, 'a'}, "utf-8", true},
		{[]byte{0xFF, 0xFE, 'a', 0}, "utf-16le", true},
		{[]byte{0xFE, 0xFF, 0, 'a'}, "utf-16be", true},
		{[]byte("ab\xffcd"), "", false},                // one byte of nothing
		{[]byte("\xC3\x28\xfd not text\n"), "", false}, // the unreadable file of internal/corpus
		{[]byte("abc\x00def"), "utf-8", true},          // binary: Decode says ErrBinary
	}
	for _, tt := range tests {
		enc, conf := extract.Detect(tt.in)
		if enc != tt.enc || conf != tt.confident {
			t.Errorf("Detect(%+q) = %q, %v; want %q, %v", tt.in, enc, conf, tt.enc, tt.confident)
		}
	}
	if _, err := extract.Decode([]byte("\xC3\x28\xfd not text\n")); !errors.Is(err, extract.ErrEncoding) || !strings.Contains(err.Error(), "not UTF-8 at byte 0") {
		t.Errorf("Decode(C3 28 FD ...) error %v, want not UTF-8 at byte 0", err)
	}
}

func FuzzDecodeAs(f *testing.F) {
	for _, fx := range encFixtures {
		if b, err := os.ReadFile(filepath.Join(encDir, fx.file)); err == nil {
			f.Add(b[:min(len(b), 300)], fx.enc)
		}
	}
	f.Add([]byte("ab\xffcd"), "")
	f.Add([]byte{0x84, 0x31, 0xA4, 0x37, 0x81}, "gb18030")
	f.Add([]byte{0x88, 0x62, 0x88, 0x64}, "big5")
	f.Add([]byte{0x00, 0xD8, 0x41, 0x00}, "utf-16le")
	f.Add([]byte{0x98}, "cp1251")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		s, err := extract.DecodeAs(data, enc)
		if err != nil {
			if s != "" {
				t.Errorf("DecodeAs(%+q, %q) = %+q with error %v", data, enc, s, err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Errorf("DecodeAs(%+q, %q) = %+q, not valid UTF-8", data, enc, s)
		}
		if strings.ContainsRune(s, 0) {
			t.Errorf("DecodeAs(%+q, %q) = %+q has NUL", data, enc, s)
		}
	})
}
