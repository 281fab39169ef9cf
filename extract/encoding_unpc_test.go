package extract

import (
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// encodeLossy encodes s with e, leaving out the characters e cannot encode
// (Big5 has no simplified-only characters).
// It returns the encoding and the text it encodes.
func encodeLossy(e encoding.Encoding, s string) ([]byte, string) {
	enc := e.NewEncoder()
	var out []byte
	var kept strings.Builder
	for _, r := range s {
		b, err := enc.Bytes([]byte(string(r)))
		if err != nil {
			continue
		}
		out = append(out, b...)
		kept.WriteRune(r)
	}
	return out, kept.String()
}

// TestDetectUNPC measures detection on the UNPC development set: every
// three lines of a language, converted to an encoding, must be detected
// as that encoding (ASCII-only pieces as UTF-8) and decode back to the
// text. French and Spanish in Windows-1252, an encoding Detect does not
// know, must not be taken for another.
func TestDetectUNPC(t *testing.T) {
	const dir = "../../shared/corpora/unpc-v1.0-devset/UNv1.0.devset."
	if _, err := os.Stat(dir + "zh"); err != nil {
		t.Skipf("UNPC devset not found (%v)", err)
	}
	if testing.Short() {
		t.Skip("slow")
	}
	utf16LE := func(s string) ([]byte, string) {
		var b []byte
		for _, c := range utf16.Encode([]rune(s)) {
			b = append(b, byte(c), byte(c>>8))
		}
		return b, s
	}
	utf16BE := func(s string) ([]byte, string) {
		var b []byte
		for _, c := range utf16.Encode([]rune(s)) {
			b = append(b, byte(c>>8), byte(c))
		}
		return b, s
	}
	type job struct {
		lang, want string
		enc        func(string) ([]byte, string)
	}
	lossy := func(e encoding.Encoding) func(string) ([]byte, string) {
		return func(s string) ([]byte, string) { return encodeLossy(e, s) }
	}
	jobs := []job{
		{"zh", "gb18030", lossy(simplifiedchinese.GB18030)},
		{"zh", "big5", lossy(traditionalchinese.Big5)},
		{"ru", "windows-1251", lossy(charmap.Windows1251)},
		{"ar", "windows-1256", lossy(charmap.Windows1256)},
		{"fr", "", lossy(charmap.Windows1252)},
		{"es", "", lossy(charmap.Windows1252)},
	}
	for _, l := range []string{"ar", "zh", "en", "fr", "es", "ru"} {
		jobs = append(jobs, job{l, "utf-16le", utf16LE}, job{l, "utf-16be", utf16BE})
	}
	for _, j := range jobs {
		data, err := os.ReadFile(dir + j.lang)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		n, right := 0, 0
		for i := 0; i+3 <= len(lines); i += 3 {
			s := strings.Join(lines[i:i+3], "\n") + "\n"
			b, text := j.enc(s)
			want := j.want
			ascii := true
			for _, c := range b {
				if c >= 0x80 {
					ascii = false
				}
			}
			if ascii && !strings.HasPrefix(want, "utf-16") {
				want = "utf-8"
			}
			n++
			got, _ := Detect(b)
			if got != want {
				if n-right <= 3 {
					t.Logf("%s as %s: Detect = %q in lines %d-%d", j.lang, j.want, got, i+1, i+3)
				}
				continue
			}
			if want == "" {
				right++
				continue
			}
			out, err := DecodeAs(b, "")
			if err != nil {
				t.Errorf("%s as %s, lines %d-%d: %v", j.lang, want, i+1, i+3, err)
				continue
			}
			if out != text {
				t.Errorf("%s as %s, lines %d-%d: decoded %+q, want %+q", j.lang, want, i+1, i+3, out, text)
				continue
			}
			right++
		}
		acc := float64(right) / float64(n)
		t.Logf("%s as %q: %d/%d right (%.4f)", j.lang, j.want, right, n, acc)
		if acc < 0.995 {
			t.Errorf("%s as %q: accuracy %.4f, want at least 0.995", j.lang, j.want, acc)
		}
	}
}
