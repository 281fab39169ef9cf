package pdftext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// reNoteMark matches the mark at the start of a note: "1", "12", "*",
// "**", "†", "a", with an optional full stop or parenthesis ("1." in the
// endnote lists web pages print).
var reNoteMark = regexp.MustCompile(`^(?:(\d{1,3}|[a-z])[.)]?(?:\s|$)|(\*{1,3}|[†‡§¶]{1,2})[.)]?\s?)`)

// noteMark returns the mark at the start of s and how many bytes of s
// it and the space after it take, or "".
func noteMark(s string) (string, int) {
	// "1谨随函转递…": digits glued to Chinese text.
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[n:]); isCJKStrict(r) {
			return s[:n], n
		}
		if s[n] == '.' && n+1 < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[n+1:]); isCJKStrict(r) {
				return s[:n], n + 1 // "1.谨随函转递…", an endnote list
			}
		}
	}
	m := reNoteMark.FindStringSubmatch(s)
	switch {
	case m == nil:
		return "", 0
	case m[1] != "":
		return m[1], len(m[0])
	}
	return m[2], len(m[0])
}

// noteStart is what findNotes learns of a line that starts a note.
type noteStart struct {
	mark  string
	strip int // runes of the line's text that are the mark (and its space)
}

// findNotes marks footnote and endnote lines and returns the lines that
// start a note, with their marks, and the marks confirmed as references.
//
// A note starts at a line of the body region that begins with a mark the
// body has used as a superscript reference above it (on that page, or
// earlier for endnotes), when the line is in a smaller type, its mark is
// raised, a tab follows the mark, a wide gap sets it apart from the text
// above, or later lines start with the other pending marks. From there to the foot of the page every line is a note
// (the lines of one note, or the next note when a line starts with the
// next mark), in its column on a two-column page, and so is every later
// line in the notes' smaller type (endnotes a browser balanced over two
// columns). Notes whose references cannot be seen (no superscripts)
// are found as before: lines in a smaller type below the last body line
// of a page, when the first starts with a mark.
func findNotes(pages [][]*line, bodySize float64) (map[*line]noteStart, map[string]bool) {
	starts := map[*line]noteStart{}
	confirmed := map[string]bool{}
	pending := map[string]bool{}
	carry := false      // the notes of the previous page ran to its foot
	unfinished := false // and the last of them did not end a sentence
	// later[pi] holds the kept lines of the pages after page pi: a
	// suffix of the kept lines of the document.
	var kept []*line
	after := make([]int, len(pages)) // kept lines up to the end of each page
	for pi, all := range pages {
		for _, l := range all {
			if !l.dropped {
				kept = append(kept, l)
			}
		}
		after[pi] = len(kept)
	}
	later := make([][]*line, len(pages))
	for pi := range pages {
		later[pi] = kept[after[pi]:]
	}
	for pi, all := range pages {
		var ls []*line
		for _, l := range all {
			if !l.dropped {
				ls = append(ls, l)
			}
		}
		k := -1
		var first noteStart
		for i, l := range ls {
			if st, ok := startsNote(l, pending, bodySize); ok {
				if l.size < noteSize*bodySize || st.lead || st.tab || i == 0 && carry ||
					sequence(ls[i:], later[pi], pending) >= noteRun {
					k, first = i, st.noteStart
					break
				}
			}
			if i == 0 && carry && l.size < noteSize*bodySize {
				k = 0 // a note continued from the page before
				break
			}
			// Not a note: its raised marks are references, even one at
			// the start of a line (the line broke right before it).
			for _, s := range l.sups {
				pending[s.mark] = true
			}
		}
		if k < 0 {
			k, first = smallTail(ls, bodySize)
		}
		if unfinished {
			// The note that ended the page before goes on at the foot of
			// this one, in the notes' type, without a mark.
			if c := continuedNote(ls, bodySize); c >= 0 && (k < 0 || c < k) {
				k, first = c, noteStart{}
			}
		}
		carry, unfinished = false, false
		if k < 0 {
			continue
		}
		if first.mark != "" {
			starts[ls[k]] = first
			confirmed[first.mark] = true
			delete(pending, first.mark)
		}
		top := ls[k]
		for _, l := range ls[k:] {
			// The notes are below their first line, in its column (or
			// across the page); the other column's text beside them is
			// body.
			small := l.size < noteSize*bodySize && top.size < noteSize*bodySize
			if !small && (l.base > top.base+noteReach*top.size || top.col >= 0 && l.col >= 0 && l.col != top.col) {
				continue
			}
			l.note = true
			if l == top {
				continue
			}
			if st, ok := startsNote(l, pending, bodySize); ok {
				starts[l] = st.noteStart
				confirmed[st.mark] = true
				delete(pending, st.mark)
			}
		}
		carry = true
		for i := len(ls) - 1; i >= k; i-- {
			if ls[i].note {
				unfinished = !strings.ContainsRune(".!?。！？؟…", lastRune(strings.TrimRight(ls[i].text, ")\"”»")))
				break
			}
		}
	}
	return starts, confirmed
}

type noteEvidence struct {
	noteStart
	lead bool // the mark is raised
	tab  bool // a tab-wide gap follows the mark
}

// startsNote reports whether l begins with one of the pending marks.
func startsNote(l *line, pending map[string]bool, bodySize float64) (noteEvidence, bool) {
	if len(l.sups) > 0 && l.sups[0].lead && pending[l.sups[0].mark] {
		n := utf8.RuneCountInString(l.sups[0].mark)
		if rs := []rune(l.text); n < len(rs) && rs[n] == ' ' {
			n++
		}
		return noteEvidence{noteStart{l.sups[0].mark, n}, true, false}, true
	}
	mark, end := noteMark(l.text)
	if mark == "" || !pending[mark] {
		return noteEvidence{}, false
	}
	n := utf8.RuneCountInString(l.text[:end])
	mk := utf8.RuneCountInString(mark)
	tab := false
	// A tab after the mark itself ("1⇥text"), not after "1." (a label).
	// (Nor after "1 -", the label of an Arabic paragraph.)
	if rs := []rune(l.text); mk < len(rs) && mk < len(l.spans) && rs[mk] != '.' && rs[mk] != ')' {
		next := mk
		for next < len(rs) && rs[next] == ' ' {
			next++
		}
		if next < len(l.spans) && rs[next] != '-' && rs[next] != '–' {
			a, b := l.spans[mk-1], l.spans[next]
			gap := b.l - a.r
			if l.rtl {
				gap = a.l - b.r
			}
			tab = gap > markGap*l.size
		}
	}
	return noteEvidence{noteStart{mark, n}, false, tab}, true
}

// sequence counts the pending marks that start lines of ls, in turn:
// endnotes in the body's type are told from paragraphs by their run of
// marks, 1, 2, 3 at the heads of lines after the body (ls, then the rest
// of the document). A line that starts
// with a mark no reference used (an operative paragraph's number that
// runs on past the notes) means ls is not a run of notes: 0.
func sequence(ls, rest []*line, pending map[string]bool) int {
	seen := map[string]bool{}
	for i := range len(ls) + len(rest) {
		var l *line
		if i < len(ls) {
			l = ls[i]
		} else {
			l = rest[i-len(ls)]
		}
		mark := ""
		if len(l.sups) > 0 && l.sups[0].lead {
			mark = l.sups[0].mark
		} else {
			mark, _ = noteMark(l.text)
		}
		switch {
		case mark == "":
		case pending[mark] && !seen[mark]:
			seen[mark] = true
		default:
			return 0
		}
	}
	return len(seen)
}

// continuedNote returns the first of the lines in a smaller type after
// the last line in the body type, when it starts with no mark: the rest of
// a note from the page before. Else -1.
func continuedNote(ls []*line, bodySize float64) int {
	last := -1
	for i, l := range ls {
		if l.size >= noteSize*bodySize {
			last = i
		}
	}
	if last < 0 || last+1 >= len(ls) {
		return -1
	}
	l := ls[last+1]
	if mark, _ := noteMark(l.text); mark != "" || len(l.sups) > 0 && l.sups[0].lead {
		return -1
	}
	return last + 1
}

// smallTail finds the notes of a page whose references are not raised:
// the lines in a smaller type after the last line in the body type, when
// the first of them starts with a mark.
func smallTail(ls []*line, bodySize float64) (int, noteStart) {
	last := -1
	for i, l := range ls {
		if l.size >= noteSize*bodySize {
			last = i
		}
	}
	if last < 0 || last+1 >= len(ls) {
		return -1, noteStart{}
	}
	l := ls[last+1]
	if mark, end := noteMark(l.text); mark != "" {
		return last + 1, noteStart{mark, utf8.RuneCountInString(l.text[:end])}
	}
	if len(l.sups) > 0 && l.sups[0].lead {
		return last + 1, noteStart{l.sups[0].mark, utf8.RuneCountInString(l.sups[0].mark)}
	}
	return -1, noteStart{}
}
