// Package wrap holds wrappers: functions that take a function and return
// an HTTP handler calling it (fake-gcs-server's jsonToHTTPHandler). What
// they are passed is hot as the handler is, across packages by the
// Wrapper fact.
package wrap

import (
	"encoding/json"
	"net/http"
)

// Response is what a wrapped function answers.
type Response struct {
	Status int
	Data   any
}

// JSON answers with what h returns, as JSON.
func JSON(h func(r *http.Request) Response) http.HandlerFunc { // want JSON:"wrapper\\(param 0, HTTP handler\\)"
	return func(w http.ResponseWriter, r *http.Request) {
		resp := h(r)
		w.WriteHeader(resp.Status)
		json.NewEncoder(w).Encode(resp.Data)
	}
}

// Named returns a handler under a name; its second parameter is wrapped.
func Named(name string, h func(r *http.Request) Response) http.Handler { // want Named:"wrapper\\(param 1, HTTP handler\\)"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Name", name)
		json.NewEncoder(w).Encode(h(r).Data)
	})
}

// Later answers at once and runs h apart from the request: not a wrapper.
func Later(h func(r *http.Request) Response) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		go func() { h(r) }()
		w.WriteHeader(http.StatusAccepted)
	}
}

// Keep keeps h for later and never calls it: not a wrapper.
func Keep(h func(r *http.Request) Response) http.HandlerFunc {
	kept = append(kept, h)
	return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
}

var kept []func(r *http.Request) Response

// Task returns a function that is no handler: not a wrapper.
func Task(h func(r *http.Request) Response) func(r *http.Request) error {
	return func(r *http.Request) error { h(r); return nil }
}
