package hotio

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/profiles"
)

// unit is what the phases after buildGraph and matchCalls are handed: the
// package, its settings and directives, its functions and calls, and the
// set of directives they use.
type unit struct {
	pass  *analysis.Pass
	s     *config.Settings
	dirs  *directives.Index
	g     *graph
	calls map[*ast.CallExpr]*callInfo
	r     *resolver
	used  directives.Used
	prof  *profiles.Index // the run's profiles; nil for none or when only facts are computed

	failer   *failer   // which functions always fail (fails.go), decided before the facts
	answerer *answerer // which functions answer with an error status (answers.go)

	path  map[*ast.CallExpr]bool // calls on the normal path that may block, built by onPath
	dyn   map[*ast.CallExpr]bool // calls on the normal path whose target the program decides (dynamicTarget)
	chain *chainPositions        // for the chains of Blocks and hot findings
	maybe map[*funcNode]bool     // functions that may block, path aside, built by mayBlockFn
}

// facter computes which functions of the package perform blocking I/O.
type facter struct {
	*unit
	branches map[*funcNode]map[*ast.CallExpr]bool // onBranch, per function asked about
}

// computeFacts decides which functions of the package perform blocking I/O:
// first the ones with a blocking call of their own, then, round by round,
// their callers. Each round sees only the previous rounds, so a function's
// witness is a shortest chain (ties go to the first call in the source),
// whatever the order of declarations and files; recursion ends because a
// function is decided once. The same rounds then find the witnesses of
// unbounded I/O that a function does whenever it runs (through calls that
// are not on a branch), and every function gets the categories of its
// callees.
func (fc *facter) computeFacts() {
	slow := false
	for _, n := range fc.g.nodes {
		fc.scanNode(n)
		slow = slow || n.slow != nil
	}
	fc.decide(func(n *funcNode) (**Fact, *int) { return &n.fact, &n.round }, nil)
	if slow {
		fc.decide(func(n *funcNode) (**Fact, *int) { return &n.slow, &n.slowRound },
			func(n *funcNode, e edge) bool { return !fc.onBranch(n, e.call) })
	}
	fc.decide(func(n *funcNode) (**Fact, *int) { return &n.local, &n.localRound }, nil)
	fc.closeCats()
}

// decide extends the witnesses that slot holds from callees to callers,
// round by round, until no function is left to decide; follow, if not nil,
// says which edges count.
func (fc *facter) decide(slot func(*funcNode) (**Fact, *int), follow func(*funcNode, edge) bool) {
	for round := 1; ; round++ {
		var decided []*funcNode
		var facts []*Fact
		for _, n := range fc.g.nodes {
			if f, _ := slot(n); *f != nil || n.nonblocking {
				continue
			}
			for _, e := range n.edges {
				if to, r := slot(e.to); *to != nil && *r < round && (follow == nil || follow(n, e)) {
					facts = append(facts, &Fact{Cat: (*to).Cat, Declared: (*to).Declared,
						Chain: extend(hop(fc.pass, e.call, e.to.name), (*to).Chain)})
					decided = append(decided, n)
					break
				}
			}
		}
		if len(decided) == 0 {
			return
		}
		for i, n := range decided {
			f, r := slot(n)
			*f, *r = facts[i], round
		}
	}
}

// closeCats gives every function the categories of the functions it
// calls, sweeping until nothing changes (callees usually come later in the
// source, so the sweep runs backwards).
func (fc *facter) closeCats() {
	for changed := true; changed; {
		changed = false
		for i := len(fc.g.nodes) - 1; i >= 0; i-- {
			n := fc.g.nodes[i]
			for _, e := range n.edges {
				if c := n.cats | e.to.cats; c != n.cats {
					n.cats, changed = c, true
				}
			}
		}
	}
}

// scanNode finds the first blocking call of n's own body and its calls to
// other functions of the package.
func (fc *facter) scanNode(n *funcNode) {
	if n.nonblocking {
		return
	}
	if n.declared != catalogue.None {
		n.fact = &Fact{Cat: n.declared, Declared: true}
		n.cats = catalogue.SetOf(n.declared)
		if n.declared.Unbounded() {
			n.slow = n.fact
		}
		if isLocal(n.declared) {
			n.local = n.fact
		}
	}
	if n.body == nil {
		return
	}
	w := &walker{unit: fc.unit, info: fc.pass.TypesInfo,
		onCall: func(call *ast.CallExpr, ctx walkCtx) {
			t := fc.calls[call]
			switch {
			case t.lit != nil:
				if ln := fc.g.byLit[t.lit]; ln != nil {
					n.edges = append(n.edges, edge{call, ln})
				}
			case t.fn != nil:
				// Every blocking call is checked, not only the first, so that an
				// ignore on any of them counts as used whatever the order.
				if f := fc.blockingCall(call, t); f != nil {
					ig := fc.dirs.IgnoreAt(call.Pos())
					if ig != nil {
						fc.used.Add(ig)
					} else {
						if n.fact == nil {
							n.fact = f
						}
						if n.slow == nil && !fc.onBranch(n, call) {
							n.slow = f.slowWitness()
						}
						if n.local == nil {
							n.local = f.localWitness()
						}
						n.cats |= f.Cats
						n.blocked = append(n.blocked, call)
					}
				} else if tn := fc.g.byFunc[t.fn]; tn != nil && !tn.nonblocking {
					n.edges = append(n.edges, edge{call, tn})
				} else if fc.dynamicTarget(call, t) {
					fc.dyn[call] = true
					n.unknown = append(n.unknown, call)
				} else if !t.trusted && t.debug == nil && t.fn.Pkg() != fc.pass.Pkg {
					n.unknown = append(n.unknown, call) // another package's, which carries no blocking fact
				}
			default:
				if fc.dynamicTarget(call, t) {
					fc.dyn[call] = true
					n.unknown = append(n.unknown, call)
				}
			}
		}}
	w.body(n.body.List, walkCtx{})
}

// blockingCall returns the fact a call to ci.fn (not a function of this
// package) gives its caller: a one-hop chain for a catalogue call, or the
// callee's chain for a function of another package that carries a fact.
func (fc *facter) blockingCall(call *ast.CallExpr, ci *callInfo) *Fact {
	if ci.blocking {
		f := &Fact{Cat: ci.m.cat, Cats: catalogue.SetOf(ci.m.cat), Chain: []Hop{hop(fc.pass, call, ci.m.name)}}
		if ci.m.unbounded() {
			f.Unbounded = ci.m.cat
		}
		return f
	} else if ci.trusted || ci.debug != nil {
		return nil
	}
	if f := importedBlocking(fc.pass, fc.s, ci.fn); f != nil {
		return via(hop(fc.pass, call, names.Display(ci.fn)), f, false, fc.s.Disabled)
	}
	return nil
}

// onBranch reports whether call, in n's own body, runs only on some branch:
// in the body of an if or an else, or of a case of a switch or a select.
// Its conditions, loops and the statements after an early return do not
// count: a helper that fsyncs after `if err != nil { return err }` fsyncs
// whenever it runs, one that fsyncs `if w.syncAlways` does not. Nor does
// a test that a file or writer exists, for the calls on it: `if f != nil
// { f.Sync() }` syncs whenever there is a file to sync (klog's flushAll,
// over the files of each severity).
func (fc *facter) onBranch(n *funcNode, call *ast.CallExpr) bool {
	if fc.branches == nil {
		fc.branches = map[*funcNode]map[*ast.CallExpr]bool{}
	}
	calls, ok := fc.branches[n]
	if !ok {
		calls = map[*ast.CallExpr]bool{}
		fc.branches[n] = calls
		var visit func(root ast.Node, branch bool, present *types.Var)
		visit = func(root ast.Node, branch bool, present *types.Var) {
			if root == nil {
				return
			}
			ast.Inspect(root, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.FuncLit:
					return false // a function of its own
				case *ast.IfStmt:
					visit(x.Init, branch, present)
					visit(x.Cond, branch, present)
					var v *types.Var
					if x.Else == nil {
						v = fc.handleTested(x.Cond)
					}
					visit(x.Body, true, v)
					if x.Else != nil {
						visit(x.Else, true, nil)
					}
					return false
				case *ast.CaseClause:
					for _, e := range x.List {
						visit(e, branch, present)
					}
					for _, st := range x.Body {
						visit(st, true, nil)
					}
					return false
				case *ast.CommClause:
					visit(x.Comm, true, nil)
					for _, st := range x.Body {
						visit(st, true, nil)
					}
					return false
				case *ast.CallExpr:
					if branch && (present == nil || !fc.callsOn(x, present)) {
						calls[x] = true
					}
				}
				return true
			})
		}
		visit(n.body, false, nil)
	}
	return calls[call]
}

// handleTested returns the variable cond tests to be a file or writer
// that exists (f != nil), or nil.
func (fc *facter) handleTested(cond ast.Expr) *types.Var {
	be, ok := astutil.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return nil
	}
	x, y := astutil.Unparen(be.X), astutil.Unparen(be.Y)
	if fc.isNil(x) {
		x, y = y, x
	}
	id, ok := x.(*ast.Ident)
	if !ok || !fc.isNil(y) {
		return nil
	}
	v, ok := fc.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !isWriter(v.Type()) {
		return nil
	}
	return v
}

func (fc *facter) isNil(e ast.Expr) bool { return isNil(fc.pass.TypesInfo, e) }

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// callsOn reports whether call is a method call on v: v.Sync().
func (fc *facter) callsOn(call *ast.CallExpr, v *types.Var) bool {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := astutil.Unparen(sel.X).(*ast.Ident)
	return ok && fc.pass.TypesInfo.Uses[id] == v
}

// isWriter reports whether t is a file or a writer: it has a Write or a
// Sync method.
func isWriter(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Pointer); !ok && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	return ms.Lookup(nil, "Write") != nil || ms.Lookup(nil, "Sync") != nil
}

// slowWitness returns the witness of the unbounded I/O f's function does
// whenever it runs, or nil.
func (f *Fact) slowWitness() *Fact {
	switch {
	case f.Unbounded == catalogue.None:
		return nil
	case f.UnboundedChain == nil: // the witness itself
		return &Fact{Cat: f.Unbounded, Declared: f.Declared, Chain: f.Chain}
	}
	return &Fact{Cat: f.Unbounded, Chain: f.UnboundedChain}
}

// isLocal reports whether cat is not what a handler hot by a preset exists
// for: not network, not database.
func isLocal(cat catalogue.Category) bool {
	return cat != catalogue.None && cat != catalogue.Network && cat != catalogue.Database
}

// localWitness returns the witness of the first call of a local category
// (isLocal) that f's function makes, or nil.
func (f *Fact) localWitness() *Fact {
	switch {
	case isLocal(f.Cat):
		return &Fact{Cat: f.Cat, Declared: f.Declared, Chain: f.Chain}
	case f.Local == catalogue.None:
		return nil
	case f.LocalChain == nil:
		return &Fact{Cat: f.Local, Chain: f.Chain}
	}
	return &Fact{Cat: f.Local, Chain: f.LocalChain}
}

// importFact returns the fact of a function of another package, or nil.
func importFact(pass *analysis.Pass, fn types.Object) *Fact {
	if !factsEnabled || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
		return nil
	}
	var f Fact
	if !pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f
}

// importedBlocking returns the blocking fact of a function of another
// package, unless its category is disabled here.
func importedBlocking(pass *analysis.Pass, s *config.Settings, fn *types.Func) *Fact {
	f := importFact(pass, fn)
	if !f.blocks() || s.Disabled[f.Cat] {
		return nil
	}
	return f
}

func hop(pass *analysis.Pass, call *ast.CallExpr, name string) Hop {
	return NewHop(pass.Fset, call.Pos(), name)
}

// exportFacts exports the facts of the package's declared functions. The
// standard library exports none: the catalogue describes it, so results do
// not depend on whether a driver analyses it.
func exportFacts(pass *analysis.Pass, g *graph, fa *failer) {
	if !factsEnabled {
		return
	}
	for _, v := range fa.sortedVars() {
		pass.ExportObjectFact(v, &Fact{Fails: fa.vars[v]})
	}
	exportInOrder(pass, g.adapters)
	exportInOrder(pass, g.wrappers)
	for _, n := range g.nodes {
		if n.obj == nil {
			continue
		}
		meaning := Fact{Fails: n.fails, Answer: n.answer, DebugBound: n.debugBound, Alarm: n.alarm, AlarmBound: n.alarmBound}
		switch {
		case n.nonblocking:
			meaning.NonBlocking = true
			pass.ExportObjectFact(n.obj, &meaning)
		case n.fact == nil && meaning.meaning():
			pass.ExportObjectFact(n.obj, &meaning)
		case n.fact != nil:
			pass.ExportObjectFact(n.obj, blockingFact(n))
		}
	}
}

// blockingFact is the fact of n, a function that blocks, as importers
// and the whole-program pass see it.
func blockingFact(n *funcNode) *Fact {
	f := *n.fact
	f.Hot, f.Cats = n.hot && n.share == 0, n.cats // hot by a profile is no fact: importers ask the profile (profileHot)
	f.Fails, f.Answer, f.DebugBound, f.Alarm, f.AlarmBound = n.fails, n.answer, n.debugBound, n.alarm, n.alarmBound
	f.Unbounded, f.UnboundedChain = catalogue.None, nil
	if n.slow != nil {
		f.Unbounded = n.slow.Cat
		if n.slow.Cat != f.Cat || !slices.Equal(n.slow.Chain, f.Chain) {
			f.UnboundedChain = n.slow.Chain
		}
	}
	f.Local, f.LocalChain = catalogue.None, nil
	if n.local != nil {
		f.Local = n.local.Cat
		if n.local.Cat != f.Cat || !slices.Equal(n.local.Chain, f.Chain) {
			f.LocalChain = n.local.Chain
		}
	}
	return &f
}

// literals is what the whole-program pass needs of the package's
// function literals that block (a hook wired into a field, a func value
// passed on), which have no object to carry a fact: by their syntax,
// named as chains name them.
func literals(g *graph) map[*ast.FuncLit]Impl {
	var out map[*ast.FuncLit]Impl
	for _, n := range g.nodes {
		if n.lit == nil || n.fact == nil {
			continue
		}
		if out == nil {
			out = map[*ast.FuncLit]Impl{}
		}
		out[n.lit] = Impl{Name: n.name, Pos: n.lit.Pos(), Fact: blockingFact(n)}
	}
	return out
}
