package handler

import (
	"os"
	"testing"
)

// disk is a cache that reads a file: it exists only in this test, so it
// is not what the program wires into Server.Cache.
type disk struct{}

func (disk) Get(id string) (string, error) {
	b, err := os.ReadFile("/tmp/cache/" + id)
	return string(b), err
}

func TestBatchGet(t *testing.T) {
	s := &Server{Store: disk{}, Cache: disk{}, Count: func(id string) { os.ReadFile(id) }}
	s.BatchGet([]string{"a"})
}
