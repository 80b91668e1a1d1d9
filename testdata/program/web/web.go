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
