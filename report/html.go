package report

import (
	"fmt"
	"html"
	"io"
	"path/filepath"
	"sort"
	"strings"

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

// markText escapes text and wraps the marks in <mark> elements, dropping a
// mark that overlaps an earlier, more important one (findings before terms).
func markText(text string, ms []mark) string {
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
	var b strings.Builder
	pos := 0
	for _, m := range merged {
		if m.start < pos || m.end > len(text) || m.start >= m.end {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:m.start]))
		fmt.Fprintf(&b, `<mark class="%s" title="%s"`, m.class, html.EscapeString(m.title))
		if m.id != "" {
			fmt.Fprintf(&b, ` data-f="%s"`, m.id)
		}
		b.WriteString(">" + html.EscapeString(text[m.start:m.end]) + "</mark>")
		pos = m.end
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String()
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

// diffHTML renders a same-language pair as the final text with the changes
// in place: deletions struck through, insertions underlined.
func diffHTML(a, b string, ops []diff.Op, id string) string {
	var s strings.Builder
	if len(ops) > 0 {
		s.WriteString(html.EscapeString(b[:ops[0].B0]))
	}
	for _, op := range ops {
		if op.Kind == diff.Equal {
			s.WriteString(html.EscapeString(a[op.A0:op.A1]))
			continue
		}
		cls := "chg"
		if op.Editorial {
			cls = "chg editorial"
		}
		if op.A1 > op.A0 {
			fmt.Fprintf(&s, `<del class="%s" data-f="%s">%s</del>`, cls, id, html.EscapeString(a[op.A0:op.A1]))
		}
		if op.B1 > op.B0 {
			fmt.Fprintf(&s, `<ins class="%s" data-f="%s">%s</ins>`, cls, id, html.EscapeString(b[op.B0:op.B1]))
		}
	}
	return s.String()
}

func dirOf(lang string) string {
	switch lang {
	case "ar", "fa", "he", "ur":
		return "rtl"
	}
	return "ltr"
}

func sevClass(s drift.Severity) string { return "sev-" + s.String() }

// HTML writes one self-contained HTML page: a summary table (paragraph ×
// language) linking to every finding, filters by severity, kind and
// language that work without a server, and the voted text beside each final
// text, paragraph by aligned paragraph, with lexicon terms marked, drifted
// terms highlighted by severity and same-language changes shown in place.
// Arabic is laid out right to left. No external font, script or style.
func HTML(w io.Writer, in Input) error {
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
	votedIdx := map[string]int{}
	for i, p := range v.Voted.Paras {
		votedIdx[p.ID] = i
	}
	// Which row each finding belongs to.
	type placed struct {
		f   drift.Finding
		id  string
		row *row
		k   int
	}
	var all []placed
	byRow := map[*row][]placed{}
	for n, f := range in.Findings {
		pl := placed{f: f, id: fmt.Sprintf("f-%d", n+1), k: finalIdx[f.Final.Path]}
		for _, r := range rows {
			if f.Voted.Para != "" {
				if r.voted >= 0 && v.Voted.Paras[r.voted].ID == f.Voted.Para {
					pl.row = r
					break
				}
				continue
			}
			if r.voted < 0 {
				for _, j := range r.finals[pl.k] {
					if v.Finals[pl.k].Paras[j].ID == f.Final.Para {
						pl.row = r
					}
				}
				if pl.row != nil {
					break
				}
			}
		}
		all = append(all, pl)
		if pl.row != nil {
			byRow[pl.row] = append(byRow[pl.row], pl)
		}
	}

	bw := &errWriter{w: w}
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	e := html.EscapeString
	counts := map[drift.Severity]int{}
	kinds := map[string]bool{}
	for _, f := range in.Findings {
		counts[f.Severity]++
		kinds[f.Kind] = true
	}
	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>driftcheck: %s — %d finding(s)</title>\n<style>%s</style>\n</head>\n<body>\n", e(filepath.Base(v.Voted.Path)), len(in.Findings), htmlCSS)
	p("<header>\n<h1>driftcheck report</h1>\n")
	if len(in.Errors) > 0 {
		p("<div class=\"not-checked\" role=\"alert\" id=\"not-checked\"><b>Not checked: %d input(s) could not be read</b><ul>\n", len(in.Errors))
		for _, x := range in.Errors {
			p("<li><b>%s</b>: %s</li>\n", e(x.Path), e(x.Error))
		}
		p("</ul></div>\n")
	}
	for _, m := range in.Warnings {
		p("<p class=\"input-warning\" role=\"status\">Warning: %s</p>\n", e(m))
	}
	p("<p>Voted text: <b>%s</b> [%s]%s</p>\n<ul class=\"finals\">\n", e(v.Voted.Path), e(v.Voted.Lang), symbolNote(v.Voted.Symbol))
	for _, f := range v.Finals {
		p("<li>Final text: <b>%s</b> [%s]%s</li>\n", e(f.Path), e(f.Lang), symbolNote(f.Symbol))
	}
	p("</ul>\n<p class=\"counts\" id=\"counts\">%d finding(s): %d error, %d warning, %d info", len(in.Findings), counts[drift.Error], counts[drift.Warning], counts[drift.Info])
	if n := in.Hidden[drift.Info] + in.Hidden[drift.Warning] + in.Hidden[drift.Error]; n > 0 {
		p(" (%d below %s not shown)", n, in.Level)
	}
	if in.Suppressed > 0 {
		p(" (%d suppressed by the baseline)", in.Suppressed)
	}
	p("</p>\n</header>\n")

	// Filters.
	p("<form id=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Severity</legend>")
	for _, s := range []drift.Severity{drift.Error, drift.Warning, drift.Info} {
		p("<label><input type=\"checkbox\" data-filter=\"severity\" value=\"%s\" checked> %s</label> ", s, s)
	}
	p("</fieldset>\n<fieldset><legend>Kind</legend>")
	for _, k := range drift.Kinds {
		if kinds[k.Kind] {
			p("<label><input type=\"checkbox\" data-filter=\"kind\" value=\"%s\" checked> %s</label> ", k.Kind, k.Kind)
		}
	}
	p("</fieldset>\n<fieldset><legend>Language</legend>")
	seenLang := map[string]bool{}
	for _, f := range v.Finals {
		if !seenLang[f.Lang] {
			seenLang[f.Lang] = true
			p("<label><input type=\"checkbox\" data-filter=\"lang\" value=\"%s\" checked> %s</label> ", e(f.Lang), e(f.Lang))
		}
	}
	p("</fieldset>\n</form>\n")

	// Summary: paragraph × final.
	p("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Paragraph</th>")
	for _, f := range v.Finals {
		p("<th>%s <span class=\"path\">%s</span></th>", e(f.Lang), e(filepath.Base(f.Path)))
	}
	p("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		if len(byRow[r]) == 0 {
			continue
		}
		p("<tr><th><a href=\"#p-%d\">%s</a></th>", rowIndex(rows, r), e(r.key))
		for k := range v.Finals {
			p("<td>")
			for _, pl := range byRow[r] {
				if pl.k == k {
					p("<a class=\"badge %s\" href=\"#%s\" data-finding data-severity=\"%s\" data-kind=\"%s\" data-lang=\"%s\" title=\"%s\">%s</a> ",
						sevClass(pl.f.Severity), pl.id, pl.f.Severity, pl.f.Kind, e(pl.f.Final.Lang), e(pl.f.Kind+": "+pl.f.Message), e(pl.f.Kind))
				}
			}
			p("</td>")
		}
		p("</tr>\n")
	}
	p("</tbody>\n</table>\n")
	if len(in.Findings) == 0 {
		p("<p>No findings at or above %s.</p>\n", in.Level)
	}
	p("</section>\n")

	// Side by side.
	p("<section id=\"texts\">\n<h2>Texts</h2>\n<table class=\"sbs\">\n<thead><tr><th>Paragraph</th><th lang=\"%s\">Voted [%s]</th>", e(v.Voted.Lang), e(v.Voted.Lang))
	for _, f := range v.Finals {
		p("<th lang=\"%s\">Final [%s] <span class=\"path\">%s</span></th>", e(f.Lang), e(f.Lang), e(filepath.Base(f.Path)))
	}
	p("</tr></thead>\n<tbody>\n")
	for ri, r := range rows {
		pls := byRow[r]
		p("<tr id=\"p-%d\" class=\"para\"><th>%s</th>", ri, e(r.key))
		// Voted cell.
		if r.voted >= 0 {
			pv := v.Voted.Paras[r.voted]
			var ms []mark
			for _, t := range pv.Terms {
				ms = append(ms, mark{t.Start, t.End, "term", t.Concept, ""})
			}
			for _, pl := range pls {
				if pl.f.Voted.Para == pv.ID && pl.f.Voted.Start >= 0 && len(pl.f.Ops) == 0 {
					ms = append(ms, mark{pl.f.Voted.Start, pl.f.Voted.End, "drift " + sevClass(pl.f.Severity), pl.f.Kind, pl.id})
				}
			}
			p("<td lang=\"%s\" dir=\"%s\" class=\"text\">%s</td>", e(v.Voted.Lang), dirOf(v.Voted.Lang), markText(pv.Text, ms))
		} else {
			p("<td class=\"empty\">—</td>")
		}
		// Final cells.
		for k, f := range v.Finals {
			if r.merged[k] {
				p("<td lang=\"%s\" dir=\"%s\" class=\"empty\">(with the paragraph above)</td>", e(f.Lang), dirOf(f.Lang))
				continue
			}
			if len(r.finals[k]) == 0 {
				// A voted paragraph this final lacks: the final's cell says so.
				var missing []string
				sev := drift.Severity(0)
				for _, pl := range pls {
					if pl.k == k && pl.f.Kind == drift.ParagraphMissing {
						missing = append(missing, pl.id)
						sev = max(sev, pl.f.Severity)
					}
				}
				if len(missing) > 0 {
					p("<td lang=\"en\" dir=\"ltr\" class=\"empty missing %s\"%s>missing from the %s text</td>", sevClass(sev), cellIDs(missing), e(f.Lang))
				} else {
					p("<td lang=\"%s\" dir=\"%s\" class=\"empty\">—</td>", e(f.Lang), dirOf(f.Lang))
				}
				continue
			}
			var parts []string
			cls := ""
			var whole []string
			for _, j := range r.finals[k] {
				fp := f.Paras[j]
				var ms []mark
				var ops *placed
				for _, t := range fp.Terms {
					ms = append(ms, mark{t.Start, t.End, "term", t.Concept, ""})
				}
				for x := range pls {
					pl := pls[x]
					if pl.k != k || pl.f.Final.Para != fp.ID {
						continue
					}
					if len(pl.f.Ops) > 0 {
						ops = &pls[x]
						continue
					}
					if pl.f.Final.Start >= 0 {
						ms = append(ms, mark{pl.f.Final.Start, pl.f.Final.End, "drift " + sevClass(pl.f.Severity), pl.f.Kind, pl.id})
					}
					if pl.f.Kind == drift.ParagraphAdded {
						cls = " added " + sevClass(pl.f.Severity)
						whole = append(whole, pl.id)
					}
				}
				if ops != nil {
					parts = append(parts, diffHTML(ops.f.Voted.Text, fp.Text, ops.f.Ops, ops.id))
				} else {
					parts = append(parts, markText(fp.Text, ms))
				}
			}
			p("<td lang=\"%s\" dir=\"%s\" class=\"text%s\"%s>%s</td>", e(f.Lang), dirOf(f.Lang), cls, cellIDs(whole), strings.Join(parts, "<br>"))
		}
		p("</tr>\n")
		if len(pls) > 0 {
			p("<tr class=\"findings\"><td></td><td colspan=\"%d\"><ul>\n", len(v.Finals)+1)
			for _, pl := range pls {
				p("<li id=\"%s\" class=\"finding %s\" data-finding data-severity=\"%s\" data-kind=\"%s\" data-lang=\"%s\"><b>%s</b> %s <span class=\"lang\">[%s]</span>: %s</li>\n",
					pl.id, sevClass(pl.f.Severity), pl.f.Severity, pl.f.Kind, e(pl.f.Final.Lang), pl.f.Severity, pl.f.Kind, e(pl.f.Final.Lang), e(pl.f.Message))
			}
			p("</ul></td></tr>\n")
		}
	}
	p("</tbody>\n</table>\n</section>\n")
	// Findings with no paragraph row (should not happen) are still listed.
	var orphans []placed
	for _, pl := range all {
		if pl.row == nil {
			orphans = append(orphans, pl)
		}
	}
	if len(orphans) > 0 {
		p("<section id=\"other\"><h2>Other findings</h2><ul>\n")
		for _, pl := range orphans {
			p("<li id=\"%s\" class=\"finding %s\" data-finding data-severity=\"%s\" data-kind=\"%s\" data-lang=\"%s\"><b>%s</b> %s: %s</li>\n",
				pl.id, sevClass(pl.f.Severity), pl.f.Severity, pl.f.Kind, e(pl.f.Final.Lang), pl.f.Severity, pl.f.Kind, e(pl.f.Message))
		}
		p("</ul></section>\n")
	}
	p("<footer>Made by driftcheck. Offsets and ids as in the JSON report.</footer>\n<script>%s</script>\n</body>\n</html>\n", htmlJS)
	return bw.err
}

// cellIDs returns the data-f attribute naming the findings that mark a
// whole cell (a missing or an added paragraph).
func cellIDs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ` data-f="` + strings.Join(ids, " ") + `"`
}

func rowIndex(rows []*row, r *row) int {
	for i, x := range rows {
		if x == r {
			return i
		}
	}
	return -1
}

func symbolNote(s string) string {
	if s == "" {
		return ""
	}
	return ", symbol " + html.EscapeString(s)
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
