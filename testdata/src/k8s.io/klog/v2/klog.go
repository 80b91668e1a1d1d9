// Package klog is a test stub of k8s.io/klog/v2: only the API surface the
// iohotpath tests call, with the real names and signatures.
package klog

// Level specifies a level of verbosity for V logs.
type Level int32

// Verbose is returned by V; its methods log only when it is enabled.
type Verbose struct {
	enabled bool
}

// V reports whether verbosity at the call site is at least level.
func V(level Level) Verbose { return Verbose{} }

func (v Verbose) Enabled() bool                                                  { return v.enabled }
func (v Verbose) Info(args ...interface{})                                       {}
func (v Verbose) Infof(format string, args ...interface{})                       {}
func (v Verbose) InfoS(msg string, keysAndValues ...interface{})                 {}
func (v Verbose) InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {}
func (v Verbose) ErrorS(err error, msg string, keysAndValues ...interface{})     {}

func Info(args ...interface{})                                                   {}
func Infof(format string, args ...interface{})                                   {}
func InfoDepth(depth int, args ...interface{})                                   {}
func InfofDepth(depth int, format string, args ...interface{})                   {}
func InfoS(msg string, keysAndValues ...interface{})                             {}
func InfoSDepth(depth int, msg string, keysAndValues ...interface{})             {}
func Warningln(args ...interface{})                                              {}
func Errorf(format string, args ...interface{})                                  {}
func ErrorS(err error, msg string, keysAndValues ...interface{})                 {}
func ErrorSDepth(depth int, err error, msg string, keysAndValues ...interface{}) {}
func Fatalf(format string, args ...interface{})                                  {}
func Flush()                                                                     {}

// ObjectRef references a Kubernetes object in structured log records.
type ObjectRef struct{ Name, Namespace string }

// KRef returns an ObjectRef; it does no I/O.
func KRef(namespace, name string) ObjectRef { return ObjectRef{Name: name, Namespace: namespace} }
