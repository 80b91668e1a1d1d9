package hotio

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/names"
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
}

// facter computes which functions of the package perform blocking I/O.
type facter struct{ unit }

// computeFacts decides which functions of the package perform blocking I/O:
// first the ones with a blocking call of their own, then, round by round,
// their callers. Each round sees only the previous rounds, so a function's
// witness is a shortest chain (ties go to the first call in the source),
// whatever the order of declarations and files; recursion ends because a
// function is decided once.
func (fc *facter) computeFacts() {
	for _, n := range fc.g.nodes {
		fc.scanNode(n)
	}
	for round := 1; ; round++ {
		var decided []*funcNode
		var facts []*Fact
		for _, n := range fc.g.nodes {
			if n.fact != nil || n.nonblocking {
				continue
			}
			for _, e := range n.edges {
				if e.to.fact != nil && e.to.round < round {
					facts = append(facts, &Fact{Cat: e.to.fact.Cat, Declared: e.to.fact.Declared,
						Chain: extend(hop(fc.pass, e.call, e.to.name), e.to.fact.Chain)})
					decided = append(decided, n)
					break
				}
			}
		}
		if len(decided) == 0 {
			return
		}
		for i, n := range decided {
			n.fact, n.round = facts[i], round
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
	}
	if n.body == nil {
		return
	}
	w := &walker{unit: &fc.unit, info: fc.pass.TypesInfo,
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
					} else if n.fact == nil {
						n.fact = f
					}
				} else if tn := fc.g.byFunc[t.fn]; tn != nil && !tn.nonblocking {
					n.edges = append(n.edges, edge{call, tn})
				}
			}
		}}
	w.stmts(n.body.List, walkCtx{})
}

// blockingCall returns the fact a call to ci.fn (not a function of this
// package) gives its caller: a one-hop chain for a catalogue call, or the
// callee's chain for a function of another package that carries a fact.
func (fc *facter) blockingCall(call *ast.CallExpr, ci *callInfo) *Fact {
	if ci.blocking {
		return &Fact{Cat: ci.m.cat, Chain: []Hop{hop(fc.pass, call, ci.m.name)}}
	} else if ci.trusted || ci.debug != nil {
		return nil
	}
	if f := importedBlocking(fc.pass, fc.s, ci.fn); f != nil {
		return &Fact{Cat: f.Cat, Declared: f.Declared, Chain: extend(hop(fc.pass, call, names.Display(ci.fn)), f.Chain)}
	}
	return nil
}

// importFact returns the fact of a function of another package, or nil.
func importFact(pass *analysis.Pass, fn *types.Func) *Fact {
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
	if f == nil || f.NonBlocking || s.Disabled[f.Cat] {
		return nil
	}
	return f
}

func hop(pass *analysis.Pass, call *ast.CallExpr, name string) Hop {
	p := pass.Fset.PositionFor(call.Pos(), false)
	return Hop{Name: name, File: p.Filename, Line: p.Line, Col: p.Column}
}

// exportFacts exports the facts of the package's declared functions. The
// standard library exports none: the catalogue describes it, so results do
// not depend on whether a driver analyses it.
func exportFacts(pass *analysis.Pass, g *graph) {
	if !factsEnabled {
		return
	}
	for _, n := range g.nodes {
		if n.obj == nil {
			continue
		}
		switch {
		case n.nonblocking:
			pass.ExportObjectFact(n.obj, &Fact{NonBlocking: true})
		case n.fact != nil:
			f := *n.fact
			f.Hot = n.hot
			pass.ExportObjectFact(n.obj, &f)
		}
	}
}
