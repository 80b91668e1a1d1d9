package httpsvc

import (
	"log"
	"net/http"
	"strings"
)

// Debug endpoints are an operator's tool, as net/http/pprof's are: a
// handler registered at a route with a debug element, or named for
// debugging, is not a request path.

func (s *Server) handleRand(w http.ResponseWriter, r *http.Request) { // want handleRand:"^blocking\\(log\\)"
	log.Printf("/debug/rand: connected") // silent: registered at /debug/rand
}

func handleDebugVars(w http.ResponseWriter, r *http.Request) { // want handleDebugVars:"^blocking\\(log\\)"
	log.Printf("vars") // silent: a handler named for debugging
}

func handleDebuggerUI(w http.ResponseWriter, r *http.Request) { // want handleDebuggerUI:"hot blocking\\(log\\)"
	log.Printf("ui") // want `log.Printf writes a log line on every call of HTTP handler handleDebuggerUI`
}

func handleItems(w http.ResponseWriter, r *http.Request) { // want handleItems:"hot blocking\\(log\\)"
	log.Printf("items") // want `log.Printf writes a log line on every call of HTTP handler handleItems`
}

func DebugRoutes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/debug/rand", s.handleRand)
	mux.HandleFunc("/debug/vars", handleDebugVars)
	mux.HandleFunc("GET /internal/debug/{name}", func(w http.ResponseWriter, r *http.Request) {
		log.Printf("debug %s", r.PathValue("name")) // silent: a method and a path with a debug element
	})
	mux.Handle("/trace/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("trace") // silent: converted to a HandlerFunc at /trace/
	}))
	reqf := func(w http.ResponseWriter, r *http.Request) {
		log.Printf("requests") // silent: a local function registered at /debug/requests (etcd's registerTrace)
	}
	mux.Handle("/debug/requests", http.HandlerFunc(reqf))
	mux.HandleFunc("/debugger-ui", handleDebuggerUI) // not a debug element
	mux.HandleFunc("/api/items", handleItems)
	mux.HandleFunc("/api/debugged", func(w http.ResponseWriter, r *http.Request) {
		log.Printf("debugged") // want `log.Printf writes a log line on every call of HTTP handler httpsvc.DebugRoutes.func4`
	})
}

// dispatch routes by path itself, as litefs's serveHTTP does.
func dispatch(w http.ResponseWriter, r *http.Request) { // want dispatch:"hot blocking\\(log\\)"
	if strings.HasPrefix(r.URL.Path, "/debug/pprof/") {
		log.Printf("pprof") // silent: a debug route
		return
	}
	switch r.URL.Path {
	case "/debug/vars", "/debug/rand":
		log.Printf("debug route") // silent: every case says debug
		return
	case "/debug/x", "/api/x":
		log.Printf("mixed") // want `log.Printf writes a log line on every call of HTTP handler dispatch`
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		log.Printf("api") // want `log.Printf writes a log line on every call of HTTP handler dispatch`
	}
}
