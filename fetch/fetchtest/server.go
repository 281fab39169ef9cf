// Package fetchtest is a local HTTP server for tests that behaves like the
// two UN services driftcheck downloads from: the Official Document System
// (/api/symbol/access?s=SYMBOL&l=LANG&t=pdf, answered with a redirect to
// the file) and the Digital Library (/record/ID/files/NAME). It can answer
// 404, an HTML error page with status 200, 429 with Retry-After every nth
// request, a slow body, a truncated body or a body that stalls, and it
// logs every request with its time. LocalOnly is a transport that fails
// any request to another host than 127.0.0.1.
package fetchtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Request is one request the server received.
type Request struct {
	At     time.Time
	Path   string // the path and query, as asked
	Key    string // the document asked: "SYMBOL|lang" for ODS, the path for the library
	Status int
	Agent  string
	Header http.Header
}

// Server is the test server. Set its maps before the first request.
type Server struct {
	*httptest.Server
	// ODS holds the documents of ODS by "SYMBOL|lang" (lang lower case);
	// Lib those of the Digital Library by path (/record/1/files/X-EN.pdf).
	ODS, Lib map[string][]byte
	// Every429, when positive, answers every nth request with 429 and
	// Retry-After: RetryAfter (default "1").
	Every429   int
	RetryAfter string
	// HTMLError lists keys answered with an HTML error page and status 200.
	HTMLError map[string]bool
	// Slow delays the body of keys (after the headers).
	Slow map[string]time.Duration
	// Truncate answers keys with half their body (the Content-Length of
	// the whole), this many times, then whole.
	Truncate map[string]int
	// Stall sends half the body of keys, then waits until the channel is
	// closed (or the client goes away), then ends without the rest.
	Stall map[string]chan struct{}

	mu  sync.Mutex
	log []Request
	n   int
}

// New starts a server; t.Cleanup closes it.
func New(t testing.TB) *Server {
	s := &Server{ODS: map[string][]byte{}, Lib: map[string][]byte{}, HTMLError: map[string]bool{},
		Slow: map[string]time.Duration{}, Truncate: map[string]int{}, Stall: map[string]chan struct{}{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Log returns the requests received so far.
func (s *Server) Log() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Served returns how many times key was answered with status.
func (s *Server) Served(key string, status int) int {
	n := 0
	for _, r := range s.Log() {
		if r.Key == key && r.Status == status {
			n++
		}
	}
	return n
}

// Key is the key of ODS's document of symbol in lang.
func Key(symbol, lang string) string { return symbol + "|" + strings.ToLower(lang) }

// docPath is where ODS redirects a document: a path of its own, as ODS
// sends /doc/UNDOC/GEN/G18/097/27/PDF/G1809727.pdf.
func docPath(key string) string {
	h := sha256.Sum256([]byte(key))
	return "/doc/undoc/gen/" + hex.EncodeToString(h[:6]) + ".pdf?key=" + url.QueryEscape(key)
}

// Do calls fn with the server locked: tests change its maps in fn once
// requests may be under way.
func (s *Server) Do(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn()
}

// answer is what the server does with one request.
type answer struct {
	key    string
	status int
	body   []byte
	html   bool
	cut    bool
	stall  chan struct{}
	slow   time.Duration
	after  string // Retry-After
}

// plan decides the answer to r, the server locked.
func (s *Server) plan(r *http.Request) answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	var a answer
	var ok bool
	ods := r.URL.Path == "/api/symbol/access"
	switch {
	case ods:
		q := r.URL.Query()
		a.key = Key(q.Get("s"), q.Get("l"))
		if t := q.Get("t"); t != "pdf" && t != "doc" {
			a.status = http.StatusBadRequest
			return a
		}
	case strings.HasPrefix(r.URL.Path, "/doc/"):
		a.key = r.URL.Query().Get("key")
		a.body, ok = s.ODS[a.key]
	default:
		a.key = r.URL.Path
		a.body, ok = s.Lib[a.key]
	}
	switch {
	case s.Every429 > 0 && s.n%s.Every429 == 0:
		a.status, a.after = http.StatusTooManyRequests, s.RetryAfter
		if a.after == "" {
			a.after = "1"
		}
	case ods:
		// ODS redirects to the file (also for a language it lacks).
		a.status = http.StatusFound
	case s.HTMLError[a.key]:
		a.status, a.html = http.StatusOK, true
	case !ok:
		a.status = http.StatusNotFound
	case r.Header.Get("If-None-Match") == etagOf(a.body):
		a.status = http.StatusNotModified
	default:
		a.status = http.StatusOK
		if s.Truncate[a.key] > 0 {
			s.Truncate[a.key]--
			a.cut = true
		}
		a.stall, a.slow = s.Stall[a.key], s.Slow[a.key]
	}
	s.log = append(s.log, Request{At: time.Now(), Path: r.URL.RequestURI(), Key: a.key, Status: a.status, Agent: r.UserAgent(), Header: r.Header.Clone()})
	return a
}

func etagOf(body []byte) string { return fmt.Sprintf(`"%x"`, sha256.Sum256(body)) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	a := s.plan(r)
	switch a.status {
	case http.StatusBadRequest:
		http.Error(w, "bad t", a.status)
		return
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", a.after)
		http.Error(w, "Too Many Requests", a.status)
		return
	case http.StatusFound:
		http.Redirect(w, r, docPath(a.key), a.status)
		return
	case http.StatusNotFound:
		http.NotFound(w, r)
		return
	case http.StatusNotModified:
		w.WriteHeader(a.status)
		return
	}
	if a.html {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>Document not found</h1><p>The document you requested is not available in this language.</p></body></html>\n")
		return
	}
	w.Header().Set("ETag", etagOf(a.body))
	w.Header().Set("Last-Modified", "Tue, 14 Nov 2023 10:00:00 GMT")
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	switch {
	case a.cut:
		w.Write(a.body[:len(a.body)/2])
		fl.Flush()
		panic(http.ErrAbortHandler) // the connection is closed, short
	case a.stall != nil:
		w.Write(a.body[:len(a.body)/2])
		fl.Flush()
		select {
		case <-a.stall:
		case <-r.Context().Done():
		}
		panic(http.ErrAbortHandler)
	case a.slow > 0:
		fl.Flush()
		select {
		case <-time.After(a.slow):
		case <-r.Context().Done():
			return
		}
	}
	w.Write(a.body)
}

// LocalOnly is a transport that makes requests only to 127.0.0.1: any
// other fails the test and the request.
func LocalOnly(t testing.TB) http.RoundTripper {
	return localOnly{t}
}

type localOnly struct{ t testing.TB }

func (l localOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Hostname() != "127.0.0.1" {
		l.t.Errorf("a request left the machine: %s", r.URL)
		return nil, fmt.Errorf("fetchtest: refused a request to %s (tests never use the network)", r.URL.Host)
	}
	return http.DefaultTransport.RoundTrip(r)
}
