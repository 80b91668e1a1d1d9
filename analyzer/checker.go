package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// checker is the analysis of one package.
type checker struct {
	pass *analysis.Pass
	s    *settings
	std  bool

	dirs       *directives
	assigns    map[*types.Var]ast.Expr
	nodes      []*funcNode
	nodeOfFunc map[*types.Func]*funcNode
	nodeOfLit  map[*ast.FuncLit]*funcNode
	files      map[string]*token.File
	calls      map[*ast.CallExpr]*callInfo
	diags      []analysis.Diagnostic
}

// funcNode is a function of the package: a declaration or a literal.
type funcNode struct {
	decl  *ast.FuncDecl
	lit   *ast.FuncLit
	obj   *types.Func // declarations only
	name  string      // in messages and chains: store.AppendRecord, Ingest.func1
	short string      // the hot function as messages name it: Scorer.Evaluate
	body  *ast.BlockStmt

	hot         bool
	nonblocking bool
	declared    Category // //iohotpath:blocking
	pkgLevel    bool     // an outermost literal outside any function declaration

	edges []edge
	fact  *ioFact // set when the function performs blocking I/O
	round int     // fixpoint round that set fact
}

func (n *funcNode) pos() token.Pos {
	if n.decl != nil {
		return n.decl.Pos()
	}
	return n.lit.Pos()
}

func newChecker(pass *analysis.Pass, s *settings) *checker {
	return &checker{pass: pass, s: s, std: isStd(pass),
		nodeOfFunc: map[*types.Func]*funcNode{}, nodeOfLit: map[*ast.FuncLit]*funcNode{}}
}

func (c *checker) run() {
	c.scanDirectives()
	// The catalogue describes the standard library: its functions need no
	// facts, so there only hot code (a marker, or -funcs) needs the call
	// graph. Markers of any kind are in loopMarkers (doc comments too).
	if !c.std || len(c.s.hot) > 0 || len(c.dirs.loopMarkers) > 0 {
		c.collectNodes()
		if !c.std || c.anyHot() {
			c.computeFacts()
			c.exportFacts()
			c.reportHot()
		}
	}
	c.checkHygiene()
	c.reportDirectiveMisuse()
	c.flush()
}

// anyHot reports whether the package has hot code.
func (c *checker) anyHot() bool {
	for _, n := range c.nodes {
		if n.hot {
			return true
		}
	}
	return len(c.dirs.loopMarkers) > 0
}

// collectNodes makes a node of every function declaration and literal and
// reads the directives on declarations.
func (c *checker) collectNodes() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			owner := c.pass.Pkg.Name() + ".init" // literals in package-level variables
			fd, inFunc := d.(*ast.FuncDecl)
			if inFunc {
				c.addDecl(fd)
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					owner = c.pass.Pkg.Name() + "." + shortName(obj)
				}
			}
			count := 0
			var top *ast.FuncLit // the outermost literal seen last, outside functions
			ast.Inspect(d, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					count++
					outermost := !inFunc && (top == nil || lit.Pos() >= top.End())
					if outermost {
						top = lit
					}
					ln := &funcNode{lit: lit, body: lit.Body, name: fmt.Sprintf("%s.func%d", owner, count), pkgLevel: outermost}
					ln.short = ln.name
					c.nodes = append(c.nodes, ln)
					c.nodeOfLit[lit] = ln
				}
				return true
			})
		}
	}
	c.sortNodes()
}

func (c *checker) addDecl(fd *ast.FuncDecl) {
	obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	n := &funcNode{decl: fd, obj: obj, body: fd.Body, name: displayName(obj), short: shortName(obj)}
	for _, d := range c.funcDirectives(fd) {
		d.used = true
		switch d.kind {
		case dirHot:
			n.hot = true
		case dirNonBlocking:
			n.nonblocking = true
		case dirBlocking:
			n.declared = CatFile
			if d.arg != "" {
				n.declared, _ = parseCategory(d.arg)
			}
		}
	}
	if c.s.nonblocking[userKey(obj)] {
		n.nonblocking = true
	}
	if n.nonblocking && n.declared != catNone {
		c.reportf(fd.Name.Pos(), RuleDirective, "%s is declared both //iohotpath:blocking and //iohotpath:nonblocking; keep one", n.short)
		n.declared, n.nonblocking = catNone, false
	}
	if !n.hot && len(c.s.hot) > 0 {
		full, short := hotNames(obj)
		for _, re := range c.s.hot {
			if re.MatchString(full) || re.MatchString(short) {
				n.hot = true
				break
			}
		}
	}
	if fd.Body == nil && n.declared == catNone && !n.nonblocking {
		return // assembly or linkname: nothing to analyse
	}
	c.nodes = append(c.nodes, n)
	c.nodeOfFunc[obj] = n
}

// region is hot code: the body of a hot function or a hot loop.
type region struct {
	root ast.Node
	fn   string // hot function, or the function holding the hot loop
	loop bool
}

// where says, in a message, how often a call at ctx in r runs.
func (r region) where(ctx walkCtx) string {
	switch {
	case r.loop && ctx.loops > 0:
		return "in a nested loop on every iteration of hot loop in " + r.fn
	case r.loop:
		return "on every iteration of hot loop in " + r.fn
	case ctx.loops > 0:
		return "in a loop on every call of hot function " + r.fn
	}
	return "on every call of hot function " + r.fn
}

// reportHot walks every hot function and every hot loop outside them.
func (c *checker) reportHot() {
	for _, n := range c.nodes {
		if n.decl == nil || n.body == nil {
			continue
		}
		if n.hot {
			r := region{root: n.body, fn: n.short}
			c.regionWalker(r).stmts(n.body.List, walkCtx{})
			continue
		}
		c.findHotLoops(n.decl.Body, n.short)
	}
	// Hot loops in function literals outside any declaration (package-level
	// variables).
	for _, n := range c.nodes {
		if n.pkgLevel {
			c.findHotLoops(n.lit.Body, n.name)
		}
	}
}

// findHotLoops walks the hot loops below root, a body of fn.
func (c *checker) findHotLoops(root ast.Node, fn string) {
	ast.Inspect(root, func(n ast.Node) bool {
		var label string
		loop := n
		if ls, ok := n.(*ast.LabeledStmt); ok {
			label, loop = ls.Label.Name, ls.Stmt
		}
		var body *ast.BlockStmt
		var cond, post ast.Node
		switch l := loop.(type) {
		case *ast.ForStmt:
			body = l.Body
			if l.Cond != nil {
				cond = l.Cond
			}
			if l.Post != nil {
				post = l.Post
			}
		case *ast.RangeStmt:
			body = l.Body
		default:
			return true
		}
		if !c.isHotLoop(n) && !(n != loop && c.isHotLoop(loop)) {
			return true
		}
		r := region{root: loop, fn: fn, loop: true}
		w := c.regionWalker(r)
		ctx := walkCtx{loopRegion: true, hotLabel: label}
		w.expr(cond, ctx)
		w.expr(post, ctx)
		w.stmts(body.List, ctx)
		return false
	})
}

// isHotLoop reports whether a hot marker stands directly above n, and
// marks it used.
func (c *checker) isHotLoop(n ast.Node) bool {
	ds := c.loopMarker(n.Pos())
	for _, d := range ds {
		d.used = true
	}
	return len(ds) > 0
}

// markLoop marks the hot markers above a loop inside hot code used: the
// loop is hot already.
func (c *checker) markLoop(pos token.Pos) {
	for _, d := range c.loopMarker(pos) {
		d.used = true
	}
}

// regionWalker returns a walker reporting the blocking calls of r.
func (c *checker) regionWalker(r region) *walker {
	return &walker{c: c, descendLits: true, onCall: func(call *ast.CallExpr, ctx walkCtx) {
		c.checkHotCall(r, call, ctx)
	}}
}

// checkHotCall reports call, in hot region r, if it blocks or reaches
// blocking I/O through functions that do.
func (c *checker) checkHotCall(r region, call *ast.CallExpr, ctx walkCtx) {
	t := c.callOf(call)
	if t.lit != nil {
		if r.root.Pos() <= t.lit.Pos() && t.lit.End() <= r.root.End() {
			return // the literal is part of the region: its calls are reported there
		}
		if ln := c.nodeOfLit[t.lit]; ln != nil && ln.fact != nil {
			c.reportTransitive(r, call, ctx, ln.name, ln.fact)
		}
		return
	}
	if t.fn == nil {
		return
	}
	if t.blocking {
		m := t.m
		c.report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: RuleHotIO,
			Message: fmt.Sprintf("%s %s %s; %s", m.name, m.does, r.where(ctx), fixFor(m.cat, m.name))})
		return
	} else if t.trusted {
		return
	}
	if tn := c.nodeOfFunc[t.fn]; tn != nil {
		if tn.fact != nil && !tn.hot {
			c.reportTransitive(r, call, ctx, tn.name, tn.fact)
		}
		return
	}
	if f := c.importedFact(t.fn); f != nil && !f.Hot {
		c.reportTransitive(r, call, ctx, displayName(t.fn), f)
	}
}

// reportTransitive reports a call to a function that performs blocking
// I/O, with the witness chain as related information.
func (c *checker) reportTransitive(r region, call *ast.CallExpr, ctx walkCtx, callee string, f *ioFact) {
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: RuleHotIO,
		Message: fmt.Sprintf("%s performs blocking %s I/O (%s) %s; %s", callee, f.Cat, witnessText(f), r.where(ctx), fixFor(f.Cat, ""))}
	caller := callee
	for _, h := range f.Chain {
		if h.Name == elided {
			caller = "a function further down the chain"
			continue
		}
		pos := c.resolvePosn(h.Posn)
		msg := caller + " calls " + h.Name
		if !pos.IsValid() {
			pos, msg = call.Pos(), msg+" at "+h.Posn
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: msg})
		caller = h.Name
	}
	c.report(d)
}

// fixFor is the usual fix for blocking I/O of a category.
func fixFor(cat Category, call string) string {
	if cat == CatFile && isOpen(call) {
		return "open it once or hand the write to a background writer"
	}
	return categoryInfo[cat].fix
}

func isOpen(name string) bool {
	switch name {
	case "os.Open", "os.OpenFile", "os.Create":
		return true
	}
	return false
}

// report records a diagnostic unless a //iohotpath:ignore covers its line.
func (c *checker) report(d analysis.Diagnostic) {
	if c.ignored(d.Pos) {
		return
	}
	c.diags = append(c.diags, d)
}

// reportf records a diagnostic that no ignore can suppress (a problem with
// the directives themselves).
func (c *checker) reportf(pos token.Pos, rule, format string, args ...any) {
	c.diags = append(c.diags, analysis.Diagnostic{Pos: pos, Category: rule, Message: fmt.Sprintf(format, args...)})
}

// flush hands the diagnostics to the driver in position order.
func (c *checker) flush() {
	sort.SliceStable(c.diags, func(i, j int) bool { return c.diags[i].Pos < c.diags[j].Pos })
	for _, d := range c.diags {
		c.pass.Report(d)
	}
}
