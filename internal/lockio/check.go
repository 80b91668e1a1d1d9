package lockio

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/hotio"
	"github.com/iohotpath/iohotpath/internal/profiles"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Check decides which of the calls made under a lock are findings, with
// what hot-io knows of them. A call hot-io reports keeps its one finding,
// whose message now says which lock is held; any other call that reaches
// I/O of an unbounded category (a round trip, a process, an fsync) is an
// io-under-lock finding, unless no lock held is one goroutines wait for
// that way (Held.Waited). It returns hot-io's findings, so amended, and its
// own.
//
// With a mutex or block profile (prof), a finding says how long
// goroutines waited for its lock, and a lock the profile shows contended
// counts as one goroutines wait for whatever the heuristics say;
// contendedOnly leaves out the io-under-lock findings of the others.
//
// The calls under a lock whose target the package cannot know (an
// interface method, a func value) are returned as dynamic, for the whole
// program to resolve (-program): each is decided there by this rule.
func Check(pass *analysis.Pass, held *Held, hot hotio.Result, prof *profiles.Index, contendedOnly bool) (hotDiags, diags []analysis.Diagnostic, dynamic []Dynamic) {
	if !held.Any() {
		return hot.Diags, nil, nil
	}
	hotDynamic := map[*ast.CallExpr]bool{} // reported by hot-io when they block
	for _, d := range hot.Dynamic {
		hotDynamic[d.Call] = true
	}
	reported := map[token.Pos]int{} // hot-io findings by the position of their call
	for i, d := range hot.Diags {
		if d.Category == rules.HotIO {
			reported[d.Pos] = i
		}
	}
	hotDiags = slices.Clone(hot.Diags)
	ct := contention{pass: pass, prof: prof, only: contendedOnly}
	blocked := map[*ast.CallExpr]hotio.Blocked{}
	slow := map[token.Pos]bool{} // where a lock is taken to do unbounded I/O whenever it is
	for call, locks := range held.calls {
		if _, lit := call.Fun.(*ast.FuncLit); lit {
			continue // its body was analysed under the lock, call by call
		}
		b, ok := hot.Blocks(call)
		anyPath := !ok && held.afterLookup(call, locks)
		if anyPath {
			b, ok = hot.BlocksAnyPath(call) // a cache miss is a normal path
		}
		if !ok {
			d := Dynamic{Call: call, hot: hot, report: func(b hotio.Blocked) (analysis.Diagnostic, bool) {
				return underLock(pass, held, call, locks, b, slow, ct)
			}}
			var static bool
			d.Func, d.Lit, static = hot.Unresolved(call, anyPath)
			if !hotDynamic[call] && (static || hot.Resolvable(call, anyPath)) {
				dynamic = append(dynamic, d)
			}
			continue
		}
		blocked[call] = b
		for _, l := range locks {
			if l.always && b.Cat != catalogue.None {
				slow[l.Pos] = true
			}
		}
	}
	for call, b := range blocked {
		locks := held.calls[call]
		if i, ok := reported[call.Pos()]; ok && hot.Diags[i].End == call.End() {
			lk := strongest(locks) // in hot code every lock counts: it is taken per unit of work
			hotDiags[i].Message += "; " + heldClause(lk, where(pass, lk.Pos)) + ct.clause(lk)
			continue
		}
		if d, ok := underLock(pass, held, call, locks, b, slow, ct); ok {
			diags = append(diags, d)
		}
	}
	slices.SortFunc(dynamic, func(a, b Dynamic) int { return int(a.Call.Pos() - b.Call.Pos()) })
	return hotDiags, diags, dynamic
}

// Dynamic is a call made while a lock is held whose target the package
// cannot know, or whose static target blocks only through such calls of
// its own: the whole program resolves it (internal/program) and asks
// Report whether what it reaches there is a finding, by the rule that
// decides a static call. The locks it waits for were decided with the
// static calls only: what a resolved call does is not known before.
type Dynamic struct {
	Call *ast.CallExpr
	Func *types.Func  // a static target that blocks only through what the program wires, or
	Lit  *ast.FuncLit // a literal's; both nil for a dynamic call

	hot    hotio.Result
	report func(hotio.Blocked) (analysis.Diagnostic, bool) // underLock, with the package's locks
}

// At is the call, as -program asks of every call it resolves.
func (d Dynamic) At() *ast.CallExpr { return d.Call }

// Target is the call's static target, if it has one.
func (d Dynamic) Target() (*types.Func, *ast.FuncLit) { return d.Func, d.Lit }

// Report returns the io-under-lock finding at d's call when impl, one of
// others+1 implementations the program reaches there, blocks in a way the
// locks held make worth one.
func (d Dynamic) Report(impl hotio.Impl, others int) (analysis.Diagnostic, bool) {
	b, ok := d.hot.BlocksVia(d.Call, impl, others)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	return d.report(b)
}

// underLock is the io-under-lock finding for a call outside hot code
// that reaches b while locks are held, if it is one: unbounded I/O under
// a lock goroutines wait for (Held.Waited; an fsync under a lock that
// only keeps a file's writes whole, too), bounded I/O (a file, a stat, an
// encoder, a connection's write) where the lock guards data.
func underLock(pass *analysis.Pass, held *Held, call *ast.CallExpr, locks []Lock, b hotio.Blocked, slow map[token.Pos]bool, ct contention) (analysis.Diagnostic, bool) {
	text, cat, related := b.Text, b.Cat, b.Related
	waited := func(l Lock) bool { return held.Waited(l, slow) || cat == catalogue.Sync && held.sink(l) }
	why := ""
	if cat == catalogue.None {
		if !guardedCategory(b.First) {
			return analysis.Diagnostic{}, false // bounded I/O: a lock keeps the records whole
		}
		text, cat, related = b.FirstText, b.First, b.FirstRelated
		waited = held.dataUnder
		why = ", where it guards data the code updates"
	}
	locks = slices.DeleteFunc(slices.Clone(locks), func(l Lock) bool { return !waited(l) && ct.waited(l) == 0 })
	if len(locks) == 0 {
		return analysis.Diagnostic{}, false // waiting for the operation is what the lock is for
	}
	lk := strongest(locks)
	if ct.drops(lk) {
		return analysis.Diagnostic{}, false // -contended-only: no goroutine was seen waiting
	}
	return analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: rules.IOUnderLock,
		Message: fmt.Sprintf("%s %s%s; %s waits for %s%s; %s",
			text, whileHeld(lk, where(pass, lk.Pos)), why, waiters(lk), cat.Waits(), ct.clause(lk), held.fix(lk)),
		Related: related}, true
}

// guardedCategory reports whether I/O of category c, the first a call
// reaches on some path, is reported under a lock that guards data: files,
// stats, encoders, writes to a connection already open, and unbounded I/O
// a callee does only on a branch. A callee's witness is its shortest
// chain, so one that writes through a helper and fsyncs `if
// mb.syncAlways` (nats' flushPendingMsgsLocked) is witnessed by the
// fsync: left out, its writes under the lock would be too.
func guardedCategory(c catalogue.Category) bool {
	switch c {
	case catalogue.File, catalogue.Stat, catalogue.Encode, catalogue.Network:
		return true
	}
	return c.Unbounded()
}

// fix is what a message about l proposes: for a cache filled key by key
// under one lock, to fetch outside it.
func (h *Held) fix(l Lock) string {
	if _, ok := h.fills[l.Pos]; ok {
		return "the lock is held to fill one key of a cache, so lookups of every other key wait too: fetch outside the lock, or fill each key through a per-key single flight"
	}
	return "copy what you need, unlock, then call"
}

// strongest is the lock a message names: a lock taken for writing before
// one taken for reading, else the first taken.
func strongest(locks []Lock) Lock {
	for _, l := range locks {
		if !l.Read {
			return l
		}
	}
	return locks[0]
}

// where is the position of a lock call as messages show it: cache.go:41.
func where(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.PositionFor(pos, false)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// whileHeld: "while c.mu is held (locked at cache.go:41)", "while c.mu
// is held on the path where c.client is nil (locked at cache.go:41)".
func whileHeld(l Lock, at string) string {
	how := "held"
	if l.Read {
		how = "read-locked"
	}
	if l.Path != "" {
		how += " " + l.Path
	}
	return fmt.Sprintf("while %s is %s (locked at %s)", l.Name, how, at)
}

// waiters is who waits behind l.
func waiters(l Lock) string {
	if l.Read {
		return "every writer of " + l.Name + ", and every reader after it,"
	}
	return "every goroutine that needs " + l.Name
}

// heldClause is what a hot-io finding adds when its call runs under l.
func heldClause(l Lock, at string) string {
	return fmt.Sprintf("it runs %s, so %s waits too", whileHeld(l, at), waiters(l))
}
