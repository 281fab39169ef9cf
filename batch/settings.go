package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/driftcheck/driftcheck/lexicon"
)

// The files of an output directory besides the part files and summaries.
const (
	settingsFile   = "settings.json" // the Settings of the run, written when it starts
	completionFile = "complete.json" // the Completion record, written when it finishes
	journalFile    = "inflight.jsonl"
	lockFile       = ".lock"
)

// Settings are what decides the results of a run besides its inputs. They
// are recorded in the output directory when a run starts: a resume must
// use the same ones, and the shards of one run must agree on them.
type Settings struct {
	Shard     int    `json:"shard"`
	Shards    int    `json:"shards"`
	Level     string `json:"level"`
	VotedLang string `json:"voted_lang"`
	// Lexicon is the LexiconHash of the loaded lexicon.
	Lexicon string `json:"lexicon"`
	// Version identifies the driftcheck that checks (see BuildVersion).
	Version string `json:"version"`
}

// Completion is the record a shard writes to complete.json when it has
// finished: every group of the shard has its result in the part files.
type Completion struct {
	Settings
	Groups int `json:"groups"`
	Files  int `json:"files"`
}

// diff lists how s differs from was ("level error (was warning)"); with
// sameRun the shard index is not compared (the shards of one run differ
// in it).
func (s Settings) diff(was Settings, sameRun bool) []string {
	var out []string
	add := func(name, now, before string) {
		if now != before {
			out = append(out, fmt.Sprintf("%s %s (was %s)", name, now, before))
		}
	}
	if sameRun {
		add("shard count", fmt.Sprint(s.Shards), fmt.Sprint(was.Shards))
	} else {
		add("shard", fmt.Sprintf("%d/%d", s.Shard, s.Shards), fmt.Sprintf("%d/%d", was.Shard, was.Shards))
	}
	add("--level", s.Level, was.Level)
	add("--voted-lang", s.VotedLang, was.VotedLang)
	add("lexicon", short(s.Lexicon), short(was.Lexicon))
	add("driftcheck version", s.Version, was.Version)
	return out
}

// short abbreviates a hash for a message.
func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// LexiconHash returns a stable hash of the content of a lexicon: SHA-256
// of its concepts in order (id, group, renderings by language, note and
// source; not where they were read from), in hex. Two lexicons that match
// alike have the same hash whatever files they were loaded from.
func LexiconHash(l *lexicon.Lexicon) string {
	type concept struct {
		ID     string              `json:"id"`
		Group  string              `json:"group"`
		Terms  map[string][]string `json:"terms"` // marshalled with sorted keys
		Note   string              `json:"note"`
		Source string              `json:"source"`
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	if l != nil {
		for _, c := range l.Concepts {
			// Renderings, not Terms: a compiled lexicon leaves those of
			// its reference concepts in the file, and its hash is its
			// source's.
			enc.Encode(concept{c.ID, c.Group, c.Renderings(), c.Note, c.Source})
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// BuildVersion identifies the running driftcheck from its build
// information: the module version, the VCS revision and whether the tree
// was modified ("v1.2.0", "v0.0.0-20261202013415-fec31ce7d18c+dirty",
// "(devel) rev fec31ce7d18c modified"). A binary built with -buildvcs=false
// in a clone is only "(devel)"; one without build information, "unknown".
func BuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	if v == "" {
		v = "unknown"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	// A pseudo-version (v0.0.0-20261202013415-fec31ce7d18c+dirty) holds
	// both already.
	if rev != "" && !strings.Contains(v, short(rev)) {
		v += " rev " + short(rev)
	}
	if modified == "true" && !strings.HasSuffix(v, "+dirty") {
		v += " modified"
	}
	return v
}

// ErrSettings is wrapped by the error of a resume with other settings than
// the run it resumes, and of a merge of shards that disagree.
var ErrSettings = errors.New("other settings")

// readJSON reads a JSON file into v; it reports whether the file exists.
func readJSON(path string, v any) (bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("%s: %w (not written by driftcheck batch?)", path, err)
	}
	return true, nil
}

// writeJSON writes v to path, whole or not at all.
func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}

// checkSettings records s in dir when a run starts there, or compares it
// with what the run that started there recorded.
func checkSettings(dir string, s Settings) error {
	var was Settings
	ok, err := readJSON(filepath.Join(dir, settingsFile), &was)
	if err != nil {
		return err
	}
	if ok {
		if d := s.diff(was, false); len(d) > 0 {
			return fmt.Errorf("%s: %w than the run that started there: %s; resume with the same settings or use another --out", dir, ErrSettings, strings.Join(d, ", "))
		}
		return nil
	}
	if olds, _ := filepath.Glob(filepath.Join(dir, "part-*.jsonl")); len(olds) > 0 {
		return fmt.Errorf("%s: %w: it holds results but no %s (written by an older driftcheck?): use another --out", dir, ErrSettings, settingsFile)
	}
	return writeJSON(filepath.Join(dir, settingsFile), s)
}
