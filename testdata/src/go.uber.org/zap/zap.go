// Package zap is a test stub of go.uber.org/zap: only the API surface the
// iohotpath tests call, with the real names and signatures.
package zap

import "go.uber.org/zap/zapcore"

// Field is an alias for zapcore.Field, as in the real package.
type Field = zapcore.Field

// String constructs a field with the given key and value.
func String(key string, val string) Field { return Field{Key: key, String: val} }

// Logger is zap's fast, structured logger.
type Logger struct{ name string }

// NewNop returns a no-op Logger.
func NewNop() *Logger { return &Logger{} }

// L returns the global Logger.
func L() *Logger { return &Logger{} }

// S returns the global SugaredLogger.
func S() *SugaredLogger { return &SugaredLogger{} }

func (log *Logger) Sugar() *SugaredLogger        { return &SugaredLogger{} }
func (log *Logger) Named(s string) *Logger       { return log }
func (log *Logger) With(fields ...Field) *Logger { return log }
func (log *Logger) Level() zapcore.Level         { return zapcore.InfoLevel }
func (log *Logger) Name() string                 { return log.name }
func (log *Logger) Sync() error                  { return nil }
func (log *Logger) Check(lvl zapcore.Level, msg string) *zapcore.CheckedEntry {
	return &zapcore.CheckedEntry{}
}
func (log *Logger) Log(lvl zapcore.Level, msg string, fields ...Field) {}
func (log *Logger) Debug(msg string, fields ...Field)                  {}
func (log *Logger) Info(msg string, fields ...Field)                   {}
func (log *Logger) Warn(msg string, fields ...Field)                   {}
func (log *Logger) Error(msg string, fields ...Field)                  {}
func (log *Logger) DPanic(msg string, fields ...Field)                 {}
func (log *Logger) Panic(msg string, fields ...Field)                  {}
func (log *Logger) Fatal(msg string, fields ...Field)                  {}

// SugaredLogger wraps the base Logger with a slower, printf-style API.
type SugaredLogger struct{}

func (s *SugaredLogger) Desugar() *Logger                                             { return &Logger{} }
func (s *SugaredLogger) Named(name string) *SugaredLogger                             { return s }
func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger                      { return s }
func (s *SugaredLogger) Sync() error                                                  { return nil }
func (s *SugaredLogger) Info(args ...interface{})                                     {}
func (s *SugaredLogger) Infof(template string, args ...interface{})                   {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})               {}
func (s *SugaredLogger) Infoln(args ...interface{})                                   {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{})              {}
func (s *SugaredLogger) Fatalf(template string, args ...interface{})                  {}
func (s *SugaredLogger) Logf(lvl zapcore.Level, template string, args ...interface{}) {}
