package hotcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"runtime/trace"
	"slices"
	"strconv"
	"sync"
	"time"

	xtrace "golang.org/x/exp/trace"
)

// recorderMu serialises uses: a process may have one flight recorder.
var recorderMu sync.Mutex

// calls numbers the uses, so that each finds its own markers.
var calls int

// logCategory is the trace.Log category of the markers around fn.
const logCategory = "iohotpath/hotcheck"

// recordFunc is runFn's name in trace stacks: frames from it down belong
// to the caller of Run, not to the code under test.
var recordFunc = runtime.FuncForPC(reflect.ValueOf(runFn).Pointer()).Name()

// recorderConfig keeps the whole of a short fn in the window; a longer or
// busier one loses its start and Run says so.
var recorderConfig = trace.FlightRecorderConfig{MinAge: 10 * time.Second, MaxBytes: 64 << 20}

// record runs fn under a fresh flight recorder and returns its blocking
// events, before options.
func record(fn func()) ([]Event, error) {
	recorderMu.Lock()
	defer recorderMu.Unlock()
	calls++
	id := strconv.Itoa(calls)

	fr := trace.NewFlightRecorder(recorderConfig)
	if err := fr.Start(); err != nil {
		return nil, fmt.Errorf("cannot start the flight recorder (another one is running?): %w", err)
	}
	defer fr.Stop()
	runFn(fn, id)
	var buf bytes.Buffer
	if _, err := fr.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("cannot snapshot the flight recorder: %w", err)
	}
	return readEvents(&buf, id)
}

// runFn runs fn between two markers in the trace.
//
//go:noinline
func runFn(fn func(), id string) {
	ctx := context.Background()
	trace.Log(ctx, logCategory, "begin "+id)
	defer trace.Log(ctx, logCategory, "end "+id)
	fn()
}

// candidate is a blocking transition of a goroutine that may count.
type candidate struct {
	g     xtrace.GoID
	cat   Category
	what  string
	call  string
	stack []Frame
}

// window collects, between fn's markers, what decides which goroutines
// count and what they did.
type window struct {
	root    xtrace.GoID
	open    bool
	closed  bool
	parent  map[xtrace.GoID]xtrace.GoID // goroutines created in the window
	wakes   [][2]xtrace.GoID            // waker, woken
	sending map[xtrace.GoID]bool        // parked in a channel send
	takes   [][2]xtrace.GoID            // sender, the goroutine that received its value and woke it
	blocked []candidate
}

// readEvents reads a trace and returns the blocking events between the
// markers of call id, in fn's goroutine and those it started and waited for.
func readEvents(r io.Reader, id string) ([]Event, error) {
	tr, err := xtrace.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("cannot read the trace: %w", err)
	}
	w := newWindow()
	for !w.closed {
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read the trace: %w", err)
		}
		w.add(ev, id)
	}
	if w.root == xtrace.NoGoroutine {
		return nil, errors.New("the trace lost the start of fn: it ran too long or traced too much for the flight recorder's window")
	}
	if !w.closed {
		return nil, errors.New("the trace has no end of fn")
	}
	return w.events(), nil
}

func newWindow() *window {
	return &window{root: xtrace.NoGoroutine, parent: map[xtrace.GoID]xtrace.GoID{}, sending: map[xtrace.GoID]bool{}}
}

// add takes one event into the window.
func (w *window) add(ev xtrace.Event, id string) {
	switch ev.Kind() {
	case xtrace.EventLog:
		l := ev.Log()
		if l.Category != logCategory {
			return
		}
		switch l.Message {
		case "begin " + id:
			w.root, w.open = ev.Goroutine(), true
		case "end " + id:
			w.closed = w.open
		}
	case xtrace.EventStateTransition:
		if w.open {
			w.transition(ev)
		}
	}
}

// transition records creations, wake-ups and blocking transitions.
func (w *window) transition(ev xtrace.Event) {
	st := ev.StateTransition()
	if st.Resource.Kind != xtrace.ResourceGoroutine {
		return
	}
	g := st.Resource.Goroutine()
	from, to := st.Goroutine()
	switch {
	case from == xtrace.GoNotExist:
		if p := ev.Goroutine(); p != xtrace.NoGoroutine {
			w.parent[g] = p
		}
	case from == xtrace.GoWaiting && to == xtrace.GoRunnable:
		if waker := ev.Goroutine(); waker != xtrace.NoGoroutine {
			w.wake(waker, g)
		}
	case from == xtrace.GoRunning && (to == xtrace.GoSyscall || to == xtrace.GoWaiting):
		if !w.isTracked(g) {
			return
		}
		stack := w.trim(g, frames(st.Stack))
		if to == xtrace.GoSyscall {
			cat, what, call, quiet := classifySyscall(stack)
			if !quiet {
				w.blocked = append(w.blocked, candidate{g, cat, what, call, stack})
			}
		} else if p, ok := parkReasons[st.Reason]; ok {
			w.blocked = append(w.blocked, candidate{g, p.cat, p.what, st.Reason, stack})
		} else if st.Reason == "chan send" {
			w.sending[g] = true
		}
	}
}

// wake records that waker made woken runnable; a receiver waking a parked
// sender took the sender's value.
func (w *window) wake(waker, woken xtrace.GoID) {
	w.wakes = append(w.wakes, [2]xtrace.GoID{waker, woken})
	if w.sending[woken] {
		w.takes = append(w.takes, [2]xtrace.GoID{woken, waker})
		delete(w.sending, woken)
	}
}

// isTracked reports whether g is fn's goroutine or one started in the
// window: only those may count.
func (w *window) isTracked(g xtrace.GoID) bool {
	_, ok := w.parent[g]
	return g == w.root || ok
}

// trim drops the frames of fn's goroutine below the code under test.
func (w *window) trim(g xtrace.GoID, stack []Frame) []Frame {
	if g != w.root {
		return stack
	}
	for i, f := range stack {
		if f.Func == recordFunc {
			return stack[:i]
		}
	}
	return stack
}

// counted returns fn's goroutine and every goroutine started by one that
// counts and that woke one that counts (a WaitGroup.Done, a send to a
// waiting receiver, a close) or whose parked send one that counts took:
// fn waited for it.
func (w *window) counted() map[xtrace.GoID]bool {
	in := map[xtrace.GoID]bool{w.root: true}
	for changed := true; changed; {
		changed = false
		for _, pairs := range [][][2]xtrace.GoID{w.wakes, w.takes} {
			for _, pr := range pairs {
				g, by := pr[0], pr[1]
				p, started := w.parent[g]
				if !in[g] && in[by] && started && in[p] {
					in[g], changed = true, true
				}
			}
		}
	}
	return in
}

// events merges the counted goroutines' blocking transitions by stack.
func (w *window) events() []Event {
	in := w.counted()
	var out []Event
	index := map[string]int{}
	for _, c := range w.blocked {
		if !in[c.g] {
			continue
		}
		key := fmt.Sprint(c.cat, c.what, c.stack)
		if i, ok := index[key]; ok {
			out[i].Count++
			continue
		}
		index[key] = len(out)
		out = append(out, Event{Category: c.cat, What: c.what, Call: c.call, Stack: c.stack, Count: 1, Waited: c.g != w.root})
	}
	return out
}

// frames copies a trace stack, leaf first.
func frames(s xtrace.Stack) []Frame {
	var out []Frame
	for f := range s.Frames() {
		out = append(out, Frame{Func: f.Func, File: f.File, Line: int(f.Line)})
	}
	return slices.Clip(out)
}
