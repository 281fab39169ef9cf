package reader_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/reader"
)

func texts(ps []extract.Paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "utf16.txt")
	u := utf16.Encode([]rune("第一段\n\n第二段\n"))
	b := []byte{0xFF, 0xFE}
	for _, x := range u {
		b = append(b, byte(x), byte(x>>8))
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ps, err := reader.ReadFile(path, reader.Options{})
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", path, err)
	}
	if got, want := texts(ps), []string{"第一段", "第二段"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ReadFile(%s) = %+q, want %+q", path, got, want)
	}
	if _, err := reader.ReadFile(filepath.Join(dir, "missing.txt"), reader.Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) error %v, want os.ErrNotExist", err)
	}
}

// TestFormat names the format of each kind of fixture from its bytes, even
// under a misleading name, and from the name only when the bytes say
// nothing.
func TestFormat(t *testing.T) {
	for file, want := range map[string]string{
		"formats/pdf/RES.zh.pdf":            reader.PDF,
		"formats/docx/RES.zh.docx":          reader.DOCX,
		"formats/doc/RES.zh.doc":            reader.DOC,
		"formats/html/RES.zh.html":          reader.HTML,
		"formats/bitext/founding.tmx":       reader.TMX,
		"formats/bitext/founding-2.0.xlf":   reader.XLIFF,
		"formats/bitext/cooperation-v3.tbx": reader.TBX,
		"founding/RES.zh.txt":               reader.Text,
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := reader.Format(data, "renamed.txt"); got != want {
			t.Errorf("Format(%s as renamed.txt) = %q, want %q", file, got, want)
		}
	}
	for name, want := range map[string]string{"x.rtf": "", "x.odt": "", "x.tmx": reader.TMX, "x.txt": reader.Text} {
		if got := reader.Format([]byte("plain words"), name); got != want {
			t.Errorf("Format(plain words, %s) = %q, want %q", name, got, want)
		}
	}
	if _, err := reader.Read([]byte("{\\rtf1 hello}"), "x.txt", reader.Options{}); !errors.Is(err, extract.ErrUnsupported) {
		t.Errorf("RTF: %v, want ErrUnsupported", err)
	}
}

// TestLoadTooLarge refuses a file over 64 MiB without reading it all: a
// sparse file of 65 MiB costs no disk.
func TestLoadTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(extract.MaxFileBytes + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := reader.Load(p); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("Load(65 MiB) error %v, want ErrTooLarge", err)
	}
}
