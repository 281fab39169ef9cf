package fetch

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/driftcheck/driftcheck/fetch/fetchtest"
)

// fixture reads a PDF of the project's test data.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "layout", "lo-pdf", name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", name)
	}
	return b
}

// fast are options for tests: a fast rate, short waits.
func fast(t *testing.T, srv *fetchtest.Server, dir string) Options {
	return Options{Dir: dir, BaseURL: srv.URL, Rate: 50, Backoff: 20 * time.Millisecond, MaxWait: 2 * time.Second,
		RetryAfterUnit: 100 * time.Millisecond, Timeout: 2 * time.Second, Transport: fetchtest.LocalOnly(t), UserAgent: UserAgent("v9.9.9")}
}

const sym = "A/HRC/RES/37/23"

func TestFetchSymbol(t *testing.T) {
	srv := fetchtest.New(t)
	docs := map[string][]byte{}
	for _, l := range []string{"en", "fr", "ru", "es"} {
		docs[l] = fixture(t, "two-column/res55-100."+l+".pdf")
		srv.ODS[fetchtest.Key(sym, l)] = docs[l]
	}
	srv.HTMLError[fetchtest.Key(sym, "zh")] = true // ar: 404
	srv.Truncate[fetchtest.Key(sym, "fr")] = 1
	srv.Every429 = 3
	dir := t.TempDir()
	opt := fast(t, srv, dir)
	// The rate is the client's: the times are taken as each request is
	// sent, not as the server logs it (a request delayed on its way, as
	// on a loaded machine, would show the next one closer than it was
	// sent).
	sent := &sendLog{next: opt.Transport}
	opt.Transport = sent
	f, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	es, err := f.Symbol(context.Background(), sym)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ar": Missing, "zh": Missing, "en": OK, "fr": OK, "ru": OK, "es": OK}
	for i, e := range es {
		if e.Lang != []string{"ar", "zh", "en", "fr", "ru", "es"}[i] || e.Status != want[e.Lang] {
			t.Errorf("entry %d: %s %s %q, want %s", i, e.Lang, e.Status, e.Error, want[e.Lang])
		}
		name := "A_HRC_RES_37_23-" + strings.ToUpper(e.Lang) + ".pdf"
		got, err := os.ReadFile(filepath.Join(dir, name))
		if want[e.Lang] == Missing {
			if err == nil {
				t.Errorf("%s saved, though the server had no such document", name)
			}
			continue
		}
		if !bytes.Equal(got, docs[e.Lang]) {
			t.Errorf("%s: %d bytes saved, want the %d served", name, len(got), len(docs[e.Lang]))
		}
		if e.File != name || e.ETag == "" || len(e.SHA256) != 64 {
			t.Errorf("%s: entry %+v", name, e)
		}
	}
	if !strings.Contains(es[1].Error, "HTML page") || !strings.Contains(es[0].Error, "404") {
		t.Errorf("missing: ar %q, zh %q", es[0].Error, es[1].Error)
	}
	log := sent.log()
	if n := len(srv.Log()); n != len(log) {
		t.Fatalf("%d requests sent, %d logged by the server", len(log), n)
	}
	// The rate: no two requests sent closer than 1/50 s = 20 ms, less the
	// scheduling slack between the fetcher's wait and the transport.
	minGap := time.Hour
	for i := 1; i < len(log); i++ {
		d := log[i].At.Sub(log[i-1].At)
		if d < 15*time.Millisecond {
			t.Errorf("requests %d and %d %s apart: faster than the rate of 50/s", i-1, i, d)
		}
		minGap = min(minGap, d)
	}
	if span := log[len(log)-1].At.Sub(log[0].At); span < time.Duration(len(log)-1)*19*time.Millisecond {
		t.Errorf("%d requests in %s: faster than the rate of 50/s", len(log), span)
	}
	// Every 429 is followed by a wait of its Retry-After (1 → 100 ms here).
	n429 := 0
	for i, r := range log {
		if r.Status != http.StatusTooManyRequests {
			continue
		}
		n429++
		if i+1 < len(log) {
			if d := log[i+1].At.Sub(r.At); d < 95*time.Millisecond {
				t.Errorf("request %d came %s after the 429 of request %d: Retry-After not obeyed", i+1, d, i)
			}
		}
	}
	if n429 == 0 {
		t.Error("no 429 in the log")
	}
	minAfter := time.Hour
	for i, r := range log {
		if r.Status == http.StatusTooManyRequests && i+1 < len(log) {
			minAfter = min(minAfter, log[i+1].At.Sub(r.At))
		}
	}
	t.Logf("%d requests at rate 50/s: closest two %s apart; %d answered 429 (Retry-After: 1 = 100 ms here), the next request at least %s later",
		len(log), minGap.Round(100*time.Microsecond), n429, minAfter.Round(100*time.Microsecond))
	if n := srv.Served(fetchtest.Key(sym, "fr"), http.StatusOK); n != 2 {
		t.Errorf("fr served %d times, want 2 (one cut short, one whole)", n)
	}
	for _, r := range srv.Log() {
		if !strings.HasPrefix(r.Agent, "driftcheck/v9.9.9") {
			t.Errorf("User-Agent %q", r.Agent)
		}
	}
	// No temporary file is left.
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("left %v", tmps)
	}

	// Again: nothing is asked, neither the files nor the missing ones.
	before := len(srv.Log())
	f2, err := New(fast(t, srv, dir))
	if err != nil {
		t.Fatal(err)
	}
	es2, err := f2.Symbol(context.Background(), sym)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Log()) - before; n != 0 {
		t.Errorf("the rerun made %d requests, want none", n)
	}
	for i := range es2 {
		if es2[i].Status != es[i].Status || es2[i].SHA256 != es[i].SHA256 {
			t.Errorf("rerun: %+v, was %+v", es2[i], es[i])
		}
	}

	// With Refresh, the files are asked about conditionally: 304, kept.
	opt = fast(t, srv, dir)
	opt.Refresh = true
	srv.Every429 = 0
	f3, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	before = len(srv.Log())
	if _, err := f3.Symbol(context.Background(), sym); err != nil {
		t.Fatal(err)
	}
	n304 := 0
	for _, r := range srv.Log()[before:] {
		if r.Status == http.StatusNotModified {
			n304++
			if r.Header.Get("If-None-Match") == "" {
				t.Error("304 without If-None-Match")
			}
		}
		if r.Status == http.StatusOK && r.Key != fetchtest.Key(sym, "zh") {
			t.Errorf("refresh downloaded %s again", r.Key)
		}
	}
	if n304 != 4 {
		t.Errorf("%d answers 304, want 4", n304)
	}
}

// TestBackoff: a server too slow for the timeout is tried again after
// waits that double (with jitter: each between half and all of its step).
func TestBackoff(t *testing.T) {
	srv := fetchtest.New(t)
	srv.ODS[fetchtest.Key(sym, "en")] = fixture(t, "two-column/res55-100.en.pdf")
	srv.Slow[fetchtest.Key(sym, "en")] = 5 * time.Second
	opt := fast(t, srv, t.TempDir())
	opt.Timeout = 150 * time.Millisecond
	opt.Retries = 3
	opt.Backoff = 200 * time.Millisecond
	f, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	e, err := f.Get(context.Background(), sym, "en", ODSURL(sym, "en", "pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != Failed || !strings.Contains(e.Error, "timed out") {
		t.Errorf("entry %+v, want an error: timed out", e)
	}
	var gets []time.Time // the requests of the file (after the redirect)
	for _, r := range srv.Log() {
		if strings.HasPrefix(r.Path, "/doc/") {
			gets = append(gets, r.At)
		}
	}
	if len(gets) != 4 {
		t.Fatalf("%d requests of the file, want 4 (1 + 3 retries)", len(gets))
	}
	step := opt.Backoff
	for i := 1; i < len(gets); i++ {
		// The gap is the timeout, then the wait, then the redirect.
		gap := gets[i].Sub(gets[i-1])
		if lo := opt.Timeout + step/2; gap < lo {
			t.Errorf("retry %d came %s after the attempt before it, want at least %s", i, gap, lo)
		}
		if hi := opt.Timeout + step + time.Second; gap > hi {
			t.Errorf("retry %d came %s after the attempt before it, want at most %s", i, gap, hi)
		}
		t.Logf("retry %d: %s after the attempt before it (timeout %s + backoff step %s, jittered to [%s, %s])", i, gap.Round(time.Millisecond), opt.Timeout, step, step/2, step)
		step *= 2
	}
	if time.Since(start) > 10*time.Second {
		t.Error("too slow")
	}
}

func TestLocalFileKept(t *testing.T) {
	srv := fetchtest.New(t)
	dir := t.TempDir()
	pdf := fixture(t, "two-column/res55-100.en.pdf")
	if err := os.WriteFile(filepath.Join(dir, "A_HRC_RES_37_23-EN.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := New(fast(t, srv, dir))
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.Get(context.Background(), sym, "en", ODSURL(sym, "en", "pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != OK || !e.Local || len(srv.Log()) != 0 {
		t.Errorf("entry %+v after %d requests, want the file used as it is, no request", e, len(srv.Log()))
	}
}

func TestOptions(t *testing.T) {
	if _, err := New(Options{Dir: t.TempDir(), Type: "docx"}); err == nil {
		t.Error("type docx accepted")
	}
	for _, b := range []string{"ftp://x", "127.0.0.1:80", "http://"} {
		if _, err := New(Options{Dir: t.TempDir(), BaseURL: b}); err == nil {
			t.Errorf("base URL %q accepted", b)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, IndexName), []byte("{not json"), 0o644)
	if _, err := New(Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), IndexName) {
		t.Errorf("damaged index: %v", err)
	}
}

func TestURLs(t *testing.T) {
	if got, want := ODSURL("A/HRC/RES/37/23", "zh", "pdf"), "https://documents.un.org/api/symbol/access?l=zh&s=A%2FHRC%2FRES%2F37%2F23&t=pdf"; got != want {
		t.Errorf("ODSURL = %s, want %s", got, want)
	}
	base, _ := url.Parse("http://127.0.0.1:8080")
	for in, want := range map[string]string{
		"https://documents.un.org/api/symbol/access?s=A/RES/78/1&l=en&t=pdf":            "http://127.0.0.1:8080/api/symbol/access?s=A/RES/78/1&l=en&t=pdf",
		"https://digitallibrary.un.org/record/4026910/files/A_C.3_78_L.49_Rev.1-ZH.pdf": "http://127.0.0.1:8080/record/4026910/files/A_C.3_78_L.49_Rev.1-ZH.pdf",
	} {
		if got := Rebase(in, base); got != want {
			t.Errorf("Rebase(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		head, typ, ext string
	}{
		{"%PDF-1.7\n", "pdf", ".pdf"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc", ".doc"},
		{"PK\x03\x04rest", "doc", ".docx"},
		{"<!DOCTYPE html><html>", "pdf", ""},
		{"%PDF-1.7\n", "doc", ""},
		{"", "pdf", ""},
	} {
		if ext, why := sniff([]byte(c.head), c.typ); ext != c.ext || (ext == "" && why == "") {
			t.Errorf("sniff(%q, %s) = %q, %q; want %q", c.head, c.typ, ext, why, c.ext)
		}
	}
}

// TestTooBig: a body larger than MaxSize is refused, not saved, not retried.
func TestTooBig(t *testing.T) {
	srv := fetchtest.New(t)
	big := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 5000)...)
	srv.ODS[fetchtest.Key(sym, "en")] = big
	opt := fast(t, srv, t.TempDir())
	opt.MaxSize = 4096
	f, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.Get(context.Background(), sym, "en", ODSURL(sym, "en", "pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != Failed || !strings.Contains(e.Error, "4096 bytes") || srv.Served(fetchtest.Key(sym, "en"), http.StatusOK) != 1 {
		t.Errorf("entry %+v, served %d times", e, srv.Served(fetchtest.Key(sym, "en"), http.StatusOK))
	}
	if names, _ := os.ReadDir(opt.Dir); len(names) != 1 || names[0].Name() != IndexName {
		t.Errorf("files %v, want the index alone", names)
	}
}

func TestRetryAfter(t *testing.T) {
	for _, c := range []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false}, {"2", 2 * time.Second, true}, {"0", 0, true}, {"soon", 0, false}, {"-1", 0, false},
		{time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat), 0, true},
	} {
		if d, ok := retryAfter(c.v, time.Second); d != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %s, %v; want %s, %v", c.v, d, ok, c.want, c.ok)
		}
	}
	future := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	if d, ok := retryAfter(future, time.Second); !ok || d < 80*time.Second || d > 91*time.Second {
		t.Errorf("retryAfter(%q) = %s, %v; want about 90 s", future, d, ok)
	}
	// A wait longer than MaxWait ends the retries at once.
	srv := fetchtest.New(t)
	srv.Every429, srv.RetryAfter = 1, "3600"
	f, err := New(fast(t, srv, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := f.Get(context.Background(), sym, "en", ODSURL(sym, "en", "pdf"))
	if e.Status != Failed || !strings.Contains(e.Error, "given up") || len(srv.Log()) != 1 {
		t.Errorf("entry %+v after %d requests", e, len(srv.Log()))
	}
}

// sendLog is a transport that notes when each request is sent and the
// status of its answer.
type sendLog struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []sentRequest
}

type sentRequest struct {
	At     time.Time
	Status int
}

func (l *sendLog) RoundTrip(r *http.Request) (*http.Response, error) {
	at := time.Now()
	resp, err := l.next.RoundTrip(r)
	st := 0
	if resp != nil {
		st = resp.StatusCode
	}
	l.mu.Lock()
	l.reqs = append(l.reqs, sentRequest{At: at, Status: st})
	l.mu.Unlock()
	return resp, err
}

func (l *sendLog) log() []sentRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append([]sentRequest(nil), l.reqs...)
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}
