// Package hygiene exercises the loop-hygiene rules in code that is not hot.
package hygiene

import (
	"fmt"
	"iter"
	"net/http"
	"os"
	"sync"
)

func ProcessAll(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close() // want `^defer f\.Close\(\) in a loop keeps every file open until ProcessAll returns; close it in the loop or move the body into a function$`
		fmt.Fprintln(os.Stdout, f.Name())
	}
	return nil
}

type Counter struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	seen map[string]int
}

func (c *Counter) AddAll(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		defer c.mu.Unlock() // want `^defer c\.mu\.Unlock\(\) in a loop holds every lock until Counter\.AddAll returns, so the Lock of the next iteration deadlocks; unlock in the loop or move the body into a function$`
		c.seen[k]++
	}
}

func (c *Counter) Count(keys []string) (n int) {
	for i := 0; i < len(keys); i++ {
		c.rw.RLock()
		defer c.rw.RUnlock() // want `^defer c\.rw\.RUnlock\(\) in a loop holds every read lock until Counter\.Count returns`
		n += c.seen[keys[i]]
	}
	return n
}

func FetchAll(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `^defer resp\.Body\.Close\(\) in a loop keeps every response body open until FetchAll returns; close it in the loop`
	}
}

func cleanup(name string) { os.Remove(name) }

func Generic(names []string) {
	for _, n := range names {
		defer cleanup(n) // want `^defer cleanup\(n\) in a loop runs every deferred call only when Generic returns; call it in the loop or move the body into a function$`
		defer func() {   // want `^defer func\(\) \{\.\.\.\}\(\) in a loop runs every deferred call only when Generic returns`
			fmt.Println(n)
		}()
	}
}

// PerIteration is the fix: each pass runs in its own function, whose defer
// runs at the end of the pass.
func PerIteration(paths []string) error {
	for _, p := range paths {
		err := func() error {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = fmt.Fprintln(os.Stdout, f.Name())
			return err
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// InLiteral: a loop inside a function literal is a loop of its own.
func InLiteral(paths []string) {
	walk := func() {
		for _, p := range paths {
			f, _ := os.Open(p)
			defer f.Close() // want `until the function literal in InLiteral returns`
		}
	}
	walk()
}

var handler = func(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `until handler returns`
	}
}

// FirstName runs its body once: it always returns.
func FirstName(paths []string) (string, error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		defer f.Close()
		return f.Name(), nil
	}
	return "", nil
}

// FirstBreak runs its body once: it always breaks out.
func FirstBreak(paths []string) (name string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close()
		name = f.Name()
		break
	}
Outer:
	for _, p := range paths {
		for _, q := range paths {
			if p == q {
				break
			}
			fmt.Println(q)
		}
		f, _ := os.Open(p)
		defer f.Close()
		name = f.Name()
		break Outer
	}
	return name
}

// FirstReadable skips unreadable paths, then returns: the defer runs at
// most once.
func FirstReadable(paths []string) string {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close()
		return f.Name()
	}
	return ""
}

// FirstNamed may run its defer many times: a continue follows it.
func FirstNamed(paths []string) string {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close() // want `in a loop keeps every file open until FirstNamed returns`
		if f.Name() == "" {
			continue
		}
		return f.Name()
	}
	return ""
}

// Sidecar leaves the loop in the block of the defer.
func Sidecar(paths []string, verbose bool) (name string) {
	for _, p := range paths {
		if len(p) == 0 {
			continue
		}
		if f, err := os.Open(p); err == nil {
			defer f.Close()
			if verbose {
				fmt.Println(p)
			}
			name = f.Name()
			break
		}
	}
	for _, p := range paths {
		switch len(p) {
		case 0:
			continue
		default:
			f, _ := os.Open(p)
			defer f.Close()
			return f.Name()
		}
	}
	return name
}

// SwitchBreak: the break leaves the switch, not the loop, and skips the
// return.
func SwitchBreak(paths []string) string {
	for _, p := range paths {
		switch len(p) {
		case 0:
		default:
			f, _ := os.Open(p)
			defer f.Close() // want `keeps every file open until SwitchBreak returns`
			if f.Name() == "" {
				break
			}
			return f.Name()
		}
	}
	return ""
}

type node struct {
	mu   sync.Mutex
	next *node
}

// Couple locks a different mutex on each iteration: no deadlock, but every
// lock is held until the function returns.
func Couple(head *node) {
	for n := head; n != nil; n = n.next {
		n.mu.Lock()
		defer n.mu.Unlock() // want `^defer n\.mu\.Unlock\(\) in a loop holds every lock until Couple returns; unlock in the loop or move the body into a function$`
	}
}

// Nested: the inner loop runs once per pass of the outer one, which repeats.
func Nested(groups [][]string) {
	for _, g := range groups {
		for _, p := range g {
			f, _ := os.Open(p)
			defer f.Close() // want `in a loop keeps every file open until Nested returns`
			break
		}
	}
}

func NestedBlocks(paths []string, verbose bool) {
	for _, p := range paths {
		if verbose {
			f, _ := os.Open(p)
			defer f.Close() // want `keeps every file open until NestedBlocks returns`
		}
		switch len(p) {
		case 0:
		default:
			{
				defer fmt.Println(p) // want `runs every deferred call only when NestedBlocks returns`
			}
		}
	}
}

func RangeFunc(seq iter.Seq[string]) {
	for p := range seq {
		f, _ := os.Open(p)
		defer f.Close() // want `keeps every file open until RangeFunc returns`
	}
}

func RangeInt(mu *sync.Mutex) {
	for range 3 {
		mu.Lock()
		defer mu.Unlock() // want `holds every lock until RangeInt returns`
	}
}

func Suppressed(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() //iohotpath:ignore at most three paths, closed on return
		//iohotpath:ignore the caller passes one path
		defer fmt.Println(p)
	}
}

// NotInLoop defers outside any loop.
func NotInLoop(p string) {
	f, _ := os.Open(p)
	defer f.Close()
	for i := 0; i < 3; i++ {
		fmt.Fprintln(os.Stdout, i)
	}
}
