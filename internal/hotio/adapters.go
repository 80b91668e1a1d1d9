package hotio

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/config"
)

// An adapter is a named func type whose hot method calls the value it is
// on: http.HandlerFunc's ServeHTTP, or a service's own
//
//	type Handler func(http.ResponseWriter, *http.Request, *Context) error
//	func (h Handler) ServeHTTP(w http.ResponseWriter, req *http.Request) { … h(w, req, ctx) … }
//
// A function converted to the type (`web.Handler(MailboxShowV1)`) runs on
// every call of the method, so it is hot as the method is: an HTTP
// handler when the http preset makes the method one, a hot function when a
// marker or -funcs does. The method's call of its value is left to the
// function (callsReceiver), which is reported in its own body. The
// adapter and its functions may be in different packages: the type
// carries an Adapter fact.

// Adapter is exported for a named func type whose method Method is hot
// and calls the value it is on.
type Adapter struct {
	Method string // the hot method: ServeHTTP
	Preset string // the method's preset kind ("HTTP handler"); "" when a marker or -funcs makes it hot
}

// AFact marks Adapter as an analysis fact.
func (*Adapter) AFact() {}

// String is the fact as analysistest's T:"..." expectations see it.
func (a *Adapter) String() string {
	if a.Preset == "" {
		return "adapter(" + a.Method + ")"
	}
	return "adapter(" + a.Method + ", " + a.Preset + ")"
}

// applyAdapters finds the package's adapter types and makes hot the
// functions converted to an adapter type, the package's own or another's
// (its fact), explicitly or where a value of the type is expected (an
// argument, an assignment, a composite literal's element). Functions hot
// already keep their meaning; a preset's rules hold as in applyPresets
// (test files only with -include-tests, no test support package, no
// debug endpoint).
func (g *graph) applyAdapters(pass *analysis.Pass, s *config.Settings) {
	g.adapters = g.localAdapters(pass)
	info := pass.TypesInfo
	adapter := func(t types.Type) *Adapter {
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return nil
		}
		if _, isFunc := named.Underlying().(*types.Signature); !isFunc {
			return nil // only a func type is an adapter: no fact to look up
		}
		tn := named.Obj()
		if a := g.adapters[tn]; a != nil {
			return a
		}
		if !factsEnabled || tn.Pkg() == nil || tn.Pkg() == pass.Pkg {
			return nil
		}
		var a Adapter
		if pass.ImportObjectFact(tn, &a) {
			return &a
		}
		return nil
	}
	type use struct {
		n *funcNode
		a *Adapter
	}
	var uses []use
	for _, f := range pass.Files {
		lits := map[*types.Var]*ast.FuncLit{}
		convertedIn(info, f, lits, func(t types.Type, e ast.Expr) {
			if a := adapter(t); a != nil {
				if n := g.handlerNode(info, lits, e); n != nil {
					uses = append(uses, use{n, a})
				}
			}
		})
	}
	if len(uses) == 0 {
		return
	}
	var debugRoutes map[*funcNode]bool
	testSupport := IsTestSupport(pass)
	debugPkg := slices.Contains(strings.Split(pass.Pkg.Path(), "/"), "debug")
	for _, u := range uses {
		n, a := u.n, u.a
		if n.hot {
			continue
		}
		if a.Preset != "" {
			if testSupport || !s.IncludeTests && strings.HasSuffix(pass.Fset.PositionFor(n.pos(), false).Filename, "_test.go") {
				continue
			}
			if debugRoutes == nil {
				debugRoutes = g.debugRoutes(pass)
			}
			if a.Preset == "HTTP handler" && (debugPkg || debugRoutes[n] || n.obj != nil && saysDebug(n.obj.Name())) {
				continue // a debug endpoint: an operator's tool, not a request path
			}
		}
		n.hot, n.preset = true, a.Preset
	}
}

// localAdapters returns the package's adapter types: a named func type
// with a hot method (by a marker, -funcs or a preset; a profile is no
// fact) that calls its receiver, outside any function literal of it.
func (g *graph) localAdapters(pass *analysis.Pass) map[*types.TypeName]*Adapter {
	var out map[*types.TypeName]*Adapter
	for _, n := range g.nodes {
		if !n.hot || n.share > 0 || n.obj == nil || n.body == nil {
			continue
		}
		recv := n.obj.Signature().Recv()
		if recv == nil {
			continue
		}
		named, ok := types.Unalias(recv.Type()).(*types.Named) // a value receiver: a pointer to a func is no adapter
		if !ok {
			continue
		}
		if _, isFunc := named.Underlying().(*types.Signature); !isFunc || !callsVar(pass.TypesInfo, n.body, recv) {
			continue
		}
		if out == nil {
			out = map[*types.TypeName]*Adapter{}
		}
		if out[named.Obj()] == nil { // the first hot method in source order
			out[named.Obj()] = &Adapter{Method: n.obj.Name(), Preset: n.preset}
		}
	}
	return out
}

// callsVar reports whether body calls v, outside the function literals in
// it (a goroutine or a deferred call runs it apart from the method's).
func callsVar(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := astutil.Unparen(x.Fun).(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// exportAdapters exports the package's adapter facts, in source order.
func exportAdapters(pass *analysis.Pass, g *graph) {
	tns := make([]*types.TypeName, 0, len(g.adapters))
	for tn := range g.adapters {
		tns = append(tns, tn)
	}
	slices.SortFunc(tns, func(a, b *types.TypeName) int { return int(a.Pos() - b.Pos()) })
	for _, tn := range tns {
		pass.ExportObjectFact(tn, g.adapters[tn])
	}
}

// convertedIn calls yield for each expression of file f converted to a
// named type, explicitly (`T(e)`) or where a value of the type is
// expected: a call's argument, an assignment's or a declaration's value, a
// composite literal's element or field. lits is filled with the local
// variables defined as function literals (`h := func(…) {…}`) as they are
// met, which handlerNode follows.
func convertedIn(info *types.Info, f *ast.File, lits map[*types.Var]*ast.FuncLit, yield func(t types.Type, e ast.Expr)) {
	expect := func(t types.Type, e ast.Expr) {
		if t == nil || e == nil {
			return
		}
		if _, ok := types.Unalias(t).(*types.Named); !ok {
			return
		}
		if et := info.TypeOf(e); et != nil && !types.Identical(et, t) {
			yield(t, e) // an implicit conversion: e's own type is a func signature
		}
	}
	ast.Inspect(f, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.CallExpr:
			tv, ok := info.Types[x.Fun]
			if !ok {
				break
			}
			if tv.IsType() {
				if len(x.Args) == 1 {
					yield(tv.Type, x.Args[0])
				}
				break
			}
			sig, ok := types.Unalias(tv.Type).Underlying().(*types.Signature)
			if !ok {
				break
			}
			for i, arg := range x.Args {
				expect(paramType(sig, i, x.Ellipsis.IsValid()), arg)
			}
		case *ast.AssignStmt:
			noteLitDefs(info, x, lits)
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				for i, l := range x.Lhs {
					expect(info.TypeOf(l), x.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if x.Type != nil && len(x.Values) == len(x.Names) {
				for _, v := range x.Values {
					expect(info.TypeOf(x.Type), v)
				}
			}
		case *ast.CompositeLit:
			elemsIn(info, x, expect)
		}
		return true
	})
}

// paramType is the type of the i-th argument of a call of sig; ellipsis
// says the call passes a slice as the variadic parameter.
func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	p := sig.Params()
	switch {
	case sig.Variadic() && i >= p.Len()-1:
		last := p.At(p.Len() - 1).Type()
		if ellipsis {
			return last
		}
		if s, ok := last.Underlying().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < p.Len():
		return p.At(i).Type()
	}
	return nil // a call of f(g()) with g's many results
}

// elemsIn calls expect with the type each element of lit is given: a
// struct's field, a slice's, array's or map's element.
func elemsIn(info *types.Info, lit *ast.CompositeLit, expect func(types.Type, ast.Expr)) {
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if fv, ok := info.Uses[id].(*types.Var); ok {
						expect(fv.Type(), kv.Value)
					}
				}
			} else if i < u.NumFields() {
				expect(u.Field(i).Type(), e)
			}
		}
	case *types.Slice, *types.Array, *types.Map:
		elem := u.(interface{ Elem() types.Type }).Elem()
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			expect(elem, e)
		}
	}
}

// handOff makes hot, as HTTP handlers, the functions of the package an
// HTTP handler hands its request to: a static call on the handler's
// normal path, outside its loops, that passes the handler's own
// ResponseWriter and *Request (gofakes3's routeBase calls
// routeObject(bucket, object, w, r), which calls getObject(bucket,
// object, w, r) for a GET). Such a function serves the request as the
// handler would: its I/O is reported in its own body, with what a
// handler's job is, and each operation of a router is reported apart
// rather than through the first one the router's call reaches. A call on
// a failure path (`g.httpError(w, r, err)`) hands nothing on; a call in a
// loop stays the handler's, so that one query per item is still N+1.
// Computed once the off-path rules can be asked, before facts are
// exported: a function made hot says so in its fact.
func (u *unit) handOff() {
	var work []*funcNode
	for _, n := range u.g.nodes {
		if n.hot && n.preset == "HTTP handler" && n.body != nil {
			work = append(work, n)
		}
	}
	info := u.pass.TypesInfo
	for len(work) > 0 {
		n := work[0]
		work = work[1:]
		w, r := requestParams(info, n)
		if w == nil || r == nil {
			continue
		}
		wk := &walker{unit: u, info: info, onCall: func(call *ast.CallExpr, ctx walkCtx) {
			t := u.calls[call]
			if ctx.offBy != "" || ctx.loops > 0 || ctx.inLit || t == nil || t.fn == nil {
				return
			}
			tn := u.g.byFunc[t.fn]
			if tn == nil || tn.hot || tn.nonblocking || tn.body == nil || !passesVar(info, call.Args, w) || !passesVar(info, call.Args, r) {
				return
			}
			tn.hot, tn.preset = true, n.preset
			work = append(work, tn)
		}}
		wk.body(n.body.List, walkCtx{})
	}
}

// requestParams returns n's parameters of types http.ResponseWriter and
// *http.Request, the first of each, or nil.
func requestParams(info *types.Info, n *funcNode) (w, r *types.Var) {
	var ft *ast.FuncType
	if n.decl != nil {
		ft = n.decl.Type
	} else {
		ft = n.lit.Type
	}
	for _, field := range ft.Params.List {
		for _, id := range field.Names {
			v, ok := info.Defs[id].(*types.Var)
			if !ok {
				continue
			}
			if w == nil && isResponseWriter(v.Type()) {
				w = v
			}
			if r == nil && isRequestPtr(v.Type()) {
				r = v
			}
		}
	}
	return w, r
}

// passesVar reports whether one of args is v itself.
func passesVar(info *types.Info, args []ast.Expr, v *types.Var) bool {
	for _, a := range args {
		if id, ok := astutil.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v {
			return true
		}
	}
	return false
}
