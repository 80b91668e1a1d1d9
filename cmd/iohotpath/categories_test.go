package main_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDisableStdoutKeepsFileWrites: disable: [stdout], the example the
// README and .golangci.example.yml give, silences writes to the standard
// streams only; the founding example's fmt.Fprintf to its audit file is a
// file write and stays reported, as does everything else it reports.
func TestDisableStdoutKeepsFileWrites(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := binary(t)
	all, code := run(t, root, bin, "-engine=inprocess", "./examples/scorer")
	if code != 3 {
		t.Fatalf("iohotpath ./examples/scorer: exit code %d, want 3:\n%s", code, all)
	}
	quiet, code := run(t, root, bin, "-engine=inprocess", "-disable=stdout", "./examples/scorer")
	if code != 3 {
		t.Fatalf("iohotpath -disable=stdout ./examples/scorer: exit code %d, want 3:\n%s", code, quiet)
	}
	got, want := findings(root, quiet), findings(root, all)
	if !slices.Equal(got, want) {
		t.Errorf("-disable=stdout changed the scorer's findings:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, "fmt.Fprintf does I/O on a file") }) {
		t.Errorf("no fmt.Fprintf file-write finding in the scorer with -disable=stdout:\n%s", quiet)
	}
}
