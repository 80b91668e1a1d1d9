// Package debug serves an operator's debug endpoints (FerretDB's
// internal/util/debug): with -hot=http its handlers are not hot.
package debug

import (
	"log"
	"net/http"
)

func Archive(w http.ResponseWriter, r *http.Request) { // want Archive:"^blocking\\(log\\)"
	log.Printf("archive") // silent: a package of debug endpoints
}
