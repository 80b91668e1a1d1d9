package hotio

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
)

// testAnalyzer runs the hot-io rule alone, with the default settings.
var testAnalyzer = &analysis.Analyzer{
	Name:      "hotiotest",
	Doc:       "test",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: FactTypes(),
	Run: func(p *analysis.Pass) (any, error) {
		s, err := config.Config{}.Compile()
		if err != nil {
			return nil, err
		}
		dirs, _ := directives.Scan(p.Fset, p.Files)
		for _, d := range Run(p, s, nil, dirs, false).Diags {
			p.Report(d)
		}
		return nil, nil
	},
}

// TestWriters proves that a writer-dependent call is classified by the
// writer it is handed: through its type, a variable assigned once, or the
// constructor of an encoder or a buffered writer.
func TestWriters(t *testing.T) {
	if !factsEnabled {
		t.Skip("testdata expects the facts of hot functions")
	}
	analysistest.Run(t, analysistest.TestData(), testAnalyzer, "writers")
}
