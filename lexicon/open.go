package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/inputfile"
)

// MaxFileBytes bounds a lexicon or glossary file (a whole term base of the
// UN in six languages is some tens of MiB).
const MaxFileBytes = 256 << 20

// Open reads the lexicon file at path, in the native TSV format or as a
// TBX term base (told by its content), and says whether it was TBX. A file
// that is not text (a NUL byte, bytes that are not UTF-8) is refused
// before parsing. Errors name the file.
func Open(path string) (l *Lexicon, tbx bool, err error) {
	data, err := readFile(path)
	if err != nil {
		return nil, false, err
	}
	if tbx = IsTBX(data[:min(len(data), 4096)]); !tbx {
		if err := TextOnly(data); err != nil {
			return nil, false, fmt.Errorf("lexicon %s: %w", path, err)
		}
	}
	if tbx {
		l, err = ReadTBX(bytes.NewReader(data), path)
	} else {
		l, err = Parse(bytes.NewReader(data), path)
	}
	return l, tbx, err
}

// OpenGlossary reads the tab-separated glossary at path (see
// ReadGlossary), whose columns are in languages src and tgt.
func OpenGlossary(path, src, tgt string) (*Lexicon, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if err := TextOnly(data); err != nil {
		return nil, fmt.Errorf("glossary %s: %w", path, err)
	}
	return ReadGlossary(bytes.NewReader(data), path, src, tgt)
}

func readFile(path string) ([]byte, error) {
	data, err := inputfile.ReadAll(path, MaxFileBytes, extract.ErrTooLarge)
	if err != nil {
		// The operating system's errors name the file already.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("lexicon %w", err)
		}
		return nil, fmt.Errorf("lexicon %s: %w", path, err)
	}
	return data, nil
}

// TextOnly refuses data that is not text: a NUL byte (a binary file, or
// UTF-16, which TSV lexicons are not written in) or bytes that are not
// UTF-8. A NUL inside a rendering would also reach the Chinese dictionary.
func TextOnly(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("not a text file (a NUL byte at offset %d; lexicons are UTF-8 TSV or TBX)", i)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("not UTF-8 text (lexicons are UTF-8 TSV or TBX)")
	}
	return nil
}
