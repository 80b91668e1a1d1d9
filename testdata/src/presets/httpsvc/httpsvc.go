// Package httpsvc: with -hot=http, net/http handlers are hot; one query or
// upstream call per request is the handler's job, one per item is not.
package httpsvc

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
)

type Server struct {
	db   *sql.DB
	once sync.Once
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"hot blocking\\(database\\)"
	var name string
	s.db.QueryRow("select name from users where id = ?", r.FormValue("id")).Scan(&name) // silent: the handler's one query
	log.Printf("request %s", r.URL.Path)                                                // want `log.Printf writes a log line on every call of HTTP handler Server.ServeHTTP`
	for _, id := range r.URL.Query()["id"] {
		s.db.QueryRow("select ?", id) // want `\(\*sql.DB\).QueryRow queries the database in a loop on every call of HTTP handler Server.ServeHTTP`
	}
	fmt.Fprintln(w, name)                              // silent: the answer
	go func() { os.WriteFile("seen", nil, 0o600) }()   // silent: a goroutine of the handler
	s.once.Do(func() { os.ReadFile("templates.txt") }) // silent: once
}

func handleIndex(w http.ResponseWriter, r *http.Request) { // want handleIndex:"hot blocking\\(network\\)"
	resp, err := http.Get("http://upstream/") // silent: one upstream call
	if err == nil {
		resp.Body.Close()
	}
	os.ReadFile("index.html") // want `os.ReadFile reads a file on every call of HTTP handler handleIndex`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/", handleIndex)
	mux.HandleFunc("/stat", func(w http.ResponseWriter, r *http.Request) {
		os.Stat("x") // want `os.Stat .* on every call of HTTP handler httpsvc.Routes.func1`
	})
}

// withLog is middleware: the handler it returns is hot, not withLog.
func withLog(next http.Handler) http.Handler { // want withLog:"blocking\\(file\\)"
	os.ReadFile("config") // silent: runs once, when the routes are built
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.URL.Path) // want `log.Println writes a log line on every call of HTTP handler httpsvc.withLog.func1`
		next.ServeHTTP(w, r)
	})
}

// notHandler has a similar but different signature.
func notHandler(w http.ResponseWriter, r *http.Request, n int) { // want notHandler:"blocking\\(file\\)"
	os.ReadFile("x") // silent
}

// Strict is marked: no blocking I/O at all, network included.
//
// hotpath
func (s *Server) Strict(w http.ResponseWriter, r *http.Request) { // want Strict:"hot blocking\\(database\\)"
	s.db.QueryRow("select 1") // want `\(\*sql.DB\).QueryRow queries the database on every call of hot function Server.Strict`
}

// Listed is named by -funcs: the same.
func Listed(w http.ResponseWriter, r *http.Request) { // want Listed:"hot blocking\\(network\\)"
	http.Get("http://upstream/") // want `http.Get makes an HTTP request on every call of hot function Listed`
}

// lookup queries, then logs what it found: the query is the handler's
// job, the log line is not.
func lookup(db *sql.DB, id string) string { // want lookup:"blocking\\(database\\): \\(\\*sql.DB\\).QueryRow; also log; always database; first local log: log.Printf"
	var name string
	db.QueryRow("select ?", id).Scan(&name)
	log.Printf("found %s", name)
	return name
}

// query only queries.
func query(db *sql.DB, id string) { // want query:"blocking\\(database\\): \\(\\*sql.DB\\).QueryRow; always database$"
	db.QueryRow("select ?", id)
}

func (s *Server) Lookup(w http.ResponseWriter, r *http.Request) { // want Lookup:"hot blocking\\(database\\)"
	query(s.db, "1")                    // silent: the handler's one query
	fmt.Fprintln(w, lookup(s.db, "id")) // want `^httpsvc.lookup performs blocking log I/O \(log.Printf\) on every call of HTTP handler Server.Lookup`
}
