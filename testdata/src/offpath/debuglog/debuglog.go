// Package debuglog: debug-level logging is off in production, so it is not
// I/O; an unguarded debug call that builds its arguments is reported for
// that cost. Info logging is I/O, guarded or not.
package debuglog

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// hotpath
func Zap(logger *zap.Logger, id string, lvl zapcore.Level) { // want Zap:"hot blocking\\(log\\): \\(\\*zapcore\\.CheckedEntry\\)\\.Write"
	logger.Debug("start")                       // silent: nothing built
	logger.Debug("start", zap.String("id", id), zap.Int("n", len(id)+1)) // silent: fields of what is at hand are made to be cheap
	logger.Debug("start", zap.String("id", fmt.Sprint(id, 1)))            // want `^\(\*zap.Logger\).Debug builds 1 field on every call of hot function Zap even when debug logging is off; guard it with logger.Check\(zapcore.DebugLevel, …\)$`
	if ce := logger.Check(zapcore.DebugLevel, "x"); ce != nil {
		ce.Write(zap.String("id", id)) // silent: debug logging is on here
	}
	if ce := logger.Check(zapcore.InfoLevel, "x"); ce != nil {
		ce.Write(zap.String("id", id)) // want `\(\*zapcore.CheckedEntry\).Write writes a log record`
	}
	if ce := logger.Check(lvl, "x"); ce != nil {
		ce.Write() // silent: a level held in a variable
	}
	if logger.Core().Enabled(zap.DebugLevel) {
		logger.Info("dump", zap.String("id", id)) // silent: only with debug on
	}
	logger.Info("done") // want `\(\*zap.Logger\).Info writes a log record`
}

// hotpath
func Sugar(s *zap.SugaredLogger, id string) {
	s.Debugf("id %s", id)                // silent: nothing computed
	s.Debugf("id %s", fmt.Sprint(id, 1)) // want `^\(\*zap.SugaredLogger\).Debugf evaluates 1 argument on every call`
}

// hotpath
func Slog(ctx context.Context, logger *slog.Logger, id string) { // want Slog:"hot blocking\\(log\\): slog\\.Info"
	slog.Debug("x", "id", id)                 // silent
	logger.Debug("x", "n", len(id)+1, slog.String("id", id)) // silent: arithmetic and an attribute of what is at hand
	logger.Debug("x", "n", strings.Repeat(id, 2))           // want `^\(\*slog.Logger\).Debug evaluates 1 argument`
	if logger.Enabled(ctx, slog.LevelDebug) { // a debug check
		logger.Info("x", "id", id) // silent
	}
	slog.Info("x") // want `slog.Info writes a log record`
}

// hotpath
func Zerolog(id string) { // want Zerolog:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	log.Debug().Str("id", id).Msg("x") // silent: a debug event does nothing when off
	e := log.Debug()
	e.Msg("y")                        // silent
	log.Info().Str("id", id).Msg("x") // want `\(\*zerolog.Event\).Msg writes a log record`
}

// hotpath
func Logrus(l *logrus.Logger, id string) { // want Logrus:"hot blocking\\(log\\): \\(\\*logrus\\.Logger\\)\\.Infof"
	l.Debugf("id %s", id) // silent
	if l.IsLevelEnabled(logrus.DebugLevel) {
		l.Infof("id %s", id) // silent
	}
	l.Infof("id %s", id) // want `\(\*logrus.Logger\).Infof writes a log record`
}

// trace logs only at debug level: it is not blocking.
func trace(logger *zap.Logger) { logger.Debug("trace") }

// hotpath
func Helper(logger *zap.Logger) {
	trace(logger) // silent
}

// hotpath
func CheckedOnce(logger *zap.Logger, id string) {
	c := logger.Check(zap.DebugLevel, "rewrote")
	if c == nil {
		return
	}
	c.Write(zap.String("id", id)) // silent: debug logging is on past the return
}
