// Package nodefer is run with disable: [defer-in-loop].
package nodefer

import (
	"fmt"
	"os"
)

func ProcessAll(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // reported by default
		fmt.Println(f.Name())
	}
}

func Ingest(path string, lines []string) {
	for _, l := range lines {
		os.WriteFile(path, []byte(l), 0o600) // want `os\.WriteFile opens the same file on every iteration of the loop in Ingest`
	}
}
