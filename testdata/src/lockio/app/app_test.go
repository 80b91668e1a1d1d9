package app

import (
	"net/http"
	"testing"
)

// A test holding a lock over a request is not checked without
// -include-tests.
func TestRefresh(t *testing.T) { // want TestRefresh:`blocking\(network\): http.Get`
	var c Cache
	c.mu.Lock()
	defer c.mu.Unlock()
	http.Get("http://localhost")
}
