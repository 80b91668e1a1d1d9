package catalogue

import "testing"

// TestLoggerSets checks what the Logger literals derive for the calls
// issue 22 named and their look-alikes: every warning-or-above call is an
// alarm in every form, every fatal-level one ends its block, a call whose
// level is an argument or that carries none is neither.
func TestLoggerSets(t *testing.T) {
	for _, tc := range []struct {
		key                    string
		alarm, noReturn, debug bool
	}{
		{key: "(*github.com/sirupsen/logrus.Logger).Warning", alarm: true},
		{key: "(*github.com/sirupsen/logrus.Entry).Warningf", alarm: true},
		{key: "github.com/sirupsen/logrus.Warningln", alarm: true},
		{key: "(*github.com/sirupsen/logrus.Logger).Warn", alarm: true},
		{key: "(*github.com/sirupsen/logrus.Entry).Panicf", alarm: true, noReturn: true},
		{key: "(*github.com/sirupsen/logrus.Logger).Info"},
		{key: "(*github.com/sirupsen/logrus.Logger).Log"}, // the level is an argument
		{key: "(*github.com/sirupsen/logrus.Entry).Traceln", debug: true},
		{key: "github.com/golang/glog.Warning", alarm: true},
		{key: "github.com/golang/glog.ErrorContextDepthf", alarm: true},
		{key: "github.com/golang/glog.Fatalf", alarm: true, noReturn: true},
		{key: "github.com/golang/glog.ExitContext", alarm: true, noReturn: true},
		{key: "github.com/golang/glog.InfoDepth"},
		{key: "(github.com/golang/glog.Verbose).Infof"},
		{key: "k8s.io/klog/v2.FatalfDepth", alarm: true, noReturn: true},
		{key: "k8s.io/klog/v2.InfoS"},
		{key: "(*go.uber.org/zap.Logger).DPanic", alarm: true},
		{key: "(*go.uber.org/zap.SugaredLogger).Debugw", debug: true},
		{key: "log/slog.WarnContext", alarm: true},
		{key: "log.Printf"},
		{key: "log.Fatalln", alarm: true, noReturn: true},
		{key: "(*github.com/rs/zerolog.Event).Msg"},
		{key: "(github.com/go-kit/log.Logger).Log"},
	} {
		_, debug := logs.debugLogs[tc.key]
		if logs.alarmLogs[tc.key] != tc.alarm || noReturn[tc.key] != tc.noReturn || debug != tc.debug {
			t.Errorf("%s: alarm %v, no-return %v, debug %v; want %v, %v, %v", tc.key,
				logs.alarmLogs[tc.key], noReturn[tc.key], debug, tc.alarm, tc.noReturn, tc.debug)
		}
		if _, ok := Lookup(tc.key); !ok {
			t.Errorf("%s is not a blocking row", tc.key)
		}
	}
	for key, want := range map[string]bool{
		"github.com/go-kit/log/level.Warn":      true,
		"github.com/go-kit/log/level.Info":      false,
		"github.com/rs/zerolog/log.Err":         true,
		"(*github.com/rs/zerolog.Logger).Debug": false,
	} {
		if logs.alarmBinder[key] != want {
			t.Errorf("alarm binder %s = %v, want %v", key, !want, want)
		}
	}
	for key, want := range map[string]LevelCall{
		"github.com/go-kit/log/level.Debug":              {Arg: -1, Implied: true, Quiet: true},
		"(*github.com/rs/zerolog.Logger).Trace":          {Arg: -1, Implied: true, Quiet: true},
		"github.com/golang/glog.V":                       {Arg: 0, Verbosity: true, Quiet: true},
		"(*log/slog.Logger).Enabled":                     {Arg: 1, Check: true},
		"(k8s.io/klog/v2.Verbose).Enabled":               {Arg: -1, Check: true},
		"(go.uber.org/zap/zapcore.LevelEnabler).Enabled": {Arg: 0, Check: true},
	} {
		if got, ok := logs.levelCalls[key]; !ok || got != want {
			t.Errorf("level call %s = %+v, %v; want %+v", key, got, ok, want)
		}
	}
	if d := logs.debugLogs["(*github.com/sirupsen/logrus.Entry).Tracef"]; d.Guard != "entry.Logger.IsLevelEnabled(logrus.TraceLevel)" {
		t.Errorf("guard of (*logrus.Entry).Tracef = %q", d.Guard)
	}
}
