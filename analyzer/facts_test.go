package analyzer_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestFactSize generates a large package, a 300-deep chain of helpers down
// to os.WriteFile plus 300 independent blocking functions, and checks that
// every exported fact stays small.
//
// The ceiling: a fact holds a category and at most five hops (function
// name and file:line:col), so its size does not grow with the package or
// the depth of the chain. With a temporary directory's path in each hop it
// stays well under 1 KiB; a fact that grew with the chain would pass 10 KiB
// here.
func TestFactSize(t *testing.T) {
	t.Parallel()
	const depth, width, ceiling = 300, 300, 1024
	dir := t.TempDir()
	var src strings.Builder
	src.WriteString("package big\n\nimport \"os\"\n\n")
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&src, "func f%d() { f%d() }\n", i, i+1)
	}
	fmt.Fprintf(&src, "func f%d() { os.WriteFile(\"x\", nil, 0o600) }\n", depth)
	for i := 0; i < width; i++ {
		fmt.Fprintf(&src, "func g%d() { os.Remove(\"x\") }\n", i)
	}
	pkgDir := filepath.Join(dir, "src", "big")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkgDir, "big.go"), []byte(src.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	var r recorder // facts are not annotated with want: ignore those errors
	results := analysistest.Run(&r, dir, newAnalyzer(t, analyzer.Config{}), "big")
	if len(results) != 1 {
		t.Fatalf("got %d results", len(results))
	}
	total, largest, count := 0, 0, 0
	var first string
	for obj, facts := range results[0].Facts {
		for _, f := range facts {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(f); err != nil {
				t.Fatal(err)
			}
			count++
			total += buf.Len()
			largest = max(largest, buf.Len())
			if obj.Name() == "f0" {
				first = fmt.Sprint(f)
			}
		}
	}
	if want := depth + 1 + width; count != want {
		t.Errorf("%d facts, want %d", count, want)
	}
	if largest > ceiling {
		t.Errorf("largest fact is %d bytes, ceiling %d", largest, ceiling)
	}
	t.Logf("%d facts, %d bytes in all, largest %d bytes", count, total, largest)
	// The deep chain is cut in the middle, visibly: first hops, an elided
	// hop, then the blocking call.
	if want := "blocking(file): big.f1 -> big.f2 -> big.f3 -> ... -> os.WriteFile"; first != want {
		t.Errorf("fact of f0 = %q, want %q", first, want)
	}
}
