// Command iohotpath reports blocking I/O on hot paths.
//
// Run it directly or as a go vet tool:
//
//	iohotpath ./...
//	go vet -vettool=$(command -v iohotpath) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/iohotpath/iohotpath/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
