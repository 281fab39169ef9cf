package pdftext

import (
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/corpus"
	"golang.org/x/text/unicode/norm"
)

// repoRoot is the repository root, found from this file.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func fixture(name string) string {
	return filepath.Join(repoRoot(), "testdata", "formats", "pdf", name)
}

// fixtures maps each PDF fixture to the text it was made from (gen.sh).
var fixtures = []struct{ pdf, src string }{
	{"L36.en.pdf", "testdata/founding/L36.en.txt"},
	{"L36.excerpt.en.pdf", "testdata/founding/L36.excerpt.en.txt"},
	{"L36.zh.pdf", "testdata/founding/L36.zh.txt"},
	{"RES.zh.pdf", "testdata/founding/RES.zh.txt"},
	{"RES.excerpt.ar.pdf", "testdata/languages/RES.excerpt.ar.txt"},
	{"L36.excerpt.ar.pdf", "testdata/languages/L36.excerpt.ar.txt"},
	{"RES.excerpt.fr.pdf", "testdata/languages/RES.excerpt.fr.txt"},
	{"L36.excerpt.fr.pdf", "testdata/languages/L36.excerpt.fr.txt"},
	{"RES.excerpt.es.pdf", "testdata/languages/RES.excerpt.es.txt"},
	{"L36.excerpt.es.pdf", "testdata/languages/L36.excerpt.es.txt"},
	{"RES.excerpt.ru.pdf", "testdata/languages/RES.excerpt.ru.txt"},
	{"L36.excerpt.ru.pdf", "testdata/languages/L36.excerpt.ru.txt"},
}

// testOptions uses a wazero cache directory of the tests' own under the
// system temporary directory, so that tests neither read nor fill the
// user's cache, and only the first test run on a machine compiles PDFium.
func testOptions(testing.TB) Options {
	return Options{CacheDir: filepath.Join(os.TempDir(), "driftcheck-pdftext-test-wazero")}
}

// readPages returns the characters of each page of a PDF, within the
// default limits.
func (e *engine) readPages(data []byte, maxPages int) ([]page, error) {
	pages, _, err := e.read(data, config{maxPages: maxPages, maxChars: DefaultMaxChars, maxParas: extract.DefaultMaxParagraphs})
	return pages, err
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sourceParagraphs splits a source text at blank lines, collapsing
// whitespace, as gen.sh does when it lays the text out.
func sourceParagraphs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(), path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
		if f := strings.Fields(p); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return out
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.pdf, func(t *testing.T) {
			ps, err := Read(readFixture(t, f.pdf), testOptions(t))
			if err != nil {
				t.Fatal(err)
			}
			var body []string
			for _, p := range ps {
				if !p.Note {
					body = append(body, strings.Join(strings.Fields(p.Text), " "))
				}
				if strings.ContainsAny(p.Text, "\n\r") {
					t.Errorf("line break in %q", p.Text)
				}
			}
			want := sourceParagraphs(t, f.src)
			if f.pdf == "L36.en.pdf" || f.pdf == "L36.zh.pdf" {
				// gen.sh makes the first "*" of the sponsors a footnote
				// reference: a raised mark, which is not body text.
				for i, p := range want {
					if k := strings.Index(p, "*"); k >= 0 {
						want[i] = p[:k] + p[k+1:]
						break
					}
				}
			}
			for i := 0; i < len(want) || i < len(body); i++ {
				var g, w string
				if i < len(body) {
					g = body[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if norm.NFC.String(g) != norm.NFC.String(w) {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i+1, g, w)
				}
			}
			if t.Failed() {
				return
			}
			if strings.HasPrefix(f.pdf, "RES.zh") || strings.HasPrefix(f.pdf, "L36.zh") {
				// No space between two Chinese characters anywhere.
				for _, p := range body {
					rs := []rune(p)
					for i := 1; i+1 < len(rs); i++ {
						if rs[i] == ' ' && isCJKStrict(rs[i-1]) && isCJKStrict(rs[i+1]) {
							t.Errorf("space inside Chinese text: %q", p)
							break
						}
					}
				}
			}
		})
	}
}

// TestPages checks the page numbers of paragraphs in a three-page fixture:
// the text at the top of page 2 of L36.en.pdf (checked with pdftotext)
// continues a paragraph of page 1; OP1 starts on page 2 and OP2 at the top
// of page 3.
func TestPages(t *testing.T) {
	ps, err := Read(readFixture(t, "L36.en.pdf"), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	page := func(prefix string) int {
		for _, p := range ps {
			if strings.HasPrefix(p.Text, prefix) {
				return p.Page
			}
		}
		t.Fatalf("no paragraph starts with %q", prefix)
		return 0
	}
	if got := page("A/HRC/37/L.36"); got != 1 {
		t.Errorf("symbol on page %d, want 1", got)
	}
	if got := page("Reaffirming that the work of the Human Rights Council shall be guided"); got != 1 {
		t.Errorf("paragraph broken across pages 1-2 starts on page %d, want 1", got)
	}
	if got := page("1. Calls upon all States"); got != 2 {
		t.Errorf("OP1 on page %d, want 2", got)
	}
	if got := page("2. Reiterates the important role"); got != 3 {
		t.Errorf("OP2 on page %d, want 3", got)
	}
	last := ps[len(ps)-1]
	for _, p := range ps {
		if !p.Note {
			last = p
		}
	}
	if last.Page != 3 {
		t.Errorf("last body paragraph on page %d, want 3: %q", last.Page, last.Text)
	}
}

// TestFootnote: in L36.en.pdf and L36.zh.pdf the "*" after Belarus is a
// footnote anchor; the note sits in 8 pt type at the foot of page 1, its
// mark apart from its text.
func TestFootnote(t *testing.T) {
	for name, note := range map[string]string{
		"L36.en.pdf": "State not a member of the Human Rights Council.",
		"L36.zh.pdf": "非人权理事会成员国。",
	} {
		ps, err := Read(readFixture(t, name), testOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		var notes []extract.Paragraph
		for _, p := range ps {
			if p.Note {
				notes = append(notes, p)
			} else if strings.Contains(p.Text, note) {
				t.Errorf("%s: footnote text in body paragraph %q", name, p.Text)
			}
		}
		if len(notes) != 1 || notes[0].Text != note || notes[0].Mark != "*" || notes[0].Page != 1 {
			t.Errorf("%s: notes = %+v, want one on page 1 marked * reading %q", name, notes, note)
		}
		if !ps[len(ps)-1].Note {
			t.Errorf("%s: the note is not after the body", name)
		}
	}
}

func TestErrors(t *testing.T) {
	good := readFixture(t, "L36.excerpt.en.pdf")
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 20000)
	rng.Read(random)
	copy(random, "%PDF-1.7\n")
	random = append(random, "\n%%EOF\n"...)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"blank", []byte(" \n"), extract.ErrEmpty},
		{"not a PDF", []byte("hello world"), extract.ErrCorrupt},
		{"truncated", good[:len(good)/2], extract.ErrCorrupt},
		// Past the end-marker check: PDFium itself refuses it.
		{"truncated, end marker added", append(good[:len(good)/2:len(good)/2], "\n%%EOF\n"...), extract.ErrCorrupt},
		{"random bytes with a PDF header", random, extract.ErrCorrupt},
		{"encrypted", readFixture(t, "encrypted.pdf"), extract.ErrEncrypted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Read(tc.data, testOptions(t))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v (%d paragraphs), want %v", err, len(ps), tc.want)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestMaxPages(t *testing.T) {
	data := readFixture(t, "RES.zh.pdf") // two pages
	opt := testOptions(t)
	opt.MaxPages = 1
	if _, err := Read(data, opt); !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("MaxPages 1 on two pages: err = %v, want ErrLimit", err)
	}
	opt.MaxPages = 2
	if _, err := Read(data, opt); err != nil {
		t.Fatalf("MaxPages 2 on two pages: %v", err)
	}
}

// TestTimeLimit: a read that outlasts the time limit is stopped and
// reported as ErrLimit, and the reader still works afterwards.
func TestTimeLimit(t *testing.T) {
	data := readFixture(t, "L36.en.pdf")
	if _, err := Read(data, testOptions(t)); err != nil { // start the engine
		t.Fatal(err)
	}
	old := readTimeout
	readTimeout = time.Microsecond
	_, err := Read(data, testOptions(t))
	readTimeout = old
	if !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	if _, err := Read(data, testOptions(t)); err != nil {
		t.Fatalf("after a timeout: %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	want, err := Read(readFixture(t, "RES.excerpt.ru.pdf"), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := Read(readFixture(t, "RES.excerpt.ru.pdf"), testOptions(t))
			if err != nil || len(got) != len(want) || got[0].Text != want[0].Text {
				t.Errorf("concurrent read: %v, %d paragraphs", err, len(got))
			}
		}()
	}
	wg.Wait()
}

func sharedPDF(t *testing.T, name string) []byte {
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skipf("%s is absent: skipping the test on real UN PDFs", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, "pdfs", name))
	if err != nil {
		t.Skipf("%v: skipping", err)
	}
	return data
}

func TestSharedScanned(t *testing.T) {
	data := sharedPDF(t, "1971-10-25_GA_Resolution_2758_ru.pdf")
	_, err := Read(data, testOptions(t))
	if !errors.Is(err, extract.ErrNoTextLayer) {
		t.Fatalf("err = %v, want ErrNoTextLayer", err)
	}
}

// TestSharedEnglish reads the OCR text layer of draft A/L.632 (1971), one
// page; the expected text was checked against pdftotext and the scan.
func TestSharedEnglish(t *testing.T) {
	ps, err := Read(sharedPDF(t, "1971-09-29_A_L.632-EN.pdf"), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"A/L.632": false,
		"RESTORATION OF THE LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC": false,
		"The General Assembly,": false,
		"Decides that any proposal in the General Assembly which would result in depriving the Republic of China of representation in the United Nations is an important question under Article 18 of the Charter.": false,
	}
	for _, p := range ps {
		if _, ok := want[p.Text]; ok {
			want[p.Text] = true
			if p.Page != 1 {
				t.Errorf("%q on page %d, want 1", p.Text, p.Page)
			}
		}
		if strings.Contains(p.Text, "71-19641") {
			t.Errorf("job number kept: %q", p.Text)
		}
	}
	for text, found := range want {
		if !found {
			t.Errorf("no paragraph %q", text)
		}
	}
}

// TestSharedChinese: a Chinese page whose lines break inside sentences;
// "以及" ends a line and "为什么" starts the next (pdftotext).
func TestSharedChinese(t *testing.T) {
	ps, err := Read(sharedPDF(t, "huridocs_chinese.pdf"), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range ps {
		all = append(all, p.Text)
	}
	text := strings.Join(all, "\n")
	for _, phrase := range []string{
		"记得上次我说过,你应该到“你应该看到的结果”部分重复我的动作。集中精力到我的输入,以及为什么我提供了一个命令行参数。",
		"\n常见问题回答\n",
		"事实上也的确有",
	} {
		if !strings.Contains(text, phrase) {
			t.Errorf("missing %q in\n%s", phrase, text)
		}
	}
}

// The fuzz target: any input gives an error or paragraphs of valid UTF-8,
// never a panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"L36.excerpt.en.pdf", "RES.excerpt.ar.pdf"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF"))
	// Small limits, so that the fuzzer does not spend minutes on one
	// mutated file (the limits have tests of their own).
	readTimeout = 5 * time.Second
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := testOptions(t)
		opt.MaxPages = 20
		opt.Limits.MaxChars = 200_000
		ps, err := Read(data, opt)
		if err != nil {
			if len(ps) != 0 {
				t.Fatalf("error %v with %d paragraphs", err, len(ps))
			}
			return
		}
		if len(ps) == 0 {
			t.Fatal("no error and no paragraphs")
		}
		for _, p := range ps {
			if !utf8.ValidString(p.Text) || p.Page < 1 {
				t.Fatalf("bad paragraph %+v", p)
			}
		}
	})
}

// BenchmarkRead reads every fixture; pages/s counts PDF pages.
func BenchmarkRead(b *testing.B) {
	var files [][]byte
	pages := 0
	e, err := getEngine(testOptions(b).CacheDir)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range fixtures {
		data := readFixture(b, f.pdf)
		ps, err := e.readPages(data, DefaultMaxPages)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(ps)
		files = append(files, data)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			if _, err := Read(data, testOptions(b)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// start creates an engine with the cache directory and reads one page, as
// the first Read of a process does.
func start(b *testing.B, dir string, data []byte) {
	e, err := newEngine(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer e.close()
	if _, err := readWith(e, data, config{maxPages: DefaultMaxPages, maxChars: DefaultMaxChars, maxParas: extract.DefaultMaxParagraphs}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStartCold is the start-up of a process on a machine without
// the compilation cache: decompress, compile PDFium, instantiate, read a
// one-page PDF. Run it with -benchtime=3x: one iteration takes seconds.
func BenchmarkStartCold(b *testing.B) {
	data := readFixture(b, "L36.excerpt.en.pdf")
	for i := 0; i < b.N; i++ {
		start(b, b.TempDir(), data)
	}
}

// BenchmarkStartCached is the same start-up with a filled cache.
func BenchmarkStartCached(b *testing.B) {
	data := readFixture(b, "L36.excerpt.en.pdf")
	dir := b.TempDir()
	start(b, dir, data)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start(b, dir, data)
	}
}

// TestCacheDir: an unusable cache directory means running without a
// cache, not failing; a usable one is created.
func TestCacheDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := cacheDirFor(filepath.Join(file, "sub")); got != "" {
		t.Errorf("cache dir under a file = %q, want none", got)
	}
	dir := filepath.Join(t.TempDir(), "a", "b")
	if got := cacheDirFor(dir); got != dir {
		t.Errorf("cacheDirFor(%q) = %q", dir, got)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Errorf("%s not created: %v", dir, err)
	}
}
