package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

// gitlabEntry is GitLab's Code Quality issue, decoded strictly.
type gitlabEntry struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

// checkGitLab decodes a Code Quality report and checks what GitLab needs:
// every required field set, a severity GitLab knows, paths relative, line
// at least 1, fingerprints unique.
func checkGitLab(t *testing.T, out []byte) []gitlabEntry {
	t.Helper()
	var issues []gitlabEntry
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&issues); err != nil {
		t.Fatalf("the GitLab report does not decode: %v", err)
	}
	if issues == nil {
		t.Fatal("the GitLab report is not an array")
	}
	severities := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	seen := map[string]int{}
	for i, e := range issues {
		if e.Description == "" || e.CheckName == "" || e.Fingerprint == "" || e.Location.Path == "" {
			t.Errorf("issue %d lacks a required field: %+v", i, e)
		}
		if !severities[e.Severity] {
			t.Errorf("issue %d: severity %q", i, e.Severity)
		}
		if path.IsAbs(e.Location.Path) || strings.HasPrefix(e.Location.Path, "../") || strings.Contains(e.Location.Path, `\`) {
			t.Errorf("issue %d: path %q is not relative", i, e.Location.Path)
		}
		if e.Location.Lines.Begin < 1 {
			t.Errorf("issue %d: line %d", i, e.Location.Lines.Begin)
		}
		if j, ok := seen[e.Fingerprint]; ok {
			t.Errorf("issues %d and %d share the fingerprint %s", j, i, e.Fingerprint)
		}
		seen[e.Fingerprint] = i
	}
	return issues
}

func TestGitLabGolden(t *testing.T) {
	in := fixture()
	out := render(t, "gitlab", in)
	golden(t, "fixture.gitlab.json", out)
	issues := checkGitLab(t, out)
	if len(issues) != len(in.Errors)+len(in.Findings) {
		t.Fatalf("%d issues, want one per input error and finding (%d)", len(issues), len(in.Errors)+len(in.Findings))
	}
	if e := issues[0]; e.CheckName != InputErrorKind || e.Severity != "blocker" || e.Location.Path != "in/final.ar.docx" {
		t.Errorf("input error issue %+v", e)
	}
	sev := map[drift.Severity]string{drift.Error: "major", drift.Warning: "minor", drift.Info: "info"}
	// The final file, at the line of a text file, line 1 of the PDF (the
	// page and paragraph in the description) or of a file a paragraph is
	// missing from.
	want := []struct {
		path string
		line int
		tail string
	}{
		{enPath, 2, ""},
		{frPath, 1, " (page 1, paragraph OP1)"},
		{frPath, 1, " (page 2, paragraph OP2)"},
		{frPath, 1, ""},
	}
	for i, f := range in.Findings {
		e, w := issues[i+1], want[i]
		if e.CheckName != string(f.Kind) || e.Severity != sev[f.Severity] || e.Description != f.Message+w.tail ||
			e.Location.Path != w.path || e.Location.Lines.Begin != w.line {
			t.Errorf("issue %d: %+v, want %s at %s:%d", i+1, e, f.Kind, w.path, w.line)
		}
	}

	// A paragraph missing from two finals is two issues.
	two := fixture()
	other := two.Findings[3]
	other.Final.Path = "in/final.fr.v2.pdf"
	two.Findings = append(two.Findings, other)
	if got := checkGitLab(t, render(t, "gitlab", two)); len(got) != len(two.Findings)+1 {
		t.Errorf("%d issues, want %d", len(got), len(two.Findings)+1)
	}

	// Paths are relative to the root when there is one.
	rooted := fixture()
	rooted.Root, rooted.Errors = t.TempDir(), nil
	for i := range rooted.Findings {
		rooted.Findings[i].Final.Path = rooted.Root + "/sub/" + rooted.Findings[i].Final.Path
	}
	if got := checkGitLab(t, render(t, "gitlab", rooted)); got[0].Location.Path != "sub/"+enPath {
		t.Errorf("path %q, want sub/%s (relative to the root)", got[0].Location.Path, enPath)
	}
}

// junit* decode a JUnit report.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// checkJUnit decodes a JUnit report and checks that its counts are those
// of its cases.
func checkJUnit(t *testing.T, out []byte) junitDoc {
	t.Helper()
	var d junitDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("the JUnit report does not decode: %v", err)
	}
	var tests, failures, errors int
	for _, s := range d.Suites {
		var f, e int
		for _, c := range s.Cases {
			if c.Name == "" || c.Classname == "" {
				t.Errorf("suite %s: a case without name or classname", s.Name)
			}
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
			t.Errorf("suite %s says tests=%d failures=%d errors=%d; its cases: %d, %d, %d", s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
		}
		tests, failures, errors = tests+len(s.Cases), failures+f, errors+e
	}
	if d.Tests != tests || d.Failures != failures || d.Errors != errors {
		t.Errorf("testsuites says tests=%d failures=%d errors=%d; the suites: %d, %d, %d", d.Tests, d.Failures, d.Errors, tests, failures, errors)
	}
	return d
}

func TestJUnitGolden(t *testing.T) {
	in := fixture()
	out := render(t, "junit", in)
	golden(t, "fixture.junit.xml", out)
	d := checkJUnit(t, out)
	// The unreadable input, then one suite per final with a case per
	// voted paragraph.
	if len(d.Suites) != 3 || d.Suites[0].Name != "in/final.ar.docx" || d.Suites[0].Errors != 1 || d.Suites[1].Name != frPath || d.Suites[2].Name != enPath {
		t.Fatalf("suites %+v", d.Suites)
	}
	for _, s := range d.Suites[1:] {
		var names []string
		for _, c := range s.Cases {
			names = append(names, c.Name)
		}
		if strings.Join(names, " ") != strings.Join(in.ParaOrder, " ") {
			t.Errorf("suite %s: cases %v, want the voted paragraphs %v", s.Name, names, in.ParaOrder)
		}
	}
	// Every finding at --fail-on is in the failure of its final's case for
	// its paragraph; one below it is in the case's output, not a failure.
	for _, f := range in.Findings {
		line := f.Severity.String() + " " + string(f.Kind) + ": " + f.Message
		for _, s := range d.Suites {
			if s.Name != f.Final.Path {
				continue
			}
			for _, c := range s.Cases {
				if c.Name != f.Voted.Para {
					if c.Failure != nil && strings.Contains(c.Failure.Text, line) || strings.Contains(c.SystemOut, line) {
						t.Errorf("%s is in case %s, not %s", f.Kind, c.Name, f.Voted.Para)
					}
					continue
				}
				failed := c.Failure != nil && strings.Contains(c.Failure.Text, line)
				if want := f.Severity >= in.FailOn; failed != want || !want && !strings.Contains(c.SystemOut, line) {
					t.Errorf("%s (%s) in %s %s: failure %+v, output %q", f.Kind, f.Severity, s.Name, c.Name, c.Failure, c.SystemOut)
				}
			}
		}
	}
	if d.Failures != 2 {
		t.Errorf("%d failures, want 2 (the two errors at --fail-on error)", d.Failures)
	}

	// At --fail-on warning, the warnings fail too; a case with two
	// findings at it fails once, naming both.
	in.FailOn = drift.Warning
	two := in.Findings[2]
	two.Kind, two.Message = drift.TermMissing, "voted concept human-rights has no rendering"
	in.Findings = append(in.Findings, two)
	d = checkJUnit(t, render(t, "junit", in))
	if d.Failures != 4 {
		t.Errorf("%d failures at --fail-on warning, want 4", d.Failures)
	}
	for _, c := range d.Suites[1].Cases {
		if c.Name == "OP2" && (c.Failure == nil || c.Failure.Message != "2 findings at or above warning" || strings.Count(c.Failure.Text, "\n") != 1) {
			t.Errorf("OP2: failure %+v, want both findings", c.Failure)
		}
	}

	// A paragraph added to a final is a case of its own.
	added := fixture()
	added.Findings = []drift.Finding{{Kind: drift.ParagraphAdded, Severity: drift.Error, Message: "final paragraph OP4 has no counterpart",
		Voted: drift.Loc{Path: votedPath, Start: -1, End: -1}, Final: drift.Loc{Path: enPath, Para: "OP4", Line: 9, Start: -1, End: -1}}}
	d = checkJUnit(t, render(t, "junit", added))
	last := d.Suites[2].Cases[len(d.Suites[2].Cases)-1]
	if last.Name != "final OP4" || last.Failure == nil || last.Failure.Type != "paragraph-added" {
		t.Errorf("added paragraph: case %+v", last)
	}
}
