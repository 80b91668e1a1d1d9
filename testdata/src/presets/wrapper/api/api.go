// Package api passes its operations to another package's wrappers.
package api

import (
	"log"
	"net/http"
	"os"

	"presets/wrapper/wrap"
)

type server struct{ dir string }

func (s *server) getObject(r *http.Request) wrap.Response { // want getObject:"hot blocking\\(file\\)"
	b, err := os.ReadFile(s.dir + r.URL.Path) // want `os.ReadFile reads a file on every call of HTTP handler server.getObject`
	if err != nil {
		return wrap.Response{Status: http.StatusNotFound}
	}
	return wrap.Response{Status: http.StatusOK, Data: b}
}

func listBuckets(r *http.Request) wrap.Response { // want listBuckets:"hot blocking\\(file\\)"
	entries, _ := os.ReadDir("/data") // want `os.ReadDir reads a file on every call of HTTP handler listBuckets`
	return wrap.Response{Status: http.StatusOK, Data: len(entries)}
}

func later(r *http.Request) wrap.Response { // want later:"^blocking\\(log\\)"
	log.Printf("later") // silent: Later runs it apart from the request
	return wrap.Response{}
}

func kept(r *http.Request) wrap.Response { // want kept:"^blocking\\(log\\)"
	log.Printf("kept") // silent: Keep never calls it
	return wrap.Response{}
}

func task(r *http.Request) wrap.Response { // want task:"^blocking\\(log\\)"
	log.Printf("task") // silent: Task returns no handler
	return wrap.Response{}
}

func dump(r *http.Request) wrap.Response { // want dump:"^blocking\\(log\\)"
	log.Printf("dump") // silent: registered at a debug route
	return wrap.Response{}
}

// Routes registers the operations.
func Routes(mux *http.ServeMux, s *server) {
	mux.Handle("/o/", wrap.JSON(s.getObject))
	mux.Handle("/b", wrap.Named("buckets", listBuckets))
	mux.Handle("/later", wrap.Later(later))
	mux.Handle("/kept", wrap.Keep(kept))
	_ = wrap.Task(task)
	mux.Handle("/debug/dump", wrap.JSON(dump))
}
