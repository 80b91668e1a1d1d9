// Command noop is the baseline of docs/performance.md: an analyzer that
// declares a fact type, so that every driver treats it as it treats
// iohotpath (go vet runs it on every dependency, singlechecker loads the
// whole graph from source), and does nothing else. What iohotpath costs
// beyond it is its own work.
//
//	go build -o /tmp/noop ./internal/driver/testdata/noop
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// fact is never exported; declaring it is what matters.
type fact struct{}

func (*fact) AFact()         {}
func (*fact) String() string { return "noop" }

var analyzer = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "noop does nothing, with a fact type",
	FactTypes: []analysis.Fact{new(fact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
