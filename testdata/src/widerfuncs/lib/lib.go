// Package lib saves records; with -funcs='Save$' its Save is hot too.
package lib

import "os"

// Save writes a record.
func Save(p string) { // want Save:"hot blocking\\(file\\): os.WriteFile"
	os.WriteFile(p, nil, 0o600) // want `os.WriteFile writes a file on every call of hot function Save`
}
