package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWorkspaceModules: the use directives of a go.work, single and in a
// block, quoted and commented, relative to the file; a malformed file
// gives its own directory.
func TestWorkspaceModules(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "go.work")
	work := "go 1.26\n\nuse ./a // the first\n\nuse (\n\t./b\n\t\"./c d\"\n\t// ./e is commented out\n)\n"
	if err := os.WriteFile(file, []byte(work), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c d")}
	if got := workspaceModules(file); !slices.Equal(got, want) {
		t.Errorf("workspaceModules = %q, want %q", got, want)
	}
	if err := os.WriteFile(file, []byte("use (\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := workspaceModules(file); !slices.Equal(got, []string{dir}) {
		t.Errorf("malformed go.work: workspaceModules = %q, want [%s]", got, dir)
	}
}
