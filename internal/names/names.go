// Package names resolves callees and spells functions the ways iohotpath
// shows and matches them: in messages (pkg.F, (*pkg.T).M), in the names
// users write in options (example.com/p.T.M), and in -funcs patterns.
package names

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// FuncOf returns the function an expression denotes as a value or callee:
// an identifier, a qualified identifier, a method value or expression, or
// an instantiation of one. It returns nil for anything else.
func FuncOf(info *types.Info, e ast.Expr) *types.Func {
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	fn, _ := typeutil.Callee(info, &ast.CallExpr{Fun: e}).(*types.Func)
	return fn
}

// Deref returns the element type of a pointer type, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// NamedOf returns the named type of t or of what t points to, aliases
// resolved, or nil.
func NamedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(Deref(types.Unalias(t))).(*types.Named)
	return n
}

// IsNamed reports whether t, or what it points to, is the named type
// pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	n := NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkgPath && n.Obj().Name() == name
}

// Display is fn as messages show it: pkg.F, (*pkg.T).M, pkg.T.M.
func Display(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if named := NamedOf(recv.Type()); named != nil {
			if _, ptr := types.Unalias(recv.Type()).(*types.Pointer); ptr {
				return "(*" + pkg + named.Obj().Name() + ")." + fn.Name()
			}
			return pkg + named.Obj().Name() + "." + fn.Name()
		}
	}
	return pkg + fn.Name()
}

// UserKey is the name users write for fn in options, with the receiver's
// pointer and type arguments dropped: example.com/p.F, example.com/p.T.M.
func UserKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if named := NamedOf(recv.Type()); named != nil {
			return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// Hot returns the names -funcs patterns are matched against: the full name
// (example.com/p.(*T).M, example.com/p.F) and the short one (T.M, F).
func Hot(fn *types.Func) (full, short string) {
	short = fn.Name()
	recvPart := ""
	if recv := fn.Signature().Recv(); recv != nil {
		if named := NamedOf(recv.Type()); named != nil {
			short = named.Obj().Name() + "." + fn.Name()
			if _, ptr := types.Unalias(recv.Type()).(*types.Pointer); ptr {
				recvPart = "(*" + named.Obj().Name() + ")."
			} else {
				recvPart = named.Obj().Name() + "."
			}
		}
	}
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path() + "."
	}
	return path + recvPart + fn.Name(), short
}

// Short is fn's name within its package, as messages name a hot function
// or the function holding a loop: T.M or F.
func Short(fn *types.Func) string {
	_, short := Hot(fn)
	return short
}
