//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// umask is the process's file mode creation mask, read once at start-up
// (there is no way to read it without setting it).
var umask = func() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}()

// keepOwner gives f the owner and group of the file it replaces, when the
// process may (root, or a group the user is in); otherwise the new file is
// the writer's, as with any file it creates.
func keepOwner(f *os.File, info fs.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
