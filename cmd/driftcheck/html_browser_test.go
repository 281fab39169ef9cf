package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// fiveFinals renders the HTML report of the voted English excerpt against
// five finals: the French, Spanish, Russian and Arabic excerpts and the
// whole Chinese resolution (which adds paragraphs, so that rows with one
// final only are there too).
func fiveFinals(t *testing.T, dir string) (page string, args []string) {
	t.Helper()
	lang := func(name string) string { return filepath.Join("..", "..", "testdata", "languages", name) }
	args = []string{"--voted", founding("L36.excerpt.en.txt"), lang("RES.excerpt.fr.txt"), lang("RES.excerpt.es.txt"),
		lang("RES.excerpt.ru.txt"), lang("RES.excerpt.ar.txt"), founding("RES.zh.txt")}
	page = filepath.Join(dir, "five-finals.html")
	if code, _, stderr := runCmd(t, append([]string{"check", "--format", "html", "--output", page}, args...)...); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	return page, args
}

// chromium runs Debian's headless Chromium on a page with a window width,
// and returns what it printed on stdout (the DOM with --dump-dom).
type chromium struct {
	t    *testing.T
	bin  string
	home string
}

func newChromium(t *testing.T) *chromium {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
	}
	return &chromium{t: t, bin: bin, home: t.TempDir()}
}

func (c *chromium) run(width int, page string, args ...string) []byte {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + c.home, "--window-size=" + itoa(width) + ",2200"}
	cmd := exec.CommandContext(ctx, c.bin, append(append(base, args...), "file://"+page)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		c.t.Fatalf("chromium %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// framed writes a page that shows page (with script added after its own,
// if any) in a frame width px wide: headless Chromium makes no window
// narrower than 500 px, and a phone's screen is narrower. The frame's
// document (srcdoc) has its parent's origin, so that a script in it can
// write into the parent, whose DOM Chromium dumps.
func framed(t *testing.T, page, script string, width int) string {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(src, []byte("</body>"))
	if i < 0 {
		t.Fatal("the page has no </body>")
	}
	inner := string(src[:i]) + script + string(src[i:])
	w := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0"><iframe style="border:0;display:block;width:` +
		itoa(width) + `px;height:2200px" srcdoc="` + html.EscapeString(inner) + `"></iframe></body></html>`
	f, err := os.CreateTemp(t.TempDir(), "framed-*.html")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(w); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// window is the Chromium window width for a frame width px wide.
func window(width int) int { return max(width, 500) + 20 }

// harness shows page in a frame width px wide with a script added after
// the page's own, which does what the test says (its mode) and writes
// what it measured as JSON into <pre id="harness"> of the parent page,
// read back from the DOM Chromium dumps.
func harness(t *testing.T, c *chromium, page, mode string, width int, out any) {
	t.Helper()
	script := "<script>var MODE = " + strconv.Quote(mode) + ";\n" + harnessJS + "</script>\n"
	h := framed(t, page, script, width)
	doc, err := html.Parse(bytes.NewReader(c.run(window(width), h, "--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	var res string
	walk(doc, func(n *html.Node) {
		if id, _ := attr(n, "id"); n.Type == html.ElementNode && id == "harness" && n.FirstChild != nil {
			res = n.FirstChild.Data
		}
	})
	if res == "" {
		t.Fatalf("%s at %d px: the harness wrote nothing", mode, width)
	}
	if err := json.Unmarshal([]byte(res), out); err != nil {
		t.Fatalf("%s at %d px: %v\n%s", mode, width, err, res)
	}
}

// harnessJS measures the page (MODE "layout") or uses it as a reader
// would (MODE "use"): filters, the paragraphs-with-findings toggle, j and
// k, accept and ignore, and the baseline download (the file is caught
// where the page makes its Blob).
const harnessJS = `
(function () {
  var r = {};
  function $(s) { return document.querySelector(s); }
  function all(s) { return Array.prototype.slice.call(document.querySelectorAll(s)); }
  function width(el) { return Math.round(el.getBoundingClientRect().width * 10) / 10; }
  function shown(el) { return el.offsetParent !== null; }
  var items = all('li.finding');
  if (MODE === 'layout') {
    r.viewport = document.documentElement.clientWidth;
    r.scrollWidth = document.documentElement.scrollWidth;
    r.heads = all('#texts thead th[data-col]').filter(shown).map(width);
    r.cells = all('#texts tr.para')[0].querySelectorAll('td[data-col]').length;
    r.firstRow = Array.prototype.map.call(all('#texts tr.para')[0].querySelectorAll('td[data-col]'), width);
    r.outside = [];
    all('body *').forEach(function (el) {
      var b = el.getBoundingClientRect();
      if (b.width > 0 && (b.right > r.viewport + 0.5 || b.left < -0.5) && r.outside.length < 10) {
        r.outside.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(b.left) + '-' + Math.round(b.right));
      }
    });
    r.printAdjust = false;
    Array.prototype.forEach.call(document.styleSheets, function (sh) {
      Array.prototype.forEach.call(sh.cssRules, function (rule) {
        if (rule.media && rule.media.mediaText.indexOf('print') >= 0) {
          Array.prototype.forEach.call(rule.cssRules, function (x) {
            if (x.style && x.selectorText === '*' && x.style.getPropertyValue('print-color-adjust') === 'exact') r.printAdjust = true;
          });
        }
      });
    });
  } else {
    var ids = function () { return items.filter(shown).map(function (li) { return li.id; }); };
    var set = function (filter, value, on) {
      var b = $('#filters input[data-filter="' + filter + '"][value="' + value + '"]');
      b.checked = on;
      b.dispatchEvent(new Event('change'));
    };
    r.total = items.length;
    r.initial = {shown: $('#shown').textContent, visible: ids().length};
    set('lang', 'fr', false);
    r.frOff = {
      shown: $('#shown').textContent, visible: ids().length,
      frVisible: items.filter(function (li) { return shown(li) && li.dataset.lang === 'fr'; }).length,
      frColumns: all('table [data-col]').filter(function (el) { return shown(el) && el.closest('table').querySelector('thead th[data-col="' + el.dataset.col + '"]').getAttribute('lang') === 'fr'; }).length,
      heads: all('#texts thead th[data-col]').filter(shown).map(width),
      colspan: $('tr.findings > td').colSpan,
      summaryHeads: all('#summary thead th[data-col]').filter(shown).length
    };
    set('lang', 'fr', true);
    set('severity', 'error', false);
    r.errorOff = {shown: $('#shown').textContent, visible: ids().length, rows: all('#texts tr.findings').filter(shown).length};
    set('severity', 'error', true);
    // Chinese off (its added paragraphs have no finding left), then only
    // the paragraphs with findings.
    set('lang', 'zh', false);
    var only = $('#only-findings');
    only.checked = true;
    only.dispatchEvent(new Event('change'));
    var paras = all('#texts tr.para');
    var has = function (tr) {
      var fr = $('tr.findings[data-row="' + tr.id + '"]');
      return fr !== null && items.some(function (li) { return fr.contains(li) && li.dataset.lang !== 'zh'; });
    };
    r.only = {
      paras: paras.length, shown: paras.filter(shown).length,
      withFindings: paras.filter(has).length,
      shownWithout: paras.filter(function (tr) { return shown(tr) && !has(tr); }).length
    };
    only.checked = false;
    only.dispatchEvent(new Event('change'));
    r.after = {shown: all('#texts tr.para').filter(shown).length};
    set('lang', 'zh', true);
    var key = function (k) {
      document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true}));
      var c = $('li.finding.current');
      return c ? c.id : '';
    };
    r.order = ids();
    r.keys = [key('j'), key('j'), key('k'), key('k'), key('k')];
    set('lang', 'fr', false);
    r.keysFiltered = [key('j'), key('j')].map(function (id) { return id && $('#' + id).dataset.lang; });
    set('lang', 'fr', true);
    // Review: accept the Arabic findings and f-1, accept f-2 and take it
    // back, ignore f-3; then download the baseline.
    var click = function (id, what) { $('#' + id + ' .review button.' + what).click(); };
    r.accepted = [];
    items.forEach(function (li) {
      if (li.dataset.lang === 'ar' || li.id === 'f-1') { click(li.id, 'accept'); r.accepted.push(li.dataset.fp); }
    });
    click('f-2', 'accept');
    click('f-2', 'accept');
    click('f-3', 'ignore');
    r.pressed = {f1: $('#f-1 .review button.accept').getAttribute('aria-pressed'), f2: $('#f-2 .review button.accept').getAttribute('aria-pressed'), f3: $('#f-3 .review button.ignore').getAttribute('aria-pressed')};
    r.reviewed = $('#reviewed').textContent;
    var RealBlob = window.Blob, realClick = HTMLAnchorElement.prototype.click;
    window.Blob = function (parts, opt) { r.download = parts.join(''); r.type = opt.type; return new RealBlob(parts, opt); };
    HTMLAnchorElement.prototype.click = function () { r.name = this.download; r.href = this.href.split(':')[0]; };
    $('#download-baseline').click();
    window.Blob = RealBlob;
    HTMLAnchorElement.prototype.click = realClick;
    items.forEach(function (li) { if (li.dataset.review !== 'accepted') click(li.id, 'accept'); });
    r.all = window.driftcheck.baseline();
  }
  var pre = parent.document.createElement('pre');
  pre.id = 'harness';
  pre.textContent = JSON.stringify(r);
  parent.document.body.appendChild(pre);
})();
`

// TestHTMLFiveFinalsLayout: with five finals, the voted text and each
// final get columns of the same width at 1,400 px, and nothing is wider
// than a 400 px phone screen (the columns are stacked there, each the
// width of the screen). Screenshots of both are kept.
func TestHTMLFiveFinalsLayout(t *testing.T) {
	c := newChromium(t)
	dir := artifactDir(t)
	page, _ := fiveFinals(t, dir)
	type layout struct {
		Viewport, ScrollWidth float64
		Heads, FirstRow       []float64
		Cells                 int
		Outside               []string
		PrintAdjust           bool
	}
	for _, width := range []int{1400, 400} {
		shot := filepath.Join(dir, "five-finals-"+itoa(width)+".png")
		c.run(window(width), framed(t, page, "", width), "--screenshot="+shot)
		if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
			t.Errorf("screenshot %s missing or empty: %v", shot, err)
		}
		t.Logf("screenshot kept at %s", shot)
		// And the texts, scrolled to.
		shot = filepath.Join(dir, "five-finals-"+itoa(width)+"-texts.png")
		c.run(window(width), framed(t, page, "<script>document.getElementById('texts').scrollIntoView();</script>", width), "--screenshot="+shot)
		t.Logf("screenshot kept at %s", shot)
		var l layout
		harness(t, c, page, "layout", width, &l)
		t.Logf("%d px: viewport %.0f, scroll width %.0f, column heads %v, first row %v", width, l.Viewport, l.ScrollWidth, l.Heads, l.FirstRow)
		if l.Viewport > float64(width) || l.Viewport < float64(width)-20 {
			t.Fatalf("%d px: the viewport is %.0f px wide: the window size did not apply", width, l.Viewport)
		}
		if l.ScrollWidth > l.Viewport {
			t.Errorf("%d px: the page scrolls sideways (%.0f px wide); outside the screen: %v", width, l.ScrollWidth, l.Outside)
		}
		if len(l.Outside) > 0 {
			t.Errorf("%d px: elements outside the screen: %v", width, l.Outside)
		}
		if l.Cells != 6 || len(l.FirstRow) != 6 {
			t.Fatalf("%d px: %d cells in the first row, want 6 (voted and five finals)", width, l.Cells)
		}
		if !l.PrintAdjust {
			t.Errorf("no print-color-adjust: exact for print that the browser takes")
		}
		switch width {
		case 1400:
			// Six text columns of one width, each a sixth of what the
			// paragraph ids leave.
			if len(l.Heads) != 6 {
				t.Fatalf("%d column heads shown, want 6", len(l.Heads))
			}
			for _, w := range append(l.Heads, l.FirstRow...) {
				if math.Abs(w-l.Heads[0]) > 1 || w < 180 {
					t.Errorf("1400 px: column widths %v and %v, want one width of at least 180 px", l.Heads, l.FirstRow)
					break
				}
			}
		case 400:
			// Stacked: each text as wide as the screen less the margins.
			for _, w := range l.FirstRow {
				if w < l.Viewport-40 {
					t.Errorf("400 px: cells %v px wide, want about %.0f", l.FirstRow, l.Viewport)
					break
				}
			}
		}
	}
}

// TestHTMLFiveFinalsUse uses the page in Chromium as a translator would:
// a language filtered out takes its column and its findings away and the
// counters say so; "only paragraphs with findings"; j and k; accept and
// ignore; and the downloaded baseline, which must be byte for byte the
// file --write-baseline writes for the same findings, and which
// --baseline reads to leave out exactly the accepted ones.
func TestHTMLFiveFinalsUse(t *testing.T) {
	c := newChromium(t)
	dir := artifactDir(t)
	page, args := fiveFinals(t, dir)
	var u struct {
		Total   int
		Initial struct {
			Shown   string
			Visible int
		}
		FrOff struct {
			Shown                         string
			Visible, FrVisible, FrColumns int
			Heads                         []float64
			Colspan, SummaryHeads         int
		}
		ErrorOff struct {
			Shown         string
			Visible, Rows int
		}
		Only         struct{ Paras, Shown, WithFindings, ShownWithout int }
		After        struct{ Shown int }
		Order        []string
		Keys         []string
		KeysFiltered []string
		Accepted     []string
		Pressed      struct{ F1, F2, F3 string }
		Reviewed     string
		Download     string
		Type, Name   string
		Href         string
		All          string
	}
	harness(t, c, page, "use", 1400, &u)

	code, stdout, stderr := runCmd(t, append([]string{"check", "--format", "json"}, args...)...)
	var rep struct {
		Summary struct {
			Findings   int
			BySeverity map[string]int `json:"by_severity"`
			Suppressed int            `json:"suppressed_by_baseline"`
		}
		Findings []struct {
			Fingerprint string
			Severity    string
			Final       struct{ Lang string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != 1 {
		t.Fatalf("json run: exit %d, %v: %s", code, err, stderr)
	}
	n := rep.Summary.Findings
	count := func(lang string) (k int) {
		for _, f := range rep.Findings {
			if f.Final.Lang == lang {
				k++
			}
		}
		return k
	}
	fr := count("fr")
	if u.Total != n || u.Initial.Visible != n {
		t.Fatalf("the page has %d findings, %d shown; the JSON report %d", u.Total, u.Initial.Visible, n)
	}
	if want := itoa(n) + " of " + itoa(n) + " finding(s) shown: " + itoa(rep.Summary.BySeverity["error"]) + " error, " +
		itoa(rep.Summary.BySeverity["warning"]) + " warning, " + itoa(rep.Summary.BySeverity["info"]) + " info"; u.Initial.Shown != want {
		t.Errorf("counters %q, want %q", u.Initial.Shown, want)
	}
	// French filtered out: its findings, its columns in both tables and
	// its share of the counters go; the other columns share the width.
	if fr == 0 {
		t.Fatal("no French findings to filter")
	}
	if u.FrOff.Visible != n-fr || u.FrOff.FrVisible != 0 || u.FrOff.FrColumns != 0 || !strings.HasPrefix(u.FrOff.Shown, itoa(n-fr)+" of "+itoa(n)+" ") {
		t.Errorf("French off: %d shown (%d French, %d French cells), counters %q; want %d", u.FrOff.Visible, u.FrOff.FrVisible, u.FrOff.FrColumns, u.FrOff.Shown, n-fr)
	}
	if len(u.FrOff.Heads) != 5 || u.FrOff.Colspan != 6 || u.FrOff.SummaryHeads != 4 {
		t.Errorf("French off: %d text columns, findings spanning %d, %d summary columns; want 5, 6, 4", len(u.FrOff.Heads), u.FrOff.Colspan, u.FrOff.SummaryHeads)
	}
	for _, w := range u.FrOff.Heads {
		if math.Abs(w-u.FrOff.Heads[0]) > 1 {
			t.Errorf("French off: column widths %v", u.FrOff.Heads)
			break
		}
	}
	// Every finding here is an error: none left with errors filtered out.
	if rep.Summary.BySeverity["error"] == n && (u.ErrorOff.Visible != 0 || u.ErrorOff.Rows != 0 || !strings.HasPrefix(u.ErrorOff.Shown, "0 of ")) {
		t.Errorf("errors off: %d findings in %d rows still shown, counters %q", u.ErrorOff.Visible, u.ErrorOff.Rows, u.ErrorOff.Shown)
	}
	if u.Only.WithFindings == 0 || u.Only.WithFindings == u.Only.Paras || u.Only.Shown != u.Only.WithFindings || u.Only.ShownWithout != 0 || u.After.Shown != u.Only.Paras {
		t.Errorf("only paragraphs with findings: %d of %d shown, %d have findings, %d without shown; %d after", u.Only.Shown, u.Only.Paras, u.Only.WithFindings, u.Only.ShownWithout, u.After.Shown)
	}
	// j, j, k, k, k: the first, the second, the first, and the first again.
	if len(u.Order) < 2 || strings.Join(u.Keys, " ") != strings.Join([]string{u.Order[0], u.Order[1], u.Order[0], u.Order[0], u.Order[0]}, " ") {
		t.Errorf("j j k k k went %v (findings %v)", u.Keys, u.Order[:min(3, len(u.Order))])
	}
	// From the first (French) finding, j skips the French ones filtered out.
	if len(u.KeysFiltered) != 2 || u.KeysFiltered[0] == "" || u.KeysFiltered[0] == "fr" || u.KeysFiltered[1] == "" || u.KeysFiltered[1] == "fr" {
		t.Errorf("j with French filtered out went to findings in %q", u.KeysFiltered)
	}
	if u.Pressed.F1 != "true" || u.Pressed.F2 != "false" || u.Pressed.F3 != "true" {
		t.Errorf("pressed: %+v", u.Pressed)
	}
	if want := itoa(len(u.Accepted)) + " accepted, 1 ignored"; u.Reviewed != want {
		t.Errorf("review counters %q, want %q", u.Reviewed, want)
	}
	if u.Name != "driftcheck-baseline.json" || u.Type != "application/json" || u.Href != "blob" {
		t.Errorf("download %q of type %q from a %q URL", u.Name, u.Type, u.Href)
	}
	if len(u.Accepted) != count("ar")+1 {
		t.Fatalf("%d accepted, want the %d Arabic findings and f-1", len(u.Accepted), count("ar"))
	}

	// Every finding accepted: the page's file is --write-baseline's.
	written := filepath.Join(t.TempDir(), "written.json")
	if code, _, stderr := runCmd(t, append([]string{"check", "--write-baseline", written}, args...)...); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile(written)
	if err != nil {
		t.Fatal(err)
	}
	if u.All != string(want) {
		t.Errorf("the page's baseline of every finding differs from --write-baseline's:\n%s\nwant\n%s", u.All, want)
	}

	// The downloaded file, fed to --baseline, leaves out exactly the
	// accepted findings; the one taken back and the ignored one stay.
	downloaded := filepath.Join(dir, "driftcheck-baseline.json")
	if err := os.WriteFile(downloaded, []byte(u.Download), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(t, append([]string{"check", "--format", "json", "--baseline", downloaded}, args...)...)
	var after struct {
		Summary struct {
			Findings   int
			Suppressed int `json:"suppressed_by_baseline"`
		}
		Findings []struct{ Fingerprint string }
	}
	if err := json.Unmarshal([]byte(stdout), &after); err != nil || code != 1 {
		t.Fatalf("--baseline run: exit %d, %v: %s", code, err, stderr)
	}
	accepted := map[string]bool{}
	for _, fp := range u.Accepted {
		accepted[fp] = true
	}
	if after.Summary.Suppressed != len(u.Accepted) || after.Summary.Findings != n-len(u.Accepted) {
		t.Errorf("--baseline with the download: %d suppressed, %d left; want %d and %d", after.Summary.Suppressed, after.Summary.Findings, len(u.Accepted), n-len(u.Accepted))
	}
	for _, f := range after.Findings {
		if accepted[f.Fingerprint] {
			t.Errorf("accepted finding %s reported again", f.Fingerprint)
		}
	}
}

// TestHTMLPrint prints the five finals' report to PDF in Chromium and
// checks that the highlights are in it: the drift's red (#b00020) and
// the terms' blue (#e8f0fe, a background only) are painted as fills.
func TestHTMLPrint(t *testing.T) {
	c := newChromium(t)
	dir := artifactDir(t)
	page, _ := fiveFinals(t, dir)
	pdf := filepath.Join(dir, "five-finals.pdf")
	c.run(1400, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PDF kept at %s", pdf)
	var content bytes.Buffer
	stream := regexp.MustCompile(`stream\r?\n`)
	for _, loc := range stream.FindAllIndex(data, -1) {
		end := bytes.Index(data[loc[1]:], []byte("endstream"))
		if end < 0 {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[loc[1] : loc[1]+end]))
		if err != nil {
			continue // not a Flate stream
		}
		b, _ := io.ReadAll(zr)
		content.Write(b)
	}
	// A fill colour (rg) of three components, then a path filled (f)
	// before any text (BT).
	fill := regexp.MustCompile(`([0-9.]+) ([0-9.]+) ([0-9.]+) rg\n((?:[^\n]*\n){0,40}?)f\n`)
	near := func(got []byte, want float64) bool {
		v, err := strconv.ParseFloat(string(got), 64)
		return err == nil && math.Abs(v-want/255) < 0.005
	}
	red, blue := 0, 0
	for _, m := range fill.FindAllSubmatch(content.Bytes(), -1) {
		if bytes.Contains(m[4], []byte("BT")) {
			continue
		}
		if near(m[1], 0xb0) && near(m[2], 0) && near(m[3], 0x20) {
			red++
		}
		if near(m[1], 0xe8) && near(m[2], 0xf0) && near(m[3], 0xfe) {
			blue++
		}
	}
	t.Logf("PDF: %d red fills, %d term fills", red, blue)
	if red == 0 || blue == 0 {
		t.Errorf("the printed page lost its highlights: %d red fills, %d term fills", red, blue)
	}
}
