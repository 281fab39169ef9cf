//go:build unix

package pdftext

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// reserveMemory backs PDFium's linear memory with an anonymous mapping of
// its maximum size, reserved but not committed: growing it commits pages
// as PDFium touches them, without copying, and closing the module returns
// them at once. (wazero's default grows a Go slice by appending, which
// copies the memory and leaves the old copy to the garbage collector: a
// PDF that filled 1 GiB of memory made the process use 3.6 GB.) It
// returns nil when the mapping fails (an address-space limit): wazero's
// default is used then.
func reserveMemory(max uint64) experimental.LinearMemory {
	b, err := syscall.Mmap(-1, 0, int(max), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON|mapNoReserve)
	if err != nil {
		return nil
	}
	return &mappedMemory{buf: b}
}

// mappedMemory is a linear memory in a fixed mapping.
type mappedMemory struct{ buf []byte }

// Reallocate returns the memory grown to size bytes, in place; nil past
// the mapping (wazero refuses to grow past the maximum before asking).
func (m *mappedMemory) Reallocate(size uint64) []byte {
	if m.buf == nil || size > uint64(len(m.buf)) {
		return nil
	}
	return m.buf[:size]
}

// Free unmaps the memory. wazero calls it once, when the module is
// closed and no call into it runs.
func (m *mappedMemory) Free() {
	if m.buf != nil {
		syscall.Munmap(m.buf)
		m.buf = nil
	}
}
