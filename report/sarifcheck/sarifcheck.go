// Package sarifcheck checks a SARIF log against the SARIF 2.1.0 JSON
// schema and against the rules GitHub code scanning applies when it
// ingests one (those driftcheck's logs rely on). The tests of the report
// formats use it on every SARIF log they make.
package sarifcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Schema validates data against the JSON schema in file schemaPath.
func Schema(data []byte, schemaPath string) error {
	sch, err := jsonschema.NewCompiler().Compile(schemaPath)
	if err != nil {
		return fmt.Errorf("compile the SARIF schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

type message struct {
	Text string `json:"text"`
}

type artifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type location struct {
	ID               *int `json:"id"`
	PhysicalLocation *struct {
		ArtifactLocation *artifact `json:"artifactLocation"`
		Region           *struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

type log struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID      string   `json:"id"`
					Name    string   `json:"name"`
					Help    *message `json:"help"`
					HelpURI string   `json:"helpUri"`
					Short   *message `json:"shortDescription"`
					Full    *message `json:"fullDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]artifact `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           *int              `json:"ruleIndex"`
			Message             message           `json:"message"`
			Locations           []location        `json:"locations"`
			RelatedLocations    []location        `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// link is an embedded link of a message to a location: [text](id).
var link = regexp.MustCompile(`\[[^\]]*\]\((\d+)\)`)

// GitHub returns what in data breaks the rules of GitHub's SARIF
// ingestion (and of SARIF itself) that driftcheck relies on: every result
// has a location whose artifact URI is relative (to the repository, or to
// a base id the run defines as an absolute URI ending in "/") with a region
// whose startLine is at least 1 (GH1015, GH1017, SARIF1004); every rule
// has help text and a helpUri (GH2012) and a name that is not its id
// (SARIF1001); a result's ruleId and ruleIndex name a rule; its message is
// not empty and links only to related locations it has; every result has
// partial fingerprints, and no two results the same ones.
func GitHub(data []byte) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	var l log
	if err := json.Unmarshal(data, &l); err != nil {
		return []error{err}
	}
	if l.Version != "2.1.0" || len(l.Runs) == 0 {
		bad("version %q, %d runs", l.Version, len(l.Runs))
	}
	for ri, run := range l.Runs {
		for id, base := range run.OriginalURIBaseIDs {
			u, err := url.Parse(base.URI)
			if err != nil || !u.IsAbs() || !strings.HasSuffix(base.URI, "/") {
				bad("run %d: originalUriBaseIds[%s] %q is not an absolute URI ending in /", ri, id, base.URI)
			}
		}
		checkLoc := func(what string, loc location) {
			switch {
			case loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation == nil:
				bad("%s: no physicalLocation.artifactLocation", what)
				return
			case loc.PhysicalLocation.Region == nil || loc.PhysicalLocation.Region.StartLine < 1:
				bad("%s: no region with startLine >= 1", what)
			}
			a := loc.PhysicalLocation.ArtifactLocation
			u, err := url.Parse(a.URI)
			switch {
			case a.URI == "" || err != nil:
				bad("%s: artifact URI %q is not a URI reference", what, a.URI)
			case u.IsAbs() || strings.HasPrefix(a.URI, "/"):
				bad("%s: artifact URI %q is not relative", what, a.URI)
			case a.URIBaseID != "":
				if _, ok := run.OriginalURIBaseIDs[a.URIBaseID]; !ok {
					bad("%s: uriBaseId %q is not in originalUriBaseIds", what, a.URIBaseID)
				}
			}
		}
		rules := map[string]int{}
		for i, r := range run.Tool.Driver.Rules {
			rules[r.ID] = i
			if r.Help == nil || r.Help.Text == "" {
				bad("rule %s: no help.text", r.ID)
			}
			if u, err := url.Parse(r.HelpURI); err != nil || !u.IsAbs() {
				bad("rule %s: helpUri %q is not an absolute URI", r.ID, r.HelpURI)
			}
			if r.Short == nil || r.Short.Text == "" || r.Full == nil || r.Full.Text == "" {
				bad("rule %s: no short or full description", r.ID)
			}
			if strings.EqualFold(r.Name, r.ID) {
				bad("rule %s: name %q is its id", r.ID, r.Name)
			}
		}
		seen := map[string]int{}
		for i, res := range run.Results {
			what := fmt.Sprintf("run %d result %d (%s)", ri, i, res.RuleID)
			k, ok := rules[res.RuleID]
			switch {
			case !ok:
				bad("%s: ruleId names no rule", what)
			case res.RuleIndex != nil && *res.RuleIndex != k:
				bad("%s: ruleIndex %d, the rule is %d", what, *res.RuleIndex, k)
			}
			if strings.TrimSpace(res.Message.Text) == "" {
				bad("%s: empty message", what)
			}
			if len(res.Locations) == 0 {
				bad("%s: no location", what)
			}
			for j, loc := range res.Locations {
				checkLoc(fmt.Sprintf("%s location %d", what, j), loc)
			}
			ids := map[int]bool{}
			for j, loc := range res.RelatedLocations {
				checkLoc(fmt.Sprintf("%s related location %d", what, j), loc)
				if loc.ID != nil {
					ids[*loc.ID] = true
				}
			}
			for _, m := range link.FindAllStringSubmatch(res.Message.Text, -1) {
				var id int
				fmt.Sscan(m[1], &id)
				if !ids[id] {
					bad("%s: message links to location %d, which it lacks", what, id)
				}
			}
			if len(res.PartialFingerprints) == 0 {
				bad("%s: no partialFingerprints", what)
			}
			fp, _ := json.Marshal(res.PartialFingerprints)
			if j, dup := seen[string(fp)]; dup {
				bad("%s: the same partialFingerprints as result %d", what, j)
			}
			seen[string(fp)] = i
		}
	}
	return errs
}
