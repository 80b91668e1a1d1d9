package hygiene

import (
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// runsOnce reports whether l provably runs its body at most once: the body
// ends by leaving the loop (return, break, panic) and no continue starts
// another iteration.
func (c *checker) runsOnce(l *loop) bool {
	if l.once == 0 {
		l.once = 2
		list := l.body.List
		if len(list) > 0 && c.leaves(list[len(list)-1], l, false) && exitsCleanly(l, l.body.Pos(), l.body.End()) {
			l.once = 1
		}
	}
	return l.once == 1
}

// leaves reports whether s, in the body of l, always leaves l: it
// returns, panics, breaks out of l (unlabelled, outside a switch or
// select), or breaks out of or continues an enclosing loop.
func (c *checker) leaves(s ast.Stmt, l *loop, inSwitch bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		switch {
		case s.Label != nil && s.Tok == token.BREAK && s.Label.Name == l.label:
			return true
		case s.Label != nil && (s.Tok == token.BREAK || s.Tok == token.CONTINUE):
			return slices.Contains(l.outerLabels, s.Label.Name)
		}
		return s.Tok == token.BREAK && !inSwitch
	case *ast.ExprStmt:
		call, ok := astutil.Unparen(s.X).(*ast.CallExpr)
		return ok && catalogue.IsNoReturn(c.info, call)
	case *ast.BlockStmt:
		return len(s.List) > 0 && c.leaves(s.List[len(s.List)-1], l, inSwitch)
	case *ast.IfStmt:
		return s.Else != nil && c.leaves(s.Body, l, inSwitch) && c.leaves(s.Else, l, inSwitch)
	case *ast.SwitchStmt:
		return c.clausesLeave(s.Body, l, true)
	case *ast.TypeSwitchStmt:
		return c.clausesLeave(s.Body, l, true)
	case *ast.SelectStmt:
		return c.clausesLeave(s.Body, l, false)
	}
	return false
}

// clausesLeave reports whether every clause of a switch or select leaves
// the loop; a switch also needs a default clause.
func (c *checker) clausesLeave(body *ast.BlockStmt, l *loop, needDefault bool) bool {
	hasDefault := false
	for _, s := range body.List {
		var list []ast.Stmt
		switch cl := s.(type) {
		case *ast.CaseClause:
			list, hasDefault = cl.Body, hasDefault || cl.List == nil
		case *ast.CommClause:
			list = cl.Body
		}
		if len(list) == 0 || !c.leaves(list[len(list)-1], l, true) {
			return false
		}
	}
	return hasDefault || !needDefault
}

// exitsCleanly reports whether no branch statement between from and to in
// the body of l can start another iteration of l or skip the statement
// ending at to: goto, a continue of l, or a break of a statement enclosing
// from (other than l and its enclosing loops).
func exitsCleanly(l *loop, from, to token.Pos) bool {
	ok := true
	// targets counts the break targets enclosing from; inLoop and inTarget
	// say a loop or any break target lies wholly between from and to.
	var visit func(root ast.Node, targets int, inLoop, inTarget bool)
	visit = func(root ast.Node, targets int, inLoop, inTarget bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n == root {
					return true
				}
				if from <= n.Pos() && n.End() <= to {
					visit(n, targets, inLoop || isLoop(n), true)
				} else {
					visit(n, targets+1, inLoop, inTarget)
				}
				return false
			case *ast.BranchStmt:
				if n.Pos() >= from && n.Pos() < to {
					ok = branchKeeps(n, l, targets, inLoop, inTarget)
				}
			}
			return true
		})
	}
	visit(l.body, 0, false, false)
	return ok
}

// branchKeeps reports whether br, after a defer in l, still ends up leaving
// l or running the rest of the statements towards the exit.
func branchKeeps(br *ast.BranchStmt, l *loop, targets int, inLoop, inTarget bool) bool {
	switch {
	case br.Tok == token.GOTO:
		return false
	case br.Tok == token.FALLTHROUGH:
		return true
	case br.Label != nil && br.Label.Name == l.label:
		return br.Tok == token.BREAK
	case br.Label != nil:
		return slices.Contains(l.outerLabels, br.Label.Name) // leaves l
	case br.Tok == token.CONTINUE:
		return inLoop
	}
	return inTarget || targets == 0 // a break of l itself leaves it
}
