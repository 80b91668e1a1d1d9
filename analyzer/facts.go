package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// ioFact is exported for a function of the analysed package that performs
// blocking I/O (directly, or through static calls), or that the user
// declared non-blocking. It is small and deterministic: a category and the
// witness chain down to the first blocking call.
type ioFact struct {
	NonBlocking bool     // //iohotpath:nonblocking: calls to it are trusted
	Cat         Category // category of the witness
	Hot         bool     // the function is hot itself: its I/O is reported in its body
	Declared    bool     // //iohotpath:blocking
	Chain       []Hop    // calls from this function down to the blocking call
}

// Hop is one call of a witness chain: the function called and where.
type Hop struct {
	Name string // as shown in messages: store.writeAll, os.WriteFile
	Posn string // file:line:col of the call
}

func (*ioFact) AFact() {}

// String is the fact as analysistest's F:"..." expectations see it.
func (f *ioFact) String() string {
	if f.NonBlocking {
		return "nonblocking"
	}
	var b strings.Builder
	if f.Hot {
		b.WriteString("hot ")
	}
	fmt.Fprintf(&b, "blocking(%s)", f.Cat)
	if f.Declared {
		b.WriteString(" declared")
	}
	for i, h := range f.Chain {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(" -> ")
		}
		b.WriteString(h.Name)
	}
	return b.String()
}

// maxHops bounds a witness chain so that facts stay small; the middle of a
// longer chain is replaced by an elided hop (the first hops and the
// blocking call remain).
const maxHops = 5

// extend returns the chain of a caller that reaches callee's chain through
// the call h.
func extend(h Hop, chain []Hop) []Hop {
	out := make([]Hop, 0, min(len(chain)+1, maxHops))
	out = append(out, h)
	if len(chain)+1 <= maxHops {
		return append(out, chain...)
	}
	out = append(out, chain[:maxHops-3]...)
	out = append(out, Hop{Name: elided})
	return append(out, chain[len(chain)-1])
}

// elided stands for the hops dropped from the middle of a long chain.
const elided = "..."

// witnessText is the parenthesis of a transitive message: the blocking call
// and the functions it is reached through.
func witnessText(f *ioFact) string {
	if f.Declared && len(f.Chain) == 0 {
		return "declared //iohotpath:blocking"
	}
	if len(f.Chain) == 0 {
		return ""
	}
	last := f.Chain[len(f.Chain)-1].Name
	if f.Declared {
		last += ", declared //iohotpath:blocking"
	}
	if len(f.Chain) == 1 {
		return last
	}
	var via []string
	for _, h := range f.Chain[:len(f.Chain)-1] {
		via = append(via, h.Name)
	}
	return last + " via " + strings.Join(via, " -> ")
}

// edge is a static call from one function of the package to another.
type edge struct {
	call *ast.CallExpr
	to   *funcNode
}

// computeFacts decides which functions of the package perform blocking I/O:
// first the ones with a blocking call of their own, then, round by round,
// their callers. Each round sees only the previous rounds, so a function's
// witness is a shortest chain (ties go to the first call in the source),
// whatever the order of declarations and files; recursion ends because a
// function is decided once.
func (c *checker) computeFacts() {
	for _, n := range c.nodes {
		c.scanNode(n)
	}
	for round := 1; ; round++ {
		var decided []*funcNode
		var facts []*ioFact
		for _, n := range c.nodes {
			if n.fact != nil || n.nonblocking {
				continue
			}
			for _, e := range n.edges {
				if e.to.fact != nil && e.to.round < round {
					facts = append(facts, &ioFact{Cat: e.to.fact.Cat, Declared: e.to.fact.Declared,
						Chain: extend(c.hop(e.call, e.to.name), e.to.fact.Chain)})
					decided = append(decided, n)
					break
				}
			}
		}
		if len(decided) == 0 {
			return
		}
		for i, n := range decided {
			n.fact, n.round = facts[i], round
		}
	}
}

// scanNode finds the first blocking call of n's own body and its calls to
// other functions of the package.
func (c *checker) scanNode(n *funcNode) {
	if n.nonblocking {
		return
	}
	if n.declared != catNone {
		n.fact = &ioFact{Cat: n.declared, Declared: true}
	}
	if n.body == nil {
		return
	}
	w := &walker{c: c, onCall: func(call *ast.CallExpr, ctx walkCtx) {
		t := c.callOf(call)
		switch {
		case t.lit != nil:
			if ln := c.nodeOfLit[t.lit]; ln != nil {
				n.edges = append(n.edges, edge{call, ln})
			}
		case t.fn != nil:
			// Every blocking call is checked, not only the first, so that an
			// ignore on any of them counts as used whatever the order.
			if f := c.blockingCall(call, t); f != nil {
				if !c.ignored(call.Pos()) && n.fact == nil {
					n.fact = f
				}
			} else if tn := c.nodeOfFunc[t.fn]; tn != nil && !tn.nonblocking {
				n.edges = append(n.edges, edge{call, tn})
			}
		}
	}}
	w.stmts(n.body.List, walkCtx{})
}

// blockingCall returns the fact a call to ci.fn (not a function of this
// package) gives its caller: a one-hop chain for a catalogue call, or the
// callee's chain for a function of another package that carries a fact.
func (c *checker) blockingCall(call *ast.CallExpr, ci *callInfo) *ioFact {
	if ci.blocking {
		return &ioFact{Cat: ci.m.cat, Chain: []Hop{c.hop(call, ci.m.name)}}
	} else if ci.trusted {
		return nil
	}
	if f := c.importedFact(ci.fn); f != nil {
		return &ioFact{Cat: f.Cat, Declared: f.Declared, Chain: extend(c.hop(call, displayName(ci.fn)), f.Chain)}
	}
	return nil
}

// importedFact returns the blocking fact of a function of another package,
// unless its category is disabled here.
func (c *checker) importedFact(fn *types.Func) *ioFact {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !factsEnabled {
		return nil
	}
	var f ioFact
	if !c.pass.ImportObjectFact(fn, &f) || f.NonBlocking || c.s.disabled[f.Cat] {
		return nil
	}
	return &f
}

func (c *checker) hop(call *ast.CallExpr, name string) Hop {
	return Hop{Name: name, Posn: c.pass.Fset.PositionFor(call.Pos(), false).String()}
}

// exportFacts exports the facts of the package's declared functions. The
// standard library exports none: the catalogue describes it, so results do
// not depend on whether a driver analyses it.
func (c *checker) exportFacts() {
	if c.std || !factsEnabled {
		return
	}
	for _, n := range c.nodes {
		if n.obj == nil {
			continue
		}
		switch {
		case n.nonblocking:
			c.pass.ExportObjectFact(n.obj, &ioFact{NonBlocking: true})
		case n.fact != nil:
			f := *n.fact
			f.Hot = n.hot
			c.pass.ExportObjectFact(n.obj, &f)
		}
	}
}

// resolvePosn turns a fact's file:line:col back into a position when the
// file is in this run's file set (it is for the package itself and, with
// most drivers, for its dependencies), else returns token.NoPos.
func (c *checker) resolvePosn(posn string) token.Pos {
	rest, colStr, ok1 := cutLast(posn, ":")
	name, lineStr, ok2 := cutLast(rest, ":")
	if !ok1 || !ok2 {
		return token.NoPos
	}
	var line, col int
	if _, err := fmt.Sscan(lineStr, &line); err != nil {
		return token.NoPos
	}
	if _, err := fmt.Sscan(colStr, &col); err != nil {
		return token.NoPos
	}
	if c.files == nil {
		c.files = map[string]*token.File{}
		c.pass.Fset.Iterate(func(f *token.File) bool {
			c.files[f.Name()] = f
			return true
		})
	}
	f := c.files[name]
	if f == nil || line < 1 || line > f.LineCount() {
		return token.NoPos
	}
	pos := f.LineStart(line)
	if off := f.Offset(pos) + col - 1; col > 0 && off < f.Size() {
		pos = f.Pos(off)
	}
	// Files rebuilt from export data (go vet) have made-up line tables:
	// trust a position only if it reads back as the one recorded.
	if got := c.pass.Fset.PositionFor(pos, false); got.Line != line || got.Column != col {
		return token.NoPos
	}
	return pos
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// sortNodes orders the nodes by file name and position, independent of the
// order the driver lists files in.
func (c *checker) sortNodes() {
	sort.SliceStable(c.nodes, func(i, j int) bool {
		pi := c.pass.Fset.PositionFor(c.nodes[i].pos(), false)
		pj := c.pass.Fset.PositionFor(c.nodes[j].pos(), false)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
}
