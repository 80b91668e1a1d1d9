package hotio

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Dynamic is a call on the normal path of hot code whose target the
// package cannot know: a call through an interface the catalogue does not
// describe, or of a func value. The concrete function is chosen where the
// program is wired (main, a constructor in another package); the
// whole-program pass (internal/program) resolves it and asks Report
// whether what it reaches is a finding, by the rules that decide the
// static calls.
type Dynamic struct {
	Call   *ast.CallExpr
	Name   string       // the callee as written: r.Get, s.dial
	Where  string       // "in a loop on every call of gRPC method Server.BatchGet"
	Preset bool         // the region is hot only by a preset (-hot)
	InLoop bool         // inside a loop of the region, or the region is a hot loop
	Func   *types.Func  // a static target that blocks by no fact of its package (noteStatic), or
	Lit    *ast.FuncLit // a literal's; both nil for a dynamic call

	r        region
	ctx      walkCtx
	disabled [catalogue.NumCategories]bool
	blocking map[string]catalogue.Category // the caller's blocking: entries, by names.UserKey
	trusted  map[string]bool               // the caller's nonblocking: entries
	fset     *token.FileSet
	chain    *chainPositions
}

// noteDynamic records call, made at ctx in r, when its target is dynamic:
// neither a function nor a literal the resolver found, nor a catalogued
// interface method (those checkCall decides).
func (rp *reporter) noteDynamic(r region, call *ast.CallExpr, ctx walkCtx, t *callInfo) {
	if ctx.offBy != "" || !rp.dynamicTarget(call, t) {
		return // off the path, or static
	}
	if t.fn != nil && (r.delegates(t.fn, ctx) || rp.onServedValue(call, r.served)) {
		return // a middleware's call of the handler it wraps; answering its connection
	}
	if t.fn == nil && (rp.callsReceiver(r, call) || rp.callsWrapped(call)) {
		return // an adapter (HandlerFunc.ServeHTTP) calling itself, a wrapper's handler calling what it wraps: the function's cost is counted where it is hot
	}
	rp.dynamic = append(rp.dynamic, rp.newDynamic(r, call, ctx))
}

// noteStatic records call, made at ctx in r, of fn or lit, which block by
// no fact of their packages: they may through the dynamic calls they make
// (a helper that writes through the io.Writer it was given), which the
// whole program decides (hotio.Body).
func (rp *reporter) noteStatic(r region, call *ast.CallExpr, ctx walkCtx, fn *types.Func, lit *ast.FuncLit) {
	if ctx.offBy != "" {
		return
	}
	d := rp.newDynamic(r, call, ctx)
	d.Func, d.Lit = fn, lit
	rp.dynamic = append(rp.dynamic, d)
}

func (rp *reporter) newDynamic(r region, call *ast.CallExpr, ctx walkCtx) Dynamic {
	return Dynamic{
		Call: call, Name: types.ExprString(call.Fun), Where: r.where(ctx),
		Preset: r.preset != "", InLoop: r.loop || ctx.loops > 0,
		r: r, ctx: ctx, disabled: rp.s.Disabled, blocking: rp.s.Blocking, trusted: rp.s.NonBlocking,
		fset: rp.pass.Fset, chain: rp.chain,
	}
}

// Target is the call's static target, if it has one (noteStatic).
func (d Dynamic) Target() (*types.Func, *ast.FuncLit) { return d.Func, d.Lit }

// dynamicTarget reports whether t, what call calls, is decided by the
// program rather than the package: an interface method that no catalogue
// row, declaration or debug rule decides, or a func value (not a
// literal, a conversion or a builtin).
func (u *unit) dynamicTarget(call *ast.CallExpr, t *callInfo) bool {
	switch {
	case t.lit != nil || t.trusted || t.debug != nil || t.blocking:
		return false
	case t.fn != nil:
		return isAbstract(t.fn)
	}
	tv, ok := u.pass.TypesInfo.Types[call.Fun]
	return ok && !tv.IsType() && !tv.IsBuiltin()
}

// At is the call, as -program asks of every call it resolves.
func (d Dynamic) At() *ast.CallExpr { return d.Call }

// onServedValue reports whether call is a method of the connection the
// region serves, or of a value built from it (served.go).
func (rp *reporter) onServedValue(call *ast.CallExpr, served map[*types.Var]bool) bool {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && len(served) > 0 && rp.isServed(sel.X, served, 0)
}

// callsReceiver reports whether call calls the receiver of r's method: a
// method of a func type handing its work to the function it is.
func (rp *reporter) callsReceiver(r region, call *ast.CallExpr) bool {
	id, ok := astutil.Unparen(call.Fun).(*ast.Ident)
	if !ok || r.method == nil || r.loop {
		return false
	}
	recv := r.method.Signature().Recv()
	return recv != nil && rp.pass.TypesInfo.Uses[id] == recv
}

// callsWrapped reports whether call calls the parameter of a wrapper of
// the package (adapters.go): the functions passed to it are hot
// themselves, and so are not what the wrapper's handler blocks by (under
// -program, the handler's call of its parameter reaches every function
// ever wrapped).
func (u *unit) callsWrapped(call *ast.CallExpr) bool {
	id, ok := astutil.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := u.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && u.g.wrapped[v]
}

// isAbstract reports whether fn is an interface method.
func isAbstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// Impl is a function a dynamic call reaches in the whole program, with
// what the rule knows of it: the fact of a function of the program, or,
// for the standard library (which exports no facts), its catalogue entry.
type Impl struct {
	Name  string    // as messages show it: (*sqlstore.S).Get
	Full  string    // types.Func.FullName, for the fix of a catalogued call
	Key   string    // names.UserKey, as blocking: and nonblocking: entries name it; "" for a literal
	Pos   token.Pos // its declaration: the dispatch hop of the chain
	Fact  *Fact
	Entry catalogue.Entry // when Fact is nil; Cat None when not catalogued

	Func   *types.Func  // the function, or
	Lit    *ast.FuncLit // the literal
	Static bool         // the call's own static target, which blocks only through what the program wires there
}

// Report returns the finding at d's call site when impl blocks there, the
// way a static call of it would be reported; others counts the other
// implementations reachable at the call. It reports false when impl does
// not block, its category is disabled, or the call is the one query or
// upstream call a function hot only by a preset exists for. The caller's
// configuration decides first, as for a static call (matcher.direct): a
// nonblocking: entry trusts impl, a blocking: entry makes it block.
func (d Dynamic) Report(impl Impl, others int) (analysis.Diagnostic, bool) {
	if impl.Key != "" && d.trusted[impl.Key] {
		return analysis.Diagnostic{}, false
	}
	if cat, ok := d.blocking[impl.Key]; ok && impl.Key != "" {
		impl.Fact, impl.Entry = nil, catalogue.Entry{Cat: cat, Does: cat.Does()}
		impl.Full = "" // declared, not catalogued: the category's fix
	}
	name := d.Name + " (implemented by " + impl.Name + othersText(others) + ")"
	dispatch := []analysis.RelatedInformation{{Pos: cmp.Or(impl.Pos, d.Call.Pos()), Message: d.Name + " dispatches to " + impl.Name}}
	if impl.Static {
		name, dispatch = impl.Name, nil // no dispatch: the call names it
	}
	diag := analysis.Diagnostic{Pos: d.Call.Pos(), End: d.Call.End(), Category: rules.HotIO}
	if f := impl.Fact; f != nil {
		if !f.blocks() || d.disabled[f.Cat] {
			return diag, false
		}
		cats, local := f.Cats.With(f.Cat).Without(d.disabled), f.localWitness()
		switch {
		case d.r.answers(cats, d.ctx):
			return diag, false // the handler's one query or upstream call, made through an interface
		case d.r.preset != "" && d.ctx.loops == 0 && !isLocal(f.Cat) && local != nil && !d.disabled[local.Cat]:
			f = &Fact{Cat: local.Cat, Declared: local.Declared, Chain: local.Chain} // the query is its job; this is not
		}
		diag.URL = rules.IOURL(f.Cat.String())
		diag.Message = fmt.Sprintf("%s performs blocking %s I/O (%s) %s; %s", name, f.Cat, witnessText(f), d.Where, d.r.fix(f.Cat, "", ""))
		diag.Related = append(dispatch, chainRelated(d.fset, d.chain, d.Call, impl.Name, f.Chain)...)
		return diag, true
	}
	e := impl.Entry
	if e.Cat == catalogue.None || d.disabled[e.Cat] || d.r.answers(catalogue.SetOf(e.Cat), d.ctx) {
		return diag, false
	}
	diag.URL = rules.IOURL(e.Cat.String())
	diag.Message = fmt.Sprintf("%s %s %s; %s", name, e.Does, d.Where, d.r.fix(e.Cat, impl.Full, e.Does))
	diag.Related = dispatch
	return diag, true
}

// othersText counts the other implementations in a message.
func othersText(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return ", 1 other implementation"
	}
	return fmt.Sprintf(", %d other implementations", n)
}

// isStdPackage reports whether pkg is of the standard library (no dot in
// its path's first element): the catalogue describes it, and the whole
// program has no body of it to decide.
func isStdPackage(pkg *types.Package) bool {
	if pkg == nil {
		return true
	}
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}
