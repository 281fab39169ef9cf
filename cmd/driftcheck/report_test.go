package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/net/html"
)

// artifactDir is where tests keep files for people to look at: the
// directory named by DRIFTCHECK_ARTIFACTS (.ci/run sets it), else a
// temporary one.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("DRIFTCHECK_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// htmlReport renders the founding case as HTML: the voted English against
// the final Chinese, an English final after an oral revision (inline diff)
// and an Arabic excerpt (right to left).
func htmlReport(t *testing.T, dir string) (path string, findings int) {
	t.Helper()
	path = filepath.Join(dir, "founding.html")
	args := []string{"check", "--format", "html", "--output", path, "--voted", founding("L36.en.txt"),
		founding("RES.zh.txt"), founding("RES.en.oral-revision.txt"), founding("RES.excerpt.ar.txt")}
	code, _, stderr := runCmd(t, args...)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr)
	}
	// The same run as JSON says how many findings the page must show.
	code, stdout, _ := runCmd(t, append([]string{"check", "--format", "json"}, args[5:]...)...)
	var rep struct {
		Summary struct{ Findings int } `json:"summary"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != 1 {
		t.Fatalf("json run: exit %d, %v", code, err)
	}
	return path, rep.Summary.Findings
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// TestHTMLInBrowser renders the HTML report of the founding case in Debian's
// headless Chromium, keeps a screenshot, and checks the DOM Chromium dumps
// after running the page's script: every finding is present, highlighted in
// the texts and linked from the summary; the Arabic column is right to left;
// nothing is loaded from outside the file.
func TestHTMLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
	}
	dir := artifactDir(t)
	page, want := htmlReport(t, dir)
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<link", " src=", "@import", "url(", "http://", "https://"} {
		if bytes.Contains(src, []byte(bad)) {
			t.Errorf("the page refers to something outside itself: %q", bad)
		}
	}
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1400,2200"}
	shot := filepath.Join(dir, "founding.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, chromium, append(base, "--screenshot="+shot, "file://"+page)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
		t.Errorf("screenshot %s missing or empty: %v", shot, err)
	}
	t.Logf("screenshot kept at %s", shot)
	dom, err := exec.CommandContext(ctx, chromium, append(base, "--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	findings := map[string]bool{}    // ids of the finding entries
	highlighted := map[string]bool{} // ids with a highlight in a text cell
	linked := map[string]bool{}      // ids linked from the summary
	var hidden []string
	arCells, arRTL := 0, 0
	inSummary := false
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id, _ := attr(n, "id"); id == "summary" {
			inSummary = true
		} else if id == "texts" {
			inSummary = false
		}
		class, _ := attr(n, "class")
		if id, ok := attr(n, "id"); ok && strings.Contains(" "+class+" ", " finding ") {
			findings[id] = true
			if strings.Contains(class, "hidden") {
				hidden = append(hidden, id)
			}
		}
		if f, ok := attr(n, "data-f"); ok && !strings.Contains(class, "off") {
			switch {
			case n.Data == "mark" || n.Data == "del" || n.Data == "ins":
				for _, id := range strings.Fields(f) {
					highlighted[id] = true
				}
			case n.Data == "td" && (strings.Contains(class, "missing") || strings.Contains(class, "added")):
				// A missing or added paragraph: the whole cell is marked.
				for _, id := range strings.Fields(f) {
					highlighted[id] = true
				}
			}
		}
		if href, ok := attr(n, "href"); ok && inSummary && strings.HasPrefix(href, "#f-") {
			linked[href[1:]] = true
		}
		if lang, _ := attr(n, "lang"); lang == "ar" && n.Data == "td" {
			arCells++
			if dir, _ := attr(n, "dir"); dir == "rtl" {
				arRTL++
			}
		}
	})
	if len(findings) != want {
		t.Errorf("the page shows %d findings, the JSON report has %d", len(findings), want)
	}
	if len(hidden) > 0 {
		t.Errorf("findings hidden with every filter on: %v", hidden)
	}
	for id := range findings {
		if !linked[id] {
			t.Errorf("finding %s is not linked from the summary", id)
		}
		if !highlighted[id] {
			t.Errorf("finding %s is not highlighted in the texts", id)
		}
	}
	if arCells == 0 || arRTL != arCells {
		t.Errorf("Arabic cells: %d, right to left: %d", arCells, arRTL)
	}
}

// TestSARIF validates the SARIF report of the founding case against the
// SARIF 2.1.0 JSON schema (testdata/sarif, vendored) and checks that each
// result's region is exactly the drifted term in the final file.
func TestSARIF(t *testing.T) {
	code, stdout, stderr := runCmd(t, "check", "--format", "sarif", "--sarif-root", "../..", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	schemaFile, err := filepath.Abs("../../testdata/sarif/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || log.Runs[0].ColumnKind != "unicodeCodePoints" || len(log.Runs[0].Results) != 9 {
		t.Fatalf("want one run, columnKind unicodeCodePoints, 9 results; got %+v", log)
	}
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(loc.ArtifactLocation.URI))) // relative to --sarif-root
		if err != nil {
			t.Fatalf("location %s: %v", loc.ArtifactLocation.URI, err)
		}
		lines := strings.Split(string(data), "\n")
		reg := loc.Region
		if reg.StartLine != reg.EndLine || reg.StartLine > len(lines) {
			t.Fatalf("region %+v", reg)
		}
		runes := []rune(lines[reg.StartLine-1])
		if got := string(runes[reg.StartColumn-1 : reg.EndColumn-1]); got != "合作共赢" {
			t.Errorf("%s line %d columns %d-%d hold %+q, want the drifted term 合作共赢", loc.ArtifactLocation.URI, reg.StartLine, reg.StartColumn, reg.EndColumn, got)
		}
	}
}

// TestBaseline: a baseline written on the founding case suppresses its nine
// findings; a final with one more substitution then reports exactly that one
// and exits 1; the same final exits 0; renumbering does not revive them.
func TestBaseline(t *testing.T) {
	b := filepath.Join(t.TempDir(), "baseline.json")
	lex := founding("assistance-framing.tsv")
	code, _, stderr := runCmd(t, "check", "-l", lex, "--write-baseline", b, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 0 { // recording a baseline does not fail (issue 18)
		t.Fatalf("writing the baseline: exit %d: %s", code, stderr)
	}
	type rep struct {
		Summary struct {
			Findings   int `json:"findings"`
			Suppressed int `json:"suppressed_by_baseline"`
		} `json:"summary"`
		Findings []struct {
			Kind         string                `json:"kind"`
			FinalConcept string                `json:"final_concept"`
			Final        struct{ Para string } `json:"final"`
		} `json:"findings"`
	}
	check := func(final string) (int, rep) {
		code, stdout, stderr := runCmd(t, "check", "--format", "json", "-l", lex, "--baseline", b, "--voted", founding("L36.en.txt"), founding(final))
		var r rep
		if err := json.Unmarshal([]byte(stdout), &r); err != nil {
			t.Fatalf("%s: %v (stderr %s)", final, err, stderr)
		}
		return code, r
	}
	code, r := check("RES.zh.more-drift.txt")
	if code != 1 || r.Summary.Findings != 1 || r.Summary.Suppressed != 9 ||
		r.Findings[0].Kind != "term-substituted" || r.Findings[0].FinalConcept != "technical-cooperation" || r.Findings[0].Final.Para != "OP2" {
		t.Errorf("more drift: exit %d, %+v; want exit 1, the one new substitution in OP2, 9 suppressed", code, r)
	}
	if code, r = check("RES.zh.txt"); code != 0 || r.Summary.Findings != 0 || r.Summary.Suppressed != 9 {
		t.Errorf("same final: exit %d, %+v; want exit 0, 9 suppressed", code, r)
	}
	if code, r = check("RES.zh.op3-deleted-renumbered.txt"); code != 1 || r.Summary.Findings != 1 || r.Findings[0].Kind != "paragraph-missing" || r.Summary.Suppressed != 9 {
		t.Errorf("renumbered final: exit %d, %+v; want only the paragraph-missing, 9 suppressed", code, r)
	}
	// A broken baseline is an input error.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"version": 7, "findings": []}`), 0o644)
	if code, _, stderr := runCmd(t, "check", "--baseline", bad, "--voted", founding("L36.en.txt"), founding("RES.zh.txt")); code != 2 || !strings.Contains(stderr, "bad.json") {
		t.Errorf("bad baseline: exit %d, stderr %q; want 2 naming the file", code, stderr)
	}
}

// TestReportsSayWhatWasNotChecked: when a final cannot be read, every
// report format says so, not only stderr and the exit status: a SARIF log
// uploaded by CI or a saved page must not pass for a clean run (issue 16,
// defect 11).
func TestReportsSayWhatWasNotChecked(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "EMPTY.fr.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(format string) string {
		t.Helper()
		code, stdout, stderr := runCmd(t, "check", "-f", format, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"), empty)
		if code != 2 || !strings.Contains(stderr, "EMPTY.fr.txt") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 naming the file", format, code, stderr)
		}
		return stdout
	}
	var j struct {
		Errors []struct{ Path, Error string }
	}
	if err := json.Unmarshal([]byte(check("json")), &j); err != nil || len(j.Errors) != 1 || j.Errors[0].Path != empty || j.Errors[0].Error == "" {
		t.Errorf("json errors: %+v (%v)", j.Errors, err)
	}
	var s struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(check("sarif")), &s); err != nil || len(s.Runs) != 1 || len(s.Runs[0].Invocations) != 1 {
		t.Fatalf("sarif: %v %+v", err, s)
	}
	inv := s.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Level != "error" || !strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "EMPTY.fr.txt") {
		t.Errorf("sarif invocation: %+v", inv)
	}
	if text := check("text"); !strings.HasPrefix(text, "NOT CHECKED: 1 input(s) could not be read\n  "+empty+": ") {
		t.Errorf("text report does not start with what was not checked:\n%.300s", text)
	}
	if html := check("html"); !strings.Contains(html, `id="not-checked"`) || !strings.Contains(html, "EMPTY.fr.txt") {
		t.Error("html report does not say what was not checked")
	}
	if csv := check("csv"); !strings.Contains(csv, "error,input-unreadable,") {
		t.Errorf("csv: no row for the unread input:\n%s", csv)
	}
	if line := check("line"); !strings.HasPrefix(line, empty+": error input-unreadable: ") {
		t.Errorf("line: %.200q", line)
	}
	// A clean run says it read everything.
	_, stdout, _ := runCmd(t, "check", "-f", "sarif", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if !strings.Contains(stdout, `"executionSuccessful": true`) {
		t.Error("sarif of a run that read every input is not executionSuccessful")
	}
}
