package zapcore

// Core is the interface a Logger writes through.
type Core interface {
	Enabled(Level) bool
}
