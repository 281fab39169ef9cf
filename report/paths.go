package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/driftcheck/driftcheck/drift"
)

// relPath returns path relative to root, slash-separated, and true; or,
// when root is "" and path is relative, path as given and true; or, for a
// file outside root (or an absolute path without a root), the absolute
// path and false.
func relPath(root, path string) (string, bool) {
	if root == "" {
		return filepath.ToSlash(path), !filepath.IsAbs(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path), false
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// uriOf returns the URI reference of path: relative to root when the file
// is inside it (the bool is then true), else an absolute file URI.
func uriOf(root, path string) (string, bool) {
	p, rel := relPath(root, path)
	if !rel {
		return (&url.URL{Scheme: "file", Path: p}).String(), false
	}
	return (&url.URL{Path: p}).String(), true
}

// primarySide is the side a finding is located in by the reports that give
// one place per finding (SARIF, GitLab): the final text, which is the one
// that drifted, unless the finding names no final file.
func primarySide(f drift.Finding) (primary, other drift.Loc) {
	if f.Final.Path == "" {
		return f.Voted, drift.Loc{}
	}
	return f.Final, f.Voted
}

// where names the paragraph of l for a file without lines: "page 2,
// paragraph OP2", "paragraph OP2", or "" when l has no paragraph.
func where(l drift.Loc) string {
	switch {
	case l.Para == "":
		return ""
	case l.Page > 0:
		return fmt.Sprintf("page %d, paragraph %s", l.Page, l.Para)
	}
	return "paragraph " + l.Para
}

// finalFingerprints returns, for each finding, a fingerprint of the
// finding in its final file: the finding's own fingerprint (which leaves
// file names out, so that a baseline survives renaming) hashed with the
// final file's path, so that a paragraph missing from two finals is two
// results with two fingerprints. A repeated one gets an ordinal ("…#2").
func finalFingerprints(root string, fs []drift.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		p, _ := primarySide(f)
		path, _ := relPath(root, p.Path)
		id := f.Fingerprint
		if id == "" {
			id = strings.Join([]string{string(f.Kind), f.Voted.Para, f.Final.Para, f.Message}, "\x1f")
		}
		sum := sha256.Sum256([]byte(path + "\x1f" + id))
		fp := hex.EncodeToString(sum[:10])
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp += fmt.Sprintf("#%d", n)
		}
		out[i] = fp
	}
	return out
}
