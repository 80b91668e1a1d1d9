package lockio

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// pathOf describes the path on which the lock call at cur runs, for a
// message about a lock held on some paths only: "on the path where
// c.client is nil" in
// `if c.client == nil { c.mu.Lock(); ... }`. It is false when that path
// is a failure branch (an error tested against nil, a failed ok): a lock
// taken there to note the failure is not held on the normal path.
func (f *finder) pathOf(cur inspector.Cursor) (string, bool) {
	for c := cur.Parent(); ; c = c.Parent() {
		switch n := c.Node().(type) {
		case nil, *ast.FuncDecl, *ast.FuncLit:
			return "on some paths", true
		case *ast.CaseClause:
			if len(n.List) == 0 {
				return "on the path of the default case", true
			}
			return "on the path of case " + shorten(types.ExprString(n.List[0])), true
		case *ast.BlockStmt:
			ifs, ok := c.Parent().Node().(*ast.IfStmt)
			if !ok {
				continue
			}
			then := ifs.Body == n
			if f.isFailureTest(ifs.Cond, then) {
				return "", false
			}
			return "on the path where " + describe(ifs.Cond, then), true
		case *ast.IfStmt: // in its else if
			if f.isFailureTest(n.Cond, false) {
				return "", false
			}
			return "on the path where " + describe(n.Cond, false), true
		}
	}
}

// isFailureTest reports whether the branch of cond taken when it is then
// is a failure: err != nil for an error err, !ok, ok == false.
func (f *finder) isFailureTest(cond ast.Expr, then bool) bool {
	switch c := astutil.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return f.isFailureTest(c.X, !then)
		}
	case *ast.Ident:
		return !then && c.Name == "ok"
	case *ast.BinaryExpr:
		x, y := c.X, c.Y
		if f.info.Types[x].IsNil() {
			x, y = y, x
		}
		if !f.info.Types[y].IsNil() {
			return false
		}
		tv := f.info.Types[x]
		isErr := tv.Type != nil && types.Identical(tv.Type, errorType)
		return isErr && (c.Op == token.NEQ) == then
	}
	return false
}

// describe is the words for the path where cond is then: "c.client is
// nil", "c.ready is false", "len(c.buf) > max".
func describe(cond ast.Expr, then bool) string {
	switch c := astutil.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return describe(c.X, !then)
		}
	case *ast.BinaryExpr:
		if c.Op == token.EQL || c.Op == token.NEQ {
			x, y := c.X, c.Y
			if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
				x, y = y, x
			}
			if id, ok := y.(*ast.Ident); ok && id.Name == "nil" {
				if (c.Op == token.EQL) == then {
					return shorten(types.ExprString(x)) + " is nil"
				}
				return shorten(types.ExprString(x)) + " is not nil"
			}
		}
	}
	s := shorten(types.ExprString(cond))
	if then {
		return s
	}
	return s + " is false"
}

// shorten bounds the code a message quotes.
func shorten(s string) string {
	const max = 48
	if len(s) <= max {
		return s
	}
	return s[:max-3] + "..."
}
