package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// target is what a call statically reaches: a declared function (fn) or a
// function literal of this package (lit). Both are nil for dynamic calls.
type target struct {
	fn  *types.Func
	lit *ast.FuncLit
}

// callInfo is what is known of one call: its static target and, for a
// declared function, whether it blocks by itself.
type callInfo struct {
	target
	m        match
	blocking bool // m is set
	trusted  bool // the user declared the callee non-blocking
}

// callOf resolves and matches call once; the fact fixpoint and the hot
// walk both ask.
func (c *checker) callOf(call *ast.CallExpr) *callInfo {
	if ci := c.calls[call]; ci != nil {
		return ci
	}
	ci := &callInfo{target: c.resolve(call)}
	if ci.fn != nil {
		ci.m, ci.blocking, ci.trusted = c.direct(call, ci.fn)
	}
	if c.calls == nil {
		c.calls = map[*ast.CallExpr]*callInfo{}
	}
	c.calls[call] = ci
	return ci
}

// resolve returns the static target of call. Besides what
// typeutil.StaticCallee finds, it follows a local variable assigned once
// from a function literal, a function or a method value.
func (c *checker) resolve(call *ast.CallExpr) target {
	return c.resolveFunc(call.Fun, 0)
}

func (c *checker) resolveFunc(e ast.Expr, depth int) target {
	e = astutil.Unparen(e)
	switch e := e.(type) {
	case *ast.FuncLit:
		return target{lit: e}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if rhs := c.singleAssign()[v]; rhs != nil && depth < 4 {
				return c.resolveFunc(rhs, depth+1)
			}
			return target{}
		}
	case *ast.IndexExpr, *ast.IndexListExpr: // explicit instantiation f[int]
	}
	if fn := funcOf(c.pass.TypesInfo, e); fn != nil {
		return target{fn: fn.Origin()}
	}
	return target{}
}

// funcOf returns the function an expression denotes as a value or callee:
// an identifier, a qualified identifier, a method value or expression, or
// an instantiation of one.
func funcOf(info *types.Info, e ast.Expr) *types.Func {
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

// singleAssign maps each local variable assigned exactly once (declaration
// included) to the expression assigned, computed once per package.
func (c *checker) singleAssign() map[*types.Var]ast.Expr {
	if c.assigns != nil {
		return c.assigns
	}
	c.assigns = map[*types.Var]ast.Expr{}
	count := map[*types.Var]int{}
	record := func(id *ast.Ident, rhs ast.Expr) {
		obj := c.pass.TypesInfo.ObjectOf(id)
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
			return
		}
		count[v]++
		if count[v] == 1 {
			c.assigns[v] = rhs
		} else {
			c.assigns[v] = nil
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				simple := (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs)
				for i, l := range n.Lhs {
					id, ok := astutil.Unparen(l).(*ast.Ident)
					if !ok {
						continue
					}
					if simple {
						record(id, n.Rhs[i])
					} else if v := c.varOf(id); v != nil {
						count[v] += 2 // tuple or operator assignment: no single known value
						c.assigns[v] = nil
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if len(n.Values) == len(n.Names) {
						record(id, n.Values[i])
					} else if v := c.varOf(id); v != nil && len(n.Values) > 0 {
						count[v] += 2
						c.assigns[v] = nil
					}
				}
			case *ast.UnaryExpr:
				if id, ok := astutil.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					if v := c.varOf(id); v != nil {
						count[v] += 2 // address taken: may change anywhere
						c.assigns[v] = nil
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if v := c.varOf(id); v != nil {
							count[v] += 2
							c.assigns[v] = nil
						}
					}
				}
			}
			return true
		})
	}
	return c.assigns
}

func (c *checker) varOf(id *ast.Ident) *types.Var {
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// match is a direct blocking call.
type match struct {
	cat  Category
	name string // the callee as shown in messages
	does string // what it does, in words
}

// direct reports whether call, whose static callee is fn, is blocking I/O by
// itself: a catalogue entry, a configured blocking function or a
// writer-dependent call on a file or connection. trusted reports a callee
// the user declared non-blocking.
func (c *checker) direct(call *ast.CallExpr, fn *types.Func) (m match, ok, trusted bool) {
	if c.isTrusted(fn) {
		return m, false, true
	}
	full := fn.FullName()
	if cat, ok := c.s.blocking[userKey(fn)]; ok {
		return c.enabled(match{cat: cat, name: displayName(fn), does: categoryInfo[cat].does})
	}
	if e, name, ok := c.lookupCatalogue(call, fn); ok {
		does := e.does
		if does == "" {
			does = categoryInfo[e.cat].does
		}
		return c.enabled(match{cat: e.cat, name: name, does: does})
	}
	if rule, ok := writerFuncs[full]; ok {
		for _, i := range rule.args {
			if i >= len(call.Args) {
				continue
			}
			if m, ok := classMatch(c.classify(call.Args[i], 0, true), rule.cat, displayName(fn)); ok {
				return c.enabled(m)
			}
		}
		return m, false, false
	}
	if wm, ok := writerMethods[full]; ok {
		sel, isSel := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		class := wUnknown
		if isSel {
			class = c.classify(sel.X, 0, false)
		}
		if m, ok := classMatch(class, wm.cat, displayName(fn)); ok {
			return c.enabled(m)
		}
		if wm.flushAlways && class == wUnknown {
			return c.enabled(match{cat: wm.cat, name: displayName(fn), does: "flushes buffered output to its writer"})
		}
	}
	return m, false, false
}

// enabled drops matches of disabled categories.
func (c *checker) enabled(m match) (match, bool, bool) {
	if c.s.disabled[m.cat] {
		return match{}, false, false
	}
	return m, true, false
}

// isTrusted reports whether the user declared fn non-blocking, by
// configuration or by a //iohotpath:nonblocking directive (a fact, for
// other packages).
func (c *checker) isTrusted(fn *types.Func) bool {
	if c.s.nonblocking[userKey(fn)] {
		return true
	}
	if n := c.nodeOfFunc[fn]; n != nil {
		return n.nonblocking
	}
	if fn.Pkg() == c.pass.Pkg {
		return false // a function of this package without a node: no body, no directive
	}
	var f ioFact
	return factsEnabled && fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && f.NonBlocking
}

// classMatch turns a writer class into a match: connections are network
// I/O, files are I/O of the row's category.
func classMatch(class writerClass, cat Category, name string) (match, bool) {
	switch class {
	case wConn:
		return match{cat: CatNetwork, name: name, does: "does I/O on a network connection"}, true
	case wFile:
		if cat == CatEncode {
			return match{cat: cat, name: name, does: "encodes straight to a file"}, true
		}
		return match{cat: cat, name: name, does: "does I/O on a file"}, true
	}
	return match{}, false
}

// lookupCatalogue finds fn in the catalogue by its full name, by the
// receiver's type at the call site (a method promoted from an embedded or
// unexported type) or by a whole-type "(T).*" row.
func (c *checker) lookupCatalogue(call *ast.CallExpr, fn *types.Func) (entry, string, bool) {
	full := fn.FullName()
	if e, ok := catalogue[full]; ok {
		return e, displayName(fn), true
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return entry{}, "", false
	}
	var selection *types.Selection
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		selection = c.pass.TypesInfo.Selections[sel]
	}
	if e, ok := catalogue["("+types.TypeString(recv.Type(), nil)+").*"]; ok {
		// Name the call by the receiver the user wrote ((*redis.Client).Get),
		// not the unexported type declaring the method (redis.cmdable).
		name := displayName(fn)
		if selection != nil && selection.Kind() == types.MethodVal {
			if named := namedOf(selection.Recv()); named != nil && named.Obj().Pkg() != nil {
				name = "(*" + named.Obj().Pkg().Name() + "." + named.Obj().Name() + ")." + fn.Name()
			}
		}
		return e, name, true
	}
	if selection == nil || selection.Kind() != types.MethodVal {
		return entry{}, "", false
	}
	// Walk the embedding path from the static receiver type down to the
	// type declaring the method, trying each named type on the way.
	t := selection.Recv()
	path := selection.Index()
	for i := 0; ; i++ {
		if named := namedOf(t); named != nil && named.Obj().Pkg() != nil {
			obj := named.Obj()
			base := obj.Pkg().Path() + "." + obj.Name()
			for _, key := range []string{"(*" + base + ")." + fn.Name(), "(" + base + ")." + fn.Name()} {
				if e, ok := catalogue[key]; ok {
					return e, "(*" + obj.Pkg().Name() + "." + obj.Name() + ")." + fn.Name(), true
				}
			}
		}
		if i >= len(path)-1 {
			break
		}
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || path[i] >= st.NumFields() {
			break
		}
		t = st.Field(path[i]).Type()
	}
	return entry{}, "", false
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func namedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(deref(types.Unalias(t))).(*types.Named)
	return n
}

// writerClass says what a reader or writer expression is, as far as the
// static types and the function's own assignments tell.
type writerClass uint8

const (
	wUnknown writerClass = iota
	wMemory
	wFile
	wConn
)

var typeClasses = map[string]writerClass{
	"os.File":          wFile,
	"bytes.Buffer":     wMemory,
	"bytes.Reader":     wMemory,
	"strings.Builder":  wMemory,
	"strings.Reader":   wMemory,
	"bufio.Writer":     wMemory, // buffered: its Flush is what writes
	"bufio.Reader":     wMemory,
	"bufio.ReadWriter": wMemory,
	"net.Conn":         wConn,
	"net.TCPConn":      wConn,
	"net.UDPConn":      wConn,
	"net.UnixConn":     wConn,
	"net.IPConn":       wConn,
	"crypto/tls.Conn":  wConn,
}

// classify returns the class of a reader or writer expression: by its
// static type, else through a local variable assigned once or a writer
// constructor (json.NewEncoder(f), bufio.NewWriter(f)). With typed false,
// e's own type is not consulted: e is an encoder or a buffered writer, and
// what matters is the writer it was built on.
func (c *checker) classify(e ast.Expr, depth int, typed bool) writerClass {
	e = astutil.Unparen(e)
	if typed {
		if named := namedOf(c.pass.TypesInfo.TypeOf(e)); named != nil && named.Obj().Pkg() != nil {
			if class, ok := typeClasses[named.Obj().Pkg().Path()+"."+named.Obj().Name()]; ok {
				return class
			}
		}
	}
	if depth > 4 {
		return wUnknown
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[x].(*types.Var); ok {
			if rhs := c.singleAssign()[v]; rhs != nil {
				return c.classify(rhs, depth+1, typed)
			}
		}
	case *ast.CallExpr:
		if fn := funcOf(c.pass.TypesInfo, x.Fun); fn != nil && writerCtors[fn.FullName()] && len(x.Args) > 0 {
			return c.classify(x.Args[0], depth+1, true)
		}
	case *ast.UnaryExpr:
		if typed {
			return c.classify(x.X, depth+1, true)
		}
	}
	return wUnknown
}

// userKey is the name users write for fn, with the receiver's pointer and
// type arguments dropped: example.com/p.F, example.com/p.T.M.
func userKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
			return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// displayName is fn as messages show it: pkg.F, (*pkg.T).M, pkg.T.M.
func displayName(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
			if _, ptr := types.Unalias(recv.Type()).(*types.Pointer); ptr {
				return "(*" + pkg + named.Obj().Name() + ")." + fn.Name()
			}
			return pkg + named.Obj().Name() + "." + fn.Name()
		}
	}
	return pkg + fn.Name()
}

// hotNames returns the names -funcs patterns are matched against: the full
// name (example.com/p.(*T).M, example.com/p.F) and the short one (T.M, F).
func hotNames(fn *types.Func) (full, short string) {
	short = fn.Name()
	recvPart := ""
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
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

// shortName is fn's name within its package: T.M or F.
func shortName(fn *types.Func) string {
	_, short := hotNames(fn)
	return short
}

// isNoReturn reports whether call ends the block it is in for good: panic,
// os.Exit, log.Fatal and their kin.
func (c *checker) isNoReturn(call *ast.CallExpr) bool {
	if id, ok := astutil.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := funcOf(c.pass.TypesInfo, call.Fun)
	return fn != nil && noReturn[strings.TrimSpace(fn.FullName())]
}
