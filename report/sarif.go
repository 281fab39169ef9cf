package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/driftcheck/driftcheck/drift"
)

// SARIF 2.1.0 types: only what driftcheck writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	Invocations        []sarifInvocation        `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                   `json:"columnKind"`
	Results            []sarifResult            `json:"results"`
}

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
	Help                 sarifMessage `json:"help"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

// sarifText is a message for a description of the run (an original URI
// base): its text.
type sarifText = sarifMessage

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
	// ID is set on a related location, which the message links to
	// ("[voted text](0)").
	ID               *int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation  `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

// sarifLogicalLocation names the paragraph (and page) of a file without
// lines: a PDF or Word file.
type sarifLogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	// Description is said of an original URI base.
	Description *sarifText `json:"description,omitempty"`
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

// srcRoot is the URI base id of the paths relative to Input.Root.
const srcRoot = "%SRCROOT%"

// artifact is the artifact location of path: relative to the root, with
// the root's base id, or an absolute file URI for a file outside it.
func artifact(root, path string) sarifArtifact {
	uri, rel := uriOf(root, path)
	if rel && root != "" {
		return sarifArtifact{URI: uri, URIBaseID: srcRoot}
	}
	return sarifArtifact{URI: uri}
}

// location points at the evidence of one side: line and column of its
// start and end in the file, columns counted in Unicode code points. A
// file without lines (PDF, Word) is located at its line 1, which is what
// code scanning accepts, and its page and paragraph are a logical
// location.
func location(root string, l drift.Loc) sarifLocation {
	r := sarifRegion{StartLine: 1}
	if l.Line > 0 {
		r = sarifRegion{StartLine: l.Line, StartColumn: l.Col}
		if l.EndLine > 0 {
			r.EndLine, r.EndColumn = l.EndLine, l.EndCol
		}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact(root, l.Path), Region: r}}
	if l.Line == 0 && l.Para != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{Name: l.Para, FullyQualifiedName: where(l), Kind: "paragraph"}}
	}
	return loc
}

// ruleName is a kind in CamelCase (term-substituted: TermSubstituted):
// SARIF wants a rule's name to differ from its id, also in case, which a
// kind of one word would not.
func ruleName(k drift.Kind) string {
	switch k {
	case drift.Editorial:
		return "EditorialDifference"
	case drift.Reordered:
		return "WordsReordered"
	}
	var b strings.Builder
	for _, w := range strings.Split(string(k), "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// HelpURI is where the README explains the finding kinds.
const HelpURI = "https://github.com/driftcheck/driftcheck#findings"

// sarifMessageText is the message of a result: the finding's, then the
// paragraph (and page) of a file without lines, then a link to the voted
// text when it is a related location.
func sarifMessageText(f drift.Finding, primary drift.Loc, related bool) string {
	var tail []string
	if w := where(primary); primary.Line == 0 && w != "" {
		tail = append(tail, w)
	}
	if related {
		v := "[voted text](0)"
		if w := where(f.Voted); w != "" {
			v += ", " + w
		}
		tail = append(tail, v)
	}
	if len(tail) == 0 {
		return f.Message
	}
	return f.Message + " — " + strings.Join(tail, "; ")
}

// SARIF writes the findings as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one rule per finding kind, with help and a link to the README;
// one result per finding and final file, located in the final file at the
// drifted term (columns in code points; line 1 of a PDF or Word file, with
// the page and paragraph as a logical location and in the message; the
// voted file for a finding that names no final), the voted text as related
// location 0 linked from the message; paths relative to in.Root
// (%SRCROOT%); the finding's fingerprint and one of the finding in its
// final file as partial fingerprints.
func SARIF(w io.Writer, in Input) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "driftcheck",
			InformationURI: "https://github.com/driftcheck/driftcheck",
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	if in.Root != "" {
		base := filepath.ToSlash(in.Root)
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
		if !strings.HasPrefix(base, "/") {
			base = "/" + base // a Windows drive: file:///C:/...
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {
			URI:         (&url.URL{Scheme: "file", Path: base}).String(),
			Description: &sarifText{"the directory paths are relative to (--sarif-root)"},
		}}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(in.Errors) == 0}
	for _, e := range in.Errors {
		n := sarifNotification{Level: "error", Message: sarifMessage{e.Path + ": " + e.Error + " (not checked)"}}
		var l sarifNoticeLocation
		l.PhysicalLocation.ArtifactLocation = artifact(in.Root, e.Path)
		n.Locations = []sarifNoticeLocation{l}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, m := range in.Warnings {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning", Message: sarifMessage{m}})
	}
	run.Invocations = []sarifInvocation{inv}
	index := map[string]int{}
	for i, k := range drift.Kinds {
		r := sarifRule{
			ID: string(k.Kind), Name: ruleName(k.Kind),
			ShortDescription: sarifMessage{strings.ReplaceAll(string(k.Kind), "-", " ")},
			FullDescription:  sarifMessage{k.Doc},
			Help:             sarifMessage{string(k.Kind) + ": " + k.Doc + ". The finding kinds and their severities: " + HelpURI},
			HelpURI:          HelpURI,
		}
		r.DefaultConfiguration.Level = sarifLevel(k.Severity)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
		index[string(k.Kind)] = i
	}
	fps := finalFingerprints(in.Root, in.Findings)
	for i, f := range in.Findings {
		primary, other := primarySide(f)
		related := other.Path != ""
		res := sarifResult{
			RuleID: string(f.Kind), RuleIndex: index[string(f.Kind)], Level: sarifLevel(f.Severity),
			Message:             sarifMessage{sarifMessageText(f, primary, related)},
			Locations:           []sarifLocation{location(in.Root, primary)},
			PartialFingerprints: map[string]string{"driftcheck/final/v1": fps[i]},
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints["driftcheck/v1"] = f.Fingerprint
		}
		if isPair(f) {
			res.Properties = &sarifProperties{Score: f.Score}
		}
		if related {
			loc := location(in.Root, other)
			id := 0
			loc.ID = &id
			loc.Message = &sarifMessage{"voted text (" + other.Lang + ")"}
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
