package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/names"
)

// target is what a call statically reaches: a declared function (fn) or a
// function literal of this package (lit). Both are nil for dynamic calls.
type target struct {
	fn  *types.Func
	lit *ast.FuncLit
}

// resolver finds the static targets of calls. Besides what
// typeutil.StaticCallee finds, it follows a local variable assigned once
// from a function literal, a function or a method value.
type resolver struct {
	info    *types.Info
	assigns map[*types.Var]ast.Expr // local variables assigned exactly once, to what
	oks     map[*types.Var]ast.Expr // the bool of a comma-ok or of a (T, bool) result, and what it tests
	dormant map[*types.Var]constant.Value
	bound   func(*types.Func) bool // debug-bound functions (debug.go), once the graph is built
	pass    *analysis.Pass
	changed map[*types.Var]bool // package-level variables assigned after their declaration; built by dormantFunc
}

// dormantFunc reports whether v, a package-level variable, is never
// assigned in its package after its declaration, nor has its address
// taken: it keeps the value it was declared with.
func (r *resolver) dormantFunc(v *types.Var) bool {
	if r.changed == nil {
		r.changed = map[*types.Var]bool{}
		mark := func(e ast.Expr) {
			if id, ok := astutil.Unparen(e).(*ast.Ident); ok {
				if w, ok := r.info.Uses[id].(*types.Var); ok {
					r.changed[w] = true
				}
			}
			if sel, ok := astutil.Unparen(e).(*ast.SelectorExpr); ok {
				if w, ok := r.info.Uses[sel.Sel].(*types.Var); ok {
					r.changed[w] = true
				}
			}
		}
		for _, f := range r.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						mark(l)
					}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						mark(n.X)
					}
				}
				return true
			})
		}
	}
	return !r.changed[v]
}

// isDebugBound reports whether fn returns a logger or event bound to
// debug level, as its node or its fact says.
func (r *resolver) isDebugBound(fn *types.Func) bool {
	return r.bound != nil && r.bound(fn.Origin())
}

func newResolver(pass *analysis.Pass) *resolver {
	r := &resolver{info: pass.TypesInfo, oks: map[*types.Var]ast.Expr{}, pass: pass}
	r.assigns = singleAssigns(pass, r.oks)
	r.dormant = dormantVars(pass)
	return r
}

// resolve returns the static target of call.
func (r *resolver) resolve(call *ast.CallExpr) target {
	return r.resolveFunc(call.Fun, 0)
}

func (r *resolver) resolveFunc(e ast.Expr, depth int) target {
	e = astutil.Unparen(e)
	switch e := e.(type) {
	case *ast.FuncLit:
		return target{lit: e}
	case *ast.Ident:
		if v, ok := r.info.Uses[e].(*types.Var); ok {
			if rhs := r.assigns[v]; rhs != nil && depth < 4 {
				return r.resolveFunc(rhs, depth+1)
			}
			return target{}
		}
	}
	if fn := names.FuncOf(r.info, e); fn != nil {
		return target{fn: fn.Origin()}
	}
	return target{}
}

// assigned returns the one expression assigned to the variable e names,
// if e is a local variable assigned exactly once.
func (r *resolver) assigned(e ast.Expr) ast.Expr {
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := r.info.Uses[id].(*types.Var); ok {
			return r.assigns[v]
		}
	}
	return nil
}

// singleAssigns maps each local variable assigned exactly once (its
// declaration included) to the expression assigned. A variable assigned
// in a tuple, by an operator, by range, or whose address is taken has no
// single known value.
//
// It also notes in oks the variables that receive the bool of a comma-ok
// (v, ok := m[k]) or the last result of a call returning (T, bool).
func singleAssigns(pass *analysis.Pass, oks map[*types.Var]ast.Expr) map[*types.Var]ast.Expr {
	info := pass.TypesInfo
	assigns := map[*types.Var]ast.Expr{}
	count := map[*types.Var]int{}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := astutil.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == pass.Pkg.Scope() {
			return nil
		}
		return v
	}
	record := func(lhs, rhs ast.Expr) {
		if v := varOf(lhs); v != nil {
			if count[v]++; count[v] == 1 {
				assigns[v] = rhs
			} else {
				assigns[v] = nil
			}
		}
	}
	unknown := func(e ast.Expr) {
		if v := varOf(e); v != nil {
			count[v] += 2
			assigns[v] = nil
		}
	}
	noteOK := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(lhs) >= 2 && len(rhs) == 1 {
			if v := varOf(lhs[len(lhs)-1]); v != nil && types.Identical(v.Type(), types.Typ[types.Bool]) {
				oks[v] = rhs[0]
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				noteOK(n.Lhs, n.Rhs)
				simple := (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs)
				for i, l := range n.Lhs {
					if simple {
						record(l, n.Rhs[i])
					} else {
						unknown(l)
					}
				}
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				noteOK(lhs, n.Values)
				for i, id := range n.Names {
					if len(n.Values) == len(n.Names) {
						record(id, n.Values[i])
					} else if len(n.Values) > 0 {
						unknown(id)
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					unknown(n.X) // address taken: may change anywhere
				}
			case *ast.IncDecStmt:
				unknown(n.X)
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						unknown(e)
					}
				}
			}
			return true
		})
	}
	return assigns
}

// dormantVars returns the unexported package-level variables of boolean or
// integer type that nothing in the package ever changes, with the value
// they keep: a generated parser's `var yyDebug = 0`, a `var verbose bool`.
// Another package cannot assign them and the linker's -X sets only
// strings, so they are constants in all but name, and code under
// `if yyDebug >= 1` never runs.
func dormantVars(pass *analysis.Pass) map[*types.Var]constant.Value {
	info := pass.TypesInfo
	dormant := map[*types.Var]constant.Value{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					v, ok := info.Defs[id].(*types.Var)
					if !ok || v.Exported() || id.Name == "_" {
						continue
					}
					var val constant.Value
					switch {
					case len(vs.Values) == len(vs.Names):
						val = info.Types[vs.Values[i]].Value
					case len(vs.Values) == 0:
						val = zeroOf(v.Type())
					}
					if val != nil && (val.Kind() == constant.Bool || val.Kind() == constant.Int) {
						dormant[v] = val
					}
				}
			}
		}
	}
	if len(dormant) == 0 {
		return dormant
	}
	changed := func(e ast.Expr) {
		if id, ok := astutil.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				delete(dormant, v)
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					changed(l)
				}
			case *ast.IncDecStmt:
				changed(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					changed(n.X)
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						changed(e)
					}
				}
			}
			return true
		})
	}
	return dormant
}

// zeroOf is the zero value of a boolean or integer type, nil for others.
func zeroOf(t types.Type) constant.Value {
	b, ok := t.Underlying().(*types.Basic)
	switch {
	case !ok:
		return nil
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	}
	return nil
}

// value is the constant value of e, reading dormant variables as the
// constants they are; nil when e is not constant that way.
func (r *resolver) value(e ast.Expr) constant.Value {
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		return tv.Value
	}
	switch x := astutil.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := r.info.Uses[x].(*types.Var); ok {
			return r.dormant[v]
		}
	case *ast.UnaryExpr:
		if v := r.value(x.X); v != nil && x.Op == token.NOT && v.Kind() == constant.Bool {
			return constant.UnaryOp(token.NOT, v, 0)
		}
	case *ast.BinaryExpr:
		a := r.value(x.X)
		switch {
		case x.Op == token.LAND && a != nil && a.Kind() == constant.Bool && !constant.BoolVal(a):
			return a // false && …
		case x.Op == token.LOR && a != nil && a.Kind() == constant.Bool && constant.BoolVal(a):
			return a // true || …
		}
		b := r.value(x.Y)
		if a == nil || b == nil || a.Kind() != b.Kind() {
			return nil
		}
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return constant.MakeBool(constant.Compare(a, x.Op, b))
		case token.LAND, token.LOR, token.ADD, token.SUB, token.MUL, token.AND, token.OR:
			return constant.BinaryOp(a, x.Op, b)
		}
	}
	return nil
}
