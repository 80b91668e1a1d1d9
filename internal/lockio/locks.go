package lockio

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// op is what a call does to a lock.
type op uint8

const (
	acquire  op = iota + 1 // Lock
	racquire               // RLock
	release                // Unlock, RUnlock
)

// lockRef is a lock as the code names it: a variable, or a path of fields
// from one (embedded mutexes included), optionally through indexes by a
// constant or a variable.
type lockRef struct {
	key  string // identity: the objects of the path
	name string // as messages show it: c.mu, s.Mutex, shards[i].mu
	root *types.Var
}

// id is what identifies the lock across functions: the mutex field (the
// same for every value of the type) or, for a variable, its key.
func (r lockRef) id() string {
	if _, class, ok := r.field(); ok {
		return class
	}
	return r.key
}

// field splits the key of a lock that is a field (c.mu, c.Mutex,
// c.locks[i]) into the key of the value holding it (c) and the field
// itself, the same for every value of the type; ok is false for a
// variable.
func (r lockRef) field() (owner, class string, ok bool) {
	k := r.key
	for strings.HasSuffix(k, "]") {
		k = k[:strings.LastIndex(k, "[")]
	}
	i := strings.LastIndex(k, ".")
	if i < 0 {
		return "", "", false
	}
	return k[:i], k[i+1:], true
}

// locks recognises the lock operations of a package and names their locks.
type locks struct {
	info    *types.Info
	ids     map[types.Object]int // a number per object of a path, for keys
	helpers map[*types.Func]helper
}

// helper is a function of the package that does nothing but take or
// release one lock: func (c *conn) lock() { c.mu.Lock() }. A call of it
// is that operation on the lock its receiver names, or on the package
// variable it locks.
type helper struct {
	op         op
	key, name  string // the path from the receiver: ".#7", ".mu"; the whole lock for a variable
	onReceiver bool
}

func newLocks(info *types.Info, files []*ast.File) *locks {
	l := &locks{info: info, ids: map[types.Object]int{}}
	l.helpers = l.findHelpers(files)
	return l
}

// findHelpers returns the functions of files whose body makes one call,
// a lock operation (not deferred) on a path from the receiver or on a
// package variable.
func (l *locks) findHelpers(files []*ast.File) map[*types.Func]helper {
	helpers := map[*types.Func]helper{}
	for _, file := range files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := l.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			var calls []*ast.CallExpr
			deferred := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.GoStmt:
					calls = append(calls, nil) // not a plain helper
					return false
				case *ast.DeferStmt:
					deferred = true
				case *ast.CallExpr:
					if tv := l.info.Types[n.Fun]; !tv.IsType() && !tv.IsBuiltin() {
						calls = append(calls, n)
					}
				}
				return true
			})
			if len(calls) != 1 || calls[0] == nil || deferred {
				continue
			}
			ref, o, ok := l.lockCall(calls[0])
			if !ok {
				continue
			}
			recv := fn.Signature().Recv()
			switch {
			case ref.root == nil || ref.root.Pkg() != nil && ref.root.Parent() == ref.root.Pkg().Scope(): // a package variable
				helpers[fn] = helper{op: o, key: ref.key, name: ref.name}
			case recv != nil && ref.root == recv:
				root := l.id(recv)
				helpers[fn] = helper{op: o, key: ref.key[len(root):], name: ref.name[len(recv.Name()):], onReceiver: true}
			}
		}
	}
	return helpers
}

// lockCall returns what call does to which lock: Lock, RLock, Unlock or
// RUnlock of a sync.Mutex or sync.RWMutex, of a sync.Locker or of a
// project's own lock interface, called on a variable or a field path, the
// mutex itself or a struct embedding it; or a call of a helper of the
// package that does one of those (c.lock(), defer c.unlock()). TryLock is
// not an acquisition here: whether it took the lock depends on its result.
func (l *locks) lockCall(call *ast.CallExpr) (lockRef, op, bool) {
	if ref, o, ok := l.helperCall(call); ok {
		return ref, o, true
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return lockRef{}, 0, false
	}
	selection := l.info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return lockRef{}, 0, false
	}
	o, ok := mutexOp(selection.Obj())
	if !ok {
		return lockRef{}, 0, false
	}
	ref, ok := l.ref(sel.X)
	if !ok {
		return lockRef{}, 0, false
	}
	// The fields embedded on the way to the mutex: c.Lock() locks c.Mutex.
	t := selection.Recv()
	index := selection.Index()
	for _, i := range index[:len(index)-1] {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return lockRef{}, 0, false
		}
		f := st.Field(i)
		ref.key += "." + l.id(f.Origin())
		ref.name += "." + f.Name()
		t = f.Type()
	}
	return ref, o, true
}

// helperCall returns what a call of a lock helper does to which lock.
func (l *locks) helperCall(call *ast.CallExpr) (lockRef, op, bool) {
	if len(l.helpers) == 0 {
		return lockRef{}, 0, false
	}
	fn := typeutil.StaticCallee(l.info, call)
	if fn == nil {
		return lockRef{}, 0, false
	}
	h, ok := l.helpers[fn.Origin()]
	if !ok {
		return lockRef{}, 0, false
	}
	if !h.onReceiver {
		return lockRef{key: h.key, name: h.name}, h.op, true
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return lockRef{}, 0, false
	}
	ref, ok := l.ref(sel.X)
	if !ok {
		return lockRef{}, 0, false
	}
	ref.key += h.key
	ref.name += h.name
	return ref, h.op, true
}

// mutexOp returns the operation of a method of sync.Mutex or
// sync.RWMutex, of the interface sync.Locker, or of an interface of the
// project's own that is a lock: its methods include Lock() and Unlock(),
// taking and returning nothing.
func mutexOp(obj types.Object) (op, bool) {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return 0, false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return 0, false
	}
	if isLockInterface(recv.Type()) {
		return opNamed(fn)
	}
	if fn.Pkg().Path() != "sync" {
		return 0, false
	}
	named, ok := types.Unalias(deref(recv.Type())).(*types.Named)
	if !ok || named.Obj().Name() != "Mutex" && named.Obj().Name() != "RWMutex" {
		return 0, false
	}
	return opNamed(fn)
}

// isLockInterface reports whether t is an interface whose methods include
// Lock() and Unlock(): sync.Locker, a project's RWLocker.
func isLockInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	has := func(name string) bool {
		for m := range iface.Methods() {
			if m.Name() == name {
				sig := m.Signature()
				return sig.Params().Len() == 0 && sig.Results().Len() == 0
			}
		}
		return false
	}
	return has("Lock") && has("Unlock")
}

// opNamed is the operation of a lock method by its name.
func opNamed(fn *types.Func) (op, bool) {
	switch fn.Name() {
	case "Lock":
		return acquire, true
	case "RLock":
		return racquire, true
	case "Unlock", "RUnlock":
		return release, true
	}
	return 0, false
}

// ref names the lock expression e denotes, if it is a path: a variable
// (local or package-level), a field of a path, a dereference or address of
// one, or an element of one indexed by a constant or a variable.
func (l *locks) ref(e ast.Expr) (lockRef, bool) {
	switch x := astutil.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := l.info.Uses[x].(*types.Var); ok {
			return lockRef{key: l.id(v), name: x.Name, root: v}, true
		}
	case *ast.SelectorExpr:
		selection := l.info.Selections[x]
		if selection == nil { // a qualified identifier: pkg.mu
			if v, ok := l.info.Uses[x.Sel].(*types.Var); ok {
				return lockRef{key: l.id(v), name: types.ExprString(x)}, true
			}
			return lockRef{}, false
		}
		if selection.Kind() != types.FieldVal {
			return lockRef{}, false
		}
		ref, ok := l.ref(x.X)
		if !ok {
			return lockRef{}, false
		}
		t := selection.Recv()
		for _, i := range selection.Index() {
			st, ok := deref(t).Underlying().(*types.Struct)
			if !ok || i >= st.NumFields() {
				return lockRef{}, false
			}
			f := st.Field(i)
			ref.key += "." + l.id(f.Origin())
			t = f.Type()
		}
		ref.name += "." + x.Sel.Name
		return ref, true
	case *ast.StarExpr:
		return l.ref(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return l.ref(x.X)
		}
	case *ast.IndexExpr:
		ref, ok := l.ref(x.X)
		if !ok {
			return lockRef{}, false
		}
		if tv := l.info.Types[x.Index]; tv.Value != nil {
			ref.key += "[" + tv.Value.ExactString() + "]"
		} else if id, ok := astutil.Unparen(x.Index).(*ast.Ident); ok {
			v, ok := l.info.Uses[id].(*types.Var)
			if !ok {
				return lockRef{}, false
			}
			ref.key += "[" + l.id(v) + "]"
		} else {
			return lockRef{}, false
		}
		ref.name += "[" + types.ExprString(x.Index) + "]"
		return ref, true
	}
	return lockRef{}, false
}

// id is the number of obj in keys.
func (l *locks) id(obj types.Object) string {
	n, ok := l.ids[obj]
	if !ok {
		n = len(l.ids) + 1
		l.ids[obj] = n
	}
	return "#" + strconv.Itoa(n)
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// mayAcquire reports whether call may take a lock, by the name of the
// method it calls or by being a helper: a cheap test before lockCall.
func (l *locks) mayAcquire(call *ast.CallExpr) bool {
	switch fun := astutil.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if fun.Sel.Name == "Lock" || fun.Sel.Name == "RLock" {
			return true
		}
	case *ast.Ident:
	default:
		return false
	}
	if len(l.helpers) == 0 {
		return false
	}
	fn := typeutil.StaticCallee(l.info, call)
	if fn == nil {
		return false
	}
	h, ok := l.helpers[fn.Origin()]
	return ok && h.op != release
}
