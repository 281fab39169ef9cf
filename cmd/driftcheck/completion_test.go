package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// visibleCommands are the subcommands "driftcheck help" lists.
func visibleCommands() []string {
	var names []string
	for _, c := range newApp(nil, nil, nil).Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names
}

// completeCmd runs a completion request in the process: urfave/cli reads
// the word before the request from os.Args, so that is set too.
func completeCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	saved := os.Args
	defer func() { os.Args = saved }()
	os.Args = append([]string{"driftcheck"}, args...)
	return runCmd(t, args...)
}

func TestCompletionRequest(t *testing.T) {
	code, stdout, stderr := completeCmd(t, completeFlag)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	words := strings.Fields(stdout)
	for _, name := range visibleCommands() {
		if !contains(words, name) {
			t.Errorf("completion of driftcheck lists %q, not %q", words, name)
		}
	}
	// Subcommands of a subcommand; the flags after the file arguments are
	// not moved in front of the request.
	if _, stdout, _ := completeCmd(t, "batch", completeFlag); !contains(strings.Fields(stdout), "merge") {
		t.Errorf("completion of driftcheck batch: %q, want merge", stdout)
	}
	if code, stdout, stderr := completeCmd(t, "check", "a.txt", "--fo", completeFlag); code != 0 || stderr != "" || !contains(strings.Fields(stdout), "--format") {
		t.Errorf("completion of check a.txt --fo: exit %d, stdout %q, stderr %q, want --format", code, stdout, stderr)
	}
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

func TestCompletionScripts(t *testing.T) {
	code, fish, stderr := runCmd(t, "completion", "fish")
	if code != 0 || stderr != "" {
		t.Fatalf("completion fish: exit %d, %q", code, stderr)
	}
	for _, name := range visibleCommands() {
		if !strings.Contains(fish, "-a '"+name+"'") {
			t.Errorf("the fish script does not complete %q", name)
		}
	}
	for _, shell := range []string{"bash", "zsh"} {
		code, script, stderr := runCmd(t, "completion", shell)
		if code != 0 || stderr != "" || !strings.Contains(script, completeFlag) || !strings.Contains(script, "driftcheck") {
			t.Errorf("completion %s: exit %d, stderr %q, script %q", shell, code, stderr, script)
		}
	}
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		if code, stdout, stderr := runCmd(t, args...); code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q: want one line and exit 2", args, code, stdout, stderr)
		}
	}
}

// TestCompletionBash sources the bash script and completes as bash does,
// with the real binary on PATH.
func TestCompletionBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	bin := buildStatic(t, dir)
	_, script, _ := runCmd(t, "completion", "bash")
	complete := func(words ...string) []string {
		t.Helper()
		sh := script + "\nCOMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _driftcheck; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
		cmd := exec.Command(bash, append([]string{"-c", sh, "bash"}, words...)...)
		cmd.Env = []string{"PATH=" + filepath.Dir(bin) + ":" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		return strings.Fields(string(out))
	}
	got := complete("driftcheck", "")
	for _, name := range visibleCommands() {
		if !contains(got, name) {
			t.Errorf("driftcheck <TAB>: %q, missing %q", got, name)
		}
	}
	if got := complete("driftcheck", "ch"); len(got) != 1 || got[0] != "check" {
		t.Errorf("driftcheck ch<TAB>: %q, want check", got)
	}
	if got := complete("driftcheck", "check", "--fo"); !contains(got, "--format") {
		t.Errorf("driftcheck check --fo<TAB>: %q, want --format", got)
	}
}

func TestManPage(t *testing.T) {
	code, page, stderr := runCmd(t, "man")
	if code != 0 || stderr != "" || !strings.HasPrefix(page, ".nh\n.TH driftcheck 1") {
		t.Fatalf("man: exit %d, stderr %q, page begins %.40q", code, stderr, page)
	}
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			if c.Hidden {
				continue
			}
			if !strings.Contains(page, "\n"+prefix+" "+c.Name+"\n") && !strings.Contains(page, "\n"+prefix+" "+c.Name+",") {
				t.Errorf("the man page has no section %s %s", prefix, c.Name)
			}
			walk(".SS", c.Subcommands)
		}
	}
	walk(".SH", newApp(nil, nil, nil).Commands)
	if code, _, _ := runCmd(t, "man", "extra"); code != 2 {
		t.Errorf("man extra: exit %d, want 2", code)
	}
}
