// Package handler logs and stats on every request.
package handler

import (
	"log"
	"net/http"
	"os"
)

// hotpath
func Handle(w http.ResponseWriter, r *http.Request) {
	log.Printf("request %s", r.URL.Path)
	if _, err := os.Stat("/etc/maintenance"); err == nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	os.Remove("/tmp/x") //iohotpath:ignore cleanup of a file that never exists in production
}
