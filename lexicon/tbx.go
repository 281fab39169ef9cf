package lexicon

import (
	"github.com/driftcheck/driftcheck/lang"

	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/driftcheck/driftcheck/bitext"
	"github.com/driftcheck/driftcheck/extract"
)

// MaxTBXBytes bounds the size of a TBX file read by ReadTBX.
const MaxTBXBytes = 256 << 20

// IsTBX reports whether data looks like TBX: its root element is martif
// (TBX 2008, TBX-Basic) or tbx (TBX v3).
func IsTBX(data []byte) bool { return bitext.Sniff(data) == "TBX" }

// ReadTBX reads a TBX term base — TBX 2008 / TBX-Basic (martif root,
// termEntry, langSet, tig or ntig/termGrp, term) or TBX v3 (tbx root,
// conceptEntry, langSec, termSec, term; DCA or DCT style) — as a Lexicon
// that Write turns into a valid native lexicon. name is used in errors,
// origins and the Source of each concept.
//
//   - One Concept per termEntry/conceptEntry. Its ID is the entry's id
//     attribute, with characters the native format does not allow in ids
//     replaced by '-'; without an id it is "tbx-N", N the entry's 1-based
//     ordinal. A repeated id is an ErrDuplicateID error.
//   - Group is empty unless the entry carries a descrip of type
//     "driftcheckGroup" (a driftcheck extension): concepts sharing a group
//     are negotiated alternatives, and a term base's subject field (a
//     topic such as "personnel") says nothing of the kind — grouping by it
//     would report any two terms of one topic as a substitution.
//   - Terms[lang] holds the entry's terms in file order, the language
//     normalised by NormLang; several langSets of one language are joined.
//     Terms are white-space collapsed, and "|" (the rendering separator of
//     the native format) is replaced by a space, as Write does. Terms whose
//     administrativeStatus, termStatus or normativeAuthorization says
//     deprecated, superseded, forbidden, obsolete or notRecommended (e.g.
//     "deprecatedTerm-admn-sts") are skipped. Languages without a usable
//     code (missing xml:lang, not two or three letters once normalised, or
//     "id", Indonesian, which the native header reserves for the id column)
//     are skipped.
//   - Note is the entry-level definition, else the first langSet-level one.
//   - Source is "TBX " and the file's base name; Origin is "name:line".
//   - An entry left with no term is dropped; single-language entries are
//     kept (they cannot give a missing or added term, only matches).
//
// Errors are *Error values wrapping extract.ErrLimit (nesting deeper than
// 256, a DOCTYPE declaring entities, a file over MaxTBXBytes),
// extract.ErrCorrupt (malformed XML, undeclared entity),
// extract.ErrUnsupported (another root element), ErrDuplicateID or
// ErrEmpty (no concept).
func ReadTBX(r io.Reader, name string) (*Lexicon, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTBXBytes+1))
	if err != nil {
		return nil, &Error{name, 0, err}
	}
	if len(data) > MaxTBXBytes {
		return nil, &Error{name, 0, fmt.Errorf("%w: TBX file larger than %d MB", extract.ErrLimit, MaxTBXBytes>>20)}
	}
	wrap := func(err error) error {
		var pe *bitext.PosError
		if errors.As(err, &pe) {
			return &Error{name, pe.Line, pe.Err}
		}
		return &Error{name, 0, err}
	}
	xr, err := bitext.NewXMLReader(data, 0)
	if err != nil {
		return nil, wrap(err)
	}
	for {
		t, err := xr.Token()
		if err == io.EOF {
			return nil, &Error{name, 0, fmt.Errorf("%w: no XML element in the file", extract.ErrEmpty)}
		}
		if err != nil {
			return nil, wrap(err)
		}
		if cd, ok := t.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			line, _ := xr.Pos()
			return nil, &Error{name, line, fmt.Errorf("%w: text before the first XML element: not an XML file", extract.ErrCorrupt)}
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Local != "martif" && se.Name.Local != "tbx" {
				line, _ := xr.Pos()
				return nil, &Error{name, line, fmt.Errorf("%w: root element <%s>, not a TBX term base (martif or tbx)", extract.ErrUnsupported, se.Name.Local)}
			}
			break
		}
	}
	p := &tbxParser{xr: xr, name: name, lex: &Lexicon{byID: map[string]*Concept{}}}
	base := filepath.Base(name)
	p.source = "TBX " + base
	if err := p.run(); err != nil {
		return nil, wrap(err)
	}
	if len(p.lex.Concepts) == 0 {
		return nil, &Error{name, 0, ErrEmpty}
	}
	return p.lex, nil
}

type tbxParser struct {
	xr            *bitext.XMLReader
	name          string
	group, source string
	lex           *Lexicon
	entries       int

	// current entry
	c          *Concept
	cLine      int
	cDepth     int
	noteLevel  int // 0 none, 1 langSet-level definition, 2 entry-level
	lang       string
	langOK     bool
	langDepth  int
	terms      []string // terms of the current tig/ntig/termSec
	deprecated bool
	tDepth     int
}

var nameBad = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// cleanName makes s a valid id or group of the native format, or "".
func cleanName(s string) string {
	s = nameBad.ReplaceAllString(strings.TrimSpace(s), "-")
	return strings.TrimLeft(s, "._-")
}

var tbxLang = regexp.MustCompile(`^[a-z]{2,3}$`)

func isDeprecated(status string) bool {
	s := strings.ToLower(status)
	for _, w := range []string{"deprecated", "superseded", "forbidden", "obsolete", "notrecommended"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (p *tbxParser) run() error {
	for p.xr.Depth() > 0 {
		t, err := p.xr.Token()
		if err == io.EOF {
			line, _ := p.xr.Pos()
			return &bitext.PosError{Line: line, Err: fmt.Errorf("%w: malformed XML: unexpected end of file", extract.ErrCorrupt)}
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := p.end(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *tbxParser) start(se xml.StartElement) error {
	depth := p.xr.Depth()
	switch se.Name.Local {
	case "martifHeader", "tbxHeader", "back":
		return p.xr.Skip()
	case "termEntry", "conceptEntry":
		if p.c != nil { // nested entries are not TBX; read the inner one's terms into the outer
			return nil
		}
		p.entries++
		p.c = &Concept{ID: cleanName(bitext.Attr(se, "id")), Terms: map[string][]string{}, Source: p.source}
		if p.c.ID == "" {
			p.c.ID = "tbx-" + strconv.Itoa(p.entries)
		}
		p.cLine, _ = p.xr.Pos()
		p.cDepth, p.noteLevel = depth, 0
		return nil
	case "langSet", "langSec":
		p.lang = lang.Norm(bitext.LangAttr(se))
		p.langOK = tbxLang.MatchString(p.lang) && p.lang != "id"
		p.langDepth = depth
		return nil
	case "tig", "ntig", "termSec":
		p.terms, p.deprecated, p.tDepth = nil, false, depth
		return nil
	case "term":
		text, err := p.xr.Text(nil)
		if err != nil {
			return err
		}
		text = bitext.Collapse(strings.ReplaceAll(text, RenderingSep, " "))
		if text == "" {
			return nil
		}
		if p.tDepth > 0 {
			p.terms = append(p.terms, text)
		} else {
			p.addTerm(text) // a term straight in a langSet
		}
		return nil
	}
	typ := se.Name.Local // DCT style: <min:subjectField>, <basic:administrativeStatus>
	if typ == "descrip" || typ == "termNote" || typ == "admin" {
		typ = bitext.Attr(se, "type")
	}
	switch typ {
	case "driftcheckGroup", "definition", "administrativeStatus", "termStatus", "normativeAuthorization":
	default:
		return nil
	}
	text, err := p.xr.Text(nil)
	if err != nil || p.c == nil {
		return err
	}
	switch typ {
	case "driftcheckGroup":
		if p.langDepth == 0 && p.tDepth == 0 && p.c.Group == "" {
			p.c.Group = cleanName(text)
		}
	case "definition":
		level := 1
		if p.langDepth == 0 {
			level = 2
		}
		if level > p.noteLevel && text != "" {
			p.c.Note, p.noteLevel = text, level
		}
	default:
		if isDeprecated(text) {
			p.deprecated = true
		}
	}
	return nil
}

func (p *tbxParser) addTerm(t string) {
	if p.c != nil && p.langDepth > 0 && p.langOK {
		p.c.Terms[p.lang] = append(p.c.Terms[p.lang], t)
	}
}

// end handles the end of an element; the reader's depth is already that of
// its parent.
func (p *tbxParser) end() error {
	closed := p.xr.Depth() + 1
	switch closed {
	case p.tDepth:
		if !p.deprecated {
			for _, t := range p.terms {
				p.addTerm(t)
			}
		}
		p.terms, p.deprecated, p.tDepth = nil, false, 0
	case p.langDepth:
		p.lang, p.langOK, p.langDepth = "", false, 0
	case p.cDepth:
		c := p.c
		p.c, p.cDepth = nil, 0
		if c == nil || len(c.Terms) == 0 {
			return nil
		}
		c.Origin = fmt.Sprintf("%s:%d", p.name, p.cLine)
		if prev, ok := p.lex.byID[c.ID]; ok {
			return &bitext.PosError{Line: p.cLine, Err: fmt.Errorf("%w %q (first at %s)", ErrDuplicateID, c.ID, prev.Origin)}
		}
		p.lex.byID[c.ID] = c
		p.lex.Concepts = append(p.lex.Concepts, c)
	}
	return nil
}
