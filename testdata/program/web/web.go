// Package web is an HTTP handler, hot by the http preset.
package web

import (
	"net/http"

	"example.com/program/handler"
)

// H answers with a store wired in main.
type H struct{ Store handler.Getter }

func (h *H) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v, _ := h.Store.Get(r.URL.Query().Get("id")) // the handler's one query: its job
	for _, id := range r.URL.Query()["more"] {
		more, _ := h.Store.Get(id) // want(http) `h\.Store\.Get \(implemented by \(\*sqlstore\.S\)\.Get\) performs blocking database I/O .* in a loop on every call of HTTP handler H\.ServeHTTP`
		v += more
	}
	w.Write([]byte(v))
}

// Put saves the configuration it is sent.
type Put struct{ Config handler.Saver }

func (p *Put) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.Config.Save(r.URL.Query().Get("cfg")) // want(http) `p\.Config\.Save \(implemented by \(\*filesaver\.F\)\.Save\) performs blocking file I/O .* on every call of HTTP handler Put\.ServeHTTP`
}

// Logged is middleware: the handler it returns hands the request to the
// next one, whose own I/O is counted where it is hot. The hand-off is no
// finding, although the next handler writes a file in main.
func Logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// JSON is a wrapper: the function it is passed is an HTTP handler itself,
// reported in its own body (main's audit literal).
func JSON(h func(r *http.Request) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(h(r))) }
}

// Saved answers through a handler JSON returns. The call is no finding:
// JSON's call of its parameter reaches, by the call graph, every function
// ever wrapped (main's blocking audit literal too), and each of those is
// hot in its own body.
func Saved(w http.ResponseWriter, r *http.Request) {
	handler := JSON(func(r *http.Request) string { return "ok" })
	handler(w, r) // silent under -program
}
