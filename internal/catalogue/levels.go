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

const (
	zapGuard    = "logger.Check(zapcore.DebugLevel, …)"
	sugarGuard  = "logger.Desugar().Core().Enabled(zapcore.DebugLevel)"
	slogGuard   = "logger.Enabled(ctx, slog.LevelDebug)"
	logrusGuard = "logger.IsLevelEnabled(logrus.DebugLevel)"
)

var debugLogs = map[string]DebugLog{
	"(*go.uber.org/zap.Logger).Debug":          {Skip: 1, Fields: true, Guard: zapGuard},
	"(*go.uber.org/zap.SugaredLogger).Debug":   {Skip: 0, Guard: sugarGuard},
	"(*go.uber.org/zap.SugaredLogger).Debugf":  {Skip: 1, Guard: sugarGuard},
	"(*go.uber.org/zap.SugaredLogger).Debugw":  {Skip: 1, Guard: sugarGuard},
	"(*go.uber.org/zap.SugaredLogger).Debugln": {Skip: 0, Guard: sugarGuard},
	"log/slog.Debug":                           {Skip: 1, Guard: "slog.Default().Enabled(ctx, slog.LevelDebug)"},
	"log/slog.DebugContext":                    {Skip: 2, Guard: "slog.Default().Enabled(ctx, slog.LevelDebug)"},
	"(*log/slog.Logger).Debug":                 {Skip: 1, Guard: slogGuard},
	"(*log/slog.Logger).DebugContext":          {Skip: 2, Guard: slogGuard},

	"github.com/sirupsen/logrus.Debug":             {Skip: 0, Guard: "logrus.IsLevelEnabled(logrus.DebugLevel)"},
	"github.com/sirupsen/logrus.Debugf":            {Skip: 1, Guard: "logrus.IsLevelEnabled(logrus.DebugLevel)"},
	"github.com/sirupsen/logrus.Debugln":           {Skip: 0, Guard: "logrus.IsLevelEnabled(logrus.DebugLevel)"},
	"github.com/sirupsen/logrus.Trace":             {Skip: 0, Guard: "logrus.IsLevelEnabled(logrus.TraceLevel)"},
	"github.com/sirupsen/logrus.Tracef":            {Skip: 1, Guard: "logrus.IsLevelEnabled(logrus.TraceLevel)"},
	"github.com/sirupsen/logrus.Traceln":           {Skip: 0, Guard: "logrus.IsLevelEnabled(logrus.TraceLevel)"},
	"(*github.com/sirupsen/logrus.Logger).Debug":   {Skip: 0, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Logger).Debugf":  {Skip: 1, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Logger).Debugln": {Skip: 0, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Logger).Trace":   {Skip: 0, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Logger).Tracef":  {Skip: 1, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Logger).Traceln": {Skip: 0, Guard: logrusGuard},
	"(*github.com/sirupsen/logrus.Entry).Debug":    {Skip: 0, Guard: "entry.Logger.IsLevelEnabled(logrus.DebugLevel)"},
	"(*github.com/sirupsen/logrus.Entry).Debugf":   {Skip: 1, Guard: "entry.Logger.IsLevelEnabled(logrus.DebugLevel)"},
	"(*github.com/sirupsen/logrus.Entry).Debugln":  {Skip: 0, Guard: "entry.Logger.IsLevelEnabled(logrus.DebugLevel)"},
	"(*github.com/sirupsen/logrus.Entry).Trace":    {Skip: 0, Guard: "entry.Logger.IsLevelEnabled(logrus.TraceLevel)"},
	"(*github.com/sirupsen/logrus.Entry).Tracef":   {Skip: 1, Guard: "entry.Logger.IsLevelEnabled(logrus.TraceLevel)"},
	"(*github.com/sirupsen/logrus.Entry).Traceln":  {Skip: 0, Guard: "entry.Logger.IsLevelEnabled(logrus.TraceLevel)"},
}

// LookupDebugLog returns what the catalogue knows of a debug-level logging
// call of fn, if it is one.
func LookupDebugLog(fn *types.Func) (DebugLog, bool) {
	d, ok := debugLogs[fullName(fn)]
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

var levelCalls = map[string]LevelCall{
	"(*go.uber.org/zap.Logger).Check":                     {Arg: 0, Check: true},
	"(go.uber.org/zap/zapcore.Core).Enabled":              {Arg: 0, Check: true},
	"(go.uber.org/zap/zapcore.LevelEnabler).Enabled":      {Arg: 0, Check: true},
	"(go.uber.org/zap.AtomicLevel).Enabled":               {Arg: 0, Check: true},
	"(go.uber.org/zap/zapcore.Level).Enabled":             {Arg: 0, Check: true},
	"(*log/slog.Logger).Enabled":                          {Arg: 1, Check: true},
	"(log/slog.Handler).Enabled":                          {Arg: 1, Check: true},
	"github.com/sirupsen/logrus.IsLevelEnabled":           {Arg: 0, Check: true},
	"(*github.com/sirupsen/logrus.Logger).IsLevelEnabled": {Arg: 0, Check: true},
	"(github.com/go-logr/logr.Logger).V":                  {Arg: 0, Verbosity: true, Quiet: true},
	"k8s.io/klog/v2.V":                                    {Arg: 0, Verbosity: true, Quiet: true},
	"k8s.io/klog.V":                                       {Arg: 0, Verbosity: true, Quiet: true},
	"github.com/golang/glog.V":                            {Arg: 0, Verbosity: true, Quiet: true},
	"(*github.com/rs/zerolog.Logger).Debug":               {Arg: -1, Implied: true, Quiet: true},
	"(*github.com/rs/zerolog.Logger).Trace":               {Arg: -1, Implied: true, Quiet: true},
	"(*github.com/rs/zerolog.Logger).WithLevel":           {Arg: 0, Quiet: true},
	"github.com/rs/zerolog/log.Debug":                     {Arg: -1, Implied: true, Quiet: true},
	"github.com/rs/zerolog/log.Trace":                     {Arg: -1, Implied: true, Quiet: true},
	"github.com/rs/zerolog/log.WithLevel":                 {Arg: 0, Quiet: true},
	"github.com/go-kit/log/level.Debug":                   {Arg: -1, Implied: true, Quiet: true},
	"(github.com/go-logr/logr.Logger).Enabled":            {Arg: -1, Check: true},
	"(k8s.io/klog/v2.Verbose).Enabled":                    {Arg: -1, Check: true},
}

// LookupLevel returns what the catalogue knows of a level call of fn.
func LookupLevel(fn *types.Func) (LevelCall, bool) {
	l, ok := levelCalls[fullName(fn)]
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
	switch {
	case verbosity:
		return n >= 1
	case names.IsNamed(t, "go.uber.org/zap/zapcore", "Level"):
		return n <= -1 // DebugLevel
	case names.IsNamed(t, "log/slog", "Level"):
		return n < 0 // LevelDebug is -4, LevelInfo 0
	case names.IsNamed(t, "github.com/sirupsen/logrus", "Level"):
		return n >= 5 // DebugLevel, TraceLevel
	case names.IsNamed(t, "github.com/rs/zerolog", "Level"):
		return n <= 0 // DebugLevel 0, TraceLevel -1
	}
	return false
}

// alarmLogs are logging calls at warning level or above. A branch that
// writes one and then leaves is a failure path by its own words, whatever
// its condition: `if m == nil { log.Warn().Msg("matcher is nil"); return
// false }`.
var alarmLogs = map[string]bool{
	"(*go.uber.org/zap.Logger).Warn":           true,
	"(*go.uber.org/zap.Logger).Error":          true,
	"(*go.uber.org/zap.Logger).DPanic":         true,
	"(*go.uber.org/zap.SugaredLogger).Warn":    true,
	"(*go.uber.org/zap.SugaredLogger).Warnf":   true,
	"(*go.uber.org/zap.SugaredLogger).Warnw":   true,
	"(*go.uber.org/zap.SugaredLogger).Warnln":  true,
	"(*go.uber.org/zap.SugaredLogger).Error":   true,
	"(*go.uber.org/zap.SugaredLogger).Errorf":  true,
	"(*go.uber.org/zap.SugaredLogger).Errorw":  true,
	"(*go.uber.org/zap.SugaredLogger).Errorln": true,
	"log/slog.Warn":                               true,
	"log/slog.WarnContext":                        true,
	"log/slog.Error":                              true,
	"log/slog.ErrorContext":                       true,
	"(*log/slog.Logger).Warn":                     true,
	"(*log/slog.Logger).WarnContext":              true,
	"(*log/slog.Logger).Error":                    true,
	"(*log/slog.Logger).ErrorContext":             true,
	"github.com/sirupsen/logrus.Warn":             true,
	"github.com/sirupsen/logrus.Warnf":            true,
	"github.com/sirupsen/logrus.Warning":          true,
	"github.com/sirupsen/logrus.Warningf":         true,
	"github.com/sirupsen/logrus.Error":            true,
	"github.com/sirupsen/logrus.Errorf":           true,
	"(*github.com/sirupsen/logrus.Logger).Warn":   true,
	"(*github.com/sirupsen/logrus.Logger).Warnf":  true,
	"(*github.com/sirupsen/logrus.Logger).Error":  true,
	"(*github.com/sirupsen/logrus.Logger).Errorf": true,
	"(*github.com/sirupsen/logrus.Entry).Warn":    true,
	"(*github.com/sirupsen/logrus.Entry).Warnf":   true,
	"(*github.com/sirupsen/logrus.Entry).Error":   true,
	"(*github.com/sirupsen/logrus.Entry).Errorf":  true,
	"k8s.io/klog/v2.Warning":                      true,
	"k8s.io/klog/v2.Warningf":                     true,
	"k8s.io/klog/v2.Error":                        true,
	"k8s.io/klog/v2.Errorf":                       true,
	"k8s.io/klog/v2.ErrorS":                       true,
	"(github.com/go-logr/logr.Logger).Error":      true,
	"google.golang.org/grpc/grpclog.Warning":      true,
	"google.golang.org/grpc/grpclog.Warningf":     true,
	"google.golang.org/grpc/grpclog.Error":        true,
	"google.golang.org/grpc/grpclog.Errorf":       true,
}

// alarmBinders bind a warning-or-above level to the logger or event they
// return: what is logged through the chain is an alarm.
var alarmBinders = map[string]bool{
	"(*github.com/rs/zerolog.Logger).Warn":  true,
	"(*github.com/rs/zerolog.Logger).Error": true,
	"(*github.com/rs/zerolog.Logger).Err":   true,
	"github.com/rs/zerolog/log.Warn":        true,
	"github.com/rs/zerolog/log.Error":       true,
	"github.com/rs/zerolog/log.Err":         true,
	"github.com/go-kit/log/level.Warn":      true,
	"github.com/go-kit/log/level.Error":     true,
	"github.com/go-kit/kit/log/level.Warn":  true,
	"github.com/go-kit/kit/log/level.Error": true,
}

// IsAlarmLog reports whether fn logs at warning level or above.
func IsAlarmLog(fn *types.Func) bool { return alarmLogs[fullName(fn)] }

// IsAlarmBinder reports whether fn binds a warning-or-above level to the
// chain built on its result (zerolog's Warn(), go-kit's level.Error(l)).
func IsAlarmBinder(fn *types.Func) bool { return alarmBinders[fullName(fn)] }

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
	switch {
	case names.IsNamed(t, "go.uber.org/zap/zapcore", "Level"):
		return n >= 1 // WarnLevel
	case names.IsNamed(t, "log/slog", "Level"):
		return n >= 4 // LevelWarn
	case names.IsNamed(t, "github.com/sirupsen/logrus", "Level"):
		return n <= 3 // WarnLevel and the more severe ones below it
	case names.IsNamed(t, "github.com/rs/zerolog", "Level"):
		return n >= 2 && n <= 5 // WarnLevel to PanicLevel
	}
	return false
}
