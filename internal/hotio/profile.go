package hotio

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/profiles"
)

// applyProfile marks what the CPU profiles say of the package's
// functions: which have samples (for -profile-only), and which run per
// unit of work (profiles.Index; hot, with their share in messages).
// Functions hot by a marker, -funcs or a preset keep their meaning. A
// literal is looked up by its file and start line, as the profile records
// it; one inside a hot declaration is walked with it already. Test files
// are left alone (Run never gets here for the standard library without
// markers or -funcs).
//
// What the profile cannot tell, the code does: a function heavy in the
// profile that runs a long-running loop (for {}, for cond {}, a range
// over a channel: a worker, a dispatcher) runs once and loops, so that
// loop's body is hot, not the code around it; a literal started as a
// goroutine (go func(){…}(), g.Go(func…)) is the body of one, never per
// unit of work.
func (g *graph) applyProfile(pass *analysis.Pass, prof *profiles.Index) {
	if !prof.HasCPU() || len(pass.Files) == 0 {
		return
	}
	pkg := profiles.PkgKey(pass.Pkg)
	started := goroutineBodies(pass)
	for _, n := range g.nodes {
		var f *profiles.Func
		var ok bool
		pos := pass.Fset.PositionFor(n.pos(), false)
		if strings.HasSuffix(pos.Filename, "_test.go") {
			continue
		}
		if n.obj != nil {
			f, ok = prof.Func(profiles.Key(n.obj))
		} else {
			f, ok = prof.Lit(pkg, pos.Filename, pos.Line)
		}
		if !ok {
			continue
		}
		n.profiled = true
		if !f.Hot || n.hot || n.outer != nil && n.outer.hot || n.body == nil {
			continue
		}
		if loops := longLoops(pass.TypesInfo, n.body); len(loops) > 0 {
			n.loops, n.share = loops, f.Share
			continue
		}
		if n.lit != nil && started[n.lit] {
			continue
		}
		n.hot, n.share = true, f.Share
	}
}

// goroutineBodies returns the literals started as goroutines: called by
// a go statement, or handed to a method or function named Go
// (sync.WaitGroup, errgroup.Group).
func goroutineBodies(pass *analysis.Pass) map[*ast.FuncLit]bool {
	started := map[*ast.FuncLit]bool{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
					started[lit] = true
				}
			case *ast.CallExpr:
				name := ""
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.SelectorExpr:
					name = fun.Sel.Name
				case *ast.Ident:
					name = fun.Name
				}
				if name != "Go" {
					break
				}
				for _, a := range n.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						started[lit] = true
					}
				}
			}
			return true
		})
	}
	return started
}

// longLoops returns the outermost long-running loops of body, outside
// its literals: for {}, for cond {} (no init or post statement, or a
// condition that does not mention the variables the init declares), and
// ranges over a channel.
func longLoops(info *types.Info, body *ast.BlockStmt) []ast.Node {
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if isLongFor(info, n) {
				loops = append(loops, n)
				return false
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					loops = append(loops, n)
					return false
				}
			}
		}
		return true
	})
	return loops
}

// isLongFor reports whether the for statement runs until something other
// than its counter says.
func isLongFor(info *types.Info, f *ast.ForStmt) bool {
	if f.Init == nil && f.Post == nil {
		return !leavesOnNilError(info, f.Body) // a retry loop runs until its attempt succeeds
	}
	if f.Cond == nil {
		return true
	}
	declared := map[types.Object]bool{}
	if as, ok := f.Init.(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				if obj := info.Defs[id]; obj != nil {
					declared[obj] = true
				}
			}
		}
	}
	mentions := false
	ast.Inspect(f.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && declared[info.Uses[id]] {
			mentions = true
		}
		return !mentions
	})
	return !mentions
}

// leavesOnNilError reports whether body, a loop's, leaves it when an
// error is nil: `if err == nil { break }` or `{ return … }` directly in
// it, a retry loop (walker.retryLoop says the same with the off-path
// rules' reading of conditions, which the profile's step cannot use yet).
func leavesOnNilError(info *types.Info, body *ast.BlockStmt) bool {
	for _, s := range body.List {
		ifs, ok := s.(*ast.IfStmt)
		if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
			continue
		}
		be, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL {
			continue
		}
		x := be.X
		if info.Types[x].IsNil() {
			x = be.Y
		} else if !info.Types[be.Y].IsNil() {
			continue
		}
		if !isError(info.TypeOf(x)) {
			continue
		}
		switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
		case *ast.BranchStmt:
			if last.Tok == token.BREAK && last.Label == nil {
				return true
			}
		case *ast.ReturnStmt:
			return true
		}
	}
	return false
}

// walkProfiledLoops walks the long-running loops of n, which a CPU
// profile shows heavy, as hot loops.
func (rp *reporter) walkProfiledLoops(n *funcNode, fn string) {
	for _, l := range n.loops {
		r := region{root: l, fn: fn, loop: true, drains: rp.drains(l), share: n.share}
		switch l := l.(type) {
		case *ast.ForStmt:
			var cond, post ast.Node
			if l.Cond != nil {
				cond = l.Cond
			}
			if l.Post != nil {
				post = l.Post
			}
			rp.walkLoop(r, "", cond, post, l.Body)
		case *ast.RangeStmt:
			rp.walkLoop(r, "", nil, nil, l.Body)
		}
	}
}

// profileHot reports whether a CPU profile makes fn, of another package,
// hot: its own findings are reported there (facts do not say so, since
// which code a profile makes hot is no fact).
func (u *unit) profileHot(fn *types.Func) bool {
	f, ok := u.prof.Func(profiles.Key(fn))
	return ok && f.Hot
}
