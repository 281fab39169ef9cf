package htmltext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
)

// Footnotes and endnotes. A note is known by its attributes (isNoteAttr)
// or by its structure: a block (candidates), or what follows an <hr> in
// any element, whose items each hold a backlink to the note's reference
// (isBacklink). The reference in the body (isNoteRef) is dropped with its
// mark; the backlink is dropped from the note, and the note's mark (a
// backlink's text at its start, a leading <sup>, a "[1]" or "*" that
// starts it, or its list number) goes to Paragraph.Mark.

// candidates are the blocks whose paragraphs are notes when each item they
// hold (a block child with text, or their own text) holds a backlink.
var candidates = map[string]bool{"ol": true, "ul": true, "dl": true, "div": true, "aside": true, "section": true}

var (
	// refHref is the target of a reference to a note: pandoc and
	// markdown-it #fn1, kramdown #fn:1, Word #_ftn1 and #_edn1, Google
	// Docs #ftnt1, #footnote-1, MediaWiki #cite_note-….
	refHref = regexp.MustCompile(`(?i)^#(?:_?ftn|_?edn|fn|ftnt|footnote|endnote)[-_:.]?[0-9]+$|^#cite_note-`)
	// backHref is the target of a backlink from a note to its reference:
	// #fnref1, #fnref:1, Word #_ftnref1 and #_ednref1, Google Docs
	// #ftnt_ref1, #footnote-ref-1, MediaWiki #cite_ref-….
	backHref = regexp.MustCompile(`(?i)^#(?:_?ftnref|_?ednref|fnref|ftnt_ref|footnote-?ref|endnote-?ref|cite_ref)`)
	// noteID is the id of a note's own block: Word <div id=ftn1>, pandoc
	// <li id="fn1">.
	noteID = regexp.MustCompile(`(?i)^(?:_?ftn|_?edn|fn|ftnt)[-_:]?[0-9]+$`)
	// textMark is a mark written as text at the start of a note: "[1] ",
	// "* ", "† ".
	textMark = regexp.MustCompile(`^(?:\[([\p{L}\p{N}]{1,4})\]|([*†‡]{1,3}))`)
)

// noteWord reports whether a class names a note or a part of one: a token
// with "footnote" or "endnote" in it, but not "has-footnotes".
func noteWord(c string) bool {
	return (strings.Contains(c, "footnote") || strings.Contains(c, "endnote")) &&
		!strings.HasPrefix(c, "has-") && !strings.HasPrefix(c, "no-")
}

// backWord reports whether a class token names a backlink:
// footnote-back, footnote-backref, reversefootnote, mw-cite-backlink.
func backWord(c string) bool {
	return strings.Contains(c, "backref") || strings.Contains(c, "backlink") ||
		noteWord(c) && (strings.Contains(c, "back") || strings.Contains(c, "reverse") || strings.Contains(c, "return"))
}

// refWord reports whether a class token names a reference to a note:
// footnote-ref, MsoFootnoteReference, MsoEndnoteReference.
func refWord(c string) bool {
	return noteWord(c) && strings.Contains(c, "ref") && !backWord(c)
}

// isBacklink reports whether an element is a backlink from a note to its
// reference; by role or class only an inline element is (a container
// named "footnote-backrefs" holds notes).
func isBacklink(tag string, attrs map[string]string, role string, class []string) bool {
	if tag == "a" && backHref.MatchString(strings.TrimSpace(attrs["href"])) {
		return true
	}
	if blocks[tag] {
		return false
	}
	if role == "doc-backlink" {
		return true
	}
	for _, c := range class {
		if backWord(c) {
			return true
		}
	}
	return false
}

// isNoteRef reports whether an element is the reference to a note in the
// body; by role or class only an inline element is (a block with class
// "footnote-references" holds notes).
func isNoteRef(tag string, attrs map[string]string, role string, class []string) bool {
	if tag == "a" && refHref.MatchString(strings.TrimSpace(attrs["href"])) {
		return true
	}
	if blocks[tag] {
		return false
	}
	if role == "doc-noteref" {
		return true
	}
	for _, c := range class {
		if refWord(c) {
			return true
		}
	}
	return false
}

// isNoteAttr reports whether an element's attributes make it a note or a
// block of notes.
func isNoteAttr(tag string, attrs map[string]string, role string, class []string) bool {
	switch role {
	case "doc-footnote", "doc-endnote", "doc-footnotes", "doc-endnotes":
		return true
	}
	for _, t := range strings.Fields(strings.ToLower(attrs["epub:type"])) {
		switch t {
		case "footnote", "footnotes", "endnote", "endnotes", "rearnote", "rearnotes":
			return true
		}
	}
	for _, c := range class {
		if noteWord(c) {
			return true
		}
	}
	// Word's "Save as Web Page": <div style='mso-element:footnote' id=ftn1>
	// in <div style='mso-element:footnote-list'>.
	style := strings.ReplaceAll(strings.ToLower(attrs["style"]), " ", "")
	if strings.Contains(style, "mso-element:footnote") || strings.Contains(style, "mso-element:endnote") {
		return true
	}
	return tag != "a" && blocks[tag] && noteID.MatchString(strings.TrimSpace(attrs["id"]))
}

// holdsNotes reports whether each item of a candidate block (since its
// <hr>, if it has one) holds a backlink.
func (e *elem) holdsNotes() bool {
	n, nb := e.items, e.itemsBack
	if e.dText {
		n++
		if e.dBack {
			nb++
		}
	} else if e.dBack && n == 1 {
		nb = 1 // a backlink after the one block it follows
	}
	return n > 0 && nb == n
}

// rule reads an <hr>: what follows it in its parent is notes if each
// item holds a backlink. Notes read since an earlier <hr> go on.
func (r *reader) rule() {
	p := r.parent(len(r.stack))
	if p.note || p.drop || p.capture {
		return
	}
	p.hr = true
	if p.items == p.itemsBack && (!p.dText || p.dBack) {
		return // only notes (or nothing) so far: they are part of the run
	}
	p.outStart = len(r.out)
	p.items, p.itemsBack, p.dText, p.dBack = 0, 0, false, false
}

// markNotes makes the paragraphs from out[from] on notes.
func (r *reader) markNotes(from int) {
	for i := from; i < len(r.out); i++ {
		if !r.out[i].Note {
			r.out[i].Note = true
			r.noteify(i)
		}
	}
}

// dropFrom drops the paragraphs from out[from] on that are not notes.
func (r *reader) dropFrom(from int) {
	w := from
	for i := from; i < len(r.out); i++ {
		if r.out[i].Note {
			r.out[w], r.meta[w] = r.out[i], r.meta[i]
			w++
		}
	}
	r.out, r.meta = r.out[:w], r.meta[:w]
}

// noteify takes the mark of note out[i] out of its text into Mark: a
// backlink's text at its start, else a leading <sup>, else a "[1]" or "*"
// that starts it, else its list number. The list label is never text.
func (r *reader) noteify(i int) {
	p, m := &r.out[i], r.meta[i]
	cut, mark := m.labelEnd, m.mark
	if mark == "" && m.supEnd > m.supStart {
		if s := normMark(p.Text[m.supStart:m.supEnd]); s != "" {
			mark, cut = s, m.supEnd
		}
	}
	if mark == "" {
		if loc := textMark.FindStringSubmatchIndex(p.Text[cut:]); loc != nil {
			mark = normMark(p.Text[cut+loc[0] : cut+loc[1]])
			cut += loc[1]
		}
	}
	if mark == "" {
		mark = m.labelMark
	}
	p.Mark = mark
	cutFront(p, cut)
}

// cutFront removes the first n bytes of p's text and the white space after
// them, keeping Lines right.
func cutFront(p *extract.Paragraph, n int) {
	if n <= 0 {
		return
	}
	rest := strings.TrimLeftFunc(p.Text[n:], unicode.IsSpace)
	n = len(p.Text) - len(rest)
	line, col := p.Position(n)
	lines := []extract.LineStart{{Off: 0, Line: line, Col: col}}
	for _, ls := range p.Lines {
		if ls.Off > n {
			ls.Off -= n
			lines = append(lines, ls)
		}
	}
	p.Text, p.Lines = rest, lines
	if rest == "" {
		p.Lines = nil
	}
}

// normMark returns s as a note's mark, "[1]" as "1", or "" if s is not one
// (an arrow ↩, ↑ or ^, a word): one to four letters, digits or * † ‡ § ¶ #.
func normMark(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("[]().", r) })
	if n := utf8.RuneCountInString(s); n < 1 || n > 4 {
		return ""
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune("*†‡§¶#", c) {
			return ""
		}
	}
	return s
}
