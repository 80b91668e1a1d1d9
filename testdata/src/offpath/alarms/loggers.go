package alarms

import (
	"github.com/golang/glog"
	"github.com/sirupsen/logrus"
)

// Issue 22: every warning-or-above call of a Logger literal is an alarm,
// in every form: (*logrus.Logger).Warning as its Warn, glog's Warning and
// Error forms. The look-alikes log at info level.

// hotpath
func LogrusWarningThenReturn(l *logrus.Logger, k string, ignored bool) {
	if ignored {
		l.Warning("ignoring ", k) // silent: an alarm, then return
		return
	}
}

// hotpath
func GlogWarningThenReturn(k string, ignored bool) {
	if ignored {
		glog.Warningln("ignoring", k) // silent: an alarm, then return
		return
	}
}

// hotpath
func GlogErrorThenReturn(k string, ignored bool) {
	if ignored {
		glog.ErrorDepth(1, "ignoring", k) // silent: an alarm, then return
		return
	}
}

// hotpath
func GlogInfoThenReturn(k string, ignored bool) { // want GlogInfoThenReturn:"hot blocking\\(log\\): glog\\.Infof"
	if ignored {
		glog.Infof("ignoring %s", k) // want `glog.Infof writes a log record`
		return
	}
}

// hotpath
func LogrusInfoThenReturn(l *logrus.Logger, k string, ignored bool) { // want LogrusInfoThenReturn:"hot blocking\\(log\\): \\(\\*logrus\\.Logger\\)\\.Info"
	if ignored {
		l.Info("ignoring ", k) // want `\(\*logrus.Logger\).Info writes a log record`
		return
	}
}
