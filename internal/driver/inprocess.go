package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/output"
	"github.com/iohotpath/iohotpath/internal/program"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// runInProcess loads the packages from source with go/packages (the whole
// dependency graph, because the analyzer has facts) and analyses them in
// this process, as singlechecker does. It needs nothing from the build
// cache: on a machine that has compiled nothing it is the fast way.
func runInProcess(c *command, dir string, stderr io.Writer) (*result, error) {
	cfg := &packages.Config{
		Mode:       packages.LoadAllSyntax | packages.NeedModule,
		Dir:        dir,
		Tests:      c.test,
		BuildFlags: c.buildFlags,
	}
	start := time.Now()
	analyzer.Prefetch(c.analyzer, dir) // the profiles are read while the packages load
	pkgs, err := packages.Load(cfg, c.patterns...)
	if err != nil {
		return nil, err
	}
	if c.program {
		progress(stderr, start)(fmt.Sprintf("%d packages loaded", countPackages(pkgs)))
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(c.patterns, " "))
	}
	res := &result{tree: tree{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			fmt.Fprintln(stderr, err)
			res.failed = true
		}
	})
	if !res.failed { // a package that did not type-check may lack what an entry names
		warnUnmatched(c, pkgs, stderr)
	}
	opts := &checker.Options{
		SanityCheck: strings.Contains(c.debug, "s"),
		Sequential:  strings.Contains(c.debug, "p"),
	}
	if strings.Contains(c.debug, "f") {
		opts.FactLog = stderr
	}
	var whole *analyzer.Whole
	if c.program {
		whole = analyzer.Collect(c.analyzer) // dependencies' bodies, which the graph does not keep
		defer analyzer.Release(c.analyzer)
		whole.Link(program.Linked(pkgs)) // a fake a main serves is production code
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{c.analyzer}, pkgs, opts)
	if err != nil {
		return nil, err
	}
	res.tree, res.packages = treeOf(graph), countRoots(graph)
	if c.program {
		if err := addProgram(res, c.analyzer.Name, pkgs, graph, whole, stderr, start); err != nil {
			fmt.Fprintf(stderr, "iohotpath: %v\n", err)
			res.failed = true // the modular findings stand; the run is incomplete
		}
	}
	return res, nil
}

// treeOf returns the JSON tree of graph as go vet would give it: keyed by
// package path, a package with tests represented by its test variant alone
// (the files they share would otherwise count twice), and no test main
// packages. Errors are kept for every action, diagnostics for the roots;
// but not the errors of a package that did not load or type-check, or
// whose dependency did not ("analysis skipped", "failed prerequisites"):
// its load errors are printed already, and go vet, which never runs the
// tool on such a package, has no entry for it.
func treeOf(graph *checker.Graph) tree {
	hasVariant := map[string]bool{} // package path -> a root is its test variant
	for _, act := range graph.Roots {
		if isTestVariant(act.Package) {
			hasVariant[act.Package.PkgPath] = true
		}
	}
	t := tree{}
	for act := range graph.All() {
		p := act.Package
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue // generated test main
		}
		if act.Err != nil && p.IllTyped {
			continue
		}
		if act.Err != nil {
			t.add(p.PkgPath, act.Analyzer.Name, nil, act.Err.Error())
			continue
		}
		if !act.IsRoot || hasVariant[p.PkgPath] && !isTestVariant(p) {
			continue
		}
		diags := make([]output.Diagnostic, 0, len(act.Diagnostics))
		for _, d := range act.Diagnostics {
			diags = append(diags, convert(p.Fset, d))
		}
		t.add(p.PkgPath, act.Analyzer.Name, diags, "")
	}
	return t
}

// countRoots is the number of packages analysed for findings, counted as
// go vet runs them (see treeOf): one per package path of the roots, no
// test main, no package that did not type-check.
func countRoots(graph *checker.Graph) int {
	paths := map[string]bool{}
	for _, act := range graph.Roots {
		p := act.Package
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" || p.IllTyped {
			continue
		}
		paths[p.PkgPath] = true
	}
	return len(paths)
}

// isTestVariant reports whether p is a package compiled for a test binary:
// a package with its _test.go files, or an external test package.
func isTestVariant(p *packages.Package) bool { return strings.Contains(p.ID, " [") }

// convert is d as the report holds it, with the positions that
// driverutil.JSONTree.Add gives it, but for the edits of its fixes: those
// name the file they edit, whatever a //line directive says (the tool
// does the same under go vet, see physicalEdits).
func convert(fset *token.FileSet, d analysis.Diagnostic) output.Diagnostic {
	out := output.Diagnostic{
		Category: d.Category,
		Pos:      position(fset.Position(d.Pos)),
		End:      position(fset.Position(cmp.Or(d.End, d.Pos))),
		Message:  d.Message,
		// IOCategory: under go vet it travels in Category (carryIOCategory)
		IOCategory: rules.IOCategory(d.URL),
	}
	for _, f := range d.SuggestedFixes {
		fix := output.Fix{Message: f.Message}
		for _, e := range f.TextEdits {
			start, end := fset.PositionFor(e.Pos, false), fset.PositionFor(e.End, false)
			fix.Edits = append(fix.Edits, output.Edit{
				File:  start.Filename, // the file itself, not the one a //line directive names
				Start: start.Offset,
				End:   end.Offset,
				New:   string(e.NewText),
			})
		}
		out.Fixes = append(out.Fixes, fix)
	}
	for _, r := range d.Related {
		out.Related = append(out.Related, output.Related{
			Pos:     position(fset.Position(r.Pos)),
			End:     position(fset.Position(cmp.Or(r.End, r.Pos))),
			Message: r.Message,
		})
	}
	return out
}

// position is p in the report's terms.
func position(p token.Position) output.Position {
	return output.Position{File: p.Filename, Line: p.Line, Column: p.Column}
}
