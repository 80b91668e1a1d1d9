// Command iohotpath reports blocking I/O on hot paths.
//
// Run it directly or as a go vet tool:
//
//	iohotpath ./...
//	go vet -vettool=$(command -v iohotpath) ./...
//
// It exits 0 when it finds nothing, 3 when it reports findings, and 1 when
// the run cannot be trusted: a bad flag or configuration file, or packages
// that do not load or type-check.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/iohotpath/iohotpath/analyzer"
)

func main() {
	a := analyzer.Analyzer
	a.Flags.VisitAll(func(f *flag.Flag) { f.Value = exitOnError{f.Value} })
	a.Run = stopOnConfigError(a.Run)
	singlechecker.Main(a)
}

// exitOnError ends the command at a flag value that does not validate,
// with one line naming it, before any package loads. (Left to package
// flag, the error would come with the whole usage text and exit code 2.)
type exitOnError struct{ flag.Value }

func (v exitOnError) Set(s string) error {
	if err := v.Value.Set(s); err != nil {
		fmt.Fprintf(os.Stderr, "iohotpath: invalid flag: %v\n", err)
		os.Exit(1)
	}
	return nil
}

func (v exitOnError) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// stopOnConfigError ends the run at the first configuration-file error:
// every package would fail the same way, and the driver would print one
// error per package and a cascade of "failed prerequisites".
func stopOnConfigError(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	var once sync.Once
	return func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		if analyzer.IsConfigError(err) {
			once.Do(func() {
				fmt.Fprintf(os.Stderr, "iohotpath: %v\n", err)
				os.Exit(1)
			})
			select {} // another package is printing the error and exiting
		}
		return res, err
	}
}
