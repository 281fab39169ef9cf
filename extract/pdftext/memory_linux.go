package pdftext

import "syscall"

// mapNoReserve keeps the reservation out of the commit charge.
const mapNoReserve = syscall.MAP_NORESERVE
