// Package hotcheck proves at run time, in an ordinary test, that a hot
// function makes no blocking I/O.
//
//	func TestEvaluateDoesNoIO(t *testing.T) {
//		s := scorer.New(cfg)
//		hotcheck.NoBlockingIO(t, func() { s.Evaluate(tx) })
//	}
//
// NoBlockingIO runs the function under the execution tracer's flight
// recorder (runtime/trace.FlightRecorder) and reads the trace with
// golang.org/x/exp/trace. A system call (a file write, read, open or close,
// an fsync, a socket call, a process) or a park for the network or a sleep,
// in the function's goroutine or in a goroutine it started and waited for,
// fails the test with its stack, trimmed to the code under test:
//
//	hotcheck: Evaluate wrote to a file: syscall.Write ← os.(*File).Write ← fmt.Fprintf ← scorer.(*Scorer).Evaluate (scorer.go:27)
//
// System calls that are part of normal non-blocking work (fcntl,
// setsockopt, the close of a socket, the test harness's and the tracer's
// own) are not reported. Work handed to a goroutine the function does not
// wait for is not reported either: that is the fix.
//
// Allow and AllowCalls silence categories and third-party call sites; Run
// returns the events for code that asserts its own way. Uses are
// serialised, so parallel tests work; Run must not be nested.
//
// It cannot see I/O in goroutines the function does not wait for, cgo
// calls beyond their boundary, work done before the call, or vDSO calls
// such as time.Now that are not system calls: see docs/hotcheck.md.
package hotcheck
