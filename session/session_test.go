package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/fetch"
	"github.com/driftcheck/driftcheck/fetch/fetchtest"
	"github.com/driftcheck/driftcheck/lexicon"
)

var export = filepath.Join("..", "..", "shared", "undl", "session_78_committee_3_drafts.marcxml")

func pdf(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "layout", "lo-pdf", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// served are the pairs the test server has documents of (the others'
// are 404): the draft and its record's id in the export.
var served = map[string][2]string{
	"A/RES/78/213":   {"A/C.3/78/L.49/Rev.1", "4026910"},
	"A/RES/78/183 A": {"A/C.3/78/L.26", ""},
	"A/RES/78/183 B": {"A/C.3/78/L.28", ""},
}

// server serves the drafts of served from the Digital Library (one layout
// of resolution 55/100) and their resolutions from ODS (another layout),
// in English, French, Russian and Spanish; Arabic is 404 and Chinese an
// HTML error page. Every third request is answered 429.
func server(t *testing.T, links map[string]string) *fetchtest.Server {
	srv := fetchtest.New(t)
	for res, d := range served {
		doc := strings.TrimSuffix(strings.TrimSuffix(res, " A"), " B")
		for _, l := range []string{"en", "fr", "ru", "es"} {
			srv.ODS[fetchtest.Key(doc, l)] = pdf(t, "two-column/res55-100."+l+".pdf")
			srv.Lib[links[d[0]+"|"+l]] = pdf(t, "footnotes-9pt/res55-100."+l+".pdf")
		}
		srv.HTMLError[fetchtest.Key(doc, "zh")] = true
	}
	srv.Every429 = 3
	return srv
}

func TestSessionRealExport(t *testing.T) {
	data, err := os.ReadFile(export)
	if err != nil {
		t.Skipf("the shared data is absent (%v): the session of the real export is not run", err)
	}
	dir := t.TempDir()
	// The paths of the export's links, by draft and language, read from
	// the file itself.
	links := map[string]string{}
	for _, d := range served {
		for _, l := range []string{"EN", "FR", "RU", "ES"} {
			name := strings.ReplaceAll(d[0], "/", "_") + "-" + l + ".pdf"
			i := strings.Index(string(data), "/files/"+name)
			if i < 0 {
				t.Fatalf("no link to %s in the export", name)
			}
			j := strings.LastIndex(string(data[:i]), "/record/")
			links[d[0]+"|"+strings.ToLower(l)] = string(data[j:i]) + "/files/" + name
		}
	}
	srv := server(t, links)
	// The export with its 856 links rewritten to the server.
	in := filepath.Join(dir, "export.marcxml")
	os.WriteFile(in, []byte(strings.ReplaceAll(string(data), "https://digitallibrary.un.org", srv.URL)), 0o644)
	out := filepath.Join(dir, "s78")
	opt := Options{Input: in, Out: out, VotedLang: "en", Checker: driftcheck.New(lexicon.Default()), Jobs: 2,
		Fetch: fetch.Options{Rate: 2000, BaseURL: srv.URL, Backoff: 5 * time.Millisecond, RetryAfterUnit: 5 * time.Millisecond,
			Timeout: 10 * time.Second, Transport: fetchtest.LocalOnly(t)}}
	sum, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records != 94 || sum.Pairs != 63 || len(sum.NotAdopted) != 31 || len(sum.Resolutions) != 63 {
		t.Fatalf("%d records, %d pairs, %d not adopted, %d resolutions; want 94, 63, 31, 63", sum.Records, sum.Pairs, len(sum.NotAdopted), len(sum.Resolutions))
	}
	by := map[string]Resolution{}
	for _, r := range sum.Resolutions {
		by[r.Symbol] = r
	}
	// Pairs read in the XML by hand.
	for res, draft := range map[string]string{"A/RES/78/213": "A/C.3/78/L.49/Rev.1", "A/RES/78/206": "A/C.3/78/L.47", "A/DEC/78/539": "A/C.3/78/L.72",
		"A/RES/78/183 A": "A/C.3/78/L.26", "A/RES/78/183 B": "A/C.3/78/L.28", "A/RES/78/173": "A/C.3/78/L.9/Rev.1"} {
		if by[res].Draft != draft {
			t.Errorf("%s: draft %q, want %s", res, by[res].Draft, draft)
		}
	}
	var notAdopted []string
	for _, n := range sum.NotAdopted {
		notAdopted = append(notAdopted, n.Symbol)
	}
	for _, s := range []string{"A/C.3/78/L.49", "A/C.3/78/L.1/Add.1", "A/C.3/78/L.9", "A/C.3/78/L.73"} {
		if !slices.Contains(notAdopted, s) {
			t.Errorf("%s not listed as not adopted", s)
		}
	}
	if sum.Checked != 3 {
		t.Errorf("%d resolutions checked, want the 3 the server has", sum.Checked)
	}
	for res := range served {
		r := by[res]
		if !r.Checked || !slices.Equal(r.Finals, []string{"en", "fr", "ru", "es"}) || !slices.Equal(r.Missing, []string{"ar", "zh"}) {
			t.Errorf("%s: checked %v, finals %v, missing %v (%s)", res, r.Checked, r.Finals, r.Missing, r.Reason)
		}
		if r.Voted != "docs/"+strings.ReplaceAll(served[res][0], "/", "_")+"-EN.pdf" {
			t.Errorf("%s: voted %s", res, r.Voted)
		}
		if r.Report == "" {
			t.Errorf("%s: no report", res)
			continue
		}
		page, err := os.ReadFile(filepath.Join(out, r.Report))
		if err != nil || !strings.Contains(string(page), "<html") || !strings.Contains(string(page), "A_RES_78_") {
			t.Errorf("%s: report %s: %v", res, r.Report, err)
		}
	}
	if n := by["A/RES/78/183 B"].Note; !strings.Contains(n, "part B of A/RES/78/183") {
		t.Errorf("A/RES/78/183 B: note %q", n)
	}
	if r := by["A/RES/78/206"]; r.Checked || !strings.Contains(r.Reason, "no draft A/C.3/78/L.47 in en") {
		t.Errorf("A/RES/78/206: checked %v, reason %q", r.Checked, r.Reason)
	}
	// The manifest: the draft voted, the resolution's languages final.
	man, _ := os.ReadFile(filepath.Join(out, ManifestName))
	for _, row := range []string{"symbol,role,lang,path\n", "A/RES/78/213,voted,en,docs/A_C.3_78_L.49_Rev.1-EN.pdf\n", "A/RES/78/213,final,fr,docs/A_RES_78_213-FR.pdf\n",
		"A/RES/78/183 B,voted,en,docs/A_C.3_78_L.28-EN.pdf\n", "A/RES/78/183 B,final,es,docs/A_RES_78_183-ES.pdf\n"} {
		if !strings.Contains(string(man), row) {
			t.Errorf("manifest lacks %q:\n%s", row, man)
		}
	}
	// Batch ran on it: its results are the summary's.
	parts, _ := batch.Parts(filepath.Join(out, BatchDir))
	if len(parts) == 0 {
		t.Fatal("no batch part file")
	}
	// The summary, as JSON and HTML.
	var js Summary
	b, _ := os.ReadFile(filepath.Join(out, SummaryJSON))
	if err := json.Unmarshal(b, &js); err != nil || js.Pairs != 63 || len(js.NotAdopted) != 31 {
		t.Errorf("session.json: %v, %d pairs, %d not adopted", err, js.Pairs, len(js.NotAdopted))
	}
	total := 0
	for _, r := range js.Resolutions {
		n := 0
		for _, m := range r.ByLang {
			for _, v := range m {
				n += v
			}
		}
		if n != r.Findings {
			t.Errorf("%s: %d findings, %d by language", r.Symbol, r.Findings, n)
		}
		total += r.Findings
	}
	if total != js.Findings {
		t.Errorf("%d findings in all, the resolutions' add to %d", js.Findings, total)
	}
	page, _ := os.ReadFile(filepath.Join(out, SummaryHTML))
	for _, want := range []string{`<a href="reports/A_RES_78_213.html">A/RES/78/213</a>`, "A/C.3/78/L.1/Add.1", "Not adopted (31)", "not checked: no draft A/C.3/78/L.47 in en"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("session.html lacks %q", want)
		}
	}
	// The server was asked politely: 429s retried, every file once.
	log := srv.Log()
	n429 := 0
	got := map[string]int{}
	for _, r := range log {
		if r.Status == http.StatusTooManyRequests {
			n429++
		}
		if r.Status == http.StatusOK {
			got[r.Key]++
		}
	}
	if n429 == 0 {
		t.Error("no 429 answered")
	}
	for k, n := range got {
		if n > 1 {
			t.Errorf("%s downloaded %d times", k, n)
		}
	}
	// Again: nothing is downloaded again, nothing checked again.
	before := len(log)
	sum2, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Log()) - before; n != 0 {
		t.Errorf("the rerun made %d requests, want none", n)
	}
	if sum2.Findings != sum.Findings || sum2.Checked != sum.Checked {
		t.Errorf("rerun: %d findings in %d, was %d in %d", sum2.Findings, sum2.Checked, sum.Findings, sum.Checked)
	}
}

// TestSessionPairsOffline: a pairs.csv and a directory filled by hand, no
// network at all.
func TestSessionPairsOffline(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "mine")
	os.MkdirAll(docs, 0o755)
	files := map[string]string{
		"A_HRC_37_L.36-EN.txt":        "The Human Rights Council,\n\n1. Decides to convene a panel of 12 experts;\n\n2. Requests the Secretary-General to report in 2019.\n",
		"A_HRC_RES_37_23-EN.txt":      "The Human Rights Council,\n\n1. Decides to convene a panel of 12 experts;\n\n2. Requests the Secretary-General to report in 2019.\n",
		"wget/a_hrc_res_37_23.fr.txt": "Le Conseil des droits de l'homme,\n\n1. Décide de convoquer une réunion-débat de 21 experts;\n\n2. Prie le Secrétaire général de faire rapport en 2019.\n",
	}
	for n, s := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(docs, n)), 0o755)
		os.WriteFile(filepath.Join(docs, n), []byte(s), 0o644)
	}
	pairs := filepath.Join(dir, "pairs.csv")
	os.WriteFile(pairs, []byte("draft,resolution\nA/HRC/37/L.36,A/HRC/RES/37/23\nA/HRC/37/L.1,A/HRC/RES/37/1\n"), 0o644)
	out := filepath.Join(dir, "out")
	sum, err := Run(context.Background(), Options{Input: pairs, Out: out, Docs: docs, NoFetch: true, Checker: driftcheck.New(lexicon.Default()), Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records != 2 || sum.Pairs != 2 || sum.Checked != 1 || len(sum.NotAdopted) != 0 {
		t.Fatalf("summary %+v", sum)
	}
	r := sum.Resolutions[1]
	if sum.Resolutions[0].Symbol != "A/HRC/RES/37/1" || r.Symbol != "A/HRC/RES/37/23" || !r.Checked {
		t.Fatalf("resolutions %+v", sum.Resolutions)
	}
	// 12 became 21 in French: a number-mismatch warning (as "driftcheck
	// check" says of these two files), and nothing else.
	if r.Findings != 1 || r.ByLang["fr"]["warning"] != 1 || r.BySeverity["warning"] != 1 {
		t.Errorf("A/HRC/RES/37/23: %d findings %v, want one warning in French (12 → 21)", r.Findings, r.ByLang)
	}
	if !strings.HasPrefix(r.Voted, "/") || !strings.HasSuffix(r.Voted, "A_HRC_37_L.36-EN.txt") {
		t.Errorf("voted %s, want the absolute path of a file outside --out", r.Voted)
	}
	if _, err := os.Stat(filepath.Join(out, r.Report)); err != nil {
		t.Error(err)
	}
	// A Spanish version added later is checked by the rerun (the batch
	// output of the manifest before is not resumed).
	os.WriteFile(filepath.Join(docs, "A_HRC_RES_37_23-ES.txt"), []byte("El Consejo de Derechos Humanos,\n\n1. Decide convocar una mesa redonda de 12 expertos;\n\n2. Solicita al Secretario General que informe en 2020.\n"), 0o644)
	sum, err = Run(context.Background(), Options{Input: pairs, Out: out, Docs: docs, NoFetch: true, Checker: driftcheck.New(lexicon.Default()), Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	r = sum.Resolutions[1]
	if !slices.Equal(r.Finals, []string{"en", "fr", "es"}) || r.ByLang["es"]["warning"] != 1 || r.ByLang["fr"]["warning"] != 1 {
		t.Errorf("rerun with Spanish: finals %v, findings %v; want a warning in French (12 → 21) and one in Spanish (2019 → 2020)", r.Finals, r.ByLang)
	}
}

func TestSessionBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.marcxml")
	os.WriteFile(bad, []byte(`<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "x">]><collection xmlns="http://www.loc.gov/MARC21/slim"/>`), 0o644)
	_, err := Run(context.Background(), Options{Input: bad, Out: filepath.Join(dir, "out"), NoFetch: true, Checker: driftcheck.New(lexicon.Default())})
	var ie *InputError
	if err == nil || !strings.Contains(err.Error(), bad) || !errors.As(err, &ie) {
		t.Errorf("hostile export: %v", err)
	}
}

// TestSessionDraftVersions runs the founding case as a session: the
// English draft voted, the Chinese resolution final, and with
// DraftVersions the Chinese draft checked against the Chinese resolution
// too: its 9 reversions to 合作共赢 against the English draft, and the
// same 9 against the Chinese draft that had followed the negotiation.
func TestSessionDraftVersions(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.MkdirAll(docs, 0o755)
	for name, src := range map[string]string{"A_HRC_37_L.36-EN.txt": "L36.en.txt", "A_HRC_37_L.36-ZH.txt": "L36.zh.txt", "A_HRC_RES_37_23-ZH.txt": "RES.zh.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "founding", src))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(docs, name), data, 0o644)
	}
	pairs := filepath.Join(dir, "pairs.csv")
	os.WriteFile(pairs, []byte("draft,resolution\nA/HRC/37/L.36,A/HRC/RES/37/23\n"), 0o644)
	for _, versions := range []bool{false, true} {
		out := filepath.Join(dir, fmt.Sprint("out-", versions))
		sum, err := Run(context.Background(), Options{Input: pairs, Out: out, Docs: docs, NoFetch: true, DraftVersions: versions, Checker: driftcheck.New(lexicon.Default()), Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		r := sum.Resolutions[0]
		want, wantVersions := 9, []string(nil)
		if versions {
			want, wantVersions = 18, []string{"zh"}
		}
		if !r.Checked || r.Findings != want || r.ByLang["zh"]["error"] != want || !slices.Equal(r.Versions, wantVersions) {
			t.Errorf("draft versions %v: checked %v, %d findings %v, versions %v; want %d term-substituted errors in Chinese, versions %v",
				versions, r.Checked, r.Findings, r.ByLang, r.Versions, want, wantVersions)
		}
		man, _ := os.ReadFile(filepath.Join(out, ManifestName))
		if got := strings.Contains(string(man), ",version,zh,"); got != versions {
			t.Errorf("draft versions %v: manifest\n%s", versions, man)
		}
	}
}
