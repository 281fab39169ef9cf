package lang

import "unicode"

// Letters counts the letters of a text by script, up to a limit: how a
// text's script is told from a sample of it.
type Letters struct {
	// Total counts every letter, Own those in the script the counter was
	// made for.
	Total, Own int
	own        *unicode.RangeTable
	limit      int
	counts     []int // per Scripts
}

// NewLetters returns a counter of at most limit letters that also counts
// those of script own.
func NewLetters(own *unicode.RangeTable, limit int) *Letters {
	return &Letters{own: own, limit: limit, counts: make([]int, len(Scripts))}
}

// Add counts the letters of text, until the limit.
func (l *Letters) Add(text string) {
	for _, r := range text {
		if l.Total >= l.limit {
			return
		}
		if !unicode.IsLetter(r) {
			continue
		}
		l.Total++
		if l.own != nil && unicode.Is(l.own, r) {
			l.Own++
		}
		for i, s := range Scripts {
			if unicode.Is(s.Table, r) {
				l.counts[i]++
				break
			}
		}
	}
}

// Dominant returns the commonest of the Scripts among the letters counted
// and its count; nil when none was one of them.
func (l *Letters) Dominant() (*Script, int) {
	var best *Script
	n := 0
	for i := range Scripts {
		if l.counts[i] > n {
			best, n = &Scripts[i], l.counts[i]
		}
	}
	return best, n
}
