// Package errs makes errors the way go-errors does: with a stack, printed
// by reading the source files. Its functions always fail, or fail when
// their argument is an error: facts say so, whatever they are called, and
// the files Wrap reads to build the error are the failure's cost (Wrap's
// tail returns a made error), so none of them blocks.
package errs

import (
	"errors"
	"fmt"
	"net/http"
	"os"
)

// Error carries a stack, printed with source lines.
type Error struct {
	Err   error
	lines []byte
}

func (e *Error) Error() string { return e.Err.Error() }

// Wrap returns nil for nil, and an *Error that read the sources otherwise.
func Wrap(e interface{}, skip int) *Error { // want Wrap:"^fails if arg 1$"
	if e == nil {
		return nil
	}
	var err error
	switch e := e.(type) {
	case *Error:
		return e
	case error:
		err = e
	default:
		err = fmt.Errorf("%v", e)
	}
	src, _ := os.ReadFile("errs.go") // the stack's source lines
	return &Error{Err: err, lines: src}
}

// Errorf always fails: it wraps an error it makes.
func Errorf(format string, a ...any) *Error { // want Errorf:"^fails$"
	return Wrap(fmt.Errorf(format, a...), 1)
}

// MustBugf is a bug assert: it always returns an error, built by Errorf.
func MustBugf(format string, a ...any) error { // want MustBugf:"^fails$"
	if os.Getenv("IN_TESTS") != "" {
		panic(fmt.Sprintf(format, a...))
	}
	return Errorf("BUG: "+format, a...)
}

// ErrGone is a sentinel.
var ErrGone = errors.New("gone")

// Gone always fails, with a sentinel, and does no I/O.
func Gone() error { return ErrGone } // want Gone:"fails"

// Maybe fails only sometimes: not a constructor.
func Maybe(ok bool) error {
	if ok {
		return nil
	}
	return ErrGone
}

// Save writes and returns what the write returned: the normal path.
func Save(p string) error { // want Save:"blocking\\(file\\): os.WriteFile"
	return Wrap(os.WriteFile(p, nil, 0o600), 0)
}

// HTTPError answers with 400, as mailpit's httpError does.
func HTTPError(w http.ResponseWriter, msg string) { // want HTTPError:"answers error"
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprint(w, msg)
}

// WriteJSON answers with the status it is given.
func WriteJSON(w http.ResponseWriter, status int, v any) { // want WriteJSON:"answers status of arg 2"
	w.WriteHeader(status)
	fmt.Fprint(w, v)
}

// Status is an OAuth-style error with a description, as zitadel/oidc's
// oidc.Error is.
type Status struct{ Type, Description string }

func (s *Status) Error() string { return s.Type }

// ErrInvalidRequest always fails.
func ErrInvalidRequest() *Status { return &Status{Type: "invalid_request"} } // want ErrInvalidRequest:"^fails$"

// WithDescription returns its receiver: an error when that is one.
func (s *Status) WithDescription(d string) *Status { // want WithDescription:"^fails if receiver$"
	s.Description = d
	return s
}

// ErrDenied is a constructor kept in a variable, as zitadel/oidc keeps
// its errors: the variable's fact says it fails.
var ErrDenied = func() *Status { return &Status{Type: "access_denied"} } // want ErrDenied:"^fails$"
