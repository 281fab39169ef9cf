// Command driftcheck checks the official language versions of a UN document
// against the text that was voted on. Run "driftcheck help" for usage.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/driftcheck/driftcheck/internal/atomicfile"
)

// grace is how long a run may take to stop after a signal before it is
// ended without waiting (a long alignment does not look at the context).
const grace = 3 * time.Second

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan int, 1)
	go func() { done <- run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		os.Exit(code)
	case s := <-sigs:
		sig := &signalError{s.(syscall.Signal)}
		cancel(sig)
		select {
		case code := <-done:
			os.Exit(code) // it stopped and said so itself
		case <-time.After(grace):
		case <-sigs: // a second signal: stop now
		}
		atomicfile.RemoveTemps()
		fmt.Fprintf(os.Stderr, "driftcheck: %v\n", sig)
		os.Exit(sig.code())
	}
}

// signalError is the cause of a run's cancellation by a signal.
type signalError struct{ sig syscall.Signal }

func (e *signalError) Error() string {
	return fmt.Sprintf("interrupted by %s", signalName(e.sig))
}

// Signal is the signal (batch names it in its message).
func (e *signalError) Signal() os.Signal { return e.sig }

// code is the exit status of a process ended by the signal, as a shell
// reports it: 128 + its number (130 for SIGINT, 143 for SIGTERM).
func (e *signalError) code() int { return 128 + int(e.sig) }

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}
