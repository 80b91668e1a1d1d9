// Package app is linted by plugin/integration_test.go with the standalone
// iohotpath command and with golangci-lint; both must report the same.
package app

import (
	"log"
	"os"

	"example.com/gclmod/store"
)

// Record runs once per request.
//
// hotpath
func Record(path string, n int) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	log.Printf("recorded %d", n)
	log.Println("recorded") //nolint:iohotpath
	log.Print("recorded")   //iohotpath:ignore counted by the log sampler
	return f.Close()
}

// Flush saves every item.
func Flush(items map[string][]byte) {
	//hotpath
	for name, data := range items {
		_ = store.Save(name, data)
	}
}

// Server answers requests.
type Server struct{}

// Handle is hot only with the setting funcs: ["Handle$"].
func (s *Server) Handle(n int) {
	log.Printf("handled %d", n)
}

// Cold is never hot: its I/O must not be reported.
func Cold(path string) ([]byte, error) {
	return os.ReadFile(path)
}
