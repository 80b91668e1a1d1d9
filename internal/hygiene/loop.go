package hygiene

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/iohotpath/iohotpath/internal/names"
)

// loop describes a for or range statement, as the rules see it.
type loop struct {
	cur   inspector.Cursor
	stmt  ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	outer ast.Stmt // stmt, or the outermost labelled statement holding it
	body  *ast.BlockStmt
	label string
	// outerLabels are the labels of the loops enclosing it in its function.
	outerLabels []string
	fn          string // the enclosing function, as messages name it
	vars        *loopVars
	once        int8 // 0 not computed, 1 runs its body at most once, 2 may repeat
}

// loopVars are the variables a loop changes, nested loops and function
// literals included.
type loopVars struct {
	// assigned holds the variables assigned anywhere in the loop, through
	// a field, an element or a pointer too.
	assigned map[types.Object]bool
	// rebound holds the variables themselves assigned in the loop (v = ...,
	// v++, &v), not just a field or element of what they point to.
	rebound map[types.Object]bool
}

var (
	forStmt   = (*ast.ForStmt)(nil)
	rangeStmt = (*ast.RangeStmt)(nil)
	funcDecl  = (*ast.FuncDecl)(nil)
	funcLit   = (*ast.FuncLit)(nil)
)

func isLoop(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return true
	}
	return false
}

// loopsAround returns the loops enclosing the node at cur within its
// function, innermost first.
func (c *checker) loopsAround(cur inspector.Cursor) []*loop {
	var ls []*loop
	for p := range cur.Parent().Enclosing(forStmt, rangeStmt, funcDecl, funcLit) {
		if !isLoop(p.Node()) {
			break
		}
		ls = append(ls, c.loopAt(p))
	}
	return ls
}

// loopAt describes the loop at cur, once.
func (c *checker) loopAt(cur inspector.Cursor) *loop {
	if l := c.loops[cur.Node()]; l != nil {
		return l
	}
	l := &loop{cur: cur, stmt: cur.Node().(ast.Stmt), fn: c.funcName(cur)}
	switch s := l.stmt.(type) {
	case *ast.ForStmt:
		l.body = s.Body
	case *ast.RangeStmt:
		l.body = s.Body
	}
	l.outer = l.stmt
	for p := cur.Parent(); ; p = p.Parent() {
		ls, ok := p.Node().(*ast.LabeledStmt)
		if !ok {
			break
		}
		if l.label == "" {
			l.label = ls.Label.Name
		}
		l.outer = ls
	}
	for _, o := range c.loopsAround(cur) {
		if o.label != "" {
			l.outerLabels = append(l.outerLabels, o.label)
		}
	}
	c.loops[l.stmt] = l
	return l
}

// funcName is the name messages give the function holding the node at cur:
// the enclosing declaration (T.M, F), "the function literal in F" inside
// one of its literals, or else the package-level variable the outermost
// function literal initialises.
func (c *checker) funcName(cur inspector.Cursor) string {
	from := cur
	inLit := false // a defer there runs when the literal returns, not the declaration
	for f := range cur.Enclosing(funcDecl, funcLit) {
		if decl, ok := f.Node().(*ast.FuncDecl); ok {
			name := decl.Name.Name
			if obj, ok := c.info.Defs[decl.Name].(*types.Func); ok {
				name = names.Short(obj)
			}
			if inLit {
				return "the function literal in " + name
			}
			return name
		}
		from, inLit = f, true
	}
	for v := range from.Enclosing((*ast.ValueSpec)(nil)) {
		if vs := v.Node().(*ast.ValueSpec); len(vs.Names) > 0 {
			return vs.Names[0].Name
		}
	}
	return "init"
}

// declaredIn reports whether v is declared in l, loop variables included.
func (l *loop) declaredIn(v types.Object) bool {
	return l.stmt.Pos() <= v.Pos() && v.Pos() < l.stmt.End()
}

// varies reports whether v may hold a different value on each iteration of
// l: it is declared inside the loop or assigned in it.
func (c *checker) varies(v types.Object, l *loop) bool {
	return c.varsOf(l).assigned[v] || l.declaredIn(v)
}

// repeats reports whether pos lies in a part of l that runs on every
// iteration: the condition, the post statement or the body.
func (l *loop) repeats(pos token.Pos) bool {
	if f, ok := l.stmt.(*ast.ForStmt); ok {
		for _, n := range []ast.Node{f.Cond, f.Post} {
			if n != nil && n.Pos() <= pos && pos < n.End() {
				return true
			}
		}
	}
	return l.body.Pos() <= pos && pos < l.body.End()
}

// varsOf returns the variables l changes, computed on first use.
func (c *checker) varsOf(l *loop) *loopVars {
	if l.vars != nil {
		return l.vars
	}
	vs := &loopVars{assigned: map[types.Object]bool{}, rebound: map[types.Object]bool{}}
	add := func(e ast.Expr) {
		if e == nil {
			return
		}
		if v := c.rootVar(e); v != nil {
			vs.assigned[v] = true
			if _, ok := astutil.Unparen(e).(*ast.Ident); ok {
				vs.rebound[v] = true
			}
		}
	}
	for cur := range l.cur.Preorder(changeTypes...) {
		if r, ok := cur.Node().(*ast.RangeStmt); ok {
			if r.Tok == token.ASSIGN {
				add(r.Key)
				add(r.Value)
			}
			continue
		}
		for _, e := range c.changed(cur.Node()) {
			add(e)
		}
	}
	l.vars = vs
	return vs
}

// changeTypes are the nodes that may change a variable.
var changeTypes = []ast.Node{
	(*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil),
	(*ast.SelectorExpr)(nil), (*ast.RangeStmt)(nil),
}

// changed returns the expressions n assigns, increments or takes the
// address of (explicitly, or by calling a pointer method on a variable).
func (c *checker) changed(n ast.Node) []ast.Expr {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs
	case *ast.IncDecStmt:
		return []ast.Expr{n.X}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			return []ast.Expr{n.X} // &v: may be changed through the pointer
		}
	case *ast.SelectorExpr:
		if c.takesAddress(n) {
			return []ast.Expr{n.X}
		}
	}
	return nil
}

// takesAddress reports whether sel is x.M, a method with a pointer
// receiver selected on a variable x (not a pointer): x.M() takes &x.
func (c *checker) takesAddress(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	recv := s.Obj().(*types.Func).Signature().Recv()
	if recv == nil {
		return false
	}
	_, ptrRecv := recv.Type().Underlying().(*types.Pointer)
	_, ptrX := c.info.TypeOf(sel.X).Underlying().(*types.Pointer)
	return ptrRecv && !ptrX
}

// rootVar returns the variable at the root of e (v in v, v.f, v[i], *v,
// pkg.V), or nil.
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := astutil.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := c.info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := c.info.Selections[x]; sel == nil {
				v, _ := c.info.Uses[x.Sel].(*types.Var) // pkg.V
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

// sameObject reports whether e denotes the same variable on every
// iteration of l: it mentions no variable declared in l or rebound in it,
// and calls nothing.
func (c *checker) sameObject(e ast.Expr, l *loop) bool {
	same := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok && (c.varsOf(l).rebound[v] || l.declaredIn(v)) {
				same = false
			}
		case *ast.CallExpr:
			same = same && c.info.Types[n.Fun].IsType()
		case *ast.UnaryExpr:
			same = same && n.Op != token.ARROW
		}
		return same
	})
	return same
}
