// Package sirupsen logs through logrus under its old import path,
// github.com/Sirupsen/logrus (vendored here): its calls match the rows of
// github.com/sirupsen/logrus.
package sirupsen

import "github.com/Sirupsen/logrus"

// hotpath
func Handle(err error) { // want Handle:`hot blocking\(log\)`
	logrus.Info("x")                   // want `logrus.Info writes a log record on every call of hot function Handle`
	logrus.WithField("k", 1).Info("x") // want `\(\*logrus.Entry\).Info writes a log record`
	if err != nil {
		logrus.Fatal(err) // error exit: Fatal does not return
	}
}
