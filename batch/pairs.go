package batch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/driftcheck/driftcheck/undl"
)

// Pair is a draft resolution and the resolution it became: the draft (in
// the language it was negotiated in) is the voted text, the resolution's
// language versions are the finals.
type Pair struct {
	Draft      string `json:"draft"`
	Resolution string `json:"resolution"` // as recorded: "A/RES/78/183 B" for part B
	Title      string `json:"title,omitempty"`
	Date       string `json:"date,omitempty"`
	// DraftFiles are the draft's files listed by a Digital Library export
	// (none for pairs.csv).
	DraftFiles []undl.File `json:"draft_files,omitempty"`
}

// PairsName is the name of the file of pairs a tree may hold.
const PairsName = "pairs.csv"

// Pairs are what a pairs file or an export gives: the pairs, and the
// drafts that were not adopted (an export only).
type Pairs struct {
	Records    int           // records of the export (rows of pairs.csv)
	Pairs      []Pair        // in the order of the input
	NotAdopted []undl.Record // drafts without a resolution (993 ind1=1)
}

// PairsOf returns the pairs of an export's records: each draft with the
// resolution it became; the drafts with none are not adopted.
func PairsOf(recs []undl.Record) *Pairs {
	p := &Pairs{Records: len(recs)}
	for _, r := range recs {
		if r.Resolution == "" {
			p.NotAdopted = append(p.NotAdopted, r)
			continue
		}
		p.Pairs = append(p.Pairs, Pair{Draft: r.Symbol, Resolution: r.Resolution, Title: r.Title, Date: r.Date, DraftFiles: r.Files})
	}
	return p
}

// ReadPairs reads a file of pairs: a MARCXML export of the Digital Library
// (told by its content), else CSV with the columns draft and resolution (a
// header row naming them is optional; more columns are ignored). Errors
// name the file.
func ReadPairs(path string) (*Pairs, error) {
	f, err := openManifestFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(4096)
	if undl.IsMARC(head) {
		recs, err := undl.Read(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return PairsOf(recs), nil
	}
	if strings.HasPrefix(strings.TrimSpace(string(head)), "<") {
		return nil, fmt.Errorf("%s: XML but not MARCXML (want a Digital Library export: Export → MARCXML)", path)
	}
	return readPairsCSV(br, path)
}

func readPairsCSV(br *bufio.Reader, path string) (*Pairs, error) {
	if h, _ := br.Peek(len(utf8BOM)); string(h) == utf8BOM {
		br.Discard(len(utf8BOM))
	}
	r := csv.NewReader(&lineReader{br: bufio.NewReaderSize(br, maxManifestLine), path: path})
	r.FieldsPerRecord = -1
	r.Comment = '#'
	p := &Pairs{}
	draftCol, resCol := 0, 1
	seen := map[string]int{}
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, pairsError(path, err)
		}
		line, _ := r.FieldPos(0)
		if first {
			cols := map[string]int{}
			for i, h := range rec {
				cols[strings.ToLower(strings.TrimSpace(h))] = i
			}
			d, okd := cols["draft"]
			res, okr := cols["resolution"]
			if okd && okr {
				draftCol, resCol = d, res
				continue
			}
			if okd || okr {
				return nil, fmt.Errorf("%s: line 1: the header wants both draft and resolution columns", path)
			}
		}
		if len(rec) <= max(draftCol, resCol) {
			return nil, fmt.Errorf("%s: line %d: want two fields, draft,resolution", path, line)
		}
		d, res := undl.CleanSymbol(rec[draftCol]), undl.CleanSymbol(rec[resCol])
		if d == "" || res == "" {
			return nil, fmt.Errorf("%s: line %d: the draft and the resolution are both required", path, line)
		}
		if l, ok := seen[d]; ok {
			return nil, fmt.Errorf("%s: line %d: draft %s again (line %d)", path, line, d, l)
		}
		seen[d] = line
		p.Records++
		p.Pairs = append(p.Pairs, Pair{Draft: d, Resolution: res})
	}
	if len(p.Pairs) == 0 {
		return nil, fmt.Errorf("%s: no pair (want lines draft,resolution such as A/HRC/37/L.36,A/HRC/RES/37/23)", path)
	}
	return p, nil
}

func pairsError(path string, err error) error {
	var le *lineError
	if errors.As(err, &le) {
		return fmt.Errorf("%s", strings.Replace(le.msg, "manifest ", "", 1))
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: line %d: %v", path, pe.StartLine, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// treeKey is the key of a symbol among a tree's groups: as ParseName
// reads the symbol back from a file name (A/C.3/78/L.49/REV.1).
func treeKey(symbol string) string {
	return strings.ToUpper(strings.ReplaceAll(undl.FileBase(symbol), "_", "/"))
}

// pairsFile returns the file of pairs at the root of a tree: pairs.csv,
// else the one .marcxml file (or .xml file that is MARCXML); "" for none.
func pairsFile(root string) (string, error) {
	p := filepath.Join(root, PairsName)
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p, nil
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return "", err
	}
	var found []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || strings.HasPrefix(name, ".") || (ext != ".marcxml" && ext != ".xml") {
			continue
		}
		path := filepath.Join(root, name)
		if ext == ".xml" && !headIsMARC(path) {
			continue
		}
		found = append(found, path)
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%s: %d MARCXML exports (%s): keep one, or write the pairs to %s", root, len(found), strings.Join(found, ", "), PairsName)
}

func headIsMARC(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return undl.IsMARC(head[:n])
}

// pairGroups joins, in the groups of a tree, each draft with the
// resolution it became: one group named by the resolution, the draft's
// files first (role draft: the one in the voted language is the voted
// text, the others versions, each checked against the final in its
// language) and the resolution's with role final. A resolution adopted in parts (A/RES/78/183 A and B, one
// document) is in the group of each part. The groups of a pair with one
// side absent from the tree are left as they are.
func pairGroups(by map[string]*Group, pairs []Pair) map[string]*Group {
	out := map[string]*Group{}
	used := map[string]bool{}
	drafts := map[string]string{} // resolution key → its draft
	for _, p := range pairs {
		d, r := by[treeKey(p.Draft)], by[treeKey(undl.DocSymbol(p.Resolution))]
		if d == nil || r == nil {
			continue
		}
		g := &Group{Symbol: p.Resolution}
		for _, f := range d.Files {
			f.Symbol, f.Role = p.Resolution, "draft"
			g.Files = append(g.Files, f)
		}
		for _, f := range r.Files {
			f.Symbol, f.Role = p.Resolution, "final"
			g.Files = append(g.Files, f)
		}
		used[treeKey(p.Draft)], used[treeKey(undl.DocSymbol(p.Resolution))] = true, true
		k := treeKey(p.Resolution)
		if prev, ok := drafts[k]; ok {
			g.Error = fmt.Sprintf("resolution %s: two drafts are paired with it, %s and %s: keep one", p.Resolution, prev, p.Draft)
		}
		drafts[k] = p.Draft
		out[k] = g
	}
	for k, g := range by {
		if !used[k] {
			if _, taken := out[k]; !taken {
				out[k] = g
			}
		}
	}
	return out
}

// pair joins each draft with its resolution in one group when the tree's
// root holds a file of pairs (pairs.csv or a MARCXML export; see
// ReadPairs, pairGroups), which is then not listed as skipped.
func (t *tree) pair(by map[string]*Group) error {
	pf, err := pairsFile(t.root)
	if err != nil || pf == "" {
		return err
	}
	ps, err := ReadPairs(pf)
	if err != nil {
		return err
	}
	joined := pairGroups(by, ps.Pairs)
	clear(by)
	maps.Copy(by, joined)
	rel, _ := filepath.Rel(t.root, pf)
	t.skipped = slices.DeleteFunc(t.skipped, func(s string) bool { return s == filepath.ToSlash(rel) })
	return nil
}

// Results calls fn with each result of the completed part files of a
// batch output directory, in order (for the summary of a session).
func Results(dir string, fn func(r *Result) error) error {
	parts, err := Parts(dir)
	if err != nil {
		return err
	}
	return eachResult(parts, func(_ []byte, r *Result) error { return fn(r) })
}
