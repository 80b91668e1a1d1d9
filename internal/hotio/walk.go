package hotio

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/names"
)

// walkCtx is where a call sits relative to the root of a walk (a function
// body or a hot loop).
type walkCtx struct {
	loops      int    // loops entered below the root
	exit       bool   // inside an error-exit block
	inLit      bool   // inside a function literal below the root
	breakNest  int    // for/switch/select statements entered below a hot loop
	loopRegion bool   // the root is a hot loop
	hotLabel   string // label of the hot loop, if any
}

// walker visits the calls that run each time its root runs, in source
// order: not the code started by go statements, not the function passed to
// sync.Once.Do and its kin, not error-exit blocks (unless configured), and
// function literals only when descendLits is set.
type walker struct {
	info        *types.Info
	dirs        *directives.Index
	used        directives.Used // loop markers met on the way are used: the loop is walked
	errorPaths  bool
	descendLits bool
	onCall      func(call *ast.CallExpr, ctx walkCtx)
}

func (w *walker) stmts(list []ast.Stmt, ctx walkCtx) {
	for _, s := range list {
		w.node(s, ctx)
	}
}

// block walks a nested block, which may be an error-exit block.
func (w *walker) block(list []ast.Stmt, ctx walkCtx) {
	if !ctx.exit && w.isExitBlock(list, ctx) {
		if !w.errorPaths {
			return // runs at most once per failure
		}
		ctx.exit = true
	}
	w.stmts(list, ctx)
}

func (w *walker) expr(e ast.Node, ctx walkCtx) {
	if e != nil {
		w.node(e, ctx)
	}
}

func (w *walker) node(root ast.Node, ctx walkCtx) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			// The goroutine runs off the hot path; only its arguments are
			// evaluated here.
			for _, a := range n.Call.Args {
				w.expr(a, ctx)
			}
			return false
		case *ast.FuncLit:
			if w.descendLits {
				inner := ctx
				inner.inLit, inner.breakNest = true, 0
				w.stmts(n.Body.List, inner)
			}
			return false
		case *ast.CallExpr:
			w.onCall(n, ctx)
			if w.isOnceCall(n) {
				w.expr(n.Fun, ctx)
				return false // the argument runs once, not per call
			}
			return true
		case *ast.LabeledStmt:
			w.used.Add(w.dirs.LoopMarkers(n.Pos())...)
			return true
		case *ast.ForStmt:
			w.used.Add(w.dirs.LoopMarkers(n.Pos())...)
			w.expr(n.Init, ctx)
			inner := ctx
			inner.loops++
			inner.breakNest++
			w.expr(n.Cond, inner)
			w.expr(n.Post, inner)
			w.stmts(n.Body.List, inner)
			return false
		case *ast.RangeStmt:
			w.used.Add(w.dirs.LoopMarkers(n.Pos())...)
			w.expr(n.X, ctx)
			inner := ctx
			inner.loops++
			inner.breakNest++
			w.stmts(n.Body.List, inner)
			return false
		case *ast.SwitchStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Tag, ctx)
			w.clauses(n.Body, ctx)
			return false
		case *ast.TypeSwitchStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Assign, ctx)
			w.clauses(n.Body, ctx)
			return false
		case *ast.SelectStmt:
			w.clauses(n.Body, ctx)
			return false
		case *ast.IfStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Cond, ctx)
			w.block(n.Body.List, ctx)
			switch e := n.Else.(type) {
			case *ast.BlockStmt:
				w.block(e.List, ctx)
			case *ast.IfStmt:
				w.node(e, ctx)
			}
			return false
		case *ast.BlockStmt:
			w.block(n.List, ctx)
			return false
		}
		return true
	})
}

// clauses walks the case clauses of a switch or select, each a possible
// error-exit block.
func (w *walker) clauses(body *ast.BlockStmt, ctx walkCtx) {
	inner := ctx
	inner.breakNest++
	for _, s := range body.List {
		switch cl := s.(type) {
		case *ast.CaseClause:
			for _, e := range cl.List {
				w.expr(e, ctx)
			}
			w.block(cl.Body, inner)
		case *ast.CommClause:
			w.expr(cl.Comm, ctx)
			w.block(cl.Body, inner)
		}
	}
}

// isExitBlock reports whether a block ends by leaving for good: a return of
// a non-nil error, panic, os.Exit, log.Fatal and kin, or, in a hot loop, a
// return or a break out of the loop.
func (w *walker) isExitBlock(list []ast.Stmt, ctx walkCtx) bool {
	if len(list) == 0 {
		return false
	}
	leavesLoop := ctx.loopRegion && !ctx.inLit
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		if leavesLoop {
			return true
		}
		for _, r := range s.Results {
			if w.isErrorValue(r) {
				return true
			}
		}
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(s.X).(*ast.CallExpr); ok {
			return catalogue.IsNoReturn(w.info, call)
		}
	case *ast.BranchStmt:
		if s.Tok == token.BREAK && leavesLoop {
			if s.Label != nil {
				return s.Label.Name == ctx.hotLabel
			}
			return ctx.breakNest == 0
		}
	}
	return false
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isErrorValue reports whether e is an error value other than nil.
func (w *walker) isErrorValue(e ast.Expr) bool {
	tv, ok := w.info.Types[e]
	if !ok || tv.IsNil() || tv.Type == nil {
		return false
	}
	return types.Implements(tv.Type, errorIface)
}

// isOnceCall reports whether call runs its function argument at most once:
// (*sync.Once).Do, sync.OnceFunc, sync.OnceValue(s).
func (w *walker) isOnceCall(call *ast.CallExpr) bool {
	fn := names.FuncOf(w.info, call.Fun)
	return fn != nil && catalogue.IsOnce(fn.Origin().FullName())
}
