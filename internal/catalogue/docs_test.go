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
	b.WriteString("\n## Logging libraries\n\n")
	b.WriteString("Each logging library is one `Logger` literal in `internal/catalogue/log.go`. Its rows above, and which of its calls are debug-level (off in production: only their arguments are reported), alarms (warning level or above: a branch that logs one and leaves is a failure path) and no-return calls (fatal level) are derived from it: a receiver's methods are its level words (all of the library's unless listed) joined to its forms, each at its word's level (`W, Wf` with `Warning` are `Warning` and `Warningf`), and its other names carry no level. A binder returns a logger or event bound to the level of its name (zerolog's `Warn()`, go-kit's `level.Debug(l)`); a check takes a level as an argument or reports one. What deriving them changed on real code is in docs/precision.md, \"Issue 22: the catalogue registry\".\n\n")
	b.WriteString("| library | debug | info | alarm | fatal (alarm, no return) | writes a record | binds a level | checks a level |\n|---|---|---|---|---|---|---|---|\n")
	for _, cells := range catalogue.LoggerLines() {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n## Tables\n\n")
	b.WriteString("Every table of the catalogue is listed once in the registry (`internal/catalogue/registry.go`). Its tests fail for a key written under an alias, a key listed twice in a table or in two tables that answer the same question of a call, and a key that names no function, method, type or package of the real library (loaded from `internal/catalogue/testdata/libs`, a module that requires each).\n\n")
	b.WriteString("| table | keys | answers, with the others of the same |\n|---|---|---|\n")
	for _, cells := range catalogue.TableLines() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", cells[0], cells[1], cells[2])
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
