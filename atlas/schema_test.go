package atlas_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/driftcheck/driftcheck/atlas"
	"github.com/driftcheck/driftcheck/lexicon"
)

// TestSchema: the JSON of the atlas validates against
// docs/atlas.schema.json (testdata's lines with the lexicon's groups, and
// a synthetic archive); a rate over 1 does not.
func TestSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "docs", "atlas.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	for _, c := range lexicon.Default().Concepts {
		if c.Group != "" {
			groups[c.ID] = c.Group
		}
	}
	synth := t.TempDir()
	writeSynthetic(t, synth, 500)
	for _, dir := range []string{copyTestdata(t), synth} {
		a := build(t, atlas.Options{NoStore: true, Groups: groups}, dir)
		var b bytes.Buffer
		if err := a.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: the atlas does not validate: %v", dir, err)
		}
		bad := strings.Replace(b.String(), `"rate": 0.5`, `"rate": 2`, 1)
		if bad == b.String() {
			continue
		}
		inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(inst) == nil {
			t.Errorf("%s: a rate of 2 validates", dir)
		}
	}
}
