package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/report/sarifcheck"
)

// TestWriteBaselineExitsZero: --write-baseline records the findings and
// does not fail the run (issue 18); the same check without it fails, and
// with the baseline it passes. An unreadable final is still exit 2.
func TestWriteBaselineExitsZero(t *testing.T) {
	b := filepath.Join(t.TempDir(), "accepted.json")
	check := []string{"check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt")}
	if code, _, stderr := runCmd(t, check...); code != 1 {
		t.Fatalf("the founding case: exit %d, want 1 (%s)", code, stderr)
	}
	code, stdout, stderr := runCmd(t, append([]string{"check", "--write-baseline", b}, check[1:]...)...)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "term-substituted") {
		t.Errorf("--write-baseline: exit %d, stderr %q; want 0 and the report", code, stderr)
	}
	var base struct {
		Findings []struct{ Fingerprint string } `json:"findings"`
	}
	data, err := os.ReadFile(b)
	if err != nil || json.Unmarshal(data, &base) != nil || len(base.Findings) != 9 {
		t.Fatalf("baseline %s: %v, %d findings, want the 9 substitutions:\n%s", b, err, len(base.Findings), data)
	}
	if code, _, stderr := runCmd(t, append([]string{"check", "--baseline", b}, check[1:]...)...); code != 0 {
		t.Errorf("--baseline: exit %d, want 0 (%s)", code, stderr)
	}
	bad := filepath.Join(t.TempDir(), "RES.fr.txt")
	os.WriteFile(bad, []byte{0xff, 0xfe, 0x00}, 0o644)
	if code, _, _ := runCmd(t, append([]string{"check", "--write-baseline", b}, append(check[1:], bad)...)...); code != 2 {
		t.Errorf("--write-baseline with an unreadable final: exit %d, want 2", code)
	}
}

// TestSARIFRootFlag: --sarif-root must be a directory.
func TestSARIFRootFlag(t *testing.T) {
	code, _, stderr := runCmd(t, "check", "-f", "sarif", "--sarif-root", founding("L36.en.txt"), "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "--sarif-root") || !strings.Contains(stderr, "not a directory") {
		t.Errorf("--sarif-root FILE: exit %d, stderr %q", code, stderr)
	}
}

// TestSARIFGoldens: the SARIF logs of text, PDF, Word and HTML finals, and
// of a paragraph missing from two finals, are the goldens of
// testdata/sarif (with the repository's file URI written file:///ROOT/;
// go test ./cmd/driftcheck -run TestSARIFGoldens -update rewrites them:
// check the diff by hand), and each is valid SARIF 2.1.0 that GitHub code
// scanning accepts: the schema, sarifcheck's assertions of GitHub's rules
// and, when it is installed, Microsoft's validator with GitHub's rules.
func TestSARIFGoldens(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	schema := filepath.Join(repo, "testdata", "sarif", "sarif-2.1.0-rtm.5.json")
	tool := sarifcheck.Multitool()
	if tool == "" {
		t.Log("sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool@5.7.0, or set DRIFTCHECK_SARIF_MULTITOOL): GitHub's rules are checked by sarifcheck only")
	}
	for _, c := range []struct {
		name  string
		files []string // voted, then finals
	}{
		{"text", []string{"founding/L36.excerpt.en.txt", "founding/RES.excerpt.ar.txt"}},
		{"pdf", []string{"formats/pdf/L36.excerpt.en.pdf", "formats/pdf/RES.excerpt.fr.pdf"}},
		{"word", []string{"formats/docx/L36.en.docx", "formats/doc/RES.zh.doc"}},
		{"html", []string{"formats/html/L36.en.html", "formats/html/RES.zh.html"}},
		{"missing-from-two", []string{"founding/L36.en.txt", "founding/RES.zh.op3-deleted.txt", "founding/RES.zh.op3-deleted-renumbered.txt"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"check", "-f", "sarif", "--sarif-root", repo, "--voted"}
			for _, f := range c.files {
				args = append(args, filepath.Join(repo, "testdata", f))
			}
			code, stdout, stderr := runCmd(t, args...)
			if code != 1 || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 1 (findings) and nothing", code, stderr)
			}
			out := []byte(stdout)
			if err := sarifcheck.Schema(out, schema); err != nil {
				t.Errorf("not SARIF 2.1.0: %v", err)
			}
			for _, err := range sarifcheck.GitHub(out) {
				t.Errorf("GitHub would refuse it: %v", err)
			}
			if tool != "" {
				path := filepath.Join(t.TempDir(), c.name+".sarif")
				os.WriteFile(path, out, 0o644)
				errs, err := sarifcheck.RunMultitool(tool, path, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range errs {
					t.Errorf("sarif-multitool: %s", e)
				}
			}
			if c.name == "missing-from-two" {
				// OP3 is missing from both finals: one result in each.
				var log struct {
					Runs []struct {
						Results []struct {
							RuleID    string `json:"ruleId"`
							Locations []struct {
								PhysicalLocation struct {
									ArtifactLocation struct{ URI string } `json:"artifactLocation"`
								} `json:"physicalLocation"`
							} `json:"locations"`
						} `json:"results"`
					} `json:"runs"`
				}
				json.Unmarshal(out, &log)
				var in []string
				for _, r := range log.Runs[0].Results {
					if r.RuleID == "paragraph-missing" {
						in = append(in, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
					}
				}
				if len(in) != 2 || in[0] != "testdata/"+c.files[1] || in[1] != "testdata/"+c.files[2] {
					t.Errorf("paragraph-missing results in %q, want one in each final", in)
				}
			}
			base := "file://" + filepath.ToSlash(repo) + "/"
			if !strings.Contains(stdout, `"uri": "`+base+`"`) || strings.Count(stdout, base) != 1 {
				t.Errorf("%%SRCROOT%% is not %s once, or another URI is absolute", base)
			}
			golden := filepath.Join("testdata", "sarif", c.name+".sarif")
			got := strings.ReplaceAll(stdout, base, "file:///ROOT/")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./cmd/driftcheck -run TestSARIFGoldens -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (go test ./cmd/driftcheck -run TestSARIFGoldens -update rewrites it; check git diff by hand)", golden)
			}
		})
	}
}
