package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// atlasArchive writes two groups (English voted, French final) and their
// manifest: A/HRC/RES/37/23 of 2018, whose French renders mutually
// beneficial cooperation as win-win cooperation (a substitution) and
// poverty eradication faithfully; A/RES/70/1, dated 2015-09-25 in the
// manifest, whose French renders mutually beneficial cooperation
// faithfully.
func atlasArchive(t *testing.T) (manifest string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"hrc.en.txt": "A/HRC/RES/37/23\n\n23 March 2018\n\nThe Human Rights Council,\n\n1. Welcomes mutually beneficial cooperation among States;\n\n2. Stresses that poverty eradication is an overriding objective;",
		"hrc.fr.txt": "A/HRC/RES/37/23\n\n23 mars 2018\n\nLe Conseil des droits de l'homme,\n\n1. Se félicite de la coopération gagnant-gagnant entre les États;\n\n2. Souligne que l'élimination de la pauvreté est un objectif primordial;",
		"ga.en.txt":  "Welcomes mutually beneficial cooperation among States.",
		"ga.fr.txt":  "Se félicite de la coopération mutuellement bénéfique entre les États.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest = filepath.Join(dir, "manifest.csv")
	rows := "symbol,role,lang,path,date\n" +
		"A/HRC/RES/37/23,voted,en,hrc.en.txt,\nA/HRC/RES/37/23,final,fr,hrc.fr.txt,\n" +
		"A/RES/70/1,voted,en,ga.en.txt,2015-09-25\nA/RES/70/1,final,fr,ga.fr.txt,\n"
	if err := os.WriteFile(manifest, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	return manifest
}

// atlasOut runs the batch of atlasArchive and returns its output directory.
func atlasOut(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCmd(t, "batch", "--manifest", atlasArchive(t), "--out", out, "--quiet", "-j", "1"); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	return out
}

// TestAtlasCmd: driftcheck batch … && driftcheck atlas out -o atlas.html,
// and the JSON, CSV and --explain of the same output.
func TestAtlasCmd(t *testing.T) {
	out := atlasOut(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "atlas.html")
	code, stdout, stderr := runCmd(t, "atlas", out, "-o", page)
	if code != 0 || stdout != "" {
		t.Fatalf("atlas -o: exit %d, stdout %q: %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "new store") {
		t.Errorf("stderr %q: want what the store did", stderr)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg class=\"chart\"", "mutually-beneficial-cooperation → win-win-cooperation", "<svg class=\"heat\""} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// JSON by the extension of -o.
	js := filepath.Join(dir, "atlas.json")
	if code, _, stderr := runCmd(t, "atlas", out, "-o", js, "-q"); code != 0 || stderr != "" {
		t.Fatalf("atlas -o atlas.json: exit %d: %q", code, stderr)
	}
	var a struct {
		Lines      int `json:"lines"`
		Renderings []struct {
			VotedConcept string `json:"voted_concept"`
			FinalConcept string `json:"final_concept"`
			Lang         string `json:"lang"`
			Count        int    `json:"count"`
			Total        int    `json:"total"`
			FirstYear    int    `json:"first_year"`
			LastYear     int    `json:"last_year"`
		} `json:"renderings"`
	}
	b, _ = os.ReadFile(js)
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range a.Renderings {
		got[r.VotedConcept+">"+r.FinalConcept+" "+r.Lang] = itoa(r.Count) + "/" + itoa(r.Total) + " " + itoa(r.FirstYear) + "-" + itoa(r.LastYear)
	}
	want := map[string]string{
		"mutually-beneficial-cooperation>win-win-cooperation fr":             "1/2 2018-2018",
		"mutually-beneficial-cooperation>mutually-beneficial-cooperation fr": "1/2 2015-2015",
		"poverty-eradication>poverty-eradication fr":                         "1/1 2018-2018",
	}
	if a.Lines != 2 || len(got) != len(want) {
		t.Errorf("lines %d, renderings %v; want 2 lines and %v", a.Lines, got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	// CSV on standard output.
	code, stdout, stderr = runCmd(t, "atlas", out, "--format", "csv", "-q")
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if strings.Join(r, ",") == "renderings,mutually-beneficial-cooperation,win-win-cooperation,cooperation-framing,fr,2018,Human Rights Council,alternative,1,1,1,,2018,2018" {
			found = true
		}
	}
	if !found {
		t.Errorf("CSV lacks the substitution of 2018:\n%s", stdout)
	}
	// --explain CONCEPT LANG: the lines behind mbc in fr.
	code, stdout, stderr = runCmd(t, "atlas", "--explain", "mutually-beneficial-cooperation", "fr", out)
	if code != 0 {
		t.Fatalf("explain: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "source\tsymbol") ||
		!strings.Contains(stdout, "\tA/HRC/RES/37/23\t2018\tHuman Rights Council\tOP1\tOP1\tmutually-beneficial-cooperation\twin-win-cooperation\n") ||
		!strings.Contains(stdout, "\tA/RES/70/1\t2015\tGeneral Assembly\tP1\tP1\tmutually-beneficial-cooperation\tmutually-beneficial-cooperation\n") {
		t.Errorf("explain:\n%s", stdout)
	}
	for _, l := range lines[1:] {
		src, _, _ := strings.Cut(l, "\t")
		if !strings.HasPrefix(src, filepath.Join(out, "part-0of1-")) || !strings.Contains(src, ".jsonl:") {
			t.Errorf("source %q: want a part file of %s and a line", src, out)
		}
	}
}

// TestAtlasErrors: usage errors and bad inputs end with one line on
// standard error and exit status 2.
func TestAtlasErrors(t *testing.T) {
	out := atlasOut(t)
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "part-0of1-000000.jsonl"), []byte("{\"symbol\":\"A\"}\n{oops\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"atlas", out, "--format", "xml"}, `--format: unknown value "xml" (want html, json or csv)`},
		{[]string{"atlas"}, "want at least one batch output directory"},
		{[]string{"atlas", out, "--explain", "mutually-beneficial-cooperation"}, "want a language after the concept"},
		{[]string{"atlas", out, "--examples", "-1"}, "--examples -1: want 0 or more"},
		{[]string{"atlas", filepath.Join(bad, "nothing")}, "nothing: no such file or directory"},
		{[]string{"atlas", t.TempDir()}, "no part files"},
		{[]string{"atlas", bad, "--no-store"}, "part-0of1-000000.jsonl:2: not a result line of driftcheck batch"},
	} {
		code, stdout, stderr := runCmd(t, c.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line with %q", c.args, code, stdout, stderr, c.want)
		}
	}
}
