package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// atlasJS uses the atlas page as a reader would and writes what it found
// as JSON into <pre id="harness">: the charts of each contested pair, the
// heat map, the resources the page loaded and every reference it makes,
// each example link clicked, the table sorted by count both ways.
const atlasJS = `<script>
(function () {
  function all(s, root) { return Array.prototype.slice.call((root || document).querySelectorAll(s)); }
  var r = {};
  r.pairs = all('.pair').map(function (p) {
    var svg = p.querySelector('svg.chart');
    return {id: p.id, charts: all('svg.chart', p).length, lines: all('polyline.series', p).length,
      width: svg ? Math.round(svg.getBoundingClientRect().width) : 0};
  });
  r.heatCells = all('svg.heat rect.cell').length;
  r.steps = all('.kind svg.steps').map(function (svg) { return svg.dataset.key + ' ' + all('polyline.series', svg).length; });
  r.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
  r.refs = all('[src],[href]').map(function (e) { return e.getAttribute('src') || e.getAttribute('href'); });
  r.examples = all('a.exlink').map(function (a) {
    a.click();
    var t = document.getElementById(a.getAttribute('href').slice(1));
    return {href: a.getAttribute('href'), hash: location.hash, found: !!t, exs: t ? all('.ex', t).length : 0};
  });
  var th = all('#renderings thead th')[3];
  th.click();
  r.asc = all('#renderings tbody tr').map(function (tr) { return +tr.cells[3].dataset.v; });
  th.click();
  r.desc = all('#renderings tbody tr').map(function (tr) { return +tr.cells[3].dataset.v; });
  var pre = document.createElement('pre');
  pre.id = 'harness';
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
</script>
`

// TestAtlasInBrowser renders the atlas page of a batch output in headless
// Chromium: a chart for each contested pair with a line per language, the
// heat map, every example one click away, the table sortable, and no
// external reference (no resource loaded; no src, no href outside the page,
// no url() or @import in its style).
func TestAtlasInBrowser(t *testing.T) {
	c := newChromium(t)
	// The batch of atlasArchive, and the lines of the atlas package's
	// tests (zh and fr, counts up to 2), so that sorting moves rows.
	out := atlasOut(t)
	more := t.TempDir()
	for _, n := range []string{"part-0of1-000000.jsonl", "part-0of1-000001.jsonl"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "atlas", "testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(more, n), b, 0o644)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "atlas.html")
	js := filepath.Join(dir, "atlas.json")
	for _, o := range []string{page, js} {
		if code, _, stderr := runCmd(t, "atlas", out, more, "-o", o, "-q"); code != 0 {
			t.Fatalf("atlas -o %s: exit %d: %s", o, code, stderr)
		}
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range []string{`(?i)\bsrc\s*=`, `(?i)url\(`, `(?i)@import`, `(?i)<link\b`, `(?i)href\s*=\s*"[^#"]`} {
		if m := regexp.MustCompile(re).Find(src); m != nil {
			t.Errorf("the page has an external reference: %q", m)
		}
	}
	var a struct {
		Pairs []struct {
			VotedConcept string `json:"voted_concept"`
			Alternative  string `json:"alternative"`
			Series       []any  `json:"series"`
		} `json:"pairs"`
		Langs    []string `json:"langs"`
		Findings []struct {
			Lang   string `json:"lang"`
			ByKind []struct {
				Kind string `json:"kind"`
			} `json:"by_kind"`
		} `json:"findings"`
		Heat       []any `json:"heat"`
		Renderings []struct {
			Examples []any `json:"examples"`
		} `json:"renderings"`
	}
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(src, []byte("</body>"))
	harnessed := filepath.Join(dir, "harnessed.html")
	if err := os.WriteFile(harnessed, append(append(append([]byte{}, src[:i]...), atlasJS...), src[i:]...), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(c.run(1100, harnessed, "--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	var res string
	walk(doc, func(n *html.Node) {
		if id, _ := attr(n, "id"); n.Type == html.ElementNode && id == "harness" && n.FirstChild != nil {
			res = n.FirstChild.Data
		}
	})
	var got struct {
		Pairs []struct {
			ID                   string
			Charts, Lines, Width int
		}
		HeatCells int
		Steps     []string
		Resources []string
		Refs      []string
		Examples  []struct {
			Href, Hash string
			Found      bool
			Exs        int
		}
		Asc, Desc []float64
	}
	if err := json.Unmarshal([]byte(res), &got); err != nil {
		t.Fatalf("harness: %v\n%q", err, res)
	}
	t.Logf("pairs %+v; %d heat cells; %d example links; counts sorted %v", got.Pairs, got.HeatCells, len(got.Examples), got.Asc)
	if len(a.Pairs) < 2 || len(got.Pairs) != len(a.Pairs) {
		t.Fatalf("%d pairs on the page, %d in the JSON (want at least 2)", len(got.Pairs), len(a.Pairs))
	}
	for k, p := range got.Pairs {
		want := a.Pairs[k]
		if p.ID != "pair-"+want.VotedConcept+"-"+want.Alternative || p.Charts != 1 || p.Lines != len(want.Series) || p.Width < 300 {
			t.Errorf("pair %s: %d charts, %d lines, %d px wide; want one chart of %d lines (one per language) for %s → %s",
				p.ID, p.Charts, p.Lines, p.Width, len(want.Series), want.VotedConcept, want.Alternative)
		}
	}
	if got.HeatCells != len(a.Heat) || got.HeatCells == 0 {
		t.Errorf("heat map: %d cells, want %d", got.HeatCells, len(a.Heat))
	}
	// A step chart per kind of finding, a line per language with finals.
	langs := map[string]bool{}
	kinds := map[string]bool{}
	for _, f := range a.Findings {
		langs[f.Lang] = true
		for _, k := range f.ByKind {
			kinds[k.Kind] = true
		}
	}
	if len(got.Steps) != len(kinds) || len(kinds) == 0 {
		t.Errorf("step charts %v, want one per kind of %v", got.Steps, kinds)
	}
	for _, s := range got.Steps {
		kind, n, _ := strings.Cut(s, " ")
		if !kinds[kind] || n != itoa(len(langs)) {
			t.Errorf("step chart %q: want a kind of the findings and %d lines", s, len(langs))
		}
	}
	if len(got.Resources) != 0 {
		t.Errorf("the page loaded %v", got.Resources)
	}
	for _, r := range got.Refs {
		if !strings.HasPrefix(r, "#") {
			t.Errorf("reference %q out of the page", r)
		}
	}
	withExamples := 0
	for _, r := range a.Renderings {
		if len(r.Examples) > 0 {
			withExamples++
		}
	}
	if len(got.Examples) != withExamples || withExamples == 0 {
		t.Errorf("%d example links, want %d (the rows with examples)", len(got.Examples), withExamples)
	}
	for _, e := range got.Examples {
		if !e.Found || e.Hash != e.Href || e.Exs == 0 {
			t.Errorf("example link %s: found %v, location %s, %d examples", e.Href, e.Found, e.Hash, e.Exs)
		}
	}
	for k := 1; k < len(got.Asc); k++ {
		if got.Asc[k-1] > got.Asc[k] || got.Desc[k-1] < got.Desc[k] {
			t.Errorf("sorted by count: %v, then %v", got.Asc, got.Desc)
			break
		}
	}
	if len(got.Asc) != len(a.Renderings) {
		t.Errorf("%d rows after sorting, want %d", len(got.Asc), len(a.Renderings))
	}
}
