// Command iohotpath reports blocking I/O on hot paths.
//
// Run it directly or as a go vet tool:
//
//	iohotpath ./...
//	go vet -vettool=$(command -v iohotpath) ./...
//
// Run directly, it checks the flags and configuration files once, then
// analyses through go vet with itself as the tool, so that results come
// from and go to the build cache, or in process when the cache holds
// nothing yet (-engine=auto|vet|inprocess; see internal/driver).
//
// It exits 0 when it finds nothing, 3 when it reports findings, and 1 when
// the run cannot be trusted: a bad flag or configuration file, or packages
// that do not load or type-check.
package main

import (
	"os"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/driver"
)

func main() {
	if driver.IsTool(os.Args[1:]) { // go vet calling back; Tool does not return
		if driver.FactsOnly(os.Args[1:]) {
			driver.Tool(analyzer.NewFactsOnly()) // a dependency, for its facts
		}
		driver.Tool(analyzer.Analyzer)
	}
	os.Exit(driver.Main(os.Args[1:], driver.Options{New: analyzer.NewCommand}))
}
