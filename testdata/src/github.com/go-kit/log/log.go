// Package log is a test stub of github.com/go-kit/log: only the API surface
// the iohotpath tests call, with the real names and signatures.
package log

import "io"

// Logger is the fundamental interface for all log operations.
type Logger interface {
	Log(keyvals ...interface{}) error
}

// With returns a new contextual logger with keyvals appended.
func With(logger Logger, keyvals ...interface{}) Logger {
	return &context{logger: logger, keyvals: keyvals}
}

// WithPrefix returns a new contextual logger with keyvals prepended.
func WithPrefix(logger Logger, keyvals ...interface{}) Logger {
	return &context{logger: logger, keyvals: keyvals}
}

type context struct {
	logger  Logger
	keyvals []interface{}
}

func (l *context) Log(keyvals ...interface{}) error {
	return l.logger.Log(append(l.keyvals, keyvals...)...)
}

// NewNopLogger returns a logger that doesn't do anything.
func NewNopLogger() Logger { return nopLogger{} }

type nopLogger struct{}

func (nopLogger) Log(...interface{}) error { return nil }

// NewLogfmtLogger returns a logger that encodes keyvals to the Writer in
// logfmt format.
func NewLogfmtLogger(w io.Writer) Logger { return &logfmtLogger{w: w} }

type logfmtLogger struct{ w io.Writer }

func (l *logfmtLogger) Log(keyvals ...interface{}) error {
	_, err := io.WriteString(l.w, "msg\n")
	return err
}
