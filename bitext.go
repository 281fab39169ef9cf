package driftcheck

import (
	"fmt"
	"io"
	"sort"

	"github.com/driftcheck/driftcheck/align"
	"github.com/driftcheck/driftcheck/bitext"
	"github.com/driftcheck/driftcheck/document"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/inputfile"
	"github.com/driftcheck/driftcheck/reader"
)

// LoadBitext reads a translation memory or bilingual file (TMX, XLIFF 1.2
// or 2.0) at path.
func (c *Checker) LoadBitext(path string) (*bitext.File, error) {
	data, err := reader.Load(path)
	if err != nil {
		return nil, &InputError{path, err}
	}
	f, err := bitext.Read(data, bitext.Options{})
	if err != nil {
		return nil, &InputError{path, err}
	}
	return f, nil
}

// IsBitext reports whether the file at path is a TMX or XLIFF file, from
// its first bytes (or its name when they do not tell). An unreadable file
// is an *InputError.
func IsBitext(path string) (bool, error) {
	f, err := inputfile.Open(path)
	if err != nil {
		return false, &InputError{path, err}
	}
	defer f.Close()
	head := make([]byte, 4096) // as much as reader.Format looks at
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return false, &InputError{path, err}
	}
	format := reader.Format(head[:n], path)
	return format == reader.TMX || format == reader.XLIFF, nil
}

// CheckBitext checks every unit of a translation memory or bilingual file
// as a pair already aligned: source against target, for lexicon terms and
// numbers, with no alignment step. Units are grouped by language pair: one
// comparison for each target language (a TMX may hold several). Each unit is
// one paragraph, its id the unit's id; positions point into the file.
func (c *Checker) CheckBitext(f *bitext.File, path string) *Result {
	type pair struct{ src, tgt string }
	groups := map[pair][]bitext.Unit{}
	var keys []pair
	for _, u := range f.Units {
		k := pair{u.SrcLang, u.TgtLang}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], u)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].src+keys[i].tgt < keys[j].src+keys[j].tgt
	})
	var res *Result
	for _, k := range keys {
		units := groups[k]
		vd := &document.Document{Path: path, Lang: k.src}
		fd := &document.Document{Path: path, Lang: k.tgt}
		for i, u := range units {
			id := u.ID
			if id == "" {
				id = fmt.Sprint(i + 1)
			}
			vd.Paras = append(vd.Paras, unitPara(id, i, u.Src))
			fd.Paras = append(fd.Paras, unitPara(id, i, u.Tgt))
		}
		c.Matcher.Prepare(k.src, k.tgt)
		an := c.annotator()
		seg := an.SegmenterFor(vd, fd)
		vs, fs := an.Document(seg, vd, false), an.Document(seg, fd, false)
		pairs := make([]align.Pair, len(units))
		for i := range pairs {
			pairs[i] = align.Pair{A: []int{i}, B: []int{i}}
		}
		if res == nil {
			res = &Result{Voted: vd}
		}
		findings, refined := drift.CompareRefined(vs, fs, pairs, c.Matcher)
		res.Comparisons = append(res.Comparisons, &Comparison{Voted: vs, Final: fs, Pairs: pairs, Findings: findings, refined: refined})
	}
	if res == nil {
		res = &Result{Voted: &document.Document{Path: path, Lang: f.SrcLang}}
	}
	return res
}

func unitPara(id string, i int, s bitext.Segment) document.Paragraph {
	src := extract.Paragraph{Text: s.Text}
	for _, m := range s.Marks {
		src.Lines = append(src.Lines, extract.LineStart{Off: m.Off, Line: m.Line, Col: m.Col})
	}
	if len(src.Lines) == 0 {
		src.Lines = []extract.LineStart{{Off: 0, Line: s.Line, Col: s.Col}}
	}
	return document.Paragraph{ID: id, Kind: document.Plain, Text: s.Text, Index: i, Source: src}
}
