package hotio

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// Failure by meaning. A function that returns a non-nil error on every
// path that returns is an error constructor, a wrapper or a bug assert,
// whatever it is called: a block that returns its result ends the call on
// a failure, and the I/O it does to build the error (a stack capture that
// reads source files) is that failure's cost. The same holds for a
// wrapper that returns a non-nil error whenever its argument is one
// (errors.Wrap), given a made error. The catalogue says it of the
// standard library and the errors packages; facts carry it for the rest.

// failer decides which functions of the package fail on every return,
// and whether an expression is an error made on the spot.
type failer struct {
	u        *unit
	inits    map[*types.Var]ast.Expr        // package-level variables of this package, with their initialisers
	narrowed map[*types.Var]*types.Var      // the variables of type-switch clauses, to what they switch on
	vars     map[*types.Var]catalogue.Fails // package-level func variables set once to a literal that fails (var ErrX = func() *Error {…})
}

// sortedVars returns the keys of fa.vars in source order, for export.
func (fa *failer) sortedVars() []*types.Var {
	vs := make([]*types.Var, 0, len(fa.vars))
	for v := range fa.vars {
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	return vs
}

// retInfo is a return statement of a function and the parameters that
// the ifs around it test equal to nil: on that path they are nil.
type retInfo struct {
	ret    *ast.ReturnStmt
	guards []*types.Var
}

// computeFails decides, round by round, which functions of the package
// always fail, or fail when an argument is a non-nil error. Each round
// sees the decisions of the rounds before; recursion stays undecided.
func (u *unit) computeFails() {
	fa := &failer{u: u, inits: map[*types.Var]ast.Expr{}, narrowed: map[*types.Var]*types.Var{}, vars: map[*types.Var]catalogue.Fails{}}
	u.failer = fa
	for _, in := range u.pass.TypesInfo.InitOrder {
		if len(in.Lhs) == 1 {
			fa.inits[in.Lhs[0]] = in.Rhs
		}
	}
	rets := map[*funcNode][]retInfo{}
	for _, n := range u.g.nodes {
		if n.obj != nil && n.body != nil && errResult(n.obj.Signature()) >= 0 {
			rets[n] = fa.returns(n.body)
		}
	}
	// Package variables set to a literal, and never to anything else: an
	// error constructor written var ErrX = func() *Error { … }.
	lits := map[*types.Var]*ast.FuncLit{}
	for v, rhs := range fa.inits {
		if lit, ok := astutil.Unparen(rhs).(*ast.FuncLit); ok && u.r.dormantFunc(v) {
			if sig, ok := u.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && errResult(sig) >= 0 {
				lits[v] = lit
			}
		}
	}
	litRets := map[*types.Var][]retInfo{}
	for v, lit := range lits {
		litRets[v] = fa.returns(lit.Body)
	}
	for changed := true; changed; {
		changed = false
		for _, n := range u.g.nodes {
			if r, ok := rets[n]; ok && n.fails == (catalogue.Fails{}) {
				if n.fails = fa.decide(n.obj.Signature(), r); n.fails != (catalogue.Fails{}) {
					changed = true
				}
			}
		}
		for v, lit := range lits {
			if _, done := fa.vars[v]; done {
				continue
			}
			if f := fa.decide(u.pass.TypesInfo.TypeOf(lit).(*types.Signature), litRets[v]); f != (catalogue.Fails{}) {
				fa.vars[v], changed = f, true
			}
		}
	}
}

// errResult is the index of the error result of sig, the last result
// whose type is an error, or -1.
func errResult(sig *types.Signature) int {
	for i := sig.Results().Len() - 1; i >= 0; i-- {
		if isError(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func isError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

// decide says when a function with signature sig and returns rets fails.
func (fa *failer) decide(sig *types.Signature, rets []retInfo) catalogue.Fails {
	if len(rets) == 0 {
		return catalogue.Fails{} // it never returns
	}
	idx := errResult(sig)
	all := func(assume *types.Var) bool {
		for _, r := range rets {
			if assume != nil && slices.Contains(r.guards, assume) {
				continue // here the argument is nil: a wrapper returns nil
			}
			e := resultAt(r.ret, sig, idx)
			if e == nil || !fa.made(e, assume, 0) {
				return false
			}
		}
		return true
	}
	if all(nil) {
		return catalogue.Fails{Always: true}
	}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if types.IsInterface(p.Type()) || isPointer(p.Type()) {
			if all(p) {
				return catalogue.Fails{IfArg: i + 1}
			}
		}
	}
	if r := sig.Recv(); r != nil && isError(r.Type()) && all(r) {
		return catalogue.Fails{IfRecv: true} // err.WithDescription(…) returns err
	}
	return catalogue.Fails{}
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// resultAt is the expression ret returns as result idx of sig: the result
// itself, or the call whose results ret returns; nil for a bare return.
func resultAt(ret *ast.ReturnStmt, sig *types.Signature, idx int) ast.Expr {
	switch {
	case len(ret.Results) == sig.Results().Len():
		return ret.Results[idx]
	case len(ret.Results) == 1:
		return ret.Results[0] // return f(): f's results
	}
	return nil
}

// returns lists the return statements of body (not of the function
// literals in it), with the parameters tested == nil around each, and
// notes the variables of type-switch clauses.
func (fa *failer) returns(body *ast.BlockStmt) []retInfo {
	info := fa.u.pass.TypesInfo
	var out []retInfo
	var walk func(n ast.Node, guards []*types.Var)
	walk = func(n ast.Node, guards []*types.Var) {
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				out = append(out, retInfo{x, guards})
			case *ast.TypeSwitchStmt:
				fa.noteNarrowing(x)
			case *ast.IfStmt:
				if v := nilTested(info, x.Cond); v != nil {
					if x.Init != nil {
						walk(x.Init, guards)
					}
					walk(x.Body, append(slices.Clip(guards), v))
					if x.Else != nil {
						walk(x.Else, guards)
					}
					return false
				}
			}
			return true
		})
	}
	walk(body, nil)
	return out
}

// nilTested returns the variable of cond `v == nil`, or nil.
func nilTested(info *types.Info, cond ast.Expr) *types.Var {
	b, ok := astutil.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil
	}
	x, y := astutil.Unparen(b.X), astutil.Unparen(b.Y)
	if tv := info.Types[x]; tv.IsNil() {
		x, y = y, x
	}
	if tv := info.Types[y]; !tv.IsNil() {
		return nil
	}
	if id, ok := x.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}

// noteNarrowing records that the variables of the clauses of
// `switch v := x.(type)` are x, narrowed.
func (fa *failer) noteNarrowing(ts *ast.TypeSwitchStmt) {
	info := fa.u.pass.TypesInfo
	as, ok := ts.Assign.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	ta, ok := astutil.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok {
		return
	}
	id, ok := astutil.Unparen(ta.X).(*ast.Ident)
	if !ok {
		return
	}
	of, ok := info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	for _, c := range ts.Body.List {
		if v, ok := info.Implicits[c].(*types.Var); ok {
			fa.narrowed[v] = of
		}
	}
}

// made reports whether e is a non-nil error made on the spot: a call of a
// function that always fails (or of a wrapper, given a made error), a
// composite literal, a constant of an error type, a sentinel (a
// package-level error variable set to one),
// a local variable assigned once from one of those, or, when assume is
// not nil, that parameter, which the caller knows is not nil.
func (fa *failer) made(e ast.Expr, assume *types.Var, depth int) bool {
	info := fa.u.pass.TypesInfo
	e = astutil.Unparen(e)
	tv, ok := info.Types[e]
	if !ok || tv.IsNil() || depth > 6 {
		return false
	}
	if tv.Value != nil && isError(tv.Type) {
		return true // a constant of an error type (gofakes3's ErrInternal ErrorCode = "InternalError"): never nil
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if info.Types[x.Fun].IsType() && len(x.Args) == 1 {
			return fa.made(x.Args[0], assume, depth+1) // a conversion
		}
		f := fa.failsOf(x)
		switch {
		case f.Always:
			return true
		case f.IfArg > 0 && f.IfArg <= len(x.Args):
			return fa.made(x.Args[f.IfArg-1], assume, depth+1)
		case f.AnyArg:
			for _, a := range x.Args {
				if fa.made(a, assume, depth+1) {
					return true
				}
			}
		case f.IfRecv:
			if sel, ok := astutil.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return fa.made(sel.X, assume, depth+1)
			}
		}
	case *ast.CompositeLit:
		return isError(tv.Type)
	case *ast.UnaryExpr:
		_, lit := astutil.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && lit && isError(tv.Type)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if assume != nil && (v == assume || fa.narrowed[v] == assume) {
			return true
		}
		if rhs := fa.u.r.assigned(x); rhs != nil {
			return fa.made(rhs, assume, depth+1)
		}
		return fa.isSentinel(v, depth)
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && info.Selections[x] == nil {
			return fa.isSentinel(v, depth) // pkg.ErrX
		}
	}
	return false
}

// failsOfVar says when calling fun, a package-level func variable, returns
// a non-nil error: by this package's decision or the variable's fact.
func (fa *failer) failsOfVar(fun ast.Expr) catalogue.Fails {
	id := refIdent(fun)
	if id == nil {
		return catalogue.Fails{}
	}
	v, ok := fa.u.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return catalogue.Fails{}
	}
	if v.Pkg() == fa.u.pass.Pkg {
		return fa.vars[v]
	}
	if f := importFact(fa.u.pass, v); f != nil {
		return f.Fails
	}
	return catalogue.Fails{}
}

// isSentinel reports whether v is a package-level error variable holding
// a made error: one of this package set to one, or one of another package
// (io.EOF, sql.ErrNoRows), which is set once and never nil.
func (fa *failer) isSentinel(v *types.Var, depth int) bool {
	if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || !isError(v.Type()) {
		return false
	}
	if v.Pkg() != fa.u.pass.Pkg {
		return true
	}
	rhs := fa.inits[v]
	return rhs != nil && fa.made(rhs, nil, depth+1)
}

// failsOf says when the callee of call returns a non-nil error.
func (fa *failer) failsOf(call *ast.CallExpr) catalogue.Fails {
	ci := fa.u.calls[call]
	if ci == nil || ci.fn == nil {
		return fa.failsOfVar(call.Fun)
	}
	fn := ci.fn
	if n := fa.u.g.byFunc[fn]; n != nil {
		return n.fails
	}
	if f, ok := catalogue.LookupFails(fn.FullName()); ok {
		return f
	}
	if f := importFact(fa.u.pass, fn); f != nil {
		return f.Fails
	}
	return catalogue.Fails{}
}
