package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/hotio"
	"github.com/iohotpath/iohotpath/internal/names"
)

// bodies is every hotio.Body of the run: the functions that do not block
// by their facts, with the calls the program may decide otherwise.
type bodies struct {
	list  []hotio.Body
	funcs map[*types.Func]*hotio.Body
	lits  map[*ast.FuncLit]*hotio.Body
}

// bodiesOf indexes the bodies of the run, every package's (analyzer.Whole).
func bodiesOf(w *analyzer.Whole) bodies {
	out := bodies{list: w.Bodies(), funcs: map[*types.Func]*hotio.Body{}, lits: map[*ast.FuncLit]*hotio.Body{}}
	for i := range out.list {
		b := &out.list[i]
		if b.Func != nil {
			out.funcs[b.Func] = b
		} else {
			out.lits[b.Lit] = b
		}
	}
	return out
}

// blocker decides which functions block over the whole program: a
// function whose fact says it does not may make a dynamic call that
// reaches one that does (klog's flushAll, whose file.Sync is an
// (*os.File).Sync the logger wired), or call a function that does. The
// same off-path rules hold: a body lists only calls on the normal path.
// The first blocking call in the body is the witness; a call on a branch
// gives no unbounded I/O (hotio.Via).
type blocker struct {
	r      *resolver
	bodies bodies
	fset   *token.FileSet
	memo   map[any]*hotio.Fact // by *types.Func or *ast.FuncLit; nil: does not block

	declared map[string]catalogue.Category // the run's blocking: entries, by names.UserKey
	trusted  map[string]bool               // its nonblocking: entries
}

func newBlocker(r *resolver, b bodies, fset *token.FileSet, w *analyzer.Whole) *blocker {
	declared, trusted := w.Entries()
	return &blocker{r: r, bodies: b, fset: fset, memo: map[any]*hotio.Fact{}, declared: declared, trusted: trusted}
}

// decide gives impl, a function a dynamic call reaches, the fact it has
// over the whole program when its own says it does not block.
func (b *blocker) decide(impl *hotio.Impl) {
	if impl.Fact.Blocks() || impl.Fact != nil && impl.Fact.NonBlocking || impl.Entry.Cat != catalogue.None {
		return
	}
	if f := b.of(impl.Func, impl.Lit); f != nil {
		impl.Fact = f
	}
}

// target is the Impl of a static call's target, fn or lit, when it
// blocks over the whole program.
func (b *blocker) target(fn *types.Func, lit *ast.FuncLit) (hotio.Impl, bool) {
	f := b.of(fn, lit)
	switch {
	case f == nil:
		return hotio.Impl{}, false
	case fn != nil:
		fn = fn.Origin()
		return hotio.Impl{Name: names.Display(fn), Full: fn.FullName(), Key: names.UserKey(fn), Pos: fn.Pos(), Fact: f, Func: fn, Static: true}, true
	}
	return hotio.Impl{Name: b.bodies.lits[lit].Name, Pos: lit.Pos(), Fact: f, Lit: lit, Static: true}, true
}

// of is the whole-program fact of fn or lit, nil when it does not block
// or the run has no body of it (it blocks by its own fact, or is of the
// standard library, which the catalogue describes at its callers).
func (b *blocker) of(fn *types.Func, lit *ast.FuncLit) *hotio.Fact {
	var key any
	var body *hotio.Body
	if fn != nil {
		fn = fn.Origin()
		key, body = fn, b.bodies.funcs[fn]
	} else if lit != nil {
		key, body = lit, b.bodies.lits[lit]
	}
	if body == nil {
		return nil
	}
	if f, ok := b.memo[key]; ok {
		return f
	}
	b.memo[key] = nil // while it is decided, a recursive call of it does not block
	var out *hotio.Fact
	onBranch := false // out's witness is a call made on a branch
	for _, c := range body.Calls {
		f, name := b.call(c)
		if f == nil {
			continue
		}
		via := hotio.Via(hotio.NewHop(b.fset, c.Call.Pos(), name), f, c.Branch)
		if out == nil {
			out, onBranch = via, c.Branch
			continue
		}
		if onBranch && !c.Branch {
			// The witness is the first call made whenever the function runs:
			// tusd's writeChunk writes the chunk; its log line when the
			// upload is stopped is on a branch.
			out.Cat, out.Declared, out.Chain, onBranch = via.Cat, via.Declared, via.Chain, false
		}
		out.Cats |= via.Cats
		if out.Unbounded == catalogue.None && via.Unbounded != catalogue.None {
			out.Unbounded, out.UnboundedChain = via.Unbounded, via.UnboundedChain
			if out.UnboundedChain == nil {
				out.UnboundedChain = via.Chain
			}
		}
		if out.Local == catalogue.None && via.Local != catalogue.None {
			out.Local, out.LocalChain = via.Local, via.LocalChain
			if out.LocalChain == nil {
				out.LocalChain = via.Chain
			}
		}
	}
	b.memo[key] = out
	return out
}

// call is what the call c of a body reaches over the whole program, and
// the name its hop shows.
func (b *blocker) call(c hotio.BodyCall) (*hotio.Fact, string) {
	switch {
	case c.Lit != nil:
		if body := b.bodies.lits[c.Lit]; body != nil {
			return b.of(nil, c.Lit), body.Name
		}
		return nil, ""
	case c.Func != nil:
		fn := c.Func.Origin()
		if f := b.r.facts[fn]; f != nil && (f.Blocks() || f.NonBlocking) {
			return blockingOrNil(f), names.Display(fn)
		}
		return b.of(fn, nil), names.Display(fn)
	}
	impls := b.r.impls(c.Call.Lparen)
	var first *hotio.Fact
	name, blocking := "", 0
	for i := range impls {
		b.decide(&impls[i])
		if f := b.implFact(impls[i]); f != nil {
			if blocking == 0 {
				first, name = f, impls[i].Name
			}
			blocking++
		}
	}
	switch {
	case blocking == 0 || len(impls) > maxFanOut && 2*blocking <= len(impls):
		return nil, "" // the fan-out guard, as at a call of hot code (check)
	case 2*blocking < len(impls):
		// Inside a body, most of the implementations do not block: which
		// one runs is the program's configuration (caddy's replacer asks
		// every placeholder provider, and only the one for {file.*} reads
		// a file). At the call itself the finding names the others; a hop
		// further down would hide them.
		return nil, ""
	case c.Param && len(impls) > 1:
		// A parameter's value is what each caller passes, and the graph
		// joins them all: http.Header.Write writes to the buffer nats
		// gives it, not to every writer net/http passes elsewhere. Only
		// a parameter one function flows into is decided here.
		return nil, ""
	case c.Branch && blocking < len(impls):
		// Made only on a branch, and the graph cannot tell which of several
		// implementations runs there: zap's check syncs its error output
		// when it fails to find the caller, which VTA resolves to every
		// WriteSyncer of the program, *os.File among them. Two doubts
		// make no finding. When every implementation blocks, whichever
		// runs does (gofakes3's leveled stdLog prints through log.Println
		// or a *log.Logger's Println): the branch is the one doubt a static
		// call on it has.
		return nil, ""
	}
	return first, types.ExprString(c.Call.Fun) + " (implemented by " + name + othersText(len(impls)-1) + ")"
}

// implFact is what impl blocks on: its fact, or its catalogue entry, whose
// chain is the function itself, as a call of it has. The user's entries
// decide first, as at a hot call (hotio.Dynamic.Report): a nonblocking:
// entry trusts impl, a blocking: entry makes it block.
func (b *blocker) implFact(impl hotio.Impl) *hotio.Fact {
	if cat, ok := b.declared[impl.Key]; ok && impl.Key != "" && !b.trusted[impl.Key] {
		impl.Fact, impl.Entry = nil, catalogue.Entry{Cat: cat, Does: cat.Does()}
	}
	switch {
	case impl.Key != "" && b.trusted[impl.Key]:
		return nil
	case impl.Fact.Blocks():
		return impl.Fact
	case impl.Fact == nil && impl.Entry.Cat != catalogue.None:
		f := hotio.Leaf(impl.Entry)
		f.Chain = []hotio.Hop{hotio.NewHop(b.fset, impl.Pos, impl.Name)}
		return f
	}
	return nil
}

func blockingOrNil(f *hotio.Fact) *hotio.Fact {
	if f.Blocks() {
		return f
	}
	return nil
}

// othersText counts the other implementations in a hop's name.
func othersText(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return ", 1 other"
	}
	return fmt.Sprintf(", %d others", n)
}
