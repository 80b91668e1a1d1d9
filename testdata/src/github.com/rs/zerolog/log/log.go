// Package log is a test stub of github.com/rs/zerolog/log, the global
// zerolog logger: only the API surface the iohotpath tests call.
package log

import "github.com/rs/zerolog"

// Logger is the global logger.
var Logger = zerolog.Nop()

func With() zerolog.Context { return Logger.With() }
func Debug() *zerolog.Event { return &zerolog.Event{} }
func Info() *zerolog.Event  { return &zerolog.Event{} }
func Warn() *zerolog.Event  { return &zerolog.Event{} }
func Error() *zerolog.Event { return &zerolog.Event{} }

// Print sends a debug-level event through the global logger.
func Print(v ...interface{}) { Logger.Print(v...) }

// Printf sends a debug-level event through the global logger.
func Printf(format string, v ...interface{}) { Logger.Printf(format, v...) }
