package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sort"
	"strconv"
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
	// Where is the pair of paragraphs ("OP4 ↔ OP3") and the finding's
	// place in the final file (its line, or its page in a PDF).
	Where string
	// Expected is, for a term finding of the voted text, the renderings
	// the voted concept has in the final's language ("" when unknown).
	Expected string
}

// cell is one cell of the side-by-side table: a note (an empty cell) or
// the paragraphs shown in it, one after the other.
type cell struct {
	Lang  string   // lang and dir attributes; none when ""
	Class string   // class attribute
	Col   string   // data-col: "v" for the voted text, else the final's index
	Label string   // what the column shows (data-label, for narrow screens)
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
	Span            int // of the side-by-side table: Columns and the paragraph ids
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
	votedPara := map[string]*ParaView{}
	for i := range v.Voted.Paras {
		if p := &v.Voted.Paras[i]; votedPara[p.ID] == nil {
			votedPara[p.ID] = p
		}
	}
	var all []placed
	byRow := map[*row][]placed{}
	for n, f := range in.Findings {
		pl := placed{F: f, ID: fmt.Sprintf("f-%d", n+1), k: finalIdx[f.Final.Path], Where: whereOf(f)}
		pl.Expected = expectedOf(votedPara[f.Voted.Para], f)
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
		Errors: in.Errors, Warnings: in.Warnings, Columns: len(v.Finals) + 1, Span: len(v.Finals) + 2,
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
		pr.Voted.Col, pr.Voted.Label = "v", "Voted ["+v.Voted.Lang+"]"
		for k, f := range v.Finals {
			c := finalCell(v, r, k, pr.Findings)
			c.Col, c.Label = strconv.Itoa(k), "Final ["+f.Lang+"] "+filepath.Base(f.Path)
			pr.Cells = append(pr.Cells, c)
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

// whereOf says which paragraphs a finding is about, voted ↔ final ("—"
// for a side without one), and where it is in the final file: its page in
// a paged file (PDF), else its line.
func whereOf(f drift.Finding) string {
	side := func(id string) string {
		if id == "" {
			return "—"
		}
		return id
	}
	s := side(f.Voted.Para) + " ↔ " + side(f.Final.Para)
	switch {
	case f.Final.Page > 0:
		s += ", page " + strconv.Itoa(f.Final.Page)
	case f.Final.Line > 0:
		s += ", line " + strconv.Itoa(f.Final.Line)
	}
	return s
}

// expectedOf is, for a term the final substituted or lacks, what the
// voted concept reads in the final's language, as the lexicon gives it
// (preferred first): the renderings the voted term carries in the view.
func expectedOf(p *ParaView, f drift.Finding) string {
	if p == nil || f.VotedConcept == "" || (f.Kind != drift.TermSubstituted && f.Kind != drift.TermMissing) {
		return ""
	}
	code := language.Norm(f.Final.Lang)
	for _, t := range p.Terms {
		if t.Concept == f.VotedConcept && len(t.Renderings[code]) > 0 {
			return strings.Join(t.Renderings[code], " | ")
		}
	}
	return ""
}

// votedCell is the voted paragraph of a row, its terms and drifted spans
// marked.
func votedCell(v *View, r *row, pls []placed) cell {
	if r.voted < 0 {
		return cell{Class: "empty none", Note: "—"}
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
		return cell{Lang: f.Lang, Class: "empty none", Note: "—"}
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

// htmlCSS lays the texts out in columns of equal width, one for the voted
// text and one per final shown (table-layout: fixed), stacks them on a
// narrow screen, and keeps the highlights when printed.
const htmlCSS = `
:root { --err: #b00020; --warn: #9a6700; --info: #0b5cad; --term: #e8f0fe; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", sans-serif; margin: 1.5rem; color: #1b1b1b; overflow-wrap: anywhere; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
.path { color: #666; font-weight: normal; font-size: .85em; }
.counts { font-weight: 600; }
.not-checked { border: 2px solid var(--err); background: #fdecee; color: var(--err); padding: .4rem .8rem; margin: .5rem 0; }
.input-warning { color: var(--warn); font-weight: 600; }
#tools { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid #ddd; padding: .3rem 0; }
#tools .nav { font-size: .9em; }
fieldset { display: inline-block; border: 1px solid #ccc; margin: 0 .6rem .4rem 0; padding: .2rem .6rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: start; }
th.key { width: 5.5rem; }
td[dir=rtl] { text-align: right; }
mark.term { background: var(--term); border-bottom: 1px dotted #5b7fc7; }
mark.drift { color: #fff; border-radius: 2px; padding: 0 .1em; }
mark.sev-error { background: var(--err); } mark.sev-warning { background: var(--warn); } mark.sev-info { background: var(--info); }
mark.off { background: none; color: inherit; }
td.off { outline: none; background: none; }
del.off, ins.off { background: none; }
td.missing { outline: 3px solid var(--err); outline-offset: -3px; background: #fde7ea; }
td.added { outline: 3px solid var(--err); outline-offset: -3px; background: #fde7ea; }
td.empty { color: #888; }
del.chg { background: #fde7ea; color: var(--err); } ins.chg { background: #e6f4ea; color: #0a6b2b; }
del.editorial, ins.editorial { background: #eef; color: var(--info); }
.badge { display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: 3px; color: #fff; text-decoration: none; margin: 1px; max-width: 100%; }
.badge.sev-error { background: var(--err); } .badge.sev-warning { background: var(--warn); } .badge.sev-info { background: var(--info); }
tr.findings ul { margin: 0; padding-left: 1.2rem; }
li.finding { margin: .15rem 0; }
li.finding, tr.para { scroll-margin-top: 8rem; }
li.finding.sev-error b { color: var(--err); } li.finding.sev-warning b { color: var(--warn); } li.finding.sev-info b { color: var(--info); }
li.finding:target, li.finding.current { background: #fff3bf; outline: 2px solid #1a73e8; }
li.finding[data-review=accepted] { background: #e6f4ea; }
li.finding[data-review=ignored] { opacity: .55; }
li.finding[data-review=ignored] .msg { text-decoration: line-through; }
.where, .expected { color: #444; font-size: .9em; margin-inline-start: .4em; }
.where { font-variant-numeric: tabular-nums; }
.review { margin-inline-start: .4em; white-space: nowrap; }
.review button { font-size: .8em; }
.review button[aria-pressed=true] { font-weight: 700; background: #dde8f7; }
.hidden { display: none !important; }
footer { margin-top: 2rem; color: #777; font-size: .85em; }
@media (max-width: 700px) {
  body { margin: .6rem; }
  #tools { position: static; }
  fieldset { display: block; margin-right: 0; }
  td.none, table.summary td:empty { display: none; }
  table thead { display: none; }
  table, tbody, tr, th, td { display: block; width: auto; }
  th.key { width: auto; background: #f3f3f3; }
  td[data-label]::before { content: attr(data-label); display: block; font-size: .75em; color: #666; direction: ltr; text-align: start; }
  tr.findings ul { padding-left: 1rem; }
  .review { white-space: normal; }
}
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-size: 10pt; }
  #tools, .review { display: none; }
  #tools { position: static; }
  tr { break-inside: avoid; }
  li.finding.current, li.finding:target { outline: none; background: none; }
}
`

// htmlJS runs the page: the filters (which also hide the columns of the
// languages filtered out, and recount what is shown), the paragraphs with
// findings only, j and k to the next and previous finding, accept or
// ignore per finding, and the baseline file of the accepted findings,
// made as package baseline writes it (encoding/json's indented output).
const htmlJS = `
(function () {
  var boxes = document.querySelectorAll('#filters input[data-filter]');
  var only = document.getElementById('only-findings');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var colLang = {};
  document.querySelectorAll('#texts thead th[data-col]').forEach(function (th) {
    if (th.dataset.col !== 'v') colLang[th.dataset.col] = th.getAttribute('lang');
  });
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
    // The columns of the finals in a language filtered out are hidden.
    var span = 2;
    Object.keys(colLang).forEach(function (k) {
      var show = !!lang[colLang[k]];
      if (show) span++;
      document.querySelectorAll('table [data-col="' + k + '"]').forEach(function (el) { el.classList.toggle('hidden', !show); });
    });
    document.querySelectorAll('tr.findings > td').forEach(function (td) { td.colSpan = span; });
    // Rows: a findings row with none shown goes; with the toggle on, so
    // does a paragraph with none.
    document.querySelectorAll('tr[data-row]').forEach(function (tr) {
      var any = tr.querySelector('[data-finding]:not(.hidden)') !== null;
      tr.classList.toggle('hidden', !any);
      if (tr.classList.contains('findings')) tr.dataset.any = any ? '1' : '';
    });
    document.querySelectorAll('#texts tr.para').forEach(function (tr) {
      var fr = document.querySelector('tr.findings[data-row="' + tr.id + '"]');
      tr.classList.toggle('hidden', only.checked && !(fr && fr.dataset.any));
    });
    var n = {all: 0, error: 0, warning: 0, info: 0}, acc = 0, ign = 0;
    items.forEach(function (li) {
      if (li.dataset.review === 'accepted') acc++;
      if (li.dataset.review === 'ignored') ign++;
      if (!visible[li.id]) return;
      n.all++;
      n[li.dataset.severity]++;
    });
    document.getElementById('shown').textContent = n.all + ' of ' + items.length + ' finding(s) shown: ' +
      n.error + ' error, ' + n.warning + ' warning, ' + n.info + ' info';
    document.getElementById('reviewed').textContent = acc + ' accepted, ' + ign + ' ignored';
  }
  // j and k: the next and previous finding shown, in page order.
  var current = -1;
  function go(step) {
    var i = current + step;
    for (; i >= 0 && i < items.length; i += step) {
      if (items[i].offsetParent !== null) break;
    }
    if (i < 0 || i >= items.length) return;
    if (current >= 0) items[current].classList.remove('current');
    current = i;
    var li = items[i];
    li.classList.add('current');
    li.scrollIntoView({block: 'center'});
    li.focus({preventScroll: true});
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'TEXTAREA' || t.isContentEditable || (t.tagName === 'INPUT' && t.type !== 'checkbox'))) return;
    if (e.key === 'j') { go(1); e.preventDefault(); }
    if (e.key === 'k') { go(-1); e.preventDefault(); }
  });
  document.getElementById('next-finding').addEventListener('click', function () { go(1); });
  document.getElementById('prev-finding').addEventListener('click', function () { go(-1); });
  // Accept or ignore: a second click on the same button takes it back.
  items.forEach(function (li) {
    li.tabIndex = -1;
    li.querySelectorAll('.review button').forEach(function (b) {
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', function () {
        var want = b.classList.contains('accept') ? 'accepted' : 'ignored';
        if (li.dataset.review === want) delete li.dataset.review; else li.dataset.review = want;
        li.querySelectorAll('.review button').forEach(function (o) {
          o.setAttribute('aria-pressed', String(li.dataset.review === (o.classList.contains('accept') ? 'accepted' : 'ignored')));
        });
        apply();
      });
    });
  });
  // The baseline file of the accepted findings, byte for byte as
  // baseline.Write makes it: in report order (f-1, f-2...), two-space indent, "final" left out when
  // empty, and <, >, &, U+2028 and U+2029 escaped as encoding/json does.
  function baseline() {
    var list = [];
    items.slice().sort(function (a, b) { return a.id.slice(2) - b.id.slice(2); }).forEach(function (li) {
      if (li.dataset.review !== 'accepted') return;
      var e = {fingerprint: li.dataset.fp, kind: li.dataset.kind, severity: li.dataset.severity, message: li.dataset.message};
      if (li.dataset.final) e.final = li.dataset.final;
      list.push(e);
    });
    return JSON.stringify({version: 1, findings: list}, null, 2).replace(/[<>&\u2028\u2029]/g, function (c) {
      return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    }) + '\n';
  }
  document.getElementById('download-baseline').addEventListener('click', function () {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([baseline()], {type: 'application/json'}));
    a.download = 'driftcheck-baseline.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  });
  window.driftcheck = {baseline: baseline, next: function () { go(1); }, previous: function () { go(-1); }};
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  only.addEventListener('change', apply);
  apply();
})();
`
