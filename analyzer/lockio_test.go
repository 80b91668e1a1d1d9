package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestIOUnderLock: unbounded I/O under a lock in any code, through
// helpers of the package and of another package (facts carry every
// category), every category under a lock in hot code as one hot-io
// finding that names the lock, and the look-alikes that stay silent.
func TestIOUnderLock(t *testing.T) {
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{}), "lockio/app")
}
