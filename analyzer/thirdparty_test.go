package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestThirdParty proves the catalogue rows of third-party libraries (zap,
// logrus, zerolog, klog, glog, pgx, go-redis, the MongoDB driver) against
// stubs at their real import paths under testdata/src.
func TestThirdParty(t *testing.T) {
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{}), "thirdparty")
}
