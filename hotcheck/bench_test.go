package hotcheck_test

import (
	"testing"

	"github.com/iohotpath/iohotpath/hotcheck"
)

var sink int

// work is a hot function that does no I/O: a few hundred nanoseconds of
// arithmetic.
func work() {
	n := 0
	for i := range 256 {
		n += i * i
	}
	sink = n
}

// BenchmarkDirect is the baseline: calling the function.
func BenchmarkDirect(b *testing.B) {
	for b.Loop() {
		work()
	}
}

// BenchmarkNoBlockingIO is one check: recorder start, fn, snapshot, parse.
func BenchmarkNoBlockingIO(b *testing.B) {
	for b.Loop() {
		hotcheck.NoBlockingIO(b, work)
	}
}

// BenchmarkSuite100 is what a suite of 100 such tests adds.
func BenchmarkSuite100(b *testing.B) {
	for b.Loop() {
		for range 100 {
			hotcheck.NoBlockingIO(b, work)
		}
	}
}
