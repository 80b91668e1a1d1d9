package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// noteOpen notes a call opening a file in a loop of its function, to be
// checked when the loop is left.
func (h *hygiene) noteOpen(call *ast.CallExpr) {
	if len(h.stack) == 0 || h.stack[len(h.stack)-1].loop == nil || len(call.Args) == 0 {
		return // not directly in a loop of its function
	}
	fn := funcOf(h.c.pass.TypesInfo, call.Fun)
	if fn == nil {
		return
	}
	if _, ok := openFuncs[fn.FullName()]; !ok {
		return
	}
	for _, l := range h.loops() {
		if l.repeats(call.Pos()) && !h.runsOnce(l) {
			l.opens = append(l.opens, openCall{call, fn})
			return
		}
	}
}

// invariant reports whether e has the same value on every iteration of l:
// it mentions no variable that varies in l, receives from no channel, and
// calls no function without arguments (time.Now, a name generator).
func (h *hygiene) invariant(e ast.Expr, l *hygLoop) bool {
	info := h.c.pass.TypesInfo
	inv := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && l.varies(v) {
				inv = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				inv = false
			}
		case *ast.FuncLit:
			inv = false
		case *ast.CallExpr:
			if len(n.Args) == 0 && !info.Types[n.Fun].IsType() && info.Selections[asSelector(n.Fun)] == nil {
				inv = false // a function of nothing but state: new value each call
			}
		}
		return inv
	})
	return inv
}

// sameObject reports whether e denotes the same variable on every
// iteration of l: it mentions no variable declared in l or rebound in it,
// and calls nothing.
func (h *hygiene) sameObject(e ast.Expr, l *hygLoop) bool {
	info := h.c.pass.TypesInfo
	same := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && (l.rebound[v] || l.stmt.Pos() <= v.Pos() && v.Pos() < l.stmt.End()) {
				same = false
			}
		case *ast.CallExpr:
			same = same && info.Types[n.Fun].IsType()
		case *ast.UnaryExpr:
			same = same && n.Op != token.ARROW
		}
		return same
	})
	return same
}

func asSelector(e ast.Expr) *ast.SelectorExpr {
	sel, _ := astutil.Unparen(e).(*ast.SelectorExpr)
	return sel
}

func (h *hygiene) reportReopen(o openCall, l *hygLoop) {
	d := analysis.Diagnostic{Pos: o.call.Pos(), End: o.call.End(), Category: RuleReopenInLoop,
		Message: fmt.Sprintf("%s opens the same file on every iteration of the loop in %s; %s",
			displayName(o.fn), l.fn, openFuncs[o.fn.FullName()])}
	if !l.fixed {
		if fix := h.hoistFix(o, l); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
			l.fixed = true
		}
	}
	h.c.report(d)
}
