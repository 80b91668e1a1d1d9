package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
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
	offBy      string // the off-path rule that left this code out, when walked to show it (-show-offpath)
	retry      bool   // in the body of a retry loop (retryLoop), not of a loop inside it: a failure there is one attempt's
}

// walker visits the calls that run each time its root runs, in source
// order: not the code started by go statements, not the function passed to
// sync.Once.Do and its kin, not error-exit blocks (unless configured), and
// function literals only when descendLits is set.
type walker struct {
	*unit       // loop markers met on the way are used: the loop is walked
	info        *types.Info
	descendLits bool
	showOff     bool // walk what the off-path rules leave out too, with ctx.offBy saying why
	onCall      func(call *ast.CallExpr, ctx walkCtx)
}

// body walks the body of a function. Its tail, the statements after the
// last one that may return, ends every call that gets that far: when an
// exit rule says it ends on a failure (it warns and returns false, returns
// a made error, answers 410), it is off the path as a block would be. A
// host check that returns true early and warns before returning false
// rejects only there; a handler whose whole body answers 410 rejects
// every request it gets.
func (w *walker) body(list []ast.Stmt, ctx walkCtx) {
	if len(list) == 0 {
		return
	}
	j := len(list) - 2
	for j >= 0 && !mayReturn(list[j]) {
		j--
	}
	if j >= 0 {
		if _, ok := w.leavesUnless(list[j]); ok {
			w.stmts(list, ctx) // what follows runs on failure: stmts knows
			return
		}
	}
	tail := list[j+1:]
	b := exitBlock{list: tail, ctx: ctx, kind: plain, tail: true, rejects: w.rejectsAtEnd(list[:j+1], tail)}
	if j >= 0 && casesReturn(list[j]) {
		b.tail = false // the switch's missing default: a block like its cases
	}
	rule := w.exitRuleOf(b)
	if rule == "" || ctx.exit || ctx.offBy != "" {
		w.stmts(list, ctx)
		return
	}
	w.stmts(list[:j+1], ctx)
	if inner, walk := w.leftOut(ctx, rule, true); walk {
		w.stmts(tail, inner)
	}
}

// casesReturn reports whether s is a switch or type switch without a
// default whose every case ends in a return: the statements after it run
// only when no case matched, as a default would.
func casesReturn(s ast.Stmt) bool {
	var body *ast.BlockStmt
	switch s := s.(type) {
	case *ast.SwitchStmt:
		body = s.Body
	case *ast.TypeSwitchStmt:
		body = s.Body
	default:
		return false
	}
	for _, c := range body.List {
		cl, ok := c.(*ast.CaseClause)
		if !ok || cl.List == nil || len(cl.Body) == 0 {
			return false // a default, or a case that falls out of the switch
		}
		if _, ok := cl.Body[len(cl.Body)-1].(*ast.ReturnStmt); !ok {
			return false
		}
	}
	return len(body.List) > 0
}

// rejectsAtEnd reports whether a function body whose statements are
// head then tail returns false at the end of tail and true in a return
// of head: a check that accepts early and rejects last.
func (w *walker) rejectsAtEnd(head, tail []ast.Stmt) bool {
	last, ok := tail[len(tail)-1].(*ast.ReturnStmt)
	if !ok || len(last.Results) != 1 || !w.isBool(last.Results[0], false) {
		return false
	}
	accepts := false
	for _, s := range head {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 1 && w.isBool(n.Results[0], true) {
					accepts = true
				}
			}
			return !accepts
		})
	}
	return accepts
}

// isBool reports whether e is the boolean constant v.
func (w *walker) isBool(e ast.Expr, v bool) bool {
	tv := w.info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == v
}

// lazyInit reports whether ifs initialises a field or a package
// variable once: its condition is `x == nil`, `!x` or `x == 0`, and its
// body or the statements after it (rest) set x. Like sync.Once, the body
// runs on the first call (per value), not on every one:
// `if m.config == nil { m.loadEntries() }; m.config = cfg`.
func (w *walker) lazyInit(ifs *ast.IfStmt, rest []ast.Stmt) bool {
	x := guardOf(w.info, ifs.Cond)
	if x == nil || !w.isStored(x) {
		return false
	}
	want := types.ExprString(x)
	for _, n := range append([]ast.Stmt{ifs.Body}, rest...) {
		set := false
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if types.ExprString(astutil.Unparen(l)) == want {
						set = true
					}
				}
			}
			return !set
		})
		if set {
			return true
		}
	}
	return false
}

// guardOf returns x of a condition `x == nil`, `nil == x`, `!x` or
// `x == 0`, or nil.
func guardOf(info *types.Info, cond ast.Expr) ast.Expr {
	switch e := astutil.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return astutil.Unparen(e.X)
		}
	case *ast.BinaryExpr:
		if e.Op != token.EQL {
			return nil
		}
		for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
			tv := info.Types[pair[1]]
			if tv.IsNil() || tv.Value != nil && tv.Value.ExactString() == "0" {
				return astutil.Unparen(pair[0])
			}
		}
	}
	return nil
}

// isStored reports whether x outlives a call: a field selected on a value,
// or a package-level variable. A local variable is new on every call.
func (w *walker) isStored(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		if s := w.info.Selections[x]; s != nil {
			return s.Kind() == types.FieldVal
		}
		v, ok := w.info.Uses[x.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		v, ok := w.info.Uses[x].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// mayReturn reports whether s holds a return statement of its function
// (not of a function literal in it).
func mayReturn(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// stmts walks a list of statements. After `if err == nil { return }` the
// rest of the list runs only on failure: it is walked as such a block.
func (w *walker) stmts(list []ast.Stmt, ctx walkCtx) {
	for i, s := range list {
		if ifs, ok := s.(*ast.IfStmt); ok && ctx.loops > 0 && !ctx.exit && ctx.offBy == "" && w.failsOnce(ifs, list[i+1:]) {
			w.expr(ifs.Init, ctx)
			w.expr(ifs.Cond, ctx)
			if inner, walk := w.leftOut(ctx, ruleFailsOnceInLoop, true); walk {
				w.stmts(ifs.Body.List, inner)
			}
			continue
		}
		if ifs, ok := s.(*ast.IfStmt); ok && !ctx.exit && ctx.offBy == "" && w.lazyInit(ifs, list[i+1:]) {
			w.expr(ifs.Init, ctx)
			w.expr(ifs.Cond, ctx)
			if inner, walk := w.leftOut(ctx, ruleLazyInit, false); walk {
				w.stmts(ifs.Body.List, inner)
			}
			if ifs.Else != nil {
				w.node(ifs.Else, ctx)
			}
			continue
		}
		w.node(s, ctx)
		if kind, ok := w.leavesUnless(s); ok && i+1 < len(list) {
			w.block(list[i+1:], ctx, kind)
			return
		}
		if ctx.retry && w.breaksOnSuccess(s) && i+1 < len(list) {
			w.block(list[i+1:], ctx, failure) // the attempt failed: what follows retries
			return
		}
	}
}

// block walks a nested block reached when its branch is taken; it may be
// off the path: an error exit, code after a recovered panic, code that
// runs only when debug logging is on.
func (w *walker) block(list []ast.Stmt, ctx walkCtx, kind branch) {
	if ctx.offBy != "" {
		w.stmts(list, ctx) // left out already, walked to show it
		return
	}
	if rule := kind.rule(); rule != "" {
		// Runs after a panic, only with debug logging on, or never.
		if inner, walk := w.leftOut(ctx, rule, false); walk {
			w.stmts(list, inner)
		}
		return
	}
	if !ctx.exit {
		if rule := w.exitRule(list, ctx, kind); rule != "" {
			// Runs at most once per failure, or once per hot loop.
			if inner, walk := w.leftOut(ctx, rule, true); walk {
				w.stmts(list, inner)
			}
			return
		}
	}
	w.stmts(list, ctx)
}

// leftOut says how to go on with code that off-path rule leaves out: not
// at all; as an error path (-error-paths, for the rules that say a block
// runs once per failure); or to show it (-show-offpath).
func (w *walker) leftOut(ctx walkCtx, rule string, failure bool) (walkCtx, bool) {
	switch {
	case failure && w.s.ErrorPaths:
		ctx.exit = true
		return ctx, true
	case w.showOff:
		ctx.offBy = rule
		return ctx, true
	}
	return ctx, false
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
			if ln := w.g.byLit[n]; ln != nil && ln.preset != "" {
				return false // a handler of its own (-hot=http): its own region
			}
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
			inner.retry = w.retryLoop(n)
			w.expr(n.Cond, inner)
			w.expr(n.Post, inner)
			w.loopBody(n.Body.List, inner)
			return false
		case *ast.RangeStmt:
			w.used.Add(w.dirs.LoopMarkers(n.Pos())...)
			w.expr(n.X, ctx)
			inner := ctx
			inner.loops++
			inner.breakNest++
			inner.retry = false
			w.loopBody(n.Body.List, inner)
			return false
		case *ast.SwitchStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Tag, ctx)
			w.clauses(n.Body, ctx, n.Tag == nil, n.Tag != nil)
			return false
		case *ast.TypeSwitchStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Assign, ctx)
			w.clauses(n.Body, ctx, false, false)
			return false
		case *ast.SelectStmt:
			w.clauses(n.Body, ctx, false, false)
			return false
		case *ast.IfStmt:
			w.expr(n.Init, ctx)
			w.expr(n.Cond, ctx)
			kind := w.condition(n.Cond)
			w.block(n.Body.List, ctx, kind)
			switch e := n.Else.(type) {
			case *ast.BlockStmt:
				w.block(e.List, ctx, kind.negate())
			case *ast.IfStmt:
				w.node(e, ctx)
			}
			return false
		case *ast.BlockStmt:
			w.block(n.List, ctx, plain)
			return false
		}
		return true
	})
}

// loopBody walks the body of a loop: a body whose only blocking calls
// log at warning level or above (`for _, e := range errs { log.Warn(e)
// }`) reports what went wrong, item by item, and is off the path as a
// branch that warns in a loop is.
func (w *walker) loopBody(list []ast.Stmt, ctx walkCtx) {
	if !ctx.exit && ctx.offBy == "" && w.logsAlarm(list) && !w.blocksBeside(list, w.isAlarmCall) {
		if inner, walk := w.leftOut(ctx, ruleWarnsOnly, true); walk {
			w.stmts(list, inner)
		}
		return
	}
	w.stmts(list, ctx)
}

// clauses walks the case clauses of a switch or select, each a possible
// error-exit block; a clause of a switch without a tag is an if, and a
// clause of a switch on a value (tagged) whose cases all say debug
// (`case "/debug/vars":`) is the body of a debug flag.
func (w *walker) clauses(body *ast.BlockStmt, ctx walkCtx, tagless, tagged bool) {
	inner := ctx
	inner.breakNest++
	for _, s := range body.List {
		switch cl := s.(type) {
		case *ast.CaseClause:
			for _, e := range cl.List {
				w.expr(e, ctx)
			}
			kind := plain
			switch {
			case tagless && len(cl.List) == 1:
				kind = w.condition(cl.List[0])
			case tagged && len(cl.List) > 0 && !slices.ContainsFunc(cl.List, func(e ast.Expr) bool { return !w.debugString(e) }):
				kind = debugFlag
			}
			w.block(cl.Body, inner, kind)
		case *ast.CommClause:
			w.expr(cl.Comm, ctx)
			w.block(cl.Body, inner, plain)
		}
	}
}

// isOnceCall reports whether call runs its function argument at most once:
// (*sync.Once).Do, sync.OnceFunc, sync.OnceValue(s).
func (w *walker) isOnceCall(call *ast.CallExpr) bool {
	fn := names.FuncOf(w.info, call.Fun)
	return fn != nil && catalogue.IsOnce(fn.Origin().FullName())
}

// retryLoop reports whether f retries an operation until it succeeds: a
// for without a counter (`for {}`, `for !done {}`) whose body leaves when
// the operation succeeds (`if err == nil { break }`, `if err := try(); err
// == nil { return nil }`). Its iterations are attempts at one thing, not
// items: what runs when an attempt fails (tusd's fileUploadLock.Lock,
// which creates a file asking the holder to let go when TryLock finds the
// lock busy) runs once per failed attempt, off the normal path, whereas a
// failure in a loop over items may be every item's.
func (w *walker) retryLoop(f *ast.ForStmt) bool {
	if f.Init != nil || f.Post != nil {
		return false
	}
	for _, s := range f.Body.List {
		if w.breaksOnSuccess(s) {
			return true
		}
		if _, ok := w.leavesUnless(s); ok {
			return true
		}
	}
	return false
}

// breaksOnSuccess reports whether s is `if <success> { …; break }`, with no
// else and an unlabelled break, which leaves the loop s is directly in.
func (w *walker) breaksOnSuccess(s ast.Stmt) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 || w.condition(ifs.Cond) != success {
		return false
	}
	br, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.BREAK && br.Label == nil
}
