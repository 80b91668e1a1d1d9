// Package blocking teaches iohotpath two blocking functions.
package blocking

type Log struct{}

func (l *Log) Write(s string) {}

func flushAll() {}

func other() {}

// hotpath
func Hot(l *Log) { // want Hot:`hot blocking\(log\): \(\*blocking.Log\).Write`
	l.Write("x") // want `\(\*blocking.Log\).Write writes a log record on every call of hot function Hot; log outside the hot path`
	flushAll()   // want `blocking.flushAll does file I/O on every call of hot function Hot`
	other()
}
