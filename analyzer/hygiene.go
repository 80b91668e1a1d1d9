package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// openFuncs are the functions whose first argument is the path of the file
// they open, with the fix a reopen-in-loop message suggests.
var openFuncs = map[string]string{
	"os.Open":      "open it once before the loop",
	"os.OpenFile":  "open it once before the loop",
	"os.Create":    "open it once before the loop",
	"os.ReadFile":  "read it once before the loop",
	"os.WriteFile": "build the content in the loop and write it once after the loop",
}

// hygieneTypes are the nodes the hygiene walk looks at.
var hygieneTypes = []ast.Node{
	(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
	(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.DeferStmt)(nil), (*ast.CallExpr)(nil),
	(*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectorExpr)(nil),
}

// hygiene is one walk of the package for the loop-hygiene rules.
type hygiene struct {
	c     *checker
	stack []hygFrame // functions and loops enclosing the current node
}

// hygFrame is a function (fn set) or a loop (loop set) on the walk's stack.
type hygFrame struct {
	fn   string // the name messages give the function: T.M, F
	loop *hygLoop
}

// hygLoop is a for or range statement being walked.
type hygLoop struct {
	stmt        ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	outer       ast.Stmt // stmt, or the labelled statement holding it
	body        *ast.BlockStmt
	label       string
	outerLabels []string // labels of the enclosing loops of its function
	fn          string   // the enclosing function, as messages name it
	// assigned holds the variables assigned anywhere in the loop, nested
	// loops and function literals included; complete when the loop is left.
	assigned map[types.Object]bool
	// rebound holds the variables themselves assigned in the loop (v = ...,
	// v++, &v), not just a field or element of what they point to.
	rebound map[types.Object]bool
	opens   []openCall       // checked when the loop is left
	defers  []*ast.DeferStmt // reported when the loop is left
	once    int8             // 0 not computed, 1 runs its body at most once, 2 may repeat
	fixed   bool             // a fix already hoists something before this loop
}

// openCall is a call to an openFuncs function, and the callee.
type openCall struct {
	call *ast.CallExpr
	fn   *types.Func
}

// varies reports whether v may hold a different value on each iteration of
// l: it is declared inside the loop (loop variables included) or assigned
// in it.
func (l *hygLoop) varies(v types.Object) bool {
	return l.assigned[v] || (l.stmt.Pos() <= v.Pos() && v.Pos() < l.stmt.End())
}

// repeats reports whether pos lies in a part of l that runs on every
// iteration: the condition, the post statement or the body.
func (l *hygLoop) repeats(pos token.Pos) bool {
	if f, ok := l.stmt.(*ast.ForStmt); ok {
		for _, n := range []ast.Node{f.Cond, f.Post} {
			if n != nil && n.Pos() <= pos && pos < n.End() {
				return true
			}
		}
	}
	return l.body.Pos() <= pos && pos < l.body.End()
}

// checkHygiene runs the loop-hygiene rules (defer-in-loop, reopen-in-loop)
// on every function of the package, in one walk of its files.
func (c *checker) checkHygiene() {
	if c.s.noDefer && c.s.noReopen {
		return
	}
	h := &hygiene{c: c}
	c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).WithStack(hygieneTypes, h.visit)
}

func (h *hygiene) visit(n ast.Node, push bool, stack []ast.Node) bool {
	if !push {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			h.stack = h.stack[:len(h.stack)-1]
		case *ast.ForStmt, *ast.RangeStmt:
			h.leaveLoop()
		}
		return true
	}
	info := h.c.pass.TypesInfo
	switch n := n.(type) {
	case *ast.File:
		return h.c.s.tests || !strings.HasSuffix(fileName(h.c.pass, n), "_test.go")
	case *ast.FuncDecl:
		name := n.Name.Name
		if obj, ok := info.Defs[n.Name].(*types.Func); ok {
			name = shortName(obj)
		}
		h.stack = append(h.stack, hygFrame{fn: name})
	case *ast.FuncLit:
		h.stack = append(h.stack, hygFrame{fn: h.funcName(stack)})
	case *ast.ForStmt:
		h.enterLoop(n, n.Body, stack)
	case *ast.RangeStmt:
		h.enterLoop(n, n.Body, stack)
		if n.Tok == token.ASSIGN {
			h.assign(n.Key)
			h.assign(n.Value)
		}
	case *ast.DeferStmt:
		if !h.c.s.noDefer {
			h.checkDefer(n, stack)
		}
	case *ast.CallExpr:
		if !h.c.s.noReopen {
			h.noteOpen(n)
		}
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			h.assign(l)
		}
	case *ast.IncDecStmt:
		h.assign(n.X)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			h.assign(n.X) // &v: may be changed through the pointer
		}
	case *ast.SelectorExpr:
		if h.takesAddress(n) {
			h.assign(n.X)
		}
	}
	return true
}

// takesAddress reports whether sel is x.M, a method with a pointer
// receiver selected on a variable x (not a pointer): x.M() takes &x.
func (h *hygiene) takesAddress(sel *ast.SelectorExpr) bool {
	info := h.c.pass.TypesInfo
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	recv := s.Obj().(*types.Func).Signature().Recv()
	if recv == nil {
		return false
	}
	_, ptrRecv := recv.Type().Underlying().(*types.Pointer)
	_, ptrX := info.TypeOf(sel.X).Underlying().(*types.Pointer)
	return ptrRecv && !ptrX
}

// funcName is the name of the function enclosing the node at the top of
// stack, for messages: the enclosing declaration, or the package-level
// variable a literal initialises.
func (h *hygiene) funcName(stack []ast.Node) string {
	for i := len(h.stack) - 1; i >= 0; i-- {
		if h.stack[i].loop == nil {
			return h.stack[i].fn
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if vs, ok := stack[i].(*ast.ValueSpec); ok && len(vs.Names) > 0 {
			return vs.Names[0].Name
		}
	}
	return "init"
}

func (h *hygiene) enterLoop(stmt ast.Stmt, body *ast.BlockStmt, stack []ast.Node) {
	l := &hygLoop{stmt: stmt, outer: stmt, body: body, fn: h.funcName(stack), assigned: map[types.Object]bool{}, rebound: map[types.Object]bool{}}
	for i := len(stack) - 2; i >= 0; i-- {
		ls, ok := stack[i].(*ast.LabeledStmt)
		if !ok {
			break
		}
		if l.label == "" {
			l.label = ls.Label.Name
		}
		l.outer = ls
	}
	for _, o := range h.loops() {
		if o.label != "" {
			l.outerLabels = append(l.outerLabels, o.label)
		}
	}
	h.stack = append(h.stack, hygFrame{loop: l})
}

// leaveLoop checks the opens noted in the loop on top of the stack, now
// that all its assignments are known, and hands these to the enclosing
// loop.
func (h *hygiene) leaveLoop() {
	l := h.stack[len(h.stack)-1].loop
	h.stack = h.stack[:len(h.stack)-1]
	for _, d := range l.defers {
		h.c.report(analysis.Diagnostic{Pos: d.Pos(), End: d.End(), Category: RuleDeferInLoop,
			Message: h.deferMessage(d.Call, l)})
	}
	for _, o := range l.opens {
		if h.invariant(o.call.Args[0], l) {
			h.reportReopen(o, l)
		}
	}
	if outer := h.innermostLoop(); outer != nil {
		for v := range l.assigned {
			outer.assigned[v] = true
		}
		for v := range l.rebound {
			outer.rebound[v] = true
		}
	}
}

// innermostLoop is the innermost loop being walked, in any function.
func (h *hygiene) innermostLoop() *hygLoop {
	for i := len(h.stack) - 1; i >= 0; i-- {
		if h.stack[i].loop != nil {
			return h.stack[i].loop
		}
	}
	return nil
}

// loops returns the loops enclosing the current node within its function,
// innermost first.
func (h *hygiene) loops() []*hygLoop {
	var ls []*hygLoop
	for i := len(h.stack) - 1; i >= 0 && h.stack[i].loop != nil; i-- {
		ls = append(ls, h.stack[i].loop)
	}
	return ls
}

// assign records that the variable at the root of e (v in v, v.f, v[i],
// *v) is assigned in the innermost loop.
func (h *hygiene) assign(e ast.Expr) {
	l := h.innermostLoop()
	if l == nil || e == nil {
		return
	}
	if v := h.rootVar(e); v != nil {
		l.assigned[v] = true
		if _, ok := astutil.Unparen(e).(*ast.Ident); ok {
			l.rebound[v] = true
		}
	}
}

func (h *hygiene) rootVar(e ast.Expr) *types.Var {
	info := h.c.pass.TypesInfo
	for {
		switch x := astutil.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil {
				v, _ := info.Uses[x.Sel].(*types.Var) // pkg.V
				return v
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}
