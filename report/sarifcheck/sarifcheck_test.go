package sarifcheck

import (
	"strings"
	"testing"
)

// bad breaks one rule in each result and rule.
const bad = `{"version": "2.1.0", "runs": [{
  "tool": {"driver": {"name": "x", "rules": [
    {"id": "a", "name": "RuleA", "shortDescription": {"text": "a"}, "fullDescription": {"text": "a"}, "help": {"text": "h"}, "helpUri": "https://x/#a"},
    {"id": "b", "name": "b", "shortDescription": {"text": "b"}, "fullDescription": {"text": "b"}}]}},
  "results": [
    {"ruleId": "a", "message": {"text": "no location"}, "locations": null, "partialFingerprints": {"k": "1"}},
    {"ruleId": "a", "message": {"text": "absolute"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///abs/f.txt"}, "region": {"startLine": 1}}}], "partialFingerprints": {"k": "2"}},
    {"ruleId": "a", "message": {"text": "no region"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f.pdf"}}}], "partialFingerprints": {"k": "3"}},
    {"ruleId": "a", "message": {"text": "see [voted text](0)"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f.txt"}, "region": {"startLine": 2}}}], "partialFingerprints": {"k": "3"}},
    {"ruleId": "c", "message": {"text": ""}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f.txt", "uriBaseId": "ROOT"}, "region": {"startLine": 2}}}]}
  ]}]}`

func TestGitHubRefuses(t *testing.T) {
	errs := GitHub([]byte(bad))
	var all []string
	for _, e := range errs {
		all = append(all, e.Error())
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		"rule b: no help.text", `rule b: helpUri "" is not an absolute URI`, `rule b: name "b" is its id`,
		"result 0 (a): no location",
		`result 1 (a) location 0: artifact URI "file:///abs/f.txt" is not relative`,
		"result 2 (a) location 0: no region with startLine >= 1",
		"result 3 (a): message links to location 0, which it lacks",
		"result 3 (a): the same partialFingerprints as result 2",
		"result 4 (c): ruleId names no rule", "result 4 (c): empty message", "result 4 (c): no partialFingerprints",
		`result 4 (c) location 0: uriBaseId "ROOT" is not in originalUriBaseIds`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("GitHub() does not say %q; it says:\n%s", want, got)
		}
	}
	if len(errs) != 12 {
		t.Errorf("%d errors, want 12:\n%s", len(errs), got)
	}
}
