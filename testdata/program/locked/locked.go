// Package locked holds locks across calls whose targets main wires: a log
// file behind an interface, a dial hook in a func field, a store's lock
// behind sync.Locker.
package locked

import (
	"net"
	"sync"
)

// File is what the log writes to: main wires an *os.File into Log.Out and
// a buffer into Log.Mem.
type File interface {
	Write(p []byte) (int, error)
	Sync() error
}

// Log is a log whose lock guards its line count.
type Log struct {
	mu    sync.Mutex
	Out   File
	Mem   File
	lines int

	Files [2]File // main wires the file and the buffer

	Dial   func(network, addr string) (net.Conn, error) // main wires net.Dial
	NoDial func(network, addr string) (net.Conn, error) // nobody sets it
	conn   net.Conn
}

// Flush syncs the file under the lock: every logger waits for the fsync.
// The buffer's Sync does nothing.
func (l *Log) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = 0
	l.Out.Sync() // want `l\.Out\.Sync \(implemented by \(\*os\.File\)\.Sync\) syncs a file to disk while l\.mu is held \(locked at locked\.go:35\); every goroutine that needs l\.mu waits for the disk`
	l.Mem.Sync()
}

// Rotate syncs every file through a helper under the lock, as klog's
// flushAll did: the helper does not block by its package's facts; over
// the program its f.Sync is the file's. A nil test of the file is no
// branch: whenever there is a file, it is synced.
func (l *Log) Rotate() {
	l.mu.Lock()
	l.syncAll() // want `\(\*locked\.Log\)\.syncAll performs blocking sync I/O \(\(\*os\.File\)\.Sync via f\.Sync \(implemented by \(\*os\.File\)\.Sync, 1 other\)\) while l\.mu is held \(locked at locked\.go:\d+\); every goroutine that needs l\.mu waits for the disk`
	l.mu.Unlock()
	l.mu.Lock()
	l.writeMem() // the buffer's Write: no finding
	l.mu.Unlock()
}

func (l *Log) syncAll() {
	for _, f := range l.Files {
		if f != nil {
			f.Sync()
		}
	}
}

func (l *Log) writeMem() { l.Mem.Write(nil) }

// Connect dials under the lock.
func (l *Log) Connect(addr string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, err := l.Dial("tcp", addr) // want `l\.Dial \(implemented by net\.Dial\) .* while l\.mu is held`
	if err != nil {
		return err
	}
	l.conn = c
	return nil
}

// Reconnect calls a func field nothing sets: no function is reached.
func (l *Log) Reconnect(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.conn, _ = l.NoDial("tcp", addr)
}

// Count is outside any lock: the file's Sync is no finding here.
func (l *Log) Count() int {
	l.Out.Sync()
	return l.lines
}

// Store keeps values in memory and on disk, under a lock it is given.
type Store struct {
	Mu   sync.Locker
	Disk File
	data map[string]string
}

// Put writes the file under the store's lock, which guards data.
func (s *Store) Put(k, v string) {
	s.Mu.Lock()
	defer s.Mu.Unlock()
	if s.data == nil {
		s.data = map[string]string{}
	}
	s.data[k] = v
	s.Disk.Write([]byte(v)) // want `s\.Disk\.Write \(implemented by \(\*os\.File\)\.Write\) writes .* while s\.Mu is held \(locked at locked\.go:99\), where it guards data the code updates`
}
