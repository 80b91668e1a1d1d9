// Package profiler records spans in a buffer under a mutex and flushes the
// buffer to disk when it fills: Profiler does the flush, fsync included,
// while still holding the lock, so every goroutine that finishes a span
// queues behind the disk. AsyncProfiler is the fix: it swaps the full
// buffer out under the lock and hands it to a background writer.
package profiler

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type Span struct {
	Name  string
	Start time.Time
	End   time.Time
}

type Profiler struct {
	mu  sync.Mutex
	buf []Span
	f   *os.File
}

// Record is called by every goroutine that finishes a span.
func (p *Profiler) Record(s Span) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(p.buf, s)
	if len(p.buf) < 4096 {
		return nil
	}
	err := p.flush(p.buf)
	p.buf = p.buf[:0]
	return err
}

// flush writes the spans and makes them durable.
func (p *Profiler) flush(spans []Span) error {
	for _, s := range spans {
		if _, err := fmt.Fprintf(p.f, "%s %d\n", s.Name, s.End.Sub(s.Start)); err != nil {
			return err
		}
	}
	return p.f.Sync()
}

// AsyncProfiler keeps the lock for the append and the swap only; a
// background goroutine that owns the file writes and syncs.
type AsyncProfiler struct {
	mu   sync.Mutex
	buf  []Span
	full chan []Span
}

func NewAsyncProfiler(f *os.File) *AsyncProfiler {
	p := &AsyncProfiler{full: make(chan []Span, 4)}
	go func() {
		w := &Profiler{f: f}
		for spans := range p.full {
			w.flush(spans)
		}
	}()
	return p
}

func (p *AsyncProfiler) Record(s Span) {
	p.mu.Lock()
	p.buf = append(p.buf, s)
	var full []Span
	if len(p.buf) >= 4096 {
		full, p.buf = p.buf, make([]Span, 0, 4096)
	}
	p.mu.Unlock()
	if full != nil {
		p.full <- full // blocks only when the writer is four buffers behind
	}
}
