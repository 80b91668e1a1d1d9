package hygiene

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/names"
)

// A defer in a loop is meant to outlive its iteration when what it releases
// is still in use after the iteration, or when it has nothing left to do
// once the iteration went well. keepsOpen, cancelsGoroutine and
// guardedByFlag recognise the three shapes of that intent.

// intended reports whether the defer d in the body of l is meant to run
// only when the function returns.
func (c *checker) intended(d *ast.DeferStmt, l *loop) bool {
	call := deferredCall(d)
	return c.keepsOpen(call, l) || c.cancelsGoroutine(call, l) || c.guardedByFlag(d, l)
}

// deferredCall is the call d defers, or the one call of a deferred
// function literal whose body is that call (func() { f.Close() }() or
// func() { _ = f.Close() }()).
func deferredCall(d *ast.DeferStmt) *ast.CallExpr {
	lit, ok := astutil.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok || len(d.Call.Args) > 0 || len(lit.Body.List) != 1 {
		return d.Call
	}
	var e ast.Expr
	switch s := lit.Body.List[0].(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	if call, ok := astutil.Unparen(e).(*ast.CallExpr); ok {
		return call
	}
	return d.Call
}

// held is a value a deferred call releases: a variable and the fields
// selected on it (f, resp.Body).
type held struct {
	v      *types.Var
	fields []string
}

// heldBy returns the value e denotes when it is a variable or a field of
// one, through & and *; ok is false otherwise.
func (c *checker) heldBy(e ast.Expr) (h held, ok bool) {
	for {
		switch x := astutil.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := c.info.Uses[x].(*types.Var)
			h.v = v
			return h, v != nil
		case *ast.SelectorExpr:
			if s := c.info.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return h, false
			}
			h.fields = append([]string{x.Sel.Name}, h.fields...)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return h, false
			}
			e = x.X
		default:
			return h, false
		}
	}
}

// released returns what call releases: the receiver of a method call, or
// else its arguments that are variables or fields; for a call of a
// release function that came with values (x, done := pool.Get()), those
// values.
func (c *checker) released(call *ast.CallExpr) []held {
	if id, ok := astutil.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 0 {
		if v, ok := c.info.Uses[id].(*types.Var); ok {
			if hs := c.siblings(v); len(hs) > 0 {
				return hs
			}
		}
	}
	if sel := asSelector(call.Fun); sel != nil {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if h, ok := c.heldBy(sel.X); ok {
				return []held{h}
			}
			return nil
		}
	}
	var hs []held
	for _, a := range call.Args {
		if h, ok := c.heldBy(a); ok {
			hs = append(hs, h)
		}
	}
	return hs
}

// siblings returns the variables declared with the func variable v by one
// assignment from one call (x, done := alloc()): what calling v releases.
func (c *checker) siblings(v *types.Var) []held {
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc {
		return nil
	}
	var hs []held
	for id, obj := range c.info.Defs {
		if obj != v {
			continue
		}
		for as := range c.assignsOf(id) {
			if len(as.Rhs) != 1 || len(as.Lhs) < 2 {
				continue
			}
			for _, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && lid != id {
					if w, ok := c.info.Defs[lid].(*types.Var); ok {
						hs = append(hs, held{v: w})
					}
				}
			}
		}
	}
	return hs
}

// assignsOf yields the assignment that declares id, if any.
func (c *checker) assignsOf(id *ast.Ident) func(func(*ast.AssignStmt) bool) {
	return func(yield func(*ast.AssignStmt) bool) {
		for _, f := range c.pass.Files {
			if f.Pos() > id.Pos() || id.Pos() > f.End() {
				continue
			}
			path, _ := astutil.PathEnclosingInterval(f, id.Pos(), id.End())
			for _, n := range path {
				if as, ok := n.(*ast.AssignStmt); ok {
					yield(as)
					return
				}
			}
		}
	}
}

// keepsOpen reports whether the iteration hands on what the deferred call
// releases: it stores it in a variable declared outside l (appending it to
// a slice, putting it in a map, a field or a composite literal) that the
// function uses after l, or sends it on a channel. Keeping it until the
// function returns is then the point (files = append(files, f)).
func (c *checker) keepsOpen(call *ast.CallExpr, l *loop) bool {
	hs := c.released(call)
	if len(hs) == 0 {
		return false
	}
	for cur := range l.cur.Preorder((*ast.AssignStmt)(nil), (*ast.SendStmt)(nil)) {
		switch s := cur.Node().(type) {
		case *ast.SendStmt:
			if c.carriesAny(s.Value, hs) {
				return true
			}
		case *ast.AssignStmt:
			if s.Tok != token.ASSIGN || len(s.Lhs) != len(s.Rhs) {
				continue
			}
			for i, lhs := range s.Lhs {
				holder := c.rootVar(lhs)
				if holder != nil && !l.declaredIn(holder) && c.carriesAny(s.Rhs[i], hs) && c.usedAfter(holder, l) {
					return true
				}
			}
		}
	}
	return false
}

// carriesAny reports whether the value of e holds one of hs, or what it
// was selected from: the variable itself, a pointer to it, or an element
// of a composite literal or of the values appended by append that does.
// resp carries resp.Body; resp.Status does not.
func (c *checker) carriesAny(e ast.Expr, hs []held) bool {
	switch x := astutil.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.carriesAny(elt, hs) {
				return true
			}
		}
		return false
	case *ast.CallExpr:
		if b, ok := c.info.Uses[identOf(x.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
			return false
		}
		return slices.ContainsFunc(x.Args[1:], func(a ast.Expr) bool { return c.carriesAny(a, hs) })
	}
	e0, ok := c.heldBy(e)
	if !ok {
		return false
	}
	return slices.ContainsFunc(hs, func(h held) bool {
		return h.v == e0.v && len(e0.fields) <= len(h.fields) && slices.Equal(e0.fields, h.fields[:len(e0.fields)])
	})
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := astutil.Unparen(e).(*ast.Ident)
	return id
}

// usedAfter reports whether the function holding l mentions v after l.
func (c *checker) usedAfter(v *types.Var, l *loop) bool {
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return true // a package variable outlives the function
	}
	for fn := range l.cur.Enclosing(funcDecl, funcLit) {
		for cur := range fn.Preorder((*ast.Ident)(nil)) {
			if id := cur.Node().(*ast.Ident); id.Pos() >= l.outer.End() && c.info.Uses[id] == v {
				return true
			}
		}
		break
	}
	return false
}

// withCancel are the functions deriving a context and its cancel func.
var withCancel = map[string]bool{
	"context.WithCancel":        true,
	"context.WithCancelCause":   true,
	"context.WithDeadline":      true,
	"context.WithDeadlineCause": true,
	"context.WithTimeout":       true,
	"context.WithTimeoutCause":  true,
}

// goStarters are the methods that run their function argument in a new
// goroutine, as a go statement does.
var goStarters = map[string]bool{
	"(*sync.WaitGroup).Go":                      true,
	"(*golang.org/x/sync/errgroup.Group).Go":    true,
	"(*golang.org/x/sync/errgroup.Group).TryGo": true,
}

// cancelsGoroutine reports whether call is cancel() for a context derived
// in the body of l (ctx, cancel := context.WithTimeout(...)) that the same
// iteration hands to a goroutine it starts: cancelling at the end of the
// iteration would stop the goroutine.
func (c *checker) cancelsGoroutine(call *ast.CallExpr, l *loop) bool {
	cancel, _ := c.info.Uses[identOf(call.Fun)].(*types.Var)
	if cancel == nil {
		return false
	}
	var ctx types.Object
	for cur := range l.cur.Preorder((*ast.AssignStmt)(nil)) {
		s := cur.Node().(*ast.AssignStmt)
		if len(s.Lhs) != 2 || len(s.Rhs) != 1 || c.info.ObjectOf(identOf(s.Lhs[1])) != cancel {
			continue
		}
		if rhs, ok := astutil.Unparen(s.Rhs[0]).(*ast.CallExpr); ok {
			if f := names.FuncOf(c.info, rhs.Fun); f != nil && withCancel[f.FullName()] && identOf(s.Lhs[0]) != nil {
				ctx = c.info.ObjectOf(identOf(s.Lhs[0]))
			}
		}
	}
	if ctx == nil {
		return false
	}
	for cur := range l.cur.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		var started ast.Node
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			started = n.Call
		case *ast.CallExpr:
			if f := names.FuncOf(c.info, n.Fun); f != nil && goStarters[f.FullName()] {
				started = n
			}
		}
		if started != nil && c.mentions(started, ctx) {
			return true
		}
	}
	return false
}

// mentions reports whether n refers to obj.
func (c *checker) mentions(n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// guardedByFlag reports whether d defers a function literal whose body is
// a single if statement without else, whose condition reads a boolean
// variable that the body of l assigns after the defer: the deferred work
// (a rollback, a close on failure) is cancelled once the iteration went
// well (ok := false; defer func() { if !ok { cleanup() } }(); ...; ok = true).
func (c *checker) guardedByFlag(d *ast.DeferStmt, l *loop) bool {
	lit, ok := astutil.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return false
	}
	ifs, ok := lit.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Else != nil {
		return false
	}
	var flags []types.Object
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && isBool(v.Type()) {
				flags = append(flags, v)
			}
		}
		return true
	})
	if len(flags) == 0 {
		return false
	}
	for cur := range l.cur.Preorder((*ast.AssignStmt)(nil)) {
		s := cur.Node().(*ast.AssignStmt)
		if s.Pos() < d.End() || s.Tok != token.ASSIGN || !l.repeats(s.Pos()) {
			continue
		}
		for _, lhs := range s.Lhs {
			if slices.Contains(flags, c.info.ObjectOf(identOf(lhs))) {
				return true
			}
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}
