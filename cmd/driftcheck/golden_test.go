package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output of the golden tests")

// TestGolden runs each case of testdata/golden/*.txtar. The archive comment
// holds the command line (first line) and "exit N" (second line). Files
// named stdout and stderr are the expected output; every other file is an
// input written to a temporary directory, which also holds "founding" and
// "languages", links to testdata/founding and testdata/languages. Regenerate with go test ./cmd/driftcheck -update
// and check the diff by hand.
//
// A case pins the findings, not the layout of the text report: its
// command asks for --format line (or -f json when the case is about which
// paragraphs were paired, or what was hidden below the level), so that a
// change to the text layout touches only the few cases kept in the text
// format on purpose: the founding case (founding-zh-drift), the Arabic
// excerpt, two finals, a versions diff (versions-en-oral-revision), a
// paragraph missing (founding-zh-op3-deleted) and the rendering of
// editorial changes (versions-en-quotes-nfd).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(mustAbs(t, "../../testdata/golden") + "/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	founding, err := filepath.Abs("../../testdata/founding")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(strings.TrimSpace(string(ar.Comment)), "\n", 3)
			if len(lines) < 2 || !strings.HasPrefix(lines[1], "exit ") {
				t.Fatalf("%s: comment must be the command line then \"exit N\"", file)
			}
			args := strings.Fields(lines[0])
			wantExit, err := strconv.Atoi(strings.TrimPrefix(lines[1], "exit "))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			dir := t.TempDir()
			for _, link := range []string{"founding", "languages"} {
				target := filepath.Join(filepath.Dir(founding), link)
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					t.Fatal(err)
				}
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				if f.Name == "stdout" || f.Name == "stderr" {
					want[f.Name] = string(f.Data)
					continue
				}
				p := filepath.Join(dir, f.Name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			got := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if *update {
				ar.Comment = []byte(lines[0] + "\nexit " + strconv.Itoa(got) + "\n")
				var keep []txtar.File
				for _, f := range ar.Files {
					if f.Name != "stdout" && f.Name != "stderr" {
						keep = append(keep, f)
					}
				}
				keep = append(keep, txtar.File{Name: "stdout", Data: stdout.Bytes()})
				if stderr.Len() > 0 {
					keep = append(keep, txtar.File{Name: "stderr", Data: stderr.Bytes()})
				}
				ar.Files = keep
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != wantExit {
				t.Errorf("%s: exit %d, want %d\nstderr: %s", lines[0], got, wantExit, stderr.String())
			}
			for _, s := range []struct {
				name string
				got  string
			}{{"stdout", stdout.String()}, {"stderr", stderr.String()}} {
				if s.got != want[s.name] {
					t.Errorf("%s: %s differs\n got: %+q\nwant: %+q\n(regenerate with -update and check the diff by hand)", lines[0], s.name, s.got, want[s.name])
				}
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
