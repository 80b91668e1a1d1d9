package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// hygieneT passes analysistest's complaints to t, except unexpected facts:
// the facts of the functions in the hygiene packages are the facts tests'
// business, and these tests check diagnostics and fixes only.
type hygieneT struct{ t *testing.T }

func (h hygieneT) Errorf(format string, args ...any) {
	if format == "%v: unexpected %s: %v" && len(args) == 3 && args[1] == "fact" {
		return
	}
	h.t.Helper()
	h.t.Errorf(format, args...)
}

// TestHygiene runs the loop-hygiene rules through the whole analyzer, with
// its ignores; internal/hygiene tests the rules themselves.
func TestHygiene(t *testing.T) {
	t.Parallel()
	analysistest.Run(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{}), "hygiene")
}
