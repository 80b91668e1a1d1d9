package catalogue

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/names"
)

// Entry is what the catalogue knows of a blocking call.
type Entry struct {
	Cat         Category
	Does        string // what the call does, in words; the category's wording when its row has none
	NoRoundTrip bool   // network I/O that waits for no answer: Row.NoRoundTrip
}

// rows are the row lists of the table.
var rows = [][]Row{stdRows, logs.rows, netRows, dbRows}

// table is every blocking call, keyed by types.Func.FullName() with
// canonical package paths (fullName); a key "(T).*" stands for every
// method of T. A key listed twice is caught by TestNoDuplicateKeys, not
// here: the first row wins. Built on first use: a go vet unit of the
// standard library never needs it.
var table = sync.OnceValue(func() map[string]Entry { return index(rows...) })

// index builds the table from rows.
func index(tables ...[]Row) map[string]Entry {
	n := 0
	for _, rows := range tables {
		for _, r := range rows {
			n += len(r.Names)
		}
	}
	m := make(map[string]Entry, n)
	for _, rows := range tables {
		for _, r := range rows {
			e := Entry{Cat: r.Cat, Does: r.Does, NoRoundTrip: r.NoRoundTrip}
			if e.Does == "" {
				e.Does = r.Cat.Does()
			}
			for _, k := range r.keys() {
				if _, dup := m[k]; !dup {
					m[k] = e
				}
			}
		}
	}
	return m
}

// Lookup returns the entry of the function of full name full
// (types.Func.FullName), also when full names a vendored copy or an alias
// of the row's package.
func Lookup(full string) (Entry, bool) {
	e, ok := table()[canonicalFull(full)]
	return e, ok
}

// LookupFunc returns the entry of fn, a concrete function, by its full
// name or by a whole-type "(T).*" row: what a call of fn does wherever it
// is made, for a caller that knows the function but not the call site
// (the whole-program pass, resolving a dynamic call).
func LookupFunc(fn *types.Func) (Entry, bool) {
	if e, ok := table()[fullName(fn)]; ok {
		return e, true
	}
	if recv := fn.Signature().Recv(); recv != nil {
		e, ok := table()["("+types.TypeString(recv.Type(), qualify)+").*"]
		return e, ok
	}
	return Entry{}, false
}

// Match finds fn, the static callee of call, in the catalogue: by its full
// name, by a whole-type "(T).*" row, by the receiver's type at the call
// site (a method promoted from an embedded or unexported type), or, for an
// abstract interface method, by its results (resultRows). Package paths
// are compared canonical: a vendored copy or an alias matches the rows of
// its original. name is the callee as messages show it. A write method
// called on os.Stdout or os.Stderr itself is stdout, not file, as
// fmt.Fprintf(os.Stderr, …) is (streamWrite).
func Match(info *types.Info, call *ast.CallExpr, fn *types.Func) (e Entry, name string, ok bool) {
	if e, ok := streamWrite(info, call, fn); ok {
		return e, names.Display(fn), true
	}
	if e, ok := table()[fullName(fn)]; ok {
		return e, names.Display(fn), true
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return Entry{}, "", false
	}
	var selection *types.Selection
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		selection = info.Selections[sel]
	}
	if e, ok := table()["("+types.TypeString(recv.Type(), qualify)+").*"]; ok {
		return e, wholeTypeName(selection, fn), true
	}
	if selection != nil && selection.Kind() == types.MethodVal {
		if e, name, ok := matchEmbedded(selection, fn); ok {
			return e, name, true
		}
	}
	if e, ok := matchResults(fn); ok {
		return e, names.Display(fn), true
	}
	return Entry{}, "", false
}

// wholeTypeName names a call matched by a "(T).*" row by the receiver the
// user wrote ((*redis.Client).Get), not by the unexported type declaring
// the method (redis.cmdable).
func wholeTypeName(selection *types.Selection, fn *types.Func) string {
	if selection != nil && selection.Kind() == types.MethodVal {
		if named := names.NamedOf(selection.Recv()); named != nil && named.Obj().Pkg() != nil {
			return "(*" + named.Obj().Pkg().Name() + "." + named.Obj().Name() + ")." + fn.Name()
		}
	}
	return names.Display(fn)
}

// matchEmbedded walks the embedding path of selection from the static
// receiver type down to the type declaring the method, trying each named
// type on the way: a struct embedding *os.File writes a file.
func matchEmbedded(selection *types.Selection, fn *types.Func) (Entry, string, bool) {
	t := selection.Recv()
	path := selection.Index()
	for i := 0; ; i++ {
		if named := names.NamedOf(t); named != nil && named.Obj().Pkg() != nil {
			obj := named.Obj()
			base := canonical(obj.Pkg().Path()) + "." + obj.Name()
			for _, key := range []string{"(*" + base + ")." + fn.Name(), "(" + base + ")." + fn.Name()} {
				if e, ok := table()[key]; ok {
					return e, "(*" + obj.Pkg().Name() + "." + obj.Name() + ")." + fn.Name(), true
				}
			}
		}
		if i >= len(path)-1 {
			break
		}
		st, ok := names.Deref(t).Underlying().(*types.Struct)
		if !ok || path[i] >= st.NumFields() {
			break
		}
		t = st.Field(path[i]).Type()
	}
	return Entry{}, "", false
}

// Size reports how many names the catalogue holds, writer-dependent calls
// and methods included.
func Size() int { return len(table()) + len(writerFuncs) + len(writerMethods) }

// Lines returns the catalogue as sorted "name category" lines, for
// documentation; writer-dependent entries say when they block.
func Lines() []string {
	var out []string
	for k, e := range table() {
		line := k + " " + e.Cat.String()
		if name, ok := strings.CutPrefix(k, "(*os.File)."); ok && streamWrites[name] {
			line += " (stdout when called on os.Stdout or os.Stderr)"
		}
		out = append(out, line)
	}
	for k, f := range writerFuncs {
		out = append(out, k+" "+f.Cat.String()+" (when the writer is a file or connection)")
	}
	for k, m := range writerMethods {
		out = append(out, k+" "+m.Cat.String()+" (when the writer is a file or connection)")
	}
	sort.Strings(out)
	return out
}

// streamWrites are the methods of *os.File that write to the file.
var streamWrites = map[string]bool{"Write": true, "WriteString": true, "WriteAt": true, "ReadFrom": true}

// streamWrite matches a write method of *os.File called on os.Stdout or
// os.Stderr, written as such (os.Stdout.Write(b)): it writes to a
// standard stream, the stdout category, so that -disable=stdout turns off
// os.Stdout.Write as it does fmt.Println. Match sees no assignments: the
// hot-io rule, which does, asks IsStreamWrite and StreamEntry for out :=
// os.Stdout; out.Write(b).
func streamWrite(info *types.Info, call *ast.CallExpr, fn *types.Func) (Entry, bool) {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Entry{}, false
	}
	stream, ok := astutil.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return Entry{}, false
	}
	v, ok := info.Uses[stream.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() != "os" {
		return Entry{}, false
	}
	if !IsStreamWrite(fn) {
		return Entry{}, false
	}
	return StreamEntry(v.Name())
}

// IsStreamWrite reports whether fn is a write method of *os.File: called
// on os.Stdout or os.Stderr, it writes to a standard stream (StreamEntry).
func IsStreamWrite(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && streamWrites[fn.Name()] && fn.Pkg() != nil && fn.Pkg().Path() == "os" &&
		types.TypeString(recv.Type(), nil) == "*os.File"
}

// StreamEntry is the entry of a stream write method (IsStreamWrite) called
// on the standard stream named stream ("Stdout" or "Stderr": os.Stdout,
// os.Stderr): category stdout. ok is false for any other name.
func StreamEntry(stream string) (e Entry, ok bool) {
	switch stream {
	case "Stdout":
		return Entry{Cat: Stdout, Does: "writes to standard output"}, true
	case "Stderr":
		return Entry{Cat: Stdout, Does: "writes to standard error"}, true
	}
	return Entry{}, false
}
