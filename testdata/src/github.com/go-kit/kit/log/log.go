// Package log is a test stub of github.com/go-kit/kit/log before it moved
// to github.com/go-kit/log (kit v0.10 and older, with a Logger of its own):
// only the API surface the iohotpath tests call.
package log

// Logger is the fundamental interface for all log operations.
type Logger interface {
	Log(keyvals ...interface{}) error
}

// With returns a new contextual logger with keyvals appended.
func With(logger Logger, keyvals ...interface{}) Logger { return logger }

// WithPrefix returns a new contextual logger with keyvals prepended.
func WithPrefix(logger Logger, keyvals ...interface{}) Logger { return logger }
