package atlas_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck/atlas"
	"github.com/driftcheck/driftcheck/batch"
)

var scale = flag.Bool("atlas.scale", false, "also run the atlas over synthetic archives of 10^5 and 10^6 result lines (about 1 GB of temporary files) and log time and peak memory")

const helperEnv = "DRIFTCHECK_ATLAS_TEST_HELPER"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(helperAtlas(dir))
	}
	os.Exit(m.Run())
}

// helperAtlas builds the atlas of dir (with its store) in this process and
// writes its JSON to dir/atlas.json: the parent measures the process.
func helperAtlas(dir string) int {
	in, err := atlas.OpenInput(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	a, err := atlas.Build([]*atlas.Input{in}, atlas.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	f, err := os.Create(filepath.Join(dir, "atlas.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer f.Close()
	if err := a.WriteJSON(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

var (
	synthLangs    = []string{"ar", "es", "fr", "ru", "zh"}
	synthBodies   = []string{"General Assembly", "Human Rights Council", "Security Council", "Economic and Social Council"}
	synthConcepts = [][2]string{{"mutually-beneficial-cooperation", "win-win-cooperation"}, {"poverty-eradication", "poverty-alleviation"}, {"gender-equality", "equality-men-women"}}
	synthGroups   = []string{"cooperation-framing", "poverty-framing", "gender-equality-framing"}
	synthKinds    = []string{"term-substituted", "number-mismatch", "content-omitted", "paragraph-missing"}
)

// tally is what the generator put in the lines: the atlas must give it
// back.
type tally struct {
	render map[atlas.RKey]int
	paras  map[atlas.LYKey]int
	finds  map[atlas.FKey]int
}

// writeSynthetic writes n result lines as batch writes them (1,000 a part
// file), about 1 KB each: a group of one voted English text and five
// finals of 5 to 40 paragraphs, a year from 1990 to 2024, a body of four,
// up to three renderings and two findings per final, drawn from a seeded
// generator. It returns what it wrote.
func writeSynthetic(t testing.TB, dir string, n int) tally {
	t.Helper()
	rng := rand.New(rand.NewPCG(20, uint64(n)))
	tl := tally{render: map[atlas.RKey]int{}, paras: map[atlas.LYKey]int{}, finds: map[atlas.FKey]int{}}
	const perPart = 1000
	var w *bufio.Writer
	var f *os.File
	text := "The General Assembly, recalling its previous resolutions on the subject, welcomes mutually beneficial cooperation among States;"
	for i := 0; i < n; i++ {
		if i%perPart == 0 {
			if f != nil {
				w.Flush()
				f.Close()
			}
			var err error
			f, err = os.Create(filepath.Join(dir, fmt.Sprintf("part-0of1-%06d.jsonl", i/perPart)))
			if err != nil {
				t.Fatal(err)
			}
			w = bufio.NewWriterSize(f, 1<<20)
		}
		year := 1990 + rng.IntN(35)
		body := synthBodies[rng.IntN(len(synthBodies))]
		r := batch.Result{Symbol: "A/RES/" + strconv.Itoa(year-1945) + "/" + strconv.Itoa(i), Meta: &batch.Meta{Body: body, Year: year, YearFrom: "manifest"},
			Findings: nil}
		np := 5 + rng.IntN(36)
		r.Files = append(r.Files, batch.ResultFile{Path: "v.en.txt", Lang: "en", Role: "voted", Paras: &np})
		type finding struct {
			Kind  string         `json:"kind"`
			Voted map[string]any `json:"voted"`
			Final map[string]any `json:"final"`
		}
		var finds []finding
		for _, l := range synthLangs {
			p := np
			r.Files = append(r.Files, batch.ResultFile{Path: "f." + l + ".txt", Lang: l, Role: "final", Paras: &p})
			tl.paras[atlas.LYKey{Lang: l, Year: year}] += p
			for range rng.IntN(4) {
				g := rng.IntN(len(synthConcepts))
				v := synthConcepts[g][0]
				fin := v
				switch x := rng.IntN(10); {
				case x == 0:
					fin = synthConcepts[g][1]
				case x == 1:
					fin = ""
				}
				para := "OP" + strconv.Itoa(1+rng.IntN(np))
				r.Renderings = append(r.Renderings, batch.Rendering{Lang: l, Para: para, VotedConcept: v, FinalConcept: fin, Group: synthGroups[g]})
				tl.render[atlas.RKey{Voted: v, Final: fin, Group: synthGroups[g], Lang: l, Year: year, Body: body}]++
			}
			for range rng.IntN(3) {
				k := synthKinds[rng.IntN(len(synthKinds))]
				finds = append(finds, finding{Kind: k, Voted: map[string]any{"para": "OP1", "text": text}, Final: map[string]any{"lang": l, "para": "OP1", "text": text}})
				tl.finds[atlas.FKey{Lang: l, Year: year, Kind: k}]++
			}
		}
		line, err := json.Marshal(struct {
			batch.Result
			Findings []finding `json:"findings"`
		}{r, finds})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if f != nil {
		w.Flush()
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return tl
}

// measure runs the atlas over dir in a child process and returns its wall
// time, its peak resident memory and the atlas.
func measure(t *testing.T, dir string) (time.Duration, int64, *atlas.Atlas) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("atlas over %s: %v\n%s", dir, err, out)
	}
	wall := time.Since(start)
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // Linux: KiB
	b, err := os.ReadFile(filepath.Join(dir, "atlas.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a atlas.Atlas
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return wall, rss, &a
}

// TestScale: the atlas of a synthetic archive gives back every count the
// generator wrote, and its peak memory stays under 200 MB: at 10^4 lines
// always, at 10^5 and 10^6 with -atlas.scale (the figures of issue 20).
func TestScale(t *testing.T) {
	sizes := []int{10_000}
	if *scale {
		sizes = append(sizes, 100_000, 1_000_000)
	}
	for _, n := range sizes {
		dir := t.TempDir()
		start := time.Now()
		tl := writeSynthetic(t, dir, n)
		gen := time.Since(start)
		var size int64
		parts, _ := batch.Parts(dir)
		for _, p := range parts {
			st, _ := os.Stat(p)
			size += st.Size()
		}
		wall, rss, a := measure(t, dir)
		t.Logf("%d lines (%d part files, %.0f MB, written in %v): atlas in %v, peak RSS %.1f MB",
			n, len(parts), float64(size)/1e6, gen.Round(time.Millisecond), wall.Round(time.Millisecond), float64(rss)/1e6)
		if rss > 200e6 {
			t.Errorf("%d lines: peak RSS %.1f MB, over 200 MB", n, float64(rss)/1e6)
		}
		if a.Lines != n {
			t.Errorf("%d lines counted, want %d", a.Lines, n)
		}
		// The renderings by (voted, final, language, year), summed over the
		// bodies, as the generator wrote them.
		type vfly struct {
			v, f, l string
			y       int
		}
		want, got := map[vfly]int{}, map[vfly]int{}
		for k, c := range tl.render {
			want[vfly{k.Voted, k.Final, k.Lang, k.Year}] += c
		}
		for _, r := range a.Renderings {
			for _, p := range r.ByYear {
				got[vfly{r.VotedConcept, r.FinalConcept, r.Lang, p.Year}] += p.Count
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d (voted, final, language, year) counts, want %d", len(got), len(want))
		}
		for k, c := range want {
			if got[k] != c {
				t.Errorf("%+v: %d, want %d", k, got[k], c)
				break
			}
		}
		for _, fr := range a.Findings {
			if fr.Paras != tl.paras[atlas.LYKey{Lang: fr.Lang, Year: fr.Year}] {
				t.Errorf("%s %d: %d paragraphs, want %d", fr.Lang, fr.Year, fr.Paras, tl.paras[atlas.LYKey{Lang: fr.Lang, Year: fr.Year}])
			}
			for _, k := range fr.ByKind {
				if k.Count != tl.finds[atlas.FKey{Lang: fr.Lang, Year: fr.Year, Kind: k.Kind}] {
					t.Errorf("%s %d %s: %d findings, want %d", fr.Lang, fr.Year, k.Kind, k.Count, tl.finds[atlas.FKey{Lang: fr.Lang, Year: fr.Year, Kind: k.Kind}])
				}
			}
		}
		// A second atlas reads nothing again (all from the store).
		wall2, rss2, _ := measure(t, dir)
		t.Logf("%d lines again, from the store: %v, peak RSS %.1f MB", n, wall2.Round(time.Millisecond), float64(rss2)/1e6)
	}
}

// TestInOrder: the part files counted at once give the numbers and the
// examples of one reading in order.
func TestInOrder(t *testing.T) {
	dir := t.TempDir()
	writeSynthetic(t, dir, 5500)
	in, err := atlas.OpenInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	seq := atlas.NewCounts(5)
	if err := atlas.EachLine(in.Parts, func(l *atlas.Line, file string, n int) error {
		seq.Add(l, file+":"+strconv.Itoa(n))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	par := atlas.NewCounts(5)
	if err := atlas.CountFiles(par, in.Parts); err != nil {
		t.Fatal(err)
	}
	x, _ := json.Marshal(atlas.Layout(seq, nil, nil))
	y, _ := json.Marshal(atlas.Layout(par, nil, nil))
	if string(x) != string(y) {
		t.Errorf("counted at once, the atlas differs from the one read in order")
	}
	if len(in.Parts) != 6 {
		t.Errorf("%d part files, want 6", len(in.Parts))
	}
}
