// Command profhot is the program whose CPU and mutex profiles the profile
// tests take (analyzer/profile_test.go builds it from a copy of this
// directory, runs it, and analyses this package with its profiles).
// Each function is one name form of a profile: a method on a pointer and
// on a value receiver, a generic function, a function literal, a callee
// the compiler inlines; and the look-alikes the profile must leave cold:
// start-up code, the loop a goroutine runs, main.
package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

type Scorer struct{ out *os.File }

// Evaluate runs per item.
func (s *Scorer) Evaluate(x int) int { // want Evaluate:`blocking\(file\): \(\*os.File\).WriteString`
	s.out.WriteString("x") // want `\(\*os.File\).WriteString writes a file on every call of Scorer.Evaluate \(hot by profile: [0-9.]+ % of CPU samples\)`
	return burn(x)
}

// Evaluate of Other is never called: the same short name, cold.
func (o *Other) Evaluate(x int) int { // want Evaluate:`blocking\(file\)`
	o.out.WriteString("x")
	return x
}

type Other struct{ out *os.File }

type Point struct{ X, Y int }

// Norm runs per item, on a value receiver.
func (p Point) Norm() int { // want Norm:`blocking\(stat\)`
	os.Stat(os.DevNull) // want `os.Stat stats a file on every call of Point.Norm \(hot by profile: [0-9.]+ % of CPU samples\)`
	return burn(p.X + p.Y)
}

// Sum runs per item, instantiated with int.
func Sum[T ~int](xs []T) T { // want Sum:`blocking\(stat\)`
	var s T
	for _, x := range xs {
		s += x
	}
	os.Stat(os.DevNull) // want `os.Stat stats a file on every call of Sum \(hot by profile`
	return s + T(burn(int(s)))
}

// touch is small enough to be inlined into its caller.
func touch() { os.Stat(os.DevNull) } // want touch:`blocking\(stat\)` `os.Stat stats a file on every call of touch \(hot by profile`

// Inline calls touch, which the profile shows as an inlined frame.
func Inline(x int) int { // want Inline:`blocking\(stat\): main.touch -> os.Stat`
	for i := 0; i < 100; i++ {
		touch()
	}
	return burn(x)
}

// Cache is a lock many goroutines take.
type Cache struct {
	mu sync.Mutex
	m  map[int]int
	f  *os.File
}

func (c *Cache) Put(k int) { // want Put:`blocking\(sync\)`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = k
	c.f.Sync() // want `\(\*os.File\).Sync syncs a file to disk while c.mu is held \(locked at main.go:[0-9]+\); every goroutine that needs c.mu waits for the disk; goroutines waited [0-9.]+ (s|ms|µs) for c.mu in the profile`
	time.Sleep(50 * time.Microsecond)
}

// Registry is a lock one goroutine takes.
type Registry struct {
	mu sync.Mutex
	m  map[int]int
	f  *os.File
}

func (r *Registry) Add(k int) { // want Add:`blocking\(sync\)`
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[k] = k
	r.f.Sync() // want `\(\*os.File\).Sync syncs a file to disk while r.mu is held \(locked at main.go:[0-9]+\); every goroutine that needs r.mu waits for the disk; copy`
}

func (r *Registry) Get(k int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.m[k]
}

// Marked is hot by its marker, and never runs: -profile-only leaves it
// out.
//
// hotpath
func Marked() { os.Stat(os.DevNull) } // want Marked:`hot blocking\(stat\)` `os.Stat stats a file on every call of hot function Marked; check`

// setup runs once.
func setup() *os.File { // want setup:`blocking\(file\)`
	os.ReadFile(os.DevNull)
	f, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	return f
}

// serve is the loop a goroutine runs: it runs once, and loops.
func serve(out *os.File, until time.Time) { // want serve:`blocking\(stat\)`
	os.Stat(os.DevNull)
	s := &Scorer{out: out}
	score := func(i int) int {
		os.Stat(os.DevNull) // want `os.Stat stats a file on every call of main.serve.func1 \(hot by profile`
		return burn(i)
	}
	unused := func(i int) int {
		os.Stat(os.DevNull)
		return i
	}
	_ = unused
	for i := 0; time.Now().Before(until); i++ {
		s.Evaluate(i)
		Point{i, i}.Norm()
		Sum([]int{i, i + 1})
		score(i)
		Inline(i)
	}
}

//go:noinline
func burn(x int) int {
	for i := 0; i < 200000; i++ {
		x = x*31 + i
	}
	return x
}

func main() { // want main:`blocking\(file\)`
	cpu := flag.String("cpu", "cpu.pprof", "CPU profile")
	mutex := flag.String("mutex", "mutex.pprof", "mutex profile")
	d := flag.Duration("d", 2*time.Second, "how long to run")
	flag.Parse()
	runtime.SetMutexProfileFraction(1)
	out := setup()
	cf, _ := os.Create(*cpu)
	pprof.StartCPUProfile(cf)
	until := time.Now().Add(*d)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { serve(out, until) })
	}
	c := &Cache{m: map[int]int{}, f: out}
	for g := range 8 {
		wg.Go(func() {
			for i := 0; time.Now().Before(until); i++ {
				c.Put(g*1000 + i%1000)
			}
		})
	}
	r := &Registry{m: map[int]int{}, f: out}
	wg.Go(func() {
		for i := 0; time.Now().Before(until); i++ {
			r.Add(i)
			r.Get(i)
			time.Sleep(time.Millisecond)
		}
	})
	wg.Wait()
	pprof.StopCPUProfile()
	cf.Close()
	mf, _ := os.Create(*mutex)
	pprof.Lookup("mutex").WriteTo(mf, 0)
	mf.Close()
}
