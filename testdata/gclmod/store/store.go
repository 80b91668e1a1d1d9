// Package store writes records to files. It is not hot itself; its callers
// learn from a fact that Save blocks.
package store

import "os"

// Save writes one record to its own file.
func Save(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}
