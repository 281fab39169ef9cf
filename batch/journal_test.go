package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadJournal: what a journal left by a dead run says about the
// groups that were in flight.
func TestLoadJournal(t *testing.T) {
	start := func(sym string) string {
		return fmt.Sprintf(`{"start":{"symbol":%q,"files":[{"path":"a.txt","abs":"/x/a.txt"},{"path":"b.txt","abs":"/x/b.txt"}]}}`, sym)
	}
	tests := []struct {
		name    string
		journal []string
		done    []string // symbols with a result in the part files
		want    []string // suspects: "SYMBOL crashed=PATH,... check=BOOL deaths=N"
	}{
		{"finished groups are not suspect", []string{start("A"), start("B"), `{"end":"A"}`}, nil,
			[]string{"B crashed= check=false deaths=0"}},
		{"a group with its result is not suspect", []string{start("A")}, []string{"A"}, nil},
		{"died reading a file alone in this process", []string{start("A"), `{"retry":"A"}`, `{"read":"A","path":"a.txt"}`, `{"read":"A","path":"b.txt"}`}, nil,
			[]string{"A crashed=b.txt check=false deaths=0"}},
		{"died checking alone in this process", []string{start("A"), `{"retry":"A"}`, `{"read":"A","path":"a.txt"}`, `{"check":"A"}`}, nil,
			[]string{"A crashed= check=true deaths=0"}},
		{"a retry that was done is not suspect", []string{start("A"), `{"retry":"A"}`, `{"read":"A","path":"a.txt"}`, `{"done":"A"}`}, nil, nil},
		{"a done retry with a crash found is retried", []string{start("A"), `{"retry":"A","child":true}`, `{"read":"A","path":"a.txt"}`, `{"crash":"A","path":"a.txt","error":"boom"}`, `{"retry":"A","child":true}`, `{"done":"A"}`}, nil,
			[]string{"A crashed=a.txt check=false deaths=0"}},
		{"the run died while a child read: not blamed the first time", []string{start("A"), `{"retry":"A","child":true}`, `{"read":"A","path":"a.txt"}`}, nil,
			[]string{"A crashed= check=false deaths=1"}},
		{"… blamed the second time", []string{`{"start":{"symbol":"A","files":[]},"deaths":1}`, `{"retry":"A","child":true}`, `{"read":"A","path":"a.txt"}`}, nil,
			[]string{"A crashed=a.txt check=false deaths=2"}},
		{"… and the group the third", []string{`{"start":{"symbol":"A","files":[]},"deaths":2}`, `{"retry":"A","child":true}`}, nil,
			[]string{"A crashed= check=true deaths=3"}},
		{"a crash recorded by compaction is kept", []string{`{"start":{"symbol":"A","files":[]},"crashed":[{"path":"a.txt","error":"boom"}]}`}, nil,
			[]string{"A crashed=a.txt check=false deaths=0"}},
		{"a torn last line is ignored", []string{start("A"), `{"end":"A`}, nil,
			[]string{"A crashed= check=false deaths=0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), journalFile)
			os.WriteFile(p, []byte(strings.Join(tc.journal, "\n")+"\n"), 0o644)
			done := map[string]bool{}
			for _, d := range tc.done {
				done[d] = true
			}
			ss, err := loadJournal(p, done)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range ss {
				var paths []string
				for _, c := range s.crashed {
					paths = append(paths, c.Path)
				}
				got = append(got, fmt.Sprintf("%s crashed=%s check=%v deaths=%d", s.g.Symbol, strings.Join(paths, ","), s.checkCrashed != "", s.deaths))
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("suspects %q, want %q", got, tc.want)
			}
		})
	}
}

// BenchmarkJournal measures what the in-flight journal adds to each group
// of a run: its start and end entries (a group of six files).
func BenchmarkJournal(b *testing.B) {
	j, err := openJournal(filepath.Join(b.TempDir(), journalFile), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer j.close(true)
	g := &Group{Symbol: "A/HRC/RES/37/23"}
	for _, l := range []string{"AR", "ZH", "EN", "FR", "RU", "ES"} {
		name := "A_HRC_RES_37_23-" + l + ".pdf"
		g.Files = append(g.Files, File{Symbol: g.Symbol, Lang: strings.ToLower(l), Path: "2018/" + name, Abs: "/archive/2018/" + name})
	}
	n := 0
	for b.Loop() {
		j.start(g)
		j.end(g.Symbol)
		if n++; n%200 == 0 {
			j.compact() // once a part file, as in a run
		}
	}
}
