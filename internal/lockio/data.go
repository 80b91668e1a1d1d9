package lockio

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// A lock guards data at a place it is taken when the code under it
// updates what the lock protects: fields of the value holding the lock
// (a field lock's holder) or what they lead to (maps, pointers reached
// from them: `s := tm.get(id); s.score++`), directly or through a method
// of the package that updates its receiver without locking; for a lock in
// a variable, package variables and what parameters point to. I/O there
// makes everyone who needs that data wait, whatever its category. A lock
// under which only files or writers of the holder are written (a log
// sink, a journal) does not guard data that way: it keeps the records
// whole.

// updates notes what the expressions es (assigned, incremented, deleted
// from) update while the locks of s are held: guards for the field locks
// of the holder (Waited), data for the lock calls (dataUnder).
func (f *finder) updates(s state, es ...ast.Expr) {
	if len(s) == 0 {
		return
	}
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SelectorExpr:
				selection := f.info.Selections[n]
				if selection == nil || selection.Kind() != types.FieldVal {
					return true
				}
				handle := isHandle(selection.Type())
				if holder, ok := f.locks.ref(n.X); ok {
					f.touch(s, holder, handle)
				}
			case *ast.Ident:
				if v, ok := f.info.Uses[n].(*types.Var); ok && f.isShared(v) {
					f.touchVars(s, isHandle(v.Type()))
				}
			}
			return true
		})
	}
}

// touch notes an update of a field of holder: of the holder's locks held,
// the one taken last guards it (fs.syncMu.Lock(); fs.mu.Lock(); fs.dirty++
// is fs.mu's); a holder assigned from an expression naming another value
// is that value's too.
func (f *finder) touch(s state, holder lockRef, handle bool) {
	owners := []string{holder.key}
	if holder.root != nil && holder.key == f.locks.id(holder.root) {
		owners = append(owners, f.derived[holder.root]...)
	}
	for _, owner := range owners {
		var inner *entry
		for i, l := range s {
			if l.class != "" && l.owner == owner && (inner == nil || l.pos > inner.pos) {
				inner = &s[i]
			}
		}
		if inner != nil {
			f.held.guards[inner.class] = true
			if !handle {
				f.held.data[inner.pos] = true
			}
		}
	}
	if holder.root != nil && f.isShared(holder.root) {
		f.touchVars(s, handle)
	}
}

// touchVars notes an update of shared data for the locks of s held in
// variables.
func (f *finder) touchVars(s state, handle bool) {
	if handle {
		return
	}
	for _, l := range s {
		if l.class == "" {
			f.held.data[l.pos] = true
		}
	}
}

// isShared reports whether v is a package variable or a parameter of the
// function being run: what it holds outlives the call.
func (f *finder) isShared(v *types.Var) bool {
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return true
	}
	return v.Pos() < f.params && !v.IsField()
}

// updatesReceiver notes the update a call of a method that updates its
// receiver makes.
func (f *finder) updatesReceiver(s state, call *ast.CallExpr) {
	fn := typeutil.StaticCallee(f.info, call)
	if fn == nil || !f.updaters[fn.Origin()] {
		return
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if holder, ok := f.locks.ref(sel.X); ok {
		f.touch(s, holder, false)
	}
}

// deriveVars notes the local variables of body assigned from an
// expression naming a path: s := tm.get(id), e := c.entries[k].
func (f *finder) deriveVars(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		if len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if lit, ok := astutil.Unparen(as.Rhs[0]).(*ast.FuncLit); ok {
				if id, ok := as.Lhs[0].(*ast.Ident); ok {
					if v, ok := f.info.ObjectOf(id).(*types.Var); ok {
						f.lits[v] = lit
					}
				}
			}
		}
		var keys []string
		for _, rhs := range as.Rhs {
			ast.Inspect(rhs, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.Ident, *ast.SelectorExpr:
					if ref, ok := f.locks.ref(n.(ast.Expr)); ok {
						keys = append(keys, ref.key)
					}
				}
				return true
			})
		}
		if len(keys) == 0 {
			return true
		}
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok {
				if v, ok := f.info.ObjectOf(id).(*types.Var); ok {
					f.derived[v] = append(f.derived[v], keys...)
				}
			}
		}
		return true
	})
}

// findUpdaters returns the methods of files that update a field of their
// receiver, directly or through another such method on it, and take no
// lock: their callers hold the lock that guards it. Quiet are the others
// that take no lock and open a file or writer of their receiver: they
// give a sink its files.
func (f *finder) findUpdaters(files []*ast.File) (updaters, quiet map[*types.Func]bool) {
	type method struct {
		recv  *types.Var
		body  *ast.BlockStmt
		calls []*types.Func // methods it calls on its receiver
	}
	methods := map[*types.Func]*method{}
	updaters, quiet = map[*types.Func]bool{}, map[*types.Func]bool{}
	for _, file := range files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv == nil {
				continue
			}
			fn, ok := f.info.Defs[fd.Name].(*types.Func)
			if !ok || fn.Signature().Recv() == nil {
				continue
			}
			m := &method{recv: fn.Signature().Recv(), body: fd.Body}
			onRecv := func(e ast.Expr) bool {
				ref, ok := f.locks.ref(e)
				return ok && ref.root == m.recv
			}
			locks, updates, opens := false, false, false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.GoStmt:
					return false
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						if t := f.info.TypeOf(l); t != nil && isHandle(t) {
							opens = opens || onRecvPath(l, onRecv)
							continue // a file or writer it opens: not data
						}
						if sel, ok := astutil.Unparen(l).(*ast.SelectorExpr); ok && onRecv(sel.X) {
							updates = true
						}
						if ix, ok := astutil.Unparen(l).(*ast.IndexExpr); ok && onRecv(ix.X) {
							updates = true
						}
					}
				case *ast.IncDecStmt:
					if sel, ok := astutil.Unparen(n.X).(*ast.SelectorExpr); ok && onRecv(sel.X) {
						updates = true
					}
				case *ast.CallExpr:
					if _, _, ok := f.locks.lockCall(n); ok {
						locks = true
					}
					if f.isBuiltinNamed(n, "delete", "clear") && len(n.Args) > 0 && onRecv(n.Args[0]) {
						updates = true
					}
					if sel, ok := astutil.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						if callee := typeutil.StaticCallee(f.info, n); callee != nil && onRecv(sel.X) {
							m.calls = append(m.calls, callee.Origin())
						}
					}
				}
				return true
			})
			if locks {
				continue
			}
			methods[fn] = m
			if updates {
				updaters[fn] = true
			}
			if opens {
				quiet[fn] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, m := range methods {
			if updaters[fn] {
				continue
			}
			for _, c := range m.calls {
				if updaters[c] {
					updaters[fn], changed = true, true
					break
				}
			}
		}
	}
	for fn := range quiet {
		if updaters[fn] {
			delete(quiet, fn)
		}
	}
	return updaters, quiet
}

// onHandle reports whether call writes, reads or syncs a file or writer
// of the value owner (a lockRef key; any for a lock in a variable): a
// method of it, or a call taking it first (fmt.Fprintf(s.f, ...)), also
// through a local variable taken from it (file := s.file[sev]). Calls
// that do nothing else count too: a method of owner that updates none of
// its data, takes no lock and opens a file or writer of it (glog's
// createMissingFiles, which opens the files it lacks), a literal of the
// function that calls nothing (updateErr := func(err error) { ... }).
func (f *finder) onHandle(call *ast.CallExpr, owner string) bool {
	if f.isBuiltin(call) {
		return true
	}
	mine := func(key string) bool { return owner == "" || strings.HasPrefix(key, owner+".") }
	is := func(e ast.Expr) bool {
		tv := f.info.Types[e]
		if tv.Type == nil || !isHandle(tv.Type) {
			return false
		}
		ref, ok := f.locks.ref(e)
		if !ok {
			return false
		}
		return mine(ref.key) || ref.root != nil && slices.ContainsFunc(f.derived[ref.root], mine)
	}
	fun := astutil.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if is(sel.X) {
			return true
		}
		if ref, ok := f.locks.ref(sel.X); ok && owner != "" && ref.key == owner {
			if fn := typeutil.StaticCallee(f.info, call); fn != nil && f.quiet[fn.Origin()] {
				return true
			}
		}
	}
	if id, ok := fun.(*ast.Ident); ok {
		if v, ok := f.info.Uses[id].(*types.Var); ok && f.lits[v] != nil && !f.callsAnything(f.lits[v]) {
			return true
		}
	}
	return len(call.Args) > 0 && is(call.Args[0])
}

// callsAnything reports whether lit calls a function other than a
// built-in one.
func (f *finder) callsAnything(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !f.isBuiltin(call) {
			found = true
		}
		return !found
	})
	return found
}

// onRecvPath reports whether e, assigned to, is a field of the receiver
// or an element of one: s.file[sev].
func onRecvPath(e ast.Expr, onRecv func(ast.Expr) bool) bool {
	switch x := astutil.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return onRecv(x.X)
	case *ast.IndexExpr:
		return onRecvPath(x.X, onRecv)
	}
	return false
}

// isHandle reports whether t is a file, a connection or a writer (a type
// with a Write, Sync or Encode method), or a slice, array or map of them.
func isHandle(t types.Type) bool { return isHandleAt(t, 0) }

// isHandleAt is isHandle for element types depth levels down; a type made
// of itself (type Tree map[string]Tree) ends at the bound.
func isHandleAt(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice: // the files of each severity: l.file[s]
		return isHandleAt(u.Elem(), depth+1)
	case *types.Array:
		return isHandleAt(u.Elem(), depth+1)
	case *types.Map:
		return isHandleAt(u.Elem(), depth+1)
	}
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Pointer); !ok && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for _, name := range []string{"Write", "Sync", "Encode"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// dataUnder reports whether code under l, where it was taken, updates data
// it guards.
func (h *Held) dataUnder(l Lock) bool { return h.data[l.Pos] }

// sink reports whether l is taken, for writing, only to write files or
// writers of its holder: a log sink, a journal, where nothing else is
// called under it anywhere and something is written.
func (h *Held) sink(l Lock) bool { return !l.Read && h.writes[l.id] && !h.unsunk[l.id] }

// isWrite reports whether call writes: Write, WriteString, WriteAt,
// Fprint*, Encode.
func isWrite(info *types.Info, call *ast.CallExpr) bool {
	fn := typeutil.Callee(info, call)
	if fn == nil {
		return false
	}
	name := fn.Name()
	return strings.HasPrefix(name, "Write") || strings.HasPrefix(name, "Fprint") || name == "Encode"
}
