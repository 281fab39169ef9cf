package report

import (
	"encoding/json"
	"io"

	"github.com/driftcheck/driftcheck/drift"
)

// gitlabIssue is one entry of a GitLab Code Quality report.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabSeverity maps a severity to GitLab's (info, minor, major,
// critical, blocker): an error is major, a warning minor.
func gitlabSeverity(s drift.Severity) string {
	switch s {
	case drift.Error:
		return "major"
	case drift.Warning:
		return "minor"
	}
	return "info"
}

// GitLab writes the findings as a GitLab Code Quality report: a JSON array
// of issues, each located in the final file (the voted one for a finding
// that names no final) at the line of its evidence, line 1 for a file
// without lines (PDF, Word: the page and paragraph are then in the
// description), with a path relative to in.Root and a fingerprint of its
// own per final file. An input that could not be read is an issue of kind
// input-unreadable (severity blocker), so that the report never passes for
// a clean one.
func GitLab(w io.Writer, in Input) error {
	issues := make([]gitlabIssue, 0, len(in.Findings)+len(in.Errors))
	for _, e := range in.Errors {
		path, _ := relPath(in.Root, e.Path)
		sum := finalFingerprints(in.Root, []drift.Finding{{Kind: InputErrorKind, Final: drift.Loc{Path: e.Path}, Message: e.Error}})[0]
		issues = append(issues, gitlabIssue{
			Description: e.Path + ": " + oneLine(e.Error) + " (not checked)",
			CheckName:   InputErrorKind, Fingerprint: sum, Severity: "blocker",
			Location: gitlabLocation{Path: path, Lines: gitlabLines{Begin: 1}},
		})
	}
	fps := finalFingerprints(in.Root, in.Findings)
	for i, f := range in.Findings {
		p, _ := primarySide(f)
		path, _ := relPath(in.Root, p.Path)
		desc, line := oneLine(f.Message), p.Line
		if line == 0 {
			line = 1
			if w := where(p); w != "" {
				desc += " (" + w + ")"
			}
		}
		issues = append(issues, gitlabIssue{
			Description: desc, CheckName: string(f.Kind), Fingerprint: fps[i],
			Severity: gitlabSeverity(f.Severity),
			Location: gitlabLocation{Path: path, Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
