package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), append([]string{"driftcheck"}, args...), strings.NewReader(""), &o, &e)
	return code, o.String(), e.String()
}

func founding(name string) string { return filepath.Join("..", "..", "testdata", "founding", name) }

func readTestdata(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", p))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// zipBomb returns a DOCX-shaped zip whose document part declares 1 TiB of
// XML: refused from its header, without inflating anything.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CompressedSize64: 4, UncompressedSize64: 1 << 40, CRC32: 0})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{0x03, 0x00, 0x00, 0x00})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func utf16File(s string, little bool) []byte {
	u := utf16.Encode([]rune(s))
	out := []byte{0xFE, 0xFF}
	if little {
		out = []byte{0xFF, 0xFE}
	}
	for _, c := range u {
		if little {
			out = append(out, byte(c), byte(c>>8))
		} else {
			out = append(out, byte(c>>8), byte(c))
		}
	}
	return out
}

// TestBadInput: every unreadable final gives one line on stderr naming the
// file and the problem, exit status 2, and no panic; the input is not
// modified.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	res, err := os.ReadFile(founding("RES.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		desc    string
		name    string
		data    []byte
		wantErr string // substring of the stderr line
	}{
		{"empty file", "empty.zh.txt", nil, "empty: no text"},
		{"only white space", "blank.zh.txt", []byte(" \n\t\n\u3000\n"), "empty: no text"}, // U+3000 IDEOGRAPHIC SPACE
		// UTF-8 with one stray byte: 15 bytes of symbol and blank line,
		// then 11 Han characters of 3 bytes each.
		{"invalid UTF-8 (a stray byte)", "stray.zh.txt", []byte("A/HRC/37/L.36\n\n促进人权领域的合作共赢\xff。\n"), "not UTF-8 at byte 48"},
		{"NUL bytes (binary)", "bin.zh.txt", []byte("abc\x00def"), "binary data"},
		{"truncated UTF-16", "odd.zh.txt", append(utf16File("合作共赢", true), 0x41), "odd number of bytes"},
		{"no letters at all", "digits.txt", []byte("1234\n\n5678\n"), "cannot tell the language"},
		{"a truncated PDF", "res.zh.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "corrupt"},
		{"a zip that is not DOCX", "res.zh.txt", []byte("PK\x03\x04\x14\x00\x06\x00"), "zip"},
		{"a truncated DOCX", "res.zh.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), "corrupt"},
		{"a .doc that is not one", "res.zh.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), "corrupt"},
		{"an RTF file", "res.zh.txt", []byte("{\\rtf1\\ansi hello}"), "RTF"},
		{"a TMX named so, not XML", "memory.zh.tmx", []byte("plain words in a file named .tmx"), "TMX"},
		{"a TMX as a final", "res.zh.txt", []byte("<?xml version=\"1.0\"?><tmx version=\"1.4\"></tmx>"), "translation pairs"},
		{"an HTML page with no text", "res.zh.html", []byte("<html><body><script>x()</script></body></html>"), "empty"},
		{"a password-protected PDF", "res.zh.pdf", readTestdata(t, "formats/pdf/encrypted.pdf"), "password-protected"},
		{"a zip bomb posing as DOCX", "res.zh.docx", zipBomb(t), "safety limit"},
		{"an empty DOCX", "res.zh.docx", nil, "empty"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), p)
			if code != 2 {
				t.Errorf("%s: exit %d, want 2; stderr %+q", c.desc, code, stderr)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], p) || !strings.Contains(lines[0], c.wantErr) {
				t.Errorf("%s: stderr %+q, want one line naming %s and %q", c.desc, stderr, p, c.wantErr)
			}
			after, _ := os.ReadFile(p)
			if !bytes.Equal(after, c.data) {
				t.Errorf("%s: input file was modified", c.desc)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), filepath.Join(dir, "nope.zh.txt"))
		if code != 2 || !strings.Contains(stderr, "nope.zh.txt") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("exit %d stderr %+q, want 2 and one line naming nope.zh.txt", code, stderr)
		}
	})
	t.Run("directory", func(t *testing.T) {
		code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), "zh="+dir)
		if code != 2 || !strings.Contains(stderr, dir) {
			t.Errorf("exit %d stderr %+q, want 2 naming %s", code, stderr, dir)
		}
	})
	t.Run("unreadable voted", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, "check", "--voted", filepath.Join(dir, "empty.zh.txt"), founding("RES.zh.txt"))
		if code != 2 || stdout != "" || !strings.Contains(stderr, "empty.zh.txt") {
			t.Errorf("exit %d stdout %+q stderr %+q, want 2, no report, the voted file named", code, stdout, stderr)
		}
	})
	t.Run("unreadable final, the only one", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), filepath.Join(dir, "empty.zh.txt"))
		if code != 2 || stdout != "" || !strings.Contains(stderr, "empty.zh.txt") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("exit %d stdout %+q stderr %+q, want 2, no report, one line naming the final", code, stdout, stderr)
		}
	})
	t.Run("bad final beside a good one", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), filepath.Join(dir, "empty.zh.txt"), founding("RES.zh.txt"))
		if code != 2 {
			t.Errorf("exit %d, want 2 (an input error outranks findings)", code)
		}
		if !strings.Contains(stdout, "9 finding(s)") || !strings.Contains(stderr, "empty.zh.txt") {
			t.Errorf("the good final must still be checked: stdout %+q stderr %+q", stdout, stderr)
		}
	})
	for _, little := range []bool{true, false} {
		t.Run("UTF-16 with BOM is read", func(t *testing.T) {
			p := filepath.Join(dir, "res16.zh.txt")
			if err := os.WriteFile(p, utf16File(string(res), little), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), p)
			if code != 1 || !strings.Contains(stdout, "9 finding(s): 9 error") {
				t.Errorf("little=%v: exit %d, stdout tail %+q, stderr %+q; want 1 and the 9 substitutions", little, code, tail(stdout), stderr)
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return s[len(s)-200:]
	}
	return s
}

// TestOutputAtomic: --output writes the whole report and leaves no
// temporary file; a failing run leaves an earlier report untouched.
func TestOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	code, stdout, stderr := runCmd(t, "check", "--format", "json", "--output", out, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d stdout %+q stderr %+q, want 1 and nothing on stdout", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Findings []struct {
			Kind      string `json:"kind"`
			FinalTerm string `json:"final_term"`
			Voted     struct {
				Para *string `json:"para"`
			} `json:"voted"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	var paras []string
	for _, f := range rep.Findings {
		if f.Kind != "term-substituted" || f.FinalTerm != "合作共赢" || f.Voted.Para == nil {
			t.Errorf("unexpected finding %+v", f)
			continue
		}
		paras = append(paras, *f.Voted.Para)
	}
	want := "title PP8 PP12 PP13 PP15 OP1 OP2 OP4 OP5"
	if got := strings.Join(paras, " "); got != want {
		t.Errorf("substituted paragraphs %q, want %q", got, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("output dir holds %d entries, want only report.json", len(entries))
	}
	// A usage error must not touch the existing report.
	code, _, _ = runCmd(t, "check", "--format", "yaml", "--output", out, "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	after, _ := os.ReadFile(out)
	if code != 2 || !bytes.Equal(after, data) {
		t.Errorf("exit %d; report changed by a failed run: %v", code, !bytes.Equal(after, data))
	}
}

// TestNoColor: colour only when asked or on a terminal, never with NO_COLOR.
func TestNoColor(t *testing.T) {
	_, stdout, _ := runCmd(t, "check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if strings.Contains(stdout, "\x1b[") {
		t.Errorf("colour written to a non-terminal")
	}
	_, stdout, _ = runCmd(t, "check", "--color", "always", "--voted", founding("L36.en.txt"), founding("RES.zh.txt"))
	if !strings.Contains(stdout, "\x1b[31m") {
		t.Errorf("--color always wrote no colour")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor("auto", true) {
		t.Errorf("NO_COLOR set but auto colour on a terminal")
	}
}

// TestUnknownLanguage: an unknown language code is an error naming the
// accepted codes (with a hint for a common mistake), never a check with
// the lexicon silently off (issue 16, defect 1).
func TestUnknownLanguage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--voted", founding("L36.en.txt"), "cn=" + founding("RES.zh.txt")}, `unknown language code "cn" (accepted: ar, zh, en, fr, ru, es`},
		{[]string{"check", "--voted", founding("L36.en.txt"), "ch=" + founding("RES.zh.txt")}, `did you mean "zh"?`},
		{[]string{"check", "--voted", founding("L36.en.txt"), "zz=" + founding("RES.zh.txt")}, `unknown language code "zz"`},
		{[]string{"check", "--voted", "xx=" + founding("L36.en.txt"), founding("RES.zh.txt")}, `unknown language code "xx"`},
		{[]string{"align", "cn=" + founding("RES.zh.txt"), founding("L36.en.txt")}, `unknown language code "cn"`},
		{[]string{"segment", "zz=" + founding("RES.zh.txt")}, `unknown language code "zz"`},
	} {
		code, stdout, stderr := runCmd(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, stderr, c.want)
		}
		if strings.Contains(stdout, "finding") {
			t.Errorf("%q: a report was written: %q", c.args, stdout)
		}
	}
}

// TestLanguageMismatch: a known code on a text in another script is an
// error, or with --lang-mismatch=warn a warning and a check as declared.
func TestLanguageMismatch(t *testing.T) {
	args := []string{"check", "--voted", founding("L36.en.txt"), "en=" + founding("RES.zh.txt")}
	code, _, stderr := runCmd(t, args...)
	if code != 2 || !strings.Contains(stderr, `declared "en"`) || !strings.Contains(stderr, "Chinese (Han)") || !strings.Contains(stderr, "RES.zh.txt") {
		t.Errorf("en= on a Chinese text: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := runCmd(t, append([]string{"check", "--lang-mismatch=warn"}, args[1:]...)...)
	if code == 2 || !strings.Contains(stderr, "warning:") || !strings.Contains(stdout, "finding") {
		t.Errorf("--lang-mismatch=warn: exit %d, stderr %q, stdout %.200q", code, stderr, stdout)
	}
	if code, _, stderr := runCmd(t, append([]string{"check", "--lang-mismatch=maybe"}, args[1:]...)...); code != 2 || !strings.Contains(stderr, `--lang-mismatch: unknown value "maybe"`) {
		t.Errorf("--lang-mismatch=maybe: exit %d, stderr %q", code, stderr)
	}
	// The right declaration, and Chinese named zh-CN, pass.
	if code, _, stderr := runCmd(t, "check", "--voted", founding("L36.en.txt"), "zh-CN="+founding("RES.zh.txt")); code == 2 {
		t.Errorf("zh-CN=: exit 2: %s", stderr)
	}
}

// mknodChar makes a private character device (1,3 is null, 1,7 full) in
// dir, or skips the test: no test writes to the machine's own devices.
func mknodChar(t *testing.T, dir, name string, minor int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
		t.Skipf("cannot make a device node here (%v)", err)
	}
	return p
}

// TestStdoutWriteError: a report that cannot be written to standard output
// (a full disk) is exit 2 with one line, never exit 0 (issue 16, defect 2).
func TestStdoutWriteError(t *testing.T) {
	full := mknodChar(t, t.TempDir(), "full", 7)
	for _, args := range [][]string{
		{"segment", founding("L36.en.txt")},
		{"check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt")},
		{"align", founding("L36.en.txt"), founding("RES.zh.txt")},
		{"lexicon", "list"},
	} {
		f, err := os.OpenFile(full, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		var e bytes.Buffer
		code := run(context.Background(), append([]string{"driftcheck"}, args...), strings.NewReader(""), f, &e)
		f.Close()
		if code != 2 || strings.Count(e.String(), "\n") != 1 || !strings.Contains(e.String(), "no space left on device") {
			t.Errorf("%q > full device: exit %d, stderr %q; want exit 2 and one line", args, code, e.String())
		}
	}
}

// TestOutputIntoDevicesAndLinks: -o and --write-baseline write into a
// device and through a symbolic link, and keep a file's mode, instead of
// renaming a new file over them (issue 16, defect 2).
func TestOutputIntoDevicesAndLinks(t *testing.T) {
	dir := t.TempDir()
	null := mknodChar(t, dir, "null", 3)
	check := []string{"check", "--voted", founding("L36.en.txt"), founding("RES.zh.txt")}
	if code, _, stderr := runCmd(t, append(check, "-o", null, "--write-baseline", null)...); code == 2 {
		t.Fatalf("-o device: exit 2: %s", stderr)
	}
	if info, err := os.Stat(null); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device became %v (%v)", info.Mode(), err)
	}
	real := filepath.Join(dir, "report.json")
	os.WriteFile(real, nil, 0o600)
	os.Chmod(real, 0o600)
	link := filepath.Join(dir, "latest.json")
	os.Symlink("report.json", link)
	if code, _, stderr := runCmd(t, append(check, "-f", "json", "-o", link)...); code == 2 {
		t.Fatalf("-o link: exit 2: %s", stderr)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	info, _ := os.Stat(real)
	if data, _ := os.ReadFile(real); !json.Valid(data) || len(data) == 0 || info.Mode().Perm() != 0o600 {
		t.Errorf("the link's target: %d bytes, mode %v; want the JSON report, mode 0600", len(data), info.Mode().Perm())
	}
}

// TestUsageErrorIsOneLine: a mistyped flag is one line on standard error
// with a hint, not the help page on standard output (issue 16, defect 13).
func TestUsageErrorIsOneLine(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--vote", "x", "y"}, `check: flag provided but not defined: -vote (did you mean --voted? see driftcheck check --help)`},
		{[]string{"--bogus"}, `flag provided but not defined: -bogus (see driftcheck --help)`},
		{[]string{"lexicon", "import", "--fro", "x"}, `did you mean --from? see driftcheck lexicon import --help`},
		{[]string{"batch", "--shard"}, `batch: flag needs an argument: -shard (see driftcheck batch --help)`},
	} {
		code, stdout, stderr := runCmd(t, c.args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "driftcheck driftcheck") {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q; want exit 2, nothing on stdout, one line with %q", c.args, code, len(stdout), stderr, c.want)
		}
	}
	if d := editDistance("vote", "voted"); d != 1 {
		t.Errorf("editDistance(vote, voted) = %d", d)
	}
}

// TestFIFOInput: a FIFO nobody writes to, named as any input, is refused
// with one line instead of hanging the run (issue 16, defect 9).
func TestFIFOInput(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "in.en.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{
		{"segment", fifo},
		{"check", "--voted", fifo, founding("RES.zh.txt")},
		{"check", "--voted", founding("L36.en.txt"), "--lexicon", fifo, founding("RES.zh.txt")},
		{"check", "--voted", founding("L36.en.txt"), "--baseline", fifo, founding("RES.zh.txt")},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			code, _, stderr = runCmd(t, args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(60 * time.Second): // a guard against a hang, not a timing
			t.Fatalf("%q: hung on the FIFO", args)
		}
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "in.en.txt") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line naming the FIFO", args, code, stderr)
		}
	}
}

// TestBinaryLexiconAndBaselineDirectory: a lexicon or glossary with a NUL
// byte is refused before it reaches the Chinese dictionary (where it
// panicked), and a baseline that is a directory is named in its error.
func TestBinaryLexiconAndBaselineDirectory(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "bin.tsv")
	os.WriteFile(lex, []byte("id\ten\tzh\nx\tfoo\tb\x00ar\n"), 0o644)
	gloss := filepath.Join(dir, "gloss.tsv")
	os.WriteFile(gloss, []byte("foo\tb\x00ar\n"), 0o644)
	base := filepath.Join(dir, "base.json")
	os.Mkdir(base, 0o755)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"align", "--lexicon", lex, founding("L36.en.txt"), founding("RES.zh.txt")}, "bin.tsv: not a text file (a NUL byte"},
		{[]string{"lexicon", "check", lex}, "bin.tsv: not a text file"},
		{[]string{"lexicon", "import", "--from", "en", "--to", "zh", "-o", filepath.Join(dir, "out.tsv"), gloss}, "gloss.tsv: not a text file"},
		{[]string{"check", "--baseline", base, "--voted", founding("L36.en.txt"), founding("RES.zh.txt")}, "base.json: is a directory"},
	} {
		code, _, stderr := runCmd(t, c.args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.tsv")); err == nil {
		t.Error("lexicon import wrote a lexicon from a binary glossary")
	}
}
