// Package atomicfile writes an output file whole or not at all: the content
// goes to a temporary file in the same directory, synced and renamed over
// the target only once it is complete, so a failed or killed writer never
// leaves half a file behind. Only regular files are replaced so: a device,
// a pipe or a socket (-o /dev/null, -o /dev/stdout) is written directly, and
// a symbolic link is followed to the file it names.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// temps are the temporary files being written, for RemoveTemps.
var temps sync.Map

// RemoveTemps removes the temporary files of the writes in progress: a
// process that must end at once (on a signal) calls it so as to leave no
// half-written file behind.
func RemoveTemps() {
	temps.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		temps.Delete(k)
		return true
	})
}

// maxLinks bounds the symbolic links followed from an output path.
const maxLinks = 40

// Write creates or replaces path with what write produces.
//
// When path is (or links to) a regular file or nothing, the content goes to
// a temporary file named ".BASE.*.tmp" beside the file, removed on failure
// and renamed over it on success; a replaced file keeps its mode and, where
// the process may set it, its owner; a new file gets mode 0666 less the
// umask, as a shell redirection would. Any other kind of file (a device, a
// FIFO, a socket) is opened and written in place: it cannot be replaced,
// and writing into it is what the user asked for.
func Write(path string, write func(w io.Writer) error) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	switch {
	case err == nil && !info.Mode().IsRegular():
		if info.IsDir() {
			return fmt.Errorf("%s is a directory", path)
		}
		return writeInPlace(target, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	mode := 0o666 &^ umask
	if info != nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	temps.Store(tmp.Name(), true)
	defer temps.Delete(tmp.Name())
	defer os.Remove(tmp.Name()) // a no-op after the rename
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if info != nil {
		keepOwner(tmp, info)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// resolve follows the symbolic links of path's last element, also a link
// to a file not created yet, and returns the path of the file itself.
func resolve(path string) (string, error) {
	for range maxLinks {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// writeInPlace writes into a file that is not a regular file: a device, a
// FIFO or a socket.
func writeInPlace(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
