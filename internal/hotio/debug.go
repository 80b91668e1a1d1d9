package hotio

import (
	"go/ast"
	"go/token"
	"go/types"

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
	x := astutil.Unparen(sel.X)
	if rhs := r.assigned(x); rhs != nil {
		x = astutil.Unparen(rhs)
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	if fn := names.FuncOf(info, call.Fun); fn != nil {
		if l, ok := catalogue.LookupLevel(fn); ok && !l.Check {
			return isDebugArg(info, call, l)
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
		return x.Op != token.AND || isComputed(info, x.X)
	case *ast.CallExpr:
		if info.Types[x.Fun].IsType() {
			return isComputed(info, x.Args[0])
		}
	}
	return true
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
				if fn := names.FuncOf(w.info, n.Fun); fn != nil && (catalogue.IsAlarmLog(fn) || w.onAlarmLevel(n.Fun, 0)) {
					found = true
				}
			}
			return !found
		})
	}
	return found
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
		if catalogue.IsAlarmBinder(fn) {
			return true
		}
		if l, ok := catalogue.LookupLevel(fn); ok && l.Check && l.Arg >= 0 && l.Arg < len(call.Args) {
			tv := w.info.Types[call.Args[l.Arg]]
			return catalogue.IsAlarmLevel(tv.Type, tv.Value)
		}
	}
	return w.onAlarmLevel(call.Fun, depth+1)
}
