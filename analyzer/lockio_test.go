package analyzer_test

import "testing"

// TestIOUnderLock: unbounded I/O under a lock in any code, through
// helpers of the package and of another package (facts carry every
// category), every category under a lock in hot code as one hot-io
// finding that names the lock, and the look-alikes that stay silent.
func TestIOUnderLock(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestIOUnderLockFound: the lock bugs projects fixed (issue 21): a lock
// held on the path that took it, file I/O under a lock that guards data,
// an fsync under a journal's mutex, a cache filled key by key under one
// lock, locks taken through helpers, broker dials and HTTP/2 frames; with
// the look-alikes that stay silent.
func TestIOUnderLockFound(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}
