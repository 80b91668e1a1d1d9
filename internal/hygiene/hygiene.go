// Package hygiene implements iohotpath's loop-hygiene rules, which hold in
// every function, hot or not:
//
//   - defer-in-loop: a defer in a loop body that may run more than once
//     piles up until the function returns (files kept open, locks held);
//   - reopen-in-loop: a loop that opens, reads or writes the same path on
//     every iteration, with a fix that hoists an append-only os.OpenFile
//     and its error check before the loop.
//
// A loop that provably runs its body at most once (it always returns or
// breaks) reports nothing, nor does a defer followed by a statement that
// leaves the loop, a defer meant to outlive its iteration (what it releases
// is kept after the loop, a cancel whose context went to a goroutine, work
// guarded by a flag the loop clears), or an open in an event's case of a
// for-select loop.
//
// Check returns the diagnostics; the caller applies //iohotpath:ignore and
// orders them.
package hygiene

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Options selects the rules Check runs.
type Options struct {
	Defer  bool // defer-in-loop
	Reopen bool // reopen-in-loop
	Tests  bool // also check _test.go files
}

// Check runs the enabled loop-hygiene rules on the files of pass. The
// analyzer calling it must require inspect.Analyzer. Diagnostics carry the
// rule id as Category and are neither filtered nor ordered.
func Check(pass *analysis.Pass, opts Options) []analysis.Diagnostic {
	if !opts.Defer && !opts.Reopen {
		return nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, loops: map[ast.Node]*loop{}}
	var files []inspector.Cursor
	for f := range pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().Children() {
		if opts.Tests || !strings.HasSuffix(pass.Fset.PositionFor(f.Node().Pos(), false).Filename, "_test.go") {
			files = append(files, f)
		}
	}
	var diags []analysis.Diagnostic
	if opts.Defer {
		diags = append(diags, c.checkDefers(files)...)
	}
	if opts.Reopen {
		diags = append(diags, c.checkOpens(files)...)
	}
	return diags
}

// checker holds what one Check call has learnt about the loops of the
// package; each loop is described once, on first use.
type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	loops map[ast.Node]*loop // by *ast.ForStmt or *ast.RangeStmt
}
