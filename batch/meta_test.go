package batch_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/batch"
)

// writeMetaArchive writes two groups, English voted and French final, with
// a manifest in CSV with the optional columns date, body and title.
func writeMetaArchive(t *testing.T, rows string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"hrc.en.txt": "A/HRC/RES/37/23\n\n23 March 2018\n\nThe Human Rights Council,\n\n1. Welcomes mutually beneficial cooperation among States;\n\n2. Stresses that poverty eradication is an overriding objective;\n\n3. Calls for gender equality.",
		"hrc.fr.txt": "A/HRC/RES/37/23\n\n23 mars 2018\n\nLe Conseil des droits de l'homme,\n\n1. Se félicite de la coopération gagnant-gagnant entre les États;\n\n2. Souligne que l'élimination de la pauvreté est un objectif primordial;\n\n3. Demande l'égalité des sexes.",
		"ga.en.txt":  "Welcomes mutually beneficial cooperation among States.",
		"ga.fr.txt":  "Se félicite de la coopération mutuellement bénéfique entre les États.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(m, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	return m
}

func runMeta(t *testing.T, manifest string) map[string]batch.Result {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if _, err := runOpt(t, context.Background(), manifest, batch.Options{Out: out, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	return results(t, out)
}

// TestResultMeta: the metadata of a group come from the manifest's
// columns, else from the voted text's date line, else from the symbol; the
// renderings of the grouped concepts, faithful ones too, and the number of
// paragraphs of each file are in the result line.
func TestResultMeta(t *testing.T) {
	m := writeMetaArchive(t, "symbol,role,lang,path,date,body,title\n"+
		"A/HRC/RES/37/23,voted,en,hrc.en.txt,,,\n"+
		"A/HRC/RES/37/23,final,fr,hrc.fr.txt,,,\n"+
		"A/RES/70/1,voted,en,ga.en.txt,2015-09-25,,Transforming our world\n"+
		"A/RES/70/1,final,fr,ga.fr.txt,,GA,\n")
	rs := runMeta(t, m)
	hrc, ga := rs["A/HRC/RES/37/23"], rs["A/RES/70/1"]
	if hrc.Meta == nil || ga.Meta == nil {
		t.Fatalf("no meta: %+v / %+v", hrc.Meta, ga.Meta)
	}
	want := batch.Meta{Body: "Human Rights Council", BodyCode: "HRC", Session: 37, Kind: "resolution", Year: 2018, YearFrom: "symbol"}
	if *hrc.Meta != want {
		t.Errorf("HRC meta %+v, want %+v", *hrc.Meta, want)
	}
	want = batch.Meta{Body: "General Assembly", BodyCode: "GA", Session: 70, Kind: "resolution", Year: 2015, YearFrom: "manifest", Date: "2015-09-25", Title: "Transforming our world"}
	if *ga.Meta != want {
		t.Errorf("GA meta %+v, want %+v", *ga.Meta, want)
	}
	var rend []string
	for _, r := range hrc.Renderings {
		rend = append(rend, r.Lang+" "+r.Para+" "+r.VotedConcept+">"+r.FinalConcept)
	}
	wantR := "fr OP1 mutually-beneficial-cooperation>win-win-cooperation; fr OP2 poverty-eradication>poverty-eradication; fr OP3 gender-equality>gender-equality"
	if got := strings.Join(rend, "; "); got != wantR {
		t.Errorf("renderings:\n got %s\nwant %s", got, wantR)
	}
	for _, r := range hrc.Renderings {
		if want := map[string]string{"mutually-beneficial-cooperation": "cooperation-framing", "poverty-eradication": "poverty-framing", "gender-equality": "gender-equality-framing"}[r.VotedConcept]; r.Group != want {
			t.Errorf("rendering %+v: group %q, want %q", r, r.Group, want)
		}
	}
	if len(ga.Renderings) != 1 || ga.Renderings[0].FinalConcept != "mutually-beneficial-cooperation" {
		t.Errorf("GA renderings %+v, want one faithful mutually-beneficial-cooperation", ga.Renderings)
	}
	for _, f := range hrc.Files {
		if f.Paras == nil || *f.Paras != 3 {
			t.Errorf("%s: paras %v, want 3", f.Path, f.Paras)
		}
	}
	subs := 0
	for _, f := range hrc.Findings {
		if f.Kind == "term-substituted" {
			subs++
		}
	}
	if subs != 1 {
		t.Errorf("%d term-substituted findings, want 1", subs)
	}
}

// TestResultMetaDateLine: without a manifest date, a date line that
// differs from the year of the symbol's session is the year (a General
// Assembly resolution of session 72 adopted in 2018).
func TestResultMetaDateLine(t *testing.T) {
	dir := t.TempDir()
	en := "A/RES/72/300\n\n20 January 2018\n\nThe General Assembly,\n\n1. Welcomes mutually beneficial cooperation among States;"
	fr := "A/RES/72/300\n\n20 janvier 2018\n\nL'Assemblée générale,\n\n1. Se félicite de la coopération mutuellement bénéfique entre les États;"
	os.WriteFile(filepath.Join(dir, "en.txt"), []byte(en), 0o644)
	os.WriteFile(filepath.Join(dir, "fr.txt"), []byte(fr), 0o644)
	m := filepath.Join(dir, "m.csv")
	os.WriteFile(m, []byte("symbol,role,lang,path\nA/RES/72/300,voted,en,en.txt\nA/RES/72/300,final,fr,fr.txt\n"), 0o644)
	r := runMeta(t, m)["A/RES/72/300"]
	if r.Meta == nil || r.Meta.Year != 2018 || r.Meta.YearFrom != "document" || r.Meta.Session != 72 {
		t.Errorf("meta %+v, want year 2018 from the document, session 72", r.Meta)
	}
}

// TestManifestMetaErrors: a date that is no date stops the manifest with
// its line; two dates in one group are that group's error.
func TestManifestMetaErrors(t *testing.T) {
	m := writeMetaArchive(t, "symbol,role,lang,path,date\nA/RES/70/1,voted,en,ga.en.txt,25/09/2015\n")
	src, err := batch.OpenManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	_, err = src.Next()
	src.Close()
	if err == nil || !strings.Contains(err.Error(), "line 2: date \"25/09/2015\" (want YYYY-MM-DD") {
		t.Errorf("error %v, want the line and the date refused", err)
	}
	m = writeMetaArchive(t, "symbol,role,lang,path,date\nA/RES/70/1,voted,en,ga.en.txt,2015-09-25\nA/RES/70/1,final,fr,ga.fr.txt,2015-10-01\n")
	r := runMeta(t, m)["A/RES/70/1"]
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error, "lines 2 and 3: two dates in group A/RES/70/1") {
		t.Errorf("errors %+v, want the two dates", r.Errors)
	}
	if r.Meta == nil || r.Meta.Date != "2015-09-25" {
		t.Errorf("meta %+v: want the first date", r.Meta)
	}
}

// TestOldResultLine: a result line of driftcheck before the atlas (no
// meta, renderings or paras) still reads.
func TestOldResultLine(t *testing.T) {
	var r batch.Result
	line := `{"symbol":"A/RES/1","files":[{"path":"a.txt","lang":"en","role":"voted"}],"findings":[]}`
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatal(err)
	}
	if r.Meta != nil || r.Renderings != nil || r.Files[0].Paras != nil {
		t.Errorf("old line read as %+v", r)
	}
}

// TestJSONManifestMeta: a JSON lines manifest gives the same fields.
func TestJSONManifestMeta(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.jsonl")
	os.WriteFile(m, []byte(`{"symbol":"S/RES/2334 (2016)","role":"voted","lang":"en","path":"a.txt","date":"2016-12-23","body":"Security Council","title":"Israeli settlements"}`+"\n"), 0o644)
	src, err := batch.OpenManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	g, err := src.Next()
	if err != nil {
		t.Fatal(err)
	}
	if g.Date != "2016-12-23" || g.Body != "Security Council" || g.Title != "Israeli settlements" {
		t.Errorf("group %+v", g)
	}
}
