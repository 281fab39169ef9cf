// Package batch checks archives of documents: many document groups (the
// language versions of one symbol), read from a manifest or a directory
// tree, checked by a pool of workers sharing one loaded lexicon and
// dictionary, with results written to part files that are completed
// atomically, so that a run killed at any moment and restarted ends with
// exactly the results of an uninterrupted run. Groups are split across
// machines by a deterministic hash of their symbol (Shard).
package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	language "github.com/driftcheck/driftcheck/lang"
	"github.com/driftcheck/driftcheck/reader"
)

// File is one file of a group.
type File struct {
	Symbol string `json:"symbol"`
	// Role is "voted", "final", "version" (an earlier text in one
	// language, a draft's: compared with the final in its language) or
	// "draft" (the draft in the voted language is the voted text, the
	// others are versions); "" is voted in the voted language, else final.
	Role string `json:"role"`
	Lang string `json:"lang"` // "" when to be told from the text
	Path string `json:"path"` // as written in the manifest or found in the tree
	// Abs is the path to open (relative to the manifest's directory or the
	// tree's root when Path is relative).
	Abs string `json:"-"`
	// Date, Body and Title are what the manifest's optional columns say of
	// the document (its date, YYYY-MM-DD, YYYY-MM or YYYY; the body that
	// adopted it; its title); "" when they say nothing. A group takes them
	// from its rows (Group).
	Date  string `json:"date,omitempty"`
	Body  string `json:"body,omitempty"`
	Title string `json:"title,omitempty"`
}

// Group is the files of one symbol.
type Group struct {
	Symbol string
	Files  []File
	// Error is a problem of the group found by its source (two files with
	// role voted): the group is not checked and Error is its result's
	// error.
	Error string
	// Date, Body and Title are the group's metadata from its manifest
	// rows (the first row that gives each; rows that give another are
	// the group's Error); "" when none gives it.
	Date, Body, Title string
}

// Source yields groups, one symbol each, in a stable order; Next returns
// io.EOF at the end.
type Source interface {
	Next() (*Group, error)
	Close() error
}

// Skipper is implemented by a source that leaves some files out (the tree
// of OpenDir); Skipped lists them.
type Skipper interface {
	Skipped() []string
}

// Shard returns the shard (0…n-1) of a symbol: FNV-1a of the symbol, modulo
// n. Every machine computes the same split.
func Shard(symbol string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(symbol))
	return int(h.Sum32() % uint32(n))
}

// ErrNotGrouped is returned when the rows of one symbol are not together.
var ErrNotGrouped = errors.New("the rows of a symbol are not together: sort the manifest by symbol")

// manifest reads CSV, TSV or JSON lines rows and yields groups of
// consecutive rows with the same symbol.
type manifest struct {
	path    string
	dir     string
	f       *os.File
	langs   []string                  // language codes accepted besides the official ones
	next    func() (File, int, error) // a row and its line number
	pending *File
	closed  map[string]int // symbols already yielded → their line
	line    int
}

// utf8BOM is the byte-order mark Excel writes at the start of "CSV UTF-8".
const utf8BOM = "\uFEFF"

// OpenManifest opens a manifest: CSV (.csv), TSV (.tsv, .txt) or JSON
// lines (.jsonl, .ndjson), with the fields symbol, role (voted or final),
// lang and path, and the optional date (YYYY-MM-DD, YYYY-MM or YYYY),
// body and title of the document, which go into the results' metadata
// (Meta); a header row names the columns of CSV and TSV. A UTF-8
// byte-order mark is skipped. Paths are relative to the manifest's
// directory. Rows of one symbol must be consecutive (the manifest is
// streamed, never held in memory). A lang must be an official language of
// the United Nations or one of langs (those of a user's lexicon).
func OpenManifest(path string, langs ...string) (Source, error) {
	f, err := openManifestFile(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, maxManifestLine)
	if head, _ := br.Peek(len(utf8BOM)); string(head) == utf8BOM {
		br.Discard(len(utf8BOM))
	}
	lr := &lineReader{br: br, path: path}
	m := &manifest{path: path, dir: filepath.Dir(path), f: f, langs: langs, closed: map[string]int{}}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		m.next = jsonRows(lr, path)
	default:
		next, err := csvRows(lr, path)
		if err != nil {
			f.Close()
			return nil, err
		}
		m.next = next
	}
	return m, nil
}

// jsonRows reads the records of a JSON lines manifest.
func jsonRows(r io.Reader, path string) func() (File, int, error) {
	dec := json.NewDecoder(r)
	line := 0
	return func() (File, int, error) {
		var rec File
		line++
		if err := dec.Decode(&rec); err != nil {
			var le *lineError
			switch {
			case err == io.EOF:
				return rec, line, io.EOF
			case errors.As(err, &le):
				return rec, line, le
			}
			return rec, line, fmt.Errorf("manifest %s: record %d: %w", path, line, err)
		}
		return rec, line, nil
	}
}

// csvRows reads the header of a CSV or TSV manifest and returns the reader
// of its rows.
func csvRows(br io.Reader, path string) (func() (File, int, error), error) {
	r := csv.NewReader(br)
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".tsv" || ext == ".txt" || ext == ".tab" {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.Comment = '#'
	head, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("manifest %s: empty: no header row (want symbol, role, lang, path)", path)
	}
	if err != nil {
		return nil, csvError(path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"symbol", "path"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("manifest %s: line 1: header lacks the %q column (want symbol, role, lang, path)", path, need)
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	return func() (File, int, error) {
		rec, err := r.Read()
		if err == io.EOF {
			return File{}, 0, io.EOF
		}
		if err != nil {
			return File{}, 0, csvError(path, err)
		}
		line, _ := r.FieldPos(0)
		return File{Symbol: get(rec, "symbol"), Role: get(rec, "role"), Lang: get(rec, "lang"), Path: get(rec, "path"),
			Date: get(rec, "date"), Body: get(rec, "body"), Title: get(rec, "title")}, line, nil
	}, nil
}

// csvError names the manifest and the line of a CSV syntax error.
func csvError(path string, err error) error {
	var le *lineError
	if errors.As(err, &le) {
		return le
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("manifest %s: %w", path, err)
	}
	if errors.Is(pe.Err, csv.ErrQuote) {
		where := ""
		if pe.Line != pe.StartLine {
			where = fmt.Sprintf(" (the parser stopped at line %d)", pe.Line)
		}
		return fmt.Errorf("manifest %s: line %d: the quoted field opened on this line does not close properly%s: check its \" marks", path, pe.StartLine, where)
	}
	return fmt.Errorf("manifest %s: line %d: %w", path, pe.Line, pe.Err)
}

func (m *manifest) Close() error { return m.f.Close() }

// maxManifestLine bounds a line of a manifest (its rows are a few hundred
// bytes): a file that is no manifest is refused before it fills memory.
const maxManifestLine = 1 << 20

// openManifestFile opens a manifest without waiting: a regular file, or a
// pipe (a FIFO or process substitution, opened without waiting for a
// writer: one that nobody writes to reads as empty). A directory or a
// device is refused.
func openManifestFile(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch mode := st.Mode(); {
	case mode.IsRegular():
		return os.Open(path)
	case mode&fs.ModeNamedPipe != 0:
		return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	case mode.IsDir():
		return nil, fmt.Errorf("manifest %s: is a directory (want a CSV, TSV or JSON lines file; for a tree use --dir)", path)
	default:
		return nil, fmt.Errorf("manifest %s: not a regular file (%v)", path, mode.Type())
	}
}

// lineError is an error of a manifest's bytes, with its line.
type lineError struct{ msg string }

func (e *lineError) Error() string { return e.msg }

// lineReader passes a manifest on line by line to the CSV or JSON reader,
// refusing a line longer than maxManifestLine or not UTF-8.
type lineReader struct {
	br   *bufio.Reader // of size maxManifestLine
	path string
	line int    // lines passed on
	rest []byte // of the current line
	err  error  // after rest
}

func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.rest) == 0 {
		if l.err != nil {
			return 0, l.err
		}
		line, err := l.br.ReadSlice('\n')
		switch {
		case err == bufio.ErrBufferFull:
			l.err = &lineError{fmt.Sprintf("manifest %s: line %d: longer than %d KiB (not a manifest?)", l.path, l.line+1, maxManifestLine>>10)}
			return 0, l.err
		case !utf8.Valid(line):
			l.err = &lineError{fmt.Sprintf("manifest %s: line %d: not UTF-8 (save the manifest as UTF-8, such as Excel's \"CSV UTF-8\")", l.path, l.line+1)}
			return 0, l.err
		}
		l.line++
		l.rest, l.err = line, err
	}
	n := copy(p, l.rest)
	l.rest = l.rest[n:]
	return n, nil
}

func (m *manifest) Next() (*Group, error) {
	var g *Group
	votedLine := 0               // the line of the group's file with role voted
	metaLine := map[string]int{} // the line that gave the group's date, body, title
	for {
		var r File
		var line int
		var err error
		if m.pending != nil {
			r, line = *m.pending, m.line
			m.pending = nil
		} else {
			r, line, err = m.next()
			if err == io.EOF {
				if g != nil {
					m.closed[g.Symbol] = line
					return g, nil
				}
				return nil, io.EOF
			}
			if err != nil {
				return nil, err
			}
		}
		if err := m.clean(&r, line); err != nil {
			return nil, err
		}
		if g != nil && r.Symbol != g.Symbol {
			m.pending, m.line = &r, line
			m.closed[g.Symbol] = line
			return g, nil
		}
		if g == nil {
			if first, ok := m.closed[r.Symbol]; ok {
				return nil, fmt.Errorf("manifest %s: line %d: symbol %s again after line %d: %w", m.path, line, r.Symbol, first, ErrNotGrouped)
			}
			g = &Group{Symbol: r.Symbol}
		}
		for _, x := range []struct {
			name, plural string
			row, grp     *string
		}{{"date", "dates", &r.Date, &g.Date}, {"body", "bodies", &r.Body, &g.Body}, {"title", "titles", &r.Title, &g.Title}} {
			switch {
			case *x.row == "":
			case *x.grp == "":
				*x.grp = *x.row
				metaLine[x.name] = line
			case *x.grp != *x.row && g.Error == "":
				g.Error = fmt.Sprintf("manifest %s: lines %d and %d: two %s in group %s (%q and %q): give one, on one row or on every row", m.path, metaLine[x.name], line, x.plural, g.Symbol, *x.grp, *x.row)
			}
		}
		if r.Role == "voted" {
			if votedLine > 0 && g.Error == "" {
				g.Error = fmt.Sprintf("manifest %s: lines %d and %d: two files with role voted in group %s: mark one voted and the other final", m.path, votedLine, line, g.Symbol)
			}
			votedLine = line
		}
		g.Files = append(g.Files, r)
	}
}

// clean checks and normalises a row read at line.
func (m *manifest) clean(r *File, line int) error {
	if r.Symbol == "" || r.Path == "" {
		return fmt.Errorf("manifest %s: line %d: symbol and path are required", m.path, line)
	}
	r.Role = strings.ToLower(r.Role)
	switch r.Role {
	case "", "voted", "final", "draft", "version":
	default:
		return fmt.Errorf("manifest %s: line %d: role %q (want voted, final, draft or version)", m.path, line, r.Role)
	}
	if r.Lang != "" {
		l, err := language.Check(r.Lang, m.langs...)
		if err != nil {
			return fmt.Errorf("manifest %s: line %d: %w", m.path, line, err)
		}
		r.Lang = l
	}
	if r.Date != "" && !dateRe.MatchString(r.Date) {
		return fmt.Errorf("manifest %s: line %d: date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", m.path, line, r.Date)
	}
	r.Abs = r.Path
	if !filepath.IsAbs(r.Path) {
		r.Abs = filepath.Join(m.dir, r.Path)
	}
	return nil
}

// dateRe is a date of a manifest row: a year from 1945 to 2099, with its
// month and day or not.
var dateRe = regexp.MustCompile(`^(19[4-9]\d|20\d\d)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// nameRe reads an ODS-style file name: the symbol with "_" for "/", then
// the language (EN or E, FR or F, …; ODS uses A C E F R S) after "-", "_"
// or ".", then the extension(s): A_HRC_RES_37_23-EN.pdf,
// A_HRC_37_L.36_C.doc, a_res_70_1.fr.txt.
var nameRe = regexp.MustCompile(`(?i)^(.+?)[-_.](ar|zh|en|fr|ru|es|a|c|e|f|r|s)(\.[a-z0-9]{1,5}){1,2}$`)

// ParseName returns the symbol and language a file name gives, or "" for
// each it does not.
func ParseName(name string) (symbol, lang string) {
	m := nameRe.FindStringSubmatch(name)
	if m == nil {
		base := strings.TrimSuffix(name, filepath.Ext(name))
		return strings.ReplaceAll(base, "_", "/"), ""
	}
	l := strings.ToLower(m[2])
	if x := language.FromLetter(l); len(l) == 1 && x != "" {
		l = x
	}
	return strings.ToUpper(strings.ReplaceAll(m[1], "_", "/")), l
}

// tree lists a directory tree and yields its groups in the order of their
// symbols: the files of one symbol form one group wherever they are in the
// tree.
type tree struct {
	root    string
	groups  []*Group
	skipped []string
}

// documentExts are the extensions of the document formats driftcheck
// reads (plain text, PDF, Word, HTML); other files of a tree are skipped.
var documentExts = map[string]bool{
	".txt": true, ".text": true, ".pdf": true, ".docx": true, ".doc": true,
	".html": true, ".htm": true, ".xhtml": true,
}

// IsDocumentName reports whether a file name has the extension of a
// document format driftcheck reads in a tree: .txt, .text, .pdf, .docx,
// .doc, .html, .htm or .xhtml (in any case).
func IsDocumentName(name string) bool {
	return documentExts[strings.ToLower(filepath.Ext(name))]
}

// OpenDir lists a directory tree as a source. Symbol and language come
// from file names (see ParseName); a file whose name does not give them
// (an ODS job number such as N1812345.txt) is read: the first UN symbol of
// its first paragraphs and the language of its text. The files of one
// symbol are one group wherever they are in the tree. Hidden files, files
// ending in .tmp, files that are not documents (see IsDocumentName) and the
// directories exclude (the output directory of the run) are skipped: the
// source's Skipped method lists them. The tree is listed whole when it is
// opened (a few hundred bytes a file).
func OpenDir(root string, exclude ...string) (Source, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", root)
	}
	t := &tree{root: root}
	if err := t.list(exclude); err != nil {
		return nil, err
	}
	return t, nil
}

// Skipped returns the files and directories of the tree that were left
// out, relative to its root, in sorted order: the excluded directories
// (with a trailing "/") and the files that are not documents. Hidden files
// and temporary files are left out without being listed.
func (t *tree) Skipped() []string { return t.skipped }

func (t *tree) Close() error { return nil }

func (t *tree) Next() (*Group, error) {
	if len(t.groups) == 0 {
		return nil, io.EOF
	}
	g := t.groups[0]
	t.groups = t.groups[1:]
	return g, nil
}

// list walks the tree, directory by directory in name order, and groups
// its documents by symbol.
func (t *tree) list(exclude []string) error {
	by := map[string]*Group{}
	dirs := []string{t.root}
	for len(dirs) > 0 {
		dir := dirs[0]
		dirs = dirs[1:]
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		var subdirs []string
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".tmp") {
				continue
			}
			p := filepath.Join(dir, name)
			rel, _ := filepath.Rel(t.root, p)
			rel = filepath.ToSlash(rel)
			if e.IsDir() {
				if isExcluded(p, exclude) {
					t.skipped = append(t.skipped, rel+"/")
				} else {
					subdirs = append(subdirs, p)
				}
				continue
			}
			if !IsDocumentName(name) {
				t.skipped = append(t.skipped, rel)
				continue
			}
			sym, lang := ParseName(name)
			if lang == "" {
				// Not an ODS-style name: the symbol and the language from
				// the beginning of the text, when it can be read.
				if s, l := fromText(p); s != "" {
					sym, lang = s, l
				}
			}
			g := by[sym]
			if g == nil {
				g = &Group{Symbol: sym}
				by[sym] = g
			}
			g.Files = append(g.Files, File{Symbol: sym, Lang: lang, Path: rel, Abs: p})
		}
		dirs = append(subdirs, dirs...)
	}
	if err := t.pair(by); err != nil {
		return err
	}
	for _, g := range by {
		t.groups = append(t.groups, g)
	}
	sort.Strings(t.skipped)
	sort.Slice(t.groups, func(i, j int) bool { return t.groups[i].Symbol < t.groups[j].Symbol })
	return nil
}

// isExcluded reports whether the directory dir is one of exclude (compared
// as absolute paths, and as files when both exist).
func isExcluded(dir string, exclude []string) bool {
	if len(exclude) == 0 {
		return false
	}
	abs, _ := filepath.Abs(dir)
	st, err := os.Stat(dir)
	for _, x := range exclude {
		if xa, _ := filepath.Abs(x); xa == abs {
			return true
		}
		if err == nil {
			if xs, err := os.Stat(x); err == nil && os.SameFile(st, xs) {
				return true
			}
		}
	}
	return false
}

// fromText reads the beginning of a file and returns the first UN symbol
// of its first paragraphs and the language of its text ("" for what it
// cannot tell or read).
func fromText(path string) (symbol, lang string) {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return "", "" // a FIFO or a device: its reader says what is wrong
	}
	f, err := os.Open(path)
	if err != nil {
		return "", ""
	}
	defer f.Close()
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	// Cut at a character boundary: the head may end inside one.
	for len(head) > 0 && !utf8.Valid(head) && len(head) > n-4 {
		head = head[:len(head)-1]
	}
	var paras []extract.Paragraph
	if reader.Format(head, path) == reader.Text {
		paras, err = extract.Text(head)
	} else {
		// PDF, Word or HTML: their text comes only from the whole file.
		// (Files named by their ODS job number never come here.)
		paras, err = reader.ReadFile(path, reader.Options{})
	}
	if err != nil {
		return "", ""
	}
	for i, p := range paras {
		if i >= 5 {
			break
		}
		if syms := document.FindSymbols(p.Text); len(syms) > 0 {
			symbol = syms[0]
			break
		}
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(p.Text + "\n")
	}
	return symbol, language.Detect(b.String())
}
