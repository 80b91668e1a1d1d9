package hygieneprecision

import (
	"os"
	"time"
)

type proc struct{ f *os.File }

func newProc() *proc    { return &proc{} }
func (p *proc) Close()  {}
func (p *proc) Run(int) {}

// Lazy starts the process on the first item only: the branch sets what its
// condition tests, so the defer runs once.
func Lazy(items []int) {
	var p *proc
	for _, it := range items {
		if p == nil {
			p = newProc()
			defer p.Close() // silent: runs once
		}
		p.Run(it)
	}
}

// Reset sets p back to nil in the loop: every reset starts another one.
func Reset(items []int) {
	var p *proc
	for _, it := range items {
		if p == nil {
			p = newProc()
			defer p.Close() // want `defer p.Close\(\) in a loop`
		}
		p.Run(it)
		if it < 0 {
			p = nil
		}
	}
}

// SafetyNet closes every file itself; the defer covers the early return.
func SafetyNet(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close() // silent: closed below on the way through
		if _, err := f.Stat(); err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

// NoNet never closes in the loop: every file stays open.
func NoNet(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close() // want `defer f.Close\(\) in a loop keeps every file open`
		if _, err := f.Stat(); err != nil {
			return err
		}
	}
	return nil
}

// Atomic writes a temporary file and renames it over the target on every
// iteration: the next one must create it again.
func Atomic(target string, versions [][]byte) {
	tmp := target + ".tmp"
	for _, v := range versions {
		os.WriteFile(tmp, v, 0o600) // silent: renamed away below
		os.Rename(tmp, target)
	}
}

// Overwrite writes the same file again and again.
func Overwrite(target string, versions [][]byte) {
	for _, v := range versions {
		os.WriteFile(target, v, 0o600) // want `os.WriteFile opens the same file on every iteration`
	}
}

type clock interface{ Now() time.Time }

// Stamped writes a file named by the current time, from a clock.
func Stamped(c clock, dir string, lines []string) {
	for _, l := range lines {
		os.WriteFile(dir+c.Now().Format("150405"), []byte(l), 0o600) // silent: a new name every time
	}
}

type tx struct{}

func (tx) Rollback() error { return nil }
func (tx) Commit() error   { return nil }
func (tx) Exec(string)     {}

func begin() (tx, error) { return tx{}, nil }

// Batches commits every transaction: the deferred Rollback is for the
// early returns.
func Batches(batches [][]string) error {
	for _, b := range batches {
		t, err := begin()
		if err != nil {
			return err
		}
		defer func() { _ = t.Rollback() }() // silent: committed below
		for _, q := range b {
			t.Exec(q)
		}
		if err := t.Commit(); err != nil {
			continue
		}
	}
	return nil
}

// Uncommitted never ends its transactions in the loop.
func Uncommitted(batches [][]string) error {
	for _, b := range batches {
		t, err := begin()
		if err != nil {
			return err
		}
		defer t.Rollback() // want `defer t.Rollback\(\) in a loop`
		for _, q := range b {
			t.Exec(q)
		}
	}
	return nil
}

type writer struct{ depth int }

func (w *writer) up()   { w.depth++ }
func (w *writer) down() { w.depth-- }

// Indent sets its flag after the defer, in the same branch: once.
func Indent(w *writer, parts []string) {
	indented := false
	for range parts {
		if !indented {
			w.up()
			defer w.down() // silent: the branch sets what it tests
			indented = true
		}
	}
}

type set map[string]bool

func alloc() (set, func()) { return set{}, func() {} }

func notify(sets ...set) {}

// Collect keeps every pooled set for after the loop: releasing them in
// the loop would hand out sets still in use.
func Collect(keys []string) {
	var sets []set
	for range keys {
		s, done := alloc()
		defer done() // silent: s is kept in sets, used after the loop
		sets = append(sets, s)
	}
	notify(sets...)
}

// Drop uses each set in its iteration only: they pile up for nothing.
func Drop(keys []string) {
	for _, k := range keys {
		s, done := alloc()
		defer done() // want `defer done\(\) in a loop`
		s[k] = true
	}
}
