package tests

import (
	"log"
	"testing"
)

func TestHandle(t *testing.T) { // want TestHandle:"blocking\\(log\\): log\\.Printf"
	log.Printf("x") // silent: -funcs matches, but this is test code
	Handle()
}
