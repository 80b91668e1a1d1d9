// Package level is a test stub of github.com/go-kit/kit/log/level before it
// moved to github.com/go-kit/log/level: only the API surface the iohotpath
// tests call.
package level

import "github.com/go-kit/kit/log"

// Key returns the unique key added to log events by the loggers in this
// package.
func Key() interface{} { return "level" }

// Error returns a logger that includes a Key/ErrorValue pair.
func Error(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), "error") }

// Warn returns a logger that includes a Key/WarnValue pair.
func Warn(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), "warn") }

// Info returns a logger that includes a Key/InfoValue pair.
func Info(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), "info") }

// Debug returns a logger that includes a Key/DebugValue pair.
func Debug(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), "debug") }
