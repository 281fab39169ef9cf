package drift_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/corpus"
)

// reorder returns text (paragraphs separated by blank lines) with the
// paragraphs starting with from and to exchanged, or, with move, the one
// starting with from taken out and put back after the one starting with to.
func reorder(t *testing.T, text, from, to string, move bool) string {
	t.Helper()
	ps := strings.Split(strings.TrimSpace(text), "\n\n")
	find := func(prefix string) int {
		for i, p := range ps {
			if strings.HasPrefix(p, prefix) {
				return i
			}
		}
		t.Fatalf("no paragraph starts with %q", prefix)
		return -1
	}
	i, j := find(from), find(to)
	if !move {
		ps[i], ps[j] = ps[j], ps[i]
		return strings.Join(ps, "\n\n")
	}
	p := ps[i]
	ps = slices.Delete(ps, i, i+1)
	j = find(to)
	ps = slices.Insert(ps, j+1, p)
	return strings.Join(ps, "\n\n")
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// extra returns the findings of got that want has not (by kind, severity
// and paragraphs), and the number of want's findings missing from got.
func extra(got, want []drift.Finding) (more []drift.Finding, fewer int) {
	key := func(f drift.Finding) string {
		return string(f.Kind) + "/" + f.Severity.String() + " " + f.VotedTerm + f.FinalTerm
	}
	left := map[string]int{}
	for _, f := range want {
		left[key(f)]++
	}
	for _, f := range got {
		if left[key(f)] > 0 {
			left[key(f)]--
			continue
		}
		more = append(more, f)
	}
	for _, n := range left {
		fewer += n
	}
	return more, fewer
}

// TestMoved checks that paragraphs moved or swapped in a final text are
// paragraph-moved (warning) naming both positions, and that the moved
// paragraph is still compared with its translation: the findings are
// those of the final text in order, plus the moves.
func TestMoved(t *testing.T) {
	en := readFile(t, "../testdata/founding/L36.en.txt")
	zh := readFile(t, "../testdata/founding/RES.zh.txt")
	enX := readFile(t, "../testdata/founding/L36.excerpt.en.txt")
	tests := []struct {
		desc, voted, final, code string
		from, to                 string
		move                     bool
		want                     string // the moves: voted|final paragraph
	}{
		{"zh: two neighbours swapped", en, zh, "zh", "2．", "3．", false, "OP3|OP3"},
		{"zh: two paragraphs five apart swapped", en, zh, "zh", "回顾大会", "确认在一个", false, "PP3|PP8 PP8|PP3"},
		{"zh: a paragraph moved three places on", en, zh, "zh", "1．", "4．", true, "OP1|OP5"}, // "1．" after "4．" is numbered on: OP5
		{"fr: two operative paragraphs swapped", enX, readFile(t, "../testdata/languages/RES.excerpt.fr.txt"), "fr", "1. ", "2. ", false, "OP2|OP2"},
		{"ru: two operative paragraphs swapped", enX, readFile(t, "../testdata/languages/RES.excerpt.ru.txt"), "ru", "1. ", "2. ", false, "OP2|OP2"},
		{"ar: two operative paragraphs swapped", enX, readFile(t, "../testdata/languages/RES.excerpt.ar.txt"), "ar", "1-", "2-", false, "OP2|OP2"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			base := checkLang(t, tt.voted, tt.final, tt.code)
			got := checkLang(t, tt.voted, reorder(t, tt.final, tt.from, tt.to, tt.move), tt.code)
			more, fewer := extra(got, base)
			var moves []string
			for _, f := range more {
				if f.Kind != drift.ParagraphMoved || f.Severity != drift.Warning {
					t.Errorf("finding %s/%s %s|%s: %s, not in the final text in order", f.Kind, f.Severity, f.Voted.Para, f.Final.Para, f.Message)
					continue
				}
				moves = append(moves, f.Voted.Para+"|"+f.Final.Para)
			}
			if strings.Join(moves, " ") != tt.want {
				t.Errorf("moves %q, want %q\n%s", strings.Join(moves, " "), tt.want, describe(got))
			}
			if fewer > 0 {
				t.Errorf("%d findings of the final text in order are gone\nin order:\n%s\nmoved:\n%s", fewer, describe(base), describe(got))
			}
		})
	}
}

// TestMovedLongDocument moves two paragraphs of a long document (400
// paragraphs of the UNPC devset, English against French), far apart, and
// checks that the findings are those of the final text in order plus the
// two moves: the paragraphs around each move are aligned again without
// it, and every other pair is kept, to the end of the document. A number
// is added to every fiftieth final paragraph, so that the findings reach
// from the start to the end.
func TestMovedLongDocument(t *testing.T) {
	var en, fr []string
	for _, d := range corpus.DevsetOrSkip(t) {
		for k := range d.Lines["en"] {
			e, f := strings.TrimSpace(d.Lines["en"][k]), strings.TrimSpace(d.Lines["fr"][k])
			if e != "" && f != "" && len(en) < 400 {
				en, fr = append(en, e), append(fr, f)
			}
		}
	}
	for i := 25; i < len(fr); i += 50 {
		fr[i] += " (1977)"
	}
	// A paragraph that moved is found by what it shares with its
	// translation (here two numbers or more, the same in both), as in
	// TestMoved.
	movable := func(from int) int {
		for i := from; i < len(en); i++ {
			shared := 0
			for _, n := range twoDigits.FindAllString(en[i], -1) {
				if strings.Contains(fr[i], n) {
					shared++
				}
			}
			ne, nf := len(twoDigits.FindAllString(en[i], -1)), len(twoDigits.FindAllString(fr[i], -1))
			if shared >= 2 && shared == ne && ne == nf && !twoDigits.MatchString(en[i][:2]) {
				return i
			}
		}
		t.Fatalf("no paragraph from %d with a number", from)
		return -1
	}
	a, b := movable(60), movable(330)
	moved := slices.Clone(fr)
	for _, m := range [][2]int{{a, a + 6}, {b, b - 6}} { // from, to
		p := moved[m[0]]
		moved = slices.Insert(slices.Delete(moved, m[0], m[0]+1), m[1], p)
	}
	voted := strings.Join(en, "\n\n")
	base := checkLang(t, voted, strings.Join(fr, "\n\n"), "fr")
	got := checkLang(t, voted, strings.Join(moved, "\n\n"), "fr")
	more, fewer := extra(got, base)
	var moves []string
	for _, f := range more {
		if f.Kind != drift.ParagraphMoved {
			t.Errorf("finding %s/%s %s|%s: %s, not in the final text in order", f.Kind, f.Severity, f.Voted.Para, f.Final.Para, f.Message)
			continue
		}
		moves = append(moves, f.Voted.Para+"|"+f.Final.Para)
	}
	if want := fmt.Sprintf("P%d|P%d P%d|P%d", a+1, a+7, b+1, b-5); strings.Join(moves, " ") != want {
		t.Errorf("moves %q, want %q", strings.Join(moves, " "), want)
	}
	if fewer > 0 {
		t.Errorf("%d findings of the final text in order are gone\nin order:\n%s\nmoved:\n%s", fewer, describe(base), describe(got))
	}
	if n := len(base); n < 8 {
		t.Errorf("%d findings in order, want one at least for each number added", n)
	}
}

var twoDigits = regexp.MustCompile(`[0-9][0-9]+`)
