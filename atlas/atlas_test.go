package atlas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/atlas"
	"github.com/driftcheck/driftcheck/lexicon"
)

// copyTestdata copies the part files of testdata to a new directory (the
// atlas writes its store next to them).
func copyTestdata(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"part-0of1-000000.jsonl", "part-0of1-000001.jsonl"} {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, opt atlas.Options, dirs ...string) *atlas.Atlas {
	t.Helper()
	var ins []*atlas.Input
	for _, d := range dirs {
		in, err := atlas.OpenInput(d)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, in)
	}
	a, err := atlas.Build(ins, opt)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func row(a *atlas.Atlas, voted, final, lang string) *atlas.Row {
	for i := range a.Renderings {
		r := &a.Renderings[i]
		if r.VotedConcept == voted && r.FinalConcept == final && r.Lang == lang {
			return r
		}
	}
	return nil
}

const (
	mbc = "mutually-beneficial-cooperation"
	ww  = "win-win-cooperation"
)

// TestCounts: the three lines of testdata, counted by hand. Line 1 (HRC,
// 2018): zh renders mbc once as win-win (OP1) and once faithfully (OP2),
// fr faithfully; zh has a term-substituted and a number-mismatch finding in
// 10 paragraphs. Line 2 (GA, 2023): zh renders mbc faithfully and poverty
// eradication not at all, one term-missing in 20 paragraphs. Line 3 is an
// old line (no meta, no paragraph counts) with a file error: its fr final
// and its finding are in no rate.
func TestCounts(t *testing.T) {
	a := build(t, atlas.Options{NoStore: true}, copyTestdata(t))
	if a.Lines != 3 || a.LinesWithErrors != 1 || a.FinalsWithoutParas != 1 {
		t.Errorf("lines %d, with errors %d, finals without paras %d; want 3, 1, 1", a.Lines, a.LinesWithErrors, a.FinalsWithoutParas)
	}
	r := row(a, mbc, ww, "zh")
	if r == nil || r.Count != 1 || r.Total != 3 || r.Kind != "alternative" || r.FirstYear != 2018 || r.LastYear != 2018 {
		t.Fatalf("mbc→ww zh: %+v; want 1 of 3, 2018", r)
	}
	if len(r.Examples) != 1 || r.Examples[0].Source == "" || !strings.HasSuffix(r.Examples[0].Source, "part-0of1-000000.jsonl:1") ||
		r.Examples[0].FinalText != "欢迎合作共赢；" || r.Examples[0].Para != "OP1" || r.Examples[0].Symbol != "A/HRC/RES/37/23" {
		t.Errorf("example %+v", r.Examples)
	}
	if want := []atlas.Point{{Year: 2018, Count: 1, Total: 2, Rate: 0.5}}; !reflect.DeepEqual(r.ByYear, want) {
		t.Errorf("by year %+v, want %+v", r.ByYear, want)
	}
	if want := []atlas.BodyPoint{{Body: "Human Rights Council", Count: 1, Total: 2, Rate: 0.5}}; !reflect.DeepEqual(r.ByBody, want) {
		t.Errorf("by body %+v, want %+v", r.ByBody, want)
	}
	f := row(a, mbc, mbc, "zh")
	if f == nil || f.Count != 2 || f.FirstYear != 2018 || f.LastYear != 2023 || f.Kind != "faithful" {
		t.Errorf("mbc faithful zh: %+v", f)
	}
	if m := row(a, "poverty-eradication", "", "zh"); m == nil || m.Count != 1 || m.Total != 1 || m.Kind != "not-rendered" || m.Rate != 1 {
		t.Errorf("poverty eradication not rendered: %+v", m)
	}
	var pair *atlas.Pair
	for i := range a.Pairs {
		if a.Pairs[i].VotedConcept == mbc && a.Pairs[i].Alternative == ww {
			pair = &a.Pairs[i]
		}
	}
	if pair == nil {
		t.Fatalf("no pair mbc→ww in %+v", a.Pairs)
	}
	want := []atlas.Series{
		{Lang: "fr", Points: []atlas.Point{{Year: 2018, Count: 0, Total: 1, Rate: 0}}},
		{Lang: "zh", Points: []atlas.Point{{Year: 2018, Count: 1, Total: 2, Rate: 0.5}, {Year: 2023, Count: 0, Total: 1, Rate: 0}}},
	}
	if !reflect.DeepEqual(pair.Series, want) {
		t.Errorf("series %+v, want %+v", pair.Series, want)
	}
	// Without a lexicon, poverty eradication has no known alternative.
	for _, p := range a.Pairs {
		if p.VotedConcept == "poverty-eradication" {
			t.Errorf("pair %+v without a lexicon", p)
		}
	}
	rates := map[string]float64{}
	for _, fr := range a.Findings {
		for _, k := range fr.ByKind {
			rates[fr.Lang+" "+yearKey(fr.Year)+" "+k.Kind] = k.Per100
		}
		if fr.Lang == "fr" && (fr.Paras != 10 || fr.Finals != 1 || len(fr.ByKind) != 0) {
			t.Errorf("fr: %+v; want one final of 10 paragraphs, no finding (line 3's is in no rate)", fr)
		}
	}
	wantRates := map[string]float64{"zh 2018 term-substituted": 10, "zh 2018 number-mismatch": 10, "zh 2023 term-missing": 5}
	if !reflect.DeepEqual(rates, wantRates) {
		t.Errorf("findings per 100: %v, want %v", rates, wantRates)
	}
	var heat []string
	for _, c := range a.Heat {
		heat = append(heat, c.Lang+" "+c.VotedConcept+" "+itoa(c.Other)+"/"+itoa(c.Total))
	}
	if got, want := strings.Join(heat, "; "), "fr "+mbc+" 0/1; zh "+mbc+" 1/3; fr poverty-eradication 0/0; zh poverty-eradication 1/1"; got != want {
		t.Errorf("heat:\n got %s\nwant %s", got, want)
	}
}

func yearKey(y int) string { return itoa(y) }

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestLexiconGroups: with the lexicon's groups, the alternatives no line
// renders are contested pairs too, with a rate of 0.
func TestLexiconGroups(t *testing.T) {
	groups := map[string]string{}
	for _, c := range lexicon.Default().Concepts {
		if c.Group != "" {
			groups[c.ID] = c.Group
		}
	}
	a := build(t, atlas.Options{NoStore: true, Groups: groups}, copyTestdata(t))
	found := false
	for _, p := range a.Pairs {
		if p.VotedConcept == "poverty-eradication" && p.Alternative == "poverty-alleviation" {
			found = true
			if len(p.Series) != 1 || p.Series[0].Lang != "zh" || p.Series[0].Points[0].Count != 0 || p.Series[0].Points[0].Total != 1 {
				t.Errorf("pair %+v", p)
			}
		}
		if p.VotedConcept == "gender-equality" {
			t.Errorf("pair %+v: no line has a concept of that group", p)
		}
	}
	if !found {
		t.Errorf("no pair poverty-eradication → poverty-alleviation: %+v", a.Pairs)
	}
}

// TestCSV checks rows of the CSV by hand.
func TestCSV(t *testing.T) {
	a := build(t, atlas.Options{NoStore: true}, copyTestdata(t))
	var b bytes.Buffer
	if err := a.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"table,voted_concept,final_concept,group,lang,year,body,kind,count,total,rate,per_100,first_year,last_year\n",
		"renderings," + mbc + "," + ww + ",cooperation-framing,zh,2018,Human Rights Council,alternative,1,2,0.5,,2018,2018\n",
		"renderings," + mbc + "," + mbc + ",cooperation-framing,zh,2023,General Assembly,faithful,1,1,1,,2018,2023\n",
		"renderings,poverty-eradication,,poverty-framing,zh,2023,General Assembly,not-rendered,1,1,1,,2023,2023\n",
		"findings,,,,zh,2023,,term-missing,1,20,,5,,\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("CSV lacks %q:\n%s", want, b.String())
		}
	}
	if n := strings.Count(b.String(), "\n"); n != 1+5+3 {
		t.Errorf("%d CSV lines, want 9 (header, 5 renderings, 3 findings):\n%s", n, b.String())
	}
}

// TestExplain lists the lines behind the counts of mbc in zh.
func TestExplain(t *testing.T) {
	dir := copyTestdata(t)
	in, err := atlas.OpenInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n, err := atlas.Explain(&b, []*atlas.Input{in}, mbc, "zh")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "part-0of1-000000.jsonl")
	want := atlas.ExplainHeader +
		p + ":1\tA/HRC/RES/37/23\t2018\tHuman Rights Council\tOP1\tOP1\t" + mbc + "\t" + ww + "\n" +
		p + ":1\tA/HRC/RES/37/23\t2018\tHuman Rights Council\tOP2\tOP2\t" + mbc + "\t" + mbc + "\n" +
		p + ":2\tA/RES/78/213\t2023\tGeneral Assembly\tOP1\tOP1\t" + mbc + "\t" + mbc + "\n"
	if n != 3 || b.String() != want {
		t.Errorf("explain (%d):\n%s\nwant:\n%s", n, b.String(), want)
	}
	// The count it explains.
	a := build(t, atlas.Options{NoStore: true}, dir)
	if r := row(a, mbc, ww, "zh"); r.Total != n {
		t.Errorf("explain lists %d lines, the atlas counts %d", n, r.Total)
	}
}

// TestBadLine: a line that is not a result line names its file and line.
func TestBadLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "part-0of1-000000.jsonl"), []byte(`{"symbol":"A"}`+"\n"+`not json`+"\n"), 0o644)
	in, err := atlas.OpenInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = atlas.Build([]*atlas.Input{in}, atlas.Options{NoStore: true})
	if err == nil || !strings.Contains(err.Error(), "part-0of1-000000.jsonl:2: not a result line") {
		t.Errorf("error %v", err)
	}
	if _, err := atlas.OpenInput(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no part files") {
		t.Errorf("empty directory: %v", err)
	}
}

// TestIncremental: an atlas over an output that grew reads only the new
// part files and gives the numbers of a rebuild from scratch; a changed
// part file rebuilds.
func TestIncremental(t *testing.T) {
	dir := t.TempDir()
	all := []string{"part-0of1-000000.jsonl", "part-0of1-000001.jsonl"}
	b0, _ := os.ReadFile(filepath.Join("testdata", all[0]))
	b1, _ := os.ReadFile(filepath.Join("testdata", all[1]))
	os.WriteFile(filepath.Join(dir, all[0]), b0, 0o644)
	var log bytes.Buffer
	first := build(t, atlas.Options{Log: &log}, dir)
	if first.Lines != 2 || !strings.Contains(log.String(), "new store") {
		t.Fatalf("first: %d lines, log %q", first.Lines, log.String())
	}
	// A new session: a part file more.
	os.WriteFile(filepath.Join(dir, all[1]), b1, 0o644)
	log.Reset()
	grown := build(t, atlas.Options{Log: &log}, dir)
	if !strings.Contains(log.String(), "read 1 new part files, 1 from the store") {
		t.Errorf("log %q: want 1 new part file read", log.String())
	}
	fresh := build(t, atlas.Options{NoStore: true}, dir)
	if !sameJSON(t, grown, fresh) {
		t.Errorf("incremental and rebuilt atlases differ")
	}
	// The store's counts are used: a part file rewritten with the same
	// size and time would not be reread — a changed one is.
	os.WriteFile(filepath.Join(dir, all[0]), append(b0, '\n'), 0o644)
	log.Reset()
	build(t, atlas.Options{Log: &log}, dir)
	if !strings.Contains(log.String(), "rebuilt (part files changed") {
		t.Errorf("log %q: want a rebuild", log.String())
	}
	log.Reset()
	again := build(t, atlas.Options{Log: &log, Examples: 1}, dir)
	if !strings.Contains(log.String(), "rebuilt (the store kept 3 examples, 1 asked)") {
		t.Errorf("log %q", log.String())
	}
	if !sameJSON(t, again, build(t, atlas.Options{NoStore: true, Examples: 1}, dir)) {
		t.Errorf("rebuilt and fresh atlases differ")
	}
}

func sameJSON(t *testing.T, a, b *atlas.Atlas) bool {
	t.Helper()
	var x, y bytes.Buffer
	a.WriteJSON(&x)
	b.WriteJSON(&y)
	return x.String() == y.String()
}

// TestResultsFile: a merged results file (driftcheck batch merge) is an
// input too, its store beside it.
func TestResultsFile(t *testing.T) {
	dir := t.TempDir()
	b, _ := os.ReadFile(filepath.Join("testdata", "part-0of1-000000.jsonl"))
	f := filepath.Join(dir, "results.jsonl")
	os.WriteFile(f, b, 0o644)
	a := build(t, atlas.Options{}, f)
	if a.Lines != 2 || len(a.Sources) != 1 || a.Sources[0].Path != f {
		t.Errorf("lines %d, sources %+v", a.Lines, a.Sources)
	}
	if _, err := os.Stat(f + ".atlas.db"); err != nil {
		t.Errorf("no store beside the file: %v", err)
	}
}
