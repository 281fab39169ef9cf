package atlas

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
)

// Atlas is the laid-out atlas: what the JSON output holds (its schema is
// docs/atlas.schema.json) and what the page and the CSV show.
type Atlas struct {
	Version int      `json:"version"`
	Sources []Source `json:"sources"`
	// Lines counts the result lines read; LinesWithErrors those with a
	// file error; FinalsWithoutParas the finals of lines that carry no
	// paragraph count (written before the atlas): they are in no rate.
	Lines              int `json:"lines"`
	LinesWithErrors    int `json:"lines_with_errors"`
	FinalsWithoutParas int `json:"finals_without_paras"`

	Langs    []string  `json:"langs"`
	Years    []int     `json:"years"` // 0 is the unknown year
	Concepts []Concept `json:"concepts"`
	// Renderings are one row per (voted concept, final concept, language):
	// the paragraphs where the voted text has the concept and the final
	// renders it so, with the rate among all renderings of the voted
	// concept in that language.
	Renderings []Row `json:"renderings"`
	// Pairs are the contested pairs: a voted concept and an alternative
	// of its group, with the rate of the alternative by year, per
	// language.
	Pairs []Pair `json:"pairs"`
	// Heat is the rate at which each language renders each voted concept
	// by something else than itself (an alternative or nothing).
	Heat []Cell `json:"heat"`
	// Findings are the findings per 100 paragraphs by kind, per language
	// and year.
	Findings []FindingRates `json:"findings"`

	counts *Counts // what it was laid out from (for the CSV)
}

// Source is one input.
type Source struct {
	Path  string `json:"path"`
	Parts int    `json:"parts"`
	Lines int    `json:"lines"`
}

// Concept is a voted concept of the atlas, with its group.
type Concept struct {
	ID    string `json:"id"`
	Group string `json:"group"`
}

// Row is one (voted concept, final concept, language).
type Row struct {
	VotedConcept string `json:"voted_concept"`
	// FinalConcept is the voted one (faithful), an alternative of its
	// group, or "" (not rendered).
	FinalConcept string      `json:"final_concept"`
	Group        string      `json:"group"`
	Lang         string      `json:"lang"`
	Kind         string      `json:"kind"` // "faithful", "alternative" or "not-rendered"
	Count        int         `json:"count"`
	Total        int         `json:"total"` // every rendering of the voted concept in the language
	Rate         float64     `json:"rate"`  // Count / Total
	FirstYear    int         `json:"first_year"`
	LastYear     int         `json:"last_year"`
	ByYear       []Point     `json:"by_year"`
	ByBody       []BodyPoint `json:"by_body"`
	Examples     []Example   `json:"examples"`
}

// Point is a count among a total in a year (0: unknown).
type Point struct {
	Year  int     `json:"year"`
	Count int     `json:"count"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

// BodyPoint is a count among a total in the documents of a body ("":
// unknown).
type BodyPoint struct {
	Body  string  `json:"body"`
	Count int     `json:"count"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

// Pair is a contested pair.
type Pair struct {
	Group        string   `json:"group"`
	VotedConcept string   `json:"voted_concept"`
	Alternative  string   `json:"alternative"`
	Series       []Series `json:"series"`
}

// Series is the rate of a pair's alternative by year in one language
// (the years where the voted text has the concept).
type Series struct {
	Lang   string  `json:"lang"`
	Points []Point `json:"points"`
}

// Cell is one language and voted concept of the heat map.
type Cell struct {
	Lang         string  `json:"lang"`
	VotedConcept string  `json:"voted_concept"`
	Total        int     `json:"total"`
	Other        int     `json:"other"` // rendered as an alternative or not at all
	Rate         float64 `json:"rate"`
}

// FindingRates are the findings of one language and year.
type FindingRates struct {
	Lang   string     `json:"lang"`
	Year   int        `json:"year"`
	Finals int        `json:"finals"`
	Paras  int        `json:"paras"`
	ByKind []KindRate `json:"by_kind"`
}

// KindRate is the findings of one kind.
type KindRate struct {
	Kind   string  `json:"kind"`
	Count  int     `json:"count"`
	Per100 float64 `json:"per_100"`
}

func rate(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// round6 keeps a rate readable in JSON; the counts give it exactly.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// Layout lays the counts out. groups (concept → group, from a lexicon;
// may be nil) adds the concepts of the groups no line rendered, so that
// every contested pair is listed.
func Layout(c *Counts, srcs []Source, groups map[string]string) *Atlas {
	a := &Atlas{Version: 1, Sources: srcs, Lines: c.Lines, LinesWithErrors: c.Errors, FinalsWithoutParas: c.NoParas, counts: c}
	group := map[string]string{}
	for k, g := range groups {
		group[k] = g
	}
	langs, years := map[string]bool{}, map[int]bool{}
	type vl struct{ v, lang string }
	type vly struct {
		v, lang string
		year    int
	}
	type vlb struct{ v, lang, body string }
	total := map[vl]int{}
	totalY := map[vly]int{}
	totalB := map[vlb]int{}
	rows := map[TKey]*Row{}
	byYear := map[TKey]map[int]int{}
	byBody := map[TKey]map[string]int{}
	for k, n := range c.Render {
		group[k.Voted] = k.Group
		if k.Final != "" {
			group[k.Final] = k.Group
		}
		langs[k.Lang], years[k.Year] = true, true
		total[vl{k.Voted, k.Lang}] += n
		totalY[vly{k.Voted, k.Lang, k.Year}] += n
		totalB[vlb{k.Voted, k.Lang, k.Body}] += n
		t := TKey{k.Voted, k.Final, k.Lang}
		r := rows[t]
		if r == nil {
			r = &Row{VotedConcept: k.Voted, FinalConcept: k.Final, Group: k.Group, Lang: k.Lang, FirstYear: k.Year, LastYear: k.Year}
			rows[t] = r
			byYear[t], byBody[t] = map[int]int{}, map[string]int{}
		}
		r.Count += n
		if k.Year != 0 && (r.FirstYear == 0 || k.Year < r.FirstYear) {
			r.FirstYear = k.Year
		}
		r.LastYear = max(r.LastYear, k.Year)
		byYear[t][k.Year] += n
		byBody[t][k.Body] += n
	}
	for k := range c.Finals {
		langs[k.Lang], years[k.Year] = true, true
	}
	a.Langs = sortedKeys(langs, cmp.Compare[string])
	a.Years = sortedKeys(years, cmp.Compare[int])
	for _, t := range sortedKeys(rows, func(x, y TKey) int {
		return cmp.Or(cmp.Compare(x.Voted, y.Voted), cmp.Compare(x.Lang, y.Lang), cmp.Compare(x.Final, y.Final))
	}) {
		r := rows[t]
		r.Total = total[vl{t.Voted, t.Lang}]
		r.Rate = round6(rate(r.Count, r.Total))
		switch {
		case r.FinalConcept == r.VotedConcept:
			r.Kind = "faithful"
		case r.FinalConcept == "":
			r.Kind = "not-rendered"
		default:
			r.Kind = "alternative"
		}
		for _, y := range sortedKeys(byYear[t], cmp.Compare[int]) {
			n, tot := byYear[t][y], totalY[vly{t.Voted, t.Lang, y}]
			r.ByYear = append(r.ByYear, Point{Year: y, Count: n, Total: tot, Rate: round6(rate(n, tot))})
		}
		for _, b := range sortedKeys(byBody[t], cmp.Compare[string]) {
			n, tot := byBody[t][b], totalB[vlb{t.Voted, t.Lang, b}]
			r.ByBody = append(r.ByBody, BodyPoint{Body: b, Count: n, Total: tot, Rate: round6(rate(n, tot))})
		}
		r.Examples = c.Examples[t]
		if r.Examples == nil {
			r.Examples = []Example{}
		}
		a.Renderings = append(a.Renderings, *r)
	}
	// The concepts: every voted concept seen, and every concept of a group
	// that has one.
	seenGroup := map[string]bool{}
	voted := map[string]bool{}
	for k := range c.Render {
		voted[k.Voted] = true
		seenGroup[k.Group] = true
	}
	for _, id := range sortedKeys(group, cmp.Compare[string]) {
		if voted[id] || seenGroup[group[id]] {
			a.Concepts = append(a.Concepts, Concept{ID: id, Group: group[id]})
		}
	}
	slices.SortStableFunc(a.Concepts, func(x, y Concept) int { return cmp.Compare(x.Group, y.Group) })
	// The contested pairs: each voted concept with each other concept of
	// its group.
	for _, v := range a.Concepts {
		if !voted[v.ID] {
			continue
		}
		for _, alt := range a.Concepts {
			if alt.Group != v.Group || alt.ID == v.ID {
				continue
			}
			p := Pair{Group: v.Group, VotedConcept: v.ID, Alternative: alt.ID}
			for _, l := range a.Langs {
				s := Series{Lang: l}
				for _, y := range a.Years {
					tot := totalY[vly{v.ID, l, y}]
					if tot == 0 {
						continue
					}
					n := byYear[TKey{v.ID, alt.ID, l}][y]
					s.Points = append(s.Points, Point{Year: y, Count: n, Total: tot, Rate: round6(rate(n, tot))})
				}
				if len(s.Points) > 0 {
					p.Series = append(p.Series, s)
				}
			}
			if p.Series == nil {
				p.Series = []Series{}
			}
			a.Pairs = append(a.Pairs, p)
		}
	}
	for _, v := range a.Concepts {
		if !voted[v.ID] {
			continue
		}
		for _, l := range a.Langs {
			tot := total[vl{v.ID, l}]
			other := tot
			if r := rows[TKey{v.ID, v.ID, l}]; r != nil {
				other -= r.Count
			}
			a.Heat = append(a.Heat, Cell{Lang: l, VotedConcept: v.ID, Total: tot, Other: other, Rate: round6(rate(other, tot))})
		}
	}
	kinds := map[LYKey]map[string]int{}
	for k, n := range c.Findings {
		ly := LYKey{k.Lang, k.Year}
		if kinds[ly] == nil {
			kinds[ly] = map[string]int{}
		}
		kinds[ly][k.Kind] += n
	}
	for _, ly := range sortedKeys(c.Finals, func(x, y LYKey) int { return cmp.Or(cmp.Compare(x.Lang, y.Lang), cmp.Compare(x.Year, y.Year)) }) {
		fr := FindingRates{Lang: ly.Lang, Year: ly.Year, Finals: c.Finals[ly], Paras: c.Paras[ly], ByKind: []KindRate{}}
		for _, k := range sortedKeys(kinds[ly], cmp.Compare[string]) {
			n := kinds[ly][k]
			fr.ByKind = append(fr.ByKind, KindRate{Kind: k, Count: n, Per100: round6(100 * rate(n, fr.Paras))})
		}
		a.Findings = append(a.Findings, fr)
	}
	// Empty lists, not null, in the JSON.
	if a.Renderings == nil {
		a.Renderings = []Row{}
	}
	if a.Pairs == nil {
		a.Pairs = []Pair{}
	}
	if a.Heat == nil {
		a.Heat = []Cell{}
	}
	if a.Findings == nil {
		a.Findings = []FindingRates{}
	}
	if a.Concepts == nil {
		a.Concepts = []Concept{}
	}
	if a.Sources == nil {
		a.Sources = []Source{}
	}
	return a
}

// WriteJSON writes the atlas as indented JSON.
func (a *Atlas) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
}

// CSVHeader is the header of the CSV.
var CSVHeader = []string{"table", "voted_concept", "final_concept", "group", "lang", "year", "body", "kind", "count", "total", "rate", "per_100", "first_year", "last_year"}

// WriteCSV writes the atlas as CSV: first one row per (voted concept, final
// concept, language, year, body) of the renderings (table "renderings":
// count among total, the renderings of the voted concept in that language,
// year and body; first and last year of the triple), then one row per
// (language, year, kind) of the findings (table "findings": count among
// total paragraphs of the finals, per_100 the findings per 100
// paragraphs). An unknown year or body is an empty cell.
func (a *Atlas) WriteCSV(w io.Writer) error {
	c := a.counts
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	first := map[TKey][2]int{}
	for _, r := range a.Renderings {
		first[TKey{r.VotedConcept, r.FinalConcept, r.Lang}] = [2]int{r.FirstYear, r.LastYear}
	}
	type vlyb struct {
		v, lang string
		year    int
		body    string
	}
	tot := map[vlyb]int{}
	for k, n := range c.Render {
		tot[vlyb{k.Voted, k.Lang, k.Year, k.Body}] += n
	}
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return strconv.Itoa(y)
	}
	for _, k := range sortedKeys(c.Render, func(x, y RKey) int {
		return cmp.Or(cmp.Compare(x.Voted, y.Voted), cmp.Compare(x.Lang, y.Lang), cmp.Compare(x.Final, y.Final), cmp.Compare(x.Year, y.Year), cmp.Compare(x.Body, y.Body))
	}) {
		n, t := c.Render[k], tot[vlyb{k.Voted, k.Lang, k.Year, k.Body}]
		kind := "alternative"
		switch k.Final {
		case k.Voted:
			kind = "faithful"
		case "":
			kind = "not-rendered"
		}
		fl := first[TKey{k.Voted, k.Final, k.Lang}]
		cw.Write([]string{"renderings", k.Voted, k.Final, k.Group, k.Lang, year(k.Year), k.Body, kind,
			strconv.Itoa(n), strconv.Itoa(t), ftoa(rate(n, t)), "", year(fl[0]), year(fl[1])})
	}
	for _, f := range a.Findings {
		for _, k := range f.ByKind {
			cw.Write([]string{"findings", "", "", "", f.Lang, year(f.Year), "", k.Kind,
				strconv.Itoa(k.Count), strconv.Itoa(f.Paras), "", ftoa(k.Per100), "", ""})
		}
	}
	cw.Flush()
	return cw.Error()
}

func ftoa(x float64) string { return strconv.FormatFloat(round6(x), 'f', -1, 64) }
