package hygiene

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// Two more ways a defer in a loop cannot pile up: it sits in a branch that
// runs once, because the branch sets what its condition tests
// (`if proc == nil { proc = newProc(); defer proc.Close() }`); or the
// iteration releases the same value itself later on, and the defer is a
// safety net for the returns before that (`defer f.Close(); …; f.Close()`).

// setsItsGuard reports whether the defer at d is in the body of an if, in
// l, whose condition is `v == nil`, `!v` or `v == 0`, and whose body
// assigns v, while nothing else in l assigns v: after
// the first pass the condition is false for good.
func (c *checker) setsItsGuard(d inspector.Cursor, l *loop) bool {
	for p := d.Parent(); p.Node() != l.stmt; p = p.Parent() {
		ifs, ok := p.Node().(*ast.IfStmt)
		if !ok || !inside(d.Node(), ifs.Body) {
			continue
		}
		v := c.guardVar(ifs.Cond)
		if v == nil {
			continue
		}
		setInBody, setElsewhere := false, false
		ast.Inspect(l.body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, lhs := range as.Lhs {
				if id, ok := astutil.Unparen(lhs).(*ast.Ident); ok && c.info.ObjectOf(id) == v {
					if inside(as, ifs.Body) {
						setInBody = true
					} else {
						setElsewhere = true
					}
				}
			}
			return true
		})
		if setInBody && !setElsewhere {
			return true
		}
	}
	return false
}

// guardVar returns v of a condition `v == nil`, `!v` or `v == 0`, a
// variable declared outside the loop, or nil.
func (c *checker) guardVar(cond ast.Expr) *types.Var {
	var x ast.Expr
	switch e := astutil.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			x = e.X
		}
	case *ast.BinaryExpr:
		if e.Op != token.EQL {
			return nil
		}
		for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
			tv := c.info.Types[pair[1]]
			if tv.IsNil() || tv.Value != nil && tv.Value.String() == "0" {
				x = pair[0]
			}
		}
	}
	id, ok := astutil.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// releasedAgain reports whether the statement list holding the defer at d
// releases what the deferred call releases, itself, after the defer: the
// same call as a statement (f.Close(), _ = f.Close(), err = f.Close(),
// if err := f.Close(); …), or, for a deferred Rollback, the Commit of the
// same transaction, which ends it whatever it returns.
func (c *checker) releasedAgain(d inspector.Cursor, call *ast.CallExpr) bool {
	block, ok := d.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	want := []string{types.ExprString(call)}
	if sel := asSelector(call.Fun); sel != nil && len(call.Args) == 0 {
		switch sel.Sel.Name {
		case "Rollback", "Abort", "Discard":
			want = append(want, types.ExprString(sel.X)+".Commit()")
		}
	}
	for _, s := range block.List {
		if s.Pos() <= d.Node().Pos() {
			continue
		}
		if ifs, ok := s.(*ast.IfStmt); ok && ifs.Init != nil {
			s = ifs.Init
		}
		var e ast.Expr
		switch s := s.(type) {
		case *ast.ExprStmt:
			e = s.X
		case *ast.AssignStmt:
			if len(s.Rhs) == 1 {
				e = s.Rhs[0]
			}
		}
		if e != nil && slices.Contains(want, types.ExprString(astutil.Unparen(e))) {
			return true
		}
	}
	return false
}
