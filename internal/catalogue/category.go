// Package catalogue is iohotpath's knowledge of blocking calls, as data:
// the functions known to block, by category; the calls that block only
// when their writer is a file or a connection; the calls that never
// return; the calls that run their argument once; and the functions that
// open a file by path.
//
// Rows are struct literals (std.go, log.go, db.go, net.go), keyed by
// types.Func.FullName(): grep for "database/sql", "*DB" and "QueryRow" to
// find (*database/sql.DB).QueryRow. The writer-dependent calls are in
// writers.go, the calls that end a block or run once in calls.go.
package catalogue

import "fmt"

// Category classifies blocking I/O. The zero value None means "not
// blocking".
type Category uint8

// The categories, in the order messages and docs list them.
const (
	None Category = iota
	File
	Sync
	Stat
	Log
	Stdout
	Encode
	Network
	Database
	Process
	NumCategories
)

var categoryNames = [NumCategories]string{"", "file", "sync", "stat", "log", "stdout", "encode", "network", "database", "process"}

func (c Category) String() string {
	if c < NumCategories {
		return categoryNames[c]
	}
	return fmt.Sprintf("Category(%d)", c)
}

// Parse returns the category named s.
func Parse(s string) (Category, bool) {
	for c := File; c < NumCategories; c++ {
		if categoryNames[c] == s {
			return c, true
		}
	}
	return None, false
}

// Names lists the category names (without None) in a stable order.
func Names() []string { return append([]string(nil), categoryNames[1:]...) }

// categoryText is what a diagnostic says about a category: what a call
// does (when its row does not say) and the usual fix.
var categoryText = [NumCategories]struct{ does, fix string }{
	File:     {"does file I/O", "open files once or hand the work to a background writer"},
	Sync:     {"forces a write to disk", "sync once per batch from a background writer"},
	Stat:     {"queries the file system", "check once at start-up or cache the result"},
	Log:      {"writes a log record", "log outside the hot path or through an asynchronous, buffered logger"},
	Stdout:   {"writes to standard output", "buffer the output and write it from a background writer"},
	Encode:   {"encodes straight to a file or connection", "encode to memory and hand the bytes to a background writer"},
	Network:  {"makes a network round trip", "reuse connections and batch the calls, or move them off the hot path"},
	Database: {"makes a database round trip", "batch the queries or move them off the hot path"},
	Process:  {"runs an external process", "start the process once, outside the hot path"},
}

// Does says what a call of category c does, in words, for messages.
func (c Category) Does() string { return categoryText[c].does }

// Fix is the usual fix for blocking I/O of category c.
func (c Category) Fix() string { return categoryText[c].fix }
