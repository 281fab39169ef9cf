package pdftext

import (
	"strings"

	"github.com/driftcheck/driftcheck/extract"
)

// layout turns the characters of the pages into paragraphs: lines (in
// reading order, columns apart), without running headers, footers and
// other furniture, notes apart and their reference marks out of the body,
// then paragraphs by the paragraph model (see paragraphs.go). Notes follow
// the body. It consumes the pages: their characters are released as soon
// as their lines are built.
func layout(pages []page) []extract.Paragraph {
	lines := make([][]*line, len(pages))
	for i, p := range pages {
		lines[i] = buildLines(i, p)
		pages[i].chars = nil // the lines hold what is needed: free the rest
	}
	dropFurniture(lines)
	dropOverflow(lines)
	bodySize := bodyFontSize(lines)
	var kept []*line
	for _, ls := range lines {
		for _, l := range ls {
			if !l.dropped {
				kept = append(kept, l)
			}
		}
	}
	starts, confirmed := findNotes(lines, bodySize)
	var body, notes []*line
	for _, l := range kept {
		if l.note {
			notes = append(notes, l)
			continue
		}
		removeReferences(l, confirmed)
		if l.text != "" {
			body = append(body, l)
		}
	}
	notePages := map[int]bool{}
	for _, l := range notes {
		notePages[l.page] = true
	}
	m := newModel(body)
	m.measureBlocks(body)
	m.measureFloors(body, notePages)
	out := m.paragraphs(body, wordSet(body))
	return append(out, noteParagraphs(notes, starts, wordSet(body))...)
}

// removeReferences takes the confirmed note references (raised marks) out
// of a body line's text.
func removeReferences(l *line, confirmed map[string]bool) {
	var skip map[int]bool
	for _, s := range l.sups {
		if !confirmed[s.mark] {
			continue
		}
		if skip == nil {
			skip = map[int]bool{}
		}
		for _, g := range s.glyphs {
			skip[g] = true
		}
	}
	if skip != nil {
		l.setText(skip)
	}
}

// noteParagraphs makes one paragraph of each note: from a line that starts
// one to the next, its mark taken off the text and kept as Mark.
func noteParagraphs(ls []*line, starts map[*line]noteStart, words map[string]bool) []extract.Paragraph {
	var out []extract.Paragraph
	var cur []*line
	var mark string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if t := strings.TrimRightFunc(joinLines(cur, words), isBacklink); t != "" {
			out = append(out, extract.Paragraph{Text: t, Page: cur[0].page + 1, Note: true, Mark: mark})
		}
		cur, mark = nil, ""
	}
	for _, l := range ls {
		if st, ok := starts[l]; ok {
			flush()
			mark = st.mark
			c := *l
			rs := []rune(c.text)
			c.text = strings.TrimSpace(string(rs[min(st.strip, len(rs)):]))
			cur = append(cur, &c)
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// isBacklink reports whether r ends a note printed from a web page as its
// link back to the text ("↩"), or is white space before it.
func isBacklink(r rune) bool {
	return r == '↩' || r == '↑' || r == '⤴' || r == '\uFE0E' || r == '\uFE0F' || r == ' '
}

// bodyFontSize is the font size of most characters.
func bodyFontSize(pages [][]*line) float64 {
	count := map[float64]int{}
	best, n := 0.0, -1
	for _, ls := range pages {
		for _, l := range ls {
			if l.dropped {
				continue
			}
			count[l.size] += len(l.spans)
			if count[l.size] > n {
				best, n = l.size, count[l.size]
			}
		}
	}
	return best
}
