// Package clean has hot code without I/O.
package clean

import "strings"

// hotpath
func Upper(s string) string { return strings.ToUpper(s) }
