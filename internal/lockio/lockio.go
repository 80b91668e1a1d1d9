// Package lockio is the io-under-lock rule: blocking I/O made while a
// sync.Mutex or sync.RWMutex is held, which makes every goroutine that
// needs the lock wait for the I/O.
//
// Find is the lock analysis. For each function that takes a lock, a
// forward dataflow over its control-flow graph (golang.org/x/tools/go/cfg)
// computes the set of locks held on a path to each call, marking at joins
// those some path does not hold: such a lock is held on the path that took
// it unless that is a failure branch or a release lies in between. A lock
// is a variable or a field path (c.mu, the mutex a struct embeds in
// c.Lock()), taken through a sync.Mutex, RWMutex, Locker, a project's own
// lock interface or a helper that only locks (c.lock()); Unlock or RUnlock
// of the same path releases it, a deferred unlock keeps it held to the end
// of the function. A function literal called where it is
// written runs under the locks held there; code started with go does not.
//
// Check asks the hot-io rule which of those calls block: a call hot-io
// reports gets the lock in its message, and any other call that reaches
// network, database, process or fsync I/O, directly or through functions
// of any package (facts carry every category a function reaches), is an
// io-under-lock finding:
//
//	c.mu.Lock()
//	defer c.mu.Unlock()
//	resp, err := c.http.Do(req) // reported: every reader of c waits for the round trip
//
// The fix copies what the call needs, unlocks, and then calls. File I/O,
// stats, encoders and connection writes are reported too where the lock
// guards data (the code under it updates what it protects, data.go); under
// a lock that only keeps a file's writes whole they are how records stay
// whole, and only its fsync is reported. A cache filled key by key under
// one lock gets its own fix: fetch outside the lock, or a per-key single
// flight.
package lockio

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// Options selects what Find looks at.
type Options struct {
	On    bool // the rule is on
	Tests bool // also look at _test.go files
}

// Held is the calls of a package made while a lock is held on every path
// to them.
type Held struct {
	calls    map[*ast.CallExpr][]Lock
	guards   map[string]bool         // field locks under which some code updates a field next to them
	writers  map[string]bool         // locks some code takes for writing, outside Close, Stop, Shutdown, Destroy
	sites    map[string][]token.Pos  // where each lock is taken, by lockRef.id
	unwaited map[token.Pos]bool      // lock calls whose waiters wait for what the holder does: initsOnce, isLockMethod
	paths    map[token.Pos]string    // lock calls on a normal path, with the words for it when not every path takes them
	data     map[token.Pos]bool      // lock calls after which code updates data the lock guards, not only a file or a writer
	unsunk   map[string]bool         // locks, by lockRef.id, under which some call is not on a file or writer of their holder
	writes   map[string]bool         // locks, by lockRef.id, under which some call writes a file or writer of their holder
	fills    map[token.Pos]token.Pos // lock calls that start filling one key of a cache (fillsCache), to the end of the lookup
}

// Lock is a lock held at a call.
type Lock struct {
	Name string    // as the code names it: c.mu
	Pos  token.Pos // the Lock or RLock call that took it
	Read bool      // taken with RLock: only writers wait
	Path string    // when held on some paths only, which: "on the path where c.client is nil"

	class  string // the mutex field, for a field lock
	id     string // the field, or the variable's key: lockRef.id
	always bool   // the call is made whenever the lock is taken there (error exits aside)
}

// Waited reports whether goroutines wait for l in a way worth a finding,
// given slow, the places where a lock is taken to do unbounded I/O
// whenever it is taken there. Not when l serialises an operation rather
// than guarding data, so that whoever takes it is there to wait for that
// operation: a mutex field under which no code of the package updates the
// fields next to it (db.cmtx, "compactions and deletions don't run
// simultaneously"), or a lock taken nowhere but to do such I/O (a handle
// whose every method is a round trip). Not when it was taken to build
// something once (initsOnce) or by a lock type's own Lock or Unlock
// (isLockMethod). Not when l is read-locked and only Close, Stop,
// Shutdown or Destroy write-lock it: readers do not wait for readers.
func (h *Held) Waited(l Lock, slow map[token.Pos]bool) bool {
	if h.unwaited[l.Pos] {
		return false
	}
	if l.class != "" && !h.guards[l.class] {
		return false
	}
	if _, fill := h.fills[l.Pos]; !fill && !slices.ContainsFunc(h.sites[l.id], func(p token.Pos) bool { return !slow[p] }) {
		return false // but a cache's other keys do not wait for this key's fetch
	}
	return !l.Read || h.writers[l.id]
}

// Any reports whether some call is made while a lock is held.
func (h *Held) Any() bool { return len(h.calls) > 0 }

// At returns the locks held at call, in the order they were taken.
func (h *Held) At(call *ast.CallExpr) []Lock { return h.calls[call] }

// finder is one run of Find.
type finder struct {
	info       *types.Info
	locks      *locks
	held       *Held
	done       map[*ast.FuncLit]bool       // literals analysed where they are called
	litUnlocks map[*ast.FuncLit][]string   // cache of unlocks
	fresh      map[*types.Var]bool         // local variables holding a value their function creates
	derived    map[*types.Var][]string     // local variables assigned from an expression naming these paths (lockRef.key)
	updaters   map[*types.Func]bool        // methods that update their receiver's fields without locking
	quiet      map[*types.Func]bool        // methods that take no lock and update none of their receiver's data
	lits       map[*types.Var]*ast.FuncLit // local variables assigned a function literal
	params     token.Pos                   // the start of the body being run: variables declared before it are parameters
}

// Find returns the calls of the package made while a lock is held. The
// analyzer calling it must require inspect.Analyzer.
func Find(pass *analysis.Pass, opts Options) *Held {
	h := &Held{calls: map[*ast.CallExpr][]Lock{}, guards: map[string]bool{}, writers: map[string]bool{},
		sites: map[string][]token.Pos{}, unwaited: map[token.Pos]bool{}, paths: map[token.Pos]string{},
		data: map[token.Pos]bool{}, unsunk: map[string]bool{}, writes: map[string]bool{}, fills: map[token.Pos]token.Pos{}}
	if !opts.On {
		return h
	}
	f := &finder{info: pass.TypesInfo, locks: newLocks(pass.TypesInfo, pass.Files), held: h,
		done: map[*ast.FuncLit]bool{}, litUnlocks: map[*ast.FuncLit][]string{}, derived: map[*types.Var][]string{}, lits: map[*types.Var]*ast.FuncLit{}}
	f.updaters, f.quiet = f.findUpdaters(pass.Files)
	for _, fn := range f.lockingFuncs(pass, opts.Tests) {
		switch fn := fn.(type) {
		case *ast.FuncDecl:
			f.body(fn.Body, nil)
		case *ast.FuncLit:
			if !f.done[fn] { // else analysed where its enclosing function calls it
				f.body(fn.Body, nil)
			}
		}
	}
	return h
}

// lockingFuncs returns the function declarations and literals that take a
// lock in their own body, outermost first. Methods that close, stop or
// shut down their value are left out: they run once, at the end, and the
// goroutines they make wait are going away too.
func (f *finder) lockingFuncs(pass *analysis.Pass, tests bool) []ast.Node {
	var fns []ast.Node
	for file := range pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().Children() {
		if !tests && strings.HasSuffix(pass.Fset.PositionFor(file.Node().Pos(), false).Filename, "_test.go") {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if !f.locks.mayAcquire(call) {
				continue
			}
			ref, o, ok := f.locks.lockCall(call)
			if !ok || o == release || isClosing(cur) || f.inHelper(cur) {
				continue
			}
			if f.fresh == nil {
				f.fresh = freshVars(pass)
			}
			if ref.root == nil || !f.fresh[ref.root] {
				f.held.sites[ref.id()] = append(f.held.sites[ref.id()], call.Pos())
				if o == acquire {
					f.held.writers[ref.id()] = true
				}
			}
			if f.initsOnce(cur, ref) || isLockMethod(cur) {
				f.held.unwaited[call.Pos()] = true
			} else if end, ok := f.fillsCache(cur); ok {
				f.held.fills[call.Pos()] = end
			}
			if path, ok := f.pathOf(cur); ok {
				f.held.paths[call.Pos()] = path
			}
			for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				if len(fns) == 0 || fns[len(fns)-1] != fn.Node() {
					fns = append(fns, fn.Node())
				}
				break
			}
		}
	}
	slices.SortFunc(fns, func(a, b ast.Node) int { return int(a.Pos() - b.Pos()) })
	return slices.Compact(fns)
}

// freshVars returns the local variables assigned once, from a value
// created there: &T{...}, T{...}, new(T). A lock in such a value
// (c := &client{...}; c.mu.Lock()) is taken while the function builds it:
// nobody else holds it or waits for it yet.
func freshVars(pass *analysis.Pass) map[*types.Var]bool {
	fresh := map[*types.Var]bool{}
	count := map[*types.Var]int{}
	note := func(lhs, rhs ast.Expr) {
		id, ok := astutil.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == pass.Pkg.Scope() {
			return
		}
		count[v]++
		fresh[v] = count[v] == 1 && rhs != nil && isCreation(pass.TypesInfo, rhs)
		if rhs == nil {
			count[v]++ // a second assignment, whatever comes
		}
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				note(l, rhs)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var rhs ast.Expr
				if len(n.Names) == len(n.Values) {
					rhs = n.Values[i]
				}
				note(id, rhs)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				note(n.X, nil) // its address is taken: it may change anywhere
			}
		}
	}
	return fresh
}

// isCreation reports whether e creates a new value: &T{...}, T{...},
// new(T).
func isCreation(info *types.Info, e ast.Expr) bool {
	switch x := astutil.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := astutil.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && lit
	case *ast.CallExpr:
		id, ok := astutil.Unparen(x.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		b, ok := info.Uses[id].(*types.Builtin)
		return ok && b.Name() == "new"
	}
	return false
}

// initsOnce reports whether the lock call at cur, taking the lock ref,
// starts a hand-written sync.Once: the first statement after it that is
// not a deferred unlock or an assignment returns when a field of the
// lock's holder is already set, `if p.client != nil { return p.client,
// nil }`. Whoever waits for the lock there needs what the first caller
// builds, as with sync.Once.Do.
func (f *finder) initsOnce(cur inspector.Cursor, ref lockRef) bool {
	holder, _, ok := ref.field()
	if !ok {
		return false
	}
	ifs, ok := earlyReturn(cur)
	if !ok || ifs.Init != nil {
		return false
	}
	cond, ok := astutil.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, y := cond.X, cond.Y
	if f.info.Types[x].IsNil() {
		x, y = y, x
	}
	sel, ok := astutil.Unparen(x).(*ast.SelectorExpr)
	if !ok || !f.info.Types[y].IsNil() {
		return false
	}
	field, ok := f.locks.ref(sel.X)
	return ok && field.key == holder
}

// inHelper reports whether cur is in the body of a lock helper: its
// callers take the lock.
func (f *finder) inHelper(cur inspector.Cursor) bool {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := f.info.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func)
		_, helper := f.locks.helpers[fn]
		return ok && helper
	}
	return false
}

// fillsCache reports whether the lock call at cur starts filling one key
// of a cache: the first statement after it that is not a deferred unlock
// or an assignment returns when the key is there already, `if v, ok :=
// c.items[id]; ok { return v }`, `if v, ok := c.lookup(id); ok`, `if e :=
// c.m[k]; e != nil`. Unlike a value built once, every other key's lookup
// waits for this one's fill.
func (f *finder) fillsCache(cur inspector.Cursor) (lookupEnd token.Pos, ok bool) {
	outer, ok := firstIf(cur)
	if !ok {
		return token.NoPos, false
	}
	// v, ok = c.items[id]; if ok { return v }
	ifs, before := outer, assignedBefore(cur, outer)
	if !endsInReturn(ifs) { // if useCache { v, ok := c.lookup(k); if ok { return v } }
		n := len(outer.Body.List)
		inner, ok := outer.Body.List[n-1].(*ast.IfStmt)
		if !ok || inner.Else != nil || !endsInReturn(inner) {
			return token.NoPos, false
		}
		ifs, before = inner, append(before, outer.Body.List[:n-1]...)
	}
	if !f.isPresenceTest(ifs.Cond) {
		return token.NoPos, false
	}
	keyed := false
	look := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			if _, isMap := f.info.TypeOf(n.X).Underlying().(*types.Map); isMap {
				keyed = true
			}
		case *ast.CallExpr:
			sel, ok := astutil.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && len(n.Args) > 0 && f.info.Selections[sel] != nil && !f.isBuiltin(n) {
				keyed = true // c.lookup(id), c.cache.Get(key)
			}
		}
		return true
	}
	for _, s := range before {
		ast.Inspect(s, look)
	}
	if ifs.Init != nil {
		ast.Inspect(ifs.Init, look)
	}
	ast.Inspect(ifs.Cond, look)
	return outer.End(), keyed
}

// afterLookup reports whether call, made with locks held, is past the
// lookup of a cache that one of them fills: on the path where the key
// was missing, which is not a failure.
func (h *Held) afterLookup(call *ast.CallExpr, locks []Lock) bool {
	for _, l := range locks {
		if end, ok := h.fills[l.Pos]; ok && call.Pos() > end {
			return true
		}
	}
	return false
}

// assignedBefore returns the assignments and declarations between the
// lock call at cur and ifs, the first if after it (firstIf).
func assignedBefore(cur inspector.Cursor, ifs *ast.IfStmt) []ast.Stmt {
	var out []ast.Stmt
	for next, ok := cur.Parent().NextSibling(); ok && next.Node() != ifs; next, ok = next.NextSibling() {
		switch s := next.Node().(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			out = append(out, s.(ast.Stmt))
		}
	}
	return out
}

// isPresenceTest reports whether cond says a value was found: ok, found,
// v != nil for a v that is not an error.
func (f *finder) isPresenceTest(cond ast.Expr) bool {
	switch c := astutil.Unparen(cond).(type) {
	case *ast.Ident:
		return types.Identical(f.info.TypeOf(c), types.Typ[types.Bool])
	case *ast.BinaryExpr:
		x, y := c.X, c.Y
		if f.info.Types[x].IsNil() {
			x, y = y, x
		}
		t := f.info.TypeOf(x)
		return c.Op == token.NEQ && f.info.Types[y].IsNil() && t != nil && !types.Identical(t, errorType)
	}
	return false
}

// earlyReturn returns the statement that decides, after the lock call at
// cur, whether there is anything to do: the first one that is not a
// deferred call, an assignment or a declaration, if it is an if without
// else whose body ends in a return.
func earlyReturn(cur inspector.Cursor) (*ast.IfStmt, bool) {
	ifs, ok := firstIf(cur)
	if !ok || !endsInReturn(ifs) {
		return nil, false
	}
	return ifs, true
}

// endsInReturn reports whether the body of ifs ends in a return.
func endsInReturn(ifs *ast.IfStmt) bool {
	_, ret := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	return ret
}

// firstIf returns the first statement after the lock call at cur that is
// not a deferred call, an assignment or a declaration, if it is an if
// without else and with a body.
func firstIf(cur inspector.Cursor) (*ast.IfStmt, bool) {
	if _, ok := cur.Parent().Node().(*ast.ExprStmt); !ok {
		return nil, false
	}
	next, ok := cur.Parent().NextSibling()
	for ok {
		switch next.Node().(type) {
		case *ast.DeferStmt, *ast.AssignStmt, *ast.DeclStmt:
			next, ok = next.NextSibling()
			continue
		}
		break
	}
	if !ok {
		return nil, false
	}
	ifs, ok := next.Node().(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return nil, false
	}
	return ifs, true
}

// isClosing reports whether cur is in a function declaration named Close,
// Stop, Shutdown or Destroy (whatever the case of the first letter).
func isClosing(cur inspector.Cursor) bool {
	name, _ := declName(cur)
	switch name {
	case "close", "stop", "shutdown", "destroy":
		return true
	}
	return false
}

// isLockMethod reports whether cur is in a method named Lock, Unlock,
// TryLock, RLock or RUnlock: its type is a lock itself (a distributed
// lock, a lease), and the mutex it holds while taking or releasing that
// lock serialises those operations; whoever waits for it is there to take
// the same lock. Consul's api.Lock: "Hold the lock as we try to acquire".
func isLockMethod(cur inspector.Cursor) bool {
	name, method := declName(cur)
	switch name {
	case "lock", "unlock", "trylock", "rlock", "runlock":
		return method
	}
	return false
}

// declName returns the name, in lower case, of the function declaration
// enclosing cur, and whether it is a method.
func declName(cur inspector.Cursor) (name string, method bool) {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := decl.Node().(*ast.FuncDecl)
		return strings.ToLower(fd.Name.Name), fd.Recv != nil
	}
	return "", false
}

// record notes that call is made with the locks of s held; always says
// of each whether the call is made whenever it is taken. A call on a
// failure exit (failing: building the error of `return
// errors.New("empty")`, logging it) does not tell what the lock is for:
// it neither makes nor unmakes a sink.
func (f *finder) record(call *ast.CallExpr, s state, always func(entry) bool, failing bool) {
	locks := make([]Lock, len(s))
	for i, e := range s {
		locks[i] = Lock{Name: e.name, Pos: e.pos, Read: e.read, class: e.class, id: e.id, always: always(e)}
		if e.may {
			locks[i].Path = f.held.paths[e.pos]
		}
	}
	slices.SortStableFunc(locks, func(a, b Lock) int { return int(a.Pos - b.Pos) })
	f.held.calls[call] = locks
	if failing {
		return
	}
	for _, e := range s {
		switch {
		case !f.onHandle(call, e.owner):
			f.held.unsunk[e.id] = true
		case isWrite(f.info, call):
			f.held.writes[e.id] = true
		}
	}
}

// isBuiltin reports whether call is a conversion or a call of a built-in
// function (len, append, delete): never I/O, not worth recording.
func (f *finder) isBuiltin(call *ast.CallExpr) bool {
	tv := f.info.Types[call.Fun]
	return tv.IsType() || tv.IsBuiltin()
}

// isBuiltinNamed reports whether call is a call of one of the built-in
// functions named.
func (f *finder) isBuiltinNamed(call *ast.CallExpr, names ...string) bool {
	id, ok := astutil.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := f.info.Uses[id].(*types.Builtin)
	return ok && slices.Contains(names, b.Name())
}
