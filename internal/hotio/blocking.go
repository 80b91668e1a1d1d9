package hotio

import (
	"fmt"
	"go/ast"

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
}

// Blocks returns what call reaches when it runs on its function's normal
// path (not in an error exit, after a recovered panic, or only with debug
// logging on), or false when it does not block. It needs Run to have been
// told that someone would ask.
func (res Result) Blocks(call *ast.CallExpr) (Blocked, bool) {
	u := res.known
	if u == nil {
		return Blocked{}, false
	}
	t := u.calls[call]
	if t == nil || !u.onPath(call) {
		return Blocked{}, false
	}
	var tn *funcNode
	switch {
	case t.lit != nil:
		tn = u.g.byLit[t.lit]
	case t.fn == nil || t.trusted || t.debug != nil:
		return Blocked{}, false
	case t.blocking:
		b := Blocked{Cats: catalogue.SetOf(t.m.cat)}
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
		return u.blocked(call, tn.name, tn.cats, tn.slow), true
	}
	f := importFact(u.pass, t.fn)
	if f == nil || f.NonBlocking {
		return Blocked{}, false
	}
	cats := f.Cats.With(f.Cat).Without(u.s.Disabled)
	if cats == 0 {
		return Blocked{}, false
	}
	return u.blocked(call, names.Display(t.fn), cats, f.slowWitness()), true
}

// blocked describes a call of callee, which reaches cats and, when slow is
// not nil, unbounded I/O through slow's chain.
func (u *unit) blocked(call *ast.CallExpr, callee string, cats catalogue.Set, slow *Fact) Blocked {
	b := Blocked{Cats: cats}
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
		}
	}
	return u.path[call]
}
