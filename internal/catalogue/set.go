package catalogue

import "strings"

// Set is a set of categories, small enough for a fact: every category a
// function reaches, not only the one its witness shows.
type Set uint16

// SetOf returns the set holding cats.
func SetOf(cats ...Category) Set {
	var s Set
	for _, c := range cats {
		s = s.With(c)
	}
	return s
}

// With returns s with c added; None adds nothing.
func (s Set) With(c Category) Set {
	if c == None || c >= NumCategories {
		return s
	}
	return s | 1<<c
}

// Has reports whether c is in s.
func (s Set) Has(c Category) bool { return c != None && c < NumCategories && s&(1<<c) != 0 }

// Without returns s without the categories for which off is true, as
// Settings.Disabled lists them.
func (s Set) Without(off [NumCategories]bool) Set {
	for c := File; c < NumCategories; c++ {
		if off[c] {
			s &^= 1 << c
		}
	}
	return s
}

// Cats lists the categories of s in their order.
func (s Set) Cats() []Category {
	var out []Category
	for c := File; c < NumCategories; c++ {
		if s.Has(c) {
			out = append(out, c)
		}
	}
	return out
}

// String is s as a comma-separated list of names: "file,sync".
func (s Set) String() string {
	var names []string
	for _, c := range s.Cats() {
		names = append(names, c.String())
	}
	return strings.Join(names, ",")
}

// Unbounded reports whether the latency of I/O of category c has no bound
// the caller controls: a peer answers (network, database), a child process
// finishes, the disk drains its queue (sync). Such I/O is worth reporting
// wherever it holds others up, hot code or not.
func (c Category) Unbounded() bool {
	switch c {
	case Network, Database, Process, Sync:
		return true
	}
	return false
}

// Waits says, for a message, what a goroutine waiting behind I/O of
// category c waits for: "the round trip", "the disk".
func (c Category) Waits() string {
	switch c {
	case Network, Database:
		return "the round trip"
	case Process:
		return "the process"
	case Sync, File, Stat:
		return "the disk"
	case Log, Stdout, Encode:
		return "the write"
	}
	return "the I/O"
}
