package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
)

// Builders of small hostile PDFs, written by hand with a correct
// cross-reference table.

// pdfFile returns a PDF of n pages that all draw the one content stream
// content (with the extra dictionary entries dict, e.g. a filter), in
// Helvetica.
func pdfFile(content []byte, dict string, n int) []byte {
	var b bytes.Buffer
	offs := map[int]int{}
	obj := func(num int, body string) {
		offs[num] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	}
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	obj(1, "<</Type/Catalog/Pages 2 0 R>>")
	var kids []string
	for i := range n {
		kids = append(kids, strconv.Itoa(5+i)+" 0 R")
	}
	obj(2, fmt.Sprintf("<</Type/Pages/Kids[%s]/Count %d>>", strings.Join(kids, " "), n))
	offs[3] = b.Len()
	fmt.Fprintf(&b, "3 0 obj\n<</Length %d%s>>\nstream\n", len(content), dict)
	b.Write(content)
	b.WriteString("\nendstream\nendobj\n")
	obj(4, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
	for i := range n {
		obj(5+i, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 3 0 R>>")
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", 5+n)
	for i := 1; i < 5+n; i++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offs[i])
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", 5+n, x)
	return b.Bytes()
}

// deflated returns s compressed with zlib.
func deflated(s string) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// bits writes a deflate bit stream, least significant bit first.
type bits struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bits) write(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

// writeCode writes a Huffman code of n bits, most significant bit first.
func (w *bits) writeCode(code uint64, n uint) {
	var r uint64
	for i := range n {
		r |= (code >> i & 1) << (n - 1 - i)
	}
	w.write(r, n)
}

// spaceBomb returns a zlib stream that inflates to size spaces (size-1 a
// multiple of 258): one fixed-Huffman block of a literal space and
// matches of 258 bytes at distance 1, 13 bits each, so a gigabyte takes
// 6.5 MB and a millisecond to build, where compressing one takes seconds.
func spaceBomb(size int) []byte {
	w := &bits{out: []byte{0x78, 0x01}}
	w.write(1, 1)            // BFINAL
	w.write(1, 2)            // BTYPE 01: fixed Huffman codes
	w.writeCode(0x30+' ', 8) // literal ' ': codes 0-143 are 0x30+v, 8 bits
	for range (size - 1) / 258 {
		w.writeCode(0xC5, 8) // length 258: symbol 285, 8 bits 11000101
		w.write(0, 5)        // distance 1: code 0, 5 bits
	}
	w.writeCode(0, 7) // end of block: symbol 256, 7 bits 0000000
	w.write(0, (8-w.nacc)%8)
	// Adler-32 of size spaces.
	const mod = 65521
	a := (1 + uint64(size)*' ') % mod
	s := (uint64(size) + ' '*(uint64(size)*(uint64(size)+1)/2%mod)) % mod
	adler := s<<16 | a
	return append(w.out, byte(adler>>24), byte(adler>>16), byte(adler>>8), byte(adler))
}

// operators returns a content stream of n text operators of one glyph
// each: 6 bytes an operator, a thousand to one deflated.
func operators(n int) string {
	return "BT /F1 1 Tf 72 720 Td\n" + strings.Repeat("(a)Tj\n", n) + "ET\n"
}

// TestSpaceBomb: the hand-made deflate stream is valid and inflates to
// the size asked.
func TestSpaceBomb(t *testing.T) {
	b := spaceBomb(1 + 258*1000)
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil || n != 1+258*1000 {
		t.Fatalf("inflated %d bytes, err %v; want %d", n, err, 1+258*1000)
	}
}

// TestInflateAll: how a broken stream is told; a wrong checksum after
// all the data is no damage (PDFium reads the data whole).
func TestInflateAll(t *testing.T) {
	good := deflated(strings.Repeat("BT (text) Tj ET\n", 1000))
	badSum := bytes.Clone(good)
	badSum[len(badSum)-1] ^= 1
	corrupt := bytes.Clone(good)
	for i := 10; i < 30; i++ {
		corrupt[i] ^= 0x55
	}
	for _, tc := range []struct {
		name string
		raw  []byte
		want string
	}{
		{"whole", good, ""},
		{"wrong checksum", badSum, ""},
		{"cut short", good[:len(good)/2], "cut short"},
		{"corrupt", corrupt, "corrupt"},
		{"not zlib", []byte("BT (text) Tj ET"), "not zlib data"},
	} {
		_, err := inflateAll(tc.raw, 1<<20)
		if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := inflateAll(good, 100); !errors.Is(err, errInflateLimit) {
		t.Errorf("past the limit: err = %v", err)
	}
}

// TestDeflateBomb: a 7 MB PDF whose page content inflates to 1 GiB is
// refused with ErrLimit, by the structure check, before PDFium inflates it
// (PDFium filled its 1 GiB of memory: 3.6 GB and 14 s for the process).
func TestDeflateBomb(t *testing.T) {
	data := pdfFile(spaceBomb(1+258*(1<<30/258)), "/Filter/FlateDecode", 1)
	_, err := Read(data, testOptions(t))
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "inflates to more than 512 MiB") {
		t.Fatalf("err = %v, want ErrLimit for a stream that inflates past the memory limit", err)
	}
}

// TestPageCharacterLimit: a page of more than 100,000 characters is
// refused before its characters are read (each costs three calls into
// PDFium and 300 bytes of layout: 20 such pages of 199,000 characters,
// a 5 KB file, took 80 s and 1.5 GB).
func TestPageCharacterLimit(t *testing.T) {
	data := pdfFile(deflated(operators(maxPageChars+1)), "/Filter/FlateDecode", 2)
	_, err := Read(data, testOptions(t))
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "page 1 has 100001 characters") {
		t.Fatalf("err = %v, want ErrLimit for page 1", err)
	}
}

// TestCharacterLimit: the characters of all pages are counted against
// Limits.MaxChars.
func TestCharacterLimit(t *testing.T) {
	data := pdfFile(deflated(operators(20_000)), "/Filter/FlateDecode", 2)
	for _, tc := range []struct {
		max int
		ok  bool
	}{{40_000, true}, {39_999, false}} {
		opt := testOptions(t)
		opt.Limits.MaxChars = tc.max
		_, err := Read(data, opt)
		if tc.ok && err != nil || !tc.ok && !errors.Is(err, extract.ErrLimit) {
			t.Errorf("MaxChars %d on 40,000 characters: err = %v", tc.max, err)
		}
	}
}

// TestManyOperators: one page of four million text operators (a 25 KB
// file) is refused with ErrLimit: PDFium runs out of its memory parsing
// them (it took 3.7 GB and 16 s).
func TestManyOperators(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 512 MiB of PDFium memory")
	}
	data := pdfFile(deflated(operators(4_000_000)), "/Filter/FlateDecode", 1)
	_, err := Read(data, testOptions(t))
	if !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	t.Log(err)
}

// TestOutOfMemory: PDFium stopping for want of memory is ErrLimit naming
// the limit, and the engine reads the next file. The limit is lowered to
// 64 MiB, so that a million operators fill it.
func TestOutOfMemory(t *testing.T) {
	old := memoryLimitPages
	memoryLimitPages = 1024
	defer func() { memoryLimitPages = old }()
	e, err := newEngine(testOptions(t).CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	cfg := config{maxPages: DefaultMaxPages, maxChars: DefaultMaxChars, maxParas: extract.DefaultMaxParagraphs}
	_, err = readWith(e, pdfFile(deflated(operators(1_000_000)), "/Filter/FlateDecode", 1), cfg)
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "the limit is 64 MiB") {
		t.Fatalf("err = %v, want ErrLimit naming the 64 MiB limit", err)
	}
	if _, err := readWith(e, readFixture(t, "L36.excerpt.en.pdf"), cfg); err != nil {
		t.Fatalf("after running out of memory: %v", err)
	}
}

// TestMappedMemory: PDFium's memory grows in place, up to its reservation.
func TestMappedMemory(t *testing.T) {
	m := reserveMemory(1 << 30)
	if m == nil {
		t.Skip("no memory mapping on this system")
	}
	defer m.Free()
	a := m.Reallocate(64 << 10)
	a[0] = 1
	b := m.Reallocate(512 << 20)
	if len(b) != 512<<20 || &a[0] != &b[0] || b[0] != 1 {
		t.Fatalf("grown to %d bytes, moved %v", len(b), &a[0] != &b[0])
	}
	if m.Reallocate(1<<30+1) != nil {
		t.Error("grown past the reservation")
	}
}
