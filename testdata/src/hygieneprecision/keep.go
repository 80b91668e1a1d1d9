// Package hygieneprecision holds defers in loops that are meant to outlive
// their iteration, each next to a look-alike that must stay reported.
package hygieneprecision

import (
	"fmt"
	"net/http"
	"os"
)

// OpenAll keeps every file open on purpose: the caller reads them all
// after the loop.
func OpenAll(paths []string) ([]*os.File, error) {
	var files []*os.File
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		files = append(files, f)
	}
	return merge(files)
}

func merge(files []*os.File) ([]*os.File, error) { return files, nil }

// ByName stores each file in a map used after the loop.
func ByName(paths []string) int {
	byName := map[string]*os.File{}
	for _, p := range paths {
		f, _ := os.Open(p)
		defer func() { _ = f.Close() }()
		byName[p] = f
	}
	return len(byName)
}

type reader struct {
	name string
	f    *os.File
}

// Wrapped keeps the files in composite literals appended after the loop.
func Wrapped(paths []string) []reader {
	var rs []reader
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close()
		rs = append(rs, reader{name: p, f: f})
	}
	return rs
}

// Last keeps the last file in a variable of the function.
func Last(paths []string) string {
	var last *os.File
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close()
		last = f
	}
	return last.Name()
}

// Sent hands each file to another goroutine.
func Sent(paths []string, out chan<- *os.File) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close()
		out <- f
	}
}

// Responses keeps each response, body included, for after the loop.
func Responses(urls []string) []*http.Response {
	var all []*http.Response
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		all = append(all, resp)
	}
	return all
}

// Look-alikes: the file does not outlive the iteration.

// OnlyInside uses each file in its iteration only.
func OnlyInside(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `keeps every file open until OnlyInside returns`
		fmt.Println(f.Name())
	}
}

// Names keeps the name of each file, not the file.
func Names(paths []string) []string {
	var names []string
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `keeps every file open until Names returns`
		names = append(names, f.Name())
	}
	return names
}

// Statuses keeps a field of each response other than its body.
func Statuses(urls []string) []string {
	var statuses []string
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `keeps every response body open until Statuses returns`
		statuses = append(statuses, resp.Status)
	}
	return statuses
}

// LocalSlice appends to a slice of the iteration.
func LocalSlice(paths []string) {
	for _, p := range paths {
		var files []*os.File
		f, _ := os.Open(p)
		defer f.Close() // want `keeps every file open until LocalSlice returns`
		files = append(files, f)
		fmt.Println(len(files))
	}
}

// Unused appends to a slice nobody reads after the loop.
func Unused(paths []string) {
	var files []*os.File
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `keeps every file open until Unused returns`
		files = append(files, f)
	}
}

// PerGroup keeps the files of a group for after the inner loop, but the
// outer loop still piles every group up.
func PerGroup(groups [][]string) {
	for _, g := range groups {
		var files []*os.File
		for _, p := range g {
			f, _ := os.Open(p)
			defer f.Close() // want `keeps every file open until PerGroup returns`
			files = append(files, f)
		}
		fmt.Println(len(files))
	}
}
