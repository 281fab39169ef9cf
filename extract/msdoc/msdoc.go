// Package msdoc reads the text of legacy Word 97-2003 binary documents
// (.doc), as documented in [MS-DOC].
//
// The file is an OLE compound file. Read takes the WordDocument stream's
// File Information Block (FIB), finds the piece table (the CLX) in the
// 0Table or 1Table stream, and decodes each piece: 8-bit "compressed"
// pieces as cp1252 with the [MS-DOC] mappings, the others as UTF-16LE.
//
// The main document is the first ccpText characters; the ccpFtn characters
// that follow are the footnotes and, after the headers (ccpHdd) and
// comments (ccpAtn), the ccpEdn characters are the endnotes. Footnotes and
// endnotes come after the body with Note set. Headers, footers, comments
// and text boxes are not read.
//
// Paragraphs end at 0x0D; a table cell or row mark (0x07), a page or
// section break (0x0C) also end one. Fields (0x13 instruction 0x14 result
// 0x15) keep their result only; 0x0B (line break), 0x09 (tab) and 0x0E
// (column break) become a space, 0x1E (non-breaking hyphen) a hyphen, other
// control characters are dropped. Empty paragraphs are skipped.
//
// Not handled: character properties are not read, so text deleted with
// tracked changes (still stored in the piece table) is kept, the language
// of a paragraph is not known (Lang is ""), and symbol characters inserted
// with Insert Symbol come out as the placeholder character. Word 6/95 files
// are refused with extract.ErrUnsupported; encrypted or obfuscated files
// (FIB fEncrypted) and encrypted OOXML packages with extract.ErrEncrypted.
package msdoc

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/richardlehane/mscfb"
)

// Options control Read.
type Options struct {
	// MaxBytes caps the size of the file and of the streams read from it;
	// 0 means DefaultMaxBytes. A larger file gives extract.ErrLimit.
	MaxBytes int64
	// Limits bound the text read (characters and paragraphs, notes
	// included).
	Limits extract.Limits
}

// Limits.
const (
	DefaultMaxBytes = extract.MaxFileBytes
	MaxParagraphs   = 100000
)

// noRecover is set by the fuzz tests so that a panic surfaces.
var noRecover = false

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read returns the paragraphs of the Word 97-2003 document data.
func Read(data []byte, opt Options) (ps []extract.Paragraph, err error) {
	if !noRecover {
		defer func() {
			if r := recover(); r != nil {
				ps, err = nil, fmt.Errorf("%w: unreadable .doc (internal error: %v)", extract.ErrCorrupt, r)
			}
		}()
	}
	return read(data, opt)
}

func read(data []byte, opt Options) ([]extract.Paragraph, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%w (zero-byte file)", extract.ErrEmpty)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: file larger than %d bytes", extract.ErrLimit, max)
	}
	if !bytes.HasPrefix(data, oleMagic) {
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			return nil, fmt.Errorf("%w: a zip file (a .docx?), not a Word 97-2003 .doc", extract.ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: not an OLE compound file (no Word 97-2003 signature)", extract.ErrCorrupt)
	}
	streams, err := openOLE(data)
	if err != nil {
		return nil, err
	}
	if streams["EncryptionInfo"] != nil && streams["EncryptedPackage"] != nil {
		return nil, fmt.Errorf("%w: an encrypted Office Open XML package (password-protected .docx); remove the password and save it again", extract.ErrEncrypted)
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, fmt.Errorf("%w: no WordDocument stream (not a Word document)", extract.ErrCorrupt)
	}
	// A stream cannot be larger than the file that holds it.
	max = min(max, int64(len(data)))
	word, err := readStream(wd, max)
	if err != nil {
		return nil, err
	}
	fib, err := parseFIB(word)
	if err != nil {
		return nil, err
	}
	if fib.encrypted {
		return nil, fmt.Errorf("%w: the .doc is encrypted or obfuscated (FIB fEncrypted); remove the password and save it again", extract.ErrEncrypted)
	}
	tname := "0Table"
	if fib.whichTbl {
		tname = "1Table"
	}
	ts := streams[tname]
	if ts == nil {
		return nil, fmt.Errorf("%w: no %s stream", extract.ErrCorrupt, tname)
	}
	table, err := readStream(ts, max)
	if err != nil {
		return nil, err
	}
	if uint64(fib.fcClx)+uint64(fib.lcbClx) > uint64(len(table)) || fib.lcbClx == 0 {
		return nil, fmt.Errorf("%w: piece table (CLX) outside the %s stream", extract.ErrCorrupt, tname)
	}
	units, err := pieceText(word, table[fib.fcClx:fib.fcClx+fib.lcbClx], fib.textEnd())
	if err != nil {
		return nil, err
	}
	var out []extract.Paragraph
	count := extract.NewCounter(opt.Limits)
	add := func(from, n uint64, note bool) error {
		if from >= uint64(len(units)) || n == 0 {
			return nil
		}
		to := min(from+n, uint64(len(units)))
		ps, err := paragraphs(units[from:to], note, MaxParagraphs-len(out), count)
		out = append(out, ps...)
		return err
	}
	if err := add(0, fib.ccpText, false); err != nil {
		return nil, err
	}
	if err := add(fib.ccpText, fib.ccpFtn, true); err != nil {
		return nil, err
	}
	if err := add(fib.ccpText+fib.ccpFtn+fib.ccpHdd+fib.ccpAtn, fib.ccpEdn, true); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w (the document has no text)", extract.ErrEmpty)
	}
	return out, nil
}

// openOLE returns the root-level streams of the compound file by name.
func openOLE(data []byte) (m map[string]*mscfb.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%w: unreadable OLE compound file", extract.ErrCorrupt)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: unreadable OLE compound file (%w)", extract.ErrCorrupt, extract.OneLine(err))
	}
	m = map[string]*mscfb.File{}
	for _, f := range doc.File {
		if len(f.Path) == 0 && f.Size > 0 {
			if _, dup := m[f.Name]; !dup {
				m[f.Name] = f
			}
		}
	}
	return m, nil
}

// readStream reads a whole stream, refusing one larger than max.
func readStream(f *mscfb.File, max int64) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("%w: unreadable %s stream", extract.ErrCorrupt, f.Name)
		}
	}()
	if f.Size > max {
		return nil, fmt.Errorf("%w: %s stream larger than %d bytes", extract.ErrLimit, f.Name, max)
	}
	b = make([]byte, f.Size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, fmt.Errorf("%w: %s stream truncated (%w)", extract.ErrCorrupt, f.Name, extract.OneLine(err))
	}
	return b, nil
}

type fib struct {
	encrypted, whichTbl                     bool
	ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn uint64
	ccpTxbx, ccpHdrTxbx                     uint64
	fcClx, lcbClx                           uint32
}

// textEnd is the number of characters of all stories.
func (f *fib) textEnd() uint64 {
	return f.ccpText + f.ccpFtn + f.ccpHdd + f.ccpAtn + f.ccpEdn + f.ccpTxbx + f.ccpHdrTxbx
}

var errShortFIB = fmt.Errorf("%w: WordDocument stream too short for its FIB", extract.ErrCorrupt)

func parseFIB(b []byte) (*fib, error) {
	le := binary.LittleEndian
	if len(b) < 34 {
		return nil, errShortFIB
	}
	if le.Uint16(b) != 0xA5EC {
		return nil, fmt.Errorf("%w: WordDocument stream without the Word signature (wIdent 0x%04X)", extract.ErrCorrupt, le.Uint16(b))
	}
	nFib := le.Uint16(b[2:])
	flags := le.Uint16(b[0x0A:])
	f := &fib{encrypted: flags&0x0100 != 0 || flags&0x8000 != 0, whichTbl: flags&0x0200 != 0}
	if nFib < 0x00C1 && nFib != 0x00C0 {
		if f.encrypted {
			return f, nil
		}
		return nil, fmt.Errorf("%w: a Word 6 or Word 95 .doc (nFib 0x%04X); save it as Word 97-2003 or DOCX", extract.ErrUnsupported, nFib)
	}
	off := 32
	csw := int(le.Uint16(b[off:]))
	off += 2 + 2*csw
	if off+2 > len(b) {
		return nil, errShortFIB
	}
	cslw := int(le.Uint16(b[off:]))
	off += 2
	if cslw < 11 || off+4*cslw+2 > len(b) {
		return nil, errShortFIB
	}
	lw := func(i int) uint64 {
		v := int32(le.Uint32(b[off+4*i:]))
		if v < 0 {
			return 0
		}
		return uint64(v)
	}
	f.ccpText, f.ccpFtn, f.ccpHdd = lw(3), lw(4), lw(5)
	f.ccpAtn, f.ccpEdn, f.ccpTxbx, f.ccpHdrTxbx = lw(7), lw(8), lw(9), lw(10)
	off += 4 * cslw
	cb := int(le.Uint16(b[off:]))
	off += 2
	const clx = 33 // index of fcClx in FibRgFcLcb97
	if cb < clx+1 || off+8*(clx+1) > len(b) {
		return nil, errShortFIB
	}
	f.fcClx = le.Uint32(b[off+8*clx:])
	f.lcbClx = le.Uint32(b[off+8*clx+4:])
	return f, nil
}

// pieceText decodes the text of the piece table clx up to character
// limit, as UTF-16 code units.
func pieceText(word, clx []byte, limit uint64) ([]uint16, error) {
	le := binary.LittleEndian
	// Skip the Prc entries (0x01, cbGrpprl, grpprl) to the Pcdt (0x02).
	i := 0
	for i < len(clx) && clx[i] == 0x01 {
		if i+3 > len(clx) {
			return nil, errCLX
		}
		i += 3 + int(le.Uint16(clx[i+1:]))
	}
	if i+5 > len(clx) || clx[i] != 0x02 {
		return nil, errCLX
	}
	lcb := int(le.Uint32(clx[i+1:]))
	plc := clx[i+5:]
	if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
		return nil, errCLX
	}
	n := (lcb - 4) / 12
	cps := plc[:4*(n+1)]
	pcds := plc[4*(n+1) : lcb]
	// Every character takes at least one byte of the stream: more
	// characters than that is a corrupt file, and the cap bounds memory.
	limit = min(limit, uint64(len(word)))
	var units []uint16
	for k := 0; k < n; k++ {
		start, end := uint64(le.Uint32(cps[4*k:])), uint64(le.Uint32(cps[4*k+4:]))
		if end <= start || start != uint64(len(units)) {
			if end <= start {
				continue
			}
			if start > uint64(len(units)) {
				return nil, fmt.Errorf("%w: gap in the piece table at character %d", extract.ErrCorrupt, len(units))
			}
			// Overlapping pieces: keep what is new.
			start = uint64(len(units))
		}
		if start >= limit {
			break
		}
		end = min(end, limit)
		count := end - start
		first := uint64(le.Uint32(cps[4*k:]))
		skip := start - first
		fc := le.Uint32(pcds[12*k+2:]) // Pcd: 2 bytes of flags, then FcCompressed
		if fc&0x40000000 != 0 {
			pos := uint64(fc&0x3FFFFFFF)/2 + skip
			if pos+count > uint64(len(word)) {
				return nil, fmt.Errorf("%w: text piece outside the WordDocument stream", extract.ErrCorrupt)
			}
			for _, c := range word[pos : pos+count] {
				units = append(units, cp1252(c))
			}
		} else {
			pos := uint64(fc) + 2*skip
			if pos+2*count > uint64(len(word)) {
				return nil, fmt.Errorf("%w: text piece outside the WordDocument stream", extract.ErrCorrupt)
			}
			for j := uint64(0); j < count; j++ {
				units = append(units, le.Uint16(word[pos+2*j:]))
			}
		}
	}
	return units, nil
}

var errCLX = fmt.Errorf("%w: malformed piece table (CLX)", extract.ErrCorrupt)

// cp1252 maps a byte of a compressed piece to UTF-16 ([MS-DOC] 2.9.73).
func cp1252(c byte) uint16 {
	if c >= 0x80 && c <= 0x9F {
		if r := cp1252High[c-0x80]; r != 0 {
			return r
		}
	}
	return uint16(c)
}

var cp1252High = [32]uint16{
	0x82 - 0x80: 0x201A, 0x83 - 0x80: 0x0192, 0x84 - 0x80: 0x201E, 0x85 - 0x80: 0x2026,
	0x86 - 0x80: 0x2020, 0x87 - 0x80: 0x2021, 0x88 - 0x80: 0x02C6, 0x89 - 0x80: 0x2030,
	0x8A - 0x80: 0x0160, 0x8B - 0x80: 0x2039, 0x8C - 0x80: 0x0152, 0x91 - 0x80: 0x2018,
	0x92 - 0x80: 0x2019, 0x93 - 0x80: 0x201C, 0x94 - 0x80: 0x201D, 0x95 - 0x80: 0x2022,
	0x96 - 0x80: 0x2013, 0x97 - 0x80: 0x2014, 0x98 - 0x80: 0x02DC, 0x99 - 0x80: 0x2122,
	0x9A - 0x80: 0x0161, 0x9B - 0x80: 0x203A, 0x9C - 0x80: 0x0153, 0x9F - 0x80: 0x0178,
}

var errTooMany = fmt.Errorf("%w: more than %d paragraphs", extract.ErrLimit, MaxParagraphs)

// paragraphs splits a story into paragraphs, dropping field instructions
// and control characters. room is how many paragraphs may still be added;
// count counts them and their text against the limits.
func paragraphs(units []uint16, note bool, room int, count *extract.Counter) ([]extract.Paragraph, error) {
	var out []extract.Paragraph
	var cur []uint16
	var fields []bool // open fields: true once past the separator (result)
	instr := 0        // open fields still in their instruction
	flush := func() error {
		s := strings.TrimSpace(decode(cur))
		cur = cur[:0]
		if s == "" {
			return nil
		}
		if len(out) >= room {
			return errTooMany
		}
		if err := count.AddParagraph(); err != nil {
			return err
		}
		if err := count.AddText(s); err != nil {
			return err
		}
		out = append(out, extract.Paragraph{Text: s, Note: note})
		return nil
	}
	for _, u := range units {
		switch u {
		case 0x13:
			fields = append(fields, false)
			instr++
			continue
		case 0x14:
			if n := len(fields); n > 0 && !fields[n-1] {
				fields[n-1] = true
				instr--
			}
			continue
		case 0x15:
			if n := len(fields); n > 0 {
				if !fields[n-1] {
					instr--
				}
				fields = fields[:n-1]
			}
			continue
		}
		if instr > 0 {
			continue
		}
		switch {
		case u == 0x0D || u == 0x07 || u == 0x0C:
			if err := flush(); err != nil {
				return out, err
			}
		case u == 0x0B || u == 0x09 || u == 0x0E:
			cur = append(cur, ' ')
		case u == 0x1E:
			cur = append(cur, '-')
		case u < 0x20 || u == 0x7F:
			// other control characters: dropped
		default:
			cur = append(cur, u)
		}
	}
	return out, flush()
}

// decode turns UTF-16 code units into valid UTF-8 (unpaired surrogates
// become U+FFFD).
func decode(u []uint16) string {
	s := string(utf16.Decode(u))
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}
