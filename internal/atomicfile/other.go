//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// umask: systems without one give new files their default permissions.
const umask fs.FileMode = 0

// keepOwner: owners are not kept where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}
