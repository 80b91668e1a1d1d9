package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
)

// runsOnce reports whether l provably runs its body at most once: the body
// ends by leaving the loop (return, break, panic) and no continue starts
// another iteration.
func (h *hygiene) runsOnce(l *hygLoop) bool {
	if l.once == 0 {
		l.once = 2
		list := l.body.List
		if len(list) > 0 && h.leaves(list[len(list)-1], l, false) && exitsCleanly(l, l.body.Pos(), l.body.End()) {
			l.once = 1
		}
	}
	return l.once == 1
}

// leaves reports whether s, in the body of l, always leaves l: it
// returns, panics, breaks out of l (unlabelled, outside a switch or
// select), or breaks out of or continues an enclosing loop.
func (h *hygiene) leaves(s ast.Stmt, l *hygLoop, inSwitch bool) bool {
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
		return ok && h.c.isNoReturn(call)
	case *ast.BlockStmt:
		return len(s.List) > 0 && h.leaves(s.List[len(s.List)-1], l, inSwitch)
	case *ast.IfStmt:
		return s.Else != nil && h.leaves(s.Body, l, inSwitch) && h.leaves(s.Else, l, inSwitch)
	case *ast.SwitchStmt:
		return h.clausesLeave(s.Body, l, true)
	case *ast.TypeSwitchStmt:
		return h.clausesLeave(s.Body, l, true)
	case *ast.SelectStmt:
		return h.clausesLeave(s.Body, l, false)
	}
	return false
}

// clausesLeave reports whether every clause of a switch or select leaves
// the loop; a switch also needs a default clause.
func (h *hygiene) clausesLeave(body *ast.BlockStmt, l *hygLoop, needDefault bool) bool {
	hasDefault := false
	for _, s := range body.List {
		var list []ast.Stmt
		switch cl := s.(type) {
		case *ast.CaseClause:
			list, hasDefault = cl.Body, hasDefault || cl.List == nil
		case *ast.CommClause:
			list = cl.Body
		}
		if len(list) == 0 || !h.leaves(list[len(list)-1], l, true) {
			return false
		}
	}
	return hasDefault || !needDefault
}

// checkDefer notes a defer in the body of a loop of its function that may
// run it more than once, to be reported when the loop is left.
func (h *hygiene) checkDefer(d *ast.DeferStmt, stack []ast.Node) {
	for _, l := range h.loops() {
		if !h.runsOnce(l) && !h.leavesAfter(d, l, stack) {
			l.defers = append(l.defers, d)
			return
		}
	}
}

// leavesAfter reports whether, once d has run, the body of l always leaves
// l: a list holding d ends with a statement that leaves, and no branch on
// the way there can start another iteration.
func (h *hygiene) leavesAfter(d *ast.DeferStmt, l *hygLoop, stack []ast.Node) bool {
	nested := false // a for, switch or select between the list and l takes unlabelled breaks
	for i := len(stack) - 2; i > 0 && stack[i] != l.stmt; i-- {
		var list []ast.Stmt
		switch n := stack[i].(type) {
		case *ast.BlockStmt:
			list = n.List
			if p := stack[i-1]; p != l.stmt && isLoop(p) {
				nested = true
			}
		case *ast.CaseClause:
			list, nested = n.Body, true
		case *ast.CommClause:
			list, nested = n.Body, true
		}
		if len(list) > 0 && h.leaves(list[len(list)-1], l, nested) {
			return exitsCleanly(l, d.End(), list[len(list)-1].End())
		}
	}
	return false
}

func isLoop(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return true
	}
	return false
}

// exitsCleanly reports whether no branch statement between from and to in
// the body of l can start another iteration of l or skip the statement
// ending at to: goto, a continue of l, or a break of a statement enclosing
// from (other than l and its enclosing loops).
func exitsCleanly(l *hygLoop, from, to token.Pos) bool {
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
func branchKeeps(br *ast.BranchStmt, l *hygLoop, targets int, inLoop, inTarget bool) bool {
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

// deferMessage says what deferring call in a loop of l piles up.
func (h *hygiene) deferMessage(call *ast.CallExpr, l *hygLoop) string {
	fn := l.fn
	what := "runs every deferred call only when " + fn + " returns"
	fix := "call it in the loop or move the body into a function"
	if f := funcOf(h.c.pass.TypesInfo, call.Fun); f != nil {
		// The same lock taken again in the next iteration deadlocks; a lock
		// per iteration (lock coupling along a list) only piles up.
		sameLock := false
		if sel := asSelector(call.Fun); sel != nil {
			sameLock = h.sameObject(sel.X, l)
		}
		switch full := f.FullName(); {
		case full == "(*os.File).Close":
			what, fix = "keeps every file open until "+fn+" returns", "close it in the loop or move the body into a function"
		case full == "(*sync.Mutex).Unlock" || full == "(*sync.RWMutex).Unlock" || full == "(sync.Locker).Unlock":
			what = "holds every lock until " + fn + " returns"
			if sameLock {
				what += ", so the Lock of the next iteration deadlocks"
			}
			fix = "unlock in the loop or move the body into a function"
		case full == "(*sync.RWMutex).RUnlock":
			what = "holds every read lock until " + fn + " returns"
			if sameLock {
				what += ", so a waiting writer deadlocks the RLock of the next iteration"
			}
			fix = "unlock in the loop or move the body into a function"
		case f.Name() == "Close" && h.isResponseBody(call.Fun):
			what, fix = "keeps every response body open until "+fn+" returns", "close it in the loop or move the body into a function"
		}
	}
	return fmt.Sprintf("defer %s in a loop %s; %s", renderCall(call), what, fix)
}

// isResponseBody reports whether fun is x.Body.M with x a net/http Response.
func (h *hygiene) isResponseBody(fun ast.Expr) bool {
	sel, ok := astutil.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	body, ok := astutil.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || body.Sel.Name != "Body" {
		return false
	}
	s := h.c.pass.TypesInfo.Selections[body]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	named := namedOf(s.Recv())
	return named != nil && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "net/http" && named.Obj().Name() == "Response"
}

// renderCall shows a deferred call in a message, shortened when long.
func renderCall(call *ast.CallExpr) string {
	if _, ok := astutil.Unparen(call.Fun).(*ast.FuncLit); ok {
		return "func() {...}()"
	}
	s := types.ExprString(call)
	if len(s) > 60 {
		s = types.ExprString(call.Fun) + "(...)"
	}
	return s
}
