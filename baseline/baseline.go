// Package baseline records reviewed findings by fingerprint, so that a later
// run reports only what is new: accepted drift stops failing CI, new drift
// still does.
//
// A baseline file is JSON: {"version": 1, "findings": [{"fingerprint",
// "kind", "severity", "message", "final"}]}. Only the fingerprints count
// when filtering; the rest is there for the people who review the file.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/driftcheck/driftcheck/drift"
	"github.com/driftcheck/driftcheck/internal/atomicfile"
	"github.com/driftcheck/driftcheck/internal/inputfile"
)

// Version is the version of the baseline file format.
const Version = 1

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Kind        string `json:"kind"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Final       string `json:"final,omitempty"`
}

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// ErrVersion is returned for a baseline file of another version.
var ErrVersion = errors.New("unsupported baseline version")

// Read reads a baseline file and returns the set of its fingerprints.
func Read(path string) (map[string]bool, error) {
	f, err := inputfile.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err // it names the file
		}
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	defer f.Close()
	var b File
	dec := json.NewDecoder(io.LimitReader(f, 256<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("baseline %s: the file is empty", path)
		}
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	// One object and nothing after it: a file with more (two baselines
	// run together, a merge's conflict marker) is not the reviewed one.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("baseline %s: data after the JSON object", path)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: %w %d (want %d)", path, ErrVersion, b.Version, Version)
	}
	set := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		set[e.Fingerprint] = true
	}
	return set, nil
}

// Write writes the findings as a baseline file, through a temporary file
// renamed over path.
func Write(path string, fs []drift.Finding) error {
	b := File{Version: Version, Findings: []Entry{}}
	for _, f := range fs {
		b.Findings = append(b.Findings, Entry{
			Fingerprint: f.Fingerprint, Kind: string(f.Kind), Severity: f.Severity.String(),
			Message: f.Message, Final: f.Final.Path,
		})
	}
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// Filter returns the findings whose fingerprint is not in known, and how
// many were suppressed.
func Filter(fs []drift.Finding, known map[string]bool) (kept []drift.Finding, suppressed int) {
	for _, f := range fs {
		if known[f.Fingerprint] {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}
