//go:build !unix

package pdftext

import "github.com/tetratelabs/wazero/experimental"

// reserveMemory returns nil: wazero's default memory is used.
func reserveMemory(max uint64) experimental.LinearMemory { return nil }
