// Package bitext reads translation memories and bilingual files — TMX 1.4
// (and the older 1.1), XLIFF 1.2 (and 1.0/1.1) and XLIFF 2.x — as pairs of
// source and target segments, with inline markup stripped and the file
// position of every segment, so that each pair can be checked on its own
// (lexicon concepts, numbers) without aligning paragraphs.
//
// Hostile input is refused in bounded time: nesting deeper than
// Options.MaxDepth and a DOCTYPE that declares entities ("billion laughs")
// give an error wrapping extract.ErrLimit; references to undeclared
// entities, malformed or truncated XML give extract.ErrCorrupt with the
// line; a file with no translated unit gives extract.ErrEmpty; more than
// Options.MaxUnits units gives extract.ErrLimit. Errors are one line, with
// no file name (the caller adds it), and are *PosError values.
package bitext

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/driftcheck/driftcheck/extract"
)

// Segment is the text of one source or target segment.
type Segment struct {
	// Text is the segment's text, inline tags stripped (see Read) and
	// white space collapsed to single spaces.
	Text string
	// Line and Col give where the segment's element (<seg>, <source>,
	// <target>) starts in the file: 1-based line and 1-based column
	// counted in characters, as the rest of driftcheck counts them. They
	// come from the XML decoder, so inline tags never shift them.
	Line int
	Col  int
	// Marks map byte offsets of Text to lines and columns of the file,
	// inline tags and collapsed white space accounted for.
	Marks []Mark
}

// Unit is one source segment with one translation.
type Unit struct {
	// ID is the TMX tuid, the XLIFF 1.2 trans-unit id or the XLIFF 2 unit
	// id (followed by "/" and the segment id, or the segment's ordinal
	// when the unit has several segments without ids). Without an id it is
	// the unit's 1-based ordinal in the file, as a string. XLIFF 1.2 ids
	// are unique only within a <file>, so ids may repeat across files:
	// use Src.Line to tell units apart.
	ID string
	// SrcLang and TgtLang are normalised by lang.Norm ("zh-CN"
	// -> "zh", "en-US" -> "en").
	SrcLang, TgtLang string
	Src, Tgt         Segment
}

// File is what Read found in a file.
type File struct {
	Format  string // "TMX", "XLIFF 1.2" (also for XLIFF 1.0 and 1.1) or "XLIFF 2.0" (also 2.1, 2.2)
	SrcLang string // normalised source language of the file (of its first <file> for XLIFF 1.2)
	// Units holds one Unit per (unit, target language) with a non-empty
	// source and target, in file order.
	Units []Unit
	// Untranslated counts what was skipped: each (unit, target) pair whose
	// target or source is empty, and each unit with no target at all
	// (or, in TMX, no variant in the source language).
	Untranslated int
}

// Options bounds what Read accepts.
type Options struct {
	MaxDepth int // element nesting limit; 0 means DefaultMaxDepth (256)
	MaxUnits int // units (translated or not) limit; 0 means DefaultMaxUnits
}

// DefaultMaxUnits is the unit limit used when Options.MaxUnits is 0.
const DefaultMaxUnits = 1000000

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// Read parses a TMX or XLIFF file.
//
// Inline markup: the text inside g, mrk (XLIFF 1.2), pc, mrk (XLIFF 2) and
// hi (TMX) is kept; bpt, ept, it, ut (TMX), bx, ex (XLIFF 1.2), sc, ec, sm,
// em (XLIFF 2) and their content (native code) are dropped without a
// trace; standalone placeholders ph (all three), x (XLIFF 1.2) and cp
// (XLIFF 2) are dropped and leave a word break, since they usually stand
// for a line break, a tab or a variable. Elements of foreign namespaces
// are ignored with their content. XLIFF 1.2 alt-trans and seg-source are
// ignored (the plain source and target carry the same text).
//
// TMX source language: the header's srclang, matched against each tuv's
// xml:lang (or the TMX 1.1 lang attribute) exactly, then by normalised
// language. When srclang is "*all*" or missing, the language of the first
// tuv of the first tu is the source language of the whole file (adminlang
// is the language of notes and properties, not of the source); a tu
// without a tuv in that language takes its first tuv as source. Every
// other tuv of a tu gives one Unit, even in a variant of the source
// language (en-GB beside an en-US source gives an "en" to "en" Unit).
func Read(data []byte, opt Options) (*File, error) {
	if opt.MaxUnits <= 0 {
		opt.MaxUnits = DefaultMaxUnits
	}
	r, err := NewXMLReader(data, opt.MaxDepth)
	if err != nil {
		return nil, err
	}
	var root xml.StartElement
	for {
		t, err := r.Token()
		if err == io.EOF {
			return nil, &PosError{Err: fmt.Errorf("%w: no XML element in the file", extract.ErrEmpty)}
		}
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			root = se
			break
		}
		if cd, ok := t.(xml.CharData); ok && len(strings.TrimSpace(string(cd))) > 0 {
			return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: text before the first XML element: not an XML file", extract.ErrCorrupt)}
		}
	}
	p := &parser{r: r, opt: opt, f: &File{}}
	switch root.Name.Local {
	case "tmx":
		p.f.Format = "TMX"
		err = p.tmx()
	case "xliff":
		v := Attr(root, "version")
		if strings.HasPrefix(v, "2") || strings.HasPrefix(root.Name.Space, "urn:oasis:names:tc:xliff:document:2") {
			p.f.Format = "XLIFF 2.0"
			p.f.SrcLang = normLang(Attr(root, "srcLang"))
			err = p.xliff2(root.Name.Space, Attr(root, "trgLang"))
		} else {
			p.f.Format = "XLIFF 1.2"
			err = p.xliff1(root.Name.Space)
		}
	default:
		what := "TBX term base: read it as a lexicon"
		if rootFormat(root.Name.Local) != "TBX" {
			what = "not TMX or XLIFF"
		}
		return nil, &PosError{Line: r.line, Err: fmt.Errorf("%w: root element <%s>, %s", extract.ErrUnsupported, root.Name.Local, what)}
	}
	if err != nil {
		return nil, err
	}
	if len(p.f.Units) == 0 {
		if p.f.Untranslated > 0 {
			return nil, &PosError{Err: fmt.Errorf("%w: %s file has no translated unit (%d without target)", extract.ErrEmpty, p.f.Format, p.f.Untranslated)}
		}
		return nil, &PosError{Err: fmt.Errorf("%w: %s file has no unit", extract.ErrEmpty, p.f.Format)}
	}
	return p.f, nil
}

type parser struct {
	r   *XMLReader
	opt Options
	f   *File
	ord int // units seen, for ordinal ids
}

// count checks the unit limit after a unit was added or skipped.
func (p *parser) count() error {
	if n := len(p.f.Units) + p.f.Untranslated; n > p.opt.MaxUnits {
		return &PosError{Line: p.r.line, Err: fmt.Errorf("%w: more than %d units", extract.ErrLimit, p.opt.MaxUnits)}
	}
	return nil
}

func (p *parser) add(u Unit) error {
	if u.Src.Text == "" || u.Tgt.Text == "" {
		p.f.Untranslated++
	} else {
		p.f.Units = append(p.f.Units, u)
	}
	return p.count()
}

// walk reads the children of the element just started, up to its end,
// calling on for each child start element; on must consume the child
// (r.Skip, r.Text or a nested walk).
func (p *parser) walk(on func(xml.StartElement) error) error {
	end := p.r.Depth() - 1
	for p.r.Depth() > end {
		t, err := p.r.next()
		if err != nil {
			return err
		}
		if se, ok := t.(xml.StartElement); ok {
			if err := on(se); err != nil {
				return err
			}
		}
	}
	return nil
}

// ---- TMX ----

func tmxInline(n xml.Name) Inline {
	switch n.Local {
	case "bpt", "ept", "it", "ut":
		return Drop
	case "ph":
		return Space
	}
	return Keep
}

func (p *parser) tmx() error {
	srclang := ""
	return p.walk(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "header":
			srclang = Attr(se, "srclang")
			if srclang != "" && srclang != "*all*" {
				p.f.SrcLang = normLang(srclang)
			}
			return p.r.Skip()
		case "body":
			return p.walk(func(se xml.StartElement) error {
				if se.Name.Local != "tu" {
					return p.r.Skip()
				}
				return p.tu(se, srclang)
			})
		}
		return p.r.Skip()
	})
}

type tuv struct {
	lang string
	seg  Segment
}

func (p *parser) tu(tu xml.StartElement, srclang string) error {
	p.ord++
	id := Attr(tu, "tuid")
	if id == "" {
		id = strconv.Itoa(p.ord)
	}
	var tuvs []tuv
	err := p.walk(func(se xml.StartElement) error {
		if se.Name.Local != "tuv" {
			return p.r.Skip()
		}
		v := tuv{lang: LangAttr(se)}
		err := p.walk(func(se xml.StartElement) error {
			if se.Name.Local != "seg" {
				return p.r.Skip()
			}
			v.seg.Line, v.seg.Col = p.r.Pos()
			var err error
			v.seg.Text, v.seg.Marks, err = p.r.TextMarks(tmxInline)
			return err
		})
		tuvs = append(tuvs, v)
		return err
	})
	if err != nil {
		return err
	}
	all := srclang == "" || srclang == "*all*"
	if all && p.f.SrcLang == "" && len(tuvs) > 0 {
		p.f.SrcLang = normLang(tuvs[0].lang)
	}
	src := -1
	for i, v := range tuvs {
		if srclang != "" && !all && strings.EqualFold(v.lang, srclang) {
			src = i
			break
		}
	}
	if src < 0 {
		for i, v := range tuvs {
			if normLang(v.lang) == p.f.SrcLang {
				src = i
				break
			}
		}
	}
	if src < 0 && all && len(tuvs) > 0 {
		src = 0
	}
	if src < 0 || len(tuvs) < 2 {
		p.f.Untranslated++
		return p.count()
	}
	s := tuvs[src]
	for i, v := range tuvs {
		if i == src {
			continue
		}
		u := Unit{ID: id, SrcLang: normLang(s.lang), TgtLang: normLang(v.lang), Src: s.seg, Tgt: v.seg}
		if err := p.add(u); err != nil {
			return err
		}
	}
	return nil
}

// ---- XLIFF 1.2 ----

func (p *parser) xliff1(ns string) error {
	inline := func(n xml.Name) Inline {
		if n.Space != ns {
			return Drop
		}
		switch n.Local {
		case "bpt", "ept", "it", "bx", "ex":
			return Drop
		case "ph", "x":
			return Space
		}
		return Keep
	}
	var srcLang, tgtLang string
	var container func(se xml.StartElement) error
	container = func(se xml.StartElement) error {
		if se.Name.Space != ns {
			return p.r.Skip()
		}
		switch se.Name.Local {
		case "file":
			srcLang, tgtLang = Attr(se, "source-language"), Attr(se, "target-language")
			if p.f.SrcLang == "" {
				p.f.SrcLang = normLang(srcLang)
			}
			return p.walk(container)
		case "body", "group":
			return p.walk(container)
		case "trans-unit":
			return p.transUnit(se, ns, srcLang, tgtLang, inline)
		}
		return p.r.Skip() // header, bin-unit, ...
	}
	return p.walk(container)
}

func (p *parser) transUnit(tu xml.StartElement, ns, srcLang, tgtLang string, inline func(xml.Name) Inline) error {
	p.ord++
	id := Attr(tu, "id")
	if id == "" {
		id = strconv.Itoa(p.ord)
	}
	u := Unit{ID: id, SrcLang: normLang(srcLang), TgtLang: normLang(tgtLang)}
	// seg-source, alt-trans, note, context-group... are skipped.
	if err := p.sourceTarget(ns, &u, inline); err != nil {
		return err
	}
	return p.add(u)
}

// sourceTarget reads the children of the current element into u: the text
// of <source> and <target> in namespace ns (and the target's xml:lang);
// other children are skipped.
func (p *parser) sourceTarget(ns string, u *Unit, inline func(xml.Name) Inline) error {
	return p.walk(func(se xml.StartElement) error {
		if se.Name.Space != ns {
			return p.r.Skip()
		}
		var err error
		switch se.Name.Local {
		case "source":
			u.Src.Line, u.Src.Col = p.r.Pos()
			u.Src.Text, u.Src.Marks, err = p.r.TextMarks(inline)
		case "target":
			if l := LangAttr(se); l != "" {
				u.TgtLang = normLang(l)
			}
			u.Tgt.Line, u.Tgt.Col = p.r.Pos()
			u.Tgt.Text, u.Tgt.Marks, err = p.r.TextMarks(inline)
		default:
			err = p.r.Skip()
		}
		return err
	})
}

// ---- XLIFF 2 ----

func (p *parser) xliff2(ns, trgLang string) error {
	inline := func(n xml.Name) Inline {
		if n.Space != ns {
			return Drop
		}
		switch n.Local {
		case "sc", "ec", "sm", "em":
			return Drop
		case "ph", "cp":
			return Space
		}
		return Keep
	}
	var container func(se xml.StartElement) error
	container = func(se xml.StartElement) error {
		if se.Name.Space != ns {
			return p.r.Skip()
		}
		switch se.Name.Local {
		case "file", "group":
			return p.walk(container)
		case "unit":
			return p.unit2(se, ns, trgLang, inline)
		}
		return p.r.Skip() // skeleton, notes, ...
	}
	return p.walk(container)
}

func (p *parser) unit2(unit xml.StartElement, ns, trgLang string, inline func(xml.Name) Inline) error {
	p.ord++
	id := Attr(unit, "id")
	if id == "" {
		id = strconv.Itoa(p.ord)
	}
	type seg struct {
		id string
		u  Unit
	}
	var segs []seg
	err := p.walk(func(se xml.StartElement) error {
		if se.Name.Space != ns || se.Name.Local != "segment" {
			return p.r.Skip() // ignorable, notes, originalData, metadata
		}
		s := seg{id: Attr(se, "id"), u: Unit{SrcLang: p.f.SrcLang, TgtLang: normLang(trgLang)}}
		err := p.sourceTarget(ns, &s.u, inline)
		segs = append(segs, s)
		return err
	})
	if err != nil {
		return err
	}
	if len(segs) == 0 {
		p.f.Untranslated++
		return p.count()
	}
	for k, s := range segs {
		s.u.ID = id
		if s.id != "" {
			s.u.ID = id + "/" + s.id
		} else if len(segs) > 1 {
			s.u.ID = id + "/" + strconv.Itoa(k+1)
		}
		if err := p.add(s.u); err != nil {
			return err
		}
	}
	return nil
}
