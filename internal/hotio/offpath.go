package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
)

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// branch is what taking a branch tells about the run: that an operation
// failed (an error is not nil, an ok is false), that it succeeded, that a
// panic was recovered, or that debug logging is on.
type branch uint8

const (
	plain branch = iota
	failure
	success
	recovered
	notRecovered
	debugOn
	debugOff  // a debug check failed: production code, but what follows a return here is debug-only
	debugFlag // a boolean that says debug, trace or verbose is true: as debugOn
	slow      // the time a call took is over a threshold: only slow calls get here
	never     // a constant false condition: dead code
)

// rule is the off-path rule that leaves out a block reached by a branch
// of kind b whatever the block holds, or "".
func (b branch) rule() string {
	switch b {
	case recovered:
		return ruleRecovered
	case debugOn:
		return ruleDebugGuard
	case debugFlag:
		return ruleDebugFlag
	case slow:
		return ruleSlowPath
	case never:
		return ruleDeadCode
	}
	return ""
}

// negate is what the other branch of an if tells.
func (b branch) negate() branch {
	switch b {
	case failure:
		return success
	case success:
		return failure
	case recovered:
		return notRecovered
	case notRecovered:
		return recovered
	case debugOff:
		return debugOn
	}
	return plain // a debug check being true says nothing of its else: production
}

// condition classifies the condition of an if or of a case of a switch
// without a tag.
func (w *walker) condition(cond ast.Expr) branch {
	if v := w.r.value(cond); v != nil && v.Kind() == constant.Bool && !constant.BoolVal(v) {
		return never // if debugDeflate { … } or if yyDebug >= 1 with a dormant yyDebug: dead code
	}
	if w.isDebugFlag(cond, 0) {
		return debugFlag
	}
	switch e := astutil.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND: // both hold: either tells
			if x := w.condition(e.X); x != plain {
				return x
			}
			return w.condition(e.Y)
		case token.LOR: // one holds: only what both tell
			if x := w.condition(e.X); x == w.condition(e.Y) {
				return x
			}
		case token.GTR, token.GEQ: // elapsed > threshold
			if w.isElapsed(e.X, 0) {
				return slow
			}
		case token.LSS, token.LEQ: // threshold < elapsed
			if w.isElapsed(e.Y, 0) {
				return slow
			}
		case token.NEQ, token.EQL:
			kind := w.nilTest(e)
			if e.Op == token.EQL {
				kind = kind.negate()
				if kind == plain && w.nilTest(e) == debugOn {
					kind = debugOff // ce == nil
				}
			}
			return kind
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			switch k := w.condition(e.X); k {
			case failure, success:
				return k.negate()
			case debugFlag:
				return debugOff // if !debug { return }: what follows is debug-only
			}
		}
	case *ast.Ident:
		if v, ok := w.info.Uses[e].(*types.Var); ok {
			if src, isOK := w.r.oks[v]; isOK {
				if ta, isTA := astutil.Unparen(src).(*ast.TypeAssertExpr); isTA && w.isRecover(ta.X) {
					return recovered // _, ok := recover().(runtime.Error)
				}
				if w.inFreshMap(src) {
					return plain // `if _, ok := r.URL.Query()["location"]; ok`: a choice of route, not a success
				}
				return success // the ok of a comma-ok or of a (T, bool) result
			}
		}
	case *ast.CallExpr:
		if fn := names.FuncOf(w.info, e.Fun); fn != nil && (fn.FullName() == "errors.Is" || fn.FullName() == "errors.As") {
			return failure
		}
	}
	if w.isDebugCheck(cond) {
		return debugOn
	}
	return plain
}

// inFreshMap reports whether src, what a comma-ok tests, is a lookup in a
// request's parameters: its query, form or header (a url.Values or an
// http.Header, or a map taken from an *http.Request). Its ok says which
// key the client sent, a choice of route like any other, not that
// anything succeeded (gofakes3's `if _, ok := r.URL.Query()["location"];
// ok { … } else { … }`). In any other map the hit is the success: a
// cache's miss is its fill, a lookup that gives up on a missing key fails.
func (w *walker) inFreshMap(src ast.Expr) bool {
	idx, ok := astutil.Unparen(src).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := w.info.TypeOf(idx.X)
	if t == nil {
		return false
	}
	if _, isMap := t.Underlying().(*types.Map); !isMap {
		return false
	}
	if names.IsNamed(t, "net/url", "Values") || names.IsNamed(t, "net/http", "Header") {
		return true
	}
	fromRequest := false
	ast.Inspect(idx.X, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := w.info.Uses[id].(*types.Var); ok {
				if isRequestPtr(v.Type()) {
					fromRequest = true
				}
			}
		}
		return !fromRequest
	})
	return fromRequest
}

// nilTest classifies x != nil: an error that is not nil is a failure, a
// recovered value that is not nil a recovered panic, a zap checked entry
// that is not nil a level that is on.
func (w *walker) nilTest(e *ast.BinaryExpr) branch {
	x, y := astutil.Unparen(e.X), astutil.Unparen(e.Y)
	if w.isNil(x) {
		x, y = y, x
	}
	if !w.isNil(y) {
		return plain
	}
	if w.isRecover(x) {
		return recovered
	}
	if w.isDebugEntry(x) {
		return debugOn
	}
	if tv, ok := w.info.Types[x]; ok && tv.Type != nil && (types.Implements(tv.Type, errorIface) || carriesError(tv.Type)) {
		return failure
	}
	return plain
}

func (w *walker) isNil(e ast.Expr) bool { return isNil(w.info, e) }

// isRecover reports whether e is a call of recover or a variable holding
// its result.
func (w *walker) isRecover(e ast.Expr) bool {
	if rhs := w.r.assigned(e); rhs != nil {
		e = rhs
	}
	call, ok := astutil.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := astutil.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := w.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// leavesUnless reports whether s is `if <success> { ...; return }` with no
// else: the statements after it run only on failure (or after a recovered
// panic), which it returns. Not when the condition joins a success to
// something else (`if ok && !b.Ready() { return nil, ErrOpen }`): what
// follows runs when either fails, the normal path among them; nor when
// the body returns a failure itself, which makes it the failure branch.
func (w *walker) leavesUnless(s ast.Stmt) (branch, bool) {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return plain, false
	}
	kind := w.condition(ifs.Cond)
	if kind != success && kind != notRecovered && kind != debugOff {
		return plain, false
	}
	if be, ok := astutil.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && be.Op == token.LAND && w.condition(be.X) != w.condition(be.Y) {
		return plain, false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		if w.returnsZeroAndError(last) || w.returnsFailure(last) {
			return plain, false
		}
		return kind.negate(), true
	case *ast.ExprStmt:
		if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); ok && catalogue.IsNoReturn(w.info, call) {
			return kind.negate(), true
		}
	}
	return plain, false
}

// exitBlock is a block reached when its branch is taken, as the exit rules
// see it.
type exitBlock struct {
	list    []ast.Stmt
	ctx     walkCtx
	kind    branch
	ret     *ast.ReturnStmt // the last statement, when it is a return
	call    *ast.CallExpr   // the last statement, when it is a call
	tail    bool            // the tail of a function body: its end returns
	rejects bool            // a tail that returns false after an early return returned true
}

// ends reports whether the block ends the call: by a return, or as the
// tail of its function.
func (b exitBlock) ends() bool { return b.ret != nil || b.tail }

// outside reports whether the block is outside every loop of the walk.
func (b exitBlock) outside() bool { return b.ctx.loops == 0 && !b.ctx.loopRegion }

// exitRule is one way a block is shown to run at most once per failure,
// or once per hot loop: such a block is off the path. Each has an id, an
// entry in docs/rules/hot-io.md ("What is off the path") and a case in
// testdata/src/offpath.
type exitRule struct {
	id      string
	applies func(w *walker, b exitBlock) bool
}

// exitRules are tried in order; the first that applies names the block's
// rule (-show-offpath).
var exitRules = []exitRule{
	// A failure branch outside loops; inside one, only when it returns: a
	// bad item can be every item.
	{ruleFailureBranch, func(w *walker, b exitBlock) bool {
		return b.kind == failure && (b.outside() || b.ret != nil)
	}},
	// A failed attempt of a retry loop (retryLoop): what follows
	// `if err == nil { break }` runs once per failure, not per item.
	{ruleRetryPath, func(w *walker, b exitBlock) bool {
		return b.kind == failure && b.ctx.retry
	}},
	// return nil, errs.Bugf(…): an error made by a function that always
	// fails, whatever the condition that led there.
	{ruleReturnsFailure, func(w *walker, b exitBlock) bool {
		return b.ret != nil && w.returnsFailure(b.ret)
	}},
	// return nil, err / return 0, "", ErrX: zero values and an error.
	{ruleReturnsZeroErr, func(w *walker, b exitBlock) bool {
		return b.ret != nil && w.returnsZeroAndError(b.ret)
	}},
	// http.Error(…) or w.WriteHeader(4xx/5xx), then return, whatever is
	// called between the two.
	{ruleAnswersError, func(w *walker, b exitBlock) bool {
		return (b.ends() || b.call != nil && b.outside()) && w.answersError(b.list)
	}},
	// h.fail(w, fmt.Errorf(…)), then return.
	{ruleHandsMadeError, func(w *walker, b exitBlock) bool {
		return (b.ends() || b.call != nil && b.outside()) && w.handsMadeError(b.list)
	}},
	// log.Warn(…); return false — outside loops. As a function's tail,
	// only when it returns false where an early return returned true (a
	// check that rejects at its end): elsewhere the tail is the main path.
	{ruleLogsAlarm, func(w *walker, b exitBlock) bool {
		return b.ret != nil && b.outside() && (!b.tail || b.rejects) && w.logsAlarm(b.list) && !w.mayBlock(b.ret, nil)
	}},
	// A branch that logs at warning level or above and makes no other
	// blocking call: what it met is wrong by the code's own words, whether
	// it skips, repairs or goes on (`if err != nil { log.Warn(…); continue
	// }`, `default: log.Warn("unknown type")`, `if size == 0 {
	// log.Warn("falling back"); size = def }`). A branch that warns and
	// does anything else blocking is still reported; so is a function's
	// tail, which is its main path.
	{ruleWarnsOnly, func(w *walker, b exitBlock) bool {
		return !b.tail && w.logsAlarm(b.list) && !w.blocksBeside(b.list, w.isAlarmCall)
	}},
	// panic(…), os.Exit(…), log.Fatal(…).
	{rulePanicsOrExits, func(w *walker, b exitBlock) bool {
		return b.call != nil && catalogue.IsNoReturn(w.info, b.call)
	}},
	// A return or a break out of the hot loop ends its iterations.
	{ruleLeavesHotLoop, func(w *walker, b exitBlock) bool {
		if !b.ctx.loopRegion || b.ctx.inLit {
			return false
		}
		if b.ret != nil {
			return true
		}
		br, ok := b.list[len(b.list)-1].(*ast.BranchStmt)
		if !ok || br.Tok != token.BREAK {
			return false
		}
		if br.Label != nil {
			return br.Label.Name == b.ctx.hotLabel
		}
		return b.ctx.breakNest == 0
	}},
}

// exitRule returns the id of the first exit rule that applies to list,
// reached by a branch of kind, or "".
func (w *walker) exitRule(list []ast.Stmt, ctx walkCtx, kind branch) string {
	return w.exitRuleOf(exitBlock{list: list, ctx: ctx, kind: kind})
}

// exitRuleOf returns the id of the first exit rule that applies to b, or "".
func (w *walker) exitRuleOf(b exitBlock) string {
	list := b.list
	if len(list) == 0 {
		return ""
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		b.ret = s
	case *ast.ExprStmt:
		b.call, _ = astutil.Unparen(s.X).(*ast.CallExpr)
	}
	for _, r := range exitRules {
		if r.applies(w, b) {
			return r.id
		}
	}
	return ""
}

// returnsFailure reports whether ret returns an error made on the spot
// (failer.made: a constructor, a wrapper of one, a composite literal, a
// sentinel) and makes no other call that may block: the I/O of the
// constructor is the failure's cost, but in `return fmt.Errorf("x: %w",
// os.WriteFile(…))` and `return wrap(w.Sync())` the I/O runs on the
// normal path.
func (w *walker) returnsFailure(ret *ast.ReturnStmt) bool {
	made := false
	for _, r := range ret.Results {
		if w.failer.made(r, nil, 0) {
			made = true
		}
	}
	return made && !w.mayBlock(ret, w.makesError)
}

// makesError reports whether call builds a non-nil error: a call whose
// own work is the failure's cost.
func (w *walker) makesError(call *ast.CallExpr) bool {
	return w.failer.failsOf(call) != (catalogue.Fails{}) && w.failer.made(call, nil, 0)
}

// returnsZeroAndError reports whether ret returns an error with zero
// values for every other result (`return nil, err`, `return 0, "", ErrX`)
// and makes no call that may block.
func (w *walker) returnsZeroAndError(ret *ast.ReturnStmt) bool {
	n := len(ret.Results)
	if n < 2 {
		return false
	}
	last := astutil.Unparen(ret.Results[n-1])
	if tv := w.info.Types[last]; tv.IsNil() || !isError(tv.Type) {
		return false
	}
	switch last.(type) {
	case *ast.Ident, *ast.SelectorExpr: // a variable or a sentinel
	default:
		if !w.failer.made(last, nil, 0) {
			return false
		}
	}
	for _, r := range ret.Results[:n-1] {
		if !w.isZero(r) {
			return false
		}
	}
	return !w.mayBlock(ret, w.makesError)
}

// isZero reports whether e is a zero value: nil, 0, "", false, T{}.
func (w *walker) isZero(e ast.Expr) bool {
	e = astutil.Unparen(e)
	tv := w.info.Types[e]
	if tv.IsNil() {
		return true
	}
	if tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.Bool:
			return !constant.BoolVal(tv.Value)
		case constant.String:
			return constant.StringVal(tv.Value) == ""
		case constant.Int, constant.Float, constant.Complex:
			return constant.Sign(tv.Value) == 0
		}
	}
	lit, ok := e.(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// mayBlock reports whether n holds a call that blocks, or that may: of a
// function of this package that may block, path aside (mayBlockFn), or
// of another package with a blocking fact. Calls that exempt accepts do
// not count, nor do the calls in their function literals.
func (w *walker) mayBlock(n ast.Node, exempt func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if exempt != nil && exempt(call) {
			return true // its arguments still count
		}
		ci := w.calls[call]
		switch {
		case ci == nil || ci.trusted || ci.debug != nil:
		case ci.blocking:
			found = true
		case ci.lit != nil:
			found = w.mayBlockFn(w.g.byLit[ci.lit])
		case ci.fn != nil && ci.fn.Pkg() == w.pass.Pkg:
			found = w.mayBlockFn(w.g.byFunc[ci.fn])
		case ci.fn != nil:
			found = importedBlocking(w.pass, w.s, ci.fn) != nil
		}
		return !found
	})
	return found
}

// blocksBeside reports whether a statement of list may block by a call
// other than those exempt says.
func (w *walker) blocksBeside(list []ast.Stmt, exempt func(*ast.CallExpr) bool) bool {
	for _, s := range list {
		if w.mayBlock(s, exempt) {
			return true
		}
	}
	return false
}

// mayBlockFn reports whether the function of n may block: it makes a
// blocking call anywhere in its body, or calls a function of the package
// that may, whatever the paths. The facts are not decided when the walk
// asks (they depend on its answer), so this is what it can know.
func (u *unit) mayBlockFn(n *funcNode) bool {
	if n == nil {
		return false
	}
	if u.maybe == nil {
		u.maybe = u.maybeBlocking()
	}
	return u.maybe[n]
}

func (u *unit) maybeBlocking() map[*funcNode]bool {
	maybe := map[*funcNode]bool{}
	callees := map[*funcNode][]*funcNode{}
	for _, n := range u.g.nodes {
		if n.nonblocking {
			continue
		}
		if n.declared != catalogue.None {
			maybe[n] = true
		}
		if n.body == nil {
			continue
		}
		ast.Inspect(n.body, func(x ast.Node) bool {
			call, ok := x.(*ast.CallExpr)
			if !ok || maybe[n] {
				return !maybe[n]
			}
			ci := u.calls[call]
			switch {
			case ci == nil || ci.trusted || ci.debug != nil:
			case ci.blocking:
				maybe[n] = true
			case ci.lit != nil:
				if ln := u.g.byLit[ci.lit]; ln != nil {
					callees[n] = append(callees[n], ln)
				}
			case ci.fn != nil && ci.fn.Pkg() == u.pass.Pkg:
				if tn := u.g.byFunc[ci.fn]; tn != nil {
					callees[n] = append(callees[n], tn)
				}
			case ci.fn != nil:
				maybe[n] = importedBlocking(u.pass, u.s, ci.fn) != nil
			}
			return true
		})
	}
	for changed := true; changed; {
		changed = false
		for _, n := range u.g.nodes {
			if maybe[n] || n.nonblocking {
				continue
			}
			for _, c := range callees[n] {
				if maybe[c] {
					maybe[n], changed = true, true
					break
				}
			}
		}
	}
	return maybe
}

// answersError reports whether a statement of list (not nested) answers
// the request with an error status: http.Error(…), http.NotFound(…),
// w.WriteHeader(4xx/5xx), or a call of a function that does
// (answersFn), given the status when it takes one.
func (w *walker) answersError(list []ast.Stmt) bool {
	for _, s := range list {
		if call := stmtCall(s); call != nil && w.answerer.answers(call) {
			return true
		}
	}
	return false
}

// handsMadeError reports whether a statement of list (not nested) hands
// an error made on the spot to a call: h.fail(w, fmt.Errorf(…)).
func (w *walker) handsMadeError(list []ast.Stmt) bool {
	for _, s := range list {
		call := stmtCall(s)
		if call == nil {
			continue
		}
		for _, a := range call.Args {
			if w.failer.made(a, nil, 0) && !w.mayBlock(a, w.makesError) {
				return true
			}
		}
	}
	return false
}

// stmtCall is the call s is made of, or nil.
func stmtCall(s ast.Stmt) *ast.CallExpr {
	if es, ok := s.(*ast.ExprStmt); ok {
		call, _ := astutil.Unparen(es.X).(*ast.CallExpr)
		return call
	}
	return nil
}

// failsOnce reports whether ifs, in a loop, is a failure branch without
// else on an error variable that a later statement of the same list tests
// again and leaves on: `if rerr != nil && rerr != io.EOF { log }` followed
// by `if rerr != nil { return }`. The branch then runs at most once per
// call, however many iterations the loop has.
func (w *walker) failsOnce(ifs *ast.IfStmt, rest []ast.Stmt) bool {
	if ifs.Else != nil || w.condition(ifs.Cond) != failure {
		return false
	}
	v := w.failVar(ifs.Cond)
	if v == nil || mayContinue(ifs.Body) {
		return false
	}
	for _, s := range rest {
		if mayContinue(s) {
			return false // the next iteration may start before the test
		}
		later, ok := s.(*ast.IfStmt)
		if !ok || later.Init != nil || len(later.Body.List) == 0 || w.failVar(later.Cond) != v {
			continue
		}
		if b, ok := astutil.Unparen(later.Cond).(*ast.BinaryExpr); !ok || b.Op != token.NEQ {
			continue // only v != nil itself: every failure leaves
		}
		switch last := later.Body.List[len(later.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.ExprStmt:
			if call, ok := astutil.Unparen(last.X).(*ast.CallExpr); ok && catalogue.IsNoReturn(w.info, call) {
				return true
			}
		}
	}
	return false
}

// failVar is the error variable whose `v != nil` starts cond (alone or as
// the first operand of &&), or nil.
func (w *walker) failVar(cond ast.Expr) *types.Var {
	e := astutil.Unparen(cond)
	for {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.LAND {
			break
		}
		e = astutil.Unparen(b.X)
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || w.nilTest(b) != failure {
		return nil
	}
	for _, x := range []ast.Expr{b.X, b.Y} {
		if id, ok := astutil.Unparen(x).(*ast.Ident); ok {
			if v, ok := w.info.Uses[id].(*types.Var); ok {
				return v
			}
		}
	}
	return nil
}

// mayContinue reports whether n holds a continue or goto that may start
// another iteration of the loop around it: any goto or labelled continue,
// and an unlabelled continue that is not inside a loop of n.
func mayContinue(n ast.Node) bool {
	return continues(n, false)
}

func continues(n ast.Node, inLoop bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if m != n {
				found = continues(m.Body, true)
				return false
			}
		case *ast.RangeStmt:
			if m != n {
				found = continues(m.Body, true)
				return false
			}
		case *ast.BranchStmt:
			switch {
			case m.Tok == token.GOTO, m.Tok == token.CONTINUE && (m.Label != nil || !inLoop):
				found = true
			}
		}
		return !found
	})
	return found
}

// carriesError reports whether t, not an error itself, is a pointer that
// hands one out: a method Error, Err or Unwrap without parameters that
// returns an error (miniflux's *locale.LocalizedErrorWrapper, returned
// as a function's failure). Such a value that is not nil is a failure.
func carriesError(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Pointer); !ok {
		return false
	}
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		switch fn.Name() {
		case "Error", "Err", "Unwrap":
		default:
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Implements(sig.Results().At(0).Type(), errorIface) {
			return true
		}
	}
	return false
}

// isElapsed reports whether e is the time something took, measured with
// the clock: time.Since(start), end.Sub(start), a local assigned once
// from one of those, or such a duration's Seconds, Milliseconds and kin.
// A branch on it being over a threshold is the slow-call path (`if d :=
// time.Since(start); d > slowQuery { log.Printf("slow query") }`): it
// runs only for calls that were slow already, as the log line that
// reports them must. start must be a local variable or a parameter, a
// time this call took or was given: the time since one kept in a field or
// a package variable is a throttle (`if time.Since(c.lastRedial) >
// 10*time.Second { c.dial() }`), which any call may take.
func (w *walker) isElapsed(e ast.Expr, depth int) bool {
	e = astutil.Unparen(e)
	if x := w.r.assigned(e); x != nil && depth < 4 {
		return w.isElapsed(x, depth+1)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := names.FuncOf(w.info, call.Fun)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" {
		return false
	}
	recv := fn.Signature().Recv()
	switch {
	case recv == nil:
		return fn.Name() == "Since" && len(call.Args) == 1 && w.isLocal(call.Args[0])
	case names.IsNamed(recv.Type(), "time", "Time"):
		return fn.Name() == "Sub" && len(call.Args) == 1 && w.isLocal(call.Args[0])
	case names.IsNamed(recv.Type(), "time", "Duration"):
		sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && durationUnits[fn.Name()] && w.isElapsed(sel.X, depth+1)
	}
	return false
}

// durationUnits are the methods that give a time.Duration in a unit.
var durationUnits = map[string]bool{"Seconds": true, "Milliseconds": true, "Microseconds": true, "Nanoseconds": true, "Minutes": true, "Hours": true}

// isLocal reports whether e names a local variable or a parameter.
func (w *walker) isLocal(e ast.Expr) bool {
	id, ok := astutil.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := w.info.Uses[id].(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}
