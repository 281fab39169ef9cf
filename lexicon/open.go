package lexicon

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"github.com/driftcheck/driftcheck/extract"
	"github.com/driftcheck/driftcheck/internal/inputfile"
)

// MaxFileBytes bounds a lexicon or glossary file (a whole term base of the
// UN in six languages is some tens of MiB).
const MaxFileBytes = 256 << 20

// Open reads the lexicon file at path, in the native TSV format, as a TBX
// term base or compiled (see Compile), told by its content, and says
// whether it was TBX. A file that is not text (a NUL byte, bytes that are
// not UTF-8) and not compiled is refused before parsing. A compiled
// lexicon whose source file is still where it was compiled from must have
// been compiled from its present contents (ErrStale). Errors name the
// file.
func Open(path string) (l *Lexicon, tbx bool, err error) {
	data, err := readFile(path)
	if err != nil {
		return nil, false, err
	}
	if IsCompiled(data) {
		l, src, err := ReadCompiled(data, path)
		if err != nil {
			return nil, false, err
		}
		if err := checkSource(path, src); err != nil {
			return nil, false, err
		}
		return l, false, nil
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
	// A regular file is read in one piece of its size (a compiled lexicon
	// or a term base is tens of MiB: reading it by doubling a buffer
	// allocates three times as much).
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() > 0 && st.Size() <= MaxFileBytes {
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			data := make([]byte, st.Size())
			n, err := io.ReadFull(f, data)
			var one [1]byte
			if err == nil {
				if m, _ := f.Read(one[:]); m == 0 {
					return data[:n], nil
				}
			}
			// The file changed as it was read: read it the usual way.
		}
	}
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

// ErrStale is wrapped by the error of a compiled lexicon whose source file
// has changed since it was compiled.
var ErrStale = errors.New("compiled lexicon is stale")

// checkSource refuses the compiled lexicon at path when the source it was
// compiled from is still at its place with other contents. A source that
// is gone (a compiled lexicon shipped alone) is no error.
func checkSource(path string, src Source) error {
	if src.Name == "" {
		return nil
	}
	st, err := os.Stat(src.Name)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	stale := st.Size() != src.Size
	if !stale && st.ModTime().UnixNano() != src.ModTime {
		data, err := readFile(src.Name)
		if err != nil {
			return nil
		}
		stale = sha256.Sum256(data) != src.SHA256
	}
	if stale {
		return &Error{path, 0, fmt.Errorf("%w: %s has changed since it was compiled; compile it again (driftcheck lexicon compile %s -o %s)", ErrStale, src.Name, src.Name, path)}
	}
	return nil
}
