// Package zhdict ships the Chinese word list used by the segmenter inside the
// binary, so nothing is read from the module cache or the network at run time.
//
// s_1.txt.gz is gse's simplified-Chinese dictionary (github.com/go-ego/gse
// v0.80.3, data/dict/zh/s_1.txt, Apache-2.0, see LICENSE.gse) reduced to
// "word frequency" lines with frequency >= 2 (the entries gse itself keeps)
// and gzip-compressed.
package zhdict

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed s_1.txt.gz
var simplified []byte

// Entry is one dictionary word with its corpus frequency.
type Entry struct {
	Word string
	Freq float64
}

// Each calls fn for every entry of the embedded dictionary, in file order.
func Each(fn func(word string, freq float64)) error {
	zr, err := gzip.NewReader(bytes.NewReader(simplified))
	if err != nil {
		return fmt.Errorf("zhdict: %w", err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		w, f, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			return fmt.Errorf("zhdict: line %d: no frequency", line)
		}
		freq, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return fmt.Errorf("zhdict: line %d: %w", line, err)
		}
		fn(w, freq)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("zhdict: %w", err)
	}
	return nil
}
