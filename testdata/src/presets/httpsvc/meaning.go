package httpsvc

import (
	"errors"
	"log"
	"log/slog"
	"net/http"
)

// builder answers through a chain, as miniflux's response builder does:
// the status is a field set by one call and written by another.
type builder struct {
	w      http.ResponseWriter
	status int
}

func newBuilder(w http.ResponseWriter) *builder   { return &builder{w: w, status: http.StatusOK} }
func (b *builder) withStatus(status int) *builder { b.status = status; return b }
func (b *builder) write()                         { b.w.WriteHeader(b.status) }

// notFound answers every request it gets with 404: a rejection, not a
// handler's work, though its signature is a handler's.
func notFound(w http.ResponseWriter, r *http.Request) { // want notFound:"answers error"
	log.Printf("not found: %s", r.URL.Path) // silent: net/http's name for the status is given to the chain
	newBuilder(w).withStatus(http.StatusNotFound).write()
}

// found answers 200 through the same builder.
func found(w http.ResponseWriter, r *http.Request) { // want found:"hot blocking\\(log\\): log.Printf"
	log.Printf("found: %s", r.URL.Path) // want `log.Printf writes a log line on every call of HTTP handler found`
	newBuilder(w).withStatus(http.StatusOK).write()
}

// wrapped hands out the error it carries, as miniflux's
// *locale.LocalizedErrorWrapper does: not an error, but a failure when
// it is not nil.
type wrapped struct{ err error }

func (w *wrapped) Error() error { return w.err }

func check(r *http.Request) *wrapped {
	if r.Method != http.MethodGet {
		return &wrapped{errors.New("method")}
	}
	return nil
}

func handleItem(w http.ResponseWriter, r *http.Request) { // want handleItem:"hot blocking\\(log\\): log.Printf"
	if r.URL.Path == "" {
		notFound(w, r) // silent: answers 404
		return
	}
	slog.Debug("item", "query", r.URL.Query().Encode()) // silent: a handler's cost is its I/O, not a debug line's arguments
	if werr := check(r); werr != nil {
		log.Printf("bad item: %v", werr.Error()) // silent: a failure it carries
		return
	}
	log.Printf("item %s", r.URL.Path) // want `log.Printf writes a log line on every call of HTTP handler handleItem`
}
