package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestPresetsOnStd: -hot=http finds the handlers of a standard-library
// package without any -funcs (its fast path once looked at -funcs only
// and skipped the package), and the same findings as with an unrelated
// -funcs beside it.
func TestPresetsOnStd(t *testing.T) {
	t.Parallel()
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

// TestHotCalleeSameModule: a hot function calling a hot function of
// another package of the same module is not reported for it; the callee's
// own finding is (the module's packages are shown together).
func TestHotCalleeSameModule(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads a module")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nimport \"os\"\n\n// hotpath\nfunc Save(p string) { os.WriteFile(p, nil, 0o600) }\n",
		"app/app.go": "package app\n\nimport \"example.com/m/lib\"\n\n// hotpath\nfunc Handle(p string) { lib.Save(p) }\n",
	}
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{newAnalyzer(t, analyzer.Config{})}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	byPkg := map[string]int{}
	for act := range g.All() {
		if act.IsRoot {
			byPkg[act.Package.PkgPath] += len(act.Diagnostics)
		}
	}
	if byPkg["example.com/m/lib"] != 1 || byPkg["example.com/m/app"] != 0 {
		t.Errorf("findings by package = %v, want lib 1 and app 0", byPkg)
	}
}
