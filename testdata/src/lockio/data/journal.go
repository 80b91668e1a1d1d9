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

// Files is glog's file sink: one lock keeps the writes to the file of
// each severity whole; Emit creates the files it lacks through a method
// that updates no data, flush syncs each file that exists through a
// local variable and keeps the first error in a literal. None of that
// makes the lock guard data or do anything but write its files: the
// fsyncs under it are reported, every logger waits for the disk.
type Files struct {
	mu   sync.Mutex
	file [4]*os.File
}

func (s *Files) Emit(sev int, p []byte) { // want Emit:`blocking\(file\): \(\*os\.File\)\.Write`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.createMissing(sev)
	s.file[sev].Write(p)
}

func (s *Files) createMissing(sev int) { // want createMissing:`blocking\(file\): os\.Create`
	if s.file[sev] != nil {
		return
	}
	f, _ := os.Create("log")
	s.file[sev] = f
}

func (s *Files) flush() error { // want flush:`blocking\(sync\): \(\*os\.File\)\.Sync; always sync`
	s.mu.Lock()
	defer s.mu.Unlock()
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	for sev := 3; sev >= 0; sev-- {
		f := s.file[sev]
		if f != nil {
			keep(f.Sync()) // want `^\(\*os.File\).Sync syncs a file to disk while s.mu is held \(locked at journal.go:105\); every goroutine that needs s.mu waits for the disk`
		}
	}
	return first
}

// Mixed also dials under the same lock, through a method that does: the
// lock is not its files' alone, and the fsync is left to the rule on data.
type Mixed struct {
	mu   sync.Mutex
	file *os.File
	addr string
}

func (s *Mixed) Emit(p []byte) { // want Emit:`blocking\(file\): \(\*os\.File\)\.Write; also network; always network: \(\*data\.Mixed\)\.redial -> net\.Dial`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.file.Write(p)
	s.redial()
}

func (s *Mixed) redial() { net.Dial("tcp", s.addr) } // want redial:`blocking\(network\): net\.Dial; always network`

func (s *Mixed) flush() { // want flush:`blocking\(sync\): \(\*os\.File\)\.Sync; always sync`
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.file; f != nil {
		f.Sync()
	}
}
