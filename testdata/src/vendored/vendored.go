// Package vendored logs through a vendored copy of logrus (GOPATH mode:
// vendored/vendor/github.com/sirupsen/logrus): its calls match the rows of
// github.com/sirupsen/logrus, and its Fatal ends a block.
package vendored

import "github.com/sirupsen/logrus"

// hotpath
func Handle(err error) { // want Handle:`hot blocking\(log\)`
	logrus.Info("x")                   // want `logrus.Info writes a log record on every call of hot function Handle; log outside the hot path`
	logrus.Infof("%d", 1)              // want `logrus.Infof writes a log record`
	logrus.WithField("k", 1).Info("x") // want `\(\*logrus.Entry\).Info writes a log record`
	_ = logrus.WithField("k", 1)
	if err != nil {
		logrus.Fatal(err) // error exit: Fatal does not return
	}
}
