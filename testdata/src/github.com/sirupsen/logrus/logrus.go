// Package logrus is a test stub of github.com/sirupsen/logrus: only the API
// surface the iohotpath tests call, with the real names and signatures.
package logrus

import "context"

// Fields type, used to pass to WithFields.
type Fields map[string]interface{}

// Level type.
type Level uint32

const (
	PanicLevel Level = iota
	FatalLevel
	ErrorLevel
	WarnLevel
	InfoLevel
	DebugLevel
	TraceLevel
)

// Logger is a logrus logger.
type Logger struct{ Level Level }

// Entry is the final or intermediate logging entry.
type Entry struct {
	Logger *Logger
	Data   Fields
}

// FieldLogger generalizes the Entry and Logger types.
type FieldLogger interface {
	WithField(key string, value interface{}) *Entry
	WithFields(fields Fields) *Entry
	Info(args ...interface{})
	Infof(format string, args ...interface{})
}

func New() *Logger                   { return &Logger{} }
func StandardLogger() *Logger        { return &Logger{} }
func NewEntry(logger *Logger) *Entry { return &Entry{Logger: logger} }

// Package-level functions log through the standard logger.
func WithField(key string, value interface{}) *Entry { return &Entry{} }
func WithFields(fields Fields) *Entry                { return &Entry{} }
func WithError(err error) *Entry                     { return &Entry{} }
func WithContext(ctx context.Context) *Entry         { return &Entry{} }
func IsLevelEnabled(level Level) bool                { return false }
func Info(args ...interface{})                       {}
func Infof(format string, args ...interface{})       {}
func Warnln(args ...interface{})                     {}
func Errorf(format string, args ...interface{})      {}
func Fatal(args ...interface{})                      {}

func (logger *Logger) WithField(key string, value interface{}) *Entry { return &Entry{Logger: logger} }
func (logger *Logger) WithFields(fields Fields) *Entry                { return &Entry{Logger: logger} }
func (logger *Logger) IsLevelEnabled(level Level) bool                { return false }
func (logger *Logger) SetLevel(level Level)                           { logger.Level = level }
func (logger *Logger) Info(args ...interface{})                       {}
func (logger *Logger) Infof(format string, args ...interface{})       {}
func (logger *Logger) Log(level Level, args ...interface{})           {}
func (logger *Logger) Warning(args ...interface{})                    {}
func (logger *Logger) Fatal(args ...interface{})                      {}

func (entry *Entry) WithField(key string, value interface{}) *Entry       { return entry }
func (entry *Entry) WithFields(fields Fields) *Entry                      { return entry }
func (entry *Entry) WithError(err error) *Entry                           { return entry }
func (entry *Entry) String() (string, error)                              { return "", nil }
func (entry *Entry) Info(args ...interface{})                             {}
func (entry *Entry) Infof(format string, args ...interface{})             {}
func (entry *Entry) Errorf(format string, args ...interface{})            {}
func (entry *Entry) Debugln(args ...interface{})                          {}
func (entry *Entry) Fatal(args ...interface{})                            {}
func (entry *Entry) Logf(level Level, format string, args ...interface{}) {}
