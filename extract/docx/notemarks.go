package docx

import (
	"encoding/xml"
	"strings"

	"github.com/driftcheck/driftcheck/extract"
)

// noteFmt is how one kind of note is numbered (w:footnotePr, w:endnotePr):
// the number format and the first number.
type noteFmt struct {
	fmt   string
	start int
}

// defaultNoteFmts are Word's defaults: footnotes 1, 2, 3…, endnotes
// i, ii, iii… (ECMA-376 17.11.17, 17.11.11).
func defaultNoteFmts() map[string]*noteFmt {
	return map[string]*noteFmt{
		"footnote": {fmt: "decimal", start: 1},
		"endnote":  {fmt: "lowerRoman", start: 1},
	}
}

// noteRef is one reference to a note in the body.
type noteRef struct {
	id     string
	custom bool // w:customMarkFollows: the run's own text is the mark
}

// notePr records a w:numFmt or w:numStart of a w:footnotePr or w:endnotePr
// (in settings.xml or a section's w:sectPr; the later one wins).
func (r *reader) notePr(se xml.StartElement, stack []string) {
	if len(stack) == 0 {
		return
	}
	kind, ok := strings.CutSuffix(stack[len(stack)-1], "Pr")
	fm := r.noteFmts[kind]
	if !ok || fm == nil {
		return
	}
	switch se.Name.Local {
	case "numFmt":
		if v := attr(se, "val"); v != "" {
			fm.fmt = v
		}
	case "numStart":
		if v, ok := intAttr(se, "val"); ok {
			fm.start = clampStart(v)
		}
	}
}

// readSettings reads the note numbering of settings.xml.
func (r *reader) readSettings(name string) error {
	return r.parse(name, func(_ *xml.Decoder, t xml.Token, stack []string) error {
		if se, ok := t.(xml.StartElement); ok && (se.Name.Local == "numFmt" || se.Name.Local == "numStart") {
			r.notePr(se, stack)
		}
		return nil
	})
}

// marks returns the mark printed for each reference of one kind of note,
// by note id: the custom mark of a w:customMarkFollows reference, else the
// next number in the note kind's format (custom marks take no number).
func (s *story) marks(kind string) map[string]string {
	fm := s.r.noteFmts[kind]
	out := map[string]string{}
	n := fm.start
	for _, ref := range s.refs[kind] {
		if ref.custom {
			out[ref.id] = s.customMarks[kind+ref.id]
			continue
		}
		out[ref.id] = formatNum(n, fm.fmt)
		n++
	}
	return out
}

// markNote sets the mark of a note on its first paragraph. The text of a
// note with a custom mark starts with that mark, typed (an automatic
// mark is a w:footnoteRef, no text): it is taken off.
func markNote(paras []extract.Paragraph, ref noteRef, mark string) {
	if len(paras) == 0 || mark == "" {
		return
	}
	p := &paras[0]
	p.Mark = mark
	if rest, ok := strings.CutPrefix(p.Text, mark); ok && ref.custom {
		p.Text = strings.TrimLeft(rest, " \t\u00a0")
	}
}
