// Package lib holds helpers that other packages call under their locks:
// their facts carry every category they reach.
package lib

import (
	"log"
	"net/http"
	"os"
)

// Save writes then fsyncs: its witness is the write, and its facts say it
// also syncs.
func Save(f *os.File, b []byte) error { // want Save:`blocking\(file\): \(\*os.File\).Write; also sync; always sync: \(\*os.File\).Sync`
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Sync()
}

// Persist reaches the fsync two calls down.
func Persist(f *os.File, b []byte) error { // want Persist:`blocking\(file\): lib.Save -> \(\*os.File\).Write; also sync; always sync: lib.Save -> \(\*os.File\).Sync`
	return Save(f, b)
}

// Fetch makes an HTTP request.
func Fetch(url string) (*http.Response, error) { // want Fetch:`blocking\(network\): http.Get; always network$`
	return http.Get(url)
}

// Note only logs: bounded I/O.
func Note(msg string) { // want Note:`blocking\(log\): log.Print`
	log.Print(msg)
}

// Append only writes a file: bounded I/O.
func Append(f *os.File, b []byte) { // want Append:`blocking\(file\): \(\*os.File\).Write`
	f.Write(b)
}

// MaybeSync fsyncs only when asked: it reaches sync, but not whenever it
// runs.
func MaybeSync(f *os.File, b []byte, always bool) { // want MaybeSync:`blocking\(file\): \(\*os.File\).Write; also sync$`
	f.Write(b)
	if always {
		f.Sync()
	}
}
