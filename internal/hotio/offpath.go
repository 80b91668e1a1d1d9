package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
)

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// branch is what taking a branch tells about the run: that an operation
// failed (an error is not nil, an ok is false), that it succeeded, that a
// panic was recovered, or that debug logging is on.
type branch uint8

const (
	plain branch = iota
	failure
	success
	recovered
	notRecovered
	debugOn
	debugOff // a debug check failed: production code, but what follows a return here is debug-only
	never    // a constant false condition: dead code
)

// negate is what the other branch of an if tells.
func (b branch) negate() branch {
	switch b {
	case failure:
		return success
	case success:
		return failure
	case recovered:
		return notRecovered
	case notRecovered:
		return recovered
	case debugOff:
		return debugOn
	}
	return plain // a debug check being false says only that this is production
}

// condition classifies the condition of an if or of a case of a switch
// without a tag.
func (w *walker) condition(cond ast.Expr) branch {
	if v := w.r.value(cond); v != nil && v.Kind() == constant.Bool && !constant.BoolVal(v) {
		return never // if debugDeflate { … } or if yyDebug >= 1 with a dormant yyDebug: dead code
	}
	switch e := astutil.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND: // both hold: either tells
			if x := w.condition(e.X); x != plain {
				return x
			}
			return w.condition(e.Y)
		case token.LOR: // one holds: only what both tell
			if x := w.condition(e.X); x == w.condition(e.Y) {
				return x
			}
		case token.NEQ, token.EQL:
			kind := w.nilTest(e)
			if e.Op == token.EQL {
				kind = kind.negate()
				if kind == plain && w.nilTest(e) == debugOn {
					kind = debugOff // ce == nil
				}
			}
			return kind
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			if k := w.condition(e.X); k == failure || k == success {
				return k.negate()
			}
		}
	case *ast.Ident:
		if v, ok := w.info.Uses[e].(*types.Var); ok {
			if src, isOK := w.r.oks[v]; isOK {
				if ta, isTA := astutil.Unparen(src).(*ast.TypeAssertExpr); isTA && w.isRecover(ta.X) {
					return recovered // _, ok := recover().(runtime.Error)
				}
				return success // the ok of a comma-ok or of a (T, bool) result
			}
		}
	case *ast.CallExpr:
		if fn := names.FuncOf(w.info, e.Fun); fn != nil && (fn.FullName() == "errors.Is" || fn.FullName() == "errors.As") {
			return failure
		}
	}
	if w.isDebugCheck(cond) {
		return debugOn
	}
	return plain
}

// nilTest classifies x != nil: an error that is not nil is a failure, a
// recovered value that is not nil a recovered panic, a zap checked entry
// that is not nil a level that is on.
func (w *walker) nilTest(e *ast.BinaryExpr) branch {
	x, y := astutil.Unparen(e.X), astutil.Unparen(e.Y)
	if w.isNil(x) {
		x, y = y, x
	}
	if !w.isNil(y) {
		return plain
	}
	if w.isRecover(x) {
		return recovered
	}
	if w.isDebugEntry(x) {
		return debugOn
	}
	if tv, ok := w.info.Types[x]; ok && tv.Type != nil && types.Implements(tv.Type, errorIface) {
		return failure
	}
	return plain
}

func (w *walker) isNil(e ast.Expr) bool {
	tv, ok := w.info.Types[e]
	return ok && tv.IsNil()
}

// isRecover reports whether e is a call of recover or a variable holding
// its result.
func (w *walker) isRecover(e ast.Expr) bool {
	if rhs := w.r.assigned(e); rhs != nil {
		e = rhs
	}
	call, ok := astutil.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := astutil.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := w.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// leavesUnless reports whether s is `if <success> { ...; return }` with no
// else: the statements after it run only on failure (or after a recovered
// panic), which it returns.
func (w *walker) leavesUnless(s ast.Stmt) (branch, bool) {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return plain, false
	}
	kind := w.condition(ifs.Cond)
	if kind != success && kind != notRecovered && kind != debugOff {
		return plain, false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return kind.negate(), true
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); ok && catalogue.IsNoReturn(w.info, call) {
			return kind.negate(), true
		}
	}
	return plain, false
}

// isExitBlock reports whether a block, reached by a branch of kind, runs
// at most once per failure or once per loop: a failure branch outside
// loops (inside one, a bad item can be every item, unless the branch
// leaves); a block that ends by panicking or exiting; by returning after a
// failure, with an error made in that return (and no blocking call in it),
// after handing an error it makes to a call, after answering the request
// with an error status, or (outside loops) after logging at warning level
// or above; or, in a hot loop, by returning or breaking out of it.
func (w *walker) isExitBlock(list []ast.Stmt, ctx walkCtx, kind branch) bool {
	if len(list) == 0 {
		return false
	}
	if kind == failure && ctx.loops == 0 && !ctx.loopRegion {
		return true
	}
	leavesLoop := ctx.loopRegion && !ctx.inLit
	outside := ctx.loops == 0 && !ctx.loopRegion
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return leavesLoop || kind == failure || w.returnsMadeError(s) || w.answersError(list) ||
			outside && w.logsAlarm(list) && !w.mayBlock(s)
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(s.X).(*ast.CallExpr); ok {
			return catalogue.IsNoReturn(w.info, call) || ctx.loops == 0 && !ctx.loopRegion && w.answersError(list)
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

// returnsMadeError reports whether ret returns an error it makes itself
// (errors.New, fmt.Errorf and kin, a composite literal, a package-level
// sentinel) and makes no call that may block on the way: in
// `return wrap(w.Sync())` the fsync is the normal path.
func (w *walker) returnsMadeError(ret *ast.ReturnStmt) bool {
	made := false
	for _, r := range ret.Results {
		if w.isMadeError(r) {
			made = true
		}
	}
	return made && !w.mayBlock(ret)
}

func (w *walker) isMadeError(e ast.Expr) bool {
	tv, ok := w.info.Types[e]
	if !ok || tv.IsNil() || tv.Type == nil || !types.Implements(tv.Type, errorIface) {
		return false
	}
	switch x := astutil.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := names.FuncOf(w.info, x.Fun)
		return fn != nil && catalogue.IsErrorConstructor(fn.FullName())
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := astutil.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && lit
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := x.(*ast.Ident)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		v, ok := w.info.Uses[id].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() // a sentinel
	}
	return false
}

// mayBlock reports whether n holds a call that blocks, or that may: a call
// of a function of this package (whose facts are not decided yet) or of
// another package with a blocking fact.
func (w *walker) mayBlock(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		ci := w.calls[call]
		switch {
		case ci == nil || ci.trusted || ci.debug != nil:
		case ci.blocking, ci.lit != nil:
			found = true
		case ci.fn != nil && ci.fn.Pkg() == w.pass.Pkg:
			found = true
		case ci.fn != nil:
			found = importedBlocking(w.pass, w.s, ci.fn) != nil
		}
		return !found
	})
	return found
}

// answersError reports whether list ends by answering the request with an
// error status (and returning): http.Error(...) or w.WriteHeader(4xx/5xx),
// or a call handed an error made on the spot (h.fail(w, fmt.Errorf(…))),
// just before the return.
func (w *walker) answersError(list []ast.Stmt) bool {
	last := list[len(list)-1]
	if _, ok := last.(*ast.ReturnStmt); ok && len(list) >= 2 {
		last = list[len(list)-2]
	}
	es, ok := last.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := astutil.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if w.isMadeError(a) && !w.mayBlock(a) {
			return true
		}
	}
	fn := names.FuncOf(w.info, call.Fun)
	if fn == nil {
		return false
	}
	switch fn.FullName() {
	case "net/http.Error", "net/http.NotFound":
		return true
	case "(net/http.ResponseWriter).WriteHeader":
		if len(call.Args) == 1 {
			if tv := w.info.Types[call.Args[0]]; tv.Value != nil {
				code, ok := constant.Int64Val(constant.ToInt(tv.Value))
				return ok && code >= 400
			}
		}
	}
	return false
}

// failsOnce reports whether ifs, in a loop, is a failure branch without
// else on an error variable that a later statement of the same list tests
// again and leaves on: `if rerr != nil && rerr != io.EOF { log }` followed
// by `if rerr != nil { return }`. The branch then runs at most once per
// call, however many iterations the loop has.
func (w *walker) failsOnce(ifs *ast.IfStmt, rest []ast.Stmt) bool {
	if ifs.Else != nil || w.condition(ifs.Cond) != failure {
		return false
	}
	v := w.failVar(ifs.Cond)
	if v == nil || mayContinue(ifs.Body) {
		return false
	}
	for _, s := range rest {
		if mayContinue(s) {
			return false // the next iteration may start before the test
		}
		later, ok := s.(*ast.IfStmt)
		if !ok || later.Init != nil || len(later.Body.List) == 0 || w.failVar(later.Cond) != v {
			continue
		}
		if b, ok := astutil.Unparen(later.Cond).(*ast.BinaryExpr); !ok || b.Op != token.NEQ {
			continue // only v != nil itself: every failure leaves
		}
		switch last := later.Body.List[len(later.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.ExprStmt:
			if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); ok && catalogue.IsNoReturn(w.info, call) {
				return true
			}
		}
	}
	return false
}

// failVar is the error variable whose `v != nil` starts cond (alone or as
// the first operand of &&), or nil.
func (w *walker) failVar(cond ast.Expr) *types.Var {
	e := astutil.Unparen(cond)
	for {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.LAND {
			break
		}
		e = astutil.Unparen(b.X)
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || w.nilTest(b) != failure {
		return nil
	}
	for _, x := range []ast.Expr{b.X, b.Y} {
		if id, ok := astutil.Unparen(x).(*ast.Ident); ok {
			if v, ok := w.info.Uses[id].(*types.Var); ok {
				return v
			}
		}
	}
	return nil
}

// mayContinue reports whether n holds a continue or goto that may start
// another iteration of the loop around it: any goto or labelled continue,
// and an unlabelled continue that is not inside a loop of n.
func mayContinue(n ast.Node) bool {
	return continues(n, false)
}

func continues(n ast.Node, inLoop bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if m != n {
				found = continues(m.Body, true)
				return false
			}
		case *ast.RangeStmt:
			if m != n {
				found = continues(m.Body, true)
				return false
			}
		case *ast.BranchStmt:
			switch {
			case m.Tok == token.GOTO, m.Tok == token.CONTINUE && (m.Label != nil || !inLoop):
				found = true
			}
		}
		return !found
	})
	return found
}
