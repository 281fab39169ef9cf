// Package fetch downloads the language versions of UN documents: from the
// Official Document System (ODS) by symbol, and from any URL (the files of
// the Digital Library). It is a polite, resumable client: one request at a
// time at a bounded rate, timeouts, redirects followed, HTTP 429 and 5xx
// retried after Retry-After or an exponential backoff with jitter, files
// written whole or not at all, and an index beside them (IndexName) that
// records what each download gave (its ETag, Last-Modified and SHA-256, or
// that the language is missing), so that a rerun never downloads again
// what is already there.
package fetch

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/undl"
)

// The services, as the public sites serve them.
const (
	ODSBase     = "https://documents.un.org"
	LibraryBase = "https://digitallibrary.un.org"
)

// IndexName is the index a directory's downloads are recorded in.
const IndexName = ".driftcheck-fetch.json"

// Types are the document types ODS serves (its t parameter).
var Types = []string{"pdf", "doc"}

// Options configure a Fetcher. The zero value of a field means its default.
type Options struct {
	Dir  string // where the files and the index go (created)
	Type string // "pdf" (default) or "doc" (Word)
	// Rate is the most requests a second (default DefaultRate).
	Rate float64
	// BaseURL, when set, replaces the scheme and host of every URL (of ODS
	// and of the Digital Library), their paths and queries kept: a mirror,
	// or a test server.
	BaseURL string
	// Timeout bounds one request, its body included (default 2 minutes).
	Timeout time.Duration
	// Retries is how many times a request is tried again after a 429, a
	// 5xx, a timeout or a cut connection (default 5; negative: none).
	Retries int
	// Backoff is the first wait before a retry, doubled at each retry
	// (with jitter: each wait is drawn between half and all of it) up to
	// MaxWait (defaults 2 s and 2 min). A Retry-After longer than MaxWait
	// ends the retries.
	Backoff, MaxWait time.Duration
	// RetryAfterUnit is what one second of a Retry-After header is waited
	// (default a second; tests shorten it).
	RetryAfterUnit time.Duration
	// Refresh asks the server again about the files already downloaded
	// (conditional requests: If-None-Match, If-Modified-Since) and about
	// the languages recorded missing.
	Refresh bool
	// MaxSize bounds a document's size (default 512 MiB): a server that
	// sends more is refused (the file is not saved).
	MaxSize int64
	// UserAgent is sent with every request (default UserAgent("")).
	UserAgent string
	// Transport, when set, is the client's transport (tests).
	Transport http.RoundTripper
	// Log, when set, is told each request and what came of it.
	Log func(msg string)
}

// DefaultRate is the default number of requests a second: ODS answers a
// faster client with 429.
const DefaultRate = 1.0

// UserAgent returns the User-Agent of driftcheck at version.
func UserAgent(version string) string {
	if version == "" {
		version = "devel"
	}
	return "driftcheck/" + version + " (+https://github.com/driftcheck/driftcheck; UN document checker)"
}

// Entry is what the index records of one file.
type Entry struct {
	Symbol string `json:"symbol"`
	Lang   string `json:"lang"`
	URL    string `json:"url"`            // as asked, before BaseURL
	File   string `json:"file,omitempty"` // the name in Dir; "" when missing
	// Status is "ok" (the file is there), "missing" (the server has no
	// such document: 404, or an error page instead of the document) or
	// "error" (not downloaded: Error says why; a rerun tries again).
	Status       string    `json:"status"`
	Error        string    `json:"error,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256,omitempty"`
	Size         int64     `json:"size,omitempty"`
	Fetched      time.Time `json:"fetched,omitzero"`
	// Local is set for a file found in Dir that this index did not
	// download (put there by hand or by wget): it is used as it is.
	Local bool `json:"local,omitempty"`
}

// Statuses of an Entry.
const (
	OK      = "ok"
	Missing = "missing"
	Failed  = "error"
)

// Fetcher downloads into one directory. Its methods may be called from
// several goroutines: requests still go one at a time at the rate.
type Fetcher struct {
	opt    Options
	client *http.Client
	base   *url.URL

	mu    sync.Mutex // index and its file
	index map[string]Entry
	rmu   sync.Mutex // the rate
	next  time.Time
	cmu   sync.Mutex // one request at a time
}

// New returns a fetcher of opt.Dir, reading its index (a damaged index is
// an error naming it).
func New(opt Options) (*Fetcher, error) {
	if opt.Type == "" {
		opt.Type = "pdf"
	}
	if opt.Type != "pdf" && opt.Type != "doc" {
		return nil, fmt.Errorf("type %q: want pdf or doc", opt.Type)
	}
	if opt.Rate <= 0 {
		opt.Rate = DefaultRate
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Minute
	}
	if opt.Retries == 0 {
		opt.Retries = 5
	}
	if opt.Backoff <= 0 {
		opt.Backoff = 2 * time.Second
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = 2 * time.Minute
	}
	if opt.RetryAfterUnit <= 0 {
		opt.RetryAfterUnit = time.Second
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent("")
	}
	if opt.MaxSize <= 0 {
		opt.MaxSize = 512 << 20
	}
	f := &Fetcher{opt: opt, index: map[string]Entry{}}
	if opt.BaseURL != "" {
		u, err := url.Parse(opt.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("base URL %q: want http://HOST[:PORT] or https://HOST[:PORT]", opt.BaseURL)
		}
		f.base = u
	}
	tr := opt.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   30 * time.Second,
			ResponseHeaderTimeout: opt.Timeout,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConnsPerHost:   2,
		}
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return fmt.Errorf("more than 10 redirects")
			}
			req.Header.Set("User-Agent", opt.UserAgent)
			// A redirect is one more request: at the rate too.
			return f.wait(req.Context())
		},
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return nil, err
	}
	if err := f.readIndex(); err != nil {
		return nil, err
	}
	return f, nil
}

// ODSURL returns the URL of a symbol's document in a language on ODS.
func ODSURL(symbol, lang, typ string) string {
	q := url.Values{"s": {undl.CleanSymbol(symbol)}, "l": {lang}, "t": {typ}}
	return ODSBase + "/api/symbol/access?" + q.Encode()
}

// Rebase returns u with the scheme and host of base (its path and query
// kept); u itself when base is nil or u is not a URL.
func Rebase(u string, base *url.URL) string {
	if base == nil {
		return u
	}
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Scheme, p.Host, p.User = base.Scheme, base.Host, nil
	if bp := strings.TrimSuffix(base.Path, "/"); bp != "" {
		p.Path = bp + p.Path
		p.RawPath = ""
	}
	return p.String()
}

// Symbol downloads the six language versions of symbol from ODS and
// returns their entries, in the order of undl.Langs. It stops early only
// when ctx ends; the errors of single languages are in their entries.
func (f *Fetcher) Symbol(ctx context.Context, symbol string) ([]Entry, error) {
	var out []Entry
	for _, l := range undl.Langs {
		e, err := f.Get(ctx, symbol, l, ODSURL(symbol, l, f.opt.Type))
		if err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

// key is the index key of a symbol's language.
func key(symbol, lang string) string { return undl.CleanSymbol(symbol) + "\x00" + lang }

// Lookup returns the index entry of a symbol's language.
func (f *Fetcher) Lookup(symbol, lang string) (Entry, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.index[key(symbol, lang)]
	return e, ok
}

// Path returns the path of an entry's file.
func (f *Fetcher) Path(e Entry) string { return filepath.Join(f.opt.Dir, e.File) }

// Get downloads the document of symbol in lang from rawURL (before
// BaseURL) unless the index or the directory already has it. The error is
// ctx's or the index's (it cannot be written); what went wrong with the
// download is the entry's Error.
func (f *Fetcher) Get(ctx context.Context, symbol, lang, rawURL string) (Entry, error) {
	if err := ctx.Err(); err != nil {
		return Entry{}, err
	}
	prev, known := f.Lookup(symbol, lang)
	if known && !f.opt.Refresh {
		switch prev.Status {
		case Missing:
			return prev, nil
		case OK:
			if st, err := os.Stat(f.Path(prev)); err == nil && st.Mode().IsRegular() {
				return prev, nil
			}
		}
	}
	if !known || prev.Status == Failed {
		// A file put in the directory by hand (or by wget) is used as it is.
		if e, ok := f.local(symbol, lang, rawURL); ok {
			return e, f.record(e)
		}
	}
	e := f.download(ctx, symbol, lang, rawURL, prev)
	if err := ctx.Err(); err != nil {
		return e, err
	}
	return e, f.record(e)
}

// exts are the extensions a document of each type may have.
var exts = map[string][]string{"pdf": {".pdf"}, "doc": {".doc", ".docx"}}

// local returns the entry of a file of symbol in lang already in the
// directory.
func (f *Fetcher) local(symbol, lang, rawURL string) (Entry, bool) {
	for _, ext := range exts[f.opt.Type] {
		name := undl.FileName(symbol, lang, ext)
		p := filepath.Join(f.opt.Dir, name)
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			continue
		}
		sum, err := fileSHA(p)
		if err != nil {
			continue
		}
		return Entry{Symbol: symbol, Lang: lang, URL: rawURL, File: name, Status: OK, SHA256: sum, Size: st.Size(), Local: true}, true
	}
	return Entry{}, false
}

func fileSHA(p string) (string, error) {
	r, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// errRetry marks an attempt worth repeating; wait, when set, is the
// server's Retry-After.
type errRetry struct {
	err     error
	wait    time.Duration
	waitSet bool // the server said how long (Retry-After, also 0)
}

func (e *errRetry) Error() string { return e.err.Error() }

// download asks for a document, retrying, and saves it.
func (f *Fetcher) download(ctx context.Context, symbol, lang, rawURL string, prev Entry) Entry {
	e := Entry{Symbol: symbol, Lang: lang, URL: rawURL}
	u := Rebase(rawURL, f.base)
	delay := f.opt.Backoff
	for attempt := 0; ; attempt++ {
		got, err := f.attempt(ctx, u, &e, prev)
		if err == nil {
			return got
		}
		e.Status, e.Error = Failed, err.Error()
		var re *errRetry
		if !errors.As(err, &re) || attempt >= f.opt.Retries || ctx.Err() != nil {
			return e
		}
		wait := re.wait
		if !re.waitSet {
			// Exponential backoff with jitter: between half and all of it.
			wait = delay/2 + rand.N(delay/2+1)
			delay = min(2*delay, f.opt.MaxWait)
		}
		if wait > f.opt.MaxWait {
			e.Error += fmt.Sprintf(" (the server asks to wait %s: more than %s, given up)", wait, f.opt.MaxWait)
			return e
		}
		f.log("%s %s: %v; retrying in %s", symbol, lang, err, wait.Round(time.Millisecond))
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return e
		case <-t.C:
		}
	}
}

// wait holds the caller until the rate allows a request: an interval of
// 1/Rate after the start of the one before (requests go one at a time).
func (f *Fetcher) wait(ctx context.Context) error {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	if d := time.Until(f.next); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	f.next = time.Now().Add(time.Duration(float64(time.Second) / f.opt.Rate))
	return nil
}

// attempt makes one request and, on success, saves the document.
func (f *Fetcher) attempt(ctx context.Context, u string, e *Entry, prev Entry) (Entry, error) {
	f.cmu.Lock()
	defer f.cmu.Unlock()
	if err := f.wait(ctx); err != nil {
		return *e, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return *e, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", accept[f.opt.Type])
	conditional := prev.Status == OK && f.opt.Refresh && !prev.Local
	if conditional {
		if st, err := os.Stat(f.Path(prev)); err != nil || !st.Mode().IsRegular() {
			conditional = false
		}
	}
	if conditional {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return *e, ctx.Err()
		}
		return *e, &errRetry{err: f.cleanErr(err)}
	}
	defer resp.Body.Close()
	f.log("GET %s: %s", u, resp.Status)
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return prev, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		m := *e
		m.Status, m.Error, m.Fetched = Missing, fmt.Sprintf("HTTP %s", resp.Status), time.Now().UTC()
		return m, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), f.opt.RetryAfterUnit)
		return *e, &errRetry{err: fmt.Errorf("HTTP %s", resp.Status), wait: wait, waitSet: ok}
	case resp.StatusCode != http.StatusOK:
		return *e, fmt.Errorf("HTTP %s", resp.Status)
	}
	br := bufio.NewReaderSize(resp.Body, 4096)
	head, err := br.Peek(1024)
	if err != nil && err != io.EOF {
		if ctx.Err() != nil {
			return *e, ctx.Err()
		}
		return *e, &errRetry{err: fmt.Errorf("the download was cut short: %v", f.cleanErr(err))}
	}
	ext, why := sniff(head, f.opt.Type)
	if ext == "" {
		m := *e
		m.Status, m.Error, m.Fetched = Missing, why, time.Now().UTC()
		return m, nil
	}
	name := undl.FileName(e.Symbol, e.Lang, ext)
	f.cleanTemps(name)
	if resp.ContentLength > f.opt.MaxSize {
		return *e, fmt.Errorf("the server announces %d bytes, more than the %d bytes a document may have", resp.ContentLength, f.opt.MaxSize)
	}
	h := sha256.New()
	var n int64
	errTooBig := fmt.Errorf("the server sent more than the %d bytes a document may have", f.opt.MaxSize)
	err = atomicfile.Write(filepath.Join(f.opt.Dir, name), func(w io.Writer) error {
		var err error
		n, err = io.Copy(io.MultiWriter(w, h), io.LimitReader(br, f.opt.MaxSize+1))
		switch {
		case err == nil && n > f.opt.MaxSize:
			err = errTooBig
		case err == nil && resp.ContentLength >= 0 && n != resp.ContentLength:
			err = io.ErrUnexpectedEOF
		}
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return *e, ctx.Err()
		}
		if err == errTooBig {
			return *e, err
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			return *e, err // the disk's, not the server's
		}
		return *e, &errRetry{err: fmt.Errorf("the download was cut short after %d bytes: %v", n, f.cleanErr(err))}
	}
	got := *e
	got.Status, got.Error, got.File = OK, "", name
	got.ETag, got.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	got.SHA256, got.Size, got.Fetched = hex.EncodeToString(h.Sum(nil)), n, time.Now().UTC()
	if prev.File != "" && prev.File != name {
		os.Remove(f.Path(prev)) // the type changed (.doc → .docx)
	}
	return got, nil
}

var accept = map[string]string{
	"pdf": "application/pdf",
	"doc": "application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// cleanErr says a timeout plainly and drops the URL that net/http puts in front of its errors.
func (f *Fetcher) cleanErr(err error) error {
	if os.IsTimeout(err) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out (no whole answer within %s)", f.opt.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryAfter reads a Retry-After header: seconds (each worth unit) or an
// HTTP date; false when absent or unreadable (then the backoff decides).
func retryAfter(v string, unit time.Duration) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * unit, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// sniff tells from the first bytes of a body whether it is a document of
// the type: the extension to save it with, or "" and why not.
func sniff(head []byte, typ string) (ext, why string) {
	switch {
	case typ == "pdf" && bytes.Contains(head, []byte("%PDF-")):
		return ".pdf", ""
	case typ == "doc" && bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return ".doc", ""
	case typ == "doc" && bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return ".docx", ""
	}
	what := "a PDF"
	if typ == "doc" {
		what = "a Word document"
	}
	t := strings.ToLower(string(bytes.TrimSpace(head)))
	switch {
	case len(head) == 0:
		return "", "the server sent an empty body, not " + what
	case strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html") || strings.Contains(t, "<body"):
		return "", "the server sent an HTML page (an error page), not " + what
	}
	return "", fmt.Sprintf("the server sent %s, not %s", http.DetectContentType(head), what)
}

// cleanTemps removes the temporary files a killed run left of name.
func (f *Fetcher) cleanTemps(name string) {
	olds, _ := filepath.Glob(filepath.Join(f.opt.Dir, "."+globEscape(name)+".*.tmp"))
	for _, o := range olds {
		os.Remove(o)
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`).Replace(s)
}

func (f *Fetcher) log(format string, a ...any) {
	if f.opt.Log != nil {
		f.opt.Log(fmt.Sprintf(format, a...))
	}
}

// index is the file of the index.
func (f *Fetcher) indexPath() string { return filepath.Join(f.opt.Dir, IndexName) }

type indexFile struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

func (f *Fetcher) readIndex() error {
	data, err := os.ReadFile(f.indexPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var ix indexFile
	if err := json.Unmarshal(data, &ix); err != nil {
		return fmt.Errorf("%s: damaged index (%v): remove it to start again (the files are kept and used as they are)", f.indexPath(), err)
	}
	for _, e := range ix.Entries {
		if e.File != "" && e.File != filepath.Base(e.File) {
			return fmt.Errorf("%s: entry %s %s names %q, not a file of the directory", f.indexPath(), e.Symbol, e.Lang, e.File)
		}
		f.index[key(e.Symbol, e.Lang)] = e
	}
	return nil
}

// record puts an entry in the index and writes the index (atomically).
func (f *Fetcher) record(e Entry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.index[key(e.Symbol, e.Lang)] = e
	ix := indexFile{Version: 1}
	for _, x := range f.index {
		ix.Entries = append(ix.Entries, x)
	}
	sort.Slice(ix.Entries, func(i, j int) bool {
		a, b := ix.Entries[i], ix.Entries[j]
		if a.Symbol != b.Symbol {
			return a.Symbol < b.Symbol
		}
		return a.Lang < b.Lang
	})
	data, _ := json.MarshalIndent(ix, "", "  ")
	if err := atomicfile.Write(f.indexPath(), func(w io.Writer) error { _, err := w.Write(append(data, '\n')); return err }); err != nil {
		return fmt.Errorf("writing the index %s: %w", f.indexPath(), err)
	}
	return nil
}

// Entries returns the entries of the index, sorted by symbol and language.
func (f *Fetcher) Entries() []Entry {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Entry
	for _, e := range f.index {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Symbol != out[j].Symbol {
			return out[i].Symbol < out[j].Symbol
		}
		return out[i].Lang < out[j].Lang
	})
	return out
}
