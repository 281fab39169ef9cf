package msdoc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/driftcheck/driftcheck/extract"
	xt "github.com/driftcheck/driftcheck/extract/internal/extracttest"
	"github.com/richardlehane/mscfb"
)

// The error of a truncated stream and of an unreadable compound file
// keep mscfb's error reachable under their one-line text.
func TestErrorsKeepTheCause(t *testing.T) {
	fixture := xt.Load(t, "formats/doc/RES.zh.doc")
	// WordDocument declared 600 bytes longer than the sectors hold.
	long := bytes.Clone(fixture)
	off := xt.DirEntry(long, "WordDocument")
	binary.LittleEndian.PutUint32(long[off+120:], binary.LittleEndian.Uint32(long[off+120:])+600)
	for _, c := range []struct {
		name, text string
		data       []byte
		typ        int
	}{
		{"truncated stream", "corrupt or truncated file: WordDocument stream truncated (mscfb: underlying reader fail (EOF); 8192)", long, mscfb.ErrRead},
		{"truncated file", "corrupt or truncated file: unreadable OLE compound file (mscfb: directory entries read error (mscfb: EOF; 13312); 13312)", fixture[:len(fixture)/2], mscfb.ErrRead},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, Options{})
			if err == nil || err.Error() != c.text {
				t.Fatalf("err = %q, want %q", err, c.text)
			}
			var me mscfb.Error
			if !errors.Is(err, extract.ErrCorrupt) || !errors.As(err, &me) || me.Typ() != c.typ {
				t.Errorf("err %v: ErrCorrupt %v, mscfb.Error %v (type %d); want both, type %d", err, errors.Is(err, extract.ErrCorrupt), errors.As(err, &me), me.Typ(), c.typ)
			}
		})
	}
}
