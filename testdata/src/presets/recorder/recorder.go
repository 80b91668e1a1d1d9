// Package recorder is production code that imports net/http/httptest only
// to record a response (a caching middleware): it starts no test server,
// so it is not test support and -hot=http makes its handlers hot.
package recorder

import (
	"net/http"
	"net/http/httptest"
	"os"
)

// Cache serves from next once and keeps what it wrote.
type Cache struct {
	next http.Handler
	body []byte
}

func (c *Cache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.body == nil {
		rec := httptest.NewRecorder()
		c.next.ServeHTTP(rec, r)
		c.body = rec.Body.Bytes()
	}
	w.Write(c.body)
}

func audit(w http.ResponseWriter, r *http.Request) { // want audit:"hot blocking\\(file\\): os.WriteFile"
	os.WriteFile("/var/log/audit", []byte(r.URL.Path), 0o600) // want `os.WriteFile writes a file on every call of HTTP handler audit`
}
