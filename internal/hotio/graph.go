package hotio

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/profiles"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// funcNode is a function of the package: a declaration or a literal.
type funcNode struct {
	decl  *ast.FuncDecl
	lit   *ast.FuncLit
	obj   *types.Func // declarations only
	name  string      // in messages and chains: store.AppendRecord, Ingest.func1
	short string      // the hot function as messages name it: Scorer.Evaluate
	body  *ast.BlockStmt

	hot         bool
	preset      string // hot only by a preset: "HTTP handler", "gRPC method" (presets.go)
	nonblocking bool
	declared    catalogue.Category // //iohotpath:blocking
	pkgLevel    bool               // an outermost literal outside any function declaration
	outer       *funcNode          // a literal's function declaration; nil outside any
	profiled    bool               // a CPU profile has samples of it
	share       float64            // hot by a CPU profile alone: its share of the samples (profile.go)
	loops       []ast.Node         // heavy in a CPU profile but runs once: its long-running loops are hot (profile.go)

	edges []edge
	fact  *Fact // set when the function performs blocking I/O
	round int   // fixpoint round that set fact

	fails      catalogue.Fails  // when it returns a non-nil error (fails.go)
	answer     catalogue.Answer // how it answers with an error status (answers.go)
	debugBound bool             // it returns a logger or event bound to debug level (debug.go)
	alarm      bool             // it logs at warning level or above whenever it runs (debug.go)
	alarmBound bool             // it returns a logger or event bound to warning level or above (debug.go)
	cats       catalogue.Set    // every category the function reaches
	slow       *Fact            // witness of the first call of an unbounded category (Category.Unbounded)
	slowRound  int              // fixpoint round that set slow
	local      *Fact            // witness of the first call of a category not excused by a preset (isLocal)
	localRound int              // fixpoint round that set local
	blocked    []*ast.CallExpr  // its own calls that block, directly or by another package's fact
	unknown    []*ast.CallExpr  // its calls on the normal path the package cannot decide: dynamic ones, and of other packages' functions with no blocking fact (bodies.go)
}

// edge is a static call from one function of the package to another.
type edge struct {
	call *ast.CallExpr
	to   *funcNode
}

func (n *funcNode) pos() token.Pos {
	if n.decl != nil {
		return n.decl.Pos()
	}
	return n.lit.Pos()
}

// graph is the functions of a package, in file and source order, with
// what their directives and the configuration say of them.
type graph struct {
	nodes  []*funcNode
	byFunc map[*types.Func]*funcNode
	byLit  map[*ast.FuncLit]*funcNode

	adapters map[*types.TypeName]*Adapter // the package's adapter types (adapters.go)
	wrappers map[*types.Func]*Wrapper     // the package's wrappers (adapters.go)
	wrapped  map[*types.Var]bool          // their parameters the handlers they return call
	// wrapperOf finds a function's Wrapper, the package's or its fact, once
	// applyWrappers has begun; nil before.
	wrapperOf func(*types.Func) *Wrapper
}

// buildGraph makes a node of every function declaration and literal of
// the package and reads the directives on declarations. Declarations that
// are both blocking and nonblocking are reported.
func buildGraph(pass *analysis.Pass, s *config.Settings, prof *profiles.Index, dirs *directives.Index, used directives.Used) (*graph, []analysis.Diagnostic) {
	g := &graph{byFunc: map[*types.Func]*funcNode{}, byLit: map[*ast.FuncLit]*funcNode{}}
	var diags []analysis.Diagnostic
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			owner := pass.Pkg.Name() + ".init" // literals in package-level variables
			fd, inFunc := d.(*ast.FuncDecl)
			var outer *funcNode
			if inFunc {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					inTest := strings.HasSuffix(pass.Fset.Position(fd.Pos()).Filename, "_test.go")
					n, diag := declNode(fd, obj, s, dirs, used, inTest)
					if diag != nil {
						diags = append(diags, *diag)
					}
					if n != nil {
						g.add(n)
						outer = n
					}
					owner = pass.Pkg.Name() + "." + names.Short(obj)
				}
			}
			g.addLiterals(d, owner, inFunc, outer)
		}
	}
	g.applyPresets(pass, s)
	g.applyAdapters(pass, s)
	g.applyWrappers(pass, s)
	g.applyProfile(pass, prof)
	g.sort(pass.Fset)
	return g, diags
}

func (g *graph) add(n *funcNode) {
	g.nodes = append(g.nodes, n)
	if n.obj != nil {
		g.byFunc[n.obj] = n
	} else {
		g.byLit[n.lit] = n
	}
}

// addLiterals makes a node of each function literal of declaration d,
// named after owner and numbered in source order as the compiler does.
func (g *graph) addLiterals(d ast.Decl, owner string, inFunc bool, outer *funcNode) {
	count := 0
	var top *ast.FuncLit // the outermost literal seen last, outside functions
	ast.Inspect(d, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		count++
		outermost := !inFunc && (top == nil || lit.Pos() >= top.End())
		if outermost {
			top = lit
		}
		name := fmt.Sprintf("%s.func%d", owner, count)
		g.add(&funcNode{lit: lit, body: lit.Body, name: name, short: name, pkgLevel: outermost, outer: outer})
		return true
	})
}

// declNode makes the node of a function declaration, or returns nil for a
// body-less declaration with nothing declared of it. -funcs makes test
// code hot only with -include-tests: a TestX_ServeHTTP is not a handler.
func declNode(fd *ast.FuncDecl, obj *types.Func, s *config.Settings, dirs *directives.Index, used directives.Used, inTest bool) (*funcNode, *analysis.Diagnostic) {
	n := &funcNode{decl: fd, obj: obj, body: fd.Body, name: names.Display(obj), short: names.Short(obj)}
	for _, d := range dirs.ForFunc(fd) {
		used.Add(d)
		switch d.Kind {
		case directives.Hot:
			n.hot = true
		case directives.NonBlocking:
			n.nonblocking = true
		case directives.Blocking:
			n.declared = d.Cat
		}
	}
	if s.NonBlocking[names.UserKey(obj)] {
		n.nonblocking = true
	}
	var diag *analysis.Diagnostic
	if n.nonblocking && n.declared != catalogue.None {
		diag = &analysis.Diagnostic{Pos: fd.Name.Pos(), Category: rules.Directive,
			Message: fmt.Sprintf("%s is declared both //iohotpath:blocking and //iohotpath:nonblocking; keep one", n.short)}
		n.declared, n.nonblocking = catalogue.None, false
	}
	if !n.hot && len(s.Funcs) > 0 && (!inTest || s.IncludeTests) {
		full, short := names.Hot(obj)
		for _, re := range s.Funcs {
			if re.MatchString(full) || re.MatchString(short) {
				n.hot = true
				break
			}
		}
	}
	if fd.Body == nil && n.declared == catalogue.None && !n.nonblocking {
		return nil, diag // assembly or linkname: nothing to analyse
	}
	return n, diag
}

// sort orders the nodes by file name and position, independent of the
// order the driver lists files in.
func (g *graph) sort(fset *token.FileSet) {
	sort.SliceStable(g.nodes, func(i, j int) bool {
		pi := fset.PositionFor(g.nodes[i].pos(), false)
		pj := fset.PositionFor(g.nodes[j].pos(), false)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
}

// anyHot reports whether the package has a hot function.
func (g *graph) anyHot() bool {
	for _, n := range g.nodes {
		if n.hot {
			return true
		}
	}
	return false
}
