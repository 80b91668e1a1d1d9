package lockio

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

var errorType = types.Universe.Lookup("error").Type()

// postdominators returns, for each block of g, the blocks that every path
// from it to a normal end of the function goes through, itself included;
// nil when no such path exists. A path that ends by returning an error or
// by panicking is not a normal end: `if l.held { return ErrHeld }` does
// not make the rest of a function optional.
func postdominators(g *cfg.CFG, info *types.Info) [][]bool {
	n := len(g.Blocks)
	pdom := make([][]bool, n)
	failing := make([]bool, n)
	for _, b := range g.Blocks {
		if len(b.Succs) > 0 || !b.Live {
			continue
		}
		if endsInFailure(b, info) {
			failing[b.Index] = true
			continue
		}
		pdom[b.Index] = make([]bool, n)
		pdom[b.Index][b.Index] = true
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			b := g.Blocks[i]
			if len(b.Succs) == 0 || !b.Live {
				continue
			}
			var meet []bool // nil: no normal path seen yet
			for _, s := range b.Succs {
				ps := pdom[s.Index]
				if ps == nil {
					continue
				}
				if meet == nil {
					meet = append([]bool(nil), ps...)
					continue
				}
				for j := range meet {
					meet[j] = meet[j] && ps[j]
				}
			}
			if meet == nil {
				continue
			}
			meet[b.Index] = true
			if !equalSets(meet, pdom[b.Index]) {
				pdom[b.Index], changed = meet, true
			}
		}
	}
	return pdom
}

// endsInFailure reports whether b, a block without successors, returns a
// non-nil error or ends in a call that does not return (panic, os.Exit).
func endsInFailure(b *cfg.Block, info *types.Info) bool {
	if len(b.Nodes) == 0 {
		return false // the end of the function body
	}
	switch last := b.Nodes[len(b.Nodes)-1].(type) {
	case *ast.ReturnStmt:
		if len(last.Results) == 0 {
			return false
		}
		r := last.Results[len(last.Results)-1]
		tv := info.Types[r]
		return tv.Type != nil && !tv.IsNil() && types.Implements(tv.Type, errorType.Underlying().(*types.Interface))
	case *ast.ExprStmt:
		call, ok := astutil.Unparen(last.X).(*ast.CallExpr)
		return ok && catalogue.IsNoReturn(info, call)
	}
	return false
}

func equalSets(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
