package hotio

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
)

// debugInfo marks a logging call at debug or trace level: off in
// production, so not I/O. Unless quiet, its arguments are still built on
// every call, which costs in hot code when they are computed.
type debugInfo struct {
	quiet  bool // the call sits on a logger or event that does nothing when the level is off
	built  int  // computed arguments (field constructors, calls, literals)
	fields bool // the arguments are zap fields
	guard  string
}

// debugCall returns what makes call (to fn) a debug-level logging call, or
// nil: a debug method (zap's Debug, slog.Debug, logrus's Debugf), or any
// call on a receiver chain bound to a debug level (zerolog's Debug(),
// logr's V(1), go-kit's level.Debug(l)).
func (m *matcher) debugCall(call *ast.CallExpr, fn *types.Func) *debugInfo {
	if d, ok := catalogue.LookupDebugLog(fn); ok {
		built := 0
		for i, a := range call.Args {
			if i >= d.Skip && isComputed(m.pass.TypesInfo, a) {
				built++
			}
		}
		return &debugInfo{built: built, fields: d.Fields, guard: d.Guard}
	}
	if onDebugLevel(m.pass.TypesInfo, m.r, call.Fun, 0) {
		return &debugInfo{quiet: true}
	}
	return nil
}

// onDebugLevel reports whether the receiver chain of a method value fun
// (x.M, x.V(2).Info, log.Debug().Str(…).Msg) passes a call that binds a
// debug level, following local variables assigned once.
func onDebugLevel(info *types.Info, r *resolver, fun ast.Expr, depth int) bool {
	sel, ok := astutil.Unparen(fun).(*ast.SelectorExpr)
	if !ok || depth > 8 {
		return false
	}
	return debugBoundAt(info, r, sel.X, depth)
}

// computeDebugBound decides, round by round, which functions of the
// package return a logger, event or entry bound to debug level on every
// return: a project's `func Debug() *zerolog.Event { return log.Debug() }`
// or a helper returning logr's V(2). Calls on their results are debug
// logging (onDebugLevel).
func computeDebugBound(info *types.Info, r *resolver, g *graph) {
	computeBound(g, func(n *funcNode) *bool { return &n.debugBound }, func(e ast.Expr) bool { return isDebugBound(info, r, e) })
}

// computeBound decides, round by round, which functions of g return on
// every return a value that isBound says is bound to a level, and sets
// the flag that flag gives of each.
func computeBound(g *graph, flag func(*funcNode) *bool, isBound func(ast.Expr) bool) {
	var cands []*funcNode
	rets := map[*funcNode][]*ast.ReturnStmt{}
	for _, n := range g.nodes {
		if n.obj == nil || n.body == nil || n.obj.Signature().Results().Len() != 1 {
			continue
		}
		ast.Inspect(n.body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				rets[n] = append(rets[n], x)
			}
			return true
		})
		if len(rets[n]) > 0 {
			cands = append(cands, n)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, n := range cands {
			if *flag(n) {
				continue
			}
			all := true
			for _, ret := range rets[n] {
				if len(ret.Results) != 1 || !isBound(ret.Results[0]) {
					all = false
					break
				}
			}
			if all {
				*flag(n), changed = true, true
			}
		}
	}
}

// isDebugBound reports whether e is a logger, event or entry bound to
// debug level: the result of a level call with a debug level
// (log.Debug(), logger.V(2)), of a debug-bound function, or of a method
// called on one (log.Debug().Str(…)), or a local variable assigned once
// from one.
func isDebugBound(info *types.Info, r *resolver, e ast.Expr) bool {
	return debugBoundAt(info, r, e, 0)
}

// debugBoundAt is isDebugBound for a receiver met depth calls down a chain.
func debugBoundAt(info *types.Info, r *resolver, e ast.Expr, depth int) bool {
	e = astutil.Unparen(e)
	if rhs := r.assigned(e); rhs != nil {
		e = astutil.Unparen(rhs)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	if fn := names.FuncOf(info, call.Fun); fn != nil {
		if l, ok := catalogue.LookupLevel(fn); ok && !l.Check {
			return isDebugArg(info, call, l)
		}
		if r.isDebugBound(fn) {
			return true // the project's logging.Debug(), returning zerolog's Debug()
		}
	}
	return onDebugLevel(info, r, call.Fun, depth+1)
}

// isDebugArg reports whether the level call binds or checks a debug level.
func isDebugArg(info *types.Info, call *ast.CallExpr, l catalogue.LevelCall) bool {
	if l.Implied {
		return true
	}
	if l.Arg < 0 || l.Arg >= len(call.Args) {
		return false
	}
	tv := info.Types[call.Args[l.Arg]]
	return catalogue.IsDebugLevel(tv.Type, tv.Value, l.Verbosity)
}

// isComputed reports whether building argument e does work: a call (not a
// conversion), a composite literal, an operation; not a constant, a
// variable or a field.
func isComputed(info *types.Info, e ast.Expr) bool {
	if tv := info.Types[e]; tv.Value != nil {
		return false
	}
	switch x := astutil.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.BasicLit:
		return false
	case *ast.StarExpr:
		return isComputed(info, x.X)
	case *ast.UnaryExpr:
		return x.Op == token.ARROW || isComputed(info, x.X) // -n, !ok, &v: what is at hand; <-ch waits
	case *ast.BinaryExpr:
		// n+1, a == b: arithmetic on what is at hand, not work to skip;
		// but s + t on strings allocates.
		if b, ok := info.TypeOf(x).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
		return isComputed(info, x.X) || isComputed(info, x.Y)
	case *ast.CallExpr:
		if info.Types[x.Fun].IsType() {
			return isComputed(info, x.Args[0])
		}
		if id, ok := astutil.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return false
			}
		}
		if isFieldConstructor(info, x) {
			// slog.String("id", id), zap.Int("n", n): a small struct made
			// for the logger to encode only when it logs; what it is given
			// may still be computed.
			for _, a := range x.Args[1:] {
				if isComputed(info, a) {
					return true
				}
			}
			return false
		}
	}
	return true
}

// isFieldConstructor reports whether call makes one logging field of
// its key and values: a function of log/slog or zap (slog.String,
// zap.Int, slog.Group) whose result is a slog.Attr or a zap field, as
// the catalogue's Logger literals say.
func isFieldConstructor(info *types.Info, call *ast.CallExpr) bool {
	fn := names.FuncOf(info, call.Fun)
	return fn != nil && len(call.Args) > 0 && catalogue.IsFieldConstructor(fn)
}

// isDebugCheck reports whether cond holds only when debug logging is on:
// logger.Enabled(ctx, slog.LevelDebug), core.Enabled(zapcore.DebugLevel),
// log.V(2).Enabled(), glog.V(2), logger.IsLevelEnabled(logrus.DebugLevel).
func (w *walker) isDebugCheck(cond ast.Expr) bool {
	call, ok := astutil.Unparen(cond).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := names.FuncOf(w.info, call.Fun)
	if fn == nil {
		return false
	}
	l, ok := catalogue.LookupLevel(fn)
	switch {
	case !ok:
		return false
	case l.Check && l.Arg < 0: // the level is on the receiver: log.V(2).Enabled()
		return onDebugLevel(w.info, w.r, call.Fun, 0)
	case l.Check:
		return isDebugArg(w.info, call, l)
	case l.Verbosity: // klog and glog v1: Verbose is a bool
		return types.Identical(w.info.TypeOf(call).Underlying(), types.Typ[types.Bool]) && isDebugArg(w.info, call, l)
	}
	return false
}

// isDebugEntry reports whether x is a zap checked entry of a debug level,
// or a variable holding one: `if ce := logger.Check(zapcore.DebugLevel,
// …); ce != nil`.
func (w *walker) isDebugEntry(x ast.Expr) bool {
	if rhs := w.r.assigned(x); rhs != nil {
		x = rhs
	}
	call, ok := astutil.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := names.FuncOf(w.info, call.Fun)
	if fn == nil {
		return false
	}
	l, ok := catalogue.LookupLevel(fn)
	return ok && l.Check && l.Arg >= 0 && !types.Identical(w.info.TypeOf(call).Underlying(), types.Typ[types.Bool]) && isDebugArg(w.info, call, l)
}

// logsAlarm reports whether list writes a log record at warning level or
// above, outside function literals: a branch that does and then leaves is
// a failure path by its own words.
func (w *walker) logsAlarm(list []ast.Stmt) bool {
	found := false
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if w.isAlarmCall(n) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// isAlarmCall reports whether call logs at warning level or above: a
// catalogue call, a call on a chain bound to such a level, or a call of
// a function that does (a project's Warnf wrapper, by its fact).
func (w *walker) isAlarmCall(call *ast.CallExpr) bool {
	fn := names.FuncOf(w.info, call.Fun)
	if fn == nil {
		return false
	}
	if catalogue.IsAlarmLog(fn) || w.onAlarmLevel(call.Fun, 0) {
		return true
	}
	fn = fn.Origin()
	if n := w.g.byFunc[fn]; n != nil {
		return n.alarm
	}
	f := importFact(w.pass, fn)
	return f != nil && f.Alarm
}

// computeAlarmBound decides which functions of the package return a
// logger or event bound to warning level or above on every return (a
// project's `func Warn() *zerolog.Event { return Logger.Warn() }`): calls
// on their results log an alarm (onAlarmLevel).
func (u *unit) computeAlarmBound() {
	w := &walker{unit: u, info: u.pass.TypesInfo}
	computeBound(u.g, func(n *funcNode) *bool { return &n.alarmBound }, func(e ast.Expr) bool {
		// A selector stands for the call's method: onAlarmLevel asks of
		// its receiver chain.
		call, ok := astutil.Unparen(e).(*ast.CallExpr)
		if !ok {
			if rhs := w.r.assigned(e); rhs != nil {
				call, ok = astutil.Unparen(rhs).(*ast.CallExpr)
			}
		}
		if !ok {
			return false
		}
		if fn := names.FuncOf(w.info, call.Fun); fn != nil && (catalogue.IsAlarmBinder(fn) || w.isAlarmBound(fn)) {
			return true
		}
		return w.onAlarmLevel(call.Fun, 0)
	})
}

// isAlarmBound reports whether fn returns a logger or event bound to
// warning level or above, as its node or its fact says.
func (w *walker) isAlarmBound(fn *types.Func) bool {
	fn = fn.Origin()
	if n := w.g.byFunc[fn]; n != nil {
		return n.alarmBound
	}
	f := importFact(w.pass, fn)
	return f != nil && f.AlarmBound
}

// computeAlarms decides, round by round, which functions of the package
// log at warning level or above whenever they run: a statement of their
// body is such a call (func (l *Logger) Warnf(…) { l.sl.Warn(…) }).
func (u *unit) computeAlarms() {
	w := &walker{unit: u, info: u.pass.TypesInfo}
	for changed := true; changed; {
		changed = false
		for _, n := range u.g.nodes {
			if n.obj == nil || n.body == nil || n.alarm {
				continue
			}
			for _, s := range n.body.List {
				if mayReturn(s) {
					break // what follows does not run on every call
				}
				if call := stmtCall(s); call != nil && w.isAlarmCall(call) {
					n.alarm, changed = true, true
					break
				}
			}
		}
	}
}

// onAlarmLevel reports whether the receiver chain of a method value fun
// passes a call that binds a warning-or-above level (zerolog's Error(),
// go-kit's level.Warn(l)) or is a zap entry checked at such a level.
func (w *walker) onAlarmLevel(fun ast.Expr, depth int) bool {
	sel, ok := astutil.Unparen(fun).(*ast.SelectorExpr)
	if !ok || depth > 8 {
		return false
	}
	x := astutil.Unparen(sel.X)
	if rhs := w.r.assigned(x); rhs != nil {
		x = astutil.Unparen(rhs)
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	if fn := names.FuncOf(w.info, call.Fun); fn != nil {
		if catalogue.IsAlarmBinder(fn) || w.isAlarmBound(fn) {
			return true
		}
		if l, ok := catalogue.LookupLevel(fn); ok && l.Check && l.Arg >= 0 && l.Arg < len(call.Args) {
			tv := w.info.Types[call.Args[l.Arg]]
			return catalogue.IsAlarmLevel(tv.Type, tv.Value)
		}
	}
	return w.onAlarmLevel(call.Fun, depth+1)
}

// isDebugFlag reports whether cond is a boolean that says debug, trace or
// verbose by its name or by what it was set from: `debug`, `cfg.Verbose`,
// `l.ShouldDebug("api")`, `os.Getenv("X_DEBUG") != ""`, `level == "debug"`,
// or a variable set once from one of those. Such a flag is off in
// production, as a level check is.
func (w *walker) isDebugFlag(cond ast.Expr, depth int) bool {
	e := astutil.Unparen(cond)
	if depth > 3 || !types.Identical(w.info.TypeOf(e).Underlying(), types.Typ[types.Bool]) {
		return false
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := w.info.Uses[x].(*types.Var); ok {
			if saysDebug(x.Name) {
				return true
			}
			if rhs := w.r.assigned(x); rhs != nil {
				return w.isDebugFlag(rhs, depth+1)
			}
			if rhs := w.failer.inits[v]; rhs != nil {
				return w.isDebugFlag(rhs, depth+1)
			}
		}
	case *ast.SelectorExpr:
		if _, ok := w.info.Uses[x.Sel].(*types.Var); ok {
			return saysDebug(x.Sel.Name)
		}
	case *ast.CallExpr:
		fn := names.FuncOf(w.info, x.Fun)
		if fn != nil && saysDebug(fn.Name()) {
			return true // l.ShouldDebug("api"), IsVerbose()
		}
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && (fn.Name() == "HasPrefix" || fn.Name() == "EqualFold") && len(x.Args) == 2 {
			return w.debugString(x.Args[1]) // strings.HasPrefix(r.URL.Path, "/debug/")
		}
	case *ast.BinaryExpr:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false
		}
		for _, side := range []ast.Expr{x.X, x.Y} {
			if w.debugString(side) {
				return true // os.Getenv("X_DEBUG") != "", cfg.Level == "debug"
			}
		}
	}
	return false
}

// debugString reports whether e is a constant string that says debug,
// trace or verbose, or a call of os.Getenv or os.LookupEnv with one.
func (w *walker) debugString(e ast.Expr) bool {
	e = astutil.Unparen(e)
	if tv := w.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return saysDebug(constant.StringVal(tv.Value))
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if fn := names.FuncOf(w.info, call.Fun); fn != nil && (fn.FullName() == "os.Getenv" || fn.FullName() == "os.LookupEnv") {
			return w.debugString(call.Args[0])
		}
	}
	return false
}

// debugWords are the words of a name that say debug logging.
var debugWords = map[string]bool{"debug": true, "dbg": true, "trace": true, "verbose": true, "debugging": true}

// saysDebug reports whether one of the words of name (split at case
// changes, digits and punctuation: ShouldDebug, X_DEBUG, isVerbose,
// trace-level, an acronym before a word as in parserDFADebug) says
// debug, trace or verbose.
func saysDebug(name string) bool {
	rs := []rune(name)
	start := 0
	for i := 0; i <= len(rs); i++ {
		split := i == len(rs) || !unicode.IsLetter(rs[i])
		if !split && i > start && unicode.IsUpper(rs[i]) {
			// fooBar: a word ends at a capital after a small letter;
			// DFADebug: an acronym ends before its last capital when a
			// small letter follows.
			split = unicode.IsLower(rs[i-1]) ||
				unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		}
		if !split {
			continue
		}
		if i > start && debugWords[strings.ToLower(string(rs[start:i]))] {
			return true
		}
		start = i
		if i < len(rs) && !unicode.IsLetter(rs[i]) {
			start = i + 1
		}
	}
	return false
}
