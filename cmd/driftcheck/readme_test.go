package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

var helpBlock = regexp.MustCompile("(?s)<!-- help:([a-z ]+) -->\n```\n(.*?)```\n<!-- end -->")

// TestREADMEHelp keeps the help blocks of README.md equal to the command's
// own --help output; -update rewrites them.
func TestREADMEHelp(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	out := helpBlock.ReplaceAllStringFunc(readme, func(block string) string {
		m := helpBlock.FindStringSubmatch(block)
		_, stdout, _ := runCmd(t, append(strings.Fields(m[1]), "--help")...)
		if stdout != m[2] {
			if !*update {
				t.Errorf("README help for %q is stale (go test ./cmd/driftcheck -run README -update)\n got: %+q\nwant: %+q", m[1], m[2], stdout)
			}
		}
		return "<!-- help:" + m[1] + " -->\n```\n" + stdout + "```\n<!-- end -->"
	})
	for _, c := range []string{"check", "batch", "batch merge", "align", "segment", "lexicon list", "lexicon check", "lexicon import", "lexicon compile", "fetch", "session", "atlas"} {
		if !strings.Contains(readme, "<!-- help:"+c+" -->") {
			t.Errorf("README has no help block for %q: one per subcommand", c)
		}
	}
	if *update && out != readme {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var kindsBlock = regexp.MustCompile("(?s)<!-- kinds -->\n(.*?)\n<!-- end -->")

// TestREADMEKinds keeps the README's table of finding kinds equal to
// drift.Kinds (the kinds, their severities and meanings the reports
// use); -update rewrites it.
func TestREADMEKinds(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	m := kindsBlock.FindStringSubmatchIndex(readme)
	if m == nil {
		t.Fatal("README has no <!-- kinds --> block")
	}
	var b strings.Builder
	b.WriteString("| kind | severity | meaning |\n| --- | --- | --- |")
	for _, k := range drift.Kinds {
		fmt.Fprintf(&b, "\n| `%s` | %s | %s |", k.Kind, k.Severity, strings.ReplaceAll(k.Doc, "|", "\\|"))
	}
	want := b.String()
	if got := readme[m[2]:m[3]]; got != want {
		if !*update {
			t.Fatalf("README's table of finding kinds is stale (go test ./cmd/driftcheck -run README -update)\n got: %s\nwant: %s", got, want)
		}
		if err := os.WriteFile(path, []byte(readme[:m[2]]+want+readme[m[3]:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestREADMECommands: the README opens with the command that runs the
// founding case and the test command .ci/run uses.
func TestREADMECommands(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var cmds []string
	for i, l := range lines {
		if l == "```sh" {
			cmds = lines[i+1 : i+3]
			break
		}
	}
	if len(cmds) != 2 || !strings.Contains(cmds[0], "driftcheck check") || !strings.HasPrefix(cmds[1], "go test") {
		t.Fatalf("README must open with the check command and the test command, got %q", cmds)
	}
	if !strings.Contains(string(ci), cmds[1]) {
		t.Errorf(".ci/run does not run the README's test command %q", cmds[1])
	}
}
