package zap

import "go.uber.org/zap/zapcore"

// DebugLevel is re-exported from zapcore, as in the real package.
const DebugLevel = zapcore.DebugLevel

func (log *Logger) Core() zapcore.Core                                   { return nil }
func (s *SugaredLogger) Debug(args ...interface{})                       {}
func (s *SugaredLogger) Debugf(template string, args ...interface{})     {}
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Debugln(args ...interface{})                     {}
func Int(key string, val int) Field                                      { return Field{Key: key} }
func Error(err error) Field                                              { return Field{Key: "error"} }
