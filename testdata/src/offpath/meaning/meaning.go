// Package meaning: failure exits, error answers and debug logging known by
// what functions mean (facts), not by how they are spelt; the look-alikes
// on the normal path are reported.
package meaning

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"offpath/meaning/errs"
	"offpath/meaning/logging"
)

type op int

// hotpath
func Dispatch(o op) (int, error) {
	switch o {
	case 0:
		return 1, nil
	default:
		return 0, errs.MustBugf("unknown op %d", o) // silent: a bug assert, whatever the condition
	}
}

// hotpath
func NilCheck(p *int) (int, error) {
	if p == nil {
		log.Printf("nil p")                 // silent: the block returns a made error
		return 0, errs.MustBugf("p is nil") // silent
	}
	return *p, nil
}

// hotpath
func ZeroAndError(p string) (string, int, error) {
	_, err := fmt.Sscan(p)
	if len(p) > 10 {
		log.Printf("too long: %v", err) // silent: zero values and an error
		return "", 0, err
	}
	return p, 1, nil
}

// hotpath
func ZeroAndNil(p string) (string, error) { // want ZeroAndNil:"hot blocking\\(log\\): log.Printf"
	if len(p) > 10 {
		log.Printf("too long") // want `log.Printf writes a log line`
		return "", nil         // nil is no error: the normal path
	}
	return p, nil
}

// hotpath
func Sentinel(n int) error { // want Sentinel:"hot blocking\\(log\\): log.Printf"
	if n > 3 {
		log.Printf("gone") // silent: errs.Gone always fails
		return errs.Gone()
	}
	if n > 2 {
		log.Printf("maybe") // want `log.Printf writes a log line`
		return errs.Maybe(n > 5)
	}
	return nil
}

// hotpath
func SaveOnPath(p string) error { // want SaveOnPath:"hot blocking\\(file\\): errs.Save -> os.WriteFile"
	if len(p) > 0 {
		return errs.Save(p) // want `errs.Save performs blocking file I/O`
	}
	return nil
}

// hotpath
func WrapOnPath(p string) *errs.Error { // want WrapOnPath:"hot blocking\\(file\\): os.WriteFile"
	if len(p) > 0 {
		return errs.Wrap(os.WriteFile(p, nil, 0o600), 0) // want `os.WriteFile writes a file`
	}
	return nil
}

// hotpath
func Reject(w http.ResponseWriter, r *http.Request) { // want Reject:"hot blocking\\(log\\): log.Printf"
	if r.Method != http.MethodGet {
		log.Printf("blocked %s", r.Method) // silent: answered 401, then returned
		http.Error(w, "blocked", http.StatusUnauthorized)
		clear(r.Header)
		return
	}
	if r.URL.Path == "/bad" {
		log.Printf("bad") // silent: errs.HTTPError answers 400
		errs.HTTPError(w, "bad")
		return
	}
	if r.URL.Path == "/missing" {
		log.Printf("missing") // silent: 404 through WriteJSON
		errs.WriteJSON(w, http.StatusNotFound, "missing")
		return
	}
	if r.URL.Path == "/ok" {
		log.Printf("ok") // want `log.Printf writes a log line`
		errs.WriteJSON(w, http.StatusOK, "ok")
		return
	}
}

var debug = logging.ShouldDebug("api")

var verbose = os.Getenv("MEANING_VERBOSE") != ""

type config struct{ Verbose, Strict bool }

// hotpath
func Debugging(id string, cfg config) { // want Debugging:"hot blocking\\(log\\): log.Printf"
	logging.Debug().Str("id", id).Msg("x") // silent: a debug-bound event
	logging.Trace().Msg("y")               // silent
	if debug {
		log.Printf("debug %s", id) // silent: a flag that says debug
	}
	if verbose {
		log.Printf("verbose %s", id) // silent: set from an environment variable that says verbose
	}
	if cfg.Verbose {
		log.Printf("verbose %s", id) // silent
	}
	if cfg.Strict {
		log.Printf("strict %s", id) // want `log.Printf writes a log line`
	}
	logging.Info().Msg("z") // want `\(\*zerolog.Event\).Msg writes a log record`
}

// ChunkSize falls back to a default with a warning through the
// project's wrapper, and goes on (spicedb's ForEachChunkUntil).
//
// hotpath
func ChunkSize(size int) int {
	if size == 0 {
		logging.Warn().Int("size", size).Msg("zero chunk size, using the default") // silent: a branch that only warns
		size = 100
	}
	return size
}

// ChunkInfo says the same at info level: reported.
//
// hotpath
func ChunkInfo(size int) int { // want ChunkInfo:"hot blocking\\(log\\): \\(\\*zerolog.Event\\).Msg"
	if size == 0 {
		logging.Info().Int("size", size).Msg("zero chunk size, using the default") // want `\(\*zerolog.Event\).Msg writes a log record`
		size = 100
	}
	return size
}

// debugf logs only with debug on.
func debugf(format string, args ...any) {
	if !debug {
		return
	}
	log.Printf(format, args...)
}

// hotpath
func DebugHelper(id string) {
	debugf("id %s", id) // silent: debugf logs only after a debug check
}

var allowed = map[string]bool{}

// hostAllowed returns true early; its tail warns and returns false: a
// rejection, not its normal path.
func hostAllowed(r *http.Request) bool {
	if len(allowed) == 0 || allowed[r.Host] {
		return true
	}
	slog.Warn("blocking host", "host", r.Host)
	return false
}

// hostSeen's tail logs on the way to a normal answer.
func hostSeen(r *http.Request) bool { // want hostSeen:"blocking\\(log\\): log.Printf"
	if allowed[r.Host] {
		return true
	}
	log.Printf("new host %s", r.Host)
	return true
}

// hotpath
func Middleware(w http.ResponseWriter, r *http.Request) { // want Middleware:"hot blocking\\(log\\): meaning.hostSeen -> log.Printf"
	if !hostAllowed(r) { // silent: it warns only before returning false
		http.Error(w, "blocked", http.StatusForbidden)
		return
	}
	hostSeen(r) // want `meaning.hostSeen performs blocking log I/O`
}

// hotpath
func Removed(w http.ResponseWriter, r *http.Request) { // want Removed:"answers error"
	log.Printf("removed endpoint %s", r.URL.Path) // silent: the whole handler answers 410
	w.WriteHeader(http.StatusGone)
	fmt.Fprint(w, "gone")
}

// originAllowed warns through the project's wrapper before returning false.
func originAllowed(r *http.Request) bool {
	if allowed[r.Header.Get("Origin")] {
		return true
	}
	logging.Warnf("blocking origin %s", r.Header.Get("Origin"))
	return false
}

// audit warns on every call: its normal path.
func audit(r *http.Request) { // want audit:"blocking\\(log\\): logging.Warnf -> slog.Warn; logs alarm"
	logging.Warnf("request %s", r.URL.Path)
}

// hotpath
func Origins(w http.ResponseWriter, r *http.Request) { // want Origins:"hot blocking\\(log\\): meaning.audit -> logging.Warnf -> slog.Warn"
	if !originAllowed(r) { // silent: it warns only before returning false
		http.Error(w, "blocked", http.StatusForbidden)
		return
	}
	audit(r) // want `meaning.audit performs blocking log I/O`
}

// hotpath
func RemovedJSON(w http.ResponseWriter, r *http.Request) { // want RemovedJSON:"answers error"
	log.Printf("removed endpoint %s", r.URL.Path) // silent: answers 410, whatever comes after
	w.WriteHeader(http.StatusGone)
	if _, err := fmt.Fprint(w, "gone"); err != nil {
		log.Printf("write: %v", err)
	}
}

type keys struct{ config *string }

func (k *keys) load() { os.ReadFile("keys.json") } // want load:"blocking\\(file\\): os.ReadFile"

// hotpath
func (k *keys) Configure(cfg string) { // want Configure:"hot blocking\\(file\\): os.ReadFile"
	if k.config == nil {
		k.load() // silent: runs on the first call only, then config is set
	}
	k.config = &cfg
	if len(cfg) == 0 {
		os.ReadFile("default.json") // want `os.ReadFile reads a file`
	}
}

// hotpath
func (k *keys) Reload(cfg string) { // want Reload:"hot blocking\\(file\\): \\(\\*meaning.keys\\).load -> os.ReadFile"
	if k.config == nil {
		k.load() // want `\(\*meaning.keys\).load performs blocking file I/O`
	}
}

var lastErr error

func keep(err error) { lastErr = err }

// hotpath
func Token(w http.ResponseWriter, r *http.Request) { // want Token:"hot blocking\\(log\\): log.Printf"
	if r.FormValue("assertion") == "" {
		log.Printf("no assertion") // silent: a made error, described, handed on before returning
		keep(errs.ErrInvalidRequest().WithDescription("assertion missing"))
		return
	}
	if r.FormValue("client") == "" {
		log.Printf("no client") // silent: a constructor kept in a variable, by its fact
		keep(errs.ErrDenied().WithDescription("client missing"))
		return
	}
	log.Printf("token for %s", r.FormValue("client")) // want `log.Printf writes a log line`
}

var slowThreshold = 500 * time.Millisecond

// hotpath
func SlowQueries(start time.Time, q string, timeout time.Duration) { // want SlowQueries:"hot blocking\\(log\\): log.Printf"
	elapsed := time.Now().Sub(start)
	if slowThreshold > 0 && elapsed > slowThreshold {
		log.Printf("slow query %s", q) // silent: only calls already slow log
	}
	if 2*time.Second < time.Since(start) {
		log.Printf("very slow query %s", q) // silent: the threshold on the left
	}
	if elapsed.Seconds() >= 1 {
		log.Printf("a second or more") // silent: the elapsed time in seconds
	}
	if elapsed < slowThreshold {
		log.Printf("fast query %s", q) // want `log.Printf writes a log line on every call of hot function SlowQueries`
	}
	if timeout > time.Second {
		log.Printf("long timeout") // want `log.Printf writes a log line on every call of hot function SlowQueries`
	}
	if d := time.Since(start); d > slowThreshold {
		return
	} else {
		log.Printf("took %v", d) // want `log.Printf writes a log line on every call of hot function SlowQueries`
	}
	if time.Since(lastReport) > time.Minute {
		lastReport = time.Now()
		log.Printf("report") // want `log.Printf writes a log line on every call of hot function SlowQueries`
	}
}

// lastReport is when SlowQueries last reported: a throttle, not slowness.
var lastReport time.Time
