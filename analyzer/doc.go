// Package analyzer is iohotpath: it reports blocking I/O on hot paths.
//
// # Analyzer iohotpath
//
// iohotpath: report blocking I/O on hot paths
//
// Blocking I/O is files, fsync, stat, logging, standard output, encoders
// writing to files, network, databases and processes.
//
// Hot code is the body of a function whose doc comment has a line
// "//hotpath", "// hotpath" or "//iohotpath:hot" (or whose name matches
// -funcs), and a for or range statement directly below such a line. A call
// that blocks there, or that reaches blocking I/O through other functions,
// in this package or another, is reported at the call with the chain that
// leads to the blocking call:
//
//	// hotpath
//	func (s *Scorer) Evaluate(tx Tx) float64 {
//		f, _ := os.OpenFile("audit.log", os.O_APPEND|os.O_WRONLY, 0o600) // reported
//		fmt.Fprintln(f, tx.ID)
//		f.Close()
//		return s.score(tx)
//	}
//
// The fix moves the I/O off the hot path: hand the record to a bounded
// channel drained by a background writer that opens the file once.
//
//	// hotpath
//	func (s *Scorer) Evaluate(tx Tx) float64 {
//		select {
//		case s.audit <- tx.ID: // silent: a channel send
//		default: // queue full: drop rather than block
//		}
//		return s.score(tx)
//	}
//
// It stays silent on code started with go, on the function given to
// sync.Once.Do, on error-exit blocks (unless -error-paths), on in-memory
// writers (bytes.Buffer, strings.Builder, bufio.Writer writes), and on calls
// through interfaces or function values it cannot resolve.
//
// In all code, it also reports a network round trip, a database query, a
// process or an fsync made while a sync.Mutex or sync.RWMutex is held on
// every path to the call (directly or through the functions it calls): every
// goroutine that needs the lock waits for it. In hot code the finding on
// such a call says which lock is held.
//
//	c.mu.Lock()
//	defer c.mu.Unlock()
//	resp, err := c.client.Do(req) // reported: copy what you need, unlock, then call
//
// It also reports a defer directly in a loop body and the re-opening of the
// same file on every iteration of a loop.
//
// Suppress one line with "//iohotpath:ignore <reason>" at its end or on the
// line above.
package analyzer
