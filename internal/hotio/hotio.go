// Package hotio is the hot-io rule: blocking I/O in hot functions and hot
// loops, found directly or through the functions a hot call reaches, in
// this package (a fixpoint over its call graph) or another (facts).
//
// Run reads as the algorithm: build the graph of the package's functions,
// resolve and match every call once, compute which functions block, export
// that as facts, then walk the hot regions and report.
package hotio

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/profiles"
)

// Result is what the rule found in a package.
type Result struct {
	Diags     []analysis.Diagnostic // findings, before //iohotpath:ignore applies
	Directive []analysis.Diagnostic // misused declarations, which no ignore suppresses
	Used      directives.Used       // directives that applied to something
	Dynamic   []Dynamic             // hot calls with no static target, for -program
	Literals  map[*ast.FuncLit]Impl // the function literals that block, for -program: they carry no fact

	known *unit // the matched calls and decided functions, for Blocks; nil when not computed
}

// Run analyses the package of pass. std says it is part of the standard
// library, which the catalogue describes: it exports no facts and needs
// the call graph only for hot code (io-under-lock, which asks
// Result.Blocks, skips it).
//
// prof is the run's profiles, nil for none: a CPU profile makes the
// functions that run per unit of work hot (profile.go).
func Run(pass *analysis.Pass, s *config.Settings, prof *profiles.Index, dirs *directives.Index, std bool) Result {
	res := Result{Used: directives.Used{}}
	if std && len(s.Funcs) == 0 && len(s.Presets) == 0 && !dirs.HasMarkers() {
		return res // nothing can be hot: -funcs, -hot and markers are how
	}
	g, diags := buildGraph(pass, s, prof, dirs, res.Used)
	res.Directive = diags
	if std && !g.anyHot() && !dirs.HasMarkers() {
		return res
	}
	u := computeFacts(pass, s, dirs, g, res.Used)
	if !std {
		exportFacts(pass, g, u.failer)
	}
	res.known = u
	u.prof = prof
	if !std || g.anyHot() || dirs.HasMarkers() {
		rp := &reporter{unit: u}
		res.Diags = rp.reportHot()
		res.Dynamic = rp.dynamic
	}
	if len(res.Dynamic) > 0 || !std {
		res.Literals = literals(g)
	}
	return res
}

// Facts computes and exports the facts of the package of pass, as Run
// does, and reports nothing: for packages analysed only for what their
// importers need. Not for the standard library, which exports none.
func Facts(pass *analysis.Pass, s *config.Settings, dirs *directives.Index) {
	used := directives.Used{}
	g, _ := buildGraph(pass, s, nil, dirs, used) // which code is hot is no fact
	u := computeFacts(pass, s, dirs, g, used)
	exportFacts(pass, g, u.failer)
}

// computeFacts matches the calls of the package's graph g against the
// catalogue and the imported facts and computes what each function
// blocks on; the unit it returns answers the report phase.
func computeFacts(pass *analysis.Pass, s *config.Settings, dirs *directives.Index, g *graph, used directives.Used) *unit {
	r := newResolver(pass)
	r.bound = func(fn *types.Func) bool {
		if n := g.byFunc[fn]; n != nil {
			return n.debugBound
		}
		f := importFact(pass, fn)
		return f != nil && f.DebugBound
	}
	computeDebugBound(pass.TypesInfo, r, g)
	u := &unit{pass: pass, s: s, dirs: dirs, g: g, calls: matchCalls(pass, s, r, g), r: r, used: used, chain: new(chainPositions),
		dyn: map[*ast.CallExpr]bool{}}
	u.computeFails()
	u.computeAnswers()
	u.computeAlarmBound()
	u.computeAlarms()
	(&facter{unit: u}).computeFacts()
	u.handOff()
	return u
}

// FactTypes is what an analyzer running this rule declares as its facts.
func FactTypes() []analysis.Fact {
	if !factsEnabled {
		return nil
	}
	return []analysis.Fact{new(Fact), new(Adapter), new(Wrapper)}
}
