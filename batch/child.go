package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"github.com/driftcheck/driftcheck"
	"github.com/driftcheck/driftcheck/drift"
)

// A group found in flight when an earlier run died is checked alone, in a
// child process when Options.Child is set: the parent sends the group on
// the child's standard input, the child (ServeGroup) answers on its
// standard output with a line per step and the result.

// childRequest is what the parent sends.
type childRequest struct {
	Group     jGroup         `json:"group"`
	Skip      []FileError    `json:"skip,omitempty"` // files left out, with their errors
	VotedLang string         `json:"voted_lang"`
	Level     drift.Severity `json:"level"`
	Lexicon   string         `json:"lexicon"` // the run's LexiconHash
}

// childLine is one line of the child's answer: a step or the result.
type childLine struct {
	Read   string  `json:"read,omitempty"`  // about to read this file
	Check  bool    `json:"check,omitempty"` // about to check the files read
	Result *Result `json:"result,omitempty"`
}

// ServeGroup is the child side of the check of one group in a separate
// process: it reads the request that Run sends from r, checks the group
// with chk and writes the steps and the result to w, a line each. chk must
// be built as the parent's was (the same lexicon: a different one is an
// error). It asks the kernel to pick this process first when memory runs
// out (Linux), so that a file that exhausts memory kills the child, not
// the run.
func ServeGroup(chk *driftcheck.Checker, r io.Reader, w io.Writer) error {
	// Best effort: only Linux has it, and only raising is allowed.
	os.WriteFile("/proc/self/oom_score_adj", []byte("1000"), 0)
	var req childRequest
	if err := json.NewDecoder(r).Decode(&req); err != nil {
		return fmt.Errorf("batch group: reading the request: %w", err)
	}
	if h := LexiconHash(chk.Lexicon); h != req.Lexicon {
		return fmt.Errorf("batch group: lexicon %s, the run's is %s (was a lexicon file changed during the run?)", short(h), short(req.Lexicon))
	}
	var werr error
	send := func(l childLine) {
		b, err := json.Marshal(l)
		if err == nil {
			_, err = w.Write(append(b, '\n'))
		}
		if werr == nil {
			werr = err
		}
	}
	res := checkGroup(chk, req.Group.group(), req.VotedLang, req.Level, req.Skip, func(path string) {
		if path == "" {
			send(childLine{Check: true})
		} else {
			send(childLine{Read: path})
		}
	})
	send(childLine{Result: res})
	return werr
}

// crash is how a child process died checking a group.
type crash struct {
	step string // the file it was reading; "" while checking
	how  string // "killed by signal: killed", "fatal error: runtime: out of memory"
}

// runChild checks the suspect s alone in a child process, journalling its
// steps. It returns the result, or how the child died after it had
// started on the group; an error is a child that could not start on it,
// or a run interrupted.
func runChild(ctx context.Context, opt *Options, s *suspect, j *journal) (*Result, *crash, error) {
	req, err := json.Marshal(childRequest{Group: *toJGroup(s.g), Skip: s.crashed, VotedLang: opt.VotedLang, Level: opt.Level, Lexicon: LexiconHash(opt.Checker.Lexicon)})
	if err != nil {
		return nil, nil, err
	}
	cmd := opt.Child(ctx)
	cmd.Stdin = bytes.NewReader(req)
	stderr := &headBuffer{max: 64 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("group %s: starting a child process: %w", s.g.Symbol, err)
	}
	var res *Result
	var step *string
	var bad string
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for res == nil && bad == "" && sc.Scan() {
		var l childLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			bad = sc.Text()
			cmd.Process.Kill()
			break
		}
		switch {
		case l.Result != nil:
			res = l.Result
		case l.Check:
			p := ""
			step = &p
			j.add(entry{Check: s.g.Symbol})
		case l.Read != "":
			p := l.Read
			step = &p
			j.add(entry{Read: s.g.Symbol, Path: p})
		}
	}
	io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, nil, ctx.Err()
	case bad != "":
		return nil, nil, fmt.Errorf("group %s: the child process wrote %q, not a step or a result (is Options.Child a driftcheck that serves batch groups?)", s.g.Symbol, clip(bad))
	case res != nil:
		return res, nil, nil
	case step == nil:
		return nil, nil, fmt.Errorf("group %s: the child process failed before reading a file: %s", s.g.Symbol, howDied(werr, stderr.String()))
	}
	return nil, &crash{step: *step, how: howDied(werr, stderr.String())}, nil
}

// howDied describes the end of a child process from its exit status and
// standard error: the Go runtime's "fatal error:" or "panic:" line, the
// command's own error, else the status.
func howDied(werr error, stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "driftcheck: ") {
			return clip(strings.TrimSpace(l))
		}
	}
	var ee *exec.ExitError
	if errors.As(werr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			if ws.Signal() == syscall.SIGKILL {
				return "killed by signal SIGKILL: out of memory?"
			}
			return "killed by signal " + ws.Signal().String()
		}
	}
	if werr == nil {
		return "exit status 0 without a result"
	}
	return werr.Error()
}

// clip cuts s to 200 bytes for a message.
func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	bytes.Buffer
	max int
}

func (b *headBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
