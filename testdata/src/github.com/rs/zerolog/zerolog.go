// Package zerolog is a test stub of github.com/rs/zerolog: only the API
// surface the iohotpath tests call, with the real names and signatures.
package zerolog

import (
	"context"
	"fmt"
	"io"
)

// Level defines log levels.
type Level int8

const (
	DebugLevel Level = iota
	InfoLevel
)

// Logger represents an active logging object.
type Logger struct {
	w     io.Writer
	level Level
}

// Context configures a new sub-logger with contextual fields.
type Context struct{ l Logger }

// Event represents a log event; Msg, Msgf, MsgFunc and Send write it.
type Event struct{ buf []byte }

func New(w io.Writer) Logger            { return Logger{w: w} }
func Nop() Logger                       { return Logger{} }
func Ctx(ctx context.Context) *Logger   { return &Logger{} }
func (l Logger) With() Context          { return Context{l} }
func (l Logger) Level(lvl Level) Logger { l.level = lvl; return l }
func (l Logger) GetLevel() Level        { return l.level }
func (l *Logger) Debug() *Event         { return &Event{} }
func (l *Logger) Info() *Event          { return &Event{} }
func (l *Logger) Warn() *Event          { return &Event{} }
func (l *Logger) Error() *Event         { return &Event{} }
func (l *Logger) Err(err error) *Event  { return &Event{} }

// Print sends a debug-level event, as the real one does through Msg.
func (l *Logger) Print(v ...interface{}) {
	if e := l.Debug(); e.Enabled() {
		e.Msg(fmt.Sprint(v...))
	}
}

// Printf sends a debug-level event, as the real one does through Msg.
func (l *Logger) Printf(format string, v ...interface{}) {
	if e := l.Debug(); e.Enabled() {
		e.Msg(fmt.Sprintf(format, v...))
	}
}

func (l Logger) Write(p []byte) (n int, err error) { return len(p), nil }

func (c Context) Str(key, val string) Context { return c }
func (c Context) Logger() Logger              { return c.l }

func (e *Event) Enabled() bool                        { return e != nil }
func (e *Event) Discard() *Event                      { return nil }
func (e *Event) Str(key, val string) *Event           { return e }
func (e *Event) Int(key string, i int) *Event         { return e }
func (e *Event) Err(err error) *Event                 { return e }
func (e *Event) Msg(msg string)                       {}
func (e *Event) Msgf(format string, v ...interface{}) {}
func (e *Event) MsgFunc(createMsg func() string)      {}
func (e *Event) Send()                                {}
