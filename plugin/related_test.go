package plugin

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestWithoutRelated: the analyzer the plugin hands golangci-lint reports
// the transitive finding once, naming the chain in its message, with no
// related information that golangci-lint would turn into more issues;
// the analyzer it wraps has the hops.
func TestWithoutRelated(t *testing.T) {
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	wrapped := as[0]
	original := p.(*plugin).original

	related := func(a *analysis.Analyzer) (diags, hops int) {
		for _, res := range analysistest.Run(t, analysistest.TestData(), a, "chain/app") {
			for _, d := range res.Diagnostics {
				diags++
				hops += len(d.Related)
			}
		}
		return diags, hops
	}
	if diags, hops := related(original); diags != 1 || hops != 2 {
		t.Fatalf("the analyzer reports %d findings with %d hops; the test wants one finding with a chain of two", diags, hops)
	}
	if diags, hops := related(wrapped); diags != 1 || hops != 0 {
		t.Errorf("the plugin's analyzer reports %d findings with %d hops, want 1 and 0", diags, hops)
	}
	if wrapped.Name != original.Name || wrapped.Doc != original.Doc || len(wrapped.FactTypes) != len(original.FactTypes) {
		t.Errorf("the plugin's analyzer is not a copy of the analyzer: %+v", wrapped)
	}
}
