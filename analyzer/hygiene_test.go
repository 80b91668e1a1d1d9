package analyzer_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
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
		{"hygiene/nodefer", analyzer.RuleDeferInLoop},
		{"hygiene/noreopen", analyzer.RuleReopenInLoop},
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
	a := newAnalyzer(t, analyzer.Config{Disable: []string{analyzer.RuleDeferInLoop, analyzer.RuleReopenInLoop}})
	q := &recorder{}
	results := analysistest.Run(q, testdata, a, "hygiene")
	if n := countRule(results, analyzer.RuleDeferInLoop) + countRule(results, analyzer.RuleReopenInLoop); n != 0 {
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
	if n := countRule(results, analyzer.RuleDeferInLoop); n == 0 {
		t.Errorf("include-tests: no %s diagnostic in hygienetests/skip's test file", analyzer.RuleDeferInLoop)
	}
}

func TestHygieneFix(t *testing.T) {
	t.Parallel()
	results := analysistest.RunWithSuggestedFixes(hygieneT{t}, testdata, newAnalyzer(t, analyzer.Config{}), "hygienefix")
	fixes := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fixes += len(d.SuggestedFixes)
		}
	}
	if fixes != 2 {
		t.Errorf("%d suggested fixes, want 2 (the other shapes are reported without a fix)", fixes)
	}
}

// TestHygieneFixGoldenCompiles checks that the fixed code is gofmt-clean
// and type-checks: analysistest compares formatted sources only.
func TestHygieneFixGoldenCompiles(t *testing.T) {
	t.Parallel()
	name := filepath.Join(testdata, "src", "hygienefix", "fix.go.golden")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(formatted, src) {
		t.Errorf("%s is not gofmt-clean", name)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("hygienefix", fset, []*ast.File{f}, nil); err != nil {
		t.Errorf("fixed code does not compile: %v", err)
	}
}

// TestHygieneDocs checks that each hygiene rule has its page.
func TestHygieneDocs(t *testing.T) {
	t.Parallel()
	for _, rule := range []string{analyzer.RuleDeferInLoop, analyzer.RuleReopenInLoop} {
		data, err := os.ReadFile(filepath.Join("..", "docs", "rules", rule+".md"))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, want := range []string{"# " + rule, "-disable=" + rule, "-include-tests", "v0.1.0"} {
			if !strings.Contains(string(data), want) {
				t.Errorf("docs/rules/%s.md does not mention %q", rule, want)
			}
		}
	}
}
