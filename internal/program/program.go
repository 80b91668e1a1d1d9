// Package program is iohotpath's whole-program pass (-program): it
// resolves the calls of hot code that the per-package analysis cannot
// (through an interface, of a func value: the concrete function is wired
// in main or a constructor of another package) with a VTA call graph over
// the program's SSA, the engine govulncheck uses for the same question,
// and decides each resolved callee by the analyzer's own facts, or by the
// catalogue for the standard library. It adds no rule of its own: hotio
// says where the dynamic calls are (hotio.Dynamic) and words the finding
// (Dynamic.Report), as lockio does for the calls made under a lock
// (lockio.Dynamic); this package only says what each call reaches.
package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/hotio"
	"github.com/iohotpath/iohotpath/internal/names"
)

// Findings are the diagnostics of the pass, by the root package they are
// reported in.
type Findings map[*packages.Package][]analysis.Diagnostic

// Check resolves the dynamic calls of hot code and of code under a lock
// that the analyzer's run g recorded in its root packages, and returns a
// finding for each whose callees block. pkgs are the packages g analysed, loaded with their
// syntax and their dependencies' (packages.LoadAllSyntax). progress, when
// not nil, is told each step as it ends.
func Check(pkgs []*packages.Package, g *checker.Graph, w *analyzer.Whole, progress func(step string)) (_ Findings, err error) {
	calls := dynamicCalls(g)
	if len(calls) == 0 {
		return nil, nil // nothing to resolve: no SSA to build
	}
	prog := programOf(pkgs)
	if bad := illTyped(prog); bad != "" {
		return nil, fmt.Errorf("-program needs every package to type-check; %s does not", bad)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("-program: building the program's SSA or call graph failed: %v", r)
		}
	}()
	sp, _ := ssautil.AllPackages(prog, ssa.InstantiateGenerics)
	sp.Build()
	report(progress, "SSA built")
	funcs := ssautil.AllFunctions(sp)
	// A nil initial graph makes VTA build its CHA seed itself, the
	// cheaper way its documentation recommends over cha.CallGraph.
	cg := vta.CallGraph(funcs, nil)
	report(progress, fmt.Sprintf("call graph built: %d functions", len(cg.Nodes)))
	bodies := bodiesOf(w)
	r := &resolver{sites: callSites(funcs, calls, bodies), cg: cg, facts: factsOf(g), lits: w.Literals()}
	r.blocker = newBlocker(r, bodies, pkgs[0].Fset, w)
	out, sizes := Findings{}, []int{}
	for _, c := range calls {
		impls := r.siteImpls(c.dyn)
		if len(impls) > 0 {
			sizes = append(sizes, len(impls))
		}
		if d, ok := check(c.dyn, impls); ok {
			out[c.pkg] = append(out[c.pkg], d)
		}
	}
	report(progress, fmt.Sprintf("%d dynamic calls of hot code or under a lock, %d resolved (%s)", len(calls), len(sizes), sizesText(sizes)))
	return out, nil
}

// maxFanOut is the largest set of implementations a dynamic call is
// reported for when one of them blocks. Past it, VTA has conflated the
// call with most functions of its signature (every io.Closer a field
// may hold, every handler of a type), and one blocking member among them
// is no evidence: the call is reported only when most of them block. On
// caddy's HTTP handlers the resolved sets are 1 to 7 functions, or 520
// (every ResponseWriter's Header): docs/rules/hot-io.md.
const maxFanOut = 8

// sizesText describes the sizes of the resolved sets, for the progress
// line: how many had one implementation, 2 to maxFanOut, more.
func sizesText(sizes []int) string {
	one, few, many, most := 0, 0, 0, 0
	for _, n := range sizes {
		switch {
		case n == 1:
			one++
		case n <= maxFanOut:
			few++
		default:
			many++
		}
		most = max(most, n)
	}
	return fmt.Sprintf("%d to one function, %d to 2–%d, %d to more; largest %d", one, few, maxFanOut, many, most)
}

func report(progress func(string), step string) {
	if progress != nil {
		progress(step)
	}
}

// resolvable is a dynamic call a rule recorded, which it decides for each
// function the call reaches: hotio.Dynamic, lockio.Dynamic.
type resolvable interface {
	At() *ast.CallExpr
	Target() (*types.Func, *ast.FuncLit) // a static target the program decides; nil for a dynamic call
	Report(impl hotio.Impl, others int) (analysis.Diagnostic, bool)
}

// dynCall is a dynamic call and the root package it is in.
type dynCall struct {
	pkg *packages.Package
	dyn resolvable
}

// dynamicCalls collects the dynamic calls the analyzer recorded in the
// root packages of the program proper: a test variant is left out, since
// main does not wire it (its own files are analysed as the package).
func dynamicCalls(g *checker.Graph) []dynCall {
	var out []dynCall
	for _, act := range g.Roots {
		res, ok := act.Result.(*analyzer.Result)
		if act.Err != nil || !ok || res == nil || isTestPackage(act.Package) {
			continue
		}
		for _, d := range res.Dynamic {
			out = append(out, dynCall{act.Package, d})
		}
		for _, d := range res.Locked {
			out = append(out, dynCall{act.Package, d})
		}
	}
	return out
}

// isTestPackage reports whether p is compiled only for a test binary: a
// package with its _test.go files, an external test package, a test main.
func isTestPackage(p *packages.Package) bool {
	return strings.Contains(p.ID, " [") || strings.HasSuffix(p.ID, ".test")
}

// programOf is the program proper: pkgs without their test variants,
// whose dependencies are the packages a build of main links.
func programOf(pkgs []*packages.Package) []*packages.Package {
	return slices.DeleteFunc(slices.Clone(pkgs), isTestPackage)
}

// Linked returns the paths of the packages a main package of pkgs (not a
// test's) links, itself included: what the program runs in production.
func Linked(pkgs []*packages.Package) map[string]bool {
	var mains []*packages.Package
	for _, p := range programOf(pkgs) {
		if p.Name == "main" {
			mains = append(mains, p)
		}
	}
	out := map[string]bool{}
	packages.Visit(mains, nil, func(p *packages.Package) { out[p.PkgPath] = true })
	return out
}

// illTyped returns the path of a package of prog, or of a dependency,
// that did not load or type-check; SSA cannot be built for it.
func illTyped(prog []*packages.Package) string {
	bad := ""
	packages.Visit(prog, nil, func(p *packages.Package) {
		if bad == "" && (p.IllTyped || p.Types == nil) {
			bad = p.PkgPath
		}
	})
	return bad
}

// factsOf is every hot-io fact of the run, by the object it is on.
func factsOf(g *checker.Graph) map[types.Object]*hotio.Fact {
	facts := map[types.Object]*hotio.Fact{}
	for act := range g.All() {
		for _, f := range act.AllObjectFacts() {
			if hf, ok := f.Fact.(*hotio.Fact); ok {
				facts[f.Object] = hf
			}
		}
	}
	return facts
}

// callSites finds the SSA call instructions of calls: SSA records a call
// at its Lparen. A generic function has one instance per type argument
// list, so one call can be several instructions.
func callSites(funcs map[*ssa.Function]bool, calls []dynCall, bodies bodies) map[token.Pos][]ssa.CallInstruction {
	want := map[token.Pos]bool{}
	for _, c := range calls {
		want[c.dyn.At().Lparen] = true
	}
	for _, b := range bodies.list {
		for _, c := range b.Calls {
			if c.Func == nil && c.Lit == nil {
				want[c.Call.Lparen] = true
			}
		}
	}
	sites := map[token.Pos][]ssa.CallInstruction{}
	for fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if ci, ok := instr.(ssa.CallInstruction); ok && want[ci.Common().Pos()] {
					sites[ci.Common().Pos()] = append(sites[ci.Common().Pos()], ci)
				}
			}
		}
	}
	return sites
}

// resolver answers what a dynamic call reaches.
type resolver struct {
	sites   map[token.Pos][]ssa.CallInstruction
	cg      *callgraph.Graph
	facts   map[types.Object]*hotio.Fact
	lits    map[*ast.FuncLit]hotio.Impl
	blocker *blocker // what blocks through the dynamic calls it makes (blocker.go)
}

// siteImpls returns the functions d's call reaches: its static target,
// when it has one that blocks only through what the program wires there,
// or what the call graph resolves it to; each decided over the whole
// program (blocker).
func (r *resolver) siteImpls(d resolvable) []hotio.Impl {
	if fn, lit := d.Target(); fn != nil || lit != nil {
		impl, ok := r.blocker.target(fn, lit)
		if !ok {
			return nil
		}
		return []hotio.Impl{impl}
	}
	impls := r.impls(d.At().Lparen)
	for i := range impls {
		r.blocker.decide(&impls[i])
	}
	return impls
}

// check returns the finding for d when one of impls, the functions it
// reaches, blocks: the first by name that does, with the others counted.
// Past maxFanOut implementations, most of them must block.
func check(d resolvable, impls []hotio.Impl) (analysis.Diagnostic, bool) {
	var first analysis.Diagnostic
	blocking := 0
	for _, impl := range impls {
		if diag, ok := d.Report(impl, len(impls)-1); ok {
			if blocking == 0 {
				first = diag
			}
			blocking++
			if len(impls) <= maxFanOut {
				break
			}
		}
	}
	if blocking == 0 || len(impls) > maxFanOut && 2*blocking <= len(impls) {
		return analysis.Diagnostic{}, false // a conflated call: one blocking member among many is no evidence
	}
	return first, true
}

// impls returns the functions d's call reaches in the call graph, each
// once, by name: wrappers resolved to the method they wrap, functions of
// _test.go files left out (a test's fake is not what the program wires).
func (r *resolver) impls(lparen token.Pos) []hotio.Impl {
	seen, seenLit := map[*types.Func]bool{}, map[*ast.FuncLit]bool{}
	var out []hotio.Impl
	for _, site := range r.sites[lparen] {
		node := r.cg.Nodes[site.Parent()]
		if node == nil {
			continue
		}
		for _, e := range node.Out {
			if e.Site != site {
				continue
			}
			if lit, ok := e.Callee.Func.Syntax().(*ast.FuncLit); ok && e.Callee.Func.Object() == nil {
				if !seenLit[lit] && !isTestFile(site.Parent().Prog.Fset, lit.Pos()) {
					seenLit[lit] = true
					out = append(out, r.literal(e.Callee.Func, lit))
				}
				continue
			}
			fn := funcOf(e.Callee.Func)
			if fn == nil || seen[fn] || isTestFile(site.Parent().Prog.Fset, fn.Pos()) {
				continue
			}
			seen[fn] = true
			out = append(out, r.impl(fn))
		}
	}
	slices.SortFunc(out, func(a, b hotio.Impl) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// funcOf is the declared function of an SSA function: a wrapper's (a
// promoted or pointer method, a bound method value, a thunk) is the method
// it wraps; an instance's is its generic origin. nil for a function
// literal, which has no object to carry a fact (literal decides it).
func funcOf(fn *ssa.Function) *types.Func {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	return obj.Origin()
}

// literal is what the rule knows of a function literal: the fact of its
// body, computed as any function's, or nothing when it does not block
// (or its package was not analysed).
func (r *resolver) literal(fn *ssa.Function, lit *ast.FuncLit) hotio.Impl {
	if impl, ok := r.lits[lit]; ok {
		impl.Lit = lit
		return impl
	}
	name := fn.String()
	if body := r.blocker.bodies.lits[lit]; body != nil {
		name = body.Name // as the rule names literals: main.main.func2
	}
	return hotio.Impl{Name: name, Pos: lit.Pos(), Lit: lit}
}

// impl is what the rule knows of fn: its fact, or its catalogue entry
// (the standard library, which exports no facts).
func (r *resolver) impl(fn *types.Func) hotio.Impl {
	impl := hotio.Impl{Name: names.Display(fn), Full: fn.FullName(), Key: names.UserKey(fn), Pos: fn.Pos(), Fact: r.facts[fn], Func: fn}
	if impl.Fact == nil {
		impl.Entry, _ = catalogue.LookupFunc(fn)
	}
	return impl
}

func isTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.PositionFor(pos, false).Filename, "_test.go")
}
