package hotio

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
)

// Blocked is what the rule knows of a blocking call, for a rule that asks
// about calls in any code (io-under-lock): the categories it reaches and,
// when one of them has no bound (Category.Unbounded), the words and the
// chain a message shows for the first such call.
type Blocked struct {
	Cats    catalogue.Set
	Cat     catalogue.Category            // the unbounded category the words are about; None when Cats has none
	Text    string                        // "(*http.Client).Do makes an HTTP request", "wal.flush performs blocking sync I/O ((*os.File).Sync)"
	Related []analysis.RelatedInformation // the witness chain, one hop each

	// First, FirstText and FirstRelated are the same for the first
	// blocking call of any category, bounded ones included, for a rule
	// that reports those too (io-under-lock, under a lock that guards
	// data): "os.WriteFile writes a file", "(*T).save performs blocking
	// file I/O (os.WriteFile)".
	First        catalogue.Category
	FirstText    string
	FirstRelated []analysis.RelatedInformation
}

// Blocks returns what call reaches when it runs on its function's normal
// path (not in an error exit, after a recovered panic, or only with debug
// logging on), or false when it does not block. It needs Run to have been
// told that someone would ask.
func (res Result) Blocks(call *ast.CallExpr) (Blocked, bool) {
	return res.blocks(call, false)
}

// BlocksAnyPath is Blocks for a call on any path of its function, for a
// rule that knows the path is a normal one where the off-path rules see a
// failure: io-under-lock after a cache lookup that missed (`if v, ok :=
// c.lookup(id); ok { return v }`), which they take for a failed ok.
func (res Result) BlocksAnyPath(call *ast.CallExpr) (Blocked, bool) {
	return res.blocks(call, true)
}

func (res Result) blocks(call *ast.CallExpr, anyPath bool) (Blocked, bool) {
	u := res.known
	if u == nil {
		return Blocked{}, false
	}
	t := u.calls[call]
	if t == nil || !anyPath && !u.onPath(call) {
		return Blocked{}, false
	}
	var tn *funcNode
	switch {
	case t.lit != nil:
		tn = u.g.byLit[t.lit]
	case t.fn == nil || t.trusted || t.debug != nil:
		return Blocked{}, false
	case t.blocking:
		b := Blocked{Cats: catalogue.SetOf(t.m.cat), First: t.m.cat, FirstText: t.m.name + " " + t.m.does}
		if t.m.unbounded() {
			b.Cat, b.Text = t.m.cat, t.m.name+" "+t.m.does
		}
		return b, true
	default:
		tn = u.g.byFunc[t.fn]
	}
	if tn != nil {
		if tn.fact == nil {
			return Blocked{}, false
		}
		return u.blocked(call, tn.name, tn.cats, tn.slow, tn.fact), true
	}
	f := importFact(u.pass, t.fn)
	if !f.blocks() {
		return Blocked{}, false
	}
	cats := f.Cats.With(f.Cat).Without(u.s.Disabled)
	if cats == 0 {
		return Blocked{}, false
	}
	return u.blocked(call, names.Display(t.fn), cats, f.slowWitness(), f), true
}

// Unresolved returns the static target of call, a call on its function's
// normal path (any path when anyPath is set) of a function or literal
// that does not block by what the package knows: the whole program may
// know better, through the dynamic calls it makes (Bodies).
func (res Result) Unresolved(call *ast.CallExpr, anyPath bool) (*types.Func, *ast.FuncLit, bool) {
	u := res.known
	if u == nil || !anyPath && !u.onPath(call) {
		return nil, nil, false
	}
	t := u.calls[call]
	switch {
	case t == nil || t.trusted || t.debug != nil || t.blocking:
		return nil, nil, false
	case t.lit != nil:
		return nil, t.lit, true
	case t.fn != nil && !isAbstract(t.fn):
		return t.fn, nil, true
	}
	return nil, nil, false
}

// Resolvable reports whether call is a call whose target the package cannot
// know (an interface method no catalogue row, declaration or debug rule
// decides, or a func value) made on its function's normal path, or on any
// path when anyPath is set (BlocksAnyPath): the whole program resolves it
// (BlocksVia).
func (res Result) Resolvable(call *ast.CallExpr, anyPath bool) bool {
	u := res.known
	if u == nil {
		return false
	}
	if anyPath {
		t := u.calls[call]
		return t != nil && u.dynamicTarget(call, t)
	}
	return u.dyn[call]
}

// BlocksVia is Blocks for a call (Resolvable) that the whole program
// resolved to impl, one of others+1 implementations: what impl reaches by
// its fact, or its catalogue entry, after the package's blocking: and
// nonblocking: entries, as for a static call; the chains start with the
// dispatch.
func (res Result) BlocksVia(call *ast.CallExpr, impl Impl, others int) (Blocked, bool) {
	u := res.known
	if u == nil || impl.Key != "" && u.s.NonBlocking[impl.Key] {
		return Blocked{}, false
	}
	if cat, ok := u.s.Blocking[impl.Key]; ok && impl.Key != "" {
		impl.Fact, impl.Entry = nil, catalogue.Entry{Cat: cat, Does: cat.Does()}
	}
	shown := types.ExprString(call.Fun) + " (implemented by " + impl.Name + othersText(others) + ")"
	dispatch := []analysis.RelatedInformation{{Pos: cmp.Or(impl.Pos, call.Pos()), Message: types.ExprString(call.Fun) + " dispatches to " + impl.Name}}
	if impl.Static {
		shown, dispatch = impl.Name, nil
	}
	var b Blocked
	if f := impl.Fact; f != nil {
		cats := f.Cats.With(f.Cat).Without(u.s.Disabled)
		if !f.blocks() || cats == 0 {
			return Blocked{}, false
		}
		b = u.blocked(call, impl.Name, cats, f.slowWitness(), f)
		b.Text, b.FirstText = reworded(b.Text, impl.Name, shown), reworded(b.FirstText, impl.Name, shown)
	} else {
		e := impl.Entry
		if e.Cat == catalogue.None || u.s.Disabled[e.Cat] {
			return Blocked{}, false
		}
		b = Blocked{Cats: catalogue.SetOf(e.Cat), First: e.Cat, FirstText: shown + " " + e.Does}
		if e.Cat.Unbounded() && !e.NoRoundTrip {
			b.Cat, b.Text = e.Cat, b.FirstText
		}
	}
	b.Related = append(slices.Clone(dispatch), b.Related...)
	b.FirstRelated = append(slices.Clone(dispatch), b.FirstRelated...)
	return b, true
}

// reworded is text, which starts with the callee's name, starting with
// shown instead: the call as written and what it dispatched to.
func reworded(text, callee, shown string) string {
	if rest, ok := strings.CutPrefix(text, callee); ok {
		return shown + rest
	}
	return text
}

// blocked describes a call of callee, which reaches cats, the I/O of
// first's witness and, when slow is not nil, unbounded I/O through slow's
// chain.
func (u *unit) blocked(call *ast.CallExpr, callee string, cats catalogue.Set, slow, first *Fact) Blocked {
	b := Blocked{Cats: cats}
	if first != nil && first.Cat != catalogue.None && !u.s.Disabled[first.Cat] {
		b.First = first.Cat
		b.FirstText = fmt.Sprintf("%s performs blocking %s I/O (%s)", callee, first.Cat, witnessText(first))
		b.FirstRelated = u.related(call, callee, first.Chain)
	}
	if slow == nil || u.s.Disabled[slow.Cat] {
		return b
	}
	b.Cat = slow.Cat
	b.Text = fmt.Sprintf("%s performs blocking %s I/O (%s)", callee, slow.Cat, witnessText(slow))
	b.Related = u.related(call, callee, slow.Chain)
	return b
}

// onPath reports whether call is on the normal path of its function, as
// the fact computation saw it: a blocking call of its own or a call of
// another function of the package. The set is built on the first question.
func (u *unit) onPath(call *ast.CallExpr) bool {
	if u.path == nil {
		u.path = map[*ast.CallExpr]bool{}
		for _, n := range u.g.nodes {
			for _, c := range n.blocked {
				u.path[c] = true
			}
			for _, e := range n.edges {
				u.path[e.call] = true
			}
			for _, c := range n.unknown {
				u.path[c] = true
			}
		}
	}
	return u.path[call]
}
