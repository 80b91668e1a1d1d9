package hotio

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// The connection a hot function serves (ServeTCP(conn), handle(conn)) is
// its request: reading it, answering on it and peeking at its TLS hello
// are the work the function exists for, as writes to an
// http.ResponseWriter are. Network I/O on a value derived from such a
// parameter is not reported, directly or through functions of this
// package that do nothing but that.

// servedVars returns the parameters of a hot function that serves a
// connection (its name says so: ServeTCP, serveConn, handleConn) that are
// connections: their method set has Read, Write, Close and RemoteAddr. A
// hot Publish(conn, msg) or Encode(conn, v) does not serve conn: it sends
// on it, and that is reported.
func (u *unit) servedVars(decl *ast.FuncDecl) map[*types.Var]bool {
	served := map[*types.Var]bool{}
	name := strings.ToLower(decl.Name.Name)
	ftype := decl.Type
	if ftype.Params == nil || !strings.Contains(name, "serve") && !strings.Contains(name, "handle") {
		return served
	}
	for _, f := range ftype.Params.List {
		for _, id := range f.Names {
			if v, ok := u.pass.TypesInfo.Defs[id].(*types.Var); ok && isConn(v.Type()) {
				served[v] = true
			}
		}
	}
	return served
}

// isConn reports whether t has the methods of a network connection.
func isConn(t types.Type) bool {
	for _, m := range []string{"Read", "Write", "Close", "RemoteAddr"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if _, isFunc := obj.(*types.Func); !isFunc {
			return false
		}
	}
	return true
}

// isServed reports whether e is built from a served variable: it mentions
// one, or a local variable assigned once from such an expression.
func (u *unit) isServed(e ast.Expr, served map[*types.Var]bool, depth int) bool {
	if e == nil || depth > 4 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		if v, ok := u.pass.TypesInfo.Uses[id].(*types.Var); ok {
			found = served[v] || u.isServed(u.r.assigns[v], served, depth+1)
		}
		return !found
	})
	return found
}

// onServed reports whether a blocking call works on the served
// connection: network I/O whose receiver is built from it.
func (u *unit) onServed(call *ast.CallExpr, t *callInfo, served map[*types.Var]bool) bool {
	if len(served) == 0 || !t.blocking || t.m.cat != catalogue.Network {
		return false
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && u.isServed(sel.X, served, 0)
}

// servesOnly reports whether calling fn of this package with the served
// connection in the parameters marked does no blocking I/O but network
// I/O on that connection, directly or through such functions.
func (u *unit) servesOnly(fn *types.Func, args []ast.Expr, served map[*types.Var]bool, seen map[*types.Func]bool) bool {
	n := u.g.byFunc[fn]
	if n == nil || n.decl == nil || n.body == nil || seen[fn] || len(seen) > 8 {
		return false
	}
	inner := map[*types.Var]bool{}
	i := 0
	for _, f := range n.decl.Type.Params.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, id := range names {
			if v, ok := u.pass.TypesInfo.Defs[id].(*types.Var); ok && i < len(args) && u.isServed(args[i], served, 0) {
				inner[v] = true
			}
			i++
		}
	}
	if len(inner) == 0 {
		return false
	}
	seen[fn] = true
	ok := true
	w := &walker{unit: u, info: u.pass.TypesInfo, descendLits: true, onCall: func(call *ast.CallExpr, ctx walkCtx) {
		if ok {
			ok = u.servesCall(call, inner, seen)
		}
	}}
	w.stmts(n.body.List, walkCtx{})
	return ok
}

// servesCall reports whether call, in a function serving the connection
// in served, blocks only on that connection (or does not block).
func (u *unit) servesCall(call *ast.CallExpr, served map[*types.Var]bool, seen map[*types.Func]bool) bool {
	t := u.calls[call]
	switch {
	case t == nil || t.trusted || t.debug != nil:
		return true
	case t.lit != nil:
		ln := u.g.byLit[t.lit]
		return ln == nil || ln.fact == nil
	case t.fn == nil:
		return true
	case t.blocking:
		return u.onServed(call, t, served)
	}
	if tn := u.g.byFunc[t.fn]; tn != nil {
		return tn.fact == nil || u.servesOnly(t.fn, call.Args, served, seen)
	}
	return importedBlocking(u.pass, u.s, t.fn) == nil
}
