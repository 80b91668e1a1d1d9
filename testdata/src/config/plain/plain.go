// Package plain imports nothing, so a run error is its own.
package plain

func F() {}
