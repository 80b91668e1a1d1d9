// Package logrus is a vendored copy of a test stub of
// github.com/sirupsen/logrus: its path is
// vendored/vendor/github.com/sirupsen/logrus, and it matches the rows of
// github.com/sirupsen/logrus.
package logrus

// Entry is the final or intermediate logging entry.
type Entry struct{}

func WithField(key string, value interface{}) *Entry { return &Entry{} }
func Info(args ...interface{})                       {}
func Infof(format string, args ...interface{})       {}
func Fatal(args ...interface{})                      {}

func (entry *Entry) Info(args ...interface{})  {}
func (entry *Entry) Fatal(args ...interface{}) {}
