// Package logsink is a log handler that every request handler of a
// process calls: Handler holds its mutex for the whole write and sync, so
// all request handlers serialise on one slow volume. AsyncHandler is the
// fix: it formats the record, hands it to a bounded queue and returns; one
// goroutine writes.
package logsink

import (
	"os"
	"sync"
	"time"
)

type Record struct {
	Time time.Time
	Msg  string
}

type Handler struct {
	mu sync.Mutex
	f  *os.File
}

// Handle runs once per log record, on the request's goroutine.
//
// hotpath
func (h *Handler) Handle(r Record) error {
	line := r.Time.Format(time.RFC3339Nano) + " " + r.Msg + "\n"
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, err := h.f.WriteString(line); err != nil {
		return err
	}
	return h.f.Sync()
}

// AsyncHandler queues formatted lines for a background writer.
type AsyncHandler struct {
	lines chan string
}

func NewAsyncHandler(f *os.File) *AsyncHandler {
	h := &AsyncHandler{lines: make(chan string, 8192)}
	go func() {
		for line := range h.lines {
			f.WriteString(line)
			if len(h.lines) == 0 {
				f.Sync() // once per burst, not once per record
			}
		}
	}()
	return h
}

// hotpath
func (h *AsyncHandler) Handle(r Record) error {
	select {
	case h.lines <- r.Time.Format(time.RFC3339Nano) + " " + r.Msg + "\n":
	default: // queue full: drop the record rather than stall the request
	}
	return nil
}
