package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/config"
)

// TestMergedSettingsReachFacts: a package's facts are computed with its
// merged settings. lib has a file of its own (disable: [stdout]); the root
// file's blocking row still applies to it, so lib.Wrapper exports a fact
// and the hot caller in app, which has only the root file, is reported.
// (When the nearest file replaced the root one, lib.Slow was not blocking
// in lib and the finding was lost.)
func TestMergedSettingsReachFacts(t *testing.T) {
	root := t.TempDir()
	t.Setenv(config.WorkDirEnv, root)
	for name, content := range map[string]string{
		"go.mod":                 "module example.com/m\n\ngo 1.26\n",
		config.FileName:          "blocking: [example.com/m/lib.Slow]\n",
		"lib/" + config.FileName: "disable: [stdout]\n",
		"lib/lib.go":             "package lib\n\nfunc Slow() {}\n\nfunc Wrapper() { Slow() }\n",
		"app/app.go":             "package app\n\nimport \"example.com/m/lib\"\n\n// hotpath\nfunc Handle() { lib.Wrapper() }\n",
	} {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: root}, "./app")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading: %v", err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.NewCommand()}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			got = append(got, filepath.Base(posn.Filename)+": "+d.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "app.go: lib.Wrapper performs blocking file I/O (lib.Slow)") {
		t.Errorf("findings %q, want one: lib.Wrapper performs blocking file I/O (lib.Slow), in app.go", got)
	}
}
