//go:build unix

package main

import (
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck/fetch"
	"github.com/driftcheck/driftcheck/fetch/fetchtest"
)

func lopdf(t *testing.T, name string) []byte {
	return readTestdata(t, filepath.Join("layout", "lo-pdf", name))
}

// TestFetchKillAndRerun: fetch killed (SIGKILL) while the server stalls a
// body leaves no partial file; the rerun downloads what is left, and
// nothing twice.
func TestFetchKillAndRerun(t *testing.T) {
	bin := buildBinary(t)
	srv := fetchtest.New(t)
	const sym = "A/HRC/RES/37/23"
	for _, l := range []string{"ar", "zh", "en", "fr", "ru", "es"} {
		src := "two-column/res55-100." + l + ".pdf"
		if l == "ar" || l == "zh" {
			src = "two-column/unpc-a69." + l + ".pdf"
		}
		srv.ODS[fetchtest.Key(sym, l)] = lopdf(t, src)
	}
	stall := make(chan struct{})
	srv.Stall[fetchtest.Key(sym, "fr")] = stall
	out := t.TempDir()
	args := []string{"fetch", sym, "--out", out, "--base-url", srv.URL, "--rate", "100", "--timeout", "30s"}
	cmd := exec.Command(bin, args...)
	// Any request that is not to the test server goes to a proxy that
	// refuses it (127.0.0.1 itself never goes through a proxy).
	env := append(os.Environ(), "HTTP_PROXY=http://127.0.0.1:9", "HTTPS_PROXY=http://127.0.0.1:9", "NO_PROXY=")
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the server is stalling French's body.
	deadline := time.Now().Add(20 * time.Second)
	for srv.Served(fetchtest.Key(sym, "fr"), http.StatusOK) == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the server never saw the French request; stderr: %s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // half the body written
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	close(stall)
	names := func() []string {
		var out2 []string
		es, _ := os.ReadDir(out)
		for _, e := range es {
			out2 = append(out2, e.Name())
		}
		return out2
	}
	got := strings.Join(names(), " ")
	if strings.Contains(got, "A_HRC_RES_37_23-FR.pdf ") || strings.HasSuffix(got, "A_HRC_RES_37_23-FR.pdf") {
		t.Fatalf("a partial French file after the kill: %s", got)
	}
	for _, l := range []string{"AR", "ZH", "EN"} {
		if !strings.Contains(got, "A_HRC_RES_37_23-"+l+".pdf") {
			t.Errorf("no %s before the kill: %s", l, got)
		}
	}
	srv.Do(func() { delete(srv.Stall, fetchtest.Key(sym, "fr")) })
	before := len(srv.Log())
	cmd = exec.Command(bin, args...)
	cmd.Env = env
	if o, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, o)
	}
	for _, l := range []string{"ar", "zh", "en", "fr", "ru", "es"} {
		name := "A_HRC_RES_37_23-" + strings.ToUpper(l) + ".pdf"
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.Equal(b, srv.ODS[fetchtest.Key(sym, l)]) {
			t.Errorf("%s: %d bytes, %v; want the %d served", name, len(b), err, len(srv.ODS[fetchtest.Key(sym, l)]))
		}
	}
	// The rerun asked only for what was not whole: French (cut by the
	// kill), Russian and Spanish (never asked).
	var asked []string
	for _, r := range srv.Log()[before:] {
		if r.Status == http.StatusOK {
			asked = append(asked, r.Key)
		}
	}
	if want := []string{fetchtest.Key(sym, "fr"), fetchtest.Key(sym, "ru"), fetchtest.Key(sym, "es")}; strings.Join(asked, ",") != strings.Join(want, ",") {
		t.Errorf("the rerun downloaded %v, want %v", asked, want)
	}
	for _, n := range names() {
		if strings.HasSuffix(n, ".tmp") {
			t.Errorf("temporary file %s left after the rerun", n)
		}
	}
	for _, r := range srv.Log() {
		if !strings.HasPrefix(r.Agent, "driftcheck/") {
			t.Errorf("User-Agent %q", r.Agent)
		}
	}
}

func TestFetchUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"fetch", "A/1"}, "--out DIR is required"},
		{[]string{"fetch", "--out", t.TempDir()}, "want at least one SYMBOL"},
		{[]string{"fetch", "A/1", "--out", t.TempDir(), "--type", "docx"}, `--type "docx": want pdf or doc`},
		{[]string{"fetch", "A/1", "--out", t.TempDir(), "--rate", "0"}, "--rate 0"},
		{[]string{"fetch", "A/1", "--out", t.TempDir(), "--base-url", "ftp://x"}, "--base-url"},
		{[]string{"session", "--out", t.TempDir()}, "want one EXPORT.marcxml or pairs.csv"},
		{[]string{"session", "x.marcxml"}, "--out DIR is required"},
		{[]string{"session", "x.marcxml", "--out", t.TempDir(), "--type", "txt"}, `--type "txt"`},
		{[]string{"session", "x.marcxml", "--out", t.TempDir(), "--voted-lang", "xx"}, "--voted-lang"},
	} {
		code, _, stderr := runCmd(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line with %q", c.args, code, stderr, c.want)
		}
	}
}

// TestFetchMissing: in-process, with a transport that refuses the
// network: a language ODS lacks is said, not saved; exit 0.
func TestFetchMissing(t *testing.T) {
	srv := fetchtest.New(t)
	fetchTransport = fetchtest.LocalOnly(t)
	t.Cleanup(func() { fetchTransport = nil })
	const sym = "A/RES/55/100"
	srv.ODS[fetchtest.Key(sym, "en")] = lopdf(t, "two-column/res55-100.en.pdf")
	srv.HTMLError[fetchtest.Key(sym, "fr")] = true
	out := t.TempDir()
	code, stdout, stderr := runCmd(t, "fetch", sym, "--out", out, "--base-url", srv.URL, "--rate", "100")
	if code != 0 || stdout != "A/RES/55/100: en; missing: ar zh fr ru es\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	es, _ := os.ReadDir(out)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != fetch.IndexName+" A_RES_55_100-EN.pdf" {
		t.Errorf("files %v", names)
	}
	// A symbol ODS has in no language is an error (a typo?).
	code, stdout, stderr = runCmd(t, "fetch", "A/RES/55/1000", "--out", out, "--base-url", srv.URL, "--rate", "100")
	if code != 2 || stdout != "A/RES/55/1000: nothing; missing: ar zh en fr ru es\n" || stderr != "driftcheck: fetch: ODS has no language of A/RES/55/1000: check the symbol\n" {
		t.Errorf("unknown symbol: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
