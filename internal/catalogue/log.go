package catalogue

// logRows are the calls that write a log record: the standard library and
// the common third-party loggers, matched by name even when the module
// analysed does not depend on them.
var logRows = []Row{
	// the standard library
	{Pkg: "log", Cat: Log, Does: "writes a log line", Names: []string{
		"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Output",
	}},
	{Pkg: "log", Recv: "*Logger", Cat: Log, Does: "writes a log line", Names: []string{
		"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Output",
	}},
	{Pkg: "log/slog", Cat: Log, Does: "writes a log record", Names: []string{
		"Debug", "DebugContext", "Info", "InfoContext", "Warn", "WarnContext", "Error", "ErrorContext",
		"Log", "LogAttrs",
	}},
	{Pkg: "log/slog", Recv: "*Logger", Cat: Log, Does: "writes a log record", Names: []string{
		"Debug", "DebugContext", "Info", "InfoContext", "Warn", "WarnContext", "Error", "ErrorContext",
		"Log", "LogAttrs",
	}},

	// zap
	{Pkg: "go.uber.org/zap", Recv: "*Logger", Cat: Log, Does: "writes a log record", Names: []string{
		"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal", "Log",
	}},
	{Pkg: "go.uber.org/zap", Recv: "*SugaredLogger", Cat: Log, Does: "writes a log record", Names: []string{
		"Debug", "Debugf", "Debugw", "Debugln",
		"Info", "Infof", "Infow", "Infoln",
		"Warn", "Warnf", "Warnw", "Warnln",
		"Error", "Errorf", "Errorw", "Errorln",
		"DPanic", "DPanicf", "DPanicw", "DPanicln",
		"Panic", "Panicf", "Panicw", "Panicln",
		"Fatal", "Fatalf", "Fatalw", "Fatalln",
		"Log", "Logf", "Logw", "Logln",
	}},
	{Pkg: "go.uber.org/zap/zapcore", Recv: "*CheckedEntry", Cat: Log, Does: "writes a log record", Names: []string{"Write"}},
	{Pkg: "go.uber.org/zap", Recv: "*Logger", Cat: Sync, Does: "flushes the log to disk", Names: []string{"Sync"}},
	{Pkg: "go.uber.org/zap", Recv: "*SugaredLogger", Cat: Sync, Does: "flushes the log to disk", Names: []string{"Sync"}},

	// logr
	{Pkg: "github.com/go-logr/logr", Recv: "Logger", Cat: Log, Does: "writes a log record", Names: []string{"Info", "Error"}},

	// go-kit: every logger is a Logger, an interface (level.Info(l)
	// returns one); the old github.com/go-kit/kit/log matches as this.
	{Pkg: "github.com/go-kit/log", Recv: "Logger", Cat: Log, Does: "writes a log record", Names: []string{"Log"}},

	// logrus (the old spelling github.com/Sirupsen/logrus matches as this)
	{Pkg: "github.com/sirupsen/logrus", Cat: Log, Does: "writes a log record", Names: []string{
		"Trace", "Tracef", "Traceln", "Debug", "Debugf", "Debugln", "Info", "Infof", "Infoln",
		"Print", "Printf", "Println", "Warn", "Warnf", "Warnln", "Warning", "Warningf", "Warningln",
		"Error", "Errorf", "Errorln", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln",
	}},
	{Pkg: "github.com/sirupsen/logrus", Recv: "*Logger", Cat: Log, Does: "writes a log record", Names: []string{
		"Trace", "Tracef", "Traceln", "Debug", "Debugf", "Debugln", "Info", "Infof", "Infoln",
		"Print", "Printf", "Println", "Warn", "Warnf", "Warnln", "Warning", "Warningf", "Warningln",
		"Error", "Errorf", "Errorln", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln",
		"Log", "Logf", "Logln",
	}},
	{Pkg: "github.com/sirupsen/logrus", Recv: "*Entry", Cat: Log, Does: "writes a log record", Names: []string{
		"Trace", "Tracef", "Traceln", "Debug", "Debugf", "Debugln", "Info", "Infof", "Infoln",
		"Print", "Printf", "Println", "Warn", "Warnf", "Warnln", "Warning", "Warningf", "Warningln",
		"Error", "Errorf", "Errorln", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln",
		"Log", "Logf", "Logln",
	}},

	// zerolog
	{Pkg: "github.com/rs/zerolog", Recv: "*Event", Cat: Log, Does: "writes a log record", Names: []string{
		"Msg", "Msgf", "MsgFunc", "Send",
	}},
	{Pkg: "github.com/rs/zerolog", Recv: "Logger", Cat: Log, Does: "writes a log record", Names: []string{"Write"}},

	// grpc's logger (the default writes to standard error, unbuffered)
	{Pkg: "google.golang.org/grpc/grpclog", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "Warning", "Warningf", "Warningln",
		"Error", "Errorf", "Errorln", "Fatal", "Fatalf", "Fatalln",
	}},

	// klog
	{Pkg: "k8s.io/klog/v2", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "InfoDepth", "InfofDepth", "InfolnDepth",
		"Warning", "Warningf", "Warningln", "WarningDepth", "WarningfDepth", "WarninglnDepth",
		"Error", "Errorf", "Errorln", "ErrorDepth", "ErrorfDepth", "ErrorlnDepth",
		"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalfDepth", "FatallnDepth",
		"Exit", "Exitf", "Exitln", "ExitDepth", "ExitfDepth", "ExitlnDepth",
		"InfoS", "ErrorS", "InfoSDepth", "ErrorSDepth",
	}},
	{Pkg: "k8s.io/klog/v2", Recv: "Verbose", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "InfoS", "InfoDepth", "InfofDepth", "InfolnDepth", "InfoSDepth",
		"Error", "ErrorS",
	}},
	{Pkg: "k8s.io/klog/v2", Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}},
	{Pkg: "k8s.io/klog", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "InfoDepth",
		"Warning", "Warningf", "Warningln", "WarningDepth",
		"Error", "Errorf", "Errorln", "ErrorDepth",
		"Fatal", "Fatalf", "Fatalln", "FatalDepth",
		"Exit", "Exitf", "Exitln", "ExitDepth",
	}},
	{Pkg: "k8s.io/klog", Recv: "Verbose", Cat: Log, Does: "writes a log record", Names: []string{"Info", "Infof", "Infoln"}},
	{Pkg: "k8s.io/klog", Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}},

	// glog
	{Pkg: "github.com/golang/glog", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "InfoDepth", "InfoDepthf",
		"InfoContext", "InfoContextf", "InfoContextDepth", "InfoContextDepthf",
		"Warning", "Warningf", "Warningln", "WarningDepth", "WarningDepthf",
		"WarningContext", "WarningContextf", "WarningContextDepth", "WarningContextDepthf",
		"Error", "Errorf", "Errorln", "ErrorDepth", "ErrorDepthf",
		"ErrorContext", "ErrorContextf", "ErrorContextDepth", "ErrorContextDepthf",
		"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalDepthf",
		"FatalContext", "FatalContextf", "FatalContextDepth", "FatalContextDepthf",
		"Exit", "Exitf", "Exitln", "ExitDepth", "ExitDepthf",
		"ExitContext", "ExitContextf", "ExitContextDepth", "ExitContextDepthf",
	}},
	{Pkg: "github.com/golang/glog", Recv: "Verbose", Cat: Log, Does: "writes a log record", Names: []string{
		"Info", "Infof", "Infoln", "InfoDepth", "InfoDepthf",
		"InfoContext", "InfoContextf", "InfoContextDepth", "InfoContextDepthf",
	}},
	{Pkg: "github.com/golang/glog", Cat: Log, Does: "writes buffered log records to disk", Names: []string{"Flush"}},
}
