// Package web is a service's own handler adapter, as inbucket's
// pkg/server/web: its handlers take a context and return an error, and
// Handler's ServeHTTP builds the one and reports the other.
package web

import (
	"log"
	"net/http"
)

// Context is what a handler is given besides the request.
type Context struct{ Vars map[string]string }

// Handler is an adapter: ServeHTTP, an HTTP handler, calls the value it
// is on, so a function converted to Handler runs on every request.
type Handler func(http.ResponseWriter, *http.Request, *Context) error // want Handler:"adapter\\(ServeHTTP, HTTP handler\\)"

func (h Handler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	ctx := &Context{}
	if err := h(w, req, ctx); err != nil { // silent: the converted function is reported in its own body
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Wrapped looks like Handler but only keeps its function: ServeHTTP
// never calls it, so a function converted to Wrapped is not a handler.
type Wrapped func(http.ResponseWriter, *http.Request, *Context) error

func (h Wrapped) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// Later calls its value in a goroutine, apart from the request: no adapter.
type Later func(*Context)

func (h Later) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	go func() { h(&Context{}) }()
}

// Scorer is an adapter made hot by a marker: a function converted to it
// is a hot function.
type Scorer func(n int) int // want Scorer:"adapter\\(Score\\)"

//iohotpath:hot
func (s Scorer) Score(n int) int { return s(n) }

// Route registers h at path; its parameter is a Handler, so a function
// passed to it is converted implicitly.
func Route(mux *http.ServeMux, path string, h Handler) { mux.Handle(path, h) }

func logged(w http.ResponseWriter, req *http.Request, ctx *Context) error { // want logged:"hot blocking\\(log\\)"
	log.Printf("same package") // want `log.Printf writes a log line on every call of HTTP handler logged`
	return nil
}

var routes = map[string]Handler{"/logged": logged}
