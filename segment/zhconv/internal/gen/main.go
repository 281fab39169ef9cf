// Command gen writes the conversion tables of package zhconv from OpenCC's
// dictionaries, as github.com/longbridgeapp/opencc (a Go port of OpenCC
// that ships them) holds them, at build time (go generate): nothing is read
// from the module cache or the network at run time.
//
// It reads the module's directory from `go mod download -json`, so the
// first run needs the module proxy (or a module cache that has it), and
// writes "key candidates" a line, candidates separated by spaces (the first
// is the conversion; the others tell which characters one script shares with
// the other), the last entry of a repeated key as the port's dictionary
// loader keeps it:
//
//   - ts_chars.txt, ts_phrases.txt: TSCharacters and TSPhrases
//     (traditional to simplified), only the entries whose every character
//     is Han and maps to a Han character of the same UTF-8 length, so that
//     converted text keeps every byte offset of the original (the others,
//     characters of the supplementary planes whose simplified form has
//     another length, are counted and left unconverted);
//   - st_chars.txt, st_phrases.txt: STCharacters and STPhrases (simplified
//     to traditional), whole.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const module = "github.com/longbridgeapp/opencc@v0.3.13"

func main() {
	dir := moduleDir()
	ts := read(dir, "TSCharacters.txt")
	tsp := read(dir, "TSPhrases.txt")
	st := read(dir, "STCharacters.txt")
	stp := read(dir, "STPhrases.txt")
	for _, c := range []struct {
		name string
		m    map[string][]string
		keep bool // every entry, or only those that keep offsets
	}{{"ts_chars.txt", ts, false}, {"ts_phrases.txt", tsp, false}, {"st_chars.txt", st, true}, {"st_phrases.txt", stp, true}} {
		var keys []string
		dropped := 0
		for k, v := range c.m {
			if !c.keep && !sameShape(k, v[0]) {
				dropped++
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b bytes.Buffer
		for _, k := range keys {
			fmt.Fprintf(&b, "%s %s\n", k, strings.Join(c.m[k], " "))
		}
		if err := os.WriteFile(c.name, b.Bytes(), 0o644); err != nil {
			fail(err)
		}
		fmt.Printf("%s: %d entries written, %d left out (not the same length in UTF-8, or not Han)\n", c.name, len(keys), dropped)
	}
}

// read parses an OpenCC dictionary as the port's loader (github.com/liuzl/da)
// does: a trimmed line, fields separated by a tab, the candidates of a
// single second field separated by spaces; a key given twice keeps its last
// entry.
func read(dir, name string) map[string][]string {
	f, err := os.Open(filepath.Join(dir, "dictionary", name))
	if err != nil {
		fail(err)
	}
	defer f.Close()
	m := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		items := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(items) < 2 {
			continue
		}
		vals := items[1:]
		if len(items) == 2 {
			vals = strings.Fields(items[1])
		}
		if len(vals) == 0 || items[0] == "" {
			continue
		}
		m[items[0]] = vals
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
	return m
}

// sameShape reports whether k and v have the same number of characters,
// all Han, each of the same UTF-8 length as its counterpart.
func sameShape(k, v string) bool {
	if utf8.RuneCountInString(k) != utf8.RuneCountInString(v) {
		return false
	}
	for k != "" {
		a, n := utf8.DecodeRuneInString(k)
		b, m := utf8.DecodeRuneInString(v)
		if n != m || !isHan(a) || !isHan(b) {
			return false
		}
		k, v = k[n:], v[m:]
	}
	return true
}

// isHan is zhdict.IsHan: the characters of a run of Han text as the
// segmenter cuts it.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) || r == '〇' }

func moduleDir() string {
	out, err := exec.Command("go", "mod", "download", "-json", module).Output()
	if err != nil {
		fail(fmt.Errorf("go mod download %s: %v", module, err))
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		fail(fmt.Errorf("go mod download %s: no directory in %q", module, out))
	}
	return info.Dir
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
