package hotio

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/names"
)

// callInfo is what is known of one call: its static target and, for a
// declared function, whether it blocks by itself.
type callInfo struct {
	target
	m        match
	blocking bool       // m is set
	trusted  bool       // the user declared the callee non-blocking
	debug    *debugInfo // a debug-level logging call: not I/O
}

// match is a direct blocking call.
type match struct {
	cat         catalogue.Category
	name        string // the callee as shown in messages
	does        string // what it does, in words
	noRoundTrip bool   // network I/O that waits for no answer (catalogue.Row.NoRoundTrip)
}

// unbounded reports whether the call waits with no bound the caller
// controls: a round trip, a process, an fsync (Category.Unbounded), not a
// read or write on a connection already open.
func (m match) unbounded() bool { return m.cat.Unbounded() && !m.noRoundTrip }

// matcher decides whether a call blocks by itself: a catalogue row, a
// configured blocking function, or a writer-dependent call on a file or a
// connection.
type matcher struct {
	pass *analysis.Pass
	s    *config.Settings
	r    *resolver
	g    *graph
}

// matchCalls resolves and matches every call of the package once, for the
// fact fixpoint and the hot walk alike.
func matchCalls(pass *analysis.Pass, s *config.Settings, r *resolver, g *graph) map[*ast.CallExpr]*callInfo {
	m := &matcher{pass: pass, s: s, r: r, g: g}
	calls := map[*ast.CallExpr]*callInfo{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				ci := &callInfo{target: r.resolve(call)}
				if ci.fn != nil {
					ci.m, ci.blocking, ci.trusted = m.direct(call, ci.fn)
					if !ci.trusted {
						ci.debug = m.debugCall(call, ci.fn)
					}
					if ci.debug != nil {
						ci.m, ci.blocking = match{}, false
					}
				}
				calls[call] = ci
			}
			return true
		})
	}
	return calls
}

// direct reports whether call, whose static callee is fn, is blocking I/O
// by itself. trusted reports a callee the user declared non-blocking.
func (m *matcher) direct(call *ast.CallExpr, fn *types.Func) (_ match, ok, trusted bool) {
	if m.isTrusted(fn) {
		return match{}, false, true
	}
	full := fn.FullName()
	if cat, ok := m.s.Blocking[names.UserKey(fn)]; ok {
		return m.enabled(match{cat: cat, name: names.Display(fn), does: cat.Does()})
	}
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok && catalogue.IsStreamWrite(fn) {
		if e, ok := catalogue.StreamEntry(m.stdStream(sel.X, 0)); ok { // out := os.Stdout; out.Write(b)
			return m.enabled(match{cat: e.Cat, name: names.Display(fn), does: e.Does})
		}
	}
	if e, name, ok := catalogue.Match(m.pass.TypesInfo, call, fn); ok {
		return m.enabled(match{cat: e.Cat, name: name, does: e.Does, noRoundTrip: e.NoRoundTrip})
	}
	if rule, ok := catalogue.LookupWriterFunc(full); ok {
		for _, i := range rule.Args {
			if i >= len(call.Args) {
				continue
			}
			if mt, ok := classMatch(m.classify(call.Args[i], 0, true), rule.Cat, names.Display(fn)); ok {
				if mt.cat == catalogue.Stdout {
					switch m.stdStream(call.Args[i], 0) {
					case "Stdout":
						mt.does = "writes to standard output"
					case "Stderr":
						mt.does = "writes to standard error"
					default:
						mt.cat = catalogue.File // a file like any other: stdout means the standard streams
					}
				}
				return m.enabled(mt)
			}
		}
		return match{}, false, false
	}
	if wm, ok := catalogue.LookupWriterMethod(full); ok {
		class := catalogue.ClassUnknown
		if sel, isSel := astutil.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
			class = m.classify(sel.X, 0, false)
		}
		if mt, ok := classMatch(class, wm.Cat, names.Display(fn)); ok {
			if fn.Name() == "Flush" { // writes what was buffered; encodes nothing
				mt.does = "flushes buffered output to a file"
				if class == catalogue.ClassConn {
					mt.does = "flushes buffered output to a network connection"
				}
			}
			return m.enabled(mt)
		}
	}
	return match{}, false, false
}

// enabled drops matches of disabled categories.
func (m *matcher) enabled(mt match) (match, bool, bool) {
	if m.s.Disabled[mt.cat] {
		return match{}, false, false
	}
	return mt, true, false
}

// isTrusted reports whether the user declared fn non-blocking, by
// configuration or by a //iohotpath:nonblocking directive (a fact, for
// other packages).
func (m *matcher) isTrusted(fn *types.Func) bool {
	if m.s.NonBlocking[names.UserKey(fn)] {
		return true
	}
	if n := m.g.byFunc[fn]; n != nil {
		return n.nonblocking
	}
	if fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg {
		return false // a function of this package without a node: no body, no directive
	}
	f := importFact(m.pass, fn)
	return f != nil && f.NonBlocking
}

// stdStream returns "Stdout" or "Stderr" when e is os.Stdout or
// os.Stderr, directly or through a local variable assigned once.
func (m *matcher) stdStream(e ast.Expr, depth int) string {
	e = astutil.Unparen(e)
	if rhs := m.r.assigned(e); rhs != nil && depth < 4 {
		return m.stdStream(rhs, depth+1)
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if v, ok := m.pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" &&
		(v.Name() == "Stdout" || v.Name() == "Stderr") {
		return v.Name()
	}
	return ""
}

// classMatch turns a writer class into a match: connections are network
// I/O, files are I/O of the row's category.
func classMatch(class catalogue.Class, cat catalogue.Category, name string) (match, bool) {
	switch class {
	case catalogue.ClassConn:
		return match{cat: catalogue.Network, name: name, does: "does I/O on a network connection", noRoundTrip: true}, true
	case catalogue.ClassFile:
		if cat == catalogue.Encode {
			return match{cat: cat, name: name, does: "encodes straight to a file"}, true
		}
		return match{cat: cat, name: name, does: "does I/O on a file"}, true
	}
	return match{}, false
}

// classify returns the class of a reader or writer expression: by its
// static type, else through a local variable assigned once or a writer
// constructor (json.NewEncoder(f), bufio.NewWriter(f)). With typed false,
// e's own type is not consulted: e is an encoder or a buffered writer, and
// what matters is the writer it was built on.
func (m *matcher) classify(e ast.Expr, depth int, typed bool) catalogue.Class {
	info := m.pass.TypesInfo
	e = astutil.Unparen(e)
	if typed {
		if named := names.NamedOf(info.TypeOf(e)); named != nil && named.Obj().Pkg() != nil {
			if class := catalogue.TypeClass(named.Obj().Pkg().Path(), named.Obj().Name()); class != catalogue.ClassUnknown {
				return class
			}
		}
	}
	if depth > 4 {
		return catalogue.ClassUnknown
	}
	switch x := e.(type) {
	case *ast.Ident:
		if rhs := m.r.assigned(x); rhs != nil {
			return m.classify(rhs, depth+1, typed)
		}
	case *ast.CallExpr:
		if fn := names.FuncOf(info, x.Fun); fn != nil && catalogue.IsWriterCtor(fn.FullName()) && len(x.Args) > 0 {
			return m.classify(x.Args[0], depth+1, true)
		}
	case *ast.UnaryExpr:
		if typed {
			return m.classify(x.X, depth+1, true)
		}
	}
	return catalogue.ClassUnknown
}
