package data

import (
	"errors"
	"net"
	"os"
	"sync"
)

// Segment's mutex keeps its appends whole, and every method that takes
// it fsyncs: the sink rule reports the fsyncs, every appender waits for
// the disk. The early return of Append builds its error under the lock:
// a call on a failure exit says nothing of what the lock is for (it once
// made the lock look like one taken only to fsync, and silenced both).
type Segment struct {
	mu sync.Mutex
	f  *os.File
}

func (s *Segment) Write(p []byte) error { // want Write:`blocking\(file\): \(\*os\.File\)\.Write; also sync; always sync: \(\*os\.File\)\.Sync`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f.Write(p)
	s.f.Sync() // want `^\(\*os.File\).Sync syncs a file to disk while s.mu is held \(locked at journal.go:21\); every goroutine that needs s.mu waits for the disk`
	return nil
}

func (s *Segment) Append(p []byte) error { // want Append:`blocking\(file\): \(\*os\.File\)\.Write; also sync; always sync: \(\*os\.File\)\.Sync`
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(p) == 0 {
		return errors.New("empty")
	}
	s.f.Write(p)
	s.f.Sync() // want `^\(\*os.File\).Sync syncs a file to disk while s.mu is held \(locked at journal.go:29\)`
	return nil
}

// CountedSegment also counts its records (jaeger's anonymizer writer):
// the count makes its lock one that guards data, so the writes are
// reported too, and the fsync still is.
type CountedSegment struct {
	mu sync.Mutex
	f  *os.File
	n  int
}

func (s *CountedSegment) Append(p []byte) error { // want Append:`blocking\(file\): \(\*os\.File\)\.Write; also sync; always sync: \(\*os\.File\)\.Sync`
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(p) == 0 {
		return errors.New("empty")
	}
	s.f.Write(p) // want `^\(\*os.File\).Write writes a file while s.mu is held \(locked at journal.go:49\), where it guards data the code updates`
	s.f.Sync()   // want `^\(\*os.File\).Sync syncs a file to disk while s.mu is held \(locked at journal.go:49\)`
	s.n++
	return nil
}

// Dialer's lock is taken only to dial, by every method that takes it:
// whoever waits for it is there to dial too. The error built on the
// early return does not change that: it stays silent.
type Dialer struct {
	mu   sync.Mutex
	addr string
}

func (d *Dialer) Dial() error { // want Dial:`blocking\(network\): net\.Dial; always network`
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.addr == "" {
		return errors.New("no address")
	}
	_, err := net.Dial("tcp", d.addr)
	return err
}
