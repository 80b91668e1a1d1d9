// Package handler holds the other seed scenarios: an HTTP handler that
// writes and reads temp files on every request, request handlers that log
// on every request, and their fixed versions.
package handler

import (
	"bytes"
	"encoding/json"
	"log"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
)

// Render writes 1,000 temp files and reads them back, per request.
//
//iohotpath:hot
func Render(w http.ResponseWriter, r *http.Request) { // want Render:`hot blocking\(file\): os\.MkdirTemp`
	dir, err := os.MkdirTemp("", "render") // want `os.MkdirTemp changes the file system on every call of hot function Render`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer os.RemoveAll(dir) // want `os.RemoveAll changes the file system on every call of hot function Render`
	var out bytes.Buffer
	for i := 0; i < 1000; i++ {
		name := filepath.Join(dir, strconv.Itoa(i))
		if err := os.WriteFile(name, []byte(r.URL.Path), 0o600); err != nil { // want `os.WriteFile writes a file in a loop on every call of hot function Render`
			log.Printf("write %s: %v", name, err) // want `log.Printf writes a log line in a loop on every call of hot function Render`
			continue
		}
		data, _ := os.ReadFile(name) // want `os.ReadFile reads a file in a loop on every call of hot function Render`
		out.Write(data)
	}
	w.Write(out.Bytes())
}

// RenderInMemory is the fix: the same work in memory.
//
//iohotpath:hot
func RenderInMemory(w http.ResponseWriter, r *http.Request) {
	var out bytes.Buffer
	for i := 0; i < 1000; i++ {
		out.WriteString(r.URL.Path)
	}
	w.Write(out.Bytes())
}

type Server struct {
	log  *log.Logger
	slog *slog.Logger
}

// ServeHTTP logs on every request.
//
// hotpath
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`hot blocking\(log\): log\.Printf`
	log.Printf("request %s", r.URL.Path)        // want `log.Printf writes a log line on every call of hot function Server.ServeHTTP; log outside the hot path or through an asynchronous, buffered logger`
	s.log.Println("request")                    // want `\(\*log.Logger\).Println writes a log line on every call of hot function Server.ServeHTTP`
	s.slog.Info("request", "path", r.URL.Path)  // want `\(\*slog.Logger\).Info writes a log record on every call of hot function Server.ServeHTTP`
	slog.Debug("request")                       // silent: debug level, nothing built
	json.NewEncoder(w).Encode(map[string]int{}) // silent: the response writer is the job, not a file
	w.WriteHeader(http.StatusOK)
}

// Metrics is the fix: count in memory, log from elsewhere.
type Metrics struct{ requests chan string }

// ServeHTTP is silent.
//
// hotpath
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case m.requests <- r.URL.Path:
	default:
	}
	b, _ := json.Marshal(map[string]string{"path": r.URL.Path})
	w.Write(b)
}
