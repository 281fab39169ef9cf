package bitext_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/driftcheck/driftcheck/bitext"
)

// BenchmarkReadOneLine reads a TMX of n units written on one line, at two
// sizes ten times apart. The column of each token was counted from the
// start of its line, so the work grew with the square of the line.
func BenchmarkReadOneLine(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			var s strings.Builder
			s.WriteString(`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="bench" creationtoolversion="1" o-tmf="bench"/><body>`)
			for i := range n {
				fmt.Fprintf(&s, `<tu tuid="%d"><tuv xml:lang="en"><seg>The Council decides to promote <g id="1">cooperation</g> in item %d.</seg></tuv>`, i+1, i)
				fmt.Fprintf(&s, `<tuv xml:lang="zh"><seg>理事会决定促进<g id="1">合作</g>，第%d项。</seg></tuv></tu>`, i)
			}
			s.WriteString("</body></tmx>")
			data := []byte(s.String())
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				f, err := bitext.Read(data, bitext.Options{MaxUnits: 2 * n})
				if err != nil {
					b.Fatal(err)
				}
				if len(f.Units) != n {
					b.Fatalf("%d units, want %d", len(f.Units), n)
				}
			}
		})
	}
}
