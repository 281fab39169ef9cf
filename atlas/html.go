package atlas

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
)

// The page is one self-contained file: its style and its script (the
// table's sorting) are in it, its charts are SVG drawn here; it names no
// other file, font or service.

// langColors are the lines of the languages in the charts.
var langColors = map[string]string{
	"ar": "#1b9e77", "zh": "#d95f02", "en": "#7570b3", "fr": "#e7298a", "ru": "#66a61e", "es": "#e6ab02",
}

var otherColors = []string{"#a6761d", "#666666", "#1f78b4", "#b15928"}

func colorOf(lang string, i int) string {
	if c, ok := langColors[lang]; ok {
		return c
	}
	return otherColors[i%len(otherColors)]
}

func yearName(y int) string {
	if y == 0 {
		return "unknown"
	}
	return strconv.Itoa(y)
}

func pct(x float64) string {
	return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
}

// esc escapes text for SVG (XML).
func esc(s string) string { return template.HTMLEscapeString(s) }

// chart draws the time series of a pair: the rate of the alternative by
// year (x), one line per language; years are those of the atlas.
func chart(p Pair, years []int) template.HTML {
	return lineChart(lineSpec{
		class: "chart", data: p.VotedConcept + ">" + p.Alternative,
		title:  p.VotedConcept + " → " + p.Alternative + ": rate of the alternative by year",
		empty:  "no voted paragraph with " + p.VotedConcept,
		series: p.Series, years: years, percent: true,
	})
}

// stepCharts draws, for each kind of finding, the findings per 100
// paragraphs by year, one line per language: a change of translation
// practice shows as a step.
func stepCharts(a *Atlas) []kindChart {
	byKind := map[string]map[string][]Point{}
	for _, f := range a.Findings {
		for _, k := range f.ByKind {
			if byKind[k.Kind] == nil {
				byKind[k.Kind] = map[string][]Point{}
			}
		}
	}
	for kind := range byKind {
		for _, f := range a.Findings {
			v := 0.0
			n := 0
			for _, k := range f.ByKind {
				if k.Kind == kind {
					v, n = k.Per100, k.Count
				}
			}
			byKind[kind][f.Lang] = append(byKind[kind][f.Lang], Point{Year: f.Year, Count: n, Total: f.Paras, Rate: v})
		}
	}
	var out []kindChart
	for _, kind := range sortedKeys(byKind, strings.Compare) {
		var ss []Series
		for _, l := range sortedKeys(byKind[kind], strings.Compare) {
			ss = append(ss, Series{Lang: l, Points: byKind[kind][l]})
		}
		out = append(out, kindChart{kind, lineChart(lineSpec{class: "steps", data: kind, title: kind + ": findings per 100 paragraphs by year", series: ss, years: a.Years})})
	}
	return out
}

// kindChart is the step chart of one kind of finding.
type kindChart struct {
	Kind string
	SVG  template.HTML
}

// lineSpec is what lineChart draws: series of points by year, one line
// each; the values are rates (percent) or findings per 100 paragraphs.
type lineSpec struct {
	class, data, title, empty string
	series                    []Series
	years                     []int
	percent                   bool
}

func lineChart(sp lineSpec) template.HTML {
	const w, h, left, right, top, bottom = 640, 240, 48, 110, 16, 32
	pw, ph := float64(w-left-right), float64(h-top-bottom)
	years := sp.years
	xs := map[int]float64{}
	for i, y := range years {
		if len(years) == 1 {
			xs[y] = float64(left) + pw/2
		} else {
			xs[y] = float64(left) + pw*float64(i)/float64(len(years)-1)
		}
	}
	top1 := 0.0
	for _, s := range sp.series {
		for _, pt := range s.Points {
			top1 = max(top1, pt.Rate)
		}
	}
	// The scale: rates to 100%, or to the next 10% above the highest;
	// findings per 100 paragraphs to the next 1, 2 or 5 times a power of
	// ten above the highest.
	scale := 1.0
	label := pct
	if sp.percent {
		if top1 < 0.9 {
			scale = float64(int(top1*10)+1) / 10
		}
	} else {
		label = func(x float64) string { return strconv.FormatFloat(x, 'g', 3, 64) }
		scale = niceMax(top1)
	}
	yOf := func(r float64) float64 { return float64(top) + ph*(1-r/scale) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="%s" role="img" viewBox="0 0 %d %d" width="%d" height="%d" data-key="%s"><title>%s</title>`,
		sp.class, w, h, w, h, esc(sp.data), esc(sp.title))
	for i := 0; i <= 4; i++ {
		r := scale * float64(i) / 4
		y := yOf(r)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/><text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`,
			left, w-right, y, y, left-4, y+4, label(r))
	}
	for _, y := range years {
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, xs[y], h-bottom+16, yearName(y))
	}
	for i, s := range sp.series {
		col := colorOf(s.Lang, i)
		var pts []string
		for _, pt := range s.Points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xs[pt.Year], yOf(pt.Rate)))
		}
		fmt.Fprintf(&b, `<polyline class="series" data-lang="%s" fill="none" stroke="%s" stroke-width="2" points="%s"/>`, esc(s.Lang), col, strings.Join(pts, " "))
		for _, pt := range s.Points {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %d of %d (%s)</title></circle>`,
				xs[pt.Year], yOf(pt.Rate), col, esc(s.Lang), yearName(pt.Year), pt.Count, pt.Total, label(pt.Rate))
		}
		ly := top + 14 + 18*i
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="3"/><text class="legend" x="%d" y="%d">%s</text>`,
			w-right+10, w-right+30, ly-4, ly-4, col, w-right+36, ly, esc(s.Lang))
	}
	if len(sp.series) == 0 && sp.empty != "" {
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, float64(left)+pw/2, float64(top)+ph/2, esc(sp.empty))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceMax is the top of a scale for values up to x: 1, 2 or 5 times a
// power of ten, at least x (1 for 0).
func niceMax(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// heat draws the heat map: languages (rows) × voted concepts (columns),
// each cell the rate at which the language renders the concept otherwise.
func heat(a *Atlas) template.HTML {
	var concepts []string
	seen := map[string]bool{}
	for _, c := range a.Heat {
		if !seen[c.VotedConcept] {
			seen[c.VotedConcept] = true
			concepts = append(concepts, c.VotedConcept)
		}
	}
	const cw, ch, left, top = 120, 34, 40, 120
	w, h := left+cw*len(concepts)+90, top+ch*len(a.Langs)+8 // room for the last label, slanted
	cell := map[[2]string]Cell{}
	for _, c := range a.Heat {
		cell[[2]string{c.Lang, c.VotedConcept}] = c
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="heat" role="img" viewBox="0 0 %d %d" width="%d" height="%d"><title>Rate at which each language renders each voted concept otherwise (an alternative or nothing)</title>`, w, h, w, h)
	for j, c := range concepts {
		x := left + cw*j + cw/2
		fmt.Fprintf(&b, `<text class="tick" transform="translate(%d,%d) rotate(-30)">%s</text>`, x, top-8, esc(c))
	}
	for i, l := range a.Langs {
		y := top + ch*i
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">%s</text>`, left-6, y+ch/2+4, esc(l))
		for j, c := range concepts {
			x := left + cw*j
			k := cell[[2]string{l, c}]
			fill, label := "#eeeeee", "–"
			if k.Total > 0 {
				// White to dark red with the rate.
				g := int(235 - 200*k.Rate)
				fill = fmt.Sprintf("rgb(235,%d,%d)", g, g)
				label = pct(k.Rate)
			}
			fmt.Fprintf(&b, `<rect class="cell" data-lang="%s" data-concept="%s" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#fff"><title>%s %s: %d of %d rendered otherwise</title></rect><text class="cellv" x="%d" y="%d" text-anchor="middle">%s</text>`,
				esc(l), esc(c), x, y, cw, ch, fill, esc(l), esc(c), k.Other, k.Total, x+cw/2, y+ch/2+4, label)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// example anchors: the row index.
func exampleID(i int) string { return "ex-" + strconv.Itoa(i) }

var page = template.Must(template.New("atlas").Funcs(template.FuncMap{
	"chart": chart, "steps": stepCharts, "heat": func(a *Atlas) template.HTML { return heat(a) }, "pct": pct, "year": yearName, "exid": exampleID,
	"per100": func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) },
	"kinds": func(a *Atlas) []string {
		seen := map[string]bool{}
		var out []string
		for _, f := range a.Findings {
			for _, k := range f.ByKind {
				if !seen[k.Kind] {
					seen[k.Kind] = true
					out = append(out, k.Kind)
				}
			}
		}
		return sortedKeys(seen, strings.Compare)
	},
	"rateOf": func(f FindingRates, kind string) string {
		for _, k := range f.ByKind {
			if k.Kind == kind {
				return strconv.FormatFloat(k.Per100, 'f', 2, 64)
			}
		}
		return "0"
	},
	"or": func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Drift atlas</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { padding: .25em .6em; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th[data-sort] { cursor: pointer; user-select: none; } th[data-sort]::after { content: " ⇅"; color: #999; }
.chart, .heat, .steps { max-width: 100%; height: auto; display: block; margin: .5em 0 1.5em; }
.grid { stroke: #e0e0e0; } .tick, .legend, .cellv { font-size: 11px; fill: #444; }
.kind-alternative { color: #b00; font-weight: 600; } .kind-not-rendered { color: #a60; }
.ex { border-left: 3px solid #ccc; padding: .3em .8em; margin: .6em 0; }
.ex :target, section:target { background: #fff8d0; }
.src { color: #666; font-size: .85em; } .texts { margin: .2em 0; } .texts div { margin: .1em 0; }
nav a { margin-right: 1em; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  nav, th[data-sort]::after { display: none; }
  .pair, .kind, .ex, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  section.examples { break-before: page; }
}
</style>
</head>
<body>
<h1>Drift atlas</h1>
<p>{{.Lines}} result lines from {{range $i, $s := .Sources}}{{if $i}}, {{end}}<code>{{$s.Path}}</code> ({{$s.Parts}} part files, {{$s.Lines}} lines){{end}}.
{{if .LinesWithErrors}}{{.LinesWithErrors}} lines have a file error. {{end}}{{if .FinalsWithoutParas}}{{.FinalsWithoutParas}} finals come from lines without paragraph counts (an older driftcheck) and are in no rate. {{end}}
Languages: {{range .Langs}}{{.}} {{end}}; years: {{range .Years}}{{year .}} {{end}}.</p>
<nav><a href="#pairs">Contested pairs</a><a href="#heat">Heat map</a><a href="#table">Renderings</a><a href="#findings">Findings per 100 paragraphs</a><a href="#examples">Examples</a></nav>

<h2 id="pairs">Contested pairs: rate of the alternative by year</h2>
<p>For each concept of a group and each negotiated alternative of that group: of the voted paragraphs with the concept, the share whose final renders it as the alternative, by year, one line per language.</p>
{{$years := .Years}}
{{range .Pairs}}<div class="pair" id="pair-{{.VotedConcept}}-{{.Alternative}}">
<h3>{{.VotedConcept}} → {{.Alternative}} <small>({{.Group}})</small></h3>
{{chart . $years}}
</div>
{{else}}<p>No concept of a group in these results.</p>{{end}}

<h2 id="heat">Heat map: languages × voted concepts</h2>
<p>The share of the voted paragraphs with the concept that the language renders otherwise (an alternative of its group, or nothing).</p>
{{heat .}}

<h2 id="table">Renderings</h2>
<p>One row per voted concept, final concept and language; the rate is the share of every rendering of the voted concept in that language. Click a heading to sort; the examples are one click away.</p>
<table id="renderings">
<thead><tr><th data-sort="s">Voted concept</th><th data-sort="s">Rendered as</th><th data-sort="s">Language</th><th class="n" data-sort="n">Count</th><th class="n" data-sort="n">Of</th><th class="n" data-sort="n">Rate</th><th class="n" data-sort="n">First</th><th class="n" data-sort="n">Last</th><th>Examples</th></tr></thead>
<tbody>
{{range $i, $r := .Renderings}}<tr class="kind-{{$r.Kind}}"><td>{{$r.VotedConcept}}</td><td>{{or $r.FinalConcept "(not rendered)"}}</td><td>{{$r.Lang}}</td><td class="n" data-v="{{$r.Count}}">{{$r.Count}}</td><td class="n" data-v="{{$r.Total}}">{{$r.Total}}</td><td class="n" data-v="{{$r.Rate}}">{{pct $r.Rate}}</td><td class="n" data-v="{{$r.FirstYear}}">{{year $r.FirstYear}}</td><td class="n" data-v="{{$r.LastYear}}">{{year $r.LastYear}}</td><td>{{if $r.Examples}}<a class="exlink" href="#{{exid $i}}">{{len $r.Examples}} example{{if gt (len $r.Examples) 1}}s{{end}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>

<h2 id="findings">Findings per 100 paragraphs</h2>
<p>Per language and year, the findings of each kind per 100 paragraphs of the finals (a change of translation practice shows as a step), then the table of the same numbers.</p>
{{range steps .}}<div class="kind" id="kind-{{.Kind}}"><h3>{{.Kind}}</h3>
{{.SVG}}
</div>
{{end}}{{$kinds := kinds .}}
<table id="findings-table">
<thead><tr><th>Language</th><th>Year</th><th class="n">Finals</th><th class="n">Paragraphs</th>{{range $kinds}}<th class="n">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range $f := .Findings}}<tr><td>{{$f.Lang}}</td><td>{{year $f.Year}}</td><td class="n">{{$f.Finals}}</td><td class="n">{{$f.Paras}}</td>{{range $kinds}}<td class="n">{{rateOf $f .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>

<section class="examples">
<h2 id="examples">Examples</h2>
{{range $i, $r := .Renderings}}{{if $r.Examples}}<section id="{{exid $i}}">
<h3>{{$r.VotedConcept}} → {{or $r.FinalConcept "(not rendered)"}}, {{$r.Lang}}</h3>
{{range $r.Examples}}<div class="ex"><div><b>{{.Symbol}}</b> {{year .Year}}{{if .Body}}, {{.Body}}{{end}}, paragraph {{.Para}}{{if .FinalPara}} (final {{.FinalPara}}){{end}}</div>
{{if .VotedText}}<div class="texts"><div>{{.VotedText}}</div><div lang="{{$r.Lang}}">{{.FinalText}}</div></div>{{end}}
<div class="src">{{.Source}}</div></div>
{{end}}<p><a href="#table">back to the table</a></p>
</section>
{{end}}{{end}}
</section>
<script>
document.querySelectorAll("th[data-sort]").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var i = Array.prototype.indexOf.call(th.parentNode.children, th);
    var num = th.dataset.sort === "n", dir = th.dataset.dir === "asc" ? -1 : 1;
    th.dataset.dir = dir === 1 ? "asc" : "desc";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[i], y = b.cells[i];
      if (num) { return dir * (parseFloat(x.dataset.v) - parseFloat(y.dataset.v)); }
      return dir * x.textContent.localeCompare(y.textContent);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
</body>
</html>
`))

// WriteHTML writes the page.
func (a *Atlas) WriteHTML(w io.Writer) error {
	return page.Execute(w, a)
}
