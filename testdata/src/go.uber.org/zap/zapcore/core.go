package zapcore

// LevelEnabler decides whether a level is on.
type LevelEnabler interface {
	Enabled(Level) bool
}

// Core is the interface a Logger writes through; as in zap, its Enabled
// is LevelEnabler's.
type Core interface {
	LevelEnabler
}
