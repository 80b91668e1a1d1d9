// Package scoping tests what is hot: marked functions, marked loops, and
// what inside them is not hot (go statements, sync.Once, error exits).
package scoping

import (
	"errors"
	"fmt"
	"iter"
	"log"
	"os"
	"sync"
)

//hotpath
func NoSpace() { // want NoSpace:`hot blocking\(file\): os\.Remove`
	os.Remove("x") // want `os.Remove changes the file system on every call of hot function NoSpace`
}

// hotpath
func WithSpace() { // want WithSpace:`hot blocking\(file\): os\.Remove`
	os.Remove("x") // want `os.Remove changes the file system on every call of hot function WithSpace`
}

// Directive form, with other doc text.
//
//iohotpath:hot
func Directive() { // want Directive:`hot blocking\(file\): os\.Remove`
	os.Remove("x") // want `os.Remove changes the file system on every call of hot function Directive`
}

// NotHot mentions hotpath in prose only, so it is not hot.
func NotHot() { // want NotHot:`blocking\(file\): os\.Remove`
	os.Remove("x")
}

var once sync.Once

// hotpath
func Exclusions(ch chan string) { // want Exclusions:`hot blocking\(file\): os\.Remove`
	go func() {
		os.Remove("in goroutine") // off the hot path
	}()
	go os.Remove("goroutine target")
	once.Do(func() {
		os.Remove("once")
	})
	load := sync.OnceValue(func() []byte {
		b, _ := os.ReadFile("once")
		return b
	})
	_ = load
	ch <- "send"
	defer os.Remove("deferred") // want `os.Remove changes the file system on every call of hot function Exclusions`
	func() {
		os.Remove("literal") // want `os.Remove changes the file system on every call of hot function Exclusions`
	}()
	each := func(s string) {
		fmt.Println(s) // want `fmt.Println writes to standard output on every call of hot function Exclusions`
	}
	each("x")
}

// hotpath
func ErrorExits(path string) error { // want ErrorExits:`hot blocking\(file\): os\.Open`
	f, err := os.Open(path) // want `os.Open opens a file on every call of hot function ErrorExits`
	if err != nil {
		log.Printf("open: %v", err) // error exit: once per failure
		return fmt.Errorf("open: %w", err)
	}
	if f == nil {
		log.Print("impossible") // error exit: panics
		panic("nil file")
	}
	if len(path) > 100 {
		fmt.Println("too long") // error exit: exits
		os.Exit(2)
	}
	if len(path) > 50 {
		log.Fatalf("too long %s", path) // error exit: log.Fatal
	}
	if len(path) > 10 {
		log.Print("long path") // want `log.Print writes a log line on every call of hot function ErrorExits`
		return nil             // a nil error: the normal way out
	}
	switch path {
	case "a":
		log.Print("a") // error exit in a case clause
		return errors.New("a")
	case "b":
		log.Print("b") // want `log.Print writes a log line on every call of hot function ErrorExits`
	}
	return f.Close() // want `\(\*os.File\).Close does file I/O on every call of hot function ErrorExits`
}

func Loops(paths []string, seq iter.Seq[string]) { // want Loops:`blocking\(file\): os\.Remove`
	//hotpath
	for _, p := range paths {
		os.Remove(p) // want `os.Remove changes the file system on every iteration of hot loop in Loops`
		for i := 0; i < 3; i++ {
			os.Remove(p) // want `os.Remove changes the file system in a nested loop on every iteration of hot loop in Loops`
		}
		if p == "" {
			log.Print("empty: stop") // leaves the hot loop: once
			break
		}
		if p == "." {
			log.Print("dot") // want `log.Print writes a log line on every iteration of hot loop in Loops`
			continue
		}
		switch p {
		case "x":
			log.Print("x") // want `log.Print writes a log line on every iteration of hot loop in Loops`
			break // breaks the switch, not the loop
		}
	}

	// iohotpath:hot // want `directives take no space after //: write //iohotpath:hot`
	for _, p := range paths {
		os.Remove(p)
	}

	// A comment group that ends with the marker.
	//iohotpath:hot
	for p := range seq {
		os.Remove(p) // want `os.Remove changes the file system on every iteration of hot loop in Loops`
	}

	//hotpath
outer:
	for _, err := os.Stat("flag"); err == nil; _, err = os.Stat("flag") { // want `os.Stat stats a file on every iteration of hot loop in Loops`
		for _, p := range paths {
			if p == "" {
				log.Print("leave") // leaves the hot loop by label
				break outer
			}
		}
	}

	for _, p := range paths { // not marked: not hot
		os.Remove(p)
	}
}

// Method value and closure stored in a variable.
//
// hotpath
func Values(f *os.File) { // want Values:`hot blocking\(file\): \(\*os\.File\)\.Write`
	w := f.Write
	w([]byte("x")) // want `\(\*os.File\).Write writes a file on every call of hot function Values`
}

// hotpath
func Nested() { // want Nested:`hot blocking\(file\): os\.Remove`
	// hotpath
	for i := 0; i < 2; i++ { // marker inside hot function: already hot, no double report
		os.Remove("x") // want `os.Remove changes the file system in a loop on every call of hot function Nested`
	}
}

// Generic hot function.
//
// hotpath
func Generic[T any](v T) { // want Generic:`hot blocking\(stdout\): fmt\.Printf`
	fmt.Printf("%v\n", v) // want `fmt.Printf writes to standard output on every call of hot function Generic`
}

// Hot loops in literals of package-level variables, nested ones included,
// are reported once each.
var Each = func(paths []string) {
	//hotpath
	for _, p := range paths {
		os.Remove(p) // want `os.Remove changes the file system on every iteration of hot loop in scoping.init.func1`
	}
	inner := func() {
		//hotpath
		for _, p := range paths {
			os.Lstat(p) // want `os.Lstat stats a file on every iteration of hot loop in scoping.init.func1`
		}
	}
	inner()
}
