package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck/fetch/fetchtest"
	"github.com/driftcheck/driftcheck/session"
)

// TestSessionCommand is the command of issue 19's "done when": driftcheck
// session on the real export with --base-url the test server gives a
// manifest, a batch output and a session summary. The export's links are
// left as they are: --base-url sends them to the server.
func TestSessionCommand(t *testing.T) {
	export := filepath.Join("..", "..", "..", "shared", "undl", "session_78_committee_3_drafts.marcxml")
	if _, err := os.Stat(export); err != nil {
		t.Skipf("the shared data is absent (%v): the session of the real export is not run", err)
	}
	srv := fetchtest.New(t)
	fetchTransport = fetchtest.LocalOnly(t)
	t.Cleanup(func() { fetchTransport = nil })
	// One pair served: A/C.3/78/L.49/Rev.1 (record 4026910) became
	// A/RES/78/213.
	for _, l := range []string{"en", "fr", "es"} {
		srv.Lib["/record/4026910/files/A_C.3_78_L.49_Rev.1-"+strings.ToUpper(l)+".pdf"] = lopdf(t, "footnotes-9pt/res55-100."+l+".pdf")
		srv.ODS[fetchtest.Key("A/RES/78/213", l)] = lopdf(t, "two-column/res55-100."+l+".pdf")
	}
	srv.Every429, srv.RetryAfter = 3, "0"
	out := filepath.Join(t.TempDir(), "s78")
	code, stdout, stderr := runCmd(t, "session", export, "--base-url", srv.URL, "--out", out, "--rate", "1000", "--retries", "3", "-q")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, name := range []string{session.ManifestName, session.SummaryHTML, session.SummaryJSON, "reports/A_RES_78_213.html", "docs/A_RES_78_213-FR.pdf", "docs/A_C.3_78_L.49_Rev.1-EN.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	if es, _ := filepath.Glob(filepath.Join(out, session.BatchDir, "part-*.jsonl")); len(es) != 1 {
		t.Errorf("batch part files %v, want one", es)
	}
	var sum session.Summary
	b, _ := os.ReadFile(filepath.Join(out, session.SummaryJSON))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Records != 94 || sum.Pairs != 63 || len(sum.NotAdopted) != 31 || sum.Checked != 1 {
		t.Errorf("%d records, %d pairs, %d not adopted, %d checked; want 94, 63, 31, 1", sum.Records, sum.Pairs, len(sum.NotAdopted), sum.Checked)
	}
	for _, r := range srv.Log() {
		if r.Status == http.StatusOK && !strings.Contains(r.Key, "4026910") && !strings.HasPrefix(r.Key, "A/RES/78/213|") {
			t.Errorf("served %s, which the server does not have", r.Key)
		}
	}
	// An export that is not one: one line naming it, exit 2.
	bad := filepath.Join(t.TempDir(), "bad.xml")
	os.WriteFile(bad, []byte("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>\n"), 0o644)
	code, _, stderr = runCmd(t, "session", bad, "--out", filepath.Join(t.TempDir(), "o"), "--no-fetch")
	if code != 2 || !strings.Contains(stderr, bad) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("hostile export: exit %d, stderr %q", code, stderr)
	}
}

// TestSessionNotDownloaded: a file the server never sends whole within the
// timeout is said, the rest is checked and summarised, exit 2.
func TestSessionNotDownloaded(t *testing.T) {
	srv := fetchtest.New(t)
	fetchTransport = fetchtest.LocalOnly(t)
	t.Cleanup(func() { fetchTransport = nil })
	srv.ODS[fetchtest.Key("A/RES/55/100", "en")] = lopdf(t, "two-column/res55-100.en.pdf")
	srv.ODS[fetchtest.Key("A/RES/55/100", "fr")] = lopdf(t, "two-column/res55-100.fr.pdf")
	srv.ODS[fetchtest.Key("A/55/L.2", "en")] = lopdf(t, "footnotes-9pt/res55-100.en.pdf")
	srv.Slow[fetchtest.Key("A/RES/55/100", "fr")] = 10 * time.Second
	dir := t.TempDir()
	pairs := filepath.Join(dir, "pairs.csv")
	os.WriteFile(pairs, []byte("A/55/L.2,A/RES/55/100\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := runCmd(t, "session", pairs, "--base-url", srv.URL, "--out", out, "--rate", "1000", "--retries", "0", "--timeout", "300ms", "-q")
	if code != 2 || !strings.Contains(stderr, "driftcheck: session: not downloaded: A/RES/55/100 fr: ") || !strings.Contains(stderr, "timed out") || !strings.Contains(stderr, "1 file could not be downloaded") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	var sum session.Summary
	b, _ := os.ReadFile(filepath.Join(out, session.SummaryJSON))
	if err := json.Unmarshal(b, &sum); err != nil || sum.Checked != 1 || len(sum.NotDownloaded) != 1 {
		t.Errorf("summary: %v, %d checked, not downloaded %v", err, sum.Checked, sum.NotDownloaded)
	}
	if page, _ := os.ReadFile(filepath.Join(out, session.SummaryHTML)); !strings.Contains(string(page), "Not downloaded (1)") {
		t.Error("session.html does not say what was not downloaded")
	}
}
