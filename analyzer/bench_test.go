package analyzer_test

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"
)

// load parses and type-checks patterns and all their dependencies, as the
// standalone command does.
func load(tb testing.TB, env []string, patterns ...string) []*packages.Package {
	tb.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Env: append(os.Environ(), env...)}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		tb.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatal("packages had errors")
	}
	return pkgs
}

// countFacts returns the number of facts exported in the whole graph.
func countFacts(g *checker.Graph) int {
	n := 0
	for act := range g.All() {
		n += len(act.AllObjectFacts())
	}
	return n
}

// benchmarkAnalyze measures one run of the analyzer over pkgs and their
// dependencies (loading excluded).
func benchmarkAnalyze(b *testing.B, cfg analyzer.Config, pkgs []*packages.Package) {
	a, err := analyzer.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var g *checker.Graph
	for b.Loop() {
		if g, err = checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
	diags := 0
	for act := range g.All() {
		if act.IsRoot {
			diags += len(act.Diagnostics)
		}
	}
	b.ReportMetric(float64(diags), "diagnostics")
}

// BenchmarkNetHTTP: net/http and its ~100 dependencies, no hot code (the
// everyday cost: facts and hygiene).
func BenchmarkNetHTTP(b *testing.B) {
	benchmarkAnalyze(b, analyzer.Config{}, load(b, nil, "net/http"))
}

// BenchmarkNetHTTPAllHot: the worst case, every function hot.
func BenchmarkNetHTTPAllHot(b *testing.B) {
	benchmarkAnalyze(b, analyzer.Config{Funcs: []string{".*"}}, load(b, nil, "net/http"))
}

// BenchmarkXTools: golang.org/x/tools/go/packages and its graph, whose
// non-standard packages (x/tools, x/mod, x/sync) go through the fact
// fixpoint.
func BenchmarkXTools(b *testing.B) {
	benchmarkAnalyze(b, analyzer.Config{}, load(b, nil, "golang.org/x/tools/go/packages"))
}

// TestFactsDeterministic asks the checker to encode every fact twice and
// compare (SanityCheck), over the cross-package chain.
func TestFactsDeterministic(t *testing.T) {
	t.Parallel()
	pkgs := load(t, []string{"GOPATH=" + testdata, "GO111MODULE=off", "GOFLAGS="}, "example.com/app")
	g, err := checker.Analyze([]*analysis.Analyzer{newAnalyzer(t, analyzer.Config{})}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
	}
	if n := countFacts(g); n < 10 {
		t.Errorf("only %d facts over the chain; want the lib, mid and app facts", n)
	}
}

// TestFactsOnlySameFacts: the analyzer go vet runs on dependencies
// (NewFactsOnly) exports exactly the facts of the full one, and reports
// nothing, on the cross-package chains of testdata and on x/tools.
func TestFactsOnlySameFacts(t *testing.T) {
	t.Parallel()
	gopath := []string{"GOPATH=" + testdata, "GO111MODULE=off", "GOFLAGS="}
	for _, tc := range []struct {
		env      []string
		patterns []string
	}{
		{gopath, []string{"example.com/app", "lockio/app"}},
		{nil, []string{"golang.org/x/tools/go/packages"}},
	} {
		pkgs := load(t, tc.env, tc.patterns...)
		full := analyzeFacts(t, analyzer.NewCommand(), pkgs)
		only := analyzeFacts(t, analyzer.NewFactsOnly(), pkgs)
		if len(full.facts) < 10 {
			t.Errorf("%v: only %d facts; the comparison needs some", tc.patterns, len(full.facts))
		}
		if full.diags == 0 {
			t.Errorf("%v: the full analyzer reported nothing; the test needs findings to leave out", tc.patterns)
		}
		if only.diags != 0 {
			t.Errorf("%v: NewFactsOnly reported %d diagnostics, want none", tc.patterns, only.diags)
		}
		if !slices.Equal(full.facts, only.facts) {
			t.Errorf("%v: facts differ\nfull: %q\nfacts only: %q", tc.patterns, full.facts, only.facts)
		}
	}
}

type factsAndDiags struct {
	facts []string // "package object: fact", sorted
	diags int
}

// analyzeFacts runs a over pkgs and their dependencies and returns every
// exported fact and how many diagnostics it reported anywhere.
func analyzeFacts(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) factsAndDiags {
	t.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var r factsAndDiags
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		r.diags += len(act.Diagnostics)
		for _, f := range act.AllObjectFacts() {
			r.facts = append(r.facts, fmt.Sprintf("%s %s: %v", act.Package.PkgPath, f.Object, f.Fact))
		}
	}
	slices.Sort(r.facts)
	return r
}
