// Package zapcore is a test stub of go.uber.org/zap/zapcore: only the API
// surface the iohotpath tests call, with the real names and signatures.
package zapcore

// Level is a logging priority.
type Level int8

const (
	DebugLevel Level = iota - 1
	InfoLevel
	WarnLevel
	ErrorLevel
)

// Field is a marshaling operation used to add a key-value pair to a
// logger's context.
type Field struct {
	Key    string
	String string
}

// CheckedEntry is an entry that has been checked against a level; Write
// logs it.
type CheckedEntry struct{}

// Write writes the entry to the cores that accepted it.
func (ce *CheckedEntry) Write(fields ...Field) {}
