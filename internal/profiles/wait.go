package profiles

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// WaitClause is what a finding says of a lock the contention profiles
// show goroutines waiting for: "goroutines waited 1.8 s for c.mu in the
// profile". ParseWait reads it back, for the outputs that rank findings
// by it (the go vet protocol carries messages only).
func WaitClause(d time.Duration, lock string) string {
	return fmt.Sprintf("goroutines waited %s for %s in the profile", formatWait(d), lock)
}

func formatWait(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.1f µs", float64(d)/float64(time.Microsecond))
}

var waitRE = regexp.MustCompile(`goroutines waited ([0-9.]+) (s|ms|µs) for .* in the profile`)

// ParseWait returns the waiting a message's WaitClause records, and
// whether it has one.
func ParseWait(msg string) (time.Duration, bool) {
	m := waitRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	unit := map[string]time.Duration{"s": time.Second, "ms": time.Millisecond, "µs": time.Microsecond}[m[2]]
	return time.Duration(v * float64(unit)), true
}
