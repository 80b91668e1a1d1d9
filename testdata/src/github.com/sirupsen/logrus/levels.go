package logrus

func (logger *Logger) Debugf(format string, args ...interface{}) {}
func (logger *Logger) Tracef(format string, args ...interface{}) {}
