package hotcheck

import (
	"strings"
	"testing"

	xtrace "golang.org/x/exp/trace"
)

// stack builds frames, leaf first, from function names.
func stack(funcs ...string) []Frame {
	out := make([]Frame, len(funcs))
	for i, f := range funcs {
		out[i] = Frame{Func: f, File: "/src/x.go", Line: i + 1}
	}
	return out
}

// TestQuietCalls proves every row silences the stack it is for, and that
// the same leaf without the row's context is reported.
func TestQuietCalls(t *testing.T) {
	stacks := map[string][]Frame{
		"syscall.fcntl":                    stack("syscall.fcntl", "syscall.SetNonblock", "os.newFile", "os.OpenFile", "example.com/app.F"),
		"internal/syscall/unix.Fcntl":      stack("internal/syscall/unix.Fcntl", "os.newFile", "example.com/app.F"),
		"golang.org/x/sys/unix.fcntl":      stack("golang.org/x/sys/unix.fcntl", "golang.org/x/sys/unix.SetNonblock", "example.com/app.F"),
		"syscall.setsockopt":               stack("syscall.setsockopt", "syscall.SetsockoptInt", "net.setNoDelay", "net.Dial", "example.com/app.F"),
		"syscall.getsockopt":               stack("syscall.getsockopt", "syscall.GetsockoptInt", "net.(*netFD).connect", "net.Dial", "example.com/app.F"),
		"golang.org/x/sys/unix.setsockopt": stack("golang.org/x/sys/unix.setsockopt", "example.com/app.F"),
		"golang.org/x/sys/unix.getsockopt": stack("golang.org/x/sys/unix.getsockopt", "example.com/app.F"),
		"syscall.Close under net.(*netFD).Close": stack("syscall.Close", "internal/poll.(*FD).destroy", "internal/poll.(*FD).Close",
			"net.(*netFD).Close", "net.(*conn).Close", "example.com/app.F"),
		"syscall.Close under net.(*netFD).dial": stack("syscall.Close", "net.(*netFD).dial", "net.Dial", "example.com/app.F"),
		"testing.*":                             stack("syscall.write", "syscall.Write", "os.(*File).Write", "testing.(*common).log", "testing.(*common).Logf", "example.com/app.F"),
		"runtime/trace.*":                       stack("syscall.write", "runtime/trace.Log", "example.com/app.F"),
	}
	for _, q := range quietCalls {
		name := q.fn
		if q.under != "" {
			name += " under " + q.under
		}
		s, ok := stacks[name]
		if !ok {
			t.Errorf("quietCalls row %q has no test stack", name)
			continue
		}
		if _, _, _, quiet := classifySyscall(s); !quiet {
			t.Errorf("%s: reported; want quiet (%s)", name, q.why)
		}
		delete(stacks, name)
	}
	for name := range stacks {
		t.Errorf("test stack %q has no quietCalls row", name)
	}

	// The same leaves elsewhere are reported.
	for _, s := range [][]Frame{
		stack("syscall.Close", "internal/poll.(*FD).Close", "os.(*file).close", "os.(*File).Close", "example.com/app.F"),
		stack("syscall.write", "syscall.Write", "os.(*File).Write", "example.com/app.F"),
	} {
		if _, _, _, quiet := classifySyscall(s); quiet {
			t.Errorf("%s: quiet; want reported", s[0].Func)
		}
	}
}

func TestClassifySyscall(t *testing.T) {
	for _, c := range []struct {
		stack []Frame
		cat   Category
		what  string
	}{
		{stack("syscall.write", "syscall.Write", "os.(*File).Write", "fmt.Fprintf", "example.com/app.F"), FileWrite, "wrote to a file"},
		{stack("syscall.pread", "syscall.Pread", "os.(*File).ReadAt", "example.com/app.F"), FileRead, "read a file"},
		{stack("syscall.openat", "syscall.Open", "os.OpenFile", "example.com/app.F"), FileOpen, "opened a file"},
		{stack("syscall.Fsync", "internal/poll.(*FD).Fsync", "os.(*File).Sync", "example.com/app.F"), Fsync, "synced a file to disk"},
		{stack("golang.org/x/sys/unix.Fdatasync", "example.com/app.F"), Fsync, "synced a file to disk"},
		{stack("syscall.fstatat", "os.Stat", "example.com/app.F"), File, "inspected a file"},
		{stack("syscall.write", "syscall.Write", "net.(*netFD).Write", "net.(*conn).Write", "example.com/app.F"), Network, "wrote to the network"},
		{stack("syscall.read", "syscall.Read", "net.(*netFD).Read", "example.com/app.F"), Network, "read from the network"},
		{stack("syscall.connect", "syscall.Connect", "net.(*netFD).connect", "net.Dial", "example.com/app.F"), Network, "connected to the network"},
		{stack("syscall.Splice", "internal/poll.Splice", "net.spliceFrom", "example.com/app.F"), Network, "wrote to the network"},
		{stack("syscall.Close", "net.(*netFD).accept", "example.com/app.F"), Network, "used the network (close)"},
		{stack("syscall.openat", "os.Open", "os/exec.(*Cmd).childStdin", "os/exec.(*Cmd).Start", "example.com/app.F"), Process, "started a process"},
		{stack("syscall.readlen", "syscall.forkExec", "syscall.StartProcess", "os.StartProcess", "example.com/app.F"), Process, "started a process"},
		{stack("internal/syscall/unix.Waitid", "os.(*Process).pidfdWait", "os.(*Process).Wait", "os/exec.(*Cmd).Wait", "example.com/app.F"), Process, "waited for a process"},
		{stack("syscall.wait4", "os.(*Process).blockUntilWaitable", "example.com/app.F"), Process, "signalled a process"},
		{stack("syscall.Syscall", "example.com/app.ioctl", "example.com/app.F"), Syscall, "made a system call (ioctl)"},
		{stack("syscall.Syscall6", "syscall.epollwait", "example.com/app.F"), Syscall, "made a system call (epollwait)"},
		{stack("example.com/app._Cfunc_cwrite", "example.com/app.F"), Cgo, "called C (cwrite)"},
		{stack("net._C2func_getaddrinfo", "net.cgoLookupHost", "example.com/app.F"), Network, "used the network (_c2func_getaddrinfo)"},
	} {
		cat, what, _, quiet := classifySyscall(c.stack)
		if quiet || cat != c.cat || what != c.what {
			t.Errorf("%s: %s %q (quiet %v); want %s %q", c.stack[0].Func, cat, what, quiet, c.cat, c.what)
		}
	}
}

// TestTablesUseCategories: every category can be produced, every row's
// category is one of Categories.
func TestTablesUseCategories(t *testing.T) {
	seen := map[Category]bool{}
	for _, l := range leafCalls {
		seen[l.cat] = true
	}
	for _, c := range contexts {
		seen[c.cat] = true
	}
	for _, p := range parkReasons {
		seen[p.cat] = true
	}
	seen[Syscall], seen[Cgo] = true, true // the default, and cgo stubs
	for c := range seen {
		if !isCategory(c) {
			t.Errorf("table category %q is not in Categories", c)
		}
	}
	for _, c := range Categories {
		if !seen[c] {
			t.Errorf("category %q is produced by no table", c)
		}
	}
	for name := range leafCalls {
		if name != strings.ToLower(name) {
			t.Errorf("leafCalls key %q is not lower-case: baseName never produces it", name)
		}
	}
}

func TestNames(t *testing.T) {
	for _, c := range []struct{ fn, short, display string }{
		{"github.com/x/scorer.(*Scorer).Evaluate", "scorer.(*Scorer).Evaluate", "Evaluate"},
		{"github.com/x/scorer_test.TestX.func1", "scorer_test.TestX.func1", "TestX.func1"},
		{"os.(*File).Write", "os.(*File).Write", "Write"},
		{"os/exec.(*Cmd).Run", "exec.(*Cmd).Run", "Run"},
		{"example.com/m.F[...]", "m.F[...]", "F[...]"},
	} {
		if got := shortFunc(c.fn); got != c.short {
			t.Errorf("shortFunc(%q) = %q, want %q", c.fn, got, c.short)
		}
		if got := displayName(c.fn); got != c.display {
			t.Errorf("displayName(%q) = %q, want %q", c.fn, got, c.display)
		}
	}
	for fn, want := range map[string]bool{
		"syscall.Write": true, "syscall.write": false, "internal/poll.(*FD).Write": false,
		"runtime.entersyscall": false, "os.(*File).Write": true, "os.(*File).write": false,
		"net.(*netFD).Write": true, "example.com/app.helper": true, "fmt.Fprintf": true,
	} {
		if got := isShown(fn); got != want {
			t.Errorf("isShown(%q) = %v, want %v", fn, got, want)
		}
	}
}

func TestEventString(t *testing.T) {
	e := Event{
		Category: FileWrite, What: "wrote to a file", Call: "syscall.write", Count: 2,
		Stack: []Frame{
			{"syscall.write", "/go/src/syscall/zsyscall_linux_amd64.go", 964},
			{"syscall.Write", "/go/src/syscall/syscall_unix.go", 211},
			{"internal/poll.(*FD).Write", "/go/src/internal/poll/fd_unix.go", 374},
			{"os.(*File).write", "/go/src/os/file_posix.go", 47},
			{"os.(*File).Write", "/go/src/os/file.go", 215},
			{"fmt.Fprintf", "/go/src/fmt/print.go", 225},
			{"github.com/x/scorer.(*Scorer).Evaluate", "/src/scorer/scorer.go", 27},
			{"github.com/x/scorer_test.TestEvaluate.func1", "/src/scorer/scorer_test.go", 12},
		},
	}
	want := "Evaluate wrote to a file: syscall.Write ← os.(*File).Write ← fmt.Fprintf ← scorer.(*Scorer).Evaluate (scorer.go:27), 2 times"
	if got := e.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	e = Event{Category: Process, What: "started a process", Call: "internal/syscall/unix.PidFDOpen",
		Stack: stack("internal/syscall/unix.PidFDOpen", "os.checkPidfd", "os.StartProcess", "example.com/app.F")}
	if got, want := e.String(), "F started a process: unix.PidFDOpen ← os.StartProcess ← app.F (x.go:4)"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestCounted follows goroutines from fn's: started and waited for count,
// transitively; handed work, or not started in the call, do not.
func TestCounted(t *testing.T) {
	w := newWindow()
	w.root = 1
	w.parent = map[xtrace.GoID]xtrace.GoID{2: 1, 3: 2, 4: 1, 5: 1, 6: 1}
	w.wake(2, 1) // 2 woke fn (WaitGroup.Done)
	w.wake(3, 2) // 3 woke 2, which counts
	w.wake(1, 4) // fn woke 4: fn handed it work
	w.sending[5] = true
	w.wake(1, 5) // fn took 5's value from its parked send
	w.wake(7, 1) // 7 was not started in the call
	got := w.counted()
	for g, want := range map[xtrace.GoID]bool{1: true, 2: true, 3: true, 4: false, 5: true, 6: false, 7: false} {
		if got[g] != want {
			t.Errorf("goroutine %d counted %v, want %v", g, got[g], want)
		}
	}
}
