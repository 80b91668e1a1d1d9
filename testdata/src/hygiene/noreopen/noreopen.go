// Package noreopen is run with disable: [reopen-in-loop].
package noreopen

import (
	"fmt"
	"os"
)

func ProcessAll(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `defer f\.Close\(\) in a loop keeps every file open until ProcessAll returns`
		fmt.Println(f.Name())
	}
}

func Ingest(path string, lines []string) {
	for _, l := range lines {
		os.WriteFile(path, []byte(l), 0o600) // reported by default
	}
}
