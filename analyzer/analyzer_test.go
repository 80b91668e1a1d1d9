package analyzer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// newAnalyzer builds an analyzer from cfg, failing the test on a bad one.
func newAnalyzer(t *testing.T, cfg analyzer.Config) *analysis.Analyzer {
	t.Helper()
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSeeds(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

func TestScoping(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestFactsChain proves facts cross packages: app's hot loop reaches a
// write two packages and three calls down.
func TestFactsChain(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

func TestCatalogue(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestDirectives covers suppression, declared blocking and trusted
// functions (across packages, through facts) and malformed directives.
func TestDirectives(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestOffPath: error exits, recovered panics and debug-level logging are
// off the hot path, for hot regions and facts alike; look-alikes on the
// normal path are reported.
func TestOffPath(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestAdvice: the advice fits the place (a loop draining a channel is the
// background writer).
func TestAdvice(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestPresets: -hot=http,grpc makes handlers and service methods hot by
// their kind; their one query or upstream call is not reported, a query
// per item is; look-alikes stay silent; markers and -funcs keep their
// meaning.
func TestPresets(t *testing.T) {
	t.Parallel()
	a := newAnalyzer(t, analyzer.Config{Hot: []string{"http", "grpc"}, Funcs: []string{"^Listed$"}})
	analysistest.Run(t, testdata, a, "presets/httpsvc", "presets/debug", "presets/grpcsvc", "presets/mocksrv", "presets/recorder", "presets/e2e/fixture", "presets/adapter/...", "presets/wrapper/...", "presets/handoff")
}

// TestOnePerCallSite: a call that two rules report is one diagnostic that
// says what else applies, with the other rule's fix.
func TestOnePerCallSite(t *testing.T) {
	t.Parallel()
	results := defaultRun.run(t)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "also reopen-in-loop") && len(d.SuggestedFixes) != 1 {
				t.Errorf("%s: %d suggested fixes, want the hoist of reopen-in-loop", d.Message, len(d.SuggestedFixes))
			}
		}
	}
}

// TestFuncsSkipTests: -funcs makes test code hot only with -include-tests.
func TestFuncsSkipTests(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{Funcs: []string{"Handle$"}}), "offpath/tests")
}

// TestShowOffPath: with show-offpath each call an off-path rule leaves out
// is shown, naming the rule (one case per rule of hotio.OffPathRules).
func TestShowOffPath(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{ShowOffPath: true, Hot: []string{"http"}}), "offpath/why")
}
