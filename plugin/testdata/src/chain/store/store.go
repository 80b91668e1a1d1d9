// Package store is not hot; a fact tells its callers that Save blocks.
package store

import "os"

func Save(name string, data []byte) error { return write(name, data) }

func write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
