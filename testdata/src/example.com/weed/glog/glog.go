// Package glog is a project's own copy of github.com/golang/glog (as
// seaweedfs keeps one in weed/glog), with its API
// surface the iohotpath tests call, with the real names and signatures.
package glog

import "context"

// Level specifies a level of verbosity for V logs.
type Level int32

// Verbose is a boolean type whose methods log only when it is true.
type Verbose bool

// V reports whether verbosity at the call site is at least level.
func V(level Level) Verbose { return false }

func (v Verbose) Info(args ...interface{})                 {}
func (v Verbose) Infof(format string, args ...interface{}) {}
func (v Verbose) InfoDepth(depth int, args ...interface{}) {}

func Info(args ...interface{})                                              {}
func Infof(format string, args ...interface{})                              {}
func Warningln(args ...interface{})                                         {}
func ErrorDepth(depth int, args ...interface{})                             {}
func InfoDepthf(depth int, format string, args ...interface{})              {}
func InfoContext(ctx context.Context, args ...interface{})                  {}
func ErrorContextf(ctx context.Context, format string, args ...interface{}) {}
func Fatal(args ...interface{})                                             {}
func Flush()                                                                {}
