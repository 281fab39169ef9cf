package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/driftcheck/driftcheck/internal/atomicfile"
)

// ErrUnfinished is wrapped by the error of a merge of shards that are not
// all there and finished.
var ErrUnfinished = errors.New("not all shards are finished")

// shardDir is the output directory of one shard, as Merge finds it.
type shardDir struct {
	dir      string
	lock     *os.File
	settings Settings
	rec      *Completion // nil: the shard did not finish
	busy     bool        // a run holds its lock
}

// Merge combines the part files of the output directories of the shards
// of one run into one results file and returns the total summary. Every
// shard, 0 to N-1, must be in dirs, once, finished (with its completion
// record, and no run writing it) and run with the same settings; otherwise
// the error says which shards are missing or unfinished and nothing is
// written. It streams: only the symbols are held, to refuse a symbol found
// twice.
func Merge(out string, dirs []string) (*Summary, error) {
	shards, err := openShards(dirs)
	defer func() {
		for _, s := range shards {
			if s.lock != nil {
				s.lock.Close()
			}
		}
	}()
	if err != nil {
		return nil, err
	}
	sum := newSummary()
	seen := map[string]string{}
	err = atomicfile.Write(out, func(w io.Writer) error {
		for _, s := range shards {
			if err := mergeShard(w, s, sum, seen); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sum.Shard = fmt.Sprintf("merged %d", len(dirs))
	return sum, nil
}

// openShards reads and checks the records of the output directories, and
// returns them in shard order, each locked against a run starting there.
func openShards(dirs []string) ([]*shardDir, error) {
	var shards []*shardDir
	for _, d := range dirs {
		s := &shardDir{dir: d}
		shards = append(shards, s)
		if st, err := os.Stat(d); err != nil {
			return shards, err
		} else if !st.IsDir() {
			return shards, fmt.Errorf("%s: not a directory (want the --out directory of a batch run)", d)
		}
		lock, err := lockDir(d, false)
		switch {
		case errors.Is(err, ErrLocked):
			s.busy = true
		case err != nil:
			return shards, err
		}
		s.lock = lock
		ok, err := readJSON(filepath.Join(d, settingsFile), &s.settings)
		if err != nil {
			return shards, err
		}
		if !ok {
			return shards, fmt.Errorf("%s: not the output of a batch run (no %s)", d, settingsFile)
		}
		var rec Completion
		if ok, err := readJSON(filepath.Join(d, completionFile), &rec); err != nil {
			return shards, err
		} else if ok && !s.busy {
			s.rec = &rec
		}
	}
	if err := agree(shards); err != nil {
		return shards, err
	}
	sort.SliceStable(shards, func(i, j int) bool { return shards[i].settings.Shard < shards[j].settings.Shard })
	return shards, nil
}

// agree checks that the shards are those of one run: the same settings,
// each index once, all finished.
func agree(shards []*shardDir) error {
	if len(shards) == 0 {
		return errors.New("no directory to merge")
	}
	first := shards[0]
	n := first.settings.Shards
	by := map[int]*shardDir{}
	for _, s := range shards {
		if d := s.settings.diff(first.settings, true); len(d) > 0 {
			return fmt.Errorf("%s was run with %w than %s: %s", s.dir, ErrSettings, first.dir, strings.Join(d, ", "))
		}
		if o := by[s.settings.Shard]; o != nil {
			return fmt.Errorf("%s and %s both hold shard %d/%d", o.dir, s.dir, s.settings.Shard, n)
		}
		by[s.settings.Shard] = s
	}
	var problems []string
	for i := 0; i < n; i++ {
		s := by[i]
		switch {
		case s == nil:
			problems = append(problems, fmt.Sprintf("shard %d/%d is in none of the directories given", i, n))
		case s.busy:
			problems = append(problems, fmt.Sprintf("shard %d/%d in %s is still being written by a batch run", i, n, s.dir))
		case s.rec == nil:
			problems = append(problems, fmt.Sprintf("shard %d/%d in %s did not finish (rerun it with the same --out)", i, n, s.dir))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrUnfinished, strings.Join(problems, "; "))
	}
	return nil
}

// mergeShard copies the result lines of one shard to w, adding them to sum.
func mergeShard(w io.Writer, s *shardDir, sum *Summary, seen map[string]string) error {
	parts, _, err := shardParts(s.dir, partPrefix(s.settings.Shard, s.settings.Shards))
	if err != nil {
		return err
	}
	n := 0
	err = eachResult(parts, func(line []byte, r *Result) error {
		if prev, ok := seen[r.Symbol]; ok {
			return fmt.Errorf("symbol %s in both %s and %s", r.Symbol, prev, s.dir)
		}
		seen[r.Symbol] = s.dir
		sum.add(r)
		n++
		if _, err := w.Write(line); err != nil {
			return err
		}
		_, err := w.Write([]byte{'\n'})
		return err
	})
	if err != nil {
		return err
	}
	if n != s.rec.Groups {
		return fmt.Errorf("%s: %d results in its part files, but its completion record says %d (part files added or removed since it finished?)", s.dir, n, s.rec.Groups)
	}
	sums, _ := filepath.Glob(filepath.Join(s.dir, "summary-*.json"))
	for _, p := range sums {
		var x Summary
		if b, err := os.ReadFile(p); err == nil && json.Unmarshal(b, &x) == nil {
			sum.Seconds += x.Seconds
		}
	}
	return nil
}
