package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconRoleFlag checks --lexicon-role: a lexicon whose concepts
// would make findings makes none as reference; an unknown value is a
// usage error.
func TestLexiconRoleFlag(t *testing.T) {
	dir := t.TempDir()
	// The founding drift's two concepts, as another lexicon.
	lex := filepath.Join(dir, "coop.tsv")
	os.WriteFile(lex, []byte("id\tgroup\ten\tzh\nmbc2\tg2\tmutually beneficial cooperation\t互利合作\nww2\tg2\twin-win cooperation\t合作共赢\n"), 0o644)
	args := []string{"check", "--no-default-lexicon", "--lexicon", lex, "--voted", founding("L36.en.txt"), founding("RES.zh.txt")}
	code, stdout, _ := runCmd(t, args...)
	if code != 1 || !strings.Contains(stdout, "became \"合作共赢\" (ww2)") {
		t.Fatalf("without a role: exit %d\n%.400s", code, stdout)
	}
	code, stdout, _ = runCmd(t, append(args[:1:1], append([]string{"--lexicon-role", "reference"}, args[1:]...)...)...)
	if strings.Contains(stdout, "ww2") || strings.Contains(stdout, "mbc2") {
		t.Errorf("--lexicon-role reference: exit %d, findings of the reference concepts:\n%.600s", code, stdout)
	}
	code, _, stderr := runCmd(t, "check", "--lexicon-role", "negotiated", "--lexicon", lex, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `--lexicon-role: unknown value "negotiated"`) {
		t.Errorf("unknown role: exit %d stderr %q", code, stderr)
	}
	// contested needs groups: a lexicon without them is refused, naming it.
	nogroup := filepath.Join(dir, "nogroup.tsv")
	os.WriteFile(nogroup, []byte("id\ten\nx\talpha\n"), 0o644)
	code, _, stderr = runCmd(t, "check", "--lexicon-role", "contested", "--lexicon", nogroup, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "nogroup.tsv") || !strings.Contains(stderr, "needs a group") {
		t.Errorf("contested without groups: exit %d stderr %q", code, stderr)
	}
}

// TestLexiconCompileCommand compiles a lexicon, checks with it as with
// its source, and refuses a damaged or stale compiled file with one line,
// exit 2.
func TestLexiconCompileCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "coop.tsv")
	os.WriteFile(src, []byte("id\tgroup\ten\tzh\nmbc2\tg2\tmutually beneficial cooperation\t互利合作\nww2\tg2\twin-win cooperation\t合作共赢\n"), 0o644)
	dcx := filepath.Join(dir, "coop.dcx")
	code, _, stderr := runCmd(t, "lexicon", "compile", src, "-o", dcx)
	if code != 0 || !strings.Contains(stderr, "2 concepts compiled") {
		t.Fatalf("compile: exit %d stderr %q", code, stderr)
	}
	check := func(lex string) (int, string, string) {
		return runCmd(t, "check", "--no-default-lexicon", "--lexicon", lex, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	}
	c1, out1, _ := check(src)
	c2, out2, _ := check(dcx)
	if c1 != 1 || c2 != 1 || out1 != out2 || !strings.Contains(out2, "9 finding(s)") {
		t.Errorf("check with the compiled lexicon: exit %d, with the source %d; same report: %v\n%.300s", c2, c1, out1 == out2, out2)
	}
	code, _, stderr = runCmd(t, "lexicon", "compile", src)
	if code != 2 || !strings.Contains(stderr, "want -o") {
		t.Errorf("compile without -o: exit %d stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(dcx)
	bad := filepath.Join(dir, "bad.dcx")
	os.WriteFile(bad, data[:len(data)/2], 0o644)
	code, _, stderr = check(bad)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "bad.dcx") || !strings.Contains(stderr, "compiled lexicon unusable") {
		t.Errorf("truncated compiled lexicon: exit %d stderr %q", code, stderr)
	}
	os.WriteFile(src, []byte("id\tgroup\ten\tzh\nmbc2\tg2\tmutually beneficial cooperation\t互利合作\n"), 0o644)
	code, _, stderr = check(dcx)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "stale") || !strings.Contains(stderr, "coop.dcx") {
		t.Errorf("stale compiled lexicon: exit %d stderr %q", code, stderr)
	}
}

// TestLexiconImportRole checks that lexicon import writes role reference
// (contested for a TBX group) unless --role says otherwise.
func TestLexiconImportRole(t *testing.T) {
	tbx := formats("bitext/cooperation-v3.tbx")
	code, stdout, stderr := runCmd(t, "lexicon", "import", tbx)
	if code != 0 || !strings.HasSuffix(strings.SplitN(stdout, "\n", 2)[0], "\trole") || !strings.Contains(stdout, "\tcontested\n") {
		t.Errorf("import: exit %d stderr %q\n%s", code, stderr, stdout)
	}
	code, stdout, _ = runCmd(t, "lexicon", "import", "--role", "none", tbx)
	if code != 0 || strings.Contains(strings.SplitN(stdout, "\n", 2)[0], "role") {
		t.Errorf("import --role none: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCmd(t, "lexicon", "import", "--role", "reference", "--match", "unaccented", tbx)
	if code != 0 || strings.Count(stdout, "\treference\tunaccented\n") != 2 {
		t.Errorf("import --role reference --match unaccented: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCmd(t, "lexicon", "import", "--role", "maybe", tbx)
	if code != 2 || !strings.Contains(stderr, `--role: unknown value "maybe"`) {
		t.Errorf("import --role maybe: exit %d stderr %q", code, stderr)
	}
}
