package profiles

import (
	"go/types"
	"strings"
)

// Key is the key of a declared function: its package path, a dot and its
// name as the compiler writes it in a profile, without type arguments:
// "example.com/p.F", "example.com/p.(*T).M", "example.com/p.T.M".
func Key(fn *types.Func) string {
	fn = fn.Origin()
	pkg := PkgKey(fn.Pkg())
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return pkg + "." + fn.Name()
	}
	t := sig.Recv().Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	recv := ""
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		recv = t.Obj().Name()
	default:
		return pkg + "." + fn.Name() // an interface method: never in a profile
	}
	if ptr {
		return pkg + ".(*" + recv + ")." + fn.Name()
	}
	return pkg + "." + recv + "." + fn.Name()
}

// PkgKey is the package part of the keys of pkg's functions: its import
// path, or "main" for a main package, whose symbols the linker names so.
func PkgKey(pkg *types.Package) string {
	switch {
	case pkg == nil:
		return ""
	case pkg.Name() == "main":
		return "main"
	}
	return pkg.Path()
}

// Split cuts a function name from a profile into its package path and the
// rest: "example.com/a%2eb.(*T[go.shape.int]).M" is "example.com/a.b" and
// "(*T).M". Type arguments are left out (they hold dots and slashes of
// their own), and so is the "-fm" of a method value's wrapper.
func Split(name string) (pkg, rest string) {
	name = stripBrackets(name)
	name = strings.TrimSuffix(name, "-fm")
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return "", name
	}
	dot += slash + 1
	return strings.ReplaceAll(name[:dot], "%2e", "."), name[dot+1:]
}

// stripBrackets leaves out every [...] of s, nested ones included.
func stripBrackets(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isLiteral reports whether rest, a name without its package, names a
// function literal: a part after the first that is funcN or a number
// (F.func1, (*T).M.func2, F.func1.1 for a literal in a literal).
func isLiteral(rest string) bool {
	parts := strings.Split(rest, ".")
	for _, p := range parts[1:] {
		if isNumbered(p, "func") || isNumbered(p, "") {
			return true
		}
	}
	return false
}

// isNumbered reports whether s is prefix followed by decimal digits.
func isNumbered(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) || len(s) == len(prefix) {
		return false
	}
	for _, c := range s[len(prefix):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isRuntime reports whether the profile's function name is of the
// runtime, whose frames start goroutines (runtime.goexit, runtime.main)
// or are the lock's own.
func isRuntime(name string) bool {
	return strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "runtime/")
}

// isSync reports whether the profile's function is of the lock's own code.
func isSync(name string) bool {
	return isRuntime(name) || strings.HasPrefix(name, "sync.") || strings.HasPrefix(name, "internal/sync.")
}

// isLockOp reports whether the profile's function is a lock or unlock of
// a sync.Mutex or sync.RWMutex.
func isLockOp(name string) bool {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "internal/"), "sync.")
	return strings.HasPrefix(name, "(*Mutex).") || strings.HasPrefix(name, "(*RWMutex).")
}
