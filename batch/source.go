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
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/lexicon"
	"github.com/driftcheck/driftcheck/reader"
	"github.com/driftcheck/driftcheck/segment"
)

// File is one file of a group.
type File struct {
	Symbol string `json:"symbol"`
	Role   string `json:"role"` // "voted" or "final"
	Lang   string `json:"lang"` // "" when to be told from the text
	Path   string `json:"path"` // as written in the manifest or found in the tree
	// Abs is the path to open (relative to the manifest's directory or the
	// tree's root when Path is relative).
	Abs string `json:"-"`
}

// Group is the files of one symbol.
type Group struct {
	Symbol string
	Files  []File
}

// Source yields groups, one symbol each, in a stable order; Next returns
// io.EOF at the end.
type Source interface {
	Next() (*Group, error)
	Close() error
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
	next    func() (File, int, error) // a row and its line number
	pending *File
	closed  map[string]int // symbols already yielded → their line
	line    int
}

// OpenManifest opens a manifest: CSV (.csv), TSV (.tsv, .txt) or JSON
// lines (.jsonl, .ndjson), with the fields symbol, role (voted or final),
// lang and path; a header row names the columns of CSV and TSV. Paths are
// relative to the manifest's directory. Rows of one symbol must be
// consecutive (the manifest is streamed, never held in memory).
func OpenManifest(path string) (Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	m := &manifest{path: path, dir: filepath.Dir(path), f: f, closed: map[string]int{}}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		dec := json.NewDecoder(bufio.NewReader(f))
		line := 0
		m.next = func() (File, int, error) {
			var r File
			line++
			if err := dec.Decode(&r); err != nil {
				if err == io.EOF {
					return r, line, io.EOF
				}
				return r, line, fmt.Errorf("manifest %s: record %d: %w", path, line, err)
			}
			return r, line, nil
		}
	default:
		r := csv.NewReader(bufio.NewReader(f))
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".tsv" || ext == ".txt" || ext == ".tab" {
			r.Comma = '\t'
		}
		r.FieldsPerRecord = -1
		r.Comment = '#'
		head, err := r.Read()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("manifest %s: no header row: %w", path, err)
		}
		col := map[string]int{}
		for i, h := range head {
			col[strings.ToLower(strings.TrimSpace(h))] = i
		}
		for _, need := range []string{"symbol", "path"} {
			if _, ok := col[need]; !ok {
				f.Close()
				return nil, fmt.Errorf("manifest %s: header lacks the %q column (want symbol, role, lang, path)", path, need)
			}
		}
		get := func(rec []string, name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		m.next = func() (File, int, error) {
			rec, err := r.Read()
			line, _ := r.FieldPos(0)
			if err != nil {
				if err == io.EOF {
					return File{}, line, io.EOF
				}
				return File{}, line, fmt.Errorf("manifest %s: %w", path, err)
			}
			return File{Symbol: get(rec, "symbol"), Role: get(rec, "role"), Lang: get(rec, "lang"), Path: get(rec, "path")}, line, nil
		}
	}
	return m, nil
}

func (m *manifest) Close() error { return m.f.Close() }

func (m *manifest) Next() (*Group, error) {
	var g *Group
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
		if r.Symbol == "" || r.Path == "" {
			return nil, fmt.Errorf("manifest %s: line %d: symbol and path are required", m.path, line)
		}
		r.Role = strings.ToLower(r.Role)
		if r.Role != "" && r.Role != "voted" && r.Role != "final" {
			return nil, fmt.Errorf("manifest %s: line %d: role %q (want voted or final)", m.path, line, r.Role)
		}
		if r.Lang != "" {
			r.Lang = lexicon.NormLang(r.Lang)
		}
		r.Abs = r.Path
		if !filepath.IsAbs(r.Path) {
			r.Abs = filepath.Join(m.dir, r.Path)
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
		g.Files = append(g.Files, r)
	}
}

// nameRe reads an ODS-style file name: the symbol with "_" for "/", then
// the language (EN or E, FR or F, …; ODS uses A C E F R S) after "-", "_"
// or ".", then the extension(s): A_HRC_RES_37_23-EN.pdf,
// A_HRC_37_L.36_C.doc, a_res_70_1.fr.txt.
var nameRe = regexp.MustCompile(`(?i)^(.+?)[-_.](ar|zh|en|fr|ru|es|a|c|e|f|r|s)(\.[a-z0-9]{1,5}){1,2}$`)

var odsLang = map[string]string{"a": "ar", "c": "zh", "e": "en", "f": "fr", "r": "ru", "s": "es"}

// ParseName returns the symbol and language a file name gives, or "" for
// each it does not.
func ParseName(name string) (symbol, lang string) {
	m := nameRe.FindStringSubmatch(name)
	if m == nil {
		base := strings.TrimSuffix(name, filepath.Ext(name))
		return strings.ReplaceAll(base, "_", "/"), ""
	}
	l := strings.ToLower(m[2])
	if x, ok := odsLang[l]; ok {
		l = x
	}
	return strings.ToUpper(strings.ReplaceAll(m[1], "_", "/")), l
}

// tree walks a directory and yields, directory by directory, the groups of
// the files in it (the language versions of a document must share a
// directory).
type tree struct {
	root   string
	dirs   []string
	groups []*Group
}

// OpenDir opens a directory tree as a source. Symbol and language come from
// file names (see ParseName); a file whose name does not give them (an ODS
// job number such as N1812345.txt) is read: the first UN symbol of its
// first paragraphs and the language of its text. Hidden files and files
// ending in .tmp are skipped.
func OpenDir(root string) (Source, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", root)
	}
	return &tree{root: root, dirs: []string{root}}, nil
}

func (t *tree) Close() error { return nil }

func (t *tree) Next() (*Group, error) {
	for len(t.groups) == 0 {
		if len(t.dirs) == 0 {
			return nil, io.EOF
		}
		dir := t.dirs[0]
		t.dirs = t.dirs[1:]
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		var subdirs []string
		by := map[string]*Group{}
		var order []string
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".tmp") {
				continue
			}
			p := filepath.Join(dir, name)
			if e.IsDir() {
				subdirs = append(subdirs, p)
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
			rel, _ := filepath.Rel(t.root, p)
			g := by[sym]
			if g == nil {
				g = &Group{Symbol: sym}
				by[sym] = g
				order = append(order, sym)
			}
			g.Files = append(g.Files, File{Symbol: sym, Lang: lang, Path: filepath.ToSlash(rel), Abs: p})
		}
		sort.Strings(order)
		for _, s := range order {
			t.groups = append(t.groups, by[s])
		}
		t.dirs = append(subdirs, t.dirs...)
	}
	g := t.groups[0]
	t.groups = t.groups[1:]
	return g, nil
}

// fromText reads the beginning of a file and returns the first UN symbol
// of its first paragraphs and the language of its text ("" for what it
// cannot tell or read).
func fromText(path string) (symbol, lang string) {
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
	return symbol, segment.DetectLang(b.String())
}
