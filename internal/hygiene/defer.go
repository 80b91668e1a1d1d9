package hygiene

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// checkDefers reports each defer in the body of a loop of its function
// that may run it more than once (defer-in-loop), unless the defer is meant
// to outlive the iteration (see intended). The message names the innermost
// such loop.
func (c *checker) checkDefers(files []inspector.Cursor) []analysis.Diagnostic {
	var diags []analysis.Diagnostic
	for _, f := range files {
		for cur := range f.Preorder((*ast.DeferStmt)(nil)) {
			d := cur.Node().(*ast.DeferStmt)
			for _, l := range c.loopsAround(cur) {
				if !c.runsOnce(l) && !c.leavesAfter(cur, l) && !c.intended(d, l) &&
					!c.setsItsGuard(cur, l) && !c.releasedAgain(cur, deferredCall(d)) {
					diags = append(diags, analysis.Diagnostic{Pos: d.Pos(), End: d.End(), Category: rules.DeferInLoop,
						Message: c.deferMessage(d.Call, l)})
					break
				}
			}
		}
	}
	return diags
}

// leavesAfter reports whether, once the defer at d has run, the body of l
// always leaves l: a list holding d ends with a statement that leaves, and
// no branch on the way there can start another iteration.
func (c *checker) leavesAfter(d inspector.Cursor, l *loop) bool {
	nested := false // a for, switch or select between the list and l takes unlabelled breaks
	for cur := d.Parent(); cur.Node() != l.stmt; cur = cur.Parent() {
		var list []ast.Stmt
		switch n := cur.Node().(type) {
		case *ast.BlockStmt:
			list = n.List
			if p := cur.Parent().Node(); p != l.stmt && isLoop(p) {
				nested = true
			}
		case *ast.CaseClause:
			list, nested = n.Body, true
		case *ast.CommClause:
			list, nested = n.Body, true
		}
		if len(list) > 0 && c.leaves(list[len(list)-1], l, nested) {
			return exitsCleanly(l, d.Node().End(), list[len(list)-1].End())
		}
	}
	return false
}

// deferMessage says what deferring call in a loop of l piles up.
func (c *checker) deferMessage(call *ast.CallExpr, l *loop) string {
	fn := l.fn
	what := "runs every deferred call only when " + fn + " returns"
	fix := "call it in the loop or move the body into a function"
	if f := names.FuncOf(c.info, call.Fun); f != nil {
		// The same lock taken again in the next iteration deadlocks; a lock
		// per iteration (lock coupling along a list) only piles up.
		sameLock := false
		if sel := asSelector(call.Fun); sel != nil {
			sameLock = c.sameObject(sel.X, l)
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
		case f.Name() == "Close" && c.isResponseBody(call.Fun):
			what, fix = "keeps every response body open until "+fn+" returns", "close it in the loop or move the body into a function"
		}
	}
	return fmt.Sprintf("defer %s in a loop %s; %s", renderCall(call), what, fix)
}

// isResponseBody reports whether fun is x.Body.M with x a net/http Response.
func (c *checker) isResponseBody(fun ast.Expr) bool {
	sel, ok := astutil.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	body, ok := astutil.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || body.Sel.Name != "Body" {
		return false
	}
	s := c.info.Selections[body]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	return names.IsNamed(s.Recv(), "net/http", "Response")
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

func asSelector(e ast.Expr) *ast.SelectorExpr {
	sel, _ := astutil.Unparen(e).(*ast.SelectorExpr)
	return sel
}
