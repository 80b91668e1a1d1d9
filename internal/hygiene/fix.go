package hygiene

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
)

// hoistFix returns the fix for the common shape of reopen-in-loop, or nil
// when it cannot be applied safely:
//
//	for _, r := range recs {
//		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
//		if err != nil {
//			return err
//		}
//		fmt.Fprintln(f, r)
//		f.Close()
//	}
//
// becomes the open and its check before the loop and f.Close() after it.
// Only append-only, write-only opens qualify: hoisting os.Open or
// os.Create would change what is read (every pass read from the start) or
// what the file holds in the end (only the last pass's writes).
func (c *checker) hoistFix(o openCall, l *loop) *analysis.SuggestedFix {
	info := c.info
	if o.fn.FullName() != "os.OpenFile" || len(o.call.Args) != 3 || !appendOnly(info, o.call.Args[1], o.fn.Pkg()) {
		return nil
	}
	list := l.body.List
	i := -1
	for k, s := range list {
		if as, ok := s.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && astutil.Unparen(as.Rhs[0]) == o.call {
			i = k
			break
		}
	}
	if i < 0 || i+1 >= len(list) {
		return nil
	}
	open := list[i].(*ast.AssignStmt)
	if open.Tok != token.DEFINE || len(open.Lhs) != 2 {
		return nil
	}
	fID, _ := open.Lhs[0].(*ast.Ident)
	errID, _ := open.Lhs[1].(*ast.Ident)
	if fID == nil || errID == nil || info.Defs[fID] == nil || info.Defs[errID] == nil {
		return nil // blank, or not both new
	}
	fObj, errObj := info.Defs[fID], info.Defs[errID]
	check, ok := list[i+1].(*ast.IfStmt)
	if !ok || !c.isErrCheck(check, errObj) {
		return nil
	}
	closeAt := -1
	for k := i + 2; k < len(list); k++ {
		if c.isCloseOf(list[k], fObj) {
			closeAt = k
			break
		}
	}
	if closeAt < 0 || !c.hoistable(list[:i], list[i:i+2], l, fObj, errObj) || !c.bodyKeeps(l, list[closeAt], fObj, errObj) {
		return nil
	}
	if !c.namesFree(l, fID.Name, errID.Name) {
		return nil
	}
	edits := c.hoistEdits(l, list[i], list[i+1], list[closeAt], i == 0, closeAt == len(list)-1, fID.Name)
	if edits == nil {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Open the file once before the loop and close it after", TextEdits: edits}
}

// appendOnly reports whether flags is a constant opening a file to append
// to, write-only, neither truncating it nor requiring it not to exist.
func appendOnly(info *types.Info, flags ast.Expr, os *types.Package) bool {
	tv := info.Types[flags]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, _ := constant.Int64Val(tv.Value)
	bit := func(name string) int64 {
		if c, ok := os.Scope().Lookup(name).(*types.Const); ok {
			n, _ := constant.Int64Val(c.Val())
			return n
		}
		return -1
	}
	app, trunc, excl, wr, rdwr := bit("O_APPEND"), bit("O_TRUNC"), bit("O_EXCL"), bit("O_WRONLY"), bit("O_RDWR")
	if app <= 0 || trunc <= 0 || excl <= 0 || wr <= 0 || rdwr <= 0 {
		return false
	}
	return v&app != 0 && v&(trunc|excl) == 0 && v&(wr|rdwr) == wr
}

// isErrCheck reports whether s is `if err != nil { ...; return }` whose
// body leaves only by returning (or panicking): it still compiles, and
// means the same, outside the loop.
func (c *checker) isErrCheck(s *ast.IfStmt, errObj types.Object) bool {
	if s.Init != nil || s.Else != nil || len(s.Body.List) == 0 {
		return false
	}
	cond, ok := astutil.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, y := astutil.Unparen(cond.X), astutil.Unparen(cond.Y)
	if c.isNil(x) {
		x, y = y, x
	}
	if id, ok := x.(*ast.Ident); !ok || c.info.Uses[id] != errObj || !c.isNil(y) {
		return false
	}
	switch last := s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt:
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); !ok || !catalogue.IsNoReturn(c.info, call) {
			return false
		}
	default:
		return false
	}
	branches := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BranchStmt:
			branches = true // continue, break or goto: means something else outside the loop
		case *ast.FuncLit:
			return false
		}
		return !branches
	})
	return !branches
}

func (c *checker) isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := c.info.Uses[id].(*types.Nil)
	return isNil
}

// isCloseOf reports whether s is the statement f.Close() on the file f.
func (c *checker) isCloseOf(s ast.Stmt, f types.Object) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := astutil.Unparen(es.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel := asSelector(call.Fun)
	if sel == nil {
		return false
	}
	id, ok := astutil.Unparen(sel.X).(*ast.Ident)
	fn := names.FuncOf(c.info, call.Fun)
	return ok && c.info.Uses[id] == f && fn != nil && fn.FullName() == "(*os.File).Close"
}

// hoistable reports whether the open and its check (hoisted) can run
// before the loop instead of after the loop condition and the statements
// before them (before): those statements only compute values, and the
// hoisted statements use no variable declared in the loop (but their own)
// or changed by the condition or before. Variables changed later in the
// body hold, before the loop, the value they had when the first pass
// opened the file.
func (c *checker) hoistable(before, hoisted []ast.Stmt, l *loop, fObj, errObj types.Object) bool {
	info := c.info
	ok := true
	changed := map[*types.Var]bool{}
	if f, isFor := l.stmt.(*ast.ForStmt); isFor && f.Cond != nil {
		c.changes(f.Cond, changed)
	}
	for _, s := range before {
		c.changes(s, changed)
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if tv := info.Types[n.Fun]; !tv.IsType() && !tv.IsBuiltin() {
					ok = false // may create the directory, take a lock, ...
				}
			case *ast.BranchStmt, *ast.ReturnStmt, *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt, *ast.FuncLit:
				ok = false
			case *ast.UnaryExpr:
				ok = ok && n.Op != token.ARROW
			}
			return ok
		})
	}
	for _, s := range hoisted {
		ast.Inspect(s, func(n ast.Node) bool {
			if id, isID := n.(*ast.Ident); isID {
				v, isVar := info.Uses[id].(*types.Var)
				if isVar && v != fObj && v != errObj && (changed[v] || l.stmt.Pos() <= v.Pos() && v.Pos() < l.stmt.End()) {
					ok = false
				}
			}
			return ok
		})
	}
	return ok
}

// changes adds to changed the variables that n assigns, increments or
// takes the address of (explicitly, or by calling a pointer method).
func (c *checker) changes(n ast.Node, changed map[*types.Var]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		for _, e := range c.changed(n) {
			if v := c.rootVar(e); v != nil {
				changed[v] = true
			}
		}
		return true
	})
}

// bodyKeeps reports whether the rest of the body of l still means the same
// once f and err live outside the loop: f is neither reassigned, nor
// closed elsewhere, nor captured by a function literal, go or defer; no :=
// in the body reuses err (it would declare a new, unused err).
func (c *checker) bodyKeeps(l *loop, close ast.Stmt, fObj, errObj types.Object) bool {
	body, _ := l.cur.FindNode(l.body)
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Defs[id] != nil {
			continue
		}
		if obj := c.info.Uses[id]; (obj == fObj || obj == errObj) && !c.useKeeps(cur, body, close, obj == fObj) {
			return false
		}
	}
	return true
}

// useKeeps reports whether the use of f (isF) or err at cur, in body,
// means the same once they are declared before the loop: the statements
// and expressions around it up to body neither change it nor capture f,
// nor close f other than in close.
func (c *checker) useKeeps(cur, body inspector.Cursor, close ast.Stmt, isF bool) bool {
	id := cur.Node().(*ast.Ident)
	for anc := range cur.Parent().Enclosing() {
		switch p := anc.Node().(type) {
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if astutil.Unparen(lhs) == id && (isF || p.Tok == token.DEFINE) {
					return false
				}
			}
		case *ast.UnaryExpr:
			if isF && p.Op == token.AND {
				return false
			}
		case *ast.SelectorExpr:
			if isF && p.X == id && p.Sel.Name == "Close" && !inside(p, close) {
				return false
			}
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			if isF {
				return false
			}
		}
		if anc == body {
			break
		}
	}
	return true
}

func inside(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// namesFree reports whether f and err can be declared just before the loop:
// no variable of those names is in scope there or in the loop's own scope,
// nor declared later in the enclosing block.
func (c *checker) namesFree(l *loop, idents ...string) bool {
	info := c.info
	loopScope := info.Scopes[l.stmt]
	sc := c.pass.Pkg.Scope().Innermost(l.outer.Pos())
	if sc == nil {
		return false
	}
	if sc == loopScope {
		sc = sc.Parent()
	}
	for _, name := range idents {
		if _, obj := sc.LookupParent(name, token.NoPos); obj != nil && obj.Parent() != types.Universe {
			return false
		}
		if loopScope != nil && loopScope.Lookup(name) != nil {
			return false
		}
	}
	return true
}
