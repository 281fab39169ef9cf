package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// actionRun runs scripts/action.sh step with env set the way action.yml
// passes the inputs, and returns its exit status, standard error and the
// step's outputs (GITHUB_OUTPUT).
func actionRun(t *testing.T, bash, dir, step string, env ...string) (code int, stderr string, outputs map[string]string) {
	t.Helper()
	out := filepath.Join(dir, "github_output")
	os.Remove(out)
	script, err := filepath.Abs("../../scripts/action.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, script, step)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "GITHUB_OUTPUT=" + out, "HOME=" + dir,
		"DRIFTCHECK_CACHE_DIR=" + filepath.Join(dir, "cache")}, env...)
	var e strings.Builder
	cmd.Stderr = &e
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	outputs = map[string]string{}
	data, _ := os.ReadFile(out)
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			outputs[k] = v
		}
	}
	return code, e.String(), outputs
}

// TestShipAction runs the GitHub Action's script as its steps do: a
// drifted final gives a SARIF report and a failing verdict, a faithful one
// a passing verdict, bad inputs one line and exit 2.
func TestShipAction(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	bin := buildStatic(t, dir)
	for _, name := range []string{"L36.en.txt", "L36.zh.txt", "RES.zh.txt"} {
		data, err := os.ReadFile(founding(name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	code, stderr, out := actionRun(t, bash, dir, "build", "INPUT_DRIFTCHECK="+bin)
	if code != 0 || out["bin"] != bin {
		t.Fatalf("build with a binary given: exit %d, outputs %v, %s", code, out, stderr)
	}

	// The drifted Chinese final: findings at warning and above.
	code, stderr, out = actionRun(t, bash, dir, "check", "DRIFTCHECK="+bin, "INPUT_VOTED=L36.en.txt",
		"INPUT_FILES=\n  zh=RES.zh.txt  \n\n", "INPUT_FAIL_ON=warning", "INPUT_ARGS=", "INPUT_SARIF_FILE=report.sarif")
	if code != 0 || out["status"] != "1" || out["sarif"] != "report.sarif" {
		t.Fatalf("check of a drifted final: exit %d, outputs %v, stderr %s", code, out, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Version string
		Runs    []struct {
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal(data, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) == 0 {
		t.Fatalf("SARIF report: %v, version %q, %d runs", err, sarif.Version, len(sarif.Runs))
	}
	if code, stderr, _ := actionRun(t, bash, dir, "verdict", "STATUS=1", "INPUT_FAIL_ON=warning"); code != 1 || !strings.Contains(stderr, "findings at or above warning") {
		t.Errorf("verdict on status 1: exit %d, %q", code, stderr)
	}

	// The faithful Chinese final (the voted text's own translation).
	code, stderr, out = actionRun(t, bash, dir, "check", "DRIFTCHECK="+bin, "INPUT_VOTED=L36.en.txt",
		"INPUT_FILES=L36.zh.txt", "INPUT_FAIL_ON=warning", "INPUT_SARIF_FILE=faithful.sarif")
	if code != 0 || out["status"] != "0" {
		t.Fatalf("check of a faithful final: exit %d, outputs %v, stderr %s", code, out, stderr)
	}
	if code, _, _ := actionRun(t, bash, dir, "verdict", "STATUS=0"); code != 0 {
		t.Errorf("verdict on status 0: exit %d", code)
	}

	// Errors: one line, exit 2, no status for the later steps.
	for name, env := range map[string][]string{
		"unknown level": {"INPUT_VOTED=L36.en.txt", "INPUT_FILES=RES.zh.txt", "INPUT_FAIL_ON=severe"},
		"no files":      {"INPUT_VOTED=L36.en.txt", "INPUT_FILES=\n \n"},
		"missing file":  {"INPUT_VOTED=L36.en.txt", "INPUT_FILES=missing.zh.txt"},
		"unknown flag":  {"INPUT_VOTED=L36.en.txt", "INPUT_FILES=RES.zh.txt", "INPUT_ARGS=--no-such-flag"},
	} {
		code, stderr, out := actionRun(t, bash, dir, "check", append(env, "DRIFTCHECK="+bin)...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || out["status"] != "" {
			t.Errorf("%s: exit %d, outputs %v, stderr %q: want exit 2 and one line", name, code, out, stderr)
		}
	}
	if code, _, _ := actionRun(t, bash, dir, "verdict"); code != 2 {
		t.Errorf("verdict without a status: exit %d, want 2", code)
	}
}

// TestShipActionYAML: action.yml is a composite action whose steps call
// scripts/action.sh, pass it the variables the script reads and use only
// declared inputs; the example workflow uses the action with its inputs.
func TestShipActionYAML(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseYAML(string(data))
	if err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	action := asMap(t, doc, "action.yml")
	inputs := asMap(t, action["inputs"], "inputs")
	used := regexp.MustCompile(`inputs\.([a-z-]+)`)
	for _, m := range used.FindAllStringSubmatch(string(data), -1) {
		if _, ok := inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	runs := asMap(t, action["runs"], "runs")
	if runs["using"] != "composite" {
		t.Fatalf("runs.using %v, want composite", runs["using"])
	}
	script, err := os.ReadFile("../../scripts/action.sh")
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	uploads := false
	for _, s := range asList(t, runs["steps"], "steps") {
		s := asMap(t, s, "step")
		if uses, _ := s["uses"].(string); strings.HasPrefix(uses, "github/codeql-action/upload-sarif@") {
			uploads = true
		}
		run, _ := s["run"].(string)
		step, ok := strings.CutPrefix(run, `"$GITHUB_ACTION_PATH/scripts/action.sh" `)
		if !ok {
			if run != "" {
				t.Errorf("a step runs %q: the action's shell belongs in scripts/action.sh", run)
			}
			continue
		}
		steps = append(steps, step)
		if s["shell"] != "bash" {
			t.Errorf("step %s: shell %v, want bash", step, s["shell"])
		}
		env, _ := s["env"].(map[string]any)
		// Every variable of the environment the script's step reads is set.
		for _, name := range regexp.MustCompile(`\$\{?(INPUT_[A-Z_]+|DRIFTCHECK|STATUS)\b`).FindAllStringSubmatch(stepBody(t, string(script), step), -1) {
			if _, ok := env[name[1]]; !ok {
				t.Errorf("step %s: the script reads %s, which action.yml does not set", step, name[1])
			}
		}
	}
	if !slices.Equal(steps, []string{"build", "check", "verdict"}) || !uploads {
		t.Errorf("steps %q, upload-sarif %v: want build, check, upload, verdict", steps, uploads)
	}

	data, err = os.ReadFile("../../docs/github-workflow.yml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err = parseYAML(string(data))
	if err != nil {
		t.Fatalf("docs/github-workflow.yml: %v", err)
	}
	wf := asMap(t, doc, "workflow")
	if perms := asMap(t, wf["permissions"], "permissions"); perms["security-events"] != "write" {
		t.Errorf("the workflow needs permissions security-events: write to upload SARIF")
	}
	found := false
	for _, job := range asMap(t, wf["jobs"], "jobs") {
		for _, s := range asList(t, asMap(t, job, "job")["steps"], "steps") {
			s := asMap(t, s, "step")
			if uses, _ := s["uses"].(string); strings.HasPrefix(uses, "driftcheck/driftcheck@") {
				found = true
				for k := range asMap(t, s["with"], "with") {
					if _, ok := inputs[k]; !ok {
						t.Errorf("the workflow passes %s, not an input of the action", k)
					}
				}
				if files, _ := asMap(t, s["with"], "with")["files"].(string); strings.Count(files, "\n") < 2 {
					t.Errorf("the workflow's files %q: want one a line", files)
				}
			}
		}
	}
	if !found {
		t.Errorf("docs/github-workflow.yml does not use the action")
	}
}

// stepBody is the function of scripts/action.sh that runs step.
func stepBody(t *testing.T, script, step string) string {
	t.Helper()
	_, rest, ok := strings.Cut(script, "\n"+step+"() {\n")
	if !ok {
		t.Fatalf("scripts/action.sh has no function %s", step)
	}
	body, _, _ := strings.Cut(rest, "\n}\n")
	return body
}
