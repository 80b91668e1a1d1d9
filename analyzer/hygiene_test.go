package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/rules"
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

// countRule counts the diagnostics of rule in results.
func countRule(results []*analysistest.Result, rule string) int {
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == rule {
				n++
			}
		}
	}
	return n
}

func TestHygiene(t *testing.T) {
	t.Parallel()
	analysistest.Run(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{}), "hygiene")
}

func TestHygieneDisable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pkg, rule string
	}{
		{"hygiene/nodefer", rules.DeferInLoop},
		{"hygiene/noreopen", rules.ReopenInLoop},
	} {
		t.Run(c.rule, func(t *testing.T) {
			t.Parallel()
			// Disabled: the expectations in the files hold (the rule is silent).
			off := analysistest.Run(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{Disable: []string{c.rule}}), c.pkg)
			if n := countRule(off, c.rule); n != 0 {
				t.Errorf("disable: [%s] still reports %d diagnostics", c.rule, n)
			}
			// By default the same package has findings of that rule.
			q := &recorder{}
			on := analysistest.Run(q, testdata, newAnalyzer(t, analyzer.Config{}), c.pkg)
			if n := countRule(on, c.rule); n != 1 {
				t.Errorf("default configuration: %d %s diagnostics in %s, want 1", n, c.rule, c.pkg)
			}
		})
	}
}

func TestHygieneBothDisabled(t *testing.T) {
	t.Parallel()
	a := newAnalyzer(t, analyzer.Config{Disable: []string{rules.DeferInLoop, rules.ReopenInLoop}})
	q := &recorder{}
	results := analysistest.Run(q, testdata, a, "hygiene")
	if n := countRule(results, rules.DeferInLoop) + countRule(results, rules.ReopenInLoop); n != 0 {
		t.Errorf("both rules disabled: %d hygiene diagnostics, want 0", n)
	}
}

func TestHygieneTests(t *testing.T) {
	t.Parallel()
	// By default _test.go files are skipped: lib_test.go has no expectations.
	analysistest.Run(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{}), "hygienetests/skip")
	// With include-tests the same code is reported.
	analysistest.Run(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{IncludeTests: true}), "hygienetests/include")
	q := &recorder{}
	results := analysistest.Run(q, testdata, newAnalyzer(t, analyzer.Config{IncludeTests: true}), "hygienetests/skip")
	if n := countRule(results, rules.DeferInLoop); n == 0 {
		t.Errorf("include-tests: no %s diagnostic in hygienetests/skip's test file", rules.DeferInLoop)
	}
}
