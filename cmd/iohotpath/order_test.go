package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputOrder: the same run prints the same bytes every time, in
// every format and with both engines, on a package of many files whose
// findings are in every file: diagnostics are ordered by file, line,
// column, rule and message, not by the order packages or files happened
// to be parsed in.
func TestOutputOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("runs both engines twice each on a 30-file module: skipped in -short mode")
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/order\n\ngo 1.26\n")
	write("store/store.go", "package store\n\nimport \"os\"\n\nfunc Save(p string) { os.WriteFile(p, nil, 0o600) }\n")
	for i := range 30 {
		// Files are named so that their order as written differs from
		// their order by name (f9 after f10 and f29).
		write(fmt.Sprintf("svc/f%d.go", i), fmt.Sprintf(`package svc

import (
	"log"
	"os"

	"example.com/order/store"
)

// hotpath
func Handle%[1]d(p string) {
	log.Printf("x")
	store.Save(p)
	for range 2 {
		f, _ := os.Open(p)
		defer f.Close()
	}
}
`, i))
	}
	bin := binary(t)
	for _, args := range [][]string{
		{"-engine=inprocess"},
		{"-engine=inprocess", "-json"},
		{"-engine=inprocess", "-format=sarif"},
		{"-engine=vet", "-format=github"},
	} {
		all := append(append([]string{}, args...), "./...")
		first, code := run(t, dir, bin, all...)
		if code != 3 && code != 0 {
			t.Fatalf("iohotpath %s: exit code %d:\n%s", strings.Join(all, " "), code, first)
		}
		if n := strings.Count(first, "Handle"); n < 30 {
			t.Fatalf("iohotpath %s: %d mentions of a hot function, want a finding in each of the 30 files:\n%s", strings.Join(all, " "), n, first)
		}
		if again, _ := run(t, dir, bin, all...); again != first {
			t.Fatalf("iohotpath %s: a second run differs from the first:\n--- first\n%s\n--- second\n%s", strings.Join(all, " "), first, again)
		}
		if len(args) == 1 { // text: ordered by file name, then line
			var files []string
			for _, line := range strings.Split(first, "\n") {
				if f, _, ok := strings.Cut(line, ":"); ok && !strings.Contains(line, ": \t") && strings.HasSuffix(f, ".go") { // not a hop of a chain
					files = append(files, f)
				}
			}
			for i := 1; i < len(files); i++ {
				if files[i] < files[i-1] {
					t.Fatalf("iohotpath %s: %s printed after %s", strings.Join(all, " "), files[i], files[i-1])
				}
			}
		}
	}
}
