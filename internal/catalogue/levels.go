package catalogue

import (
	"go/constant"
	"go/types"

	"github.com/iohotpath/iohotpath/internal/names"
)

// DebugLog describes a logging call at debug or trace level. Debug logging
// is off in production, so the call does no I/O there; but its arguments
// are built on every call all the same.
type DebugLog struct {
	Skip   int    // leading arguments that are not fields or format arguments (context, message, format)
	Fields bool   // the arguments are zap fields
	Guard  string // the check that skips building them, for messages
}

// LookupDebugLog returns what the catalogue knows of a debug-level logging
// call of fn, if it is one. The arguments skipped are the parameters
// before the variadic one: the context, message or format of
// DebugContext(ctx, msg, args...), Debugf(format, args...).
func LookupDebugLog(fn *types.Func) (DebugLog, bool) {
	d, ok := logs.debugLogs[fullName(fn)]
	if ok {
		sig := fn.Signature()
		d.Skip = sig.Params().Len()
		if sig.Variadic() {
			d.Skip--
		}
	}
	return d, ok
}

// LevelCall describes a call that says or sets a log level: a check
// (logger.Enabled(ctx, slog.LevelDebug)), or a logger or event bound to a
// level (logr's V(2), zerolog's Debug()).
type LevelCall struct {
	Arg       int  // the level argument; -1 when the call is itself one level (Implied)
	Implied   bool // a debug-level call with no argument: zerolog's Debug(), go-kit's level.Debug(l)
	Verbosity bool // the level is a verbosity (logr, klog, glog): 1 and more is debug
	Check     bool // it reports whether the level is on (nil or false when off)
	Quiet     bool // what is built on its result does nothing when the level is off
}

// LookupLevel returns what the catalogue knows of a level call of fn: a
// Check of a Logger, or a Binder of debug level.
func LookupLevel(fn *types.Func) (LevelCall, bool) {
	l, ok := logs.levelCalls[fullName(fn)]
	return l, ok
}

// IsDebugLevel reports whether a level argument of type t and constant
// value v (nil when not constant) means debug or trace. A level that is
// not a constant is taken as debug: code that logs at a level held in a
// variable is mostly tracing, and a guess of I/O would be an argument.
func IsDebugLevel(t types.Type, v constant.Value, verbosity bool) bool {
	if v == nil {
		return true
	}
	n, ok := constant.Int64Val(constant.ToInt(v))
	if !ok {
		return false
	}
	if verbosity {
		return n >= 1
	}
	if lt := levelType(t); lt != nil {
		return lt.Debug.has(n)
	}
	return false
}

// IsAlarmLog reports whether fn logs at warning level or above. A branch
// that writes one and then leaves is a failure path by its own words,
// whatever its condition: `if m == nil { log.Warn().Msg("matcher is nil");
// return false }`.
func IsAlarmLog(fn *types.Func) bool { return logs.alarmLogs[fullName(fn)] }

// IsAlarmBinder reports whether fn binds a warning-or-above level to the
// chain built on its result (zerolog's Warn(), go-kit's level.Error(l)).
func IsAlarmBinder(fn *types.Func) bool { return logs.alarmBinder[fullName(fn)] }

// IsAlarmLevel reports whether a constant level of type t means warning
// or above (zap's Check(zapcore.WarnLevel, …)).
func IsAlarmLevel(t types.Type, v constant.Value) bool {
	if v == nil {
		return false
	}
	n, ok := constant.Int64Val(constant.ToInt(v))
	if !ok {
		return false
	}
	if lt := levelType(t); lt != nil {
		return lt.Alarm.has(n)
	}
	return false
}

// levelType returns the level type of the logger whose level type t is.
func levelType(t types.Type) *LevelType {
	for i := range loggers {
		l := &loggers[i]
		if l.Type != nil && names.IsNamed(t, l.pkgOr(l.Type.Pkg), l.Type.Name) {
			return l.Type
		}
	}
	return nil
}

// IsFieldConstructor reports whether fn, a function of a logging library,
// returns one structured field of the library (slog.String, zap.Int):
// building it is cheap, what it is given may not be.
func IsFieldConstructor(fn *types.Func) bool {
	res := fn.Signature().Results()
	if fn.Pkg() == nil || res.Len() != 1 {
		return false
	}
	named, ok := types.Unalias(res.At(0).Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	field := named.Obj().Pkg().Path() + "." + named.Obj().Name()
	for i := range loggers {
		if l := &loggers[i]; l.Field != "" && l.Pkg == fn.Pkg().Path() && l.Field == field {
			return true
		}
	}
	return false
}
