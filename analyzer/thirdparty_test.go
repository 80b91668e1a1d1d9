package analyzer_test

import "testing"

// TestThirdParty proves the catalogue rows of third-party libraries (zap,
// logrus, zerolog, klog, glog, pgx, go-redis, the MongoDB driver) against
// stubs at their real import paths under testdata/src.
func TestThirdParty(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}
