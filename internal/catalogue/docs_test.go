package catalogue_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

const regenerate = "IOHOTPATH_UPDATE_DOCS=1 go test ./internal/catalogue -run CatalogueDoc"

// TestCatalogueDoc fails when docs/catalogue.md is not what the catalogue
// generates, so the docs cannot drift from the table.
func TestCatalogueDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# The catalogue\n\n")
	fmt.Fprintf(&b, "Generated from the catalogue's tables by `%s`; do not edit.\n\n", regenerate)
	fmt.Fprintf(&b, "%d entries. Names are `types.Func.FullName()`; `(T).*` matches every method of T. ", catalogue.Size())
	b.WriteString("Add your own with the `blocking` option or `//iohotpath:blocking`; trust one with `nonblocking`.\n\n")
	b.WriteString("| function | category |\n|---|---|\n")
	for _, line := range catalogue.Lines() {
		name, rest, _ := strings.Cut(line, " ")
		fmt.Fprintf(&b, "| `%s` | %s |\n", name, rest)
	}
	b.WriteString("\n## Interface methods, by their results\n\n")
	b.WriteString("A call of an abstract interface method (sqlc's `DBTX`, a repository interface) blocks when one of its results is one of these types, whatever implements it. Concrete functions are not classified this way: their bodies are analysed.\n\n")
	b.WriteString("| result type | category |\n|---|---|\n")
	for _, line := range catalogue.ResultLines() {
		typ, cat, _ := strings.Cut(line, " ")
		fmt.Fprintf(&b, "| `%s` | %s |\n", typ, cat)
	}
	b.WriteString("\n## Other import paths\n\n")
	b.WriteString("A vendored copy (`…/vendor/github.com/x/y`) matches the rows of `github.com/x/y`. These paths, and the paths under them, match the rows of another:\n\n")
	for _, line := range catalogue.Aliases() {
		from, to, _ := strings.Cut(line, ": as ")
		fmt.Fprintf(&b, "* `%s`: as `%s`\n", from, to)
	}
	path := filepath.Join("..", "..", "docs", "catalogue.md")
	if os.Getenv("IOHOTPATH_UPDATE_DOCS") != "" {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is stale; regenerate it with %s", path, regenerate)
	}
}
