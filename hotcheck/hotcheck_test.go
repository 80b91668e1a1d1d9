package hotcheck_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/trace"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iohotpath/iohotpath/hotcheck"
)

// fakeT records failures instead of failing the real test.
type fakeT struct {
	testing.TB
	errors []string
	fatal  bool
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.fatal = true
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func run(t *testing.T, fn func(), opts ...hotcheck.Option) []hotcheck.Event {
	t.Helper()
	events, err := hotcheck.Run(fn, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return events
}

// find returns the event of category cat whose stack names fn (a short
// name such as hotcheck_test.writeLine), or fails.
func find(t *testing.T, events []hotcheck.Event, cat hotcheck.Category, fn string) hotcheck.Event {
	t.Helper()
	for _, e := range events {
		if e.Category != cat {
			continue
		}
		for _, f := range e.Stack {
			if strings.HasSuffix(f.Func, "/"+fn) {
				return e
			}
		}
	}
	t.Fatalf("no %s event naming %s in:\n%s", cat, fn, list(events))
	return hotcheck.Event{}
}

func list(events []hotcheck.Event) string {
	var b strings.Builder
	for _, e := range events {
		fmt.Fprintf(&b, "\t%s [%s]\n", e, e.Category)
	}
	return b.String()
}

func tempFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func writeLine(f *os.File) { f.WriteString("line\n") }

func syncFile(f *os.File) { f.Sync() }

func openFile(path string) {
	if f, err := os.Open(path); err == nil {
		f.Close()
	}
}

func roundTrip(c net.Conn) {
	c.Write([]byte("ping"))
	io.ReadFull(c, make([]byte, 4))
}

func runChild() { exec.Command(os.Args[0], "-test.run=^$").Run() }

func nap() { time.Sleep(time.Millisecond) }

func TestFileWrite(t *testing.T) {
	f := tempFile(t)
	events := run(t, func() { writeLine(f) })
	e := find(t, events, hotcheck.FileWrite, "hotcheck_test.writeLine")
	want := regexp.MustCompile(`^writeLine wrote to a file: syscall\.Write ← os\.\(\*File\)\.Write ← .*hotcheck_test\.writeLine \(hotcheck_test\.go:\d+\)$`)
	if !want.MatchString(e.String()) {
		t.Errorf("message %q does not match %s", e, want)
	}
	if e.Waited || e.Count != 1 {
		t.Errorf("Waited, Count = %v, %d; want false, 1", e.Waited, e.Count)
	}
}

func TestFsync(t *testing.T) {
	f := tempFile(t)
	e := find(t, run(t, func() { syncFile(f) }), hotcheck.Fsync, "hotcheck_test.syncFile")
	if !strings.Contains(e.String(), "synced a file to disk") {
		t.Errorf("message %q", e)
	}
}

func TestOpen(t *testing.T) {
	path := tempFile(t).Name()
	events := run(t, func() { openFile(path) })
	find(t, events, hotcheck.FileOpen, "hotcheck_test.openFile")
	find(t, events, hotcheck.File, "hotcheck_test.openFile") // the close
}

func TestLoopbackRoundTrip(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // echo once, late enough that the client parks for the reply
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		b := make([]byte, 4)
		if _, err := io.ReadFull(c, b); err == nil {
			time.Sleep(5 * time.Millisecond)
			c.Write(b)
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	events := run(t, func() { roundTrip(c) })
	e := find(t, events, hotcheck.Network, "hotcheck_test.roundTrip")
	if !strings.Contains(list(events), "roundTrip waited for the network") {
		t.Errorf("no park for the network in:\n%s", list(events))
	}
	if !strings.Contains(list(events), "roundTrip wrote to the network") {
		t.Errorf("no write to the network in:\n%s (first: %s)", list(events), e)
	}
}

func TestChildProcess(t *testing.T) {
	events := run(t, runChild)
	e := find(t, events, hotcheck.Process, "hotcheck_test.runChild")
	for _, e := range events {
		if e.Category != hotcheck.Process {
			t.Errorf("%s: category %s, want process (the /dev/null opens belong to the process)", e, e.Category)
		}
	}
	if !strings.Contains(list(events), "runChild waited for a process") {
		t.Errorf("no wait for the process in:\n%s (first: %s)", list(events), e)
	}
}

func TestSleep(t *testing.T) {
	e := find(t, run(t, nap), hotcheck.Sleep, "hotcheck_test.nap")
	if !strings.HasPrefix(e.String(), "nap slept: time.Sleep ← hotcheck_test.nap (") {
		t.Errorf("message %q", e)
	}
}

func TestCount(t *testing.T) {
	f := tempFile(t)
	events := run(t, func() {
		for range 3 {
			writeLine(f)
		}
	})
	if e := find(t, events, hotcheck.FileWrite, "hotcheck_test.writeLine"); e.Count != 3 || !strings.HasSuffix(e.String(), ", 3 times") {
		t.Errorf("Count = %d, message %q; want 3 writes at one stack", e.Count, e)
	}
}

// TestLookAlikes are calls that look like I/O, or are I/O handed off,
// and must stay silent.
func TestLookAlikes(t *testing.T) {
	lines := make(chan string, 16)
	writerDone := make(chan struct{})
	bg := tempFile(t)
	go func() { // the background writer: started before fn, not fn's work
		for l := range lines {
			bg.WriteString(l)
		}
		close(writerDone)
	}()
	defer func() { close(lines); <-writerDone }()

	var mu sync.Mutex
	unwaited := make(chan struct{})
	path := filepath.Join(t.TempDir(), "unwaited")
	cases := map[string]func(){
		"bytes.Buffer":         func() { var b bytes.Buffer; fmt.Fprintf(&b, "x %d", 1) },
		"channel send":         func() { lines <- "line\n" },
		"uncontended mutex":    func() { mu.Lock(); mu.Unlock() },
		"time.Now":             func() { _ = time.Now() },
		"os.Getpid":            func() { _ = os.Getpid() },
		"goroutine not waited": func() { go func() { os.WriteFile(path, []byte("x"), 0o600); close(unwaited) }() },
	}
	for name, fn := range cases {
		t.Run(name, func(t *testing.T) { hotcheck.NoBlockingIO(t, fn) })
	}
	<-unwaited
}

func TestWaitedGoroutine(t *testing.T) {
	f := tempFile(t)
	events := run(t, func() {
		var wg sync.WaitGroup
		wg.Go(func() {
			time.Sleep(2 * time.Millisecond) // finish after Wait parks: a Done before Wait leaves no trace
			writeLine(f)
		})
		wg.Wait()
	})
	e := find(t, events, hotcheck.FileWrite, "hotcheck_test.writeLine")
	if !e.Waited || !strings.Contains(e.String(), "wrote to a file in a goroutine it waited for") {
		t.Errorf("Waited = %v, message %q; want the write counted as fn's", e.Waited, e)
	}
}

// TestResultHandedBack: a goroutine whose send fn receives counts, even
// when it parked in the send before fn came to receive.
func TestResultHandedBack(t *testing.T) {
	f := tempFile(t)
	events := run(t, func() {
		done := make(chan bool)
		go func() { writeLine(f); done <- true }()
		time.Sleep(2 * time.Millisecond) // the goroutine parks in its send first
		<-done
	})
	if e := find(t, events, hotcheck.FileWrite, "hotcheck_test.writeLine"); !e.Waited {
		t.Errorf("%s: Waited false", e)
	}
}

func TestNoBlockingIOFails(t *testing.T) {
	f := tempFile(t)
	ft := &fakeT{TB: t}
	hotcheck.NoBlockingIO(ft, func() { writeLine(f) })
	if ft.fatal || len(ft.errors) != 1 || !strings.HasPrefix(ft.errors[0], "hotcheck: writeLine wrote to a file: ") {
		t.Errorf("fatal %v, errors %q; want one Errorf for the write", ft.fatal, ft.errors)
	}
}

func TestAllow(t *testing.T) {
	f := tempFile(t)
	write := func() { writeLine(f) }
	for _, opt := range []hotcheck.Option{
		hotcheck.Allow(hotcheck.FileWrite),
		hotcheck.AllowCalls("hotcheck_test.writeLine"),
		hotcheck.AllowCalls("github.com/iohotpath/iohotpath/hotcheck_test.writeLine"),
		hotcheck.AllowCalls("os.(*File).*"),
	} {
		if events := run(t, write, opt); len(events) != 0 {
			t.Errorf("option did not silence the write:\n%s", list(events))
		}
	}
	if events := run(t, write, hotcheck.Allow(hotcheck.Fsync), hotcheck.AllowCalls("os.Open")); len(events) == 0 {
		t.Error("unrelated options silenced the write")
	}
}

func TestAllowUnknownCategory(t *testing.T) {
	ft := &fakeT{TB: t}
	hotcheck.NoBlockingIO(ft, func() {}, hotcheck.Allow("files"))
	if !ft.fatal || len(ft.errors) != 1 || !strings.Contains(ft.errors[0], `unknown category "files"`) {
		t.Errorf("fatal %v, errors %q; want Fatalf naming the category", ft.fatal, ft.errors)
	}
}

// TestParallel runs uses at once: they are serialised, each sees its own.
func TestParallel(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			f := tempFile(t)
			find(t, run(t, func() { writeLine(f) }), hotcheck.FileWrite, "hotcheck_test.writeLine")
			hotcheck.NoBlockingIO(t, func() { _ = time.Now() })
		})
	}
}

// TestUnderTraceStart shows a recorder works beside a running trace, as
// under go test -trace.
func TestUnderTraceStart(t *testing.T) {
	if !trace.IsEnabled() {
		if err := trace.Start(io.Discard); err != nil {
			t.Fatal(err)
		}
		defer trace.Stop()
	}
	f := tempFile(t)
	find(t, run(t, func() { writeLine(f) }), hotcheck.FileWrite, "hotcheck_test.writeLine")
}

func TestPanicReleases(t *testing.T) {
	func() {
		defer func() { recover() }()
		hotcheck.Run(func() { panic("boom") })
	}()
	hotcheck.NoBlockingIO(t, func() {}) // would deadlock if the panic kept the lock
}
