package hotio

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// Error answers by meaning. A request handler that answers with a status
// of 400 or more and returns has rejected the request, whatever helper it
// answers through: a project's httpError(w, msg) that calls
// w.WriteHeader(http.StatusBadRequest), or writeJSON(w, status, v) given
// http.StatusNotFound. The catalogue knows net/http and the frameworks;
// facts carry what the functions of analysed packages do.

// answerer decides how the functions of the package answer with a status.
type answerer struct{ u *unit }

// computeAnswers decides, round by round, which functions of the package
// always answer with an error status (a call of their body, outside
// branches, does) or answer with the status a parameter gives.
func (u *unit) computeAnswers() {
	a := &answerer{u: u}
	u.answerer = a
	for changed := true; changed; {
		changed = false
		for _, n := range u.g.nodes {
			if n.obj == nil || n.body == nil || n.answer != (catalogue.Answer{}) {
				continue
			}
			if n.answer = a.decide(n); n.answer != (catalogue.Answer{}) {
				changed = true
			}
		}
	}
}

// decide says how the function of n answers, from the calls that are
// statements of its body.
func (a *answerer) decide(n *funcNode) catalogue.Answer {
	params := n.obj.Signature().Params()
	for _, s := range n.body.List {
		if mayReturn(s) {
			break // what follows does not run on every call
		}
		call := stmtCall(s)
		if call == nil {
			continue
		}
		if a.answers(call) {
			return catalogue.Answer{Always: true}
		}
		if arg := a.statusArg(call); arg != nil {
			if id, ok := astutil.Unparen(arg).(*ast.Ident); ok {
				for i := range params.Len() {
					if a.u.pass.TypesInfo.Uses[id] == params.At(i) && isIntParam(params.At(i)) {
						return catalogue.Answer{StatusArg: i + 1}
					}
				}
			}
		}
	}
	return catalogue.Answer{}
}

// answers reports whether call answers with an error status: its callee
// always does, or is given a constant status of 400 or more.
func (a *answerer) answers(call *ast.CallExpr) bool {
	if a.answerOf(call).Always {
		return true
	}
	for c := call; c != nil; c = receiverCall(c) {
		for _, arg := range c.Args {
			if isHTTPErrorStatus(a.u.pass.TypesInfo, arg) {
				// respond(w, http.StatusNotFound, v), or a builder's
				// NewBuilder(w, r).WithStatus(http.StatusNotFound).Write():
				// net/http's name for an error status, given to the call
				// or to the chain it is made on.
				return true
			}
		}
	}
	arg := a.statusArg(call)
	if arg == nil {
		return false
	}
	tv := a.u.pass.TypesInfo.Types[arg]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	code, ok := constant.Int64Val(tv.Value)
	return ok && code >= 400
}

// statusArg is the argument of call that is the status its callee
// answers with, or nil.
func (a *answerer) statusArg(call *ast.CallExpr) ast.Expr {
	if i := a.answerOf(call).StatusArg; i > 0 && i <= len(call.Args) {
		return call.Args[i-1]
	}
	return nil
}

// answerOf says how the callee of call answers.
func (a *answerer) answerOf(call *ast.CallExpr) catalogue.Answer {
	ci := a.u.calls[call]
	if ci == nil || ci.fn == nil {
		return catalogue.Answer{}
	}
	if n := a.u.g.byFunc[ci.fn]; n != nil {
		return n.answer
	}
	if ans, ok := catalogue.LookupAnswer(ci.fn.FullName()); ok {
		return ans
	}
	if f := importFact(a.u.pass, ci.fn); f != nil {
		return f.Answer
	}
	return catalogue.Answer{}
}

// isIntParam reports whether v is of an integer type.
func isIntParam(v *types.Var) bool {
	b, ok := v.Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// receiverCall is the call whose result call's method is called on
// (NewBuilder(w, r) in NewBuilder(w, r).WithStatus(404)), or nil.
func receiverCall(call *ast.CallExpr) *ast.CallExpr {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	c, _ := astutil.Unparen(sel.X).(*ast.CallExpr)
	return c
}

// isHTTPErrorStatus reports whether e names one of net/http's status
// constants of 400 or more (http.StatusNotFound): a status by its
// declaration, whatever the call it is given to.
func isHTTPErrorStatus(info *types.Info, e ast.Expr) bool {
	id := refIdent(e)
	if id == nil {
		return false
	}
	c, ok := info.Uses[id].(*types.Const)
	if !ok || c.Pkg() == nil || c.Pkg().Path() != "net/http" || !strings.HasPrefix(c.Name(), "Status") {
		return false
	}
	code, ok := constant.Int64Val(c.Val())
	return ok && code >= 400
}

// refIdent is the identifier e refers by: x itself, or the Sel of pkg.X
// and v.f; nil for any other expression.
func refIdent(e ast.Expr) *ast.Ident {
	switch x := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}
