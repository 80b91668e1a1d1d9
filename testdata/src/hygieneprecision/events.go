package hygieneprecision

import (
	"context"
	"os"
	"time"
)

// Status rewrites its status file on every tick and reloads its settings
// on every signal: an event loop opens the file again on purpose.
func Status(ctx context.Context, path string, reload <-chan struct{}, state func() []byte) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			os.WriteFile(path, state(), 0o600)
		case <-reload:
			if data, err := os.ReadFile(path + ".conf"); err == nil {
				_ = data
			}
		}
	}
}

// Prepared runs statements before waiting for the next event.
func Prepared(ctx context.Context, path string, events <-chan []byte) {
	for {
		n := len(path)
		select {
		case <-ctx.Done():
			return
		case b := <-events:
			os.WriteFile(path, b[:n], 0o600)
		}
	}
}

// Look-alikes: the loop repeats the open for no event.

// EachItem rewrites the same file for every item.
func EachItem(path string, items [][]byte) {
	for _, b := range items {
		os.WriteFile(path, b, 0o600) // want `^os\.WriteFile opens the same file on every iteration of the loop in EachItem`
	}
}

// AfterSelect writes after the select, not in one of its events.
func AfterSelect(ctx context.Context, path string, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		os.WriteFile(path, nil, 0o600) // want `^os\.WriteFile opens the same file on every iteration of the loop in AfterSelect`
	}
}

// Busy polls without waiting: the open is in the default case, not in an
// event.
func Busy(path string, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
			os.ReadFile(path) // want `^os\.ReadFile opens the same file on every iteration of the loop in Busy`
		}
	}
}

// Conditioned has a condition: a polling loop, not an event loop.
func Conditioned(path string, events <-chan []byte, more func() bool) {
	for more() {
		select {
		case b := <-events:
			os.WriteFile(path, b, 0o600) // want `^os\.WriteFile opens the same file on every iteration of the loop in Conditioned`
		}
	}
}

// EventItems rewrites the file for each item of an event.
func EventItems(path string, events <-chan [][]byte) {
	for {
		select {
		case items := <-events:
			for _, b := range items {
				os.WriteFile(path, b, 0o600) // want `^os\.WriteFile opens the same file on every iteration of the loop in EventItems`
			}
		}
	}
}
