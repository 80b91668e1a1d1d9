package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/names"
)

// Presets make functions hot by their kind, without markers (-hot=http,grpc):
// net/http handlers and gRPC service methods run once per request. A
// handler exists to answer its request, so in a function hot only by a
// preset, one network or database call is its job: those categories are
// reported only inside its loops (one query per item), every other
// category anywhere in it.
//
// A preset is a function of the package's syntax and types that names the
// kind of a function; adding one (gin's func(*gin.Context), a Kafka
// consumer) is adding a case to presetKind and a name to config.Presets.

const grpcPath = "google.golang.org/grpc"

var (
	registerRE      = regexp.MustCompile(`^Register\w+Server$`)
	unimplementedRE = regexp.MustCompile(`^Unimplemented\w+Server$`)
)

// applyPresets marks the functions the configured presets make hot, with
// the kind that says why ("HTTP handler", "gRPC method"). Functions already
// hot by a marker or -funcs keep their meaning; test files count only with
// -include-tests.
func (g *graph) applyPresets(pass *analysis.Pass, s *config.Settings) {
	if len(s.Presets) == 0 || IsTestSupport(pass, s) {
		return
	}
	var services map[*types.TypeName]map[string]bool
	if s.Presets[config.PresetGRPC] {
		services = grpcServices(pass)
	}
	var debugRoutes map[*funcNode]bool
	if s.Presets[config.PresetHTTP] {
		debugRoutes = g.debugRoutes(pass)
	}
	debugPkg := slices.Contains(strings.Split(pass.Pkg.Path(), "/"), "debug") // a package of debug endpoints (internal/debug)
	for _, n := range g.nodes {
		if n.hot || !s.IncludeTests && strings.HasSuffix(pass.Fset.Position(n.pos()).Filename, "_test.go") {
			continue
		}
		kind := presetKind(pass.TypesInfo, n, s, services)
		if kind == "HTTP handler" && (debugPkg || debugRoutes[n] || n.obj != nil && saysDebug(n.obj.Name())) {
			continue // a debug endpoint: an operator's tool, not a request path
		}
		if kind != "" {
			n.hot, n.preset = true, kind
		}
	}
}

// debugRoutes returns the handlers of the package registered at a route
// with a path element that says debug (`mux.HandleFunc("/debug/rand",
// s.handleRand)`, `r.Get("/internal/debug/vars", …)`): an operator's
// tool, as net/http/pprof's are, not a request path.
func (g *graph) debugRoutes(pass *analysis.Pass) map[*funcNode]bool {
	routes := map[*funcNode]bool{}
	lits := map[*types.Var]*ast.FuncLit{} // reqf := func(w, r) {…}, then HandleFunc("/debug/x", reqf): defined before used
	for _, f := range pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.AssignStmt:
				noteLitDefs(pass.TypesInfo, x, lits)
			case *ast.CallExpr:
				if len(x.Args) >= 2 && isDebugRoute(pass.TypesInfo, x.Args[0]) {
					for _, a := range x.Args[1:] {
						if n := g.handlerNode(pass.TypesInfo, lits, a); n != nil {
							routes[n] = true
						}
					}
				}
			}
			return true
		})
	}
	return routes
}

// isDebugRoute reports whether e is a constant route pattern ("/debug/x",
// "GET /debug/{id}") with a path element that says debug.
func isDebugRoute(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	route := constant.StringVal(tv.Value)
	if i := strings.IndexByte(route, ' '); i >= 0 {
		route = route[i+1:] // a method before the path (Go 1.22 patterns)
	}
	if !strings.HasPrefix(route, "/") {
		return false
	}
	for _, elem := range strings.Split(route, "/") {
		if debugWords[strings.ToLower(elem)] {
			return true
		}
	}
	return false
}

// noteLitDefs records in lits the local variables that x defines as
// function literals (`reqf := func(w, r) {…}`), which handlerNode follows.
func noteLitDefs(info *types.Info, x *ast.AssignStmt, lits map[*types.Var]*ast.FuncLit) {
	if x.Tok != token.DEFINE || len(x.Lhs) != len(x.Rhs) {
		return
	}
	for i, l := range x.Lhs {
		lit, isLit := x.Rhs[i].(*ast.FuncLit)
		if id, ok := l.(*ast.Ident); ok && isLit {
			if v, ok := info.Defs[id].(*types.Var); ok {
				lits[v] = lit
			}
		}
	}
}

// handlerNode returns the node of the function e refers to or is (a
// function, a method value, a function literal, or one of those converted
// to http.HandlerFunc, or a local variable defined as a function literal,
// as lits gives), or nil.
func (g *graph) handlerNode(info *types.Info, lits map[*types.Var]*ast.FuncLit, e ast.Expr) *funcNode {
	switch x := astutil.Unparen(e).(type) {
	case *ast.FuncLit:
		return g.byLit[x]
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 { // http.HandlerFunc(h)
			return g.handlerNode(info, lits, x.Args[0])
		}
		if fn := names.FuncOf(info, x.Fun); fn != nil && g.wrapperOf != nil { // wrap(h): what it wraps
			if w := g.wrapperOf(fn.Origin()); w != nil && w.Param < len(x.Args) {
				return g.handlerNode(info, lits, x.Args[w.Param])
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && lits[v] != nil {
				return g.byLit[lits[v]]
			}
		}
		if fn := names.FuncOf(info, x); fn != nil {
			return g.byFunc[fn.Origin()]
		}
	}
	return nil
}

// IsTestSupport reports whether the package is test support code: a file
// of it that is not a _test.go file imports testing, or serves HTTP with
// net/http/httptest's test server (a mock server; recording a response
// with httptest.NewRecorder is production code's use too), or its import
// path has an element that says so (test, tests, testutil, testing,
// testdata, e2e, mock, mocks, fakes). Its handlers answer tests, not
// production requests, so no preset makes them hot; markers and -funcs
// still do. Its locks serialise tests, so io-under-lock does not report
// them either. A test server a main package of the program links and
// starts (s.Linked, under -program: a fake served as the product, as
// fake-gcs-server serves fakestorage) is served in production.
func IsTestSupport(pass *analysis.Pass, s *config.Settings) bool {
	for _, elem := range strings.Split(pass.Pkg.Path(), "/") {
		if testElems[elem] {
			return true
		}
	}
	httptest := false
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.PositionFor(f.Package, false).Filename, "_test.go") {
			continue
		}
		for _, imp := range f.Imports {
			switch strings.Trim(imp.Path.Value, "`\"") {
			case "testing":
				return true
			case "net/http/httptest":
				httptest = true
			}
		}
	}
	return httptest && !s.Linked && servesTestServer(pass)
}

// servesTestServer reports whether a non-test file of the package refers
// to httptest's Server or a function that starts one: a mock server.
func servesTestServer(pass *analysis.Pass) bool {
	for id, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() != nil && obj.Pkg().Path() == "net/http/httptest" && testServer[obj.Name()] &&
			!strings.HasSuffix(pass.Fset.PositionFor(id.Pos(), false).Filename, "_test.go") {
			return true
		}
	}
	return false
}

// testServer names httptest's server and what starts one.
var testServer = map[string]bool{"Server": true, "NewServer": true, "NewTLSServer": true, "NewUnstartedServer": true}

// testElems are the import path elements of test support packages.
var testElems = map[string]bool{"test": true, "tests": true, "testutil": true, "testing": true, "testdata": true,
	"e2e": true, "mock": true, "mocks": true, "fakes": true}

// presetKind says which preset makes n hot, or "".
func presetKind(info *types.Info, n *funcNode, s *config.Settings, services map[*types.TypeName]map[string]bool) string {
	var sig *types.Signature
	if n.obj != nil {
		sig = n.obj.Signature()
	} else if t, ok := info.TypeOf(n.lit).(*types.Signature); ok {
		sig = t
	}
	if sig == nil {
		return ""
	}
	if s.Presets[config.PresetHTTP] && isHandlerSig(sig) {
		return "HTTP handler"
	}
	if s.Presets[config.PresetGRPC] && n.obj != nil && sig.Recv() != nil {
		if tn := recvTypeName(sig.Recv().Type()); tn != nil && services[tn][n.obj.Name()] {
			return "gRPC method"
		}
	}
	return ""
}

// isHandlerSig reports whether sig is func(http.ResponseWriter, *http.Request).
func isHandlerSig(sig *types.Signature) bool {
	p := sig.Params()
	if p.Len() != 2 || sig.Results().Len() != 0 || sig.Variadic() {
		return false
	}
	return isResponseWriter(p.At(0).Type()) && isRequestPtr(p.At(1).Type())
}

// isResponseWriter reports whether t is http.ResponseWriter.
func isResponseWriter(t types.Type) bool { return names.IsNamed(t, "net/http", "ResponseWriter") }

// isRequestPtr reports whether t is *http.Request.
func isRequestPtr(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	return ok && names.IsNamed(ptr.Elem(), "net/http", "Request")
}

// recvTypeName is the named type of a receiver type T or *T.
func recvTypeName(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj()
	}
	return nil
}

// grpcServices returns, for each type of the package that implements a
// gRPC service, the names of the service's methods: the types that embed
// a generated Unimplemented<Service>Server of a package using
// google.golang.org/grpc (the methods of that type), and the types handed
// to a generated Register<Service>Server(s, impl) whose first parameter is
// grpc's (the methods of its service interface).
func grpcServices(pass *analysis.Pass) map[*types.TypeName]map[string]bool {
	services := map[*types.TypeName]map[string]bool{}
	add := func(tn *types.TypeName, methods *types.MethodSet) {
		if tn == nil || tn.Pkg() != pass.Pkg {
			return
		}
		if services[tn] == nil {
			services[tn] = map[string]bool{}
		}
		for m := range methods.Methods() {
			if name := m.Obj().Name(); !strings.HasPrefix(name, "mustEmbed") && !strings.HasPrefix(name, "testEmbedded") {
				services[tn][name] = true
			}
		}
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if emb := recvTypeName(f.Type()); f.Embedded() && emb != nil && unimplementedRE.MatchString(emb.Name()) && usesGRPC(emb.Pkg()) {
				add(tn, types.NewMethodSet(types.NewPointer(emb.Type())))
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			fn := names.FuncOf(pass.TypesInfo, call.Fun)
			if fn == nil || !registerRE.MatchString(fn.Name()) {
				return true
			}
			params := fn.Signature().Params()
			iface, isIface := params.At(1).Type().Underlying().(*types.Interface)
			if !isIface || !fromGRPC(params.At(0).Type()) {
				return true
			}
			for _, tn := range implTypes(pass, call.Args[1]) {
				add(tn, types.NewMethodSet(iface))
			}
			return true
		})
	}
	return services
}

// implTypes returns the named types of this package that e, an argument
// of Register…Server, stands for: its own type, or, when that is an
// interface and e calls a constructor of the package
// (newServer() Server), the types of what the constructor returns.
func implTypes(pass *analysis.Pass, e ast.Expr) []*types.TypeName {
	t := pass.TypesInfo.TypeOf(e)
	if t == nil {
		return nil
	}
	if !types.IsInterface(t) {
		return []*types.TypeName{recvTypeName(t)}
	}
	if id, ok := astutil.Unparen(e).(*ast.Ident); ok {
		if rhs := definition(pass, id); rhs != nil {
			e = rhs // abe := newServer(); Register…Server(s, abe)
		}
	}
	call, ok := astutil.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := names.FuncOf(pass.TypesInfo, call.Fun)
	if fn == nil || fn.Pkg() != pass.Pkg {
		return nil
	}
	var out []*types.TypeName
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || pass.TypesInfo.Defs[fd.Name] != fn {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, lit := n.(*ast.FuncLit); lit {
					return false
				}
				if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
					if rt := pass.TypesInfo.TypeOf(ret.Results[0]); rt != nil && !types.IsInterface(rt) {
						if tn := recvTypeName(rt); tn != nil {
							out = append(out, tn)
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// usesGRPC reports whether pkg imports google.golang.org/grpc, as
// generated service code does.
func usesGRPC(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if catalogue.CanonicalPath(imp.Path()) == grpcPath {
			return true
		}
	}
	return false
}

// fromGRPC reports whether t is grpc's *Server or ServiceRegistrar.
func fromGRPC(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && catalogue.CanonicalPath(n.Obj().Pkg().Path()) == grpcPath
}

// definition is the expression that defines the local variable id uses
// (v := expr), or nil.
func definition(pass *analysis.Pass, id *ast.Ident) ast.Expr {
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	var rhs ast.Expr
	for _, f := range pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
				return rhs == nil
			}
			for i, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && pass.TypesInfo.Defs[lid] == v {
					rhs = as.Rhs[i]
				}
			}
			return rhs == nil
		})
	}
	return rhs
}
