package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestPresetsOnStd: -hot=http finds the handlers of a standard-library
// package without any -funcs (its fast path once looked at -funcs only
// and skipped the package), and the same findings as with an unrelated
// -funcs beside it.
func TestPresetsOnStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http/cgi and its dependencies")
	}
	pkgs := load(t, nil, "net/http/cgi")
	count := func(cfg analyzer.Config) int {
		g, err := checker.Analyze([]*analysis.Analyzer{newAnalyzer(t, cfg)}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for act := range g.All() {
			if act.IsRoot {
				n += len(act.Diagnostics)
			}
		}
		return n
	}
	alone := count(analyzer.Config{Hot: []string{"http"}})
	withFuncs := count(analyzer.Config{Hot: []string{"http"}, Funcs: []string{"^NoSuchFunction$"}})
	if alone == 0 || alone != withFuncs {
		t.Errorf("-hot=http on net/http/cgi: %d findings alone, %d with an unrelated -funcs; want the same, more than 0", alone, withFuncs)
	}
}
