// Package corpus reads the test corpora kept beside the project in
// ../shared/corpora, for tests, benchmarks and evaluation. It is not used by
// the command.
package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// SharedDir returns the ../shared directory beside the module root, and
// whether it exists.
func SharedDir() (string, bool) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir := filepath.Join(root, "..", "shared")
	st, err := os.Stat(dir)
	return dir, err == nil && st.IsDir()
}

// Doc is one document of the UNPC devset: the devset lines carrying its
// symbol, in corpus order, per language.
type Doc struct {
	Symbol string
	Lines  map[string][]string
}

// Langs are the devset's languages.
var Langs = []string{"ar", "en", "es", "fr", "ru", "zh"}

// UNPCDevset reads the UN Parallel Corpus v1.0 development set from dir
// (../shared/corpora/unpc-v1.0-devset) and groups its lines into documents
// by the symbol in the .ids file, in order of first appearance.
func UNPCDevset(dir string) ([]*Doc, error) {
	read := func(ext string) ([]string, error) {
		f, err := os.Open(filepath.Join(dir, "UNv1.0.devset."+ext))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		return out, sc.Err()
	}
	ids, err := read("ids")
	if err != nil {
		return nil, err
	}
	lines := map[string][]string{}
	for _, l := range Langs {
		if lines[l], err = read(l); err != nil {
			return nil, err
		}
		if len(lines[l]) != len(ids) {
			return nil, fmt.Errorf("devset: %s has %d lines, ids %d", l, len(lines[l]), len(ids))
		}
	}
	var docs []*Doc
	by := map[string]*Doc{}
	for i, id := range ids {
		sym, _, _ := strings.Cut(id, " ")
		d := by[sym]
		if d == nil {
			d = &Doc{Symbol: sym, Lines: map[string][]string{}}
			by[sym] = d
			docs = append(docs, d)
		}
		for _, l := range Langs {
			d.Lines[l] = append(d.Lines[l], lines[l][i])
		}
	}
	return docs, nil
}

// DevsetOrSkip returns the UNPC devset documents, or skips tb with a clear
// message when ../shared is absent.
func DevsetOrSkip(tb testing.TB) []*Doc {
	tb.Helper()
	shared, ok := SharedDir()
	if !ok {
		tb.Skip("../shared is absent: this test needs ../shared/corpora/unpc-v1.0-devset")
	}
	docs, err := UNPCDevset(filepath.Join(shared, "corpora", "unpc-v1.0-devset"))
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// FileName returns the ODS-style file name of a devset document in lang:
// the symbol with "/" made "_", then "-" and the language in capitals.
func FileName(symbol, lang string) string {
	return strings.ReplaceAll(symbol, "/", "_") + "-" + strings.ToUpper(lang) + ".txt"
}

// WriteArchive writes every document of docs in every language as a file
// of dir, one paragraph per line, and returns how many files it wrote.
// Every broken-th file (0: none) is written unreadable: invalid UTF-8.
func WriteArchive(dir string, docs []*Doc, broken int) (int, error) {
	n := 0
	for _, d := range docs {
		for _, l := range Langs {
			n++
			data := []byte(strings.Join(d.Lines[l], "\n") + "\n")
			if broken > 0 && n%broken == 0 {
				data = []byte("\xff\xfe\xfd not text\n")
				data[0], data[1] = 0xC3, 0x28 // an invalid UTF-8 sequence, no byte-order mark
			}
			if err := os.WriteFile(filepath.Join(dir, FileName(d.Symbol, l)), data, 0o644); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}
