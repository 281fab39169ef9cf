package batch_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/lexicon"
)

// TestVersionAgainstFinal checks the founding case as a session of the
// Human Rights Council gives it: the English draft voted, the Chinese
// resolution final, and the last Chinese draft, which followed the
// negotiated "mutually beneficial cooperation" (互利合作), as a version.
// The version is compared with the final in its language, so the
// reversion to 合作共赢 shows twice: against the English (9 findings) and
// against the Chinese draft (9), the latter with the draft as its voted
// side. With role draft on both drafts, the English one is the voted text
// and the Chinese one a version: the same result.
func TestVersionAgainstFinal(t *testing.T) {
	founding, err := filepath.Abs(filepath.Join("..", "testdata", "founding"))
	if err != nil {
		t.Fatal(err)
	}
	chk := driftcheck.New(lexicon.Default())
	for _, roles := range [][3]string{{"voted", "final", "version"}, {"draft", "final", "draft"}} {
		dir := t.TempDir()
		manifest := "symbol,role,lang,path\n" +
			"A/HRC/RES/37/23," + roles[0] + ",en," + filepath.Join(founding, "L36.en.txt") + "\n" +
			"A/HRC/RES/37/23," + roles[1] + ",zh," + filepath.Join(founding, "RES.zh.txt") + "\n" +
			"A/HRC/RES/37/23," + roles[2] + ",zh," + filepath.Join(founding, "L36.zh.txt") + "\n"
		path := filepath.Join(dir, "m.csv")
		if err := os.WriteFile(path, []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := batch.OpenManifest(path)
		if err != nil {
			t.Fatal(err)
		}
		g, err := src.Next()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := src.Next(); err != io.EOF {
			t.Fatalf("a second group, or %v", err)
		}
		src.Close()
		r := batch.CheckGroup(chk, g, "en", drift.Warning)
		if len(r.Errors) > 0 {
			t.Fatalf("roles %v: errors %v", roles, r.Errors)
		}
		var roleList []string
		for _, f := range r.Files {
			roleList = append(roleList, filepath.Base(f.Path)+":"+f.Role)
		}
		if got := strings.Join(roleList, " "); got != "L36.en.txt:voted RES.zh.txt:final L36.zh.txt:version" {
			t.Errorf("roles %v: files %s", roles, got)
		}
		byVoted := map[string]int{}
		for _, f := range r.Findings {
			if f.Kind != "term-substituted" {
				t.Errorf("roles %v: %s %s: %s", roles, f.Severity, f.Kind, f.Message)
			}
			byVoted[filepath.Base(f.Voted.Path)]++
		}
		if byVoted["L36.en.txt"] != 9 || byVoted["L36.zh.txt"] != 9 || len(byVoted) != 2 {
			t.Errorf("roles %v: findings by voted side %v, want 9 against the English draft and 9 against the Chinese one", roles, byVoted)
		}
	}
}
