// Package scale builds large documents from the UNPC devset for timing
// whole checks at scale (see gen, which writes them as files). The
// documents are not committed: they are made again from the devset and a
// seed.
package scale

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"

	"github.com/driftcheck/driftcheck/internal/corpus"
)

type para struct{ en, zh, fr string }

// Texts are a voted English text and its finals, one paragraph a block
// (paragraphs apart by a blank line), and the edits made in the finals.
type Texts struct {
	En, Zh, Fr string
	Edits      map[string]int
	// Voted and Final are the paragraphs of each.
	Voted, Final int
}

// Generate builds a voted text of n paragraphs from docs and its finals in
// Chinese and French. The devset's documents are taken in an order
// shuffled with seed, as many times over as n paragraphs need. Each final
// departs from the voted text where a translation would: about one voted
// paragraph in 200 dropped, one final paragraph in 200 inserted (a devset
// line from elsewhere), one in 300 merged with the one before, one in 500
// moved 3 to 40 paragraphs later, and one in 100 with a number changed.
// The same edits are made in both finals. With maxLen > 0, only the devset
// lines of at most maxLen bytes in each language are taken: the checker
// reads at most 20 million characters a file, and 200,000 paragraphs fit
// only when short.
func Generate(docs []*corpus.Doc, n int, seed uint64, maxLen int) Texts {
	rng := rand.New(rand.NewPCG(seed, 0x5ca1e))
	line := func(d *corpus.Doc, k int) (para, bool) {
		p := para{strings.TrimSpace(d.Lines["en"][k]), strings.TrimSpace(d.Lines["zh"][k]), strings.TrimSpace(d.Lines["fr"][k])}
		short := maxLen <= 0 || len(p.en) <= maxLen && len(p.zh) <= maxLen && len(p.fr) <= maxLen
		return p, p.en != "" && p.zh != "" && p.fr != "" && short
	}
	var pool []para
	for _, d := range docs {
		for k := range d.Lines["en"] {
			if p, ok := line(d, k); ok {
				pool = append(pool, p)
			}
		}
	}
	var voted []para
	for len(voted) < n {
		for _, i := range rng.Perm(len(docs)) {
			for k := range docs[i].Lines["en"] {
				if p, ok := line(docs[i], k); ok && len(voted) < n {
					voted = append(voted, p)
				}
			}
		}
	}
	type move struct {
		at int
		p  para
	}
	final := make([]para, 0, len(voted))
	var moves []move
	edits := map[string]int{}
	for i, p := range voted {
		for len(moves) > 0 && moves[0].at == i {
			final = append(final, moves[0].p)
			moves = moves[1:]
		}
		switch r := rng.IntN(1000); {
		case r < 5:
			edits["dropped"]++
			continue
		case r < 10:
			edits["inserted"]++
			final = append(final, pool[rng.IntN(len(pool))])
		case r < 12 && i+40 < len(voted):
			edits["moved"]++
			at := i + 3 + rng.IntN(38)
			k := 0
			for k < len(moves) && moves[k].at <= at {
				k++
			}
			moves = append(moves[:k], append([]move{{at, p}}, moves[k:]...)...)
			continue
		case r < 15 && len(final) > 0:
			edits["merged"]++
			last := &final[len(final)-1]
			last.zh += p.zh
			last.fr += " " + p.fr
			continue
		case r < 25:
			if q, ok := changeNumber(p); ok {
				edits["number"]++
				p = q
			}
		}
		final = append(final, p)
	}
	for _, m := range moves {
		final = append(final, m.p)
	}
	join := func(ps []para, get func(para) string) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(get(p))
			b.WriteString("\n\n")
		}
		return b.String()
	}
	return Texts{
		En:    join(voted, func(p para) string { return p.en }),
		Zh:    join(final, func(p para) string { return p.zh }),
		Fr:    join(final, func(p para) string { return p.fr }),
		Edits: edits, Voted: len(voted), Final: len(final),
	}
}

var digits = regexp.MustCompile(`[0-9]+`)

// changeNumber changes the first number written in digits in all three
// languages alike, where each has it: the finals then say another number
// than the voted text.
func changeNumber(p para) (para, bool) {
	m := digits.FindString(p.en)
	if m == "" || !strings.Contains(p.zh, m) || !strings.Contains(p.fr, m) {
		return p, false
	}
	v, _ := strconv.Atoi(m)
	w := strconv.Itoa(v + 1)
	p.zh = strings.Replace(p.zh, m, w, 1)
	p.fr = strings.Replace(p.fr, m, w, 1)
	return p, true
}
