package hotcheck

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// An Event is one distinct blocking stack seen while fn ran.
type Event struct {
	Category Category
	What     string  // what it did, e.g. "wrote to a file"
	Call     string  // the system call's function (syscall.write) or the park reason (network, sleep)
	Stack    []Frame // leaf first, down to the code under test
	Count    int     // how many times this stack blocked
	Waited   bool    // it ran in a goroutine that fn started and waited for
}

// A Frame is one call in an Event's stack.
type Frame struct {
	Func string // full name, e.g. github.com/x/scorer.(*Scorer).Evaluate
	File string
	Line int
}

// String formats the event as NoBlockingIO reports it:
//
//	Evaluate wrote to a file: syscall.Write ← os.(*File).Write ← fmt.Fprintf ← scorer.(*Scorer).Evaluate (scorer.go:27)
func (e Event) String() string {
	caller := callerIndex(e.Stack)
	var b strings.Builder
	if caller >= 0 {
		b.WriteString(displayName(e.Stack[caller].Func))
	} else {
		b.WriteString("fn")
	}
	b.WriteString(" " + e.What)
	if e.Waited {
		b.WriteString(" in a goroutine it waited for")
	}
	b.WriteString(": ")
	last := caller
	if last < 0 {
		last = len(e.Stack) - 1
	}
	var chain []string
	named := false // the chain names a kernel wrapper
	for i, f := range e.Stack[:last+1] {
		if i != last && !isShown(f.Func) {
			continue
		}
		chain = append(chain, shortFunc(f.Func))
		named = named || isSyscallPackage(f.Func)
	}
	if !named && isSyscallPackage(e.Call) {
		chain = append([]string{shortFunc(e.Call)}, chain...) // an unexported or internal wrapper: still the call
	}
	b.WriteString(strings.Join(chain, " ← "))
	if last >= 0 {
		f := e.Stack[last]
		fmt.Fprintf(&b, " (%s:%d)", filepath.Base(f.File), f.Line)
	}
	if e.Count > 1 {
		fmt.Fprintf(&b, ", %d times", e.Count)
	}
	return b.String()
}

// An Option changes what Run and NoBlockingIO report.
type Option func(*settings)

type settings struct {
	allowCats  map[Category]bool
	allowCalls []string
}

// Allow stops reporting events of the given categories.
func Allow(cats ...Category) Option {
	return func(s *settings) {
		for _, c := range cats {
			s.allowCats[c] = true
		}
	}
}

// AllowCalls stops reporting events whose stack has a frame of one of the
// named functions: a full name (example.com/lib.(*Client).Flush), its short
// form (lib.(*Client).Flush), or a prefix ending in "*" (example.com/lib.*).
func AllowCalls(funcs ...string) Option {
	return func(s *settings) { s.allowCalls = append(s.allowCalls, funcs...) }
}

func newSettings(opts []Option) (*settings, error) {
	s := &settings{allowCats: map[Category]bool{}}
	for _, o := range opts {
		o(s)
	}
	for c := range s.allowCats {
		if !isCategory(c) {
			return nil, fmt.Errorf("unknown category %q (want one of %s)", c, categoryList())
		}
	}
	return s, nil
}

// isAllowed reports whether the options silence e.
func (s *settings) isAllowed(e Event) bool {
	if s.allowCats[e.Category] {
		return true
	}
	for _, p := range s.allowCalls {
		for _, f := range e.Stack {
			if matchFunc(p, f.Func) || matchFunc(p, shortFunc(f.Func)) {
				return true
			}
		}
	}
	return false
}

// NoBlockingIO runs fn and reports through t.Errorf every distinct stack
// at which fn, or a goroutine it started and waited for, made a blocking
// system call or parked for the network or a sleep. It calls t.Fatalf if
// the trace cannot be taken.
func NoBlockingIO(t testing.TB, fn func(), opts ...Option) {
	t.Helper()
	events, err := Run(fn, opts...)
	if err != nil {
		t.Fatalf("hotcheck: %v", err)
		return
	}
	for _, e := range events {
		t.Errorf("hotcheck: %s", e)
	}
}

// Run runs fn under the execution tracer and returns its blocking events,
// one per distinct stack, in the order they first happened, without those
// the options allow. Calls are serialised: the process has one flight
// recorder. Run must not be called from inside fn.
func Run(fn func(), opts ...Option) ([]Event, error) {
	s, err := newSettings(opts)
	if err != nil {
		return nil, err
	}
	events, err := record(fn)
	if err != nil {
		return nil, err
	}
	kept := events[:0]
	for _, e := range events {
		if !s.isAllowed(e) {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

func isCategory(c Category) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

func categoryList() string {
	names := make([]string, len(Categories))
	for i, c := range Categories {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// callerIndex returns the index of the innermost frame outside the
// standard library and cgo's stubs (the code that made the call), or -1.
func callerIndex(stack []Frame) int {
	for i, f := range stack {
		if _, stub := cgoName(f.Func); !isStd(f.Func) && !stub {
			return i
		}
	}
	return -1
}

// isStd reports whether fn is in the standard library: its import path
// has no dot in its first element and is not a main package.
func isStd(fn string) bool {
	path := funcPackage(fn)
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "main"
}

// isShown reports whether a frame between the leaf and the caller is worth
// naming: an exported function of a public standard package.
func isShown(fn string) bool {
	if !isStd(fn) {
		return true
	}
	path := funcPackage(fn)
	if path == "runtime" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") {
		return false
	}
	name := fn[strings.LastIndexByte(fn, '.')+1:]
	r := []rune(name)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// funcPackage returns the import path of a function's full name.
func funcPackage(fn string) string {
	slash := strings.LastIndexByte(fn, '/')
	dot := strings.IndexByte(fn[slash+1:], '.')
	if dot < 0 {
		return fn
	}
	return fn[:slash+1+dot]
}

// shortFunc drops the import path but its last element:
// github.com/x/scorer.(*Scorer).Evaluate is scorer.(*Scorer).Evaluate.
func shortFunc(fn string) string {
	pkg := funcPackage(fn)
	return fn[strings.LastIndexByte(pkg, '/')+1:]
}

// displayName is a function's name without package or receiver:
// scorer.(*Scorer).Evaluate is Evaluate, hotcheck.TestX.func1 TestX.func1.
func displayName(fn string) string {
	name := fn[len(funcPackage(fn)):]
	name = strings.TrimPrefix(name, ".")
	if strings.HasPrefix(name, "(") {
		if _, rest, ok := strings.Cut(name, ")."); ok {
			name = rest
		}
	}
	return name
}
