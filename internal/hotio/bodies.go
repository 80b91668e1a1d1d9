package hotio

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// Body is what the whole program (-program) needs of a function of the
// package that does not block by its fact, to decide whether it blocks
// through what the program wires: its calls on the normal path whose
// targets the package cannot decide (a dynamic call, a call of another
// package's function that carries no blocking fact) and its calls of the
// package's own functions that do not block either. The calls an off-path
// rule leaves out are not here, as they are not in its fact.
type Body struct {
	Func *types.Func  // a declaration's function; nil for a literal
	Lit  *ast.FuncLit // a literal; nil for a declaration
	Name string       // as chains show it

	Calls []BodyCall
}

// BodyCall is a call of a Body. Func or Lit is its static target; neither
// for a dynamic call, which the program resolves. Branch says it is made
// on a branch (an if, a case), not whenever the function runs: what it
// reaches there has a bound for the function's fact (Fact.Unbounded).
type BodyCall struct {
	Call   *ast.CallExpr
	Func   *types.Func
	Lit    *ast.FuncLit
	Branch bool
	Param  bool // a dynamic call of a parameter or a method of one: w.Write(b), done(msg)
}

// Bodies returns the Body of every function of the package that does not
// block by its fact and makes a call the package cannot decide, directly
// or through its own functions. Computed when asked: only -program asks.
func (res Result) Bodies() []Body {
	u := res.known
	if u == nil {
		return nil
	}
	fc := &facter{unit: u}
	var out []Body
	for _, n := range u.g.nodes {
		if n.fact != nil || n.nonblocking || len(n.unknown) == 0 && len(n.edges) == 0 {
			continue
		}
		b := Body{Func: n.obj, Lit: n.lit, Name: n.name}
		for _, e := range n.edges {
			if e.to.fact == nil {
				b.Calls = append(b.Calls, BodyCall{Call: e.call, Func: e.to.obj, Lit: e.to.lit, Branch: fc.onBranch(n, e.call)})
			}
		}
		params := paramsOf(u.pass.TypesInfo, n)
		for _, call := range n.unknown {
			if u.callsWrapped(call) {
				continue // what a wrapper's handler runs is hot itself (adapters.go)
			}
			bc := BodyCall{Call: call, Branch: fc.onBranch(n, call)}
			if !u.dyn[call] {
				bc.Func = u.calls[call].fn
			} else {
				bc.Param = callsParam(u.pass.TypesInfo, call, params)
			}
			b.Calls = append(b.Calls, bc)
		}
		if len(b.Calls) > 0 {
			slices.SortFunc(b.Calls, func(x, y BodyCall) int { return cmp.Compare(x.Call.Pos(), y.Call.Pos()) })
			out = append(out, b)
		}
	}
	return out
}

// Blocks reports whether f says its function performs blocking I/O (and
// was not declared non-blocking).
func (f *Fact) Blocks() bool { return f.blocks() }

// Via is the fact a caller gets from a call, made at h, of a function
// whose fact is f: f's witnesses one hop longer. On a branch (an if, a
// case) the unbounded I/O f's function does whenever it runs is not done
// whenever the caller runs: the caller's fact has none.
func Via(h Hop, f *Fact, branch bool) *Fact {
	return via(h, f, branch, [catalogue.NumCategories]bool{})
}

// via is Via with the categories off left out, as a caller's fact gets
// them from an imported one (facter.blockingCall).
func via(h Hop, f *Fact, branch bool, off [catalogue.NumCategories]bool) *Fact {
	out := &Fact{Cat: f.Cat, Cats: f.Cats.With(f.Cat).Without(off), Declared: f.Declared, Chain: extend(h, f.Chain)}
	if f.Unbounded != catalogue.None && !branch && !off[f.Unbounded] {
		out.Unbounded = f.Unbounded
		if f.UnboundedChain != nil {
			out.UnboundedChain = extend(h, f.UnboundedChain)
		}
	}
	if f.Local != catalogue.None && !off[f.Local] {
		out.Local = f.Local
		if f.LocalChain != nil {
			out.LocalChain = extend(h, f.LocalChain)
		}
	}
	return out
}

// Leaf is the fact of a catalogued function: it does what e says itself.
func Leaf(e catalogue.Entry) *Fact {
	f := &Fact{Cat: e.Cat, Cats: catalogue.SetOf(e.Cat)}
	if e.Cat.Unbounded() && !e.NoRoundTrip {
		f.Unbounded = e.Cat
	}
	if isLocal(e.Cat) {
		f.Local = e.Cat
	}
	return f
}

// NewHop is the hop of a chain for a call of name at pos.
func NewHop(fset *token.FileSet, pos token.Pos, name string) Hop {
	p := fset.PositionFor(pos, false)
	return Hop{Name: name, File: p.Filename, Line: p.Line, Col: p.Column}
}

// paramsOf returns the parameters of n's function, not its receiver.
func paramsOf(info *types.Info, n *funcNode) map[*types.Var]bool {
	var sig *types.Signature
	switch {
	case n.obj != nil:
		sig = n.obj.Signature()
	case n.lit != nil:
		sig, _ = info.TypeOf(n.lit).(*types.Signature)
	}
	out := map[*types.Var]bool{}
	if sig != nil {
		for v := range sig.Params().Variables() {
			out[v] = true
		}
	}
	return out
}

// callsParam reports whether call calls a parameter of params, or a
// method of one.
func callsParam(info *types.Info, call *ast.CallExpr, params map[*types.Var]bool) bool {
	fun := astutil.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		fun = astutil.Unparen(sel.X)
	}
	id, ok := fun.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && params[v]
}
