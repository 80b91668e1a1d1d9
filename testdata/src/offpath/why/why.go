// Package why: with -show-offpath, each call an off-path rule leaves out
// is shown, naming the rule; one function per rule, in the order of
// docs/rules/hot-io.md. The look-alikes of each rule are in the packages
// beside this one, where the rules run as they do by default.
package why

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	zlog "github.com/rs/zerolog/log"
)

var errBad = errors.New("bad")

// hotpath
func FailureBranch(s string) {
	if _, err := strconv.Atoi(s); err != nil {
		log.Printf("bad") // want `^left out by failure-branch: log.Printf writes a log line`
	}
}

// hotpath
func RetryPath(try func() error) {
	for {
		err := try()
		if err == nil {
			break
		}
		log.Printf("retrying: %v", err) // want `^left out by retry-path: log.Printf writes a log line`
	}
}

// hotpath
func ReturnsFailure(o int) error {
	if o > 3 {
		log.Printf("bad op") // want `^left out by returns-failure: log.Printf`
		return fmt.Errorf("op %d", o)
	}
	return nil
}

// hotpath
func ReturnsZeroAndError(s string, err error) (int, error) {
	if s == "" {
		log.Printf("empty") // want `^left out by returns-zero-and-error: log.Printf`
		return 0, err
	}
	return 1, nil
}

// hotpath
func AnswersErrorStatus(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		log.Printf("method") // want `^left out by answers-error-status: log.Printf`
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
}

type h struct{}

func (h) fail(err error) { _ = err }

// hotpath
func (x h) HandsMadeError(n int) {
	if n > 3 {
		log.Printf("too many") // want `^left out by hands-made-error: log.Printf`
		x.fail(errBad)
		return
	}
}

// hotpath
func LogsAlarmAndReturns(m map[string]int) bool {
	if m == nil {
		slog.Warn("no map") // want `^left out by logs-alarm-and-returns: slog.Warn`
		return false
	}
	return true
}

// hotpath
func WarnsInLoop(ids []string) {
	for _, id := range ids {
		if _, err := strconv.Atoi(id); err != nil {
			slog.Warn("skipping a bad id", "id", id) // want `^left out by warns-only: slog.Warn`
			continue
		}
	}
}

// hotpath
func PanicsOrExits(n int) {
	if n < 0 {
		log.Printf("negative") // want `^left out by panics-or-exits: log.Printf`
		panic("negative")
	}
}

func LeavesHotLoop(items []string) { // want LeavesHotLoop:"blocking\\(log\\): log.Printf"
	//hotpath
	for _, it := range items {
		if it == "" {
			log.Printf("done") // want `^left out by leaves-hot-loop: log.Printf`
			break
		}
	}
}

// hotpath
func FailsOnceInLoop(rd func() error) {
	for {
		err := rd()
		if err != nil && err != errBad {
			log.Printf("read: %v", err) // want `^left out by fails-once-in-loop: log.Printf`
		}
		if err != nil {
			return
		}
	}
}

type cache struct{ index map[string]int }

// hotpath
func (c *cache) LazyInit() {
	if c.index == nil {
		log.Printf("building the index") // want `^left out by lazy-init: log.Printf`
		c.index = map[string]int{}
	}
}

// hotpath
func RecoveredPanic() {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic") // want `^left out by recovered-panic: log.Printf`
		}
	}()
}

// hotpath
func DebugGuard(ctx context.Context, l *slog.Logger) {
	if l.Enabled(ctx, slog.LevelDebug) {
		l.Info("dump") // want `^left out by debug-guard: \(\*slog.Logger\).Info`
	}
}

var debug = os.Getenv("WHY_DEBUG") != ""

// hotpath
func DebugFlag() {
	if debug {
		log.Printf("debug") // want `^left out by debug-flag: log.Printf`
	}
	if runtimeConfig.parserDFADebug {
		fmt.Println("dfa") // want `^left out by debug-flag: fmt.Println`
	}
}

// hotpath
func SlowPath(start time.Time, q string) {
	if d := time.Since(start); d >= slowQuery {
		log.Printf("slow query %s: %v", q, d) // want `^left out by slow-path: log.Printf`
	}
}

var slowQuery = time.Second

// runtimeConfig holds its debug switches as fields, as antlr's runtime does.
var runtimeConfig struct{ parserDFADebug bool }

const trace = false

// hotpath
func DeadCode() {
	if trace {
		log.Printf("trace") // want `^left out by dead-code: log.Printf`
	}
}

// hotpath
func DebugLevel(id string) {
	zlog.Debug().Str("id", id).Msg("x") // want `^left out by debug-level: \(\*zerolog.Event\).Msg logs at debug level`
}

type wrapper struct{ next http.RoundTripper }

// hotpath
func (w wrapper) RoundTrip(r *http.Request) (*http.Response, error) { // want RoundTrip:"hot blocking\\(network\\): http.RoundTripper.RoundTrip; always network"
	return w.next.RoundTrip(r) // want `^left out by delegation: http.RoundTripper.RoundTrip makes an HTTP request`
}

// hotpath
func ServeConn(c net.Conn) { // want ServeConn:"hot blocking\\(network\\): net.Conn.Write"
	c.Write(nil) // want `^left out by served-connection: net.Conn.Write`
}

// A handler hot by the http preset: its one upstream call is its job.
func handler(w http.ResponseWriter, r *http.Request) { // want handler:"hot blocking\\(network\\): http.Get; always network"
	resp, err := http.Get("http://backend") // want `^left out by handler-job: http.Get makes an HTTP request`
	if err == nil {
		resp.Body.Close()
	}
}
