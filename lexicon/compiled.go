package lexicon

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/driftcheck/driftcheck/segment"
)

// A compiled lexicon (a .dcx file, written by Compile) holds a lexicon with
// the matching patterns of every concept already worked out (keys stemmed,
// compound variants found), so that a large term base loads without being
// parsed or stemmed again. The format is driftcheck's own:
//
//	magic        CompiledMagic
//	version      uvarint, CompiledVersion
//	source       the SHA-256 of the source file (32 bytes), its size,
//	             its modification time (Unix ns) and its name
//	strings      count n (uvarint), the length of their bytes, n+1
//	             offsets into those bytes (4 bytes each, little endian,
//	             ascending: string i is bytes[offset i:offset i+1]), then
//	             the bytes; a string is read in place, never copied
//	renderings   the number of renderings of all the concepts
//	concepts     count, then each: id, group, note, source, origin, role,
//	             match (string indices), the length of its renderings,
//	             then per language: the language, its renderings (each:
//	             string index, period from, until); those of a reference
//	             concept are read when first asked for (Lexicon.Load)
//	ids          the concepts' indices in the order of their ids
//	             (4 bytes each, little endian; the ids strictly
//	             ascending): a concept is looked up by binary search
//	patterns     per language: the language, the section's length, then
//	             for each concept with patterns (by the distance of its
//	             index from the previous one's) their count and each
//	             pattern's rendering index, flags, size, joined keys, keys
//	             and, when they differ from the keys, the exact words; a
//	             language's section is read when it is first matched
//	languages    the languages of the renderings (string indices)
//	checksum     CRC-32C of everything before it (4 bytes, little endian)
//
// Integers are unsigned varints. A file of another version, a truncated
// or altered file (the checksum), or one whose patterns this driftcheck
// would no longer make (its stemmers changed: a sample of the concepts is
// prepared again and compared) is refused with ErrCompiled: compile it
// again.

// CompiledMagic starts every compiled lexicon.
const CompiledMagic = "driftcheck compiled lexicon\n"

// CompiledVersion is the version of the compiled format and of the
// patterns in it; a file of another version must be compiled again.
const CompiledVersion = 3

// ErrCompiled is wrapped by the errors of a compiled lexicon that cannot be
// used: of another version, damaged, or made by a driftcheck that stems
// differently.
var ErrCompiled = errors.New("compiled lexicon unusable")

// IsCompiled reports whether data starts as a compiled lexicon.
func IsCompiled(data []byte) bool { return bytes.HasPrefix(data, []byte(CompiledMagic)) }

// Source identifies the file a compiled lexicon was made from.
type Source struct {
	Name   string
	SHA256 [32]byte
	Size   int64
	// ModTime is the source's modification time (Unix nanoseconds) when
	// compiled: a source of the same size and time is not hashed again.
	ModTime int64
}

// ReadSource returns the Source of the file at path, named by its
// absolute path (a compiled lexicon is checked against it when loaded).
func ReadSource(path string) (Source, error) {
	data, err := readFile(path)
	if err != nil {
		return Source{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	src := SourceOf(abs, data)
	if st, err := os.Stat(path); err == nil {
		src.ModTime = st.ModTime().UnixNano()
	}
	return src, nil
}

// SourceOf returns the Source of a file's contents.
func SourceOf(name string, data []byte) Source {
	return Source{Name: name, SHA256: sha256.Sum256(data), Size: int64(len(data))}
}

const (
	flagVariant = 1 << iota
	flagExact
	flagBare
	flagExactOwn // the exact words differ from the keys and follow them
)

// Compile writes l in the compiled format, with the patterns of every
// concept in every language it has renderings in, and src as its source.
func Compile(w io.Writer, l *Lexicon, src Source) error {
	seg := segment.New(nil)
	var b compiledWriter
	b.strs = map[string]uint64{}
	// The body first (it fills the string table), then the header.
	var body bytes.Buffer
	b.out = &body
	nr := 0
	for _, c := range l.Concepts {
		terms, _ := c.terms()
		for _, rs := range terms {
			nr += len(rs)
		}
	}
	b.uint(uint64(nr))
	b.uint(uint64(len(l.Concepts)))
	sections := map[string]*bytes.Buffer{}
	last := map[string]int{}
	for ci, c := range l.Concepts {
		for _, s := range []string{c.ID, c.Group, c.Note, c.Source, c.Origin, string(c.Role), string(c.Match)} {
			b.str(s)
		}
		terms, periods := c.terms()
		langs := make([]string, 0, len(terms))
		for code := range terms {
			langs = append(langs, code)
		}
		slices.Sort(langs)
		// The renderings, after their length: a reference concept's are
		// stepped over when the lexicon is read.
		body := b.out
		var rec bytes.Buffer
		b.out = &rec
		b.uint(uint64(len(langs)))
		for _, code := range langs {
			b.str(code)
			rs := terms[code]
			b.uint(uint64(len(rs)))
			for _, r := range rs {
				p := periods[code][r]
				b.str(r)
				b.uint(uint64(p.From))
				b.uint(uint64(p.Until))
			}
		}
		b.out = body
		b.uint(uint64(rec.Len()))
		body.Write(rec.Bytes())
		// The patterns go to the section of their language.
		for _, code := range langs {
			pats := conceptPatterns(seg, c, code)
			if len(pats) == 0 {
				continue
			}
			sec := sections[code]
			if sec == nil {
				sec = &bytes.Buffer{}
				sections[code] = sec
				last[code] = 0
			}
			b.out = sec
			b.uint(uint64(ci - last[code]))
			last[code] = ci
			b.uint(uint64(len(pats)))
			for _, p := range pats {
				flags := uint64(0)
				if p.variant {
					flags |= flagVariant
				}
				if p.exact != nil {
					flags |= flagExact
					if !slices.Equal(p.exact, p.keys) {
						flags |= flagExactOwn
					}
				}
				if p.bare != nil {
					flags |= flagBare
				}
				b.uint(uint64(p.term))
				b.uint(flags)
				b.uint(uint64(p.size))
				b.str(p.joined)
				b.strs0(p.keys)
				if flags&flagExactOwn != 0 {
					b.strs0(p.exact)
				}
			}
		}
		b.out = body
	}
	order := make([]int, len(l.Concepts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(l.Concepts[i].ID, l.Concepts[j].ID) })
	for k, i := range order {
		if k > 0 && l.Concepts[order[k-1]].ID == l.Concepts[i].ID {
			return fmt.Errorf("%w %q", ErrDuplicateID, l.Concepts[i].ID)
		}
		body.Write(binary.LittleEndian.AppendUint32(nil, uint32(i)))
	}
	codes := make([]string, 0, len(sections))
	for code := range sections {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	b.uint(uint64(len(codes)))
	for _, code := range codes {
		b.str(code)
		b.uint(uint64(sections[code].Len()))
		body.Write(sections[code].Bytes())
	}
	b.strs0(l.Languages())
	var head bytes.Buffer
	head.WriteString(CompiledMagic)
	b.out = &head
	b.uint(CompiledVersion)
	head.Write(src.SHA256[:])
	b.uint(uint64(src.Size))
	b.uint(uint64(src.ModTime))
	b.uint(uint64(len(src.Name)))
	head.WriteString(src.Name)
	b.uint(uint64(len(b.list)))
	total := 0
	for _, s := range b.list {
		total += len(s)
	}
	if total > math.MaxUint32 || len(l.Concepts) > math.MaxUint32 {
		return errors.New("lexicon too large to compile")
	}
	b.uint(uint64(total))
	at := uint32(0)
	offs := make([]byte, 0, 4*(len(b.list)+1))
	for _, s := range b.list {
		offs = binary.LittleEndian.AppendUint32(offs, at)
		at += uint32(len(s))
	}
	offs = binary.LittleEndian.AppendUint32(offs, at)
	head.Write(offs)
	for _, s := range b.list {
		head.WriteString(s)
	}
	head.Write(body.Bytes())
	crc := crc32.Checksum(head.Bytes(), castagnoli)
	head.Write(binary.LittleEndian.AppendUint32(nil, crc))
	_, err := w.Write(head.Bytes())
	return err
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type compiledWriter struct {
	out  *bytes.Buffer
	strs map[string]uint64
	list []string
	tmp  [binary.MaxVarintLen64]byte
}

func (b *compiledWriter) uint(v uint64) {
	b.out.Write(b.tmp[:binary.PutUvarint(b.tmp[:], v)])
}

func (b *compiledWriter) str(s string) {
	i, ok := b.strs[s]
	if !ok {
		i = uint64(len(b.list))
		b.strs[s] = i
		b.list = append(b.list, s)
	}
	b.uint(i)
}

func (b *compiledWriter) strs0(ss []string) {
	b.uint(uint64(len(ss)))
	for _, s := range ss {
		b.str(s)
	}
}

// ReadCompiled reads a compiled lexicon (see Compile) from data, which
// must not be changed afterwards (the lexicon's strings are slices of it);
// name is used in errors. It returns the lexicon and the source it was made from.
func ReadCompiled(data []byte, name string) (*Lexicon, Source, error) {
	var src Source
	fail := func(format string, a ...any) (*Lexicon, Source, error) {
		return nil, src, &Error{name, 0, fmt.Errorf("%w: %s", ErrCompiled, fmt.Sprintf(format, a...))}
	}
	if !IsCompiled(data) {
		return fail("not a compiled lexicon")
	}
	if len(data) < len(CompiledMagic)+4 {
		return fail("truncated")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	r := compiledReader{data: body, at: len(CompiledMagic)}
	if v := r.uint(); r.err == nil && v != CompiledVersion {
		return fail("format version %d, this driftcheck reads version %d: compile the lexicon again (driftcheck lexicon compile)", v, CompiledVersion)
	}
	if crc32.Checksum(body, castagnoli) != sum {
		return fail("damaged (checksum mismatch): compile the lexicon again")
	}
	copy(src.SHA256[:], r.bytes(32))
	src.Size = int64(r.uint())
	src.ModTime = int64(r.uint())
	src.Name = string(r.bytes(int(r.uint())))
	// The strings are read in place from data, which is not copied: a
	// table of offsets, checked once here.
	n := r.count()
	size := r.count()
	if n > len(body)/4 {
		return fail("bad string count")
	}
	offs := r.bytes(4 * (n + 1))
	blob := r.bytes(size)
	if r.err != nil {
		return fail("%v", r.err)
	}
	prev := uint32(0)
	for i := 0; i <= n; i++ {
		o := binary.LittleEndian.Uint32(offs[4*i:])
		if o < prev || int64(o) > int64(size) || i == n && int(o) != size {
			return fail("bad string table")
		}
		prev = o
	}
	r.tab = stringTable{offs: offs, blob: blob, n: n}
	nrs := r.count()
	cl := &compiledLex{data: body, sections: map[string][2]int{}, pats: map[string][][]*pattern{}}
	nc := r.count()
	if nc > (len(body)-r.at)/14 { // a concept takes at least 14 bytes
		return fail("bad concept count")
	}
	if nrs > len(body)-r.at {
		return fail("bad rendering count")
	}
	lex := &Lexicon{Concepts: make([]*Concept, nc)}
	// The concepts are carved from one allocation, their renderings from
	// blocks of a few thousand. Those of a reference concept are checked
	// and left in the file (a check never reads them; see Concept.Terms):
	// their maps would be most of the memory and the time of a load.
	all := make([]Concept, nc)
	arena := termsArena{left: nrs}
	for i := 0; i < nc && r.err == nil; i++ {
		c := &all[i]
		*c = Concept{ID: r.str(), Group: r.str(), Note: r.str(), Source: r.str(), Origin: r.str(), Role: Role(r.str()), Match: Match(r.str()), compiled: cl, index: i}
		size, at := r.count(), r.at
		if r.bytes(size); r.err == nil && size == 0 {
			r.err = errors.New("bad concept: no renderings")
		}
		if r.err != nil {
			break
		}
		if c.Role == RoleReference {
			c.termsAt, c.termsLen = int32(at), int32(size)
		} else {
			tr := compiledReader{data: body[:at+size], at: at, tab: r.tab}
			c.Terms, c.Periods = readTerms(&tr, &arena)
			r.err = tr.err
		}
		if r.err == nil && c.ID == "" {
			r.err = errors.New("bad concept")
		}
		lex.Concepts[i] = c
	}
	// The ids' order: strictly ascending ids, so no id is there twice.
	ids := r.bytes(4 * nc)
	if r.err == nil {
		lex.sorted = make([]uint32, nc)
		for k := range lex.sorted {
			i := binary.LittleEndian.Uint32(ids[4*k:])
			if int64(i) >= int64(nc) {
				r.err = errors.New("bad id order")
				break
			}
			lex.sorted[k] = i
			if k > 0 {
				if p, c := lex.Concepts[lex.sorted[k-1]], lex.Concepts[i]; p.ID >= c.ID {
					if p.ID == c.ID {
						return nil, src, &Error{name, 0, fmt.Errorf("%w %q (first at %s)", ErrDuplicateID, c.ID, p.Origin)}
					}
					r.err = errors.New("bad id order")
					break
				}
			}
		}
	}
	ns := r.count()
	for i := 0; i < ns && r.err == nil; i++ {
		code := r.str()
		l := r.count()
		at := r.at
		r.bytes(l)
		cl.sections[code] = [2]int{at, at + l}
	}
	langs := r.strList()
	if r.err == nil && r.at != len(body) {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return fail("%v", r.err)
	}
	if len(lex.Concepts) == 0 {
		return nil, src, &Error{name, 0, ErrEmpty}
	}
	cl.tab, cl.concepts = r.tab, lex.Concepts
	lex.langs = langs
	if err := cl.check(); err != nil {
		return fail("%v", err)
	}
	return lex, src, nil
}

// termsArena hands out the rendering slices of the concepts of a compiled
// lexicon from blocks; left is how many renderings the file says remain.
type termsArena struct {
	block []string
	left  int
}

func (a *termsArena) take(n int) []string {
	if a == nil {
		return make([]string, 0, n)
	}
	if cap(a.block)-len(a.block) < n {
		a.block = make([]string, 0, max(n, min(a.left, 4096)))
	}
	rs := a.block[len(a.block) : len(a.block) : len(a.block)+n]
	a.block = a.block[:len(a.block)+n]
	a.left -= n
	return rs
}

// readTerms reads the renderings of one concept at r, which ends with
// them (see Compile), into a map and, for those that have one, the map of
// their periods. A record that does not read through to its end, or with
// more renderings than the file said it holds, is an error.
func readTerms(r *compiledReader, arena *termsArena) (map[string][]string, map[string]map[string]Period) {
	nl := r.count()
	if nl == 0 && r.err == nil {
		r.err = errors.New("bad concept: no renderings")
	}
	terms := make(map[string][]string, nl)
	var periods map[string]map[string]Period
	for j := 0; j < nl && r.err == nil; j++ {
		code := r.str()
		nr := r.count()
		if arena != nil && nr > arena.left {
			r.err = errors.New("bad rendering count")
			break
		}
		rs := arena.take(nr)
		for k := 0; k < nr && r.err == nil; k++ {
			t := r.str()
			p := Period{From: int(r.uint()), Until: int(r.uint())}
			rs = append(rs, t)
			if !p.IsZero() {
				if periods == nil {
					periods = map[string]map[string]Period{}
				}
				if periods[code] == nil {
					periods[code] = map[string]Period{}
				}
				periods[code][t] = p
			}
		}
		terms[code] = rs
	}
	if r.err == nil && r.at != len(r.data) {
		r.err = errors.New("bad concept: trailing bytes")
	}
	return terms, periods
}

// terms returns c's renderings and their periods: Terms and Periods or,
// for a reference concept of a compiled lexicon that is not loaded (see
// Lexicon.Load), read again from the file each time. The file's checksum
// was right when it was loaded; renderings that do not read through (a
// file made to pass it) are those read up to the fault.
func (c *Concept) terms() (map[string][]string, map[string]map[string]Period) {
	if c.termsLen == 0 || c.Terms != nil {
		return c.Terms, c.Periods
	}
	cl := c.compiled
	end := int(c.termsAt) + int(c.termsLen)
	r := compiledReader{data: cl.data[:end], at: int(c.termsAt), tab: cl.tab}
	return readTerms(&r, nil)
}

// Renderings returns c's renderings by language code, as Terms holds
// them once loaded: a compiled lexicon leaves those of its reference
// concepts in the file until Lexicon.Load, and Renderings reads them from
// there without changing c. Shared: do not modify.
func (c *Concept) Renderings() map[string][]string {
	t, _ := c.terms()
	return t
}

// load sets c's Terms and Periods when a compiled lexicon left them in
// the file.
func (c *Concept) load() {
	if c.termsLen != 0 {
		c.Terms, c.Periods = c.terms()
		c.termsAt, c.termsLen = 0, 0
	}
}

// Load sets the Terms and Periods of every concept of l: a compiled
// lexicon leaves those of its reference concepts in the file until then
// (see Concept.Terms). It changes the concepts: call it before l is
// shared between goroutines.
func (l *Lexicon) Load() {
	for _, c := range l.Concepts {
		c.load()
	}
}

// compiledLex is a compiled lexicon as read: the patterns of a language are
// read from its section on first use.
type compiledLex struct {
	data     []byte
	tab      stringTable
	concepts []*Concept
	sections map[string][2]int // the bytes of each language's patterns

	mu   sync.Mutex
	pats map[string][][]*pattern // per language, by concept index
}

// patterns returns the patterns of concept i in code.
func (cl *compiledLex) patterns(code string, i int) []*pattern {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	ps, ok := cl.pats[code]
	if !ok {
		ps = make([][]*pattern, len(cl.concepts))
		// The file's checksum was right when it was loaded; a section
		// that does not read through (a file made to pass it) leaves the
		// concepts after the fault without patterns.
		_ = cl.read(code, -1, func(ci int, p []*pattern) { ps[ci] = p })
		cl.pats[code] = ps
	}
	return ps[i]
}

// read calls fn with the patterns of each concept of code's section, for
// the first limit concepts (all for -1).
func (cl *compiledLex) read(code string, limit int, fn func(ci int, pats []*pattern)) error {
	sec, ok := cl.sections[code]
	if !ok {
		return nil
	}
	r := compiledReader{data: cl.data[:sec[1]], at: sec[0], tab: cl.tab}
	ci := 0
	for n := 0; r.at < sec[1] && r.err == nil && n != limit; n++ {
		step := r.uint()
		np := r.count()
		if step >= uint64(len(cl.concepts)-ci) || np == 0 {
			return errors.New("bad pattern section")
		}
		ci += int(step)
		c := cl.concepts[ci]
		terms, periods := c.terms()
		rs := terms[code]
		block := make([]pattern, np)
		pats := make([]*pattern, np)
		for k := range block {
			ri, flags, size := r.uint(), r.uint(), int(r.uint())
			joined := r.str()
			keys := r.strList()
			if r.err != nil {
				break
			}
			if ri >= uint64(len(rs)) || len(keys) == 0 {
				return errors.New("bad pattern")
			}
			text, _, _ := renderingText(rs[ri])
			p := &block[k]
			*p = pattern{concept: c, rendering: text, term: int(ri), period: periods[code][rs[ri]], keys: keys,
				joined: joined, size: size, variant: flags&flagVariant != 0}
			if flags&flagExact != 0 {
				p.exact = keys
				if flags&flagExactOwn != 0 {
					p.exact = r.strList()
				}
			}
			if flags&flagBare != 0 {
				p.bare = keys
			}
			pats[k] = p
		}
		if r.err != nil {
			break
		}
		fn(ci, pats)
	}
	return r.err
}

// check prepares again the first concepts of each language, comparing
// their patterns with those read (damage is caught by the checksum): a driftcheck that stems or cuts differently than the one
// that compiled the lexicon would otherwise match with stale keys.
func (cl *compiledLex) check() error {
	seg := segment.New(nil)
	for code := range cl.sections {
		var bad error
		err := cl.read(code, 4, func(ci int, pats []*pattern) {
			c := cl.concepts[ci]
			if bad == nil && !samePatterns(conceptPatterns(seg, c, code), pats) {
				bad = fmt.Errorf("the patterns of concept %s in %s are not those this driftcheck makes: compile the lexicon again with this driftcheck", c.ID, code)
			}
		})
		if err != nil {
			return fmt.Errorf("%s patterns: %v", code, err)
		}
		if bad != nil {
			return bad
		}
	}
	return nil
}

func samePatterns(a, b []*pattern) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.rendering != y.rendering || x.term != y.term || x.joined != y.joined || x.size != y.size || x.variant != y.variant ||
			!slices.Equal(x.keys, y.keys) || !slices.Equal(x.exact, y.exact) || !slices.Equal(x.bare, y.bare) ||
			(x.exact == nil) != (y.exact == nil) || (x.bare == nil) != (y.bare == nil) {
			return false
		}
	}
	return true
}

type compiledReader struct {
	data []byte
	at   int
	tab  stringTable
	err  error
}

// stringTable is the string table of a compiled lexicon, read in place:
// its offsets were checked when it was loaded.
type stringTable struct {
	offs, blob []byte
	n          int
}

func (t *stringTable) at(i int) string {
	from, to := binary.LittleEndian.Uint32(t.offs[4*i:]), binary.LittleEndian.Uint32(t.offs[4*i+4:])
	if from == to {
		return ""
	}
	return unsafe.String(&t.blob[from], int(to-from))
}

func (r *compiledReader) uint() uint64 {
	if r.at < len(r.data) && r.data[r.at] < 0x80 && r.err == nil {
		// Most integers of the file (string indices, counts) are one byte.
		v := r.data[r.at]
		r.at++
		return uint64(v)
	}
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.at:])
	if n <= 0 {
		r.err = errors.New("truncated")
		return 0
	}
	r.at += n
	return v
}

// count reads a count, which cannot exceed the bytes left.
func (r *compiledReader) count() int {
	v := r.uint()
	if v > uint64(len(r.data)-r.at) {
		if r.err == nil {
			r.err = errors.New("bad count")
		}
		return 0
	}
	return int(v)
}

func (r *compiledReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.data)-r.at {
		r.err = errors.New("truncated")
		return nil
	}
	b := r.data[r.at : r.at+n]
	r.at += n
	return b
}

func (r *compiledReader) str() string {
	i := r.uint()
	if r.err != nil {
		return ""
	}
	if i >= uint64(r.tab.n) {
		r.err = errors.New("bad string index")
		return ""
	}
	return r.tab.at(int(i))
}

func (r *compiledReader) strList() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}
