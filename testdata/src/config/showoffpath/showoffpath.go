// Package showoffpath shows what an off-path rule leaves out only through
// the show-offpath option.
package showoffpath

import (
	"log"
	"strconv"
)

// hotpath
func Parse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		log.Printf("bad %q", s) // want `^left out by failure-branch: log.Printf writes a log line`
	}
	return n
}
