package atlas

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The store of an output (Input.Store) is a bbolt file holding the counts
// of the part files already read and the list of those files (name, size,
// modification time). Part files are written whole and never changed, and
// a run adds new ones after the old ones: when the files listed are still
// the first of the output, unchanged, only the files after them are read.
// Anything else (a file changed, gone or added before the last one read, a
// store of another version or another number of examples) rebuilds the
// counts from scratch, which gives the same numbers.

var bucket = []byte("atlas")

// storeVersion changes when what the store holds changes.
const storeVersion = "1"

// stamp identifies a part file as read.
type stamp struct {
	Name    string `json:"name"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime_ns"`
}

func stampOf(path string) (stamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stamp{Name: filepath.Base(path), Size: st.Size(), ModTime: st.ModTime().UnixNano()}, nil
}

// Update returns the counts of in's part files, reading only those its
// store does not hold, and saves them in the store. how says what it did.
// A store that cannot be written (a read-only output) is done without: every
// file is read.
func Update(in *Input, examples int) (*Counts, string, error) {
	stamps := make([]stamp, len(in.Parts))
	for i, p := range in.Parts {
		s, err := stampOf(p)
		if err != nil {
			return nil, "", err
		}
		stamps[i] = s
	}
	db, err := bolt.Open(in.Store, 0o644, &bolt.Options{Timeout: 10 * time.Second})
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, os.ErrNotExist) {
			c := NewCounts(examples)
			return c, fmt.Sprintf("store %s not writable (%v): read all %d part files", in.Store, err, len(in.Parts)), CountFiles(c, in.Parts)
		}
		return nil, "", fmt.Errorf("atlas store %s: %w (delete it to rebuild the counts)", in.Store, err)
	}
	defer db.Close()
	var old []stamp
	var c *Counts
	var version string
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b == nil {
			return nil
		}
		version = string(b.Get([]byte("version")))
		if version != storeVersion {
			return nil
		}
		if err := json.Unmarshal(b.Get([]byte("parts")), &old); err != nil {
			return err
		}
		c = new(Counts)
		return gob.NewDecoder(bytes.NewReader(b.Get([]byte("counts")))).Decode(c)
	})
	if err != nil {
		return nil, "", fmt.Errorf("atlas store %s: unreadable (%w): delete it to rebuild the counts", in.Store, err)
	}
	from := 0
	how := ""
	switch {
	case c == nil:
		how = "new store"
	case c.MaxExamples != examples:
		how = fmt.Sprintf("rebuilt (the store kept %d examples, %d asked)", c.MaxExamples, examples)
	case !prefix(old, stamps):
		how = "rebuilt (part files changed since the store was written)"
	default:
		from = len(old)
	}
	if from == 0 {
		c = NewCounts(examples)
	} else {
		c.fill()
	}
	if err := CountFiles(c, in.Parts[from:]); err != nil {
		return nil, "", err
	}
	if how == "" {
		how = fmt.Sprintf("read %d new part files, %d from the store", len(in.Parts)-from, from)
	} else {
		how += fmt.Sprintf(": read %d part files", len(in.Parts))
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		return nil, "", err
	}
	list, _ := json.Marshal(stamps)
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		for k, v := range map[string][]byte{"version": []byte(storeVersion), "parts": list, "counts": buf.Bytes()} {
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("atlas store %s: %w", in.Store, err)
	}
	return c, how, nil
}

// prefix reports whether old is the start of now.
func prefix(old, now []stamp) bool {
	if len(old) > len(now) {
		return false
	}
	for i := range old {
		if old[i] != now[i] {
			return false
		}
	}
	return true
}

// fill makes the maps gob left nil (empty ones are not encoded).
func (c *Counts) fill() {
	e := NewCounts(c.MaxExamples)
	if c.Finals == nil {
		c.Finals = e.Finals
	}
	if c.Paras == nil {
		c.Paras = e.Paras
	}
	if c.Findings == nil {
		c.Findings = e.Findings
	}
	if c.Render == nil {
		c.Render = e.Render
	}
	if c.Examples == nil {
		c.Examples = e.Examples
	}
}
