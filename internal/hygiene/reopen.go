package hygiene

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// openCall is a call opening a file by path, and the callee.
type openCall struct {
	call *ast.CallExpr
	fn   *types.Func
	how  catalogue.PathOpen
}

// checkOpens reports each call opening a file whose path is the same on
// every iteration of the loop that repeats it (reopen-in-loop). Only the
// first such open of a loop, in source order, may get a fix: a second
// hoist would move code the first one already moved past.
func (c *checker) checkOpens(files []inspector.Cursor) []analysis.Diagnostic {
	var order []*loop
	opens := map[*loop][]openCall{}
	for _, f := range files {
		for cur := range f.Preorder((*ast.CallExpr)(nil)) {
			if o, l := c.openInLoop(cur); l != nil {
				if opens[l] == nil {
					order = append(order, l)
				}
				opens[l] = append(opens[l], o)
			}
		}
	}
	var diags []analysis.Diagnostic
	for _, l := range order {
		fixed := false
		for _, o := range opens[l] {
			if !c.invariant(o.call.Args[0], l) || c.movedAway(o.call.Args[0], l) {
				continue
			}
			d := analysis.Diagnostic{Pos: o.call.Pos(), End: o.call.End(), Category: rules.ReopenInLoop,
				Message: fmt.Sprintf("%s opens the same file on every iteration of the loop in %s; %s",
					names.Display(o.fn), l.fn, o.how.LoopFix)}
			if !fixed {
				if fix := c.hoistFix(o, l); fix != nil {
					d.SuggestedFixes = []analysis.SuggestedFix{*fix}
					fixed = true
				}
			}
			diags = append(diags, d)
		}
	}
	return diags
}

// openInLoop returns the call at cur if it opens a file by path directly
// in a loop of its function, with the innermost loop that repeats it and
// may run more than once; a nil loop otherwise, and for an open in an
// event loop.
func (c *checker) openInLoop(cur inspector.Cursor) (openCall, *loop) {
	call := cur.Node().(*ast.CallExpr)
	loops := c.loopsAround(cur)
	if len(loops) == 0 || len(call.Args) == 0 {
		return openCall{}, nil
	}
	fn := names.FuncOf(c.info, call.Fun)
	if fn == nil {
		return openCall{}, nil
	}
	how, ok := catalogue.LookupPathOpen(fn.FullName())
	if !ok {
		return openCall{}, nil
	}
	for _, l := range loops {
		if l.inEvent(call.Pos()) {
			return openCall{}, nil // each event rereads or rewrites the file on purpose
		}
		if l.repeats(call.Pos()) && !c.runsOnce(l) {
			return openCall{call, fn, how}, l
		}
	}
	return openCall{}, nil
}

// inEvent reports whether pos lies in a communication case of the select
// that ends the body of l, a for loop without a condition: an event loop
// (for { select { case <-tick.C: ... } }), where each event is a reason to
// open the file again.
func (l *loop) inEvent(pos token.Pos) bool {
	f, ok := l.stmt.(*ast.ForStmt)
	if !ok || f.Cond != nil || len(f.Body.List) == 0 {
		return false
	}
	sel, ok := f.Body.List[len(f.Body.List)-1].(*ast.SelectStmt)
	if !ok {
		return false
	}
	for _, s := range sel.Body.List {
		if cc := s.(*ast.CommClause); cc.Comm != nil && cc.Colon < pos && pos < cc.End() {
			return true
		}
	}
	return false
}

// invariant reports whether e has the same value on every iteration of l:
// it mentions no variable that varies in l, receives from no channel, and
// calls no function without arguments (time.Now, a name generator).
func (c *checker) invariant(e ast.Expr, l *loop) bool {
	inv := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok && c.varies(v, l) {
				inv = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				inv = false
			}
		case *ast.FuncLit:
			inv = false
		case *ast.CallExpr:
			if len(n.Args) == 0 && !c.info.Types[n.Fun].IsType() && c.info.Selections[asSelector(n.Fun)] == nil {
				inv = false // a function of nothing but state: new value each call
			}
			if len(n.Args) == 0 && names.IsNamed(c.info.TypeOf(n), "time", "Time") {
				inv = false // the current time, through a clock's method too: clock.Now()
			}
		}
		return inv
	})
	return inv
}

// movedAway reports whether the body of l renames or removes the file at
// path, the same expression, after opening it: a temporary file renamed
// over its target, or a scratch file removed, is a new file on every
// iteration and has to be opened again.
func (c *checker) movedAway(path ast.Expr, l *loop) bool {
	want := types.ExprString(path)
	found := false
	ast.Inspect(l.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) == 0 {
			return !found
		}
		if fn := names.FuncOf(c.info, call.Fun); fn != nil {
			switch fn.FullName() {
			case "os.Rename", "os.Remove", "os.RemoveAll":
				found = types.ExprString(call.Args[0]) == want
			}
		}
		return !found
	})
	return found
}
