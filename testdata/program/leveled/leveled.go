// Package leveled is a leveled logger as gofakes3's stdLog: Print prints
// only at the levels it keeps, on a branch, through a func field that main
// sets to log.Println or to a *log.Logger's Println. Both block, so
// whichever the graph cannot tell apart, the branch blocks when it is
// taken, as a static call on a branch does: a hot call of Print is
// reported. Quiet's func field is set to a function that blocks and to one
// that does not: two doubts, no finding (as handler's Flush).
package leveled

// Printer logs at a level.
type Printer interface{ Print(level, msg string) }

// Std prints the levels it keeps, or all.
type Std struct {
	print  func(v ...any)
	levels map[string]bool
}

// New returns a Std printing through print.
func New(print func(v ...any), levels ...string) *Std {
	s := &Std{print: print}
	for _, l := range levels {
		if s.levels == nil {
			s.levels = map[string]bool{}
		}
		s.levels[l] = true
	}
	return s
}

func (s *Std) Print(level, msg string) {
	if s.levels == nil || s.levels[level] {
		s.print(level, msg)
	}
}

// Quiet prints through a func field main sets to log.Println or to a
// counter that does not block.
type Quiet struct{ print func(v ...any) }

// NewQuiet returns a Quiet printing through print.
func NewQuiet(print func(v ...any)) *Quiet { return &Quiet{print: print} }

func (q *Quiet) Print(level, msg string) {
	if level != "debug" {
		q.print(level, msg)
	}
}

// Server logs each request.
type Server struct{ Log, Quiet Printer }

// Get answers one request.
//
// hotpath
func (s *Server) Get(id string) {
	s.Log.Print("info", id)   // want `s\.Log\.Print \(implemented by \(\*leveled\.Std\)\.Print\) performs blocking log I/O \(\(\*log\.Logger\)\.Println via s\.print \(implemented by \(\*log\.Logger\)\.Println, 1 other\)\) on every call of hot function Server\.Get`
	s.Quiet.Print("info", id) // silent: one of Quiet's two print functions blocks
}
