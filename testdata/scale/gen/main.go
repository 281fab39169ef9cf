// Command gen writes a large voted English document and its finals in
// Chinese and French, built from the UNPC devset (../shared/corpora) by
// package scale, for timing whole checks at scale:
//
//	go run ./testdata/scale/gen -n 20000 -o /tmp/scale
//	driftcheck check --voted /tmp/scale/V.en.txt /tmp/scale/F.zh.txt
//
// The files are not committed.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/driftcheck/driftcheck/internal/corpus"
	"github.com/driftcheck/driftcheck/testdata/scale"
)

func main() {
	n := flag.Int("n", 20000, "paragraphs of the voted text")
	seed := flag.Uint64("seed", 1, "seed of the shuffle and of the edits")
	maxLen := flag.Int("maxlen", 0, "take only devset lines of at most this many bytes in each language (0: any); 200,000 paragraphs need about 120")
	out := flag.String("o", "", "directory to write V.en.txt, F.zh.txt and F.fr.txt in (required)")
	flag.Parse()
	if *out == "" {
		log.Fatal("gen: -o DIR is required")
	}
	shared, ok := corpus.SharedDir()
	if !ok {
		log.Fatal("gen: ../shared is absent: this tool needs ../shared/corpora/unpc-v1.0-devset")
	}
	docs, err := corpus.UNPCDevset(filepath.Join(shared, "corpora", "unpc-v1.0-devset"))
	if err != nil {
		log.Fatal(err)
	}
	t := scale.Generate(docs, *n, *seed, *maxLen)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for name, s := range map[string]string{"V.en.txt": t.En, "F.zh.txt": t.Zh, "F.fr.txt": t.Fr} {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(s), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%d voted paragraphs, %d final; edits: %v\n", t.Voted, t.Final, t.Edits)
}
