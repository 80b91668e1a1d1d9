// Package lib is the bottom of a dependency chain: the blocking calls.
package lib

import (
	"os"
	"sync"
)

// Store appends records to a file.
type Store struct{ path string }

func New(path string) *Store { return &Store{path: path} }

// AppendRecord looks harmless at the call site; two calls down it writes a
// file. It is declared before its helper and the helper before its callee:
// order must not matter.
func (s *Store) AppendRecord(rec string) error { // want AppendRecord:`blocking\(file\): lib.writeAll -> os.WriteFile`
	return writeAll(s.path, []byte(rec))
}

func writeAll(path string, b []byte) error { // want writeAll:`blocking\(file\): os.WriteFile`
	return os.WriteFile(path, b, 0o600)
}

// Even and Odd are mutually recursive; Odd blocks, so both do.
func Even(n int) bool { // want Even:`blocking\(stat\): lib.Odd -> os.Stat`
	if n == 0 {
		return true
	}
	return Odd(n - 1)
}

func Odd(n int) bool { // want Odd:`blocking\(stat\): os.Stat`
	os.Stat("x")
	return Even(n - 1)
}

// Spin recurses without I/O: no fact, and the fixpoint terminates.
func Spin(n int) int {
	if n == 0 {
		return 0
	}
	return Spin(n - 1)
}

// Background only does I/O in a goroutine: no fact.
func Background(path string) {
	go func() {
		os.Remove(path)
	}()
}

var once sync.Once

// Init only does I/O once: no fact.
func Init(path string) {
	once.Do(func() {
		os.Remove(path)
	})
}

// Pure does no I/O.
func Pure(a, b int) int { return a + b }

// Box is generic; its method blocks.
type Box[T any] struct{ v T }

func (b *Box[T]) Save() { // want Save:`blocking\(file\): os.Create`
	os.Create("box")
}

// Closure calls a literal stored in a variable.
func Closure() { // want Closure:`blocking\(file\): lib.Closure.func1 -> os.Remove`
	rm := func() { os.Remove("x") }
	rm()
}

// Passed hands a literal to an unknown caller: not a call by Passed.
func Passed(run func(func())) {
	run(func() { os.Remove("x") })
}

// Fatal only blocks on an error-exit path.
func Fatal(err error) error {
	if err != nil {
		os.Remove("crash")
		return err
	}
	return nil
}
