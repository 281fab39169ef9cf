package sarifcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Multitool returns the command of Microsoft's SARIF validator: the one
// DRIFTCHECK_SARIF_MULTITOOL names, else sarif-multitool on the PATH
// (npm install -g @microsoft/sarif-multitool); "" when there is none.
func Multitool() string {
	if p := os.Getenv("DRIFTCHECK_SARIF_MULTITOOL"); p != "" {
		return p
	}
	p, err := exec.LookPath("sarif-multitool")
	if err != nil {
		return ""
	}
	return p
}

// RunMultitool validates the SARIF file at path with tool and GitHub's
// rules (validate --rule-kind Gh: the schema and GitHub's ingestion
// rules), writing its own log in dir, and returns the errors it found
// ("GH2012: ..."); warnings and notes are left out. (npm's wrapper passes
// its arguments through a shell, so "Gh;Sarif" cannot be given.)
func RunMultitool(tool, path, dir string) ([]string, error) {
	out := filepath.Join(dir, "validation.sarif")
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh", "--output", out, path)
	cmd.Dir = dir
	msg, err := cmd.CombinedOutput()
	data, rerr := os.ReadFile(out)
	if rerr != nil {
		return nil, fmt.Errorf("%s validate: %v, no log (%v):\n%s", tool, err, rerr, msg)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string   `json:"text"`
					ID   string   `json:"id"`
					Args []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("%s validate wrote %s: %v", tool, out, err)
	}
	var errs []string
	for _, run := range log.Runs {
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				errs = append(errs, "the validator's run did not succeed:\n"+string(msg))
			}
		}
		for _, r := range run.Results {
			// The validator writes every result's level; SARIF's default,
			// for one it did not, is warning.
			if r.Level == "error" {
				text := r.Message.Text
				if text == "" {
					text = r.Message.ID + " " + strings.Join(r.Message.Args, ", ")
				}
				errs = append(errs, r.RuleID+": "+text)
			}
		}
	}
	return errs, nil
}
