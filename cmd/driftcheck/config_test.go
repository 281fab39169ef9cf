package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// configDir returns a temporary working directory holding .driftcheck.toml
// with text, and the absolute paths of the founding case's voted and
// Chinese final texts.
func configDir(t *testing.T, text string) (voted, final string) {
	t.Helper()
	voted, _ = filepath.Abs(founding("L36.en.txt"))
	final, _ = filepath.Abs(founding("RES.zh.txt"))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ConfigName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return voted, final
}

// TestConfigFile: .driftcheck.toml in the working directory sets the
// format, the levels and extra reports; flags override it.
func TestConfigFile(t *testing.T) {
	voted, final := configDir(t, `# driftcheck settings
format = "line"
fail-on = "error"
level = "info"

[[report]]
format = "junit"
output = "out/junit.xml"

[[report]]
format = "gitlab"
output = "gl.json"
`)
	os.Mkdir("out", 0o755)
	code, stdout, stderr := runCmd(t, "check", "--voted", voted, final)
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 (errors at fail-on error)", code, stderr)
	}
	if !strings.Contains(stdout, ": error term-substituted: ") || strings.HasPrefix(stdout, "{") {
		t.Errorf("stdout is not the line report:\n%.300s", stdout)
	}
	junit, err := os.ReadFile("out/junit.xml")
	if err != nil || !strings.Contains(string(junit), `<testsuites name="driftcheck `) {
		t.Errorf("the [[report]] junit: %v\n%.200s", err, junit)
	}
	var gl []map[string]any
	if data, err := os.ReadFile("gl.json"); err != nil || json.Unmarshal(data, &gl) != nil || len(gl) != 9 {
		t.Errorf("the [[report]] gitlab: %v, %d issues, want the 9 substitutions", err, len(gl))
	}

	// Flags override the file: --format json; the levels stay the file's
	// until --level and --fail-on are given.
	code, stdout, _ = runCmd(t, "check", "--format", "json", "--voted", voted, final)
	var rep struct {
		Level  string `json:"level"`
		FailOn string `json:"fail_on"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != 1 || rep.Level != "info" || rep.FailOn != "error" {
		t.Errorf("--format json over the file: exit %d, %v, level %q fail_on %q; want JSON, level info and fail_on error from the file", code, err, rep.Level, rep.FailOn)
	}
	code, stdout, _ = runCmd(t, "check", "-f", "json", "--fail-on", "warning", "--level", "warning", "--voted", voted, final)
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || rep.Level != "warning" || rep.FailOn != "warning" {
		t.Errorf("--level and --fail-on over the file: level %q fail_on %q", rep.Level, rep.FailOn)
	}
}

// TestConfigPaths: --config names a file elsewhere; its lexicon, baseline
// and output paths are relative to its directory.
func TestConfigPaths(t *testing.T) {
	data, err := os.ReadFile(founding("assistance-framing.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Abs(founding("RES.zh.more-drift.txt"))
	voted, final := configDir(t, "")
	cfgDir := t.TempDir()
	os.WriteFile(filepath.Join(cfgDir, "terms.tsv"), data, 0o644)
	cfg := filepath.Join(cfgDir, "ci.toml")
	os.WriteFile(cfg, []byte("lexicons = [\"terms.tsv\"]\nformat = \"sarif\"\noutput = \"drift.sarif\"\n"), 0o644)
	code, stdout, stderr := runCmd(t, "check", "--config", cfg, "--voted", voted, final)
	if code != 1 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %.100q, stderr %q; want 1 and the report in drift.sarif", code, stdout, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(cfgDir, "drift.sarif")); err != nil || !strings.Contains(string(data), `"version": "2.1.0"`) {
		t.Errorf("output beside the config: %v", err)
	}
	// The config's lexicon is loaded: with it alone (no default lexicon)
	// check finds the one substitution of technical assistance.
	os.WriteFile(cfg, []byte("lexicons = [\"terms.tsv\"]\nno-default-lexicon = true\nformat = \"line\"\n"), 0o644)
	code, stdout, stderr = runCmd(t, "check", "--config", cfg, "--voted", voted, more)
	if code != 1 || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "(technical-cooperation)") {
		t.Errorf("the config's lexicon alone: exit %d, stderr %q\n%.300s", code, stderr, stdout)
	}
	os.WriteFile(cfg, []byte("lexicons = [\"no-such.tsv\"]\nno-default-lexicon = true\n"), 0o644)
	code, _, stderr = runCmd(t, "check", "--config", cfg, "--voted", voted, final)
	if code != 2 || !strings.Contains(stderr, filepath.Join(cfgDir, "no-such.tsv")) {
		t.Errorf("a missing lexicon of the config: exit %d, stderr %q; want 2 naming it beside the config", code, stderr)
	}
}

// TestConfigErrors: an unknown key, a bad value, bad TOML or a missing
// --config file is exit 2 with one line naming the file (and the line and
// key where there is one).
func TestConfigErrors(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"unknown key", "format = \"line\"\n\nfail_on = \"error\"\n", []string{ConfigName + ":3:", `unknown key "fail_on"`}},
		{"unknown table", "level = \"info\"\n[outputs]\nsarif = \"x\"\n", []string{ConfigName + ":2:", `unknown key "outputs"`}},
		{"unknown report key", "[[report]]\nformat = \"junit\"\npath = \"x.xml\"\n", []string{ConfigName + ":3:", `unknown key "report.path"`}},
		{"bad severity", "level = \"info\"\nfail-on = \"fatal\"\n", []string{ConfigName + ":2:", "fail-on", "fatal"}},
		{"bad format", "format = \"xml\"\n", []string{ConfigName + ":1:", "format", `unknown format "xml"`}},
		{"bad toml", "format = \"line\nlevel = 3\n", []string{ConfigName + ":1:"}},
		{"report without output", "[[report]]\nformat = \"junit\"\n", []string{ConfigName, "report 1", "format and output"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			voted, final := configDir(t, c.text)
			code, stdout, stderr := runCmd(t, "check", "--voted", voted, final)
			if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stdout %.80q, stderr %q; want 2 and one line", code, stdout, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
	voted, final := configDir(t, "")
	code, _, stderr := runCmd(t, "check", "--config", "missing.toml", "--voted", voted, final)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "missing.toml") {
		t.Errorf("--config missing.toml: exit %d, stderr %q", code, stderr)
	}
}

// TestConfigREADME: the README's example configuration is one readConfig
// accepts, with every key set.
func TestConfigREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```toml\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok {
		t.Fatal("README has no toml block")
	}
	path := filepath.Join(t.TempDir(), "example.toml")
	os.WriteFile(path, []byte(block), 0o644)
	cfg, err := readConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Lexicons) != 1 || cfg.Level != "info" || cfg.FailOn != "error" || cfg.Format != "sarif" || cfg.Output == "" ||
		cfg.Baseline == "" || cfg.SARIFRoot == "" || len(cfg.Reports) != 1 || cfg.Reports[0].Format != "junit" {
		t.Errorf("README example read as %+v", cfg)
	}
}
