// Package exits: blocks reached only on failure, after a recovered panic
// or answering with an error status are off the hot path; the look-alikes
// that run on the normal path are reported.
package exits

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

var errTooBig = errors.New("too big")

// hotpath
func BareReturn(p string) { // want BareReturn:"hot blocking\\(file\\): os\\.Open"
	f, err := os.Open(p) // want `os.Open opens a file`
	if err != nil {
		log.Printf("open %s: %v", p, err) // silent: failure, then a bare return
		return
	}
	_ = f
}

// hotpath
func Loop(items []string) { // want Loop:"hot blocking\\(log\\): log\\.Printf"
	for _, it := range items {
		if _, err := strconv.Atoi(it); err != nil {
			log.Printf("bad item %q", it) // want `log.Printf writes a log line in a loop on every call`
			continue                      // a bad item can be every item
		}
	}
}

// hotpath
func CommaOK(m map[string]int, k string) int {
	v, ok := m[k]
	if !ok {
		log.Printf("missing %s", k) // silent: a failed ok, then return
		return 0
	}
	return v
}

// hotpath
func AfterSuccess(s string) int {
	n, err := strconv.Atoi(s)
	if err == nil {
		return n
	}
	log.Printf("bad number %q", s) // silent: after if err == nil { return }
	return 0
}

// hotpath
func Handle2(p string, n int) error { // want Handle2:"hot blocking\\(file\\): os\\.WriteFile"
	if n > 0 {
		return fmt.Errorf("x: %w", os.WriteFile(p, nil, 0o600)) // want `os.WriteFile writes a file`
	}
	return nil
}

// hotpath
func MadeError(n int) error {
	if n > 10 {
		log.Printf("too big: %d", n) // silent: returns an error it makes
		return errTooBig
	}
	if n > 5 {
		log.Printf("big: %d", n) // silent
		return fmt.Errorf("big: %d", n)
	}
	return nil
}

// hotpath
func ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"hot blocking\\(log\\): log\\.Printf"
	if r.Method != http.MethodGet {
		log.Printf("bad method %s", r.Method) // silent: answers with an error status
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/gone" {
		log.Printf("gone") // silent: WriteHeader(410)
		w.WriteHeader(http.StatusGone)
		return
	}
	if r.URL.Path == "/ok" {
		log.Printf("ok") // want `log.Printf writes a log line on every call`
		w.WriteHeader(http.StatusOK)
		return
	}
}

// hotpath
func Recovered() { // want Recovered:"hot blocking\\(log\\): exits\\.Recovered\\.func2 \\-> log\\.Printf"
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic: %v", r) // silent: only after a panic
		}
	}()
	defer func() {
		log.Printf("done") // want `log.Printf writes a log line on every call`
	}()
}

// parse logs only on its error path: it is not blocking.
func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		log.Printf("bad %q", s)
		return 0, err
	}
	return n, nil
}

// record logs on its normal path.
func record(s string) { // want record:"blocking\\(log\\): log.Printf"
	log.Printf("got %q", s)
}

// hotpath
func Helpers(s string) { // want Helpers:"hot blocking\\(log\\): exits\\.record \\-> log\\.Printf"
	parse(s)  // silent
	record(s) // want `record performs blocking log I/O \(log.Printf\)`
}

// hotpath
func FailureFallsThrough(s string) {
	if _, err := strconv.Atoi(s); err != nil {
		log.Printf("bad %q", s) // silent: runs once per failure
	}
}

// hotpath
func FailureInLoop(items []string) { // want FailureInLoop:"hot blocking\\(log\\): log.Printf"
	for _, it := range items {
		if _, err := strconv.Atoi(it); err != nil {
			log.Printf("bad item %q", it) // want `log.Printf writes a log line in a loop`
		}
	}
}

type handler struct{}

func (handler) fail(w http.ResponseWriter, err error) { // want fail:"answers error"
	log.Printf("fail: %v", err)
	http.Error(w, err.Error(), http.StatusBadRequest)
}

func (handler) note(w http.ResponseWriter, msg string) { // want note:"blocking\\(log\\): log.Printf"
	log.Printf("note: %s", msg)
}

// hotpath
func (h handler) Serve(w http.ResponseWriter, r *http.Request) { // want Serve:"hot blocking\\(log\\): exits.handler.note -> log.Printf"
	if r.URL.Path == "" {
		h.fail(w, fmt.Errorf("empty path")) // silent: an error made here and handed on
		return
	}
	if r.URL.Path == "/x" {
		h.note(w, "x") // want `exits.handler.note performs blocking log I/O`
		return
	}
}

const debugParse = false

type parseError struct{}

func (parseError) Error() string { return "parse" }

// parseRecover prints only after a runtime panic: not blocking.
func parseRecover(errp *error) {
	e := recover()
	switch _, ok := e.(interface{ RuntimeError() }); {
	case ok:
		fmt.Fprintf(os.Stderr, "parser panic: %v\n", e)
		*errp = parseError{}
	case e != nil:
		*errp = e.(error)
	}
}

// hotpath
func Parse(s string) (err error) {
	defer parseRecover(&err) // silent
	if debugParse {
		fmt.Println("parsing", s) // silent: dead code
	}
	return nil
}

// hotpath
func Unsupported(w http.ResponseWriter, r *http.Request) {
	if enc := r.Header.Get("Content-Encoding"); enc != "" {
		err := fmt.Errorf("%v encoding is not accepted", enc)
		log.Printf("bad request: %v", err) // silent: answers with an error status
		http.Error(w, err.Error(), http.StatusUnsupportedMediaType)
	}
}

// Breaker is a circuit breaker.
type Breaker interface{ Ready() bool }

// Guarded rejects while its breaker is open (rpcx's getCachedClient): the
// condition joins the lookup's ok to the breaker's state, and the body
// returns an error, so what follows is the normal path, not a failure.
//
// hotpath
func Guarded(breakers map[string]Breaker, k string) (*os.File, error) { // want Guarded:`hot blocking\(file\): os\.Open`
	b, ok := breakers[k]
	if ok && !b.Ready() {
		return nil, os.ErrClosed
	}
	return os.Open(k) // want `os\.Open opens a file on every call of hot function Guarded`
}

// Found returns early with an error when the key is there: the body is
// the failure, what follows the normal path.
//
// hotpath
func Found(seen map[string]bool, k string) error { // want Found:`hot blocking\(file\): os\.WriteFile`
	if _, ok := seen[k]; ok {
		return os.ErrExist
	}
	return os.WriteFile(k, nil, 0o644) // want `os\.WriteFile writes a file on every call of hot function Found`
}

// Code is an error code, as gofakes3's ErrorCode: a constant of it is an
// error made on the spot, never nil.
type Code string

func (c Code) Error() string { return string(c) }

// ErrInternal is a constant error.
const ErrInternal Code = "InternalError"

// Lookup logs and returns a constant error when the store gave nothing
// (gofakes3's "unexpected nil object"): the block ends on a failure.
//
// hotpath
func Lookup(store map[string]*os.File, k string) error { // want Lookup:`hot blocking\(stat\): \(\*os\.File\)\.Stat`
	f := store[k]
	if f == nil {
		log.Printf("unexpected nil object for key %s", k) // silent: returns a constant error
		return ErrInternal
	}
	_, err := f.Stat() // want `\(\*os\.File\)\.Stat stats a file on every call of hot function Lookup`
	return err
}

// Route picks an operation by a query parameter, as gofakes3's
// routeBucket: the lookup's ok says which was asked for, not that anything
// succeeded, so the else is as normal a path as the then; so for a form
// value and a header. (CommaOK's map is not a request's: a missing key
// there fails.)
//
// hotpath
func Route(r *http.Request) { // want Route:`hot blocking\(log\): log\.Printf`
	if _, ok := r.URL.Query()["location"]; ok {
		log.Printf("location") // want `log.Printf writes a log line on every call of hot function Route`
	} else {
		os.ReadFile("index") // want `os.ReadFile reads a file on every call of hot function Route`
	}
	if _, ok := r.Form["v"]; !ok {
		os.Stat("form") // want `os.Stat stats a file on every call of hot function Route`
	}
	h := r.Header
	if _, ok := h["X-Id"]; !ok {
		os.Stat("header") // want `os.Stat stats a file on every call of hot function Route`
	}
}

// Acquire retries until the lock is taken, as tusd's fileUploadLock.Lock:
// the file asking the holder to let go is created only after a failed
// attempt. The write after the loop runs on every call.
//
// hotpath
func Acquire(try func() error, stop string) error { // want Acquire:`hot blocking\(file\): os\.WriteFile`
	for {
		err := try()
		if err == nil {
			break
		}
		// reopen-in-loop only; hot-io is silent: a failed attempt's.
		f, err := os.Create(stop) // want `os.Create opens the same file on every iteration of the loop in Acquire`
		if err != nil {
			return err
		}
		f.Close()
	}
	return os.WriteFile("held", nil, 0o644) // want `os\.WriteFile writes a file on every call of hot function Acquire`
}

// Poll reads each item until one parses: a loop over items, where a bad
// item can be every item.
//
// hotpath
func Poll(items []string) int { // want Poll:`hot blocking\(log\): log\.Printf`
	for _, it := range items {
		n, err := strconv.Atoi(it)
		if err == nil {
			return n
		}
		log.Printf("bad %s", it) // want `log\.Printf writes a log line in a loop on every call of hot function Poll`
	}
	return 0
}
