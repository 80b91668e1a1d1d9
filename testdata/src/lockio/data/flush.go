package data

import (
	"errors"
	"os"
	"sync"
)

// flushBlock is the shape of nats-server's msgBlock flush at 28e9650
// (fixed in f6fbed0, "Release block mutex while flushing block"): the
// pending bytes are written through a helper, and fsynced only in
// sync-always mode. The shortest witness of flushLocked is that fsync,
// on a branch; the write through writeAt is what runs whenever there is
// something pending.
type flushBlock struct {
	mu         sync.Mutex
	f          *os.File
	pending    []byte
	wp         int64
	syncAlways bool
	needSync   bool
}

func (b *flushBlock) writeAt(p []byte, off int64) (int, error) { // want writeAt:`blocking\(file\): \(\*os\.File\)\.WriteAt`
	return b.f.WriteAt(p, off)
}

func (b *flushBlock) flushLocked() error { // want flushLocked:`blocking\(sync\): \(\*os\.File\)\.Sync; also file`
	if len(b.pending) == 0 {
		return errors.New("nothing pending")
	}
	n, err := b.writeAt(b.pending, b.wp)
	if err != nil {
		return err
	}
	b.wp += int64(n)
	b.pending = b.pending[:0]
	if b.syncAlways {
		b.f.Sync()
	} else {
		b.needSync = true
	}
	return nil
}

// flush holds the block's lock, which guards its cache and offsets
// (flushLocked updates them), across the write: every reader of the
// block waits for the disk.
func (b *flushBlock) flush() error { // want flush:`blocking\(sync\): \(\*data\.flushBlock\)\.flushLocked -> \(\*os\.File\)\.Sync; also file`
	b.mu.Lock()
	err := b.flushLocked() // want `^\(\*data.flushBlock\).flushLocked performs blocking sync I/O \(\(\*os.File\).Sync\) while b.mu is held \(locked at flush.go:50\), where it guards data the code updates; every goroutine that needs b.mu waits for the disk`
	b.mu.Unlock()
	return err
}

// Appender's helper also fsyncs on a branch, but its lock guards no
// data (nothing under it updates a field of the appender): the lock
// keeps the records whole, and the fsync is not made whenever it runs.
type Appender struct {
	mu         sync.Mutex
	f          *os.File
	syncAlways bool
}

func (a *Appender) write(p []byte) { // want write:`blocking\(file\): \(\*os\.File\)\.Write; also sync`
	a.f.Write(p)
	if a.syncAlways {
		a.f.Sync()
	}
}

func (a *Appender) Append(p []byte) { // want Append:`blocking\(file\): \(\*data\.Appender\)\.write -> \(\*os\.File\)\.Write; also sync`
	a.mu.Lock()
	a.write(p)
	a.mu.Unlock()
}
