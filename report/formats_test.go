package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/report/sarifcheck"
)

func render(t *testing.T, format string, in Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, in, Options{}); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// TestTextGolden: the text report of several finals (one block per voted
// paragraph, then the paragraph × language matrix) and of one final (one
// block per paragraph pair, both texts shown).
func TestTextGolden(t *testing.T) {
	in := fixture()
	out := render(t, "text", in)
	golden(t, "fixture.text", out)
	for _, f := range in.Findings {
		if !bytes.Contains(out, []byte(string(f.Kind)+": "+f.Message)) {
			t.Errorf("the text report lacks %s: %s", f.Kind, f.Message)
		}
		if f.Voted.Para != "" && f.Final.Para != "" && !bytes.Contains(out, []byte(fmt.Sprintf("score %.2f", f.Score))) {
			t.Errorf("the text report lacks the score %.2f of %s", f.Score, f.Kind)
		}
	}

	one := fixture()
	one.Finals = one.Finals[:1]
	one.Findings = one.Findings[1:] // the French findings
	golden(t, "fixture-one-final.text", render(t, "text", one))
}

// lineRE is the documented line: path:line:col: severity kind: message.
var lineRE = regexp.MustCompile(`^([^:]+):(\d+):(\d+): (error|warning|info) ([a-z-]+): (.*)$`)

func TestLineGolden(t *testing.T) {
	in := fixture()
	out := render(t, "line", in)
	golden(t, "fixture.line", out)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(in.Errors)+len(in.Findings) {
		t.Fatalf("%d lines, want one per input error and finding (%d)", len(lines), len(in.Errors)+len(in.Findings))
	}
	if want := "in/final.ar.docx: error input-unreadable: zip: not a valid zip file (not checked)"; lines[0] != want {
		t.Errorf("input error line %q, want %q", lines[0], want)
	}
	for i, f := range in.Findings {
		m := lineRE.FindStringSubmatch(lines[i+1])
		if m == nil {
			t.Errorf("line %q is not path:line:col: severity kind: message", lines[i+1])
			continue
		}
		// Located in the final file, or in the voted one when the final
		// (a PDF here) has no lines.
		l := f.Final
		if l.Line == 0 {
			l = f.Voted
		}
		want := []string{l.Path, strconv.Itoa(l.Line), strconv.Itoa(l.Col), f.Severity.String(), string(f.Kind), f.Message}
		for k, w := range want {
			if m[k+1] != w {
				t.Errorf("line %q: field %d is %q, want %q", lines[i+1], k+1, m[k+1], w)
			}
		}
	}
}

func TestJSONGolden(t *testing.T) {
	in := fixture()
	out := render(t, "json", in)
	golden(t, "fixture.json", out)

	var r struct {
		Schema   int                 `json:"schema_version"`
		Voted    Doc                 `json:"voted"`
		Finals   []Doc               `json:"finals"`
		Level    string              `json:"level"`
		FailOn   string              `json:"fail_on"`
		Summary  jsonSummary         `json:"summary"`
		Findings []map[string]any    `json:"findings"`
		Errors   []InputError        `json:"errors"`
		Warnings []string            `json:"warnings"`
		Other    map[string]struct{} `json:"-"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("the JSON report does not parse back: %v", err)
	}
	if r.Schema != SchemaVersion || r.Voted != in.Voted || len(r.Finals) != 2 || r.Finals[0] != in.Finals[0] || r.Finals[1] != in.Finals[1] {
		t.Errorf("head: schema %d voted %+v finals %+v", r.Schema, r.Voted, r.Finals)
	}
	if r.Level != "warning" || r.FailOn != "error" {
		t.Errorf("level %q fail_on %q", r.Level, r.FailOn)
	}
	s := r.Summary
	if s.Findings != 4 || s.BySeverity["error"] != 2 || s.BySeverity["warning"] != 2 || s.BySeverity["info"] != 0 ||
		len(s.ByKind) != 4 || s.ByKind["term-substituted"] != 1 || s.Hidden["info"] != 2 || len(s.Hidden) != 1 ||
		s.Suppressed != 1 || !s.Failed {
		t.Errorf("summary %+v", s)
	}
	if len(r.Errors) != 1 || r.Errors[0] != in.Errors[0] || len(r.Warnings) != 1 || r.Warnings[0] != in.Warnings[0] {
		t.Errorf("errors %+v warnings %q", r.Errors, r.Warnings)
	}
	if len(r.Findings) != len(in.Findings) {
		t.Fatalf("%d findings, want %d", len(r.Findings), len(in.Findings))
	}
	for i, f := range in.Findings {
		got := r.Findings[i]
		check := func(key string, want any) {
			t.Helper()
			g, _ := json.Marshal(got[key])
			w, _ := json.Marshal(want)
			if !bytes.Equal(g, w) {
				t.Errorf("finding %d (%s): %s is %s, want %s", i, f.Kind, key, g, w)
			}
		}
		side := func(l drift.Loc) map[string]any {
			m := map[string]any{"path": l.Path, "lang": l.Lang, "para": nil, "text": l.Text, "span": nil}
			if l.Para != "" {
				m["para"] = l.Para
			}
			if l.Start >= 0 && l.Para != "" {
				m["span"] = map[string]int{"end": l.End, "start": l.Start}
			}
			if l.Line > 0 {
				m["line"], m["column"] = l.Line, l.Col
			}
			if l.Page > 0 {
				m["page"] = l.Page
			}
			return m
		}
		check("kind", f.Kind)
		check("severity", f.Severity.String())
		check("message", f.Message)
		check("voted", side(f.Voted))
		check("final", side(f.Final))
		check("score", f.Score)
		check("fingerprint", f.Fingerprint)
		opt := func(key, v string) {
			if v == "" {
				check(key, nil)
			} else {
				check(key, v)
			}
		}
		opt("voted_term", f.VotedTerm)
		opt("final_term", f.FinalTerm)
		opt("voted_concept", f.VotedConcept)
		opt("final_concept", f.FinalConcept)
		opt("group", f.Group)
		if f.VotedNumbers != nil {
			check("voted_numbers", f.VotedNumbers)
			check("final_numbers", f.FinalNumbers)
		} else {
			check("voted_numbers", nil)
		}
		if f.Kind == drift.WordingChanged {
			check("changes", []map[string]any{{
				"op": "insert", "editorial": false,
				"voted": map[string]int{"start": 10, "end": 10}, "final": map[string]int{"start": 10, "end": 14},
				"voted_text": "", "final_text": "its ",
			}})
		} else {
			check("changes", nil)
		}
	}

	// Written finding by finding, the report is the same as encoding it
	// whole.
	whole := jsonReport{Schema: SchemaVersion, Voted: in.Voted, Finals: in.Finals, Level: "warning", FailOn: "error",
		Summary: r.Summary, Findings: JSONFindings(in.Findings), Errors: in.Errors, Warnings: in.Warnings}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(whole); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), out) {
		t.Errorf("the streamed JSON differs from the report encoded whole:\n%s", firstDiff(b.Bytes(), out))
	}
}

// csvColumns are the columns as the README documents them.
var csvColumns = "severity, kind, message, final_path, final_lang, final_para, final_line, final_column, final_term, final_concept, voted_path, voted_lang, voted_para, voted_line, voted_column, voted_term, voted_concept, group, voted_numbers, final_numbers, score, fingerprint, final_page, voted_page"

func TestCSVGolden(t *testing.T) {
	in := fixture()
	out := render(t, "csv", in)
	golden(t, "fixture.csv", out)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV report does not parse: %v", err)
	}
	if strings.Join(rows[0], ", ") != csvColumns {
		t.Fatalf("header %q, want the documented %q", rows[0], csvColumns)
	}
	if len(rows) != 1+len(in.Findings)+len(in.Errors) {
		t.Fatalf("%d rows, want a header, one per finding and one per input error", len(rows))
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for i, f := range in.Findings {
		row := map[string]string{}
		for k, col := range rows[0] {
			row[col] = rows[i+1][k]
		}
		want := map[string]string{
			"severity": f.Severity.String(), "kind": string(f.Kind), "message": f.Message,
			"final_path": f.Final.Path, "final_lang": f.Final.Lang, "final_para": f.Final.Para,
			"final_line": num(f.Final.Line), "final_column": num(f.Final.Col), "final_term": f.FinalTerm, "final_concept": f.FinalConcept,
			"voted_path": f.Voted.Path, "voted_lang": f.Voted.Lang, "voted_para": f.Voted.Para,
			"voted_line": num(f.Voted.Line), "voted_column": num(f.Voted.Col), "voted_term": f.VotedTerm, "voted_concept": f.VotedConcept,
			"group": f.Group, "voted_numbers": strings.Join(f.VotedNumbers, " "), "final_numbers": strings.Join(f.FinalNumbers, " "),
			"score": strconv.FormatFloat(f.Score, 'f', 3, 64), "fingerprint": f.Fingerprint,
			"final_page": num(f.Final.Page), "voted_page": num(f.Voted.Page),
		}
		for col, w := range want {
			if row[col] != w {
				t.Errorf("row %d (%s): %s is %q, want %q", i+1, f.Kind, col, row[col], w)
			}
		}
	}
	last := rows[len(rows)-1]
	if last[0] != "error" || last[1] != InputErrorKind || last[2] != "zip: not a valid zip file (not checked)" || last[3] != "in/final.ar.docx" || strings.Join(last[4:], "") != "" {
		t.Errorf("input error row %q", last)
	}
}

// sarifSchema is the SARIF 2.1.0 JSON schema (schemastore's copy of the
// OASIS one).
var sarifSchema = filepath.Join("..", "testdata", "sarif", "sarif-2.1.0-rtm.5.json")

// checkSARIF validates a SARIF log against the schema and GitHub's rules.
func checkSARIF(t *testing.T, out []byte) {
	t.Helper()
	if err := sarifcheck.Schema(out, sarifSchema); err != nil {
		t.Errorf("the SARIF log does not validate: %v", err)
	}
	for _, err := range sarifcheck.GitHub(out) {
		t.Errorf("GitHub would refuse the SARIF log: %v", err)
	}
}

func TestSARIFGolden(t *testing.T) {
	in := fixture()
	out := render(t, "sarif", in)
	golden(t, "fixture.sarif", out)
	checkSARIF(t, out)

	var log sarifLog
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("the SARIF log does not parse back: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "driftcheck" || run.ColumnKind != "unicodeCodePoints" || len(run.Tool.Driver.Rules) != len(drift.Kinds) {
		t.Errorf("driver %q, columnKind %q, %d rules", run.Tool.Driver.Name, run.ColumnKind, len(run.Tool.Driver.Rules))
	}
	if run.OriginalURIBaseIDs != nil {
		t.Errorf("originalUriBaseIds %v without a root", run.OriginalURIBaseIDs)
	}
	for i, r := range run.Tool.Driver.Rules {
		k := drift.Kinds[i]
		if r.ID != string(k.Kind) || r.FullDescription.Text != k.Doc || r.HelpURI != "https://github.com/driftcheck/driftcheck#findings" ||
			!strings.Contains(r.Help.Text, k.Doc) || r.ShortDescription.Text != strings.ReplaceAll(r.ID, "-", " ") {
			t.Errorf("rule %d: %+v", i, r)
		}
	}
	if r := run.Tool.Driver.Rules[0]; r.Name != "TermSubstituted" {
		t.Errorf("rule name %q, want TermSubstituted", r.Name)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Fatalf("invocation %+v: want unsuccessful, with a notification for the error and one for the warning", inv)
	}
	if n := inv.ToolExecutionNotifications[0]; n.Level != "error" || n.Message.Text != "in/final.ar.docx: zip: not a valid zip file (not checked)" ||
		len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "in/final.ar.docx" {
		t.Errorf("error notification %+v", n)
	}
	if n := inv.ToolExecutionNotifications[1]; n.Level != "warning" || n.Message.Text != in.Warnings[0] {
		t.Errorf("warning notification %+v", n)
	}
	if len(run.Results) != len(in.Findings) {
		t.Fatalf("%d results, want %d", len(run.Results), len(in.Findings))
	}
	type region = sarifRegion
	// Every result is in the final file: at the term in a text file, at
	// line 1 of the PDF with its page and paragraph (as a logical location
	// and in the message), line 1 also for a paragraph missing from it;
	// the voted text is related location 0, linked from the message.
	wantLoc := []struct {
		uri     string
		reg     region
		logical string // the fully qualified logical location, if any
		tail    string // what the message adds to the finding's
		relReg  region
	}{
		{"in/final.en.txt", region{StartLine: 2, StartColumn: 1}, "", " — [voted text](0), paragraph PP1", region{StartLine: 2, StartColumn: 1}},
		{"in/final.fr.pdf", region{StartLine: 1}, "page 1, paragraph OP1", " — page 1, paragraph OP1; [voted text](0), paragraph OP1", region{4, 14, 4, 45}},
		{"in/final.fr.pdf", region{StartLine: 1}, "page 2, paragraph OP2", " — page 2, paragraph OP2; [voted text](0), paragraph OP2", region{6, 23, 6, 25}},
		{"in/final.fr.pdf", region{StartLine: 1}, "", " — [voted text](0), paragraph OP3", region{StartLine: 8, StartColumn: 1}},
	}
	levels := map[drift.Severity]string{drift.Error: "error", drift.Warning: "warning", drift.Info: "note"}
	fps := map[string]bool{}
	for i, f := range in.Findings {
		r := run.Results[i]
		w := wantLoc[i]
		if r.RuleID != string(f.Kind) || run.Tool.Driver.Rules[r.RuleIndex].ID != string(f.Kind) || r.Level != levels[f.Severity] ||
			r.Message.Text != f.Message+w.tail || r.PartialFingerprints["driftcheck/v1"] != f.Fingerprint {
			t.Errorf("result %d: %+v", i, r)
		}
		fp := r.PartialFingerprints["driftcheck/final/v1"]
		if len(fp) != 20 || fps[fp] {
			t.Errorf("result %d: driftcheck/final/v1 %q: want 20 hex digits, unique", i, fp)
		}
		fps[fp] = true
		// The score of the pairing, for a finding about a pair only.
		switch pair := f.Voted.Para != "" && f.Final.Para != ""; {
		case pair && (r.Properties == nil || r.Properties.Score != f.Score):
			t.Errorf("result %d (%s): properties %+v, want the score %v", i, f.Kind, r.Properties, f.Score)
		case !pair && r.Properties != nil:
			t.Errorf("result %d (%s): properties %+v, want none (no pair)", i, f.Kind, r.Properties)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI != w.uri || r.Locations[0].PhysicalLocation.Region != w.reg {
			t.Errorf("result %d (%s): locations %+v, want %s %+v", i, f.Kind, r.Locations, w.uri, w.reg)
			continue
		}
		switch ll := r.Locations[0].LogicalLocations; {
		case w.logical == "" && ll != nil:
			t.Errorf("result %d: logical locations %+v, want none", i, ll)
		case w.logical != "" && (len(ll) != 1 || ll[0].FullyQualifiedName != w.logical || ll[0].Name != f.Final.Para):
			t.Errorf("result %d: logical locations %+v, want %s", i, ll, w.logical)
		}
		if len(r.RelatedLocations) != 1 {
			t.Errorf("result %d: related %+v, want the voted text", i, r.RelatedLocations)
			continue
		}
		rl := r.RelatedLocations[0]
		if rl.ID == nil || *rl.ID != 0 || rl.PhysicalLocation.ArtifactLocation.URI != votedPath || rl.PhysicalLocation.Region != w.relReg || rl.Message == nil || rl.Message.Text != "voted text (en)" {
			t.Errorf("result %d: related %+v", i, rl)
		}
	}
}

// TestSARIFRoot: with a root, paths are relative to %SRCROOT%, which the
// run defines as the root's file URI; a file outside the root keeps an
// absolute file URI (which GitHub refuses: the check says so).
func TestSARIFRoot(t *testing.T) {
	root := t.TempDir()
	in := fixture()
	in.Errors = nil
	for i := range in.Findings {
		f := &in.Findings[i]
		f.Voted.Path = filepath.Join(root, "voted dir", "voted.en.txt")
		f.Final.Path = filepath.Join(root, f.Final.Path)
	}
	in.Root = root
	out := render(t, "sarif", in)
	checkSARIF(t, out)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	base := run.OriginalURIBaseIDs["%SRCROOT%"]
	if want := "file://" + filepath.ToSlash(root) + "/"; base.URI != want {
		t.Errorf("%%SRCROOT%% is %q, want %q", base.URI, want)
	}
	r := run.Results[1]
	if a := r.Locations[0].PhysicalLocation.ArtifactLocation; a.URI != "in/final.fr.pdf" || a.URIBaseID != "%SRCROOT%" {
		t.Errorf("final at %+v, want in/final.fr.pdf relative to %%SRCROOT%%", a)
	}
	if a := r.RelatedLocations[0].PhysicalLocation.ArtifactLocation; a.URI != "voted%20dir/voted.en.txt" || a.URIBaseID != "%SRCROOT%" {
		t.Errorf("voted at %+v, want voted%%20dir/voted.en.txt relative to %%SRCROOT%%", a)
	}

	in.Root = filepath.Join(root, "in")
	out = render(t, "sarif", in)
	log = sarifLog{}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	a := log.Runs[0].Results[1].RelatedLocations[0].PhysicalLocation.ArtifactLocation
	if want := "file://" + filepath.ToSlash(root) + "/voted%20dir/voted.en.txt"; a.URI != want || a.URIBaseID != "" {
		t.Errorf("a file outside the root at %+v, want %s", a, want)
	}
	if errs := sarifcheck.GitHub(out); len(errs) == 0 {
		t.Error("the GitHub check passes an absolute URI")
	}
}

// TestSARIFOneResultPerFinal: a paragraph missing from two finals of one
// language (same fingerprint, same message) is two results, each in its
// final file with fingerprints of its own.
func TestSARIFOneResultPerFinal(t *testing.T) {
	in := fixture()
	miss := in.Findings[3]
	other := miss
	other.Final.Path = "in/final.fr.v2.pdf"
	in.Findings = []drift.Finding{miss, other}
	out := render(t, "sarif", in)
	checkSARIF(t, out)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rs := log.Runs[0].Results
	if len(rs) != 2 {
		t.Fatalf("%d results, want 2", len(rs))
	}
	if rs[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != frPath || rs[1].Locations[0].PhysicalLocation.ArtifactLocation.URI != "in/final.fr.v2.pdf" {
		t.Errorf("results at %+v and %+v, want each in its final", rs[0].Locations, rs[1].Locations)
	}
	if rs[0].PartialFingerprints["driftcheck/final/v1"] == rs[1].PartialFingerprints["driftcheck/final/v1"] {
		t.Errorf("both results have the fingerprint %v", rs[0].PartialFingerprints)
	}
}

// TestSARIFMultitool runs Microsoft's SARIF validator with GitHub's rules
// on the fixture's log, when it is installed (npm install -g
// @microsoft/sarif-multitool; or DRIFTCHECK_SARIF_MULTITOOL names it).
func TestSARIFMultitool(t *testing.T) {
	tool := sarifMultitool(t)
	in := fixture()
	path := filepath.Join(t.TempDir(), "fixture.sarif")
	if err := os.WriteFile(path, render(t, "sarif", in), 0o644); err != nil {
		t.Fatal(err)
	}
	runMultitool(t, tool, path)
}

// sarifMultitool returns Microsoft's SARIF validator, or skips the test.
func sarifMultitool(t *testing.T) string {
	t.Helper()
	tool := sarifcheck.Multitool()
	if tool == "" {
		t.Skip("sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool@5.7.0, or set DRIFTCHECK_SARIF_MULTITOOL): GitHub's rules are checked by sarifcheck only")
	}
	return tool
}

// runMultitool fails the test for every error the validator reports.
func runMultitool(t *testing.T, tool, path string) {
	t.Helper()
	errs, err := sarifcheck.RunMultitool(tool, path, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s: %s", filepath.Base(path), e)
	}
}
