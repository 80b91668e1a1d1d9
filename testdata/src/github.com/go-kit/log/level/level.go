// Package level is a test stub of github.com/go-kit/log/level: only the API
// surface the iohotpath tests call, with the real names and signatures.
package level

import "github.com/go-kit/log"

// Value is the interface that each of the canonical level values implement.
type Value interface {
	String() string
}

type levelValue struct{ name string }

func (v *levelValue) String() string { return v.name }

// Key returns the unique key added to log events by the loggers in this
// package.
func Key() interface{} { return "level" }

// Error returns a logger that includes a Key/ErrorValue pair.
func Error(logger log.Logger) log.Logger {
	return log.WithPrefix(logger, Key(), &levelValue{"error"})
}

// Warn returns a logger that includes a Key/WarnValue pair.
func Warn(logger log.Logger) log.Logger {
	return log.WithPrefix(logger, Key(), &levelValue{"warn"})
}

// Info returns a logger that includes a Key/InfoValue pair.
func Info(logger log.Logger) log.Logger {
	return log.WithPrefix(logger, Key(), &levelValue{"info"})
}

// Debug returns a logger that includes a Key/DebugValue pair.
func Debug(logger log.Logger) log.Logger {
	return log.WithPrefix(logger, Key(), &levelValue{"debug"})
}
