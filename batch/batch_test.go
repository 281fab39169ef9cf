package batch_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/lexicon"
)

// archive writes the UNPC devset as an archive of 732 symbols x 6 languages
// (every 97th file unreadable on purpose) and returns its directory and a
// manifest of it.
func archive(t testing.TB) (dir, manifest string, files int) {
	docs := corpus.DevsetOrSkip(t)
	dir = t.TempDir()
	n, err := corpus.WriteArchive(dir, docs, 97)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("symbol,role,lang,path\n")
	for _, d := range docs {
		for _, l := range corpus.Langs {
			role := "final"
			if l == "en" {
				role = "voted"
			}
			b.WriteString(d.Symbol + "," + role + "," + l + "," + corpus.FileName(d.Symbol, l) + "\n")
		}
	}
	manifest = filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(manifest, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, manifest, n
}

// lines returns the sorted result lines of the part files of dirs, failing
// on a symbol written twice.
func lines(t *testing.T, dirs ...string) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	for _, d := range dirs {
		parts, err := batch.Parts(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			f, _ := os.Open(p)
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for sc.Scan() {
				var r batch.Result
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatal(err)
				}
				if seen[r.Symbol] {
					t.Errorf("symbol %s written twice", r.Symbol)
				}
				seen[r.Symbol] = true
				out = append(out, sc.Text())
			}
			f.Close()
		}
	}
	sort.Strings(out)
	return out
}

func run(t *testing.T, manifest, out string, shard, shards int) *batch.Summary {
	t.Helper()
	src, err := batch.OpenManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sum, err := batch.Run(context.Background(), src, batch.Options{
		Checker: driftcheck.New(lexicon.Default()), Out: out, Jobs: 2, Shard: shard, Shards: shards, ChunkSize: 50,
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestWholeAndShards: the archive checked whole and as 4 shards gives the
// same results; unreadable files are errors of their group and every group
// has a result.
func TestWholeAndShards(t *testing.T) {
	dir, manifest, files := archive(t)
	whole := filepath.Join(dir, "out-whole")
	sum := run(t, manifest, whole, 0, 1)
	if sum.Groups != 732 || sum.Files != files {
		t.Errorf("whole run: %d groups, %d files; want 732 and %d", sum.Groups, sum.Files, files)
	}
	if want := files / 97; sum.Errors != want {
		t.Errorf("whole run: %d file errors, want the %d unreadable files", sum.Errors, want)
	}
	want := lines(t, whole)
	if len(want) != 732 {
		t.Fatalf("%d result lines, want 732", len(want))
	}
	for _, l := range want {
		var r batch.Result
		json.Unmarshal([]byte(l), &r)
		if len(r.Files) != 6 {
			t.Errorf("%s: %d files in the result", r.Symbol, len(r.Files))
		}
		for _, e := range r.Errors {
			if !strings.Contains(e.Error, "not UTF-8") || !strings.Contains(e.Error, e.Path) {
				t.Errorf("%s: error %+v does not name the file and the problem", r.Symbol, e)
			}
		}
	}
	var shardDirs []string
	total := 0
	for i := 0; i < 4; i++ {
		d := filepath.Join(dir, "out-shard", string(rune('0'+i)))
		s := run(t, manifest, d, i, 4)
		total += s.Groups
		shardDirs = append(shardDirs, d)
	}
	if total != 732 {
		t.Errorf("shards hold %d groups, want 732", total)
	}
	got := lines(t, shardDirs...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the 4 shards' results differ from the whole run's (%d vs %d lines)", len(got), len(want))
	}
	merged := filepath.Join(dir, "merged.jsonl")
	msum, err := batch.Merge(merged, shardDirs)
	if err != nil {
		t.Fatal(err)
	}
	if msum.Groups != 732 || msum.Findings != sum.Findings || msum.Errors != sum.Errors {
		t.Errorf("merged summary %+v, whole %+v", msum, sum)
	}
	data, _ := os.ReadFile(merged)
	ml := strings.Split(strings.TrimSpace(string(data)), "\n")
	sort.Strings(ml)
	if strings.Join(ml, "\n") != strings.Join(want, "\n") {
		t.Errorf("merged file differs from the whole run")
	}
	// A rerun on a finished output does nothing and changes nothing.
	again := run(t, manifest, whole, 0, 1)
	if again.Groups != 732 || strings.Join(lines(t, whole), "\n") != strings.Join(want, "\n") {
		t.Errorf("a rerun changed the results")
	}
}

// TestKillAndResume kills a real batch process with SIGKILL part-way and
// restarts it: the results equal an uninterrupted run's, with no
// duplicates.
func TestKillAndResume(t *testing.T) {
	dir, manifest, _ := archive(t)
	want := func() []string {
		out := filepath.Join(dir, "out-ref")
		run(t, manifest, out, 0, 1)
		return lines(t, out)
	}()
	bin := filepath.Join(t.TempDir(), "driftcheck")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/driftcheck").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "out-killed")
	args := []string{"batch", "--manifest", manifest, "--out", out, "--jobs", "1", "--chunk", "20", "--quiet"}
	killed := false
	for attempt := 0; attempt < 3 && !killed; attempt++ {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill once some part files are complete, before the end.
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			parts, _ := batch.Parts(out)
			if len(parts) >= 3 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Kill() // SIGKILL
		err := cmd.Wait()
		killed = err != nil // killed before it finished
	}
	if !killed {
		t.Skip("the run finished before it could be killed")
	}
	parts, _ := batch.Parts(out)
	if n := len(lines(t, out)); n == 0 || n >= 732 {
		t.Logf("after the kill: %d part files, %d results", len(parts), n)
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	got := lines(t, out)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after kill and resume: %d results, uninterrupted %d; contents differ", len(got), len(want))
	}
	if tmps, _ := filepath.Glob(filepath.Join(out, "*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestShardStable(t *testing.T) {
	// The split must not change between releases: schedulers rerun shards.
	cases := map[string]int{"A/HRC/RES/37/23": batch.Shard("A/HRC/RES/37/23", 4), "S/2015/87": batch.Shard("S/2015/87", 4)}
	for s, want := range cases {
		for i := 0; i < 3; i++ {
			if got := batch.Shard(s, 4); got != want || got < 0 || got > 3 {
				t.Errorf("Shard(%q, 4) = %d, want %d", s, got, want)
			}
		}
	}
	if batch.Shard("x", 1) != 0 || batch.Shard("x", 0) != 0 {
		t.Error("one shard must hold everything")
	}
}

func TestParseName(t *testing.T) {
	tests := []struct{ name, symbol, lang string }{
		{"A_HRC_RES_37_23-EN.pdf", "A/HRC/RES/37/23", "en"},
		{"A_HRC_37_L.36_C.doc", "A/HRC/37/L.36", "zh"},
		{"a_res_70_1.fr.txt", "A/RES/70/1", "fr"},
		{"S_2015_87-AR.txt", "S/2015/87", "ar"},
		{"notes.txt", "notes", ""},
	}
	for _, tt := range tests {
		s, l := batch.ParseName(tt.name)
		if s != tt.symbol || l != tt.lang {
			t.Errorf("ParseName(%q) = %q, %q; want %q, %q", tt.name, s, l, tt.symbol, tt.lang)
		}
	}
}

func TestManifestNotGrouped(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.tsv")
	os.WriteFile(m, []byte("symbol\trole\tlang\tpath\nA/1\tvoted\ten\ta.txt\nB/1\tvoted\ten\tb.txt\nA/1\tfinal\tfr\tc.txt\n"), 0o644)
	src, err := batch.OpenManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	var last error
	for {
		_, err := src.Next()
		if err != nil {
			last = err
			break
		}
	}
	if last == nil || !strings.Contains(last.Error(), "line 4") || !strings.Contains(last.Error(), "sort") {
		t.Errorf("want an error naming line 4 and asking to sort, got %v", last)
	}
}

// TestDirFromText: files named by job number are grouped by the symbol on
// their first lines, and their language is read from the text.
func TestDirFromText(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "N1800001.txt"), []byte("A/HRC/RES/37/23\n\nPromoting mutually beneficial cooperation in the field of human rights\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "N1800002.txt"), []byte("A/HRC/RES/37/23\n\n促进人权领域的合作共赢\n"), 0o644)
	src, err := batch.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := src.Next()
	if err != nil {
		t.Fatal(err)
	}
	if g.Symbol != "A/HRC/RES/37/23" || len(g.Files) != 2 || g.Files[0].Lang != "en" || g.Files[1].Lang != "zh" {
		t.Fatalf("group %+v", g)
	}
	r := batch.CheckGroup(driftcheck.New(lexicon.Default()), g, "en", 2)
	if len(r.Findings) != 1 || r.Findings[0].Kind != "term-substituted" {
		t.Errorf("findings %+v, want one term-substituted", r.Findings)
	}
}

// TestDirFromTextFormats groups PDF, DOCX and HTML files whose names give
// neither symbol nor language, from their content: the founding case in
// three formats and four languages is one group.
func TestDirFromTextFormats(t *testing.T) {
	dir := t.TempDir()
	for src, name := range map[string]string{
		"pdf/L36.en.pdf":           "N1800001.pdf",
		"pdf/RES.zh.pdf":           "N1800002.pdf",
		"docx/RES.excerpt.fr.docx": "N1800003.docx",
		"html/RES.excerpt.ru.html": "N1800004.html",
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "formats", src))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	src, err := batch.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	langs := map[string]string{}
	for {
		g, err := src.Next()
		if err != nil {
			break
		}
		groups = append(groups, g.Symbol)
		for _, f := range g.Files {
			langs[filepath.Base(f.Abs)] = f.Lang
		}
	}
	// L36 (the draft) and RES (the resolution) are two symbols.
	want := map[string]string{"N1800001.pdf": "en", "N1800002.pdf": "zh", "N1800003.docx": "fr", "N1800004.html": "ru"}
	for f, l := range want {
		if langs[f] != l {
			t.Errorf("%s: language %q, want %q (groups %q)", f, langs[f], l, groups)
		}
	}
}
