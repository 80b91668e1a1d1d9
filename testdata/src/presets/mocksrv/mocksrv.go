// Package mocksrv is test support: a mock server for tests, built on
// httptest. Its handlers answer tests, so -hot=http does not make them hot.
package mocksrv

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
)

// New starts the mock server.
func New() *httptest.Server { return httptest.NewServer(http.HandlerFunc(serve)) }

func serve(w http.ResponseWriter, r *http.Request) { // want serve:"blocking\\(file\\): os.ReadFile"
	os.ReadFile("fixture.json") // silent: a fixture read per test request
}

// hotpath
func Marked(p string) { // want Marked:"hot blocking\\(file\\): os.ReadFile"
	os.ReadFile(p) // want `os.ReadFile reads a file on every call of hot function Marked`
}

var (
	mu      sync.Mutex
	servers []*httptest.Server
)

// Fetch asks every mock server in turn while holding mu: a test helper's
// lock serialises tests, not requests, so io-under-lock says nothing.
func Fetch() { // want Fetch:"blocking\\(network\\): \\(\\*http.Client\\).Get"
	mu.Lock()
	defer mu.Unlock()
	for _, s := range servers {
		if resp, err := s.Client().Get(s.URL); err == nil { // silent: test support
			resp.Body.Close()
		}
	}
}
