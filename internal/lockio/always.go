package lockio

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

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

// failures returns, for each block of g, whether every path from it ends
// in a failure for sure (endsInError): the body of `if len(p) == 0 {
// return errors.New("empty") }`. A loop that never ends is not one.
func failures(g *cfg.CFG, info *types.Info) []bool {
	fails := make([]bool, len(g.Blocks))
	for changed := true; changed; {
		changed = false
		for i := len(g.Blocks) - 1; i >= 0; i-- {
			b := g.Blocks[i]
			if fails[i] || !b.Live {
				continue
			}
			f := len(b.Succs) == 0 && endsInError(b, info)
			if len(b.Succs) > 0 {
				f = !slices.ContainsFunc(b.Succs, func(s *cfg.Block) bool { return !fails[s.Index] })
			}
			if f {
				fails[i], changed = true, true
			}
		}
	}
	return fails
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

// endsInError is endsInFailure for an error exit for sure: the error
// returned is not the result of a call that may succeed (`return
// j.f.Sync()`, `return w.flush()`), but a variable (err after `if err
// != nil`, errNoCache), a value (&PathError{...}, a conversion) or the
// result of an error constructor of the catalogue (errors.New,
// fmt.Errorf, errors.Wrap). A project's own constructor is not known
// here: hot-io's facts of it are computed later.
func endsInError(b *cfg.Block, info *types.Info) bool {
	if !endsInFailure(b, info) {
		return false
	}
	ret, ok := b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt)
	if !ok {
		return true // panic, os.Exit
	}
	call, ok := astutil.Unparen(ret.Results[len(ret.Results)-1]).(*ast.CallExpr)
	if !ok || info.Types[call.Fun].IsType() {
		return true
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return false
	}
	_, maker := catalogue.LookupFails(fn.FullName())
	return maker
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
