package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/output"
)

// TestInProcessBrokenPackage: a package that does not type-check, and one
// that imports it, fail the run with the compiler's error once, and have
// no entry in the tree, as under go vet (which never runs the tool on
// them); the findings of the other packages are kept.
func TestInProcessBrokenPackage(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":     "module example.com/b\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nfunc F() int { return \"x\" }\n",
		"app/app.go": "package app\n\nimport (\n\t\"log\"\n\n\t\"example.com/b/lib\"\n)\n\n// hotpath\nfunc H() { log.Print(lib.F()) }\n",
		"ok.go":      "package ok\n\nimport \"log\"\n\n// hotpath\nfunc H() { log.Print(1) }\n",
	} {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := parse(analyzer.NewCommand(), []string{"-engine=inprocess", "./..."}, dir)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	res, err := runInProcess(c, dir, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !res.failed {
		t.Error("the run did not fail")
	}
	if n := strings.Count(stderr.String(), `cannot use "x"`); n != 1 {
		t.Errorf("the type error is printed %d times, want once:\n%s", n, stderr.String())
	}
	if len(res.tree) != 1 || res.tree["example.com/b"] == nil {
		var out bytes.Buffer
		output.Tree(res.tree).WriteJSON(&out)
		t.Errorf("tree:\n%s\nwant the finding of example.com/b alone", out.String())
	}
}
