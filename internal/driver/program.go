package driver

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"

	"github.com/iohotpath/iohotpath/internal/output"
	"github.com/iohotpath/iohotpath/internal/program"
)

// addProgram runs the whole-program pass (-program) over the packages the
// in-process engine analysed, and adds its findings to the tree under
// their packages' paths, as the analyzer's own: every output shows them
// like any other finding.
func addProgram(res *result, name string, pkgs []*packages.Package, graph *checker.Graph, whole *analyzer.Whole, stderr io.Writer, start time.Time) error {
	found, err := program.Check(pkgs, graph, whole, progress(stderr, start))
	if err != nil {
		return err
	}
	for p, diags := range found {
		slices.SortFunc(diags, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
		out := make([]output.Diagnostic, 0, len(diags))
		for _, d := range diags {
			out = append(out, convert(p.Fset, d))
		}
		res.tree.add(p.PkgPath, name, out, "")
	}
	return nil
}

// progress returns the function that prints the steps of a -program run
// with the time since start, on stderr when it is a terminal (a run over a
// large program takes a while); otherwise nothing, so that logs and
// tests see only findings.
func progress(stderr io.Writer, start time.Time) func(string) {
	if !isTerminal(stderr) {
		return func(string) {}
	}
	return steps(stderr, start)
}

// steps returns the function that prints a step of a -program run on w.
func steps(w io.Writer, start time.Time) func(string) {
	return func(step string) {
		fmt.Fprintf(w, "iohotpath: -program: %s (%.1fs)\n", step, time.Since(start).Seconds())
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// countPackages counts pkgs and their dependencies.
func countPackages(pkgs []*packages.Package) int {
	n := 0
	packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
	return n
}
