package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sort"
	"strings"

	language "github.com/driftcheck/driftcheck/lang"

	"github.com/driftcheck/driftcheck/diff"
	"github.com/driftcheck/driftcheck/drift"
)

// row is one line of the side-by-side table: a voted paragraph (or none,
// for paragraphs the finals added) and the final paragraphs paired with it.
type row struct {
	voted  int     // index into View.Voted.Paras, -1 for an added paragraph
	finals [][]int // per final, indices into its Paras
	merged []bool  // per final: the final paragraph is shown in the row above
	key    string  // the row's label: a voted id, or "+id" for an added one
}

func buildRows(v *View) []*row {
	n := len(v.Voted.Paras)
	rows := make([]*row, n)
	for i := range rows {
		rows[i] = &row{voted: i, finals: make([][]int, len(v.Finals)), merged: make([]bool, len(v.Finals)), key: v.Voted.Paras[i].ID}
	}
	added := map[int][]*row{} // after voted index (-1: before the first)
	for k, f := range v.Finals {
		last := -1
		for _, p := range f.Pairs {
			if len(p.A) == 0 {
				r := &row{voted: -1, finals: make([][]int, len(v.Finals)), merged: make([]bool, len(v.Finals))}
				r.finals[k] = p.B
				var ids []string
				for _, j := range p.B {
					ids = append(ids, f.Paras[j].ID)
				}
				r.key = "+" + strings.Join(ids, "+") + " (" + f.Lang + ")"
				added[last] = append(added[last], r)
				continue
			}
			for x, i := range p.A {
				if x == 0 {
					rows[i].finals[k] = p.B
				} else {
					rows[i].merged[k] = true
				}
			}
			last = p.A[len(p.A)-1]
		}
	}
	var out []*row
	out = append(out, added[-1]...)
	for i := 0; i < n; i++ {
		out = append(out, rows[i])
		out = append(out, added[i]...)
	}
	return out
}

type mark struct {
	start, end int
	class      string
	title      string
	id         string // finding anchor this mark belongs to
}

// segment is a piece of a text cell: plain text (Tag ""), or a mark, a
// deletion or an insertion with its class, title and finding ids.
type segment struct {
	Tag, Class, Title, ID string
	Text                  string
}

// markText cuts text into plain and marked segments, dropping a mark that
// overlaps an earlier, more important one (findings before terms).
func markText(text string, ms []mark) []segment {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].id != "" && ms[j].id == ""
	})
	// Findings of several finals on one voted span share one mark.
	var merged []mark
	for _, m := range ms {
		if n := len(merged); n > 0 && m.id != "" && merged[n-1].id != "" && merged[n-1].start == m.start && merged[n-1].end == m.end {
			merged[n-1].id += " " + m.id
			if sevRank(m.class) > sevRank(merged[n-1].class) {
				merged[n-1].class = m.class
			}
			continue
		}
		merged = append(merged, m)
	}
	var out []segment
	pos := 0
	for _, m := range merged {
		if m.start < pos || m.end > len(text) || m.start >= m.end {
			continue
		}
		out = append(out, segment{Text: text[pos:m.start]},
			segment{Tag: "mark", Class: m.class, Title: m.title, ID: m.id, Text: text[m.start:m.end]})
		pos = m.end
	}
	return append(out, segment{Text: text[pos:]})
}

func sevRank(class string) int {
	switch {
	case strings.Contains(class, "sev-error"):
		return 3
	case strings.Contains(class, "sev-warning"):
		return 2
	case strings.Contains(class, "sev-info"):
		return 1
	}
	return 0
}

// diffSegments renders a same-language pair as the final text with the
// changes in place: deletions struck through, insertions underlined.
func diffSegments(a, b string, ops []diff.Op, id string) []segment {
	var out []segment
	if len(ops) > 0 {
		out = append(out, segment{Text: b[:ops[0].B0]})
	}
	for _, op := range ops {
		if op.Kind == diff.Equal {
			out = append(out, segment{Text: a[op.A0:op.A1]})
			continue
		}
		cls := "chg"
		if op.Editorial {
			cls = "chg editorial"
		}
		if op.A1 > op.A0 {
			out = append(out, segment{Tag: "del", Class: cls, ID: id, Text: a[op.A0:op.A1]})
		}
		if op.B1 > op.B0 {
			out = append(out, segment{Tag: "ins", Class: cls, ID: id, Text: b[op.B0:op.B1]})
		}
	}
	return out
}

// rtl reports whether text in a language is written right to left.
func rtl(code string) bool { return language.RTL(code) }

// dirOf is the dir attribute of a text in lang.
func dirOf(lang string) string {
	if rtl(lang) {
		return "rtl"
	}
	return "ltr"
}

func sevClass(s drift.Severity) string { return "sev-" + s.String() }

// placed is a finding with its anchor id, its row and its final's index.
type placed struct {
	F   drift.Finding
	ID  string
	row *row
	k   int
}

// cell is one cell of the side-by-side table: a note (an empty cell) or
// the paragraphs shown in it, one after the other.
type cell struct {
	Lang  string   // lang and dir attributes; none when ""
	Class string   // class attribute
	IDs   []string // the findings that mark the whole cell (data-f)
	Note  string
	Parts [][]segment
}

// pageRow is one row of both tables: the summary shows the rows with
// findings.
type pageRow struct {
	Index    int
	Key      string
	Voted    cell
	Cells    []cell     // per final
	Findings []placed   // in report order
	ByFinal  [][]placed // Findings by final
}

// filterBox is one checkbox of the filters.
type filterBox struct{ Name, Value string }

// htmlPage is what html.tmpl shows.
type htmlPage struct {
	Voted           Doc
	Finals          []Doc
	N               int // findings
	Err, Warn, Info int
	Hidden          int
	Suppressed      int
	Level           drift.Severity
	Errors          []InputError
	Warnings        []string
	Severities      []string
	Kinds, Langs    []string
	Rows            []pageRow
	Columns         int // of a findings row: the voted text and each final
	Orphans         []placed
	CSS             template.CSS
	JS              template.JS
}

//go:embed html.tmpl
var htmlTemplate string

var htmlPageTemplate = template.Must(template.New("html").Funcs(template.FuncMap{
	"base":     filepath.Base,
	"dir":      dirOf,
	"sevClass": sevClass,
	"scoreOf":  scoreString,
	"join":     func(ids []string) string { return strings.Join(ids, " ") },
	"filter":   func(name, value string) filterBox { return filterBox{name, value} },
}).Parse(htmlTemplate))

// HTML writes one self-contained HTML page: a summary table (paragraph ×
// language) linking to every finding, filters by severity, kind and
// language that work without a server, and the voted text beside each final
// text, paragraph by aligned paragraph, with lexicon terms marked, drifted
// terms highlighted by severity and same-language changes shown in place.
// Arabic is laid out right to left. No external font, script or style.
func HTML(w io.Writer, in Input) error {
	return htmlPageTemplate.Execute(w, newPage(in))
}

// newPage lays the findings out on the page: which row each belongs to,
// and what each cell shows.
func newPage(in Input) *htmlPage {
	v := in.View
	if v == nil {
		v = &View{Voted: DocView{Doc: in.Voted}}
		for _, f := range in.Finals {
			v.Finals = append(v.Finals, FinalView{DocView: DocView{Doc: f}})
		}
	}
	rows := buildRows(v)
	finalIdx := map[string]int{}
	for k, f := range v.Finals {
		finalIdx[f.Path] = k
	}
	// Which row each finding belongs to: the row of its voted paragraph,
	// or of the final paragraph it added (the first of each), found in a
	// map, not by a scan of the rows for each finding (quadratic in a
	// long text).
	votedRow := map[string]*row{}
	addedRow := make([]map[string]*row, len(v.Finals))
	for k := range addedRow {
		addedRow[k] = map[string]*row{}
	}
	for _, r := range rows {
		if r.voted >= 0 {
			if id := v.Voted.Paras[r.voted].ID; votedRow[id] == nil {
				votedRow[id] = r
			}
			continue
		}
		for k, js := range r.finals {
			for _, j := range js {
				if id := v.Finals[k].Paras[j].ID; addedRow[k][id] == nil {
					addedRow[k][id] = r
				}
			}
		}
	}
	var all []placed
	byRow := map[*row][]placed{}
	for n, f := range in.Findings {
		pl := placed{F: f, ID: fmt.Sprintf("f-%d", n+1), k: finalIdx[f.Final.Path]}
		if f.Voted.Para != "" {
			pl.row = votedRow[f.Voted.Para]
		} else if pl.k < len(addedRow) {
			pl.row = addedRow[pl.k][f.Final.Para]
		}
		all = append(all, pl)
		if pl.row != nil {
			byRow[pl.row] = append(byRow[pl.row], pl)
		}
	}

	pg := &htmlPage{
		Voted: v.Voted.Doc, N: len(in.Findings), Suppressed: in.Suppressed, Level: in.Level,
		Errors: in.Errors, Warnings: in.Warnings, Columns: len(v.Finals) + 1,
		CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Hidden: in.Hidden[drift.Info] + in.Hidden[drift.Warning] + in.Hidden[drift.Error],
	}
	kinds := map[string]bool{}
	for _, f := range in.Findings {
		switch f.Severity {
		case drift.Error:
			pg.Err++
		case drift.Warning:
			pg.Warn++
		case drift.Info:
			pg.Info++
		}
		kinds[string(f.Kind)] = true
	}
	for _, s := range []drift.Severity{drift.Error, drift.Warning, drift.Info} {
		pg.Severities = append(pg.Severities, s.String())
	}
	for _, k := range drift.Kinds {
		if kinds[string(k.Kind)] {
			pg.Kinds = append(pg.Kinds, string(k.Kind))
		}
	}
	seenLang := map[string]bool{}
	for _, f := range v.Finals {
		pg.Finals = append(pg.Finals, f.Doc)
		if !seenLang[f.Lang] {
			seenLang[f.Lang] = true
			pg.Langs = append(pg.Langs, f.Lang)
		}
	}
	for ri, r := range rows {
		pr := pageRow{Index: ri, Key: r.key, Findings: byRow[r], ByFinal: make([][]placed, len(v.Finals))}
		for _, pl := range pr.Findings {
			pr.ByFinal[pl.k] = append(pr.ByFinal[pl.k], pl)
		}
		pr.Voted = votedCell(v, r, pr.Findings)
		for k := range v.Finals {
			pr.Cells = append(pr.Cells, finalCell(v, r, k, pr.Findings))
		}
		pg.Rows = append(pg.Rows, pr)
	}
	// Findings with no paragraph row (should not happen) are still listed.
	for _, pl := range all {
		if pl.row == nil {
			pg.Orphans = append(pg.Orphans, pl)
		}
	}
	return pg
}

// votedCell is the voted paragraph of a row, its terms and drifted spans
// marked.
func votedCell(v *View, r *row, pls []placed) cell {
	if r.voted < 0 {
		return cell{Class: "empty", Note: "—"}
	}
	pv := v.Voted.Paras[r.voted]
	var ms []mark
	for _, t := range pv.Terms {
		ms = append(ms, mark{t.Start, t.End, "term", t.Concept, ""})
	}
	for _, pl := range pls {
		if pl.F.Voted.Para == pv.ID && pl.F.Voted.Start >= 0 && len(pl.F.Ops) == 0 {
			ms = append(ms, mark{pl.F.Voted.Start, pl.F.Voted.End, "drift " + sevClass(pl.F.Severity), string(pl.F.Kind), pl.ID})
		}
	}
	return cell{Lang: v.Voted.Lang, Class: "text", Parts: [][]segment{markText(pv.Text, ms)}}
}

// finalCell is what final k has in a row: its paragraphs, marked or with
// the changes in place, or a note that it has none.
func finalCell(v *View, r *row, k int, pls []placed) cell {
	f := v.Finals[k]
	if r.merged[k] {
		return cell{Lang: f.Lang, Class: "empty", Note: "(with the paragraph above)"}
	}
	if len(r.finals[k]) == 0 {
		// A voted paragraph this final lacks: the final's cell says so.
		var missing []string
		sev := drift.Severity(0)
		for _, pl := range pls {
			if pl.k == k && pl.F.Kind == drift.ParagraphMissing {
				missing = append(missing, pl.ID)
				sev = max(sev, pl.F.Severity)
			}
		}
		if len(missing) > 0 {
			return cell{Lang: "en", Class: "empty missing " + sevClass(sev), IDs: missing, Note: "missing from the " + f.Lang + " text"}
		}
		return cell{Lang: f.Lang, Class: "empty", Note: "—"}
	}
	c := cell{Lang: f.Lang, Class: "text"}
	for _, j := range r.finals[k] {
		fp := f.Paras[j]
		var ms []mark
		var ops *placed
		for _, t := range fp.Terms {
			ms = append(ms, mark{t.Start, t.End, "term", t.Concept, ""})
		}
		for x := range pls {
			pl := pls[x]
			if pl.k != k || pl.F.Final.Para != fp.ID {
				continue
			}
			if len(pl.F.Ops) > 0 {
				ops = &pls[x]
				continue
			}
			if pl.F.Final.Start >= 0 {
				ms = append(ms, mark{pl.F.Final.Start, pl.F.Final.End, "drift " + sevClass(pl.F.Severity), string(pl.F.Kind), pl.ID})
			}
			if pl.F.Kind == drift.ParagraphAdded {
				c.Class = "text added " + sevClass(pl.F.Severity)
				c.IDs = append(c.IDs, pl.ID)
			}
		}
		if ops != nil {
			c.Parts = append(c.Parts, diffSegments(ops.F.Voted.Text, fp.Text, ops.F.Ops, ops.ID))
		} else {
			c.Parts = append(c.Parts, markText(fp.Text, ms))
		}
	}
	return c
}

const htmlCSS = `
:root { --err: #b00020; --warn: #9a6700; --info: #0b5cad; --term: #e8f0fe; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", sans-serif; margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
.path { color: #666; font-weight: normal; font-size: .85em; }
.counts { font-weight: 600; }
.not-checked { border: 2px solid var(--err); background: #fdecee; color: var(--err); padding: .4rem .8rem; margin: .5rem 0; }
.input-warning { color: var(--warn); font-weight: 600; }
fieldset { display: inline-block; border: 1px solid #ccc; margin: 0 .6rem .6rem 0; padding: .2rem .6rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: start; }
table.summary td, table.summary th { width: auto; }
table.sbs td.text { width: 40%; }
td[dir=rtl] { text-align: right; }
mark.term { background: var(--term); border-bottom: 1px dotted #5b7fc7; }
mark.drift { color: #fff; border-radius: 2px; padding: 0 .1em; }
mark.sev-error { background: var(--err); } mark.sev-warning { background: var(--warn); } mark.sev-info { background: var(--info); }
mark.off { background: none; color: inherit; }
td.off { outline: none; background: none; }
del.off, ins.off { background: none; }
td.missing { outline: 3px solid var(--err); background: #fde7ea; }
td.added { outline: 3px solid var(--err); background: #fde7ea; }
td.empty { color: #888; }
del.chg { background: #fde7ea; color: var(--err); } ins.chg { background: #e6f4ea; color: #0a6b2b; }
del.editorial, ins.editorial { background: #eef; color: var(--info); }
.badge { display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: 3px; color: #fff; text-decoration: none; margin: 1px; }
.badge.sev-error { background: var(--err); } .badge.sev-warning { background: var(--warn); } .badge.sev-info { background: var(--info); }
tr.findings ul { margin: 0; padding-left: 1.2rem; }
li.finding.sev-error b { color: var(--err); } li.finding.sev-warning b { color: var(--warn); } li.finding.sev-info b { color: var(--info); }
li.finding:target { background: #fff3bf; }
.hidden { display: none !important; }
footer { margin-top: 2rem; color: #777; font-size: .85em; }
`

const htmlJS = `
(function () {
  var boxes = document.querySelectorAll('#filters input[data-filter]');
  function allowed(kind) {
    var on = {};
    boxes.forEach(function (b) { if (b.dataset.filter === kind && b.checked) on[b.value] = true; });
    return on;
  }
  function apply() {
    var sev = allowed('severity'), kind = allowed('kind'), lang = allowed('lang'), visible = {};
    document.querySelectorAll('[data-finding]').forEach(function (el) {
      var show = sev[el.dataset.severity] && kind[el.dataset.kind] && lang[el.dataset.lang];
      el.classList.toggle('hidden', !show);
      if (el.id && show) visible[el.id] = true;
    });
    // A highlight stays while any of its findings is shown.
    document.querySelectorAll('[data-f]').forEach(function (el) {
      var on = el.dataset.f.split(' ').some(function (id) { return visible[id]; });
      el.classList.toggle('off', !on);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
`
