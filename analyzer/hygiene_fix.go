package analyzer

import (
	"bytes"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// hoistFix returns the fix for the common shape of reopen-in-loop, or nil
// when it cannot be applied safely:
//
//	for _, r := range recs {
//		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
//		if err != nil {
//			return err
//		}
//		fmt.Fprintln(f, r)
//		f.Close()
//	}
//
// becomes the open and its check before the loop and f.Close() after it.
// Only append-only, write-only opens qualify: hoisting os.Open or
// os.Create would change what is read (every pass read from the start) or
// what the file holds in the end (only the last pass's writes).
func (h *hygiene) hoistFix(o openCall, l *hygLoop) *analysis.SuggestedFix {
	info := h.c.pass.TypesInfo
	if o.fn.FullName() != "os.OpenFile" || len(o.call.Args) != 3 || !appendOnly(info, o.call.Args[1], o.fn.Pkg()) {
		return nil
	}
	list := l.body.List
	i := -1
	for k, s := range list {
		if as, ok := s.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && astutil.Unparen(as.Rhs[0]) == o.call {
			i = k
			break
		}
	}
	if i < 0 || i+1 >= len(list) {
		return nil
	}
	open := list[i].(*ast.AssignStmt)
	if open.Tok != token.DEFINE || len(open.Lhs) != 2 {
		return nil
	}
	fID, _ := open.Lhs[0].(*ast.Ident)
	errID, _ := open.Lhs[1].(*ast.Ident)
	if fID == nil || errID == nil || info.Defs[fID] == nil || info.Defs[errID] == nil {
		return nil // blank, or not both new
	}
	fObj, errObj := info.Defs[fID], info.Defs[errID]
	check, ok := list[i+1].(*ast.IfStmt)
	if !ok || !h.isErrCheck(check, errObj) {
		return nil
	}
	closeAt := -1
	for k := i + 2; k < len(list); k++ {
		if h.isCloseOf(list[k], fObj) {
			closeAt = k
			break
		}
	}
	if closeAt < 0 || !h.hoistable(list[:i], list[i:i+2], l, fObj, errObj) || !h.bodyKeeps(l.body, list[closeAt], fObj, errObj) {
		return nil
	}
	if !h.namesFree(l, fID.Name, errID.Name) {
		return nil
	}
	edits := h.hoistEdits(l, list[i], list[i+1], list[closeAt], i == 0, closeAt == len(list)-1, fID.Name)
	if edits == nil {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Open the file once before the loop and close it after", TextEdits: edits}
}

// appendOnly reports whether flags is a constant opening a file to append
// to, write-only, neither truncating it nor requiring it not to exist.
func appendOnly(info *types.Info, flags ast.Expr, os *types.Package) bool {
	tv := info.Types[flags]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, _ := constant.Int64Val(tv.Value)
	bit := func(name string) int64 {
		if c, ok := os.Scope().Lookup(name).(*types.Const); ok {
			n, _ := constant.Int64Val(c.Val())
			return n
		}
		return -1
	}
	app, trunc, excl, wr, rdwr := bit("O_APPEND"), bit("O_TRUNC"), bit("O_EXCL"), bit("O_WRONLY"), bit("O_RDWR")
	if app <= 0 || trunc <= 0 || excl <= 0 || wr <= 0 || rdwr <= 0 {
		return false
	}
	return v&app != 0 && v&(trunc|excl) == 0 && v&(wr|rdwr) == wr
}

// isErrCheck reports whether s is `if err != nil { ...; return }` whose
// body leaves only by returning (or panicking): it still compiles, and
// means the same, outside the loop.
func (h *hygiene) isErrCheck(s *ast.IfStmt, errObj types.Object) bool {
	if s.Init != nil || s.Else != nil || len(s.Body.List) == 0 {
		return false
	}
	cond, ok := astutil.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, y := astutil.Unparen(cond.X), astutil.Unparen(cond.Y)
	if h.isNil(x) {
		x, y = y, x
	}
	if id, ok := x.(*ast.Ident); !ok || h.c.pass.TypesInfo.Uses[id] != errObj || !h.isNil(y) {
		return false
	}
	switch last := s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt:
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); !ok || !h.c.isNoReturn(call) {
			return false
		}
	default:
		return false
	}
	branches := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BranchStmt:
			branches = true // continue, break or goto: means something else outside the loop
		case *ast.FuncLit:
			return false
		}
		return !branches
	})
	return !branches
}

func (h *hygiene) isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := h.c.pass.TypesInfo.Uses[id].(*types.Nil)
	return isNil
}

// isCloseOf reports whether s is the statement f.Close() on the file f.
func (h *hygiene) isCloseOf(s ast.Stmt, f types.Object) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := astutil.Unparen(es.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel := asSelector(call.Fun)
	if sel == nil {
		return false
	}
	id, ok := astutil.Unparen(sel.X).(*ast.Ident)
	fn := funcOf(h.c.pass.TypesInfo, call.Fun)
	return ok && h.c.pass.TypesInfo.Uses[id] == f && fn != nil && fn.FullName() == "(*os.File).Close"
}

// hoistable reports whether the open and its check (hoisted) can run
// before the loop instead of after the loop condition and the statements
// before them (before): those statements only compute values, and the
// hoisted statements use no variable declared in the loop (but their own)
// or changed by the condition or before. Variables changed later in the
// body hold, before the loop, the value they had when the first pass
// opened the file.
func (h *hygiene) hoistable(before, hoisted []ast.Stmt, l *hygLoop, fObj, errObj types.Object) bool {
	info := h.c.pass.TypesInfo
	ok := true
	changed := map[*types.Var]bool{}
	if f, isFor := l.stmt.(*ast.ForStmt); isFor && f.Cond != nil {
		h.changes(f.Cond, changed)
	}
	for _, s := range before {
		h.changes(s, changed)
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if tv := info.Types[n.Fun]; !tv.IsType() && !tv.IsBuiltin() {
					ok = false // may create the directory, take a lock, ...
				}
			case *ast.BranchStmt, *ast.ReturnStmt, *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt, *ast.FuncLit:
				ok = false
			case *ast.UnaryExpr:
				ok = ok && n.Op != token.ARROW
			}
			return ok
		})
	}
	for _, s := range hoisted {
		ast.Inspect(s, func(n ast.Node) bool {
			if id, isID := n.(*ast.Ident); isID {
				v, isVar := info.Uses[id].(*types.Var)
				if isVar && v != fObj && v != errObj && (changed[v] || l.stmt.Pos() <= v.Pos() && v.Pos() < l.stmt.End()) {
					ok = false
				}
			}
			return ok
		})
	}
	return ok
}

// changes adds to changed the variables that n assigns, increments or
// takes the address of (explicitly, or by calling a pointer method).
func (h *hygiene) changes(n ast.Node, changed map[*types.Var]bool) {
	add := func(e ast.Expr) {
		if v := h.rootVar(e); v != nil {
			changed[v] = true
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				add(lhs)
			}
		case *ast.IncDecStmt:
			add(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X)
			}
		case *ast.SelectorExpr:
			if h.takesAddress(n) {
				add(n.X)
			}
		}
		return true
	})
}

// bodyKeeps reports whether the rest of the loop body still means the same
// once f and err live outside the loop: f is neither reassigned, nor
// closed elsewhere, nor captured by a function literal, go or defer; no :=
// in the body reuses err (it would declare a new, unused err).
func (h *hygiene) bodyKeeps(body *ast.BlockStmt, close ast.Stmt, fObj, errObj types.Object) bool {
	info := h.c.pass.TypesInfo
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || info.Defs[id] != nil {
			return ok
		}
		obj := info.Uses[id]
		if obj != fObj && obj != errObj {
			return ok
		}
		for k := len(stack) - 2; k >= 0; k-- {
			switch p := stack[k].(type) {
			case *ast.AssignStmt:
				for _, lhs := range p.Lhs {
					if astutil.Unparen(lhs) == id && (obj == fObj || p.Tok == token.DEFINE) {
						ok = false
					}
				}
			case *ast.UnaryExpr:
				ok = ok && !(obj == fObj && p.Op == token.AND)
			case *ast.SelectorExpr:
				ok = ok && !(obj == fObj && p.X == id && p.Sel.Name == "Close" && !inside(p, close))
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
				ok = ok && obj != fObj
			}
		}
		return ok
	})
	return ok
}

func inside(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// namesFree reports whether f and err can be declared just before the loop:
// no variable of those names is in scope there or in the loop's own scope,
// nor declared later in the enclosing block.
func (h *hygiene) namesFree(l *hygLoop, names ...string) bool {
	info := h.c.pass.TypesInfo
	loopScope := info.Scopes[l.stmt]
	sc := h.c.pass.Pkg.Scope().Innermost(l.outer.Pos())
	if sc == nil {
		return false
	}
	if sc == loopScope {
		sc = sc.Parent()
	}
	for _, name := range names {
		if _, obj := sc.LookupParent(name, token.NoPos); obj != nil && obj.Parent() != types.Universe {
			return false
		}
		if loopScope != nil && loopScope.Lookup(name) != nil {
			return false
		}
	}
	return true
}

// hoistEdits moves the lines of open and check before the loop and the
// line of close after it, re-indented. It returns nil when these
// statements share their lines with other code.
func (h *hygiene) hoistEdits(l *hygLoop, open, check, close ast.Stmt, first, last bool, f string) []analysis.TextEdit {
	tf := h.c.pass.Fset.File(open.Pos())
	if tf == nil || h.c.pass.ReadFile == nil {
		return nil
	}
	src, err := h.c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	off := func(p token.Pos) int { return tf.Offset(p) }
	loopStart, openStart := off(l.outer.Pos()), off(open.Pos())
	loopIndent, ok1 := indentAt(src, off(l.stmt.Pos())) // gofmt outdents a label
	bodyIndent, ok2 := indentAt(src, openStart)
	checkEnd, closeStart, loopEnd := off(check.End()), off(close.Pos()), off(l.outer.End())
	_, ok3 := indentAt(src, closeStart)
	_, ok4 := indentAt(src, loopStart)
	if !ok1 || !ok2 || !ok3 || !ok4 || !restBlank(src, checkEnd) || !restBlank(src, off(close.End())) || !restBlank(src, loopEnd) ||
		!strings.HasPrefix(bodyIndent, loopIndent) || len(bodyIndent) == len(loopIndent) {
		return nil
	}
	// Cut whole lines; drop a blank line the cut would leave at the start
	// or the end of the body.
	cutFrom, cutTo := lineStart(src, openStart), lineEnd(src, checkEnd)+1
	moved := src[cutFrom:cutTo]
	if first && isBlankLine(src, cutTo) {
		cutTo = lineEnd(src, cutTo) + 1
	}
	closeFrom, closeTo := lineStart(src, closeStart), lineEnd(src, closeStart)+1
	if last && closeFrom > 0 && isBlankLine(src, lineStart(src, closeFrom-1)) {
		closeFrom = lineStart(src, closeFrom-1)
	}
	closeFrom = max(closeFrom, cutTo)
	if spansLines(open) || spansLines(check) {
		return nil // re-indenting would change a raw string
	}
	var hoisted bytes.Buffer
	for _, line := range strings.SplitAfter(string(moved), "\n") {
		switch {
		case line == "" || line == "\n":
			hoisted.WriteString(line)
		case strings.HasPrefix(line, bodyIndent):
			hoisted.WriteString(loopIndent + line[len(bodyIndent):])
		default:
			return nil
		}
	}
	pos := func(o int) token.Pos { return tf.Pos(o) }
	return []analysis.TextEdit{
		{Pos: pos(lineStart(src, loopStart)), End: pos(lineStart(src, loopStart)), NewText: hoisted.Bytes()},
		{Pos: pos(cutFrom), End: pos(cutTo)},
		{Pos: pos(closeFrom), End: pos(closeTo)},
		{Pos: pos(lineEnd(src, loopEnd)), End: pos(lineEnd(src, loopEnd)), NewText: []byte("\n" + loopIndent + f + ".Close()")},
	}
}

// spansLines reports whether n holds a raw string literal of several lines.
func spansLines(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "\n") && lit.Value[0] == '`' {
			found = true
		}
		return !found
	})
	return found
}

// indentAt returns the blanks between the start of the line of offset o
// and o, and whether there is nothing else.
func indentAt(src []byte, o int) (string, bool) {
	s := string(src[lineStart(src, o):o])
	return s, strings.Trim(s, " \t") == ""
}

// restBlank reports whether only blanks or a line comment follow offset o
// on its line.
func restBlank(src []byte, o int) bool {
	rest := strings.TrimLeft(string(src[o:lineEnd(src, o)]), " \t")
	return rest == "" || strings.HasPrefix(rest, "//")
}

func isBlankLine(src []byte, o int) bool {
	return o < len(src) && strings.TrimSpace(string(src[o:lineEnd(src, o)])) == ""
}

func lineStart(src []byte, o int) int { return bytes.LastIndexByte(src[:o], '\n') + 1 }

// lineEnd is the offset of the newline ending the line of o (len(src) on
// the last line).
func lineEnd(src []byte, o int) int {
	if i := bytes.IndexByte(src[o:], '\n'); i >= 0 {
		return o + i
	}
	return len(src)
}
