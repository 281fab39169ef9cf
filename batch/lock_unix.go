//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package batch

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes a lock on the output directory dir, through the file
// .lock in it: exclusive for a run, shared for a merge. It does not wait:
// a lock held by another process is ErrLocked. The lock ends with the
// returned file's Close, or with the process (flock(2): even after kill -9
// nothing stale is left behind).
func lockDir(dir string, exclusive bool) (*os.File, error) {
	path := dir + string(os.PathSeparator) + lockFile
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil && !exclusive {
		// A merge may read a directory it cannot write.
		f, err = os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		if err == syscall.EWOULDBLOCK {
			return nil, ErrLocked
		}
		return nil, &os.PathError{Op: "flock", Path: path, Err: err}
	}
	return f, nil
}
