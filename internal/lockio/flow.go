package lockio

import (
	"cmp"
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/cfg"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// entry is a lock held at a point of a function.
type entry struct {
	key      string
	name     string
	owner    string    // for a field lock, the key of the value holding it (lockRef.field)
	class    string    // for a field lock, the field
	id       string    // lockRef.id
	pos      token.Pos // the Lock or RLock call that took it
	block    int32     // the block of the function's graph holding that call; -1 if outside it
	read     bool      // taken with RLock
	deferred bool      // its unlock is deferred: it is held until the function returns
	may      bool      // held on some paths to the point only
}

// state is the locks held on some path to a point, sorted by key; those
// not held on every path are marked may. A block not reached yet has no
// state (reached is false in flow).
type state []entry

// meet is the locks held on a path through a or through b: the earlier
// lock call names a lock taken on both paths, read if either path took it
// for reading, deferred only if both deferred its unlock; a lock held on
// one path only is may-held.
func meet(a, b state) state {
	var out state
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].key < b[j].key:
			e := a[i]
			e.may = true
			out = append(out, e)
			i++
		case i == len(a) || a[i].key > b[j].key:
			e := b[j]
			e.may = true
			out = append(out, e)
			j++
		default:
			e := a[i]
			if b[j].pos < e.pos {
				e.pos, e.name, e.block = b[j].pos, b[j].name, b[j].block
			}
			e.read = a[i].read || b[j].read
			e.deferred = a[i].deferred && b[j].deferred
			e.may = a[i].may || b[j].may
			out = append(out, e)
			i, j = i+1, j+1
		}
	}
	return out
}

// with returns s holding ref, taken at pos in block; a lock already held
// stays as it was taken first.
func (s state) with(ref lockRef, pos token.Pos, block int32, read bool) state {
	i, found := slices.BinarySearchFunc(s, ref.key, func(e entry, k string) int { return cmp.Compare(e.key, k) })
	if found {
		if s[i].may { // taken again: held on every path from here
			out := slices.Clone(s)
			out[i].may, out[i].pos, out[i].block = false, pos, block
			return out
		}
		return s
	}
	e := entry{key: ref.key, name: ref.name, pos: pos, block: block, read: read, id: ref.id()}
	e.owner, e.class, _ = ref.field()
	return slices.Insert(slices.Clone(s), i, e)
}

// without returns s without the lock of key.
func (s state) without(key string) state {
	i, found := slices.BinarySearchFunc(s, key, func(e entry, k string) int { return cmp.Compare(e.key, k) })
	if !found {
		return s
	}
	return slices.Delete(slices.Clone(s), i, i+1)
}

// deferring returns s with the unlock of key deferred.
func (s state) deferring(key string) state {
	i, found := slices.BinarySearchFunc(s, key, func(e entry, k string) int { return cmp.Compare(e.key, k) })
	if !found || s[i].deferred {
		return s
	}
	out := slices.Clone(s)
	out[i].deferred = true
	return out
}

// atReturn is the locks of s still held when the function returns: those
// whose unlock is deferred.
func (s state) atReturn() state {
	var out state
	for _, e := range s {
		if e.deferred {
			out = append(out, e)
		}
	}
	return out
}

// flow computes, for one function body, the locks held on every path to
// each of its calls, and records the calls made while some lock is held.
type flow struct {
	f        *finder
	g        *cfg.CFG
	rec      bool               // second pass: record the calls
	cur      int32              // the block being run
	pdom     [][]bool           // postdominators, for the second pass
	fails    []bool             // the blocks every path from which ends in a failure, for the second pass
	releases map[string][]int32 // the blocks that release each lock, not deferred
	reach    [][]bool           // reach[a][b]: a path leads from block a to block b; built on first use
}

// body analyses a function body entered with the locks of entry held: a
// forward dataflow over its control-flow graph, intersecting at joins,
// then one pass over the blocks with their final states to record calls.
func (f *finder) body(body *ast.BlockStmt, entryState state) {
	g := cfg.New(body, func(call *ast.CallExpr) bool { return !catalogue.IsNoReturn(f.info, call) })
	defer func(p token.Pos) { f.params = p }(f.params)
	f.params = body.Pos()
	f.deriveVars(body)
	in := make([]state, len(g.Blocks))
	reached := make([]bool, len(g.Blocks))
	in[0], reached[0] = entryState, true
	fl := &flow{f: f, g: g, releases: map[string][]int32{}}
	for changed := true; changed; {
		changed = false
		for _, b := range g.Blocks {
			if !reached[b.Index] {
				continue
			}
			out := fl.block(b, in[b.Index])
			for _, s := range b.Succs {
				switch {
				case !reached[s.Index]:
					in[s.Index], reached[s.Index], changed = out, true, true
				default:
					if m := meet(in[s.Index], out); !slices.Equal(m, in[s.Index]) {
						in[s.Index], changed = m, true
					}
				}
			}
		}
	}
	fl.rec, fl.pdom, fl.fails = true, postdominators(g, f.info), failures(g, f.info)
	for _, b := range g.Blocks {
		if reached[b.Index] {
			fl.block(b, in[b.Index])
		}
	}
}

// block runs the statements and expressions of b from state s.
func (fl *flow) block(b *cfg.Block, s state) state {
	fl.cur = b.Index
	for _, n := range b.Nodes {
		switch n := n.(type) {
		case *ast.GoStmt:
			// The call runs on another goroutine, which does not hold the
			// lock; its function and arguments are evaluated here.
			s = fl.exprs(s, n.Call.Args...)
			if sel, ok := astutil.Unparen(n.Call.Fun).(*ast.SelectorExpr); ok {
				s = fl.exprs(s, sel.X)
			}
		case *ast.DeferStmt:
			s = fl.deferStmt(n, s)
		default:
			s = fl.node(n, s)
		}
	}
	return s
}

func (fl *flow) exprs(s state, es ...ast.Expr) state {
	for _, e := range es {
		s = fl.node(e, s)
	}
	return s
}

// node runs the calls of one statement or expression in source order: lock
// operations change s, a function literal called on the spot runs with s,
// other literals run later and are not entered, and every other call made
// with a lock held is recorded.
func (fl *flow) node(n ast.Node, s state) state {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs when called, not here
		case *ast.AssignStmt:
			if fl.rec {
				fl.f.updates(s, n.Lhs...)
			}
		case *ast.IncDecStmt:
			if fl.rec {
				fl.f.updates(s, n.X)
			}
		case *ast.CallExpr:
			if fl.rec && len(n.Args) > 0 && fl.f.isBuiltinNamed(n, "delete", "clear", "copy") {
				fl.f.updates(s, n.Args[0]) // delete(c.m, k), clear(c.m), copy(c.buf, b)
			}
			if fl.rec && len(s) > 0 {
				fl.f.updatesReceiver(s, n) // c.touch(k), which updates c's fields
			}
			if lit, ok := astutil.Unparen(n.Fun).(*ast.FuncLit); ok {
				s = fl.exprs(s, n.Args...)
				s = fl.callLit(lit, s)
				return false
			}
			if ref, o, ok := fl.f.locks.lockCall(n); ok {
				if ref.root != nil && fl.f.fresh[ref.root] {
					return false // a value the function is still building: nobody waits
				}
				switch o {
				case acquire, racquire:
					s = s.with(ref, n.Pos(), fl.cur, o == racquire)
				case release:
					s = s.without(ref.key)
					fl.released(ref.key)
				}
				return false
			}
			if fl.rec && len(s) > 0 && !fl.f.isBuiltin(n) {
				if held := fl.held(s); len(held) > 0 {
					fl.f.record(n, held, fl.always, fl.fails[fl.cur])
				}
			}
		}
		return true
	})
	return s
}

// callLit runs a function literal called where it is written. Its body
// runs with the locks of s held (until it returns, so its own deferred
// calls run under them too); afterwards the locks it unlocks are released.
func (fl *flow) callLit(lit *ast.FuncLit, s state) state {
	if fl.rec {
		held := fl.held(s)
		entry := make(state, len(held))
		for i, e := range held {
			e.deferred = true // still held when the literal returns
			e.block = -1      // taken in another graph
			entry[i] = e
		}
		fl.f.done[lit] = true
		fl.f.body(lit.Body, entry)
	}
	for _, key := range fl.f.unlocks(lit) {
		s = s.without(key)
		fl.released(key)
	}
	return s
}

// released notes that the block being run releases the lock of key.
func (fl *flow) released(key string) {
	if !slices.Contains(fl.releases[key], fl.cur) {
		fl.releases[key] = append(fl.releases[key], fl.cur)
	}
}

// held is the locks of s that a call in the block being run is made
// under. A lock held on every path is; a may-held lock is when the path
// that took it is a normal one (not a failure branch: heldPath) and no
// release of it lies between where it was taken and here: after
// `mu.Lock(); if x { mu.Unlock() }` the lock is not held, while after
// `if c.client == nil { c.mu.Lock(); defer c.mu.Unlock() }` it is, on
// the path where c.client is nil.
func (fl *flow) held(s state) state {
	out := s
	for i := len(s) - 1; i >= 0; i-- {
		e := s[i]
		if !e.may || e.block < 0 { // taken in another graph: decided there
			continue
		}
		if _, ok := fl.f.held.paths[e.pos]; !ok || fl.releasedBetween(e) {
			out = slices.Delete(slices.Clone(out), i, i+1)
		}
	}
	return out
}

// releasedBetween reports whether a block that releases e's lock lies on
// a path from the block that took it to the block being run.
func (fl *flow) releasedBetween(e entry) bool {
	if fl.reach == nil {
		fl.reach = reachability(fl.g)
	}
	for _, r := range fl.releases[e.key] {
		if fl.reach[e.block][r] && fl.reach[r][fl.cur] {
			return true
		}
	}
	return false
}

// reachability returns, for each block of g, the blocks a path leads to,
// itself included.
func reachability(g *cfg.CFG) [][]bool {
	reach := make([][]bool, len(g.Blocks))
	for _, b := range g.Blocks {
		seen := make([]bool, len(g.Blocks))
		work := []*cfg.Block{b}
		seen[b.Index] = true
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			for _, s := range x.Succs {
				if !seen[s.Index] {
					seen[s.Index] = true
					work = append(work, s)
				}
			}
		}
		reach[b.Index] = seen
	}
	return reach
}

// deferStmt notes a deferred unlock, and records a deferred call that runs
// while locks whose unlocks were deferred before it are still held (the
// deferred calls run last in, first out).
func (fl *flow) deferStmt(d *ast.DeferStmt, s state) state {
	call := d.Call
	if ref, o, ok := fl.f.locks.lockCall(call); ok {
		if o == release {
			s = s.deferring(ref.key)
		}
		return s
	}
	if lit, ok := astutil.Unparen(call.Fun).(*ast.FuncLit); ok {
		for _, key := range fl.f.unlocks(lit) {
			s = s.deferring(key)
		}
		return fl.exprs(s, call.Args...)
	}
	s = fl.exprs(s, call.Args...)
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		s = fl.exprs(s, sel.X)
	}
	if held := fl.held(s.atReturn()); fl.rec && len(held) > 0 && !fl.f.isBuiltin(call) {
		fl.f.record(call, held, func(entry) bool { return false }, false)
	}
	return s
}

// always reports whether a call in the block being run is made whenever
// the lock of e is taken: the block postdominates the one that took it
// (paths ending in an error return aside).
func (fl *flow) always(e entry) bool {
	if e.block < 0 {
		return false
	}
	p := fl.pdom[e.block]
	return p == nil || p[fl.cur]
}

// unlocks returns the keys of the locks a function literal unlocks in its
// own body, not deferred (a deferred unlock in it releases its own lock).
func (f *finder) unlocks(lit *ast.FuncLit) []string {
	if keys, ok := f.litUnlocks[lit]; ok {
		return keys
	}
	var keys []string
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if ref, o, ok := f.locks.lockCall(n); ok && o == release {
				keys = append(keys, ref.key)
			}
		}
		return true
	})
	f.litUnlocks[lit] = keys
	return keys
}
