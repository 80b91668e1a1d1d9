// Package logging is a project's wrapper around zerolog: Debug returns a
// debug-bound event (a fact), Info an event that writes.
package logging

import (
	"fmt"
	"log/slog"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// Debug returns a debug-level event: off in production.
func Debug() *zerolog.Event { return log.Debug() } // want Debug:"debug-bound"

// Trace returns one through Debug.
func Trace() *zerolog.Event { // want Trace:"debug-bound"
	e := Debug()
	return e
}

// Warn returns a warning-level event, as spicedb's logging.Warn does.
func Warn() *zerolog.Event { return log.Logger.Warn() } // want Warn:"alarm-bound"

// Info returns an info-level event: it writes.
func Info() *zerolog.Event { return log.Info() }

// ShouldDebug says whether debug logging is on for a subsystem.
func ShouldDebug(sub string) bool { return sub == "api" }

// Warnf logs at warning level, as mailpit's logger does.
func Warnf(format string, a ...any) { // want Warnf:"blocking\\(log\\): slog.Warn; logs alarm"
	slog.Warn(fmt.Sprintf(format, a...))
}
