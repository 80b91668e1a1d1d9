package hotio

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// region is hot code: the body of a hot function or a hot loop.
type region struct {
	root   ast.Node
	fn     string // hot function, or the function holding the hot loop
	loop   bool
	method *types.Func         // the hot function, when it is a method
	sig    *types.Signature    // a hot literal's signature: a handler literal
	served map[*types.Var]bool // its parameters that are the connection it serves (served.go)
	drains bool                // a hot loop that takes its items from a channel: a background writer
	preset string              // hot only by a preset (presets.go): "HTTP handler", "gRPC method"
	share  float64             // hot by a CPU profile alone: the function's share of the samples (profile.go)
}

// where says, in a message, how often a call at ctx in r runs.
func (r region) where(ctx walkCtx) string {
	if r.share > 0 {
		return r.often(ctx) + fmt.Sprintf(" (hot by profile: %.1f %% of CPU samples)", 100*r.share)
	}
	return r.often(ctx)
}

func (r region) often(ctx walkCtx) string {
	switch {
	case r.loop && ctx.loops > 0:
		return "in a nested loop on every iteration of hot loop in " + r.fn
	case r.loop:
		return "on every iteration of hot loop in " + r.fn
	case ctx.loops > 0:
		return "in a loop on every call of " + r.kind() + r.fn
	}
	return "on every call of " + r.kind() + r.fn
}

// kind says what made the function of r hot, in messages: nothing for a
// profile, which where says after the name.
func (r region) kind() string {
	switch {
	case r.preset != "":
		return r.preset + " "
	case r.share > 0:
		return ""
	}
	return "hot function "
}

// answers reports whether a call of categories cats at ctx is what a
// function hot only by a preset exists for: one network or database call
// per request, outside its loops.
func (r region) answers(cats catalogue.Set, ctx walkCtx) bool {
	return r.preset != "" && ctx.loops == 0 && cats != 0 &&
		cats&^catalogue.SetOf(catalogue.Network, catalogue.Database) == 0
}

// reporter reports the blocking calls of hot regions.
type reporter struct {
	*unit
	diags   []analysis.Diagnostic
	dynamic []Dynamic // calls whose target the whole program decides (dynamic.go)
}

// reportHot walks every hot function and every hot loop outside them.
func (rp *reporter) reportHot() []analysis.Diagnostic {
	for _, n := range rp.g.nodes {
		if n.decl == nil || n.body == nil || rp.unprofiled(n) {
			continue
		}
		if len(n.loops) > 0 {
			rp.walkProfiledLoops(n, n.short)
			continue
		}
		if n.hot {
			r := region{root: n.body, fn: n.short, served: rp.servedVars(n.decl), preset: n.preset, share: n.share}
			if m, ok := rp.pass.TypesInfo.Defs[n.decl.Name].(*types.Func); ok && n.decl.Recv != nil {
				r.method = m
			}
			rp.walker(r).body(n.body.List, walkCtx{})
			continue
		}
		rp.findHotLoops(n.decl.Body, n.short)
	}
	// Hot loops in function literals outside any declaration (package-level
	// variables), and literals hot by a preset (handlers).
	for _, n := range rp.g.nodes {
		if n.lit == nil || rp.unprofiled(n) {
			continue
		}
		if len(n.loops) > 0 {
			rp.walkProfiledLoops(n, n.name)
			continue
		}
		if n.preset != "" || n.share > 0 {
			sig, _ := rp.pass.TypesInfo.TypeOf(n.lit).(*types.Signature)
			rp.walker(region{root: n.body, fn: n.name, preset: n.preset, share: n.share, sig: sig}).body(n.body.List, walkCtx{})
			continue
		}
		if n.pkgLevel {
			rp.findHotLoops(n.lit.Body, n.name)
		}
	}
	return rp.diags
}

// unprofiled reports whether -profile-only leaves n out: no CPU profile
// has samples of it.
func (rp *reporter) unprofiled(n *funcNode) bool {
	return rp.s.ProfileOnly && !n.profiled
}

// findHotLoops walks the hot loops below root, a body of fn.
func (rp *reporter) findHotLoops(root ast.Node, fn string) {
	ast.Inspect(root, func(n ast.Node) bool {
		var label string
		loop := n
		if ls, ok := n.(*ast.LabeledStmt); ok {
			label, loop = ls.Label.Name, ls.Stmt
		}
		var body *ast.BlockStmt
		var cond, post ast.Node
		switch l := loop.(type) {
		case *ast.ForStmt:
			body = l.Body
			if l.Cond != nil {
				cond = l.Cond
			}
			if l.Post != nil {
				post = l.Post
			}
		case *ast.RangeStmt:
			body = l.Body
		default:
			return true
		}
		markers := rp.dirs.LoopMarkers(n.Pos())
		if n != loop && len(markers) == 0 {
			markers = rp.dirs.LoopMarkers(loop.Pos())
		}
		if len(markers) == 0 {
			return true
		}
		rp.used.Add(markers...)
		rp.walkLoop(region{root: loop, fn: fn, loop: true, drains: rp.drains(loop)}, label, cond, post, body)
		return false
	})
}

// walkLoop reports the blocking calls of hot loop r: its condition, post
// statement and body.
func (rp *reporter) walkLoop(r region, label string, cond, post ast.Node, body *ast.BlockStmt) {
	w := rp.walker(r)
	ctx := walkCtx{loopRegion: true, hotLabel: label}
	w.expr(cond, ctx)
	w.expr(post, ctx)
	w.stmts(body.List, ctx)
}

// walker returns a walker reporting the blocking calls of r.
func (rp *reporter) walker(r region) *walker {
	return &walker{unit: rp.unit, info: rp.pass.TypesInfo, descendLits: true, showOff: rp.s.ShowOffPath,
		onCall: func(call *ast.CallExpr, ctx walkCtx) { rp.checkCall(r, call, ctx) }}
}

// checkCall reports call, in hot region r, if it blocks or reaches
// blocking I/O through functions that do.
func (rp *reporter) checkCall(r region, call *ast.CallExpr, ctx walkCtx) {
	t := rp.calls[call]
	rp.noteDynamic(r, call, ctx, t)
	if t.lit != nil {
		if r.root.Pos() <= t.lit.Pos() && t.lit.End() <= r.root.End() {
			return // the literal is part of the region: its calls are reported there
		}
		if ln := rp.g.byLit[t.lit]; ln != nil && !ln.hot { // a hot literal's own findings stand alone
			if ln.fact != nil {
				rp.reportTransitive(r, call, ctx, ln.name, ln.fact, ln.cats, ln.local)
			} else if !ln.nonblocking {
				rp.noteStatic(r, call, ctx, nil, t.lit)
			}
		}
		return
	}
	if t.fn == nil || t.trusted {
		return
	}
	if r.delegates(t.fn, ctx) {
		ctx.offBy = cmp.Or(ctx.offBy, ruleDelegation)
		if !rp.showOff(ctx) {
			return
		}
	}
	if t.debug != nil {
		rp.reportDebug(r, call, ctx, t)
		return
	}
	if rp.onServed(call, t, r.served) {
		ctx.offBy = cmp.Or(ctx.offBy, ruleServed) // answering the connection it serves
		if !rp.showOff(ctx) {
			return
		}
	}
	if t.blocking && r.answers(catalogue.SetOf(t.m.cat), ctx) {
		ctx.offBy = cmp.Or(ctx.offBy, ruleHandlerJob) // a handler's one query or upstream call
		if !rp.showOff(ctx) {
			return
		}
	}
	if t.blocking {
		m := t.m
		rp.add(ctx, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.HotIO, URL: rules.IOURL(m.cat.String()),
			Message: fmt.Sprintf("%s %s %s; %s", m.name, m.does, r.where(ctx), r.fix(m.cat, t.fn.FullName(), m.does))})
		return
	}
	if tn := rp.g.byFunc[t.fn]; tn != nil {
		switch {
		case tn.hot || len(r.served) > 0 && rp.servesOnly(t.fn, call.Args, r.served, map[*types.Func]bool{}):
		case tn.fact != nil:
			rp.reportTransitive(r, call, ctx, tn.name, tn.fact, tn.cats, tn.local)
		case !tn.nonblocking:
			rp.noteStatic(r, call, ctx, t.fn, nil)
		}
		return
	}
	f := importedBlocking(rp.pass, rp.s, t.fn)
	switch {
	case f != nil && (!f.Hot && !rp.profileHot(t.fn) || !rp.sameModule(t.fn.Pkg())):
		rp.reportTransitive(r, call, ctx, names.Display(t.fn), f, f.Cats, f.localWitness())
	case f == nil && !isAbstract(t.fn) && !isStdPackage(t.fn.Pkg()):
		rp.noteStatic(r, call, ctx, t.fn, nil)
	}
}

// sameModule reports whether pkg belongs to the module being analysed. A
// hot function of another module is reported in its own body, which a
// run on this module does not show: the call to it is reported here, so
// that a wider -funcs does not lose the finding. In this module the
// callee's own findings are shown, and the call is not reported twice.
func (rp *reporter) sameModule(pkg *types.Package) bool {
	m := rp.pass.Module
	if m == nil || m.Path == "" || pkg == nil {
		return false
	}
	return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
}

// showOff reports whether a call that an off-path rule leaves out at ctx
// is to be shown (-show-offpath).
func (rp *reporter) showOff(ctx walkCtx) bool {
	return ctx.offBy != "" && rp.s.ShowOffPath
}

// add records d, found at ctx: a finding, or, when an off-path rule left
// the call out (-show-offpath), a note naming the rule.
func (rp *reporter) add(ctx walkCtx, d analysis.Diagnostic) {
	if ctx.offBy != "" {
		if !rp.s.ShowOffPath {
			return
		}
		d.Category = rules.OffPath
		d.Message = "left out by " + ctx.offBy + ": " + d.Message
		d.SuggestedFixes = nil
	}
	rp.diags = append(rp.diags, d)
}

// delegates reports whether calling fn at ctx is the hot method handing
// its work on to the method it implements, on another value: a
// RoundTripper's RoundTrip calling the wrapped transport's RoundTrip, a
// ServeTCP calling the next handler's ServeTCP. That call is the work the
// caller asked for, not I/O the method adds; the cost is counted where the
// wrapped method itself is hot. Only a direct call outside loops counts.
// A hot literal (a middleware's `http.HandlerFunc(func(w, req) { …;
// next.ServeHTTP(w, req) })`) delegates to a method of its own signature.
func (r region) delegates(fn *types.Func, ctx walkCtx) bool {
	if r.loop || ctx.loops > 0 || r.method == nil && r.sig == nil {
		return false
	}
	if r.method != nil && (fn.Name() != r.method.Name() || fn == r.method) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	own := r.sig
	if r.method != nil {
		own = r.method.Type().(*types.Signature)
	}
	return types.Identical(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()),
		types.NewSignatureType(nil, nil, nil, own.Params(), own.Results(), own.Variadic()))
}

// reportDebug reports an unguarded debug-level logging call that builds
// its arguments on every call although debug logging is off: not I/O, but
// work that a level check would skip.
func (rp *reporter) reportDebug(r region, call *ast.CallExpr, ctx walkCtx, t *callInfo) {
	d := t.debug
	if rp.s.Disabled[catalogue.Log] {
		return
	}
	if r.preset != "" && !d.quiet && d.built > 0 && ctx.offBy == "" {
		// A handler's cost is its I/O: a debug line's arguments are
		// nothing beside a request's round trips. Only code marked hot
		// (per transaction, per message) is told to guard them.
		ctx.offBy = ruleDebugLevel
	}
	if d.quiet || d.built == 0 {
		if e, ok := catalogue.Lookup(t.fn.FullName()); !ok || e.Cat != catalogue.Log {
			return // a field of the event, not the call that would write it
		}
		if ctx.offBy == "" {
			ctx.offBy = ruleDebugLevel
		}
		rp.add(ctx, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.HotIO, URL: rules.IOURL(catalogue.Log.String()),
			Message: fmt.Sprintf("%s logs at debug level %s", names.Display(t.fn), r.where(ctx))})
		return
	}
	what := fmt.Sprintf("evaluates %d arguments", d.built)
	if d.fields {
		what = fmt.Sprintf("builds %d fields", d.built)
	}
	if d.built == 1 {
		what = strings.TrimSuffix(what, "s")
	}
	rp.add(ctx, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.HotIO, URL: rules.IOURL(catalogue.Log.String()),
		Message: fmt.Sprintf("%s %s %s even when debug logging is off; guard it with %s", names.Display(t.fn), what, r.where(ctx), d.guard)})
}

// reportTransitive reports a call to a function that performs blocking
// I/O, with the witness chain as related information. cats are every
// category the callee reaches; local witnesses its first call of a
// category a preset does not excuse, if any: in a handler hot only by a
// preset, that is what the message names.
func (rp *reporter) reportTransitive(r region, call *ast.CallExpr, ctx walkCtx, callee string, f *Fact, cats catalogue.Set, local *Fact) {
	switch {
	case r.answers(cats.With(f.Cat), ctx):
		ctx.offBy = cmp.Or(ctx.offBy, ruleHandlerJob) // a helper making the handler's one query or upstream call
	case r.preset != "" && ctx.loops == 0 && !isLocal(f.Cat) && local != nil && !rp.s.Disabled[local.Cat]:
		f = &Fact{Cat: local.Cat, Declared: local.Declared, Chain: local.Chain} // the query is its job; this is not
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.HotIO, URL: rules.IOURL(f.Cat.String()),
		Message: fmt.Sprintf("%s performs blocking %s I/O (%s) %s; %s", callee, f.Cat, witnessText(f), r.where(ctx), r.fix(f.Cat, "", ""))}
	d.Related = rp.related(call, callee, f.Chain)
	rp.add(ctx, d)
}

// fix is the advice for a blocking call of category cat in r: in a loop
// that drains a channel, handing the work to a background writer is no
// advice, since the loop is that writer; batching is.
func (r region) fix(cat catalogue.Category, full, does string) string {
	if !r.drains {
		return fixFor(cat, full, does)
	}
	switch cat {
	case catalogue.File, catalogue.Log, catalogue.Stdout, catalogue.Encode:
		if p, ok := catalogue.LookupPathOpen(full); ok && p.Handle {
			return "this loop is the background writer: open the file once, before the loop"
		}
		return "this loop is the background writer: buffer what it receives and write once per batch, not per item"
	case catalogue.Sync:
		return "this loop is the background writer: sync once per batch of received items, not per item"
	}
	return fixFor(cat, full, does)
}

// drains reports whether loop takes its items from a channel: a range over
// a channel, or a for whose body starts by receiving (x := <-ch, or a
// select whose cases receive).
func (rp *reporter) drains(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		_, isChan := rp.pass.TypesInfo.TypeOf(l.X).Underlying().(*types.Chan)
		return isChan
	case *ast.ForStmt:
		if len(l.Body.List) == 0 {
			return false
		}
		switch first := l.Body.List[0].(type) {
		case *ast.SelectStmt:
			for _, c := range first.Body.List {
				if cc, ok := c.(*ast.CommClause); ok && cc.Comm != nil && isReceive(cc.Comm) {
					return true
				}
			}
		case *ast.AssignStmt, *ast.ExprStmt:
			return isReceive(first)
		}
	}
	return false
}

// isReceive reports whether s receives from a channel: <-ch, x := <-ch,
// x, ok := <-ch.
func isReceive(s ast.Stmt) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// fixFor is the fix a message suggests for a blocking call: by what the
// call does for file I/O (an open, a write, a read, a change of the file
// system call for different fixes), else by category. full is the
// callee's types.Func.FullName, if any.
func fixFor(cat catalogue.Category, full, does string) string {
	if cat != catalogue.File {
		return cat.Fix()
	}
	if p, ok := catalogue.LookupPathOpen(full); ok && p.Handle {
		return "open it once or hand the write to a background writer"
	}
	switch does {
	case "writes a file", "does I/O on a file":
		return "buffer the writes and hand them to a background writer"
	case "reads a file", "lists a directory", "walks a directory tree":
		return "read it once and cache the result, or read it off the hot path"
	case "changes the file system":
		return "hand it to a background worker, off the hot path"
	}
	return cat.Fix()
}

// chainPositions turns the hops of facts back into positions, when their
// file is in this run's file set (it is for the package itself and, with
// most drivers, for its dependencies).
type chainPositions struct {
	files map[string]*token.File // built on the first transitive report
}

// related turns chain, the witness chain of callee called at call, into
// related information: "caller calls callee" at each hop, or at call with
// the hop's place in the message when its file is not in this run.
func (u *unit) related(call *ast.CallExpr, callee string, chain []Hop) []analysis.RelatedInformation {
	return chainRelated(u.pass.Fset, u.chain, call, callee, chain)
}

// chainRelated is related, for a caller that holds no unit (Dynamic).
func chainRelated(fset *token.FileSet, cp *chainPositions, call *ast.CallExpr, callee string, chain []Hop) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	caller := callee
	for _, h := range chain {
		if h.Name == elided {
			caller = "a function further down the chain"
			continue
		}
		pos := cp.resolve(fset, h)
		msg := caller + " calls " + h.Name
		if !pos.IsValid() {
			pos, msg = call.Pos(), msg+" at "+h.posn()
		}
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: msg})
		caller = h.Name
	}
	return out
}

func (cp *chainPositions) resolve(fset *token.FileSet, h Hop) token.Pos {
	if cp.files == nil {
		cp.files = map[string]*token.File{}
		fset.Iterate(func(f *token.File) bool {
			cp.files[f.Name()] = f
			return true
		})
	}
	f := cp.files[h.File]
	if f == nil || h.Line < 1 || h.Line > f.LineCount() {
		return token.NoPos
	}
	pos := f.LineStart(h.Line)
	if off := f.Offset(pos) + h.Col - 1; h.Col > 0 && off < f.Size() {
		pos = f.Pos(off)
	}
	// Files rebuilt from export data (go vet) have made-up line tables:
	// trust a position only if it reads back as the one recorded.
	if got := fset.PositionFor(pos, false); got.Line != h.Line || got.Column != h.Col {
		return token.NoPos
	}
	return pos
}
