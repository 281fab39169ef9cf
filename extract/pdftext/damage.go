package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/driftcheck/driftcheck/extract"
)

// PDFium reads what it can of a damaged file without a word: an object
// its cross-reference entry does not point to is missing, a compressed
// stream that stops short gives the text before the break. checkStructure
// looks for both before PDFium reads the file (it sees a rebuilt
// cross-reference table itself, see engine.read).

// inflateLimit bounds the bytes checkStructure inflates, in one stream and
// in all: a stream past it could not be read in PDFium's memory either.
var inflateLimit = func() int64 { return int64(memoryLimit()) }

// checkStructure returns the damage found in the structure of a PDF ("" if
// none), or an error wrapping extract.ErrLimit for a compressed stream that
// inflates to more than PDFium's memory (a deflate bomb).
//
// It checks that the file does not end inside an update appended to it;
// that every in-use entry of its cross-reference tables and streams (from
// startxref back through /Prev) points to where its object starts; and it
// inflates every Flate stream but images, font programs and attachments to
// its end (not in an encrypted file, whose streams are ciphertext).
func checkStructure(data []byte) (string, error) {
	if what := checkEnd(data); what != "" {
		return what, nil
	}
	if what := checkXref(data); what != "" {
		return what, nil
	}
	if bytes.Contains(data, []byte("/Encrypt")) {
		return "", nil
	}
	return checkStreams(data)
}

// reCut finds what an update cut short leaves after the last %%EOF: the
// start of an object or of a cross-reference table. (Other bytes there,
// padding or junk, PDFium ignores, and so does this check.)
var reCut = regexp.MustCompile(`\d+\s+\d+\s+obj\b|\bxref\s|\btrailer\b|\bstream\s`)

// checkEnd reports a file cut short in an update appended to it: PDFium
// would read the version before the update without a word.
func checkEnd(data []byte) string {
	i := bytes.LastIndex(data, []byte("%%EOF"))
	if i >= 0 && reCut.Match(data[i:]) {
		return "it ends inside an update: objects follow its last %%EOF"
	}
	return ""
}

var (
	reStartxref = regexp.MustCompile(`startxref\s+(\d+)`)
	reSub       = regexp.MustCompile(`^\s*(\d+)\s+(\d+)\s*[\r\n]+`)
	reEntry     = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])[\r\n ]*`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)`)
	reXRefStm   = regexp.MustCompile(`/XRefStm\s+(\d+)`)
	reObj       = regexp.MustCompile(`^[\x00\t\n\f\r ]*(\d+)\s+(\d+)\s+obj\b`)
)

// checkXref checks the entries of the cross-reference tables and streams,
// from the last startxref back through /Prev (and /XRefStm): each object
// must start where its entry says. Where startxref leads to neither,
// PDFium rebuilds the table, and says so (see engine.read).
func checkXref(data []byte) string {
	m := reStartxref.FindAllSubmatch(data, -1)
	if m == nil {
		return ""
	}
	off, _ := strconv.Atoi(string(m[len(m)-1][1]))
	todo, seen := []int{off}, map[int]bool{}
	for len(todo) > 0 && len(seen) < 1000 {
		off, todo = todo[0], todo[1:]
		if off <= 0 || off >= len(data) || seen[off] {
			continue
		}
		seen[off] = true
		var what string
		var next []int
		if bytes.HasPrefix(data[off:], []byte("xref")) {
			what, next = checkTable(data, off)
		} else {
			var ok bool
			if what, next, ok = checkXrefStream(data, off); !ok {
				return ""
			}
		}
		if what != "" {
			return what
		}
		todo = append(todo, next...)
	}
	return ""
}

// checkTable checks the classic table at off, and returns the offsets of
// the tables its trailer names (/Prev, /XRefStm).
func checkTable(data []byte, off int) (string, []int) {
	rest := data[off+len("xref"):]
	for {
		sub := reSub.FindSubmatch(rest)
		if sub == nil {
			break
		}
		first, _ := strconv.Atoi(string(sub[1]))
		n, _ := strconv.Atoi(string(sub[2]))
		rest = rest[len(sub[0]):]
		for i := 0; i < n; i++ {
			e := reEntry.FindSubmatch(rest)
			if e == nil {
				return fmt.Sprintf("its cross-reference table is malformed at object %d", first+i), nil
			}
			rest = rest[len(e[0]):]
			if string(e[3]) != "n" {
				continue
			}
			at, _ := strconv.Atoi(string(e[1]))
			if !objectAt(data, at, first+i) {
				return misplaced(first+i, at), nil
			}
		}
	}
	trailer := rest[:min(len(rest), 4096)]
	if end := bytes.Index(trailer, []byte("startxref")); end >= 0 {
		trailer = trailer[:end]
	}
	return "", offsets(trailer, rePrev, reXRefStm)
}

func misplaced(num, at int) string {
	return fmt.Sprintf("its cross-reference table puts object %d at byte %d, where it is not", num, at)
}

// offsets returns the numbers the patterns find in dict.
func offsets(dict []byte, res ...*regexp.Regexp) []int {
	var out []int
	for _, re := range res {
		if m := re.FindSubmatch(dict); m != nil {
			if v, err := strconv.Atoi(string(m[1])); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

var (
	reW         = regexp.MustCompile(`/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]`)
	reIndex     = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	reSize      = regexp.MustCompile(`/Size\s+(\d+)`)
	rePredictor = regexp.MustCompile(`/Predictor\s+(\d+)`)
	reColumns   = regexp.MustCompile(`/Columns\s+(\d+)`)
	reXRefType  = regexp.MustCompile(`/Type\s*/XRef\b`)
)

// checkXrefStream checks the cross-reference stream at off (PDF 1.5) and
// returns the offset its /Prev names; ok is false when off holds none.
func checkXrefStream(data []byte, off int) (what string, next []int, ok bool) {
	if reObj.Find(data[off:min(len(data), off+64)]) == nil {
		return "", nil, false
	}
	loc := reStream.FindIndex(data[off:min(len(data), off+8192)])
	if loc == nil {
		return "", nil, false
	}
	dict := data[off : off+loc[0]]
	w := reW.FindSubmatch(dict)
	if !reXRefType.Match(dict) || w == nil || !reFlate.Match(dict) {
		return "", nil, false
	}
	var widths [3]int
	for i := range widths {
		widths[i], _ = strconv.Atoi(string(w[i+1]))
	}
	row := widths[0] + widths[1] + widths[2]
	start := off + loc[1]
	end := bytes.Index(data[start:], []byte("endstream"))
	if end < 0 || row == 0 || row > 32 {
		return "", nil, false
	}
	var buf bytes.Buffer
	zr, err := zlib.NewReader(bytes.NewReader(data[start : start+end]))
	if err != nil {
		return "its cross-reference stream is not zlib data", nil, true
	}
	if _, err := io.Copy(&buf, io.LimitReader(zr, 64<<20)); err != nil {
		return "its cross-reference stream is corrupt", nil, true
	}
	table := buf.Bytes()
	if p := offsets(dict, rePredictor); len(p) > 0 && p[0] >= 10 {
		cols := row
		if c := offsets(dict, reColumns); len(c) > 0 {
			cols = c[0]
		}
		if table = unpredict(table, cols); table == nil || cols != row {
			return "its cross-reference stream is malformed", nil, true
		}
	}
	index := []int{0, 0}
	if sz := offsets(dict, reSize); len(sz) > 0 {
		index[1] = sz[0]
	}
	if m := reIndex.FindSubmatch(dict); m != nil {
		index = index[:0]
		for _, f := range bytes.Fields(m[1]) {
			v, _ := strconv.Atoi(string(f))
			index = append(index, v)
		}
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	for k := 0; k+1 < len(index); k += 2 {
		for i := 0; i < index[k+1]; i++ {
			if len(table) < row {
				return "its cross-reference stream is shorter than its index", nil, true
			}
			e := table[:row]
			table = table[row:]
			typ := 1
			if widths[0] > 0 {
				typ = field(e[:widths[0]])
			}
			at := field(e[widths[0] : widths[0]+widths[1]])
			if typ == 1 && !objectAt(data, at, index[k]+i) {
				return misplaced(index[k]+i, at), nil, true
			}
		}
	}
	return "", offsets(dict, rePrev), true
}

// unpredict undoes the PNG predictors of rows of cols bytes, each after
// its filter byte; nil if the data is not whole rows.
func unpredict(b []byte, cols int) []byte {
	if cols <= 0 || len(b)%(cols+1) != 0 {
		return nil
	}
	out := make([]byte, 0, len(b)/(cols+1)*cols)
	prev := make([]byte, cols)
	for len(b) > 0 {
		f, cur := b[0], b[1:cols+1]
		b = b[cols+1:]
		for i := range cur {
			var left, up, ul int
			if i > 0 {
				left, ul = int(cur[i-1]), int(prev[i-1])
			}
			up = int(prev[i])
			switch f {
			case 1:
				cur[i] += byte(left)
			case 2:
				cur[i] += byte(up)
			case 3:
				cur[i] += byte((left + up) / 2)
			case 4:
				cur[i] += byte(paeth(left, up, ul))
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out
}

func paeth(a, b, c int) int {
	p := a + b - c
	pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// objectAt reports whether object num starts at byte off of data (after
// white space).
func objectAt(data []byte, off, num int) bool {
	if off <= 0 || off >= len(data) {
		return false
	}
	m := reObj.FindSubmatch(data[off:min(len(data), off+64)])
	return m != nil && string(m[1]) == strconv.Itoa(num)
}

var (
	reStream = regexp.MustCompile(`>>[\x00\t\n\f\r ]*stream(\r\n|\n|\r)`)
	reFlate  = regexp.MustCompile(`/Filter\s*(\[\s*)?/FlateDecode\b`)
	// Images, thumbnails and shadings (/BitsPerComponent), font programs
	// (/Length1, 2, 3) and attachments hold no text, and can be large.
	reSkip = regexp.MustCompile(`/Subtype\s*/Image\b|/BitsPerComponent\b|/Length[123]\b|/Type\s*/EmbeddedFile\b`)
)

// checkStreams inflates the Flate streams of data that hold text or
// structure (contents, forms, object and cross-reference streams, CMaps).
func checkStreams(data []byte) (string, error) {
	total := int64(0)
	for pos := 0; ; {
		loc := reStream.FindIndex(data[pos:])
		if loc == nil {
			return "", nil
		}
		dictEnd, start := pos+loc[0], pos+loc[1]
		pos = start
		dict, num := streamDict(data, dictEnd)
		if !reFlate.Match(dict) || reSkip.Match(dict) {
			continue
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		n, err := inflateAll(data[start:start+end], inflateLimit()-total)
		total += n
		switch {
		case errors.Is(err, errInflateLimit):
			return "", fmt.Errorf("%w: a compressed stream of the PDF (object %s) inflates to more than %d MiB", extract.ErrLimit, num, inflateLimit()>>20)
		case err != nil:
			return fmt.Sprintf("the compressed stream of object %s is %s", num, err), nil
		}
		pos = start + end
	}
}

// streamDict returns the dictionary of the stream whose "stream" keyword
// follows byte dictEnd (the ">>"), from its object's header, and the
// object's number ("?" if not found within 8 KiB).
func streamDict(data []byte, dictEnd int) ([]byte, string) {
	from := max(0, dictEnd-8192)
	win := data[from : dictEnd+2]
	for end := len(win); ; {
		i := bytes.LastIndex(win[:end], []byte("obj"))
		if i < 0 {
			return win, "?"
		}
		if num, ok := objHeader(win[:i]); ok {
			return win[i+3:], num
		}
		end = i
	}
}

// objHeader reports whether b ends with "N G " (the header of an object
// before its "obj"), and returns N.
func objHeader(b []byte) (string, bool) {
	digits := func(end int) int { // start of the digits ending at end
		i := end
		for i > 0 && b[i-1] >= '0' && b[i-1] <= '9' {
			i--
		}
		return i
	}
	spaces := func(end int) int {
		i := end
		for i > 0 && isPDFSpace(b[i-1]) {
			i--
		}
		return i
	}
	e := spaces(len(b))
	g := digits(e)
	if e == len(b) || g == e {
		return "", false
	}
	e = spaces(g)
	n := digits(e)
	if e == g || n == e {
		return "", false
	}
	return string(b[n:e]), true
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

var errInflateLimit = errors.New("inflates past the limit")

// inflateAll inflates the zlib stream raw to its end, at most limit bytes.
// It returns the bytes inflated, and an error telling how the stream is
// broken: "cut short", "corrupt" or with a bad header.
func inflateAll(raw []byte, limit int64) (int64, error) {
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return 0, errors.New("not zlib data")
	}
	n, err := io.Copy(io.Discard, io.LimitReader(zr, limit+1))
	switch {
	case n > limit:
		return n, errInflateLimit
	case errors.Is(err, zlib.ErrChecksum):
		// All the data came out: PDFium reads it whole too.
		return n, nil
	case errors.Is(err, io.ErrUnexpectedEOF):
		return n, errors.New("cut short")
	case err != nil:
		return n, errors.New("corrupt")
	}
	return n, nil
}
