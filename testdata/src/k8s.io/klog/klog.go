// Package klog is a test stub of k8s.io/klog (v1): only the API surface the
// iohotpath tests call, with the real names and signatures.
package klog

// Level specifies a level of verbosity for V logs.
type Level int32

// Verbose is a boolean type whose methods log only when it is true.
type Verbose bool

// V reports whether verbosity at the call site is at least level.
func V(level Level) Verbose { return false }

func (v Verbose) Info(args ...interface{})                 {}
func (v Verbose) Infof(format string, args ...interface{}) {}

func Info(args ...interface{})                 {}
func Infof(format string, args ...interface{}) {}
func Errorln(args ...interface{})              {}
func InfoDepth(depth int, args ...interface{}) {}
func Flush()                                   {}
