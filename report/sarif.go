package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/driftcheck/driftcheck/drift"
)

// SARIF 2.1.0 types: only what driftcheck writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation says whether the run read every input; an input that
// could not be read is a tool execution notification.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string                `json:"level"`
	Message   sarifMessage          `json:"message"`
	Locations []sarifNoticeLocation `json:"locations,omitempty"`
}

type sarifNoticeLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
	} `json:"physicalLocation"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// Properties hold the score of the pairing of a finding about a pair
	// of paragraphs.
	Properties *sarifProperties `json:"properties,omitempty"`
}

// sarifProperties are a result's properties (SARIF 3.8): the score of the
// pairing the finding rests on, the probability that the two paragraphs
// translate each other.
type sarifProperties struct {
	Score float64 `json:"score"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func sarifLevel(s drift.Severity) string {
	switch s {
	case drift.Error:
		return "error"
	case drift.Warning:
		return "warning"
	}
	return "note"
}

// location points at the evidence of one side: line and column of its
// start and end in the file, columns counted in Unicode code points.
func location(l drift.Loc) (sarifLocation, bool) {
	if l.Path == "" || l.Line == 0 {
		return sarifLocation{}, false
	}
	r := sarifRegion{StartLine: l.Line, StartColumn: l.Col}
	if l.EndLine > 0 {
		r.EndLine, r.EndColumn = l.EndLine, l.EndCol
	}
	return sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifact{URI: filepath.ToSlash(l.Path)},
		Region:           r,
	}}, true
}

// SARIF writes the findings as a SARIF 2.1.0 log: one rule per finding kind,
// each result located in the final file at the drifted term (in the voted
// file for a paragraph missing from the final), columns in code points.
func SARIF(w io.Writer, in Input) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "driftcheck",
			InformationURI: "https://github.com/driftcheck/driftcheck",
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	inv := sarifInvocation{ExecutionSuccessful: len(in.Errors) == 0}
	for _, e := range in.Errors {
		n := sarifNotification{Level: "error", Message: sarifMessage{e.Path + ": " + e.Error + " (not checked)"}}
		var l sarifNoticeLocation
		l.PhysicalLocation.ArtifactLocation.URI = filepath.ToSlash(e.Path)
		n.Locations = []sarifNoticeLocation{l}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, m := range in.Warnings {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning", Message: sarifMessage{m}})
	}
	run.Invocations = []sarifInvocation{inv}
	index := map[string]int{}
	for i, k := range drift.Kinds {
		r := sarifRule{ID: string(k.Kind), Name: string(k.Kind), ShortDescription: sarifMessage{string(k.Kind)}, FullDescription: sarifMessage{k.Doc}}
		r.DefaultConfiguration.Level = sarifLevel(k.Severity)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
		index[string(k.Kind)] = i
	}
	for _, f := range in.Findings {
		res := sarifResult{
			RuleID: string(f.Kind), RuleIndex: index[string(f.Kind)], Level: sarifLevel(f.Severity),
			Message: sarifMessage{f.Message},
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{"driftcheck/v1": f.Fingerprint}
		}
		if isPair(f) {
			res.Properties = &sarifProperties{Score: f.Score}
		}
		primary, other := f.Final, f.Voted
		if _, ok := location(primary); !ok {
			primary, other = f.Voted, f.Final
		}
		if loc, ok := location(primary); ok {
			res.Locations = append(res.Locations, loc)
		}
		if loc, ok := location(other); ok {
			loc.ID = 1
			loc.Message = &sarifMessage{"the other text (" + other.Lang + ")"}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}
