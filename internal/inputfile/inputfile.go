// Package inputfile opens the files a user names as inputs so that no kind
// of file can hang a run: a directory is refused, and a FIFO, a socket or a
// device is opened without waiting for a writer and read with a time limit
// on each read (a FIFO nobody writes to reads as empty; one whose writer
// stalls is an error). Regular files open as usual.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// Idle is how long a read from a pipe or device may wait for data.
var Idle = 30 * time.Second

// ErrStalled is the error of a pipe or device that gave no data for Idle.
var ErrStalled = errors.New("no data arrived")

// Open opens path for reading. The caller closes it. Its errors other
// than the operating system's do not name the path: callers do.
func Open(path string) (io.ReadCloser, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
	if info.Mode().IsRegular() {
		return os.Open(path)
	}
	// Opening a FIFO for reading waits for a writer unless non-blocking;
	// reads then go through the runtime's poller, which honours deadlines.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	return &idleReader{f: f, path: path, kind: kindOf(info.Mode())}, nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "device"
}

// idleReader reads a non-regular file with a deadline on each read.
type idleReader struct {
	f    *os.File
	path string
	kind string
}

func (r *idleReader) Read(p []byte) (int, error) {
	// Devices the poller cannot watch have no deadlines: they are read as
	// they come (a terminal waits for its user).
	deadline := r.f.SetReadDeadline(time.Now().Add(Idle)) == nil
	n, err := r.f.Read(p)
	if deadline && errors.Is(err, os.ErrDeadlineExceeded) {
		return n, fmt.Errorf("%w from the %s for %v", ErrStalled, r.kind, Idle)
	}
	if errors.Is(err, syscall.EAGAIN) {
		return n, io.EOF // no writer has opened the FIFO: nothing to read
	}
	return n, err
}

func (r *idleReader) Close() error { return r.f.Close() }

// ReadAll reads at most max bytes of path; a longer file is an error that
// wraps tooLarge.
func ReadAll(path string, max int64, tooLarge error) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if s, ok := f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if st, err := s.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > max {
			// Refused unread; pipes and devices without a size are caught
			// by the limited read below.
			return nil, fmt.Errorf("%w (%d MiB; the limit is %d MiB)", tooLarge, st.Size()>>20, max>>20)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (more than %d MiB)", tooLarge, max>>20)
	}
	return data, nil
}
