package lockio

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
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
	info *types.Info
	ids  map[types.Object]int // a number per object of a path, for keys
}

func newLocks(info *types.Info) *locks {
	return &locks{info: info, ids: map[types.Object]int{}}
}

// lockCall returns what call does to which lock: Lock, RLock, Unlock or
// RUnlock of a sync.Mutex or sync.RWMutex, called on a variable or a field
// path, the mutex itself or a struct embedding it. TryLock is not an
// acquisition here: whether it took the lock depends on its result.
func (l *locks) lockCall(call *ast.CallExpr) (lockRef, op, bool) {
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

// mutexOp returns the operation of a method of sync.Mutex or sync.RWMutex.
func mutexOp(obj types.Object) (op, bool) {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return 0, false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return 0, false
	}
	named, ok := types.Unalias(deref(recv.Type())).(*types.Named)
	if !ok || named.Obj().Name() != "Mutex" && named.Obj().Name() != "RWMutex" {
		return 0, false
	}
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

// isAcquireName reports whether call may take a lock, by the name of the
// method it calls: a cheap test before lockCall.
func isAcquireName(call *ast.CallExpr) bool {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "Lock" || sel.Sel.Name == "RLock")
}
