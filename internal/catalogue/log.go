package catalogue

// loggers are the logging libraries the catalogue knows, one literal each:
// the standard library's and the common third-party ones, matched by name
// even when the module analysed does not depend on them. Everything the
// catalogue says of logging is derived from this list (logger.go); the
// registry test resolves every derived key against the real library.
var loggers = []Logger{
	{
		Pkg: "log", Does: "writes a log line",
		Levels: []Level{{"Print", infoLevel}, {"Fatal", fatalLevel}, {"Panic", fatalLevel}},
		Recvs: []Recv{
			{Forms: []string{"", "f", "ln"}, Names: []string{"Output"}},
			{Name: "*Logger", Forms: []string{"", "f", "ln"}, Names: []string{"Output"}},
		},
	},
	{
		Pkg:    "log/slog",
		Levels: []Level{{"Debug", debugLevel}, {"Info", infoLevel}, {"Warn", warnLevel}, {"Error", errorLevel}},
		Recvs: []Recv{
			{Forms: []string{"", "Context"}, Names: []string{"Log", "LogAttrs"}, Guard: "slog.Default().Enabled(ctx, slog.LevelDebug)"},
			{Name: "*Logger", Forms: []string{"", "Context"}, Names: []string{"Log", "LogAttrs"}, Guard: "logger.Enabled(ctx, slog.LevelDebug)"},
		},
		Checks: []Check{{Recv: "*Logger", Name: "Enabled", Arg: 1}, {Recv: "Handler", Name: "Enabled", Arg: 1}},
		Type:   &LevelType{Name: "Level", Debug: atMost(-1), Alarm: atLeast(4)}, // LevelDebug -4, LevelInfo 0, LevelWarn 4
		Field:  "log/slog.Attr",
	},
	{
		Pkg: "go.uber.org/zap",
		Levels: []Level{
			{"Debug", debugLevel}, {"Info", infoLevel}, {"Warn", warnLevel}, {"Error", errorLevel},
			{"DPanic", errorLevel}, // panics in development only
			{"Panic", fatalLevel}, {"Fatal", fatalLevel},
		},
		Recvs: []Recv{
			{Name: "*Logger", Forms: []string{""}, Names: []string{"Log"}, Fields: true, Guard: "logger.Check(zapcore.DebugLevel, …)"},
			{Name: "*SugaredLogger", Forms: []string{"", "f", "w", "ln"}, Names: []string{"Log", "Logf", "Logw", "Logln"},
				Guard: "logger.Desugar().Core().Enabled(zapcore.DebugLevel)"},
			{Pkg: "go.uber.org/zap/zapcore", Name: "*CheckedEntry", Names: []string{"Write"}},
		},
		Checks: []Check{
			{Recv: "*Logger", Name: "Check", Arg: 0},
			{Recv: "AtomicLevel", Name: "Enabled", Arg: 0},
			// core.Enabled(l) is LevelEnabler's: Core embeds it.
			{Pkg: "go.uber.org/zap/zapcore", Recv: "LevelEnabler", Name: "Enabled", Arg: 0},
			{Pkg: "go.uber.org/zap/zapcore", Recv: "Level", Name: "Enabled", Arg: 0},
		},
		Type:  &LevelType{Pkg: "go.uber.org/zap/zapcore", Name: "Level", Debug: atMost(-1), Alarm: atLeast(1)}, // DebugLevel -1, WarnLevel 1
		Field: "go.uber.org/zap/zapcore.Field",
		Rows: []Row{
			{Recv: "*Logger", Cat: Sync, Does: "flushes the log to disk", Names: []string{"Sync"}},
			{Recv: "*SugaredLogger", Cat: Sync, Does: "flushes the log to disk", Names: []string{"Sync"}},
		},
	},
	{
		Pkg:    "github.com/go-logr/logr",
		Levels: []Level{{"Info", infoLevel}, {"Error", errorLevel}},
		Recvs:  []Recv{{Name: "Logger", Forms: []string{""}}},
		Checks: []Check{
			{Recv: "Logger", Name: "V", Arg: 0, Verbosity: true, Binds: true},
			{Recv: "Logger", Name: "Enabled", Arg: -1},
		},
	},
	{
		// Every go-kit logger is a Logger, an interface: level.Info(l)
		// returns one bound to its level.
		Pkg: "github.com/go-kit/log", Aliases: []string{"github.com/go-kit/kit/log"}, // moved to a module of its own
		Levels: []Level{{"Debug", debugLevel}, {"Info", infoLevel}, {"Warn", warnLevel}, {"Error", errorLevel}},
		Recvs:  []Recv{{Name: "Logger", Names: []string{"Log"}}},
		Binds:  []Binder{{Pkg: "github.com/go-kit/log/level"}},
	},
	{
		Pkg: "github.com/sirupsen/logrus", Aliases: []string{"github.com/Sirupsen/logrus"}, // the spelling before v1.0
		Levels: []Level{
			{"Trace", debugLevel}, {"Debug", debugLevel}, {"Info", infoLevel}, {"Print", infoLevel},
			{"Warn", warnLevel}, {"Warning", warnLevel}, {"Error", errorLevel}, {"Fatal", fatalLevel}, {"Panic", fatalLevel},
		},
		Recvs: []Recv{
			{Forms: []string{"", "f", "ln"}, Guard: "logrus.IsLevelEnabled(logrus.{Level}Level)"},
			{Name: "*Logger", Forms: []string{"", "f", "ln"}, Names: []string{"Log", "Logf", "Logln"},
				Guard: "logger.IsLevelEnabled(logrus.{Level}Level)"},
			{Name: "*Entry", Forms: []string{"", "f", "ln"}, Names: []string{"Log", "Logf", "Logln"},
				Guard: "entry.Logger.IsLevelEnabled(logrus.{Level}Level)"},
		},
		Checks: []Check{{Name: "IsLevelEnabled", Arg: 0}, {Recv: "*Logger", Name: "IsLevelEnabled", Arg: 0}},
		Type:   &LevelType{Name: "Level", Debug: atLeast(5), Alarm: atMost(3)}, // PanicLevel 0 … WarnLevel 3, DebugLevel 5, TraceLevel 6
	},
	{
		// A zerolog record is an Event, bound to its level by the call
		// that starts it (log.Warn()) and written by Msg or Send.
		Pkg: "github.com/rs/zerolog",
		Levels: []Level{
			{"Trace", debugLevel}, {"Debug", debugLevel}, {"Info", infoLevel}, {"Warn", warnLevel},
			{"Error", errorLevel}, {"Err", errorLevel}, {"Fatal", fatalLevel}, {"Panic", fatalLevel},
		},
		Recvs: []Recv{
			{Name: "*Event", Names: []string{"Msg", "Msgf", "MsgFunc", "Send"}},
			{Name: "Logger", Names: []string{"Write"}},
		},
		Binds: []Binder{{Recv: "*Logger"}, {Pkg: "github.com/rs/zerolog/log"}},
		Checks: []Check{
			{Recv: "*Logger", Name: "WithLevel", Arg: 0, Binds: true},
			{Pkg: "github.com/rs/zerolog/log", Name: "WithLevel", Arg: 0, Binds: true},
		},
		Type: &LevelType{Name: "Level", Debug: atMost(0), Alarm: between(2, 5)}, // TraceLevel -1, DebugLevel 0, WarnLevel 2 … PanicLevel 5
	},
	{
		// grpc's logger: the default writes to standard error, unbuffered.
		Pkg:    "google.golang.org/grpc/grpclog",
		Levels: []Level{{"Info", infoLevel}, {"Warning", warnLevel}, {"Error", errorLevel}, {"Fatal", fatalLevel}},
		Recvs:  []Recv{{Forms: []string{"", "f", "ln"}}},
	},
	{
		Pkg: "k8s.io/klog/v2",
		Levels: []Level{
			{"Info", infoLevel}, {"Warning", warnLevel}, {"Error", errorLevel}, {"Fatal", fatalLevel}, {"Exit", fatalLevel},
		},
		Recvs: []Recv{
			{Forms: []string{"", "f", "ln", "Depth", "fDepth", "lnDepth"}},
			{Only: []string{"Info", "Error"}, Forms: []string{"S", "SDepth"}},
			{Name: "Verbose", Only: []string{"Info"}, Forms: []string{"", "f", "ln", "S", "Depth", "fDepth", "lnDepth", "SDepth"}},
			{Name: "Verbose", Only: []string{"Error"}, Forms: []string{"", "S"}},
		},
		Checks: []Check{
			{Name: "V", Arg: 0, Verbosity: true, Binds: true},
			{Recv: "Verbose", Name: "Enabled", Arg: -1},
		},
		Rows: []Row{{Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}}},
	},
	{
		Pkg: "k8s.io/klog",
		Levels: []Level{
			{"Info", infoLevel}, {"Warning", warnLevel}, {"Error", errorLevel}, {"Fatal", fatalLevel}, {"Exit", fatalLevel},
		},
		Recvs: []Recv{
			{Forms: []string{"", "f", "ln", "Depth"}},
			{Name: "Verbose", Only: []string{"Info"}, Forms: []string{"", "f", "ln"}},
		},
		Checks: []Check{{Name: "V", Arg: 0, Verbosity: true, Binds: true}},
		Rows:   []Row{{Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}}},
	},
	{
		Pkg: "github.com/golang/glog",
		Levels: []Level{
			{"Info", infoLevel}, {"Warning", warnLevel}, {"Error", errorLevel}, {"Fatal", fatalLevel}, {"Exit", fatalLevel},
		},
		Recvs: []Recv{
			{Forms: []string{"", "f", "ln", "Depth", "Depthf", "Context", "Contextf", "ContextDepth", "ContextDepthf"}},
			{Name: "Verbose", Only: []string{"Info"},
				Forms: []string{"", "f", "ln", "Depth", "Depthf", "Context", "Contextf", "ContextDepth", "ContextDepthf"}},
		},
		Checks: []Check{{Name: "V", Arg: 0, Verbosity: true, Binds: true}},
		Rows:   []Row{{Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}}},
	},
}

// logs are the tables derived from loggers.
var logs = deriveLoggers(loggers)
