package baseline

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/driftcheck/driftcheck/drift"
)

func finding(fp string, kind drift.Kind, para, final string) drift.Finding {
	return drift.Finding{
		Kind: kind, Severity: drift.SeverityOf(kind), Message: string(kind) + " in " + para,
		Voted:       drift.Loc{Path: "L36.en.txt", Lang: "en", Para: para, Start: -1, End: -1},
		Final:       drift.Loc{Path: final, Lang: "zh", Para: para, Start: -1, End: -1},
		Fingerprint: fp,
	}
}

// TestRoundTrip: Write records each finding as the README says, and Read
// gives back exactly their fingerprints.
func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "accepted.json")
	fs := []drift.Finding{
		finding("3f2a", drift.TermSubstituted, "OP1", "RES.zh.txt"),
		finding("9c1b", drift.NumberMismatch, "OP2", "RES.zh.txt"),
		finding("77de", drift.ParagraphMissing, "OP3", ""),
	}
	if err := Write(path, fs); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("the baseline is not JSON: %v\n%s", err, data)
	}
	want := map[string]any{"version": 1.0, "findings": []any{
		map[string]any{"fingerprint": "3f2a", "kind": "term-substituted", "severity": "error", "message": "term-substituted in OP1", "final": "RES.zh.txt"},
		map[string]any{"fingerprint": "9c1b", "kind": "number-mismatch", "severity": "warning", "message": "number-mismatch in OP2", "final": "RES.zh.txt"},
		map[string]any{"fingerprint": "77de", "kind": "paragraph-missing", "severity": "error", "message": "paragraph-missing in OP3"},
	}}
	g, _ := json.Marshal(raw)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("the baseline file holds\n%s\nwant\n%s", g, w)
	}
	if !strings.HasSuffix(string(data), "}\n") {
		t.Errorf("the file does not end with a newline")
	}
	known, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(known) != 3 || !known["3f2a"] || !known["9c1b"] || !known["77de"] {
		t.Errorf("Read gives %v, want the three fingerprints", known)
	}

	// No findings: an empty list, not null, that reads back as no
	// fingerprint.
	if err := Write(path, nil); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(path)
	if string(data) != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("an empty baseline is %q", data)
	}
	if known, err := Read(path); err != nil || len(known) != 0 {
		t.Errorf("an empty baseline reads as %v, %v", known, err)
	}
}

// TestFilter: a finding whose fingerprint the baseline holds is left out
// and counted, whatever else changed about it (its paragraph number, its
// message, its file); a new one is kept, in order.
func TestFilter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "accepted.json")
	old := []drift.Finding{
		finding("aaaa", drift.TermSubstituted, "OP1", "RES.zh.txt"),
		finding("bbbb", drift.TermSubstituted, "OP2", "RES.zh.txt"),
	}
	if err := Write(path, old); err != nil {
		t.Fatal(err)
	}
	known, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	renumbered := finding("aaaa", drift.TermSubstituted, "OP7", "RES.zh.v2.txt")
	renumbered.Message = "another message"
	fresh := finding("cccc", drift.TermSubstituted, "OP2", "RES.zh.txt") // same place, new drift
	newer := finding("dddd", drift.NumberMismatch, "OP9", "RES.zh.txt")
	kept, suppressed := Filter([]drift.Finding{renumbered, fresh, old[1], newer}, known)
	if suppressed != 2 {
		t.Errorf("%d suppressed, want 2", suppressed)
	}
	if len(kept) != 2 || kept[0].Fingerprint != "cccc" || kept[1].Fingerprint != "dddd" {
		t.Errorf("kept %v, want cccc then dddd", kept)
	}
	if kept, n := Filter(old, nil); len(kept) != 2 || n != 0 {
		t.Errorf("with no baseline: kept %d, suppressed %d", len(kept), n)
	}
}

// TestReadBad: a baseline that cannot be used is an error that names the
// file, never an empty baseline that would let every finding through or
// a partial one.
func TestReadBad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := Write(good, []drift.Finding{finding("aaaa", drift.TermSubstituted, "OP1", "RES.zh.txt"), finding("bbbb", drift.TermMissing, "OP2", "RES.zh.txt")}); err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(good)
	cases := []struct {
		name, content, want string
	}{
		{"empty", "", "empty"},
		{"blank", " \n\t\n", "empty"},
		{"truncated", string(whole[:len(whole)/2]), "unexpected EOF"},
		{"cut-after-brace", string(whole[:strings.Index(string(whole), "[")+1]), "unexpected EOF"},
		{"not-json", "fingerprint aaaa\n", "invalid character"},
		{"binary", "\x00\x01\x02PK\x03\x04", "invalid character"},
		{"array", `["aaaa"]`, "cannot unmarshal"},
		{"null", "null", "version 0"},
		{"version-2", `{"version": 2, "findings": []}`, "unsupported baseline version 2 (want 1)"},
		{"no-version", `{"findings": [{"fingerprint": "aaaa"}]}`, "unsupported baseline version 0"},
		{"unknown-field", `{"version": 1, "findings": [], "extra": true}`, "unknown field"},
		{"wrong-type", `{"version": 1, "findings": [{"fingerprint": 7}]}`, "cannot unmarshal"},
		{"trailing", string(whole) + ">>>>>>> theirs\n", "data after the JSON object"},
		{"two-objects", string(whole) + string(whole), "data after the JSON object"},
		{"trailing-brace", string(whole) + "}", "data after the JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".json")
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			known, err := Read(path)
			if err == nil {
				t.Fatalf("Read accepted it: %v", known)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to name %s and say %q", err, path, c.want)
			}
			if strings.HasPrefix(c.name, "version") && !errors.Is(err, ErrVersion) {
				t.Errorf("error %v is not ErrVersion", err)
			}
		})
	}
	for name, path := range map[string]string{"missing": filepath.Join(dir, "nope.json"), "directory": dir} {
		if _, err := Read(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming %s", name, err, path)
		}
	}
}

// TestWriteReplacesWhole: Write puts a complete new file in place (a
// temporary file renamed over it), never rewriting the old one in place:
// a hard link to the old file keeps the old baseline whole, and no
// temporary file is left.
func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "accepted.json")
	if err := Write(path, []drift.Finding{finding("old1", drift.TermSubstituted, "OP1", "RES.zh.txt")}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	oldData, _ := os.ReadFile(path)
	link := filepath.Join(dir, "yesterday.json")
	if err := os.Link(path, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if err := Write(path, []drift.Finding{finding("new1", drift.TermMissing, "OP2", "RES.zh.txt"), finding("new2", drift.TermAdded, "OP3", "RES.zh.txt")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(link); string(got) != string(oldData) {
		t.Errorf("the old file was rewritten in place: the link now holds\n%s", got)
	}
	if known, err := Read(path); err != nil || len(known) != 2 || !known["new1"] || !known["new2"] {
		t.Errorf("the new baseline reads %v, %v", known, err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the replaced baseline lost its mode: %v %v", info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the directory holds %v, want only the baseline and the link", names)
	}
	if err := Write(dir, nil); err == nil {
		t.Errorf("writing over a directory succeeded")
	}
}

// TestReadWhileWriting: a reader never sees half a baseline while another
// run rewrites it: every Read gives the old or the new set, whole.
func TestReadWhileWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "accepted.json")
	many := func(prefix string, n int) []drift.Finding {
		fs := make([]drift.Finding, n)
		for i := range fs {
			fs[i] = finding(prefix+strings.Repeat("f", 40)+string(rune('a'+i%26))+strconv.Itoa(i), drift.TermSubstituted, "OP"+strconv.Itoa(i), "RES.zh.txt")
		}
		return fs
	}
	a, b := many("a", 4000), many("b", 6000)
	if err := Write(path, a); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := 0; i < 20; i++ {
			fs := a
			if i%2 == 0 {
				fs = b
			}
			if err := Write(path, fs); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	reads := 0
	for {
		select {
		case <-done:
			wg.Wait()
			if reads == 0 {
				t.Log("no read overlapped a write")
			}
			return
		default:
		}
		known, err := Read(path)
		if err != nil {
			t.Fatalf("a read during a write failed: %v", err)
		}
		if len(known) != len(a) && len(known) != len(b) {
			t.Fatalf("a read during a write gave %d fingerprints, want %d or %d", len(known), len(a), len(b))
		}
		reads++
	}
}
