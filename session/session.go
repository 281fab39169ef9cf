// Package session checks what a session adopted: from a Digital Library
// export (or a pairs.csv of draft,resolution) it pairs each draft with the
// resolution it became, downloads both in the six languages (the draft
// from the export's links, the resolution from ODS), writes a batch
// manifest (the draft in the language it was negotiated in is the voted
// text, the resolution's six languages the finals), runs batch on it,
// writes an HTML report of each resolution and a summary of the whole
// session, as HTML and JSON.
package session

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/batch"
	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/fetch"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/report"
	"github.com/driftcheck/driftcheck/undl"
)

// Names of what a session writes in its output directory.
const (
	DocsDir      = "docs"         // the downloads (and their fetch index)
	ManifestName = "manifest.csv" // the batch manifest
	BatchDir     = "batch"        // the batch output
	ReportsDir   = "reports"      // one HTML report per resolution
	SummaryHTML  = "session.html"
	SummaryJSON  = "session.json"
)

// Options configure a session run.
type Options struct {
	Input string // the export (MARCXML) or pairs.csv
	Out   string // the output directory (created; reused to resume)
	// Docs is where the documents are (default Out/docs): downloaded
	// there, or put there by hand, named like ODS downloads.
	Docs string
	// NoFetch uses only the documents already in Docs.
	NoFetch bool
	// Fetch configures the downloads (its Dir is Docs).
	Fetch fetch.Options
	// VotedLang is the language the drafts were negotiated in (default en).
	VotedLang string
	// DraftVersions adds the draft's other languages to each group as
	// versions: each is checked against the resolution in its language
	// (the draft a delegation followed against what was published).
	DraftVersions bool
	Checker       *driftcheck.Checker
	Level         drift.Severity
	Jobs          int
	// Child is batch's child process (batch.Options.Child).
	Child func(ctx context.Context) *exec.Cmd
	// Log, when set, is told the steps.
	Log func(msg string)
}

// Resolution is one pair's line of the summary.
type Resolution struct {
	Symbol string `json:"symbol"`
	Draft  string `json:"draft"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	// Checked is false when the pair could not be checked: Reason says why
	// (no draft in the voted language, no language of the resolution).
	Checked bool   `json:"checked"`
	Reason  string `json:"reason,omitempty"`
	// Note warns of what the findings are made of: a resolution adopted in
	// parts is one document, so the paragraphs of its other parts show as
	// added to the draft of one part.
	Note  string `json:"note,omitempty"`
	Voted string `json:"voted,omitempty"` // the voted file, relative to Out
	// Finals are the languages of the resolution checked; Missing those
	// that could not be had (not on ODS, not in Docs).
	Finals     []string `json:"finals"`
	FinalFiles []string `json:"final_files,omitempty"` // of Finals, relative to Out
	// Versions are the languages of the draft checked against the
	// resolution in their language (Options.DraftVersions).
	Versions []string `json:"versions,omitempty"`
	Missing  []string `json:"missing,omitempty"`
	// Findings by severity, and by language and severity.
	Findings   int                       `json:"findings"`
	BySeverity map[string]int            `json:"by_severity"`
	ByLang     map[string]map[string]int `json:"by_lang"`
	Errors     []batch.FileError         `json:"errors,omitempty"`
	Report     string                    `json:"report,omitempty"` // the HTML report, relative to Out
}

// NotAdopted is a draft of the export with no resolution.
type NotAdopted struct {
	Symbol string `json:"symbol"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Summary is the session summary (session.json).
type Summary struct {
	Input       string                    `json:"input"`
	Records     int                       `json:"records"`
	Pairs       int                       `json:"pairs"`
	Checked     int                       `json:"checked"`
	VotedLang   string                    `json:"voted_lang"`
	Level       string                    `json:"level"`
	Findings    int                       `json:"findings"`
	BySeverity  map[string]int            `json:"by_severity"`
	ByLang      map[string]map[string]int `json:"by_lang"`
	Resolutions []Resolution              `json:"resolutions"`
	NotAdopted  []NotAdopted              `json:"not_adopted"`
	// NotDownloaded are the files that could not be downloaded (the
	// server's errors, timeouts): "SYMBOL LANG: why". A rerun tries them
	// again.
	NotDownloaded []string  `json:"not_downloaded,omitempty"`
	Manifest      string    `json:"manifest"`
	Batch         string    `json:"batch"`
	Generated     time.Time `json:"generated"`
}

// InputError is an error of the session's input (the export or
// pairs.csv, or an option): the command's exit status 2 and one line.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func (o *Options) log(format string, a ...any) {
	if o.Log != nil {
		o.Log(fmt.Sprintf(format, a...))
	}
}

// Run runs a session: read, fetch, manifest, batch, reports, summary.
func Run(ctx context.Context, opt Options) (*Summary, error) {
	if opt.VotedLang == "" {
		opt.VotedLang = "en"
	}
	if opt.Level == 0 {
		opt.Level = drift.Warning
	}
	if opt.Docs == "" {
		opt.Docs = filepath.Join(opt.Out, DocsDir)
	}
	ps, err := batch.ReadPairs(opt.Input)
	if err != nil {
		return nil, &InputError{err}
	}
	opt.log("%s: %d records, %d pairs, %d not adopted", opt.Input, ps.Records, len(ps.Pairs), len(ps.NotAdopted))
	if err := os.MkdirAll(opt.Docs, 0o755); err != nil {
		return nil, err
	}
	var failed []string
	if !opt.NoFetch {
		if failed, err = fetchAll(ctx, &opt, ps); err != nil {
			return nil, err
		}
	}
	sum := &Summary{Input: opt.Input, Records: ps.Records, Pairs: len(ps.Pairs), VotedLang: opt.VotedLang, Level: opt.Level.String(),
		BySeverity: map[string]int{}, ByLang: map[string]map[string]int{}, Resolutions: []Resolution{}, NotAdopted: []NotAdopted{},
		Manifest: ManifestName, Batch: BatchDir, Generated: time.Now().UTC(), NotDownloaded: failed}
	for _, r := range ps.NotAdopted {
		sum.NotAdopted = append(sum.NotAdopted, NotAdopted{Symbol: r.Symbol, Title: r.Title, Date: r.Date})
	}
	groups, err := writeManifest(&opt, ps, sum)
	if err != nil {
		return nil, err
	}
	if err := resetIfChanged(&opt); err != nil {
		return nil, err
	}
	if groups > 0 {
		src, err := batch.OpenManifest(filepath.Join(opt.Out, ManifestName), opt.Checker.Lexicon.Languages()...)
		if err != nil {
			return nil, err
		}
		_, err = batch.Run(ctx, src, batch.Options{Checker: opt.Checker, Out: filepath.Join(opt.Out, BatchDir), Jobs: opt.Jobs,
			VotedLang: opt.VotedLang, Level: opt.Level, Child: opt.Child})
		src.Close()
		if err != nil {
			return nil, err
		}
		if err := readResults(&opt, sum); err != nil {
			return nil, err
		}
		if err := writeReports(ctx, &opt, sum); err != nil {
			return nil, err
		}
	}
	for _, r := range sum.Resolutions {
		if r.Checked {
			sum.Checked++
		}
		sum.Findings += r.Findings
		add(sum.BySeverity, r.BySeverity)
		for l, m := range r.ByLang {
			if sum.ByLang[l] == nil {
				sum.ByLang[l] = map[string]int{}
			}
			add(sum.ByLang[l], m)
		}
	}
	if err := writeSummary(opt.Out, sum); err != nil {
		return nil, err
	}
	return sum, nil
}

func add(to, from map[string]int) {
	for k, v := range from {
		to[k] += v
	}
}

// fetchAll downloads the six languages of each pair's draft (from the
// export's links, else ODS) and of its resolution (ODS).
func fetchAll(ctx context.Context, opt *Options, ps *batch.Pairs) (failed []string, err error) {
	fo := opt.Fetch
	fo.Dir = opt.Docs
	f, err := fetch.New(fo)
	if err != nil {
		return nil, &InputError{err}
	}
	note := func(es ...fetch.Entry) {
		for _, e := range es {
			if e.Status == fetch.Failed {
				failed = append(failed, fmt.Sprintf("%s %s: %s", e.Symbol, e.Lang, e.Error))
			}
		}
	}
	done := map[string]bool{}
	for i, p := range ps.Pairs {
		opt.log("fetching %d/%d: %s and %s", i+1, len(ps.Pairs), p.Draft, p.Resolution)
		if len(p.DraftFiles) > 0 {
			for _, df := range p.DraftFiles {
				if df.Lang == "" {
					continue
				}
				e, err := f.Get(ctx, p.Draft, df.Lang, df.URL)
				if err != nil {
					return nil, err
				}
				note(e)
			}
		} else {
			es, err := f.Symbol(ctx, p.Draft)
			if err != nil {
				return nil, err
			}
			note(es...)
		}
		res := undl.DocSymbol(p.Resolution)
		if done[res] {
			continue // a resolution adopted in parts
		}
		done[res] = true
		es, err := f.Symbol(ctx, res)
		if err != nil {
			return nil, err
		}
		note(es...)
	}
	return failed, nil
}

// docExts are the extensions a document of Docs may have, in the order
// they are preferred when a symbol's language has several.
var docExts = []string{".pdf", ".docx", ".doc", ".txt", ".html", ".htm", ".xhtml", ".text"}

// docsIndex finds the documents of a directory tree by symbol and
// language, their names read as batch --dir reads them (A_RES_78_213-FR.pdf,
// a_res_78_213.fr.txt, A_RES_78_213_F.doc): a directory filled by fetch,
// by hand or by wget.
type docsIndex map[string]string // docKey → path

func docKey(symbol, lang string) string {
	return strings.ToUpper(strings.ReplaceAll(undl.FileBase(symbol), "_", "/")) + "|" + lang
}

func rank(p string) int {
	ext := strings.ToLower(filepath.Ext(p))
	for i, e := range docExts {
		if e == ext {
			return i
		}
	}
	return len(docExts)
}

// indexDocs lists the documents under dir (hidden files and directories,
// temporary and empty files left out).
func indexDocs(dir string) (docsIndex, error) {
	ix := docsIndex{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !batch.IsDocumentName(name) || strings.HasSuffix(name, ".tmp") {
			return nil
		}
		if st, err := d.Info(); err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			return nil
		}
		sym, lang := batch.ParseName(name)
		if lang == "" {
			return nil
		}
		k := docKey(sym, lang)
		if prev, ok := ix[k]; !ok || rank(p) < rank(prev) {
			ix[k] = p
		}
		return nil
	})
	return ix, err
}

// find returns the file of symbol in lang ("" for none).
func (ix docsIndex) find(symbol, lang string) string { return ix[docKey(symbol, lang)] }

// writeManifest writes the batch manifest of the pairs that can be
// checked and records in sum those that cannot; it returns the number of
// groups written.
func writeManifest(opt *Options, ps *batch.Pairs, sum *Summary) (int, error) {
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return 0, err
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(opt.Out, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		abs, _ := filepath.Abs(p)
		return abs
	}
	docs, err := indexDocs(opt.Docs)
	if err != nil {
		return 0, err
	}
	groups := 0
	seen := map[string]bool{}
	err = atomicfile.Write(filepath.Join(opt.Out, ManifestName), func(w io.Writer) error {
		cw := csv.NewWriter(w)
		cw.Write([]string{"symbol", "role", "lang", "path"})
		for _, p := range ps.Pairs {
			r := Resolution{Symbol: p.Resolution, Draft: p.Draft, Title: p.Title, Date: p.Date, Finals: []string{},
				BySeverity: map[string]int{}, ByLang: map[string]map[string]int{}}
			if seen[p.Resolution] {
				r.Reason = "the resolution is paired with another draft too"
				sum.Resolutions = append(sum.Resolutions, r)
				continue
			}
			seen[p.Resolution] = true
			voted := docs.find(p.Draft, opt.VotedLang)
			doc := undl.DocSymbol(p.Resolution)
			if doc != p.Resolution {
				r.Note = fmt.Sprintf("%s is part %s of %s, one document with its other parts: their paragraphs show as added to this draft", p.Resolution, strings.TrimSpace(strings.TrimPrefix(p.Resolution, doc)), doc)
			}
			var finals []string
			for _, l := range undl.Langs {
				if f := docs.find(doc, l); f != "" {
					finals = append(finals, f)
					r.Finals = append(r.Finals, l)
				} else {
					r.Missing = append(r.Missing, l)
				}
			}
			switch {
			case voted == "":
				r.Reason = fmt.Sprintf("no draft %s in %s (%s) in %s", p.Draft, opt.VotedLang, undl.FileName(p.Draft, opt.VotedLang, ".pdf"), opt.Docs)
			case len(finals) == 0:
				r.Reason = fmt.Sprintf("no language of %s (%s) in %s", doc, undl.FileName(doc, "en", ".pdf"), opt.Docs)
			default:
				r.Checked = true
				r.Voted = rel(voted)
				cw.Write([]string{p.Resolution, "voted", opt.VotedLang, rel(voted)})
				for i, f := range finals {
					cw.Write([]string{p.Resolution, "final", r.Finals[i], rel(f)})
					r.FinalFiles = append(r.FinalFiles, rel(f))
				}
				if opt.DraftVersions {
					for i, l := range r.Finals {
						if l == opt.VotedLang {
							continue
						}
						if v := docs.find(p.Draft, l); v != "" && v != finals[i] {
							cw.Write([]string{p.Resolution, "version", l, rel(v)})
							r.Versions = append(r.Versions, l)
						}
					}
				}
				groups++
			}
			sum.Resolutions = append(sum.Resolutions, r)
		}
		cw.Flush()
		return cw.Error()
	})
	return groups, err
}

// keyName records, in the output directory, what the batch output and
// the reports were made of.
const keyName = ".session-key"

// resetIfChanged removes the batch output and the reports when they were
// made of another manifest (a rerun downloaded more languages), level,
// voted language or lexicon: batch resumes only a run of the same groups,
// and its groups done would otherwise be kept as they were.
func resetIfChanged(opt *Options) error {
	man, err := os.ReadFile(filepath.Join(opt.Out, ManifestName))
	if err != nil {
		return err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", opt.Level, opt.VotedLang, batch.LexiconHash(opt.Checker.Lexicon))
	h.Write(man)
	key := hex.EncodeToString(h.Sum(nil))
	path := filepath.Join(opt.Out, keyName)
	if old, err := os.ReadFile(path); err == nil && strings.TrimSpace(string(old)) == key {
		return nil
	}
	for _, d := range []string{BatchDir, ReportsDir} {
		if err := os.RemoveAll(filepath.Join(opt.Out, d)); err != nil {
			return err
		}
	}
	return atomicfile.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, key+"\n"); return err })
}

// readResults reads batch's results into the summary's resolutions.
func readResults(opt *Options, sum *Summary) error {
	index := map[string]*Resolution{}
	for i := range sum.Resolutions {
		index[sum.Resolutions[i].Symbol] = &sum.Resolutions[i]
	}
	return batch.Results(filepath.Join(opt.Out, BatchDir), func(res *batch.Result) error {
		r := index[res.Symbol]
		if r == nil || !r.Checked {
			return nil // of an earlier manifest
		}
		r.Findings, r.Errors = len(res.Findings), res.Errors
		r.BySeverity, r.ByLang = map[string]int{}, map[string]map[string]int{}
		for _, fd := range res.Findings {
			r.BySeverity[fd.Severity]++
			l := fd.Final.Lang
			if l == "" {
				l = fd.Voted.Lang
			}
			if r.ByLang[l] == nil {
				r.ByLang[l] = map[string]int{}
			}
			r.ByLang[l][fd.Severity]++
		}
		return nil
	})
}

// writeReports writes the HTML report of each resolution checked, as
// "driftcheck check --format html" writes it. A report newer than its
// files is kept.
func writeReports(ctx context.Context, opt *Options, sum *Summary) error {
	dir := filepath.Join(opt.Out, ReportsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range sum.Resolutions {
		r := &sum.Resolutions[i]
		if !r.Checked {
			continue
		}
		name := undl.FileBase(r.Symbol) + ".html"
		path := filepath.Join(dir, name)
		abs := func(p string) string {
			if filepath.IsAbs(p) {
				return p
			}
			return filepath.Join(opt.Out, filepath.FromSlash(p))
		}
		voted := abs(r.Voted)
		var finals []string
		inputs := []string{voted}
		for i, l := range r.Finals {
			p := abs(r.FinalFiles[i])
			finals = append(finals, l+"="+p)
			inputs = append(inputs, p)
		}
		r.Report = filepath.ToSlash(filepath.Join(ReportsDir, name))
		if newer(path, inputs) {
			continue
		}
		opt.log("report %s", r.Report)
		run, err := opt.Checker.CheckFiles(ctx, opt.VotedLang+"="+voted, finals, nil)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			r.Report = ""
			continue // batch recorded the error
		}
		sel := run.Result.Select(opt.Level, nil)
		in := report.InputOf(run, sel, opt.Level, opt.Level, nil, true)
		if err := atomicfile.Write(path, func(w io.Writer) error { return report.HTML(w, in) }); err != nil {
			return fmt.Errorf("report %s: %w", path, err)
		}
	}
	return nil
}

// newer reports whether path exists and is newer than every input.
func newer(path string, inputs []string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return false
	}
	for _, in := range inputs {
		if is, err := os.Stat(in); err != nil || !is.ModTime().Before(st.ModTime()) {
			return false
		}
	}
	return true
}

// writeSummary writes session.json and session.html.
func writeSummary(out string, sum *Summary) error {
	sort.SliceStable(sum.Resolutions, func(i, j int) bool { return symbolLess(sum.Resolutions[i].Symbol, sum.Resolutions[j].Symbol) })
	sort.SliceStable(sum.NotAdopted, func(i, j int) bool { return symbolLess(sum.NotAdopted[i].Symbol, sum.NotAdopted[j].Symbol) })
	data, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(out, SummaryJSON), func(w io.Writer) error { _, err := w.Write(append(data, '\n')); return err }); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(out, SummaryHTML), func(w io.Writer) error { return summaryHTML(w, sum) })
}

// symbolLess orders symbols with their numbers as numbers (A/RES/78/9
// before A/RES/78/10).
func symbolLess(a, b string) bool {
	for a != "" && b != "" {
		na, ra := leadNum(a)
		nb, rb := leadNum(b)
		if na >= 0 && nb >= 0 {
			if na != nb {
				return na < nb
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func leadNum(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 9 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 {
		return -1, s
	}
	return n, s[i:]
}
