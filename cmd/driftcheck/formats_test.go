package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/internal/corpus"
)

func formats(p string) string { return filepath.Join("..", "..", "testdata", "formats", p) }

// TestCheckBitext checks translation memories and bilingual files without
// --voted: the founding case as TMX, XLIFF 1.2 and XLIFF 2.0 has the 9
// substitutions of 互利合作 by 合作共赢, found unit by unit, plus the
// symbol's number (L.36 against RES/37/23) in the first unit.
func TestCheckBitext(t *testing.T) {
	for _, f := range []string{"founding.tmx", "founding-1.2.xlf", "founding-2.0.xlf"} {
		code, stdout, stderr := runCmd(t, "check", "--format", "line", formats("bitext/"+f))
		if code != 1 || stderr != "" {
			t.Errorf("%s: exit %d stderr %q, want 1 and nothing", f, code, stderr)
		}
		if n := strings.Count(stdout, "term-substituted"); n != 9 {
			t.Errorf("%s: %d term-substituted, want 9:\n%s", f, n, stdout)
		}
		if n := strings.Count(stdout, "number-mismatch"); n != 1 {
			t.Errorf("%s: %d number-mismatch, want 1 (the symbol):\n%s", f, n, stdout)
		}
		// Positions point into the file: the title unit's target.
		if !strings.Contains(stdout, f+":") {
			t.Errorf("%s: findings do not name the file:\n%s", f, stdout)
		}
		if f == "founding.tmx" {
			// 合作共赢 inside <hi> on line 46, and on line 113 after a
			// <bpt>&lt;b&gt;</bpt>…<ept> pair: columns counted by hand
			// in the file, tags included.
			for _, at := range []string{"founding.tmx:46:74: error term-substituted", "founding.tmx:113:113: error term-substituted"} {
				if !strings.Contains(stdout, at) {
					t.Errorf("%s: no finding at %s:\n%s", f, at, stdout)
				}
			}
		}
	}
	// A missing file is named as missing, not as "not a TMX".
	code, _, stderr := runCmd(t, "check", filepath.Join(t.TempDir(), "nothing.tmx"))
	if code != 2 || !strings.Contains(stderr, "no such file") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("missing TMX: exit %d stderr %q", code, stderr)
	}
	// A text file without --voted is a usage error.
	code, _, stderr = runCmd(t, "check", founding("RES.zh.txt"))
	if code != 2 || !strings.Contains(stderr, "--voted") {
		t.Errorf("text without --voted: exit %d stderr %q", code, stderr)
	}
	// The OmegaT memory (3,294 en→zh units of software text) reads and
	// checks; its findings are its own, the test asks only that it runs.
	if dir, ok := corpus.SharedDir(); ok {
		code, stdout, stderr := runCmd(t, "check", "--format", "json", filepath.Join(dir, "formats/omegat-en-zh-cn/project_save.tmx"))
		if code == 2 || stderr != "" || !strings.Contains(stdout, `"lang": "zh"`) {
			t.Errorf("OmegaT TMX: exit %d stderr %q", code, stderr)
		}
	}
}

// TestLexiconTBX reads a TBX term base with --lexicon and converts it with
// lexicon import; the two concepts of the fixture find the founding drift.
func TestLexiconTBX(t *testing.T) {
	tbx := formats("bitext/cooperation-v3.tbx")
	code, stdout, _ := runCmd(t, "check", "--no-default-lexicon", "--lexicon", tbx, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 1 || !strings.Contains(stdout, "9 finding(s)") {
		t.Errorf("--lexicon TBX: exit %d\n%s", code, stdout)
	}
	out := filepath.Join(t.TempDir(), "terms.tsv")
	code, _, stderr := runCmd(t, "lexicon", "import", tbx, "-o", out)
	if code != 0 || !strings.Contains(stderr, "2 concepts") {
		t.Fatalf("import: exit %d stderr %q", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "id\tgroup\t") || !strings.Contains(string(data), "win-win-cooperation\tcooperation-framing\twin-win cooperation\t合作共赢") {
		t.Errorf("imported lexicon:\n%s", data)
	}
	// The imported file is a valid native lexicon.
	code, stdout, stderr = runCmd(t, "lexicon", "check", out)
	if code != 0 {
		t.Errorf("lexicon check of the import: exit %d %s %s", code, stdout, stderr)
	}
	// A TBX that is not well-formed: one line naming the file, exit 2.
	bad := filepath.Join(t.TempDir(), "bad.tbx")
	os.WriteFile(bad, []byte("<?xml version=\"1.0\"?><martif type=\"TBX\"><text><body><termEntry>"), 0o644)
	code, _, stderr = runCmd(t, "lexicon", "import", bad)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "bad.tbx") {
		t.Errorf("truncated TBX: exit %d stderr %q", code, stderr)
	}
}

// TestEncodingFlag names the encoding of a legacy file, and refuses a wrong
// one with the byte offset.
func TestEncodingFlag(t *testing.T) {
	gb := formats("encodings/RES.zh.gb18030.txt")
	code, stdout, _ := runCmd(t, "check", "--encoding", "gb18030", "--voted", founding("L36.en.txt"), "zh="+gb)
	if code != 1 || !strings.Contains(stdout, "9 finding(s)") {
		t.Errorf("--encoding gb18030: exit %d\n%s", code, stdout)
	}
	// A file that does not decode in the named encoding: the offset of
	// the first bad byte. The Windows-1256 Arabic excerpt is not Big5.
	ar := formats("encodings/RES.excerpt.ar.cp1256.txt")
	code, _, stderr := runCmd(t, "check", "--encoding", "big5", "--voted", founding("L36.excerpt.en.txt"), "ar="+ar)
	if code != 2 || !strings.Contains(stderr, "not Big5 at byte") || !strings.Contains(stderr, "cp1256.txt") {
		t.Errorf("--encoding big5 on Windows-1256: exit %d stderr %q", code, stderr)
	}
	code, _, stderr = runCmd(t, "check", "--encoding", "latin-9", "--voted", founding("L36.en.txt"), gb)
	if code != 2 || !strings.Contains(stderr, "--encoding") {
		t.Errorf("unknown encoding: exit %d stderr %q", code, stderr)
	}
}

// TestWordOriginal reads a DOCX with tracked changes both ways.
func TestWordOriginal(t *testing.T) {
	f := formats("docx/tracked.docx")
	_, accepted, _ := runCmd(t, "segment", "zh="+f)
	_, original, _ := runCmd(t, "segment", "--original", "zh="+f)
	if !strings.Contains(accepted, "互利合作") || strings.Contains(accepted, "合作共赢") {
		t.Errorf("accepted view:\n%s", accepted)
	}
	if !strings.Contains(original, "合作共赢") || strings.Contains(original, "互利合作") {
		t.Errorf("original view:\n%s", original)
	}
}

// TestSharedPDFs: the image-only scan is refused with the OCR message; the
// other two read.
func TestSharedPDFs(t *testing.T) {
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skipf("../shared not found (%s): the real PDFs are not checked", dir)
	}
	scan := filepath.Join(dir, "pdfs/1971-10-25_GA_Resolution_2758_ru.pdf")
	code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), scan)
	if code != 2 || strings.Count(stderr, "\n") != 1 ||
		!strings.Contains(stderr, "no text layer") || !strings.Contains(stderr, "OCR") || !strings.Contains(stderr, "2758_ru.pdf") {
		t.Errorf("image-only PDF: exit %d stderr %q", code, stderr)
	}
	for _, p := range []string{"pdfs/1971-09-29_A_L.632-EN.pdf", "pdfs/huridocs_chinese.pdf"} {
		code, stdout, stderr := runCmd(t, "segment", filepath.Join(dir, p))
		if code != 0 || stderr != "" || len(stdout) < 200 {
			t.Errorf("%s: exit %d stderr %q, %d bytes of segments", p, code, stderr, len(stdout))
		}
	}
}

// TestLexiconImportGlossary converts the OmegaT glossary of ../shared.
func TestLexiconImportGlossary(t *testing.T) {
	dir, ok := corpus.SharedDir()
	if !ok {
		t.Skipf("../shared not found (%s)", dir)
	}
	g := filepath.Join(dir, "formats/omegat-en-zh-cn/glossary_omegat.txt")
	code, stdout, stderr := runCmd(t, "lexicon", "import", "--from", "en", "--to", "zh", g)
	if code != 0 || !strings.Contains(stderr, "383 concepts") || !strings.Contains(stdout, "\ttranslation memory\t翻译记忆\t") {
		t.Errorf("glossary import: exit %d stderr %q", code, stderr)
	}
	code, _, stderr = runCmd(t, "lexicon", "import", g)
	if code != 2 || !strings.Contains(stderr, "--from LANG --to LANG") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("glossary without --from/--to: exit %d stderr %q", code, stderr)
	}
}

// TestLanguageAndSymbolFromContent: files whose names say nothing get their
// language from the text (or the language the file declares) and their
// symbol from the first page.
func TestLanguageAndSymbolFromContent(t *testing.T) {
	dir := t.TempDir()
	copyTo := func(src, name string) string {
		data, err := os.ReadFile(formats(src))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf := copyTo("pdf/RES.zh.pdf", "final.pdf")
	docx := copyTo("docx/RES.excerpt.ar.docx", "doc1.docx")
	html := copyTo("html/RES.excerpt.ru.html", "page.html")
	code, stdout, stderr := runCmd(t, "check", "--format", "json", "--voted", founding("L36.en.txt"), pdf)
	if code != 1 || stderr != "" || !strings.Contains(stdout, `"lang": "zh",
      "symbol": "A/HRC/RES/37/23"`) {
		t.Errorf("final.pdf: exit %d stderr %q\n%.600s", code, stderr, stdout)
	}
	code, stdout, _ = runCmd(t, "check", "--voted", founding("L36.excerpt.en.txt"), docx, html)
	if code != 1 || !strings.Contains(stdout, "doc1.docx [ar]") || !strings.Contains(stdout, "page.html [ru]") {
		t.Errorf("doc1.docx, page.html: exit %d\n%.300s", code, stdout)
	}
}

// TestPDFPages: findings in a PDF give the page (read off the fixture with
// pdftotext: the operative paragraphs of RES.zh.pdf are on page 2, the
// title on page 1).
func TestPDFPages(t *testing.T) {
	pdf := formats("pdf/RES.zh.pdf")
	_, stdout, _ := runCmd(t, "check", "--format", "line", "--voted", formats("pdf/L36.en.pdf"), pdf)
	for _, want := range []string{pdf + ": page 1, title: error term-substituted", pdf + ": page 2, OP4: error term-substituted"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("line report lacks %q:\n%s", want, stdout)
		}
	}
	_, stdout, _ = runCmd(t, "check", "--format", "json", "--voted", founding("L36.en.txt"), pdf)
	if !strings.Contains(stdout, `"page": 2`) {
		t.Errorf("JSON report has no page:\n%.400s", stdout)
	}
}

// TestDamagedPDF: a PDF whose cross-reference table PDFium had to rebuild
// is an error that names --allow-damaged; with it, the file is read and
// the damage is a warning on stderr and at the top of the report (issue
// 16, defect 12).
func TestDamagedPDF(t *testing.T) {
	data := readTestdata(t, "formats/pdf/L36.zh.pdf")
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		t.Fatal("no startxref")
	}
	j := i + len("startxref")
	for j < len(data) && (data[j] == '\n' || data[j] == '\r' || data[j] == ' ') {
		j++
	}
	k := j
	for k < len(data) && data[k] >= '0' && data[k] <= '9' {
		data[k] = '0' // the table is not where the file says
		k++
	}
	damaged := filepath.Join(t.TempDir(), "damaged.zh.pdf")
	if err := os.WriteFile(damaged, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), damaged)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "damaged.zh.pdf") || !strings.Contains(stderr, "--allow-damaged") {
		t.Errorf("damaged PDF: exit %d, stderr %q; want exit 2 and one line naming the file and --allow-damaged", code, stderr)
	}
	code, stdout, stderr := runCmd(t, "check", "--allow-damaged", "-f", "json", "--voted", founding("L36.en.txt"), damaged)
	if code == 2 || !strings.Contains(stderr, "warning:") {
		t.Fatalf("--allow-damaged: exit %d, stderr %q", code, stderr)
	}
	var r struct {
		Warnings []string
		Finals   []struct{ Path string }
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "damaged") || len(r.Finals) != 1 {
		t.Errorf("--allow-damaged report: warnings %q finals %v (%v)", r.Warnings, r.Finals, err)
	}
}
