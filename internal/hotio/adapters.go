package hotio

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/names"
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
		return factOf(pass, g.adapters, named.Obj())
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
	h := g.heater(pass, s)
	for _, u := range uses {
		h.heat(u.n, u.a.Preset)
	}
}

// A heater makes functions hot with a preset's meaning where the
// preset's rules allow it (test files only with -include-tests, no test
// support package, no debug endpoint); a function hot already keeps its
// meaning.
type heater struct {
	g           *graph
	pass        *analysis.Pass
	s           *config.Settings
	testSupport bool
	debugPkg    bool
	debugRoutes map[*funcNode]bool // computed when first needed
}

func (g *graph) heater(pass *analysis.Pass, s *config.Settings) *heater {
	return &heater{g: g, pass: pass, s: s, testSupport: IsTestSupport(pass, s),
		debugPkg: slices.Contains(strings.Split(pass.Pkg.Path(), "/"), "debug")}
}

// heat makes n hot as preset says ("" for a marker's or -funcs' hot), and
// reports whether it did.
func (h *heater) heat(n *funcNode, preset string) bool {
	if n.hot {
		return false
	}
	if preset != "" {
		if h.testSupport || !h.s.IncludeTests && strings.HasSuffix(h.pass.Fset.PositionFor(n.pos(), false).Filename, "_test.go") {
			return false
		}
		if h.debugRoutes == nil {
			h.debugRoutes = h.g.debugRoutes(h.pass)
		}
		if preset == "HTTP handler" && (h.debugPkg || h.debugRoutes[n] || n.obj != nil && saysDebug(n.obj.Name())) {
			return false // a debug endpoint: an operator's tool, not a request path
		}
	}
	n.hot, n.preset = true, preset
	return true
}

// A wrapper is a function that takes a function and returns an HTTP
// handler that calls it, outside the handler's own function literals:
//
//	func jsonToHTTPHandler(h func(r *http.Request) jsonResponse) http.HandlerFunc {
//		return func(w http.ResponseWriter, r *http.Request) { resp := h(r); … }
//	}
//
// The function passed (`jsonToHTTPHandler(s.listBuckets)`) runs on every
// request the returned handler serves, so it is hot as that handler is:
// its I/O is reported in its own body, not once at the wrapper's call of
// its parameter, which reaches every function ever wrapped. The wrapper
// and its callers may be in different packages: the function carries a
// Wrapper fact.

// Wrapper is exported for a function whose parameter Param (from 0) is a
// function that the handler it returns calls.
type Wrapper struct {
	Param  int
	Preset string // the returned handler's preset kind: "HTTP handler"
}

// AFact marks Wrapper as an analysis fact.
func (*Wrapper) AFact() {}

// String is the fact as analysistest's T:"..." expectations see it.
func (w *Wrapper) String() string { return fmt.Sprintf("wrapper(param %d, %s)", w.Param, w.Preset) }

// applyWrappers finds the package's wrappers and makes hot the functions
// passed to a wrapper, the package's own or another's (its fact), as the
// handler it returns is.
func (g *graph) applyWrappers(pass *analysis.Pass, s *config.Settings) {
	g.wrappers = g.localWrappers(pass)
	info := pass.TypesInfo
	wrapper := func(fn *types.Func) *Wrapper { return factOf(pass, g.wrappers, fn) }
	g.wrapperOf = wrapper // handlerNode looks through a wrapper's call: mux.Handle("/debug/x", wrap(f)) registers f
	var h *heater
	for _, f := range pass.Files {
		lits := map[*types.Var]*ast.FuncLit{}
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.AssignStmt:
				noteLitDefs(info, x, lits)
			case *ast.CallExpr:
				fn := names.FuncOf(info, x.Fun)
				if fn == nil {
					break
				}
				if w := wrapper(fn.Origin()); w != nil && w.Param < len(x.Args) {
					if n := g.handlerNode(info, lits, x.Args[w.Param]); n != nil {
						if h == nil {
							h = g.heater(pass, s)
						}
						h.heat(n, w.Preset)
					}
				}
			}
			return true
		})
	}
}

// localWrappers returns the package's wrappers: a declared function with
// a parameter of func type that a function literal it returns, hot by a
// preset (an HTTP handler), calls outside its own function literals; and
// notes that parameter in g.wrapped.
func (g *graph) localWrappers(pass *analysis.Pass) map[*types.Func]*Wrapper {
	info := pass.TypesInfo
	g.wrapped = map[*types.Var]bool{}
	var out map[*types.Func]*Wrapper
	for _, n := range g.nodes {
		if n.obj == nil || n.body == nil {
			continue
		}
		params := n.obj.Signature().Params()
		var funcParams []int
		for i := range params.Len() {
			if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
				funcParams = append(funcParams, i)
			}
		}
		if len(funcParams) == 0 {
			continue
		}
		ast.Inspect(n.body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false // its returns are its own
			case *ast.ReturnStmt:
				for _, res := range x.Results {
					lit := returnedLit(info, res)
					ln := g.byLit[lit]
					if lit == nil || ln == nil || ln.preset == "" {
						continue
					}
					for _, i := range funcParams {
						if callsVar(info, lit.Body, params.At(i)) {
							if out == nil {
								out = map[*types.Func]*Wrapper{}
							}
							if out[n.obj] == nil {
								out[n.obj] = &Wrapper{Param: i, Preset: ln.preset}
								g.wrapped[params.At(i)] = true
							}
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// returnedLit is the function literal e returns, itself or converted
// (`http.HandlerFunc(func(…) {…})`), or nil.
func returnedLit(info *types.Info, e ast.Expr) *ast.FuncLit {
	switch x := astutil.Unparen(e).(type) {
	case *ast.FuncLit:
		return x
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return returnedLit(info, x.Args[0])
		}
	}
	return nil
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

// object is what the package's adapter and wrapper facts are kept by: a
// type name, a function.
type object interface {
	comparable
	types.Object
}

// factOf returns the fact of obj: the package's own from local, or the one
// obj's package exported (when facts are on); nil when it has none.
func factOf[O object, F any, P interface {
	*F
	analysis.Fact
}](pass *analysis.Pass, local map[O]P, obj O) P {
	if f := local[obj]; f != nil {
		return f
	}
	if !factsEnabled || obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
		return nil
	}
	f := P(new(F))
	if pass.ImportObjectFact(obj, f) {
		return f
	}
	return nil
}

// exportInOrder exports the fact m holds for each object, in source
// order: the package's adapter types' and wrappers'.
func exportInOrder[O object, F analysis.Fact](pass *analysis.Pass, m map[O]F) {
	objs := slices.Collect(maps.Keys(m))
	slices.SortFunc(objs, func(a, b O) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, o := range objs {
		pass.ExportObjectFact(o, m[o])
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
