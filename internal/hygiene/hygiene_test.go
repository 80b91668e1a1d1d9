package hygiene_test

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

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/iohotpath/iohotpath/internal/hygiene"
	"github.com/iohotpath/iohotpath/internal/rules"
)

var (
	testdata = mustAbs(filepath.Join("..", "..", "testdata"))
	both     = hygiene.Options{Defer: true, Reopen: true}
)

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}

// newAnalyzer reports what Check returns with opts, except on a line
// carrying or following an //iohotpath:ignore comment: a stand-in for the
// directives the iohotpath analyzer applies.
func newAnalyzer(opts hygiene.Options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "hygiene",
		Doc:      "reports the loop-hygiene rules of iohotpath (test only)",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ignored := ignoredLines(pass)
			for _, d := range hygiene.Check(pass, opts) {
				posn := pass.Fset.Position(d.Pos)
				if !ignored[posn.Filename][posn.Line] && !ignored[posn.Filename][posn.Line-1] {
					pass.Report(d)
				}
			}
			return nil, nil
		},
	}
}

// ignoredLines returns the lines of each file holding an ignore comment.
func ignoredLines(pass *analysis.Pass) map[string]map[int]bool {
	lines := map[string]map[int]bool{}
	for _, f := range pass.Files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "//iohotpath:ignore ") {
					posn := pass.Fset.Position(c.Pos())
					if lines[posn.Filename] == nil {
						lines[posn.Filename] = map[int]bool{}
					}
					lines[posn.Filename][posn.Line] = true
				}
			}
		}
	}
	return lines
}

// quiet takes analysistest's complaints about expectations and drops them,
// for runs that only count diagnostics.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

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
	analysistest.Run(t, testdata, newAnalyzer(both), "hygiene")
}

// TestHygienePrecision holds defers meant to outlive their iteration and
// event loops, each with a look-alike that stays reported.
func TestHygienePrecision(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, newAnalyzer(both), "hygieneprecision")
}

func TestHygieneDisable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pkg, rule string
		opts      hygiene.Options
	}{
		{"hygiene/nodefer", rules.DeferInLoop, hygiene.Options{Reopen: true}},
		{"hygiene/noreopen", rules.ReopenInLoop, hygiene.Options{Defer: true}},
	} {
		t.Run(c.rule, func(t *testing.T) {
			t.Parallel()
			// Off: the expectations in the files hold (the rule is silent).
			off := analysistest.Run(t, testdata, newAnalyzer(c.opts), c.pkg)
			if n := countRule(off, c.rule); n != 0 {
				t.Errorf("%s off: still %d diagnostics", c.rule, n)
			}
			// On, the same package has a finding of that rule.
			on := analysistest.Run(quiet{}, testdata, newAnalyzer(both), c.pkg)
			if n := countRule(on, c.rule); n != 1 {
				t.Errorf("both rules on: %d %s diagnostics in %s, want 1", n, c.rule, c.pkg)
			}
		})
	}
}

func TestHygieneBothDisabled(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(quiet{}, testdata, newAnalyzer(hygiene.Options{Tests: true}), "hygiene")
	if n := countRule(results, rules.DeferInLoop) + countRule(results, rules.ReopenInLoop); n != 0 {
		t.Errorf("both rules off: %d hygiene diagnostics, want 0", n)
	}
}

func TestHygieneTests(t *testing.T) {
	t.Parallel()
	// By default _test.go files are skipped: skip/lib_test.go has no expectations.
	analysistest.Run(t, testdata, newAnalyzer(both), "hygienetests/skip")
	// With Tests the same code is reported.
	withTests := hygiene.Options{Defer: true, Reopen: true, Tests: true}
	analysistest.Run(t, testdata, newAnalyzer(withTests), "hygienetests/include")
	results := analysistest.Run(quiet{}, testdata, newAnalyzer(withTests), "hygienetests/skip")
	if n := countRule(results, rules.DeferInLoop); n == 0 {
		t.Errorf("Tests: no %s diagnostic in hygienetests/skip's test file", rules.DeferInLoop)
	}
	if n := countRule(results, rules.ReopenInLoop); n == 0 {
		t.Errorf("Tests: no %s diagnostic in hygienetests/skip's test file", rules.ReopenInLoop)
	}
}

func TestHygieneFix(t *testing.T) {
	t.Parallel()
	results := analysistest.RunWithSuggestedFixes(t, testdata, newAnalyzer(both), "hygienefix")
	fixes := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fixes += len(d.SuggestedFixes)
		}
	}
	if fixes != 3 {
		t.Errorf("%d suggested fixes, want 3 (the other shapes are reported without a fix)", fixes)
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
	for _, rule := range []string{rules.DeferInLoop, rules.ReopenInLoop} {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", rule+".md"))
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
