// Package logrus is a test stub of logrus under its old spelling,
// github.com/Sirupsen/logrus, which matches the rows of
// github.com/sirupsen/logrus. It is vendored so that no other testdata
// path differs from github.com/sirupsen/logrus by case only.
package logrus

// Entry is the final or intermediate logging entry.
type Entry struct{}

func WithField(key string, value interface{}) *Entry { return &Entry{} }
func Info(args ...interface{})                       {}
func Fatal(args ...interface{})                      {}

func (entry *Entry) Info(args ...interface{}) {}
