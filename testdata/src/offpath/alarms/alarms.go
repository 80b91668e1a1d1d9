// Package alarms: a branch that logs at warning level or above and then
// leaves is a failure path; variables nothing changes are constants;
// a method handing its work to the method it implements adds no I/O.
// Each has a look-alike that is reported.
package alarms

import (
	"fmt"
	"io"
	stdlog "log"
	"net/http"
	"strconv"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// hotpath
func WarnThenReturn(m map[string]int, k string) int {
	v, found := m[k]
	if !found && v == 0 {
		log.Warn().Str("key", k).Msg("no such key") // silent: an alarm, then return
		return 0
	}
	return v
}

// hotpath
func ErrorInDefault(op string) bool {
	switch op {
	case "or", "and":
		return true
	default:
		log.Error().Str("op", op).Msg("invalid operator") // silent: should never happen, and leaves
		return false
	}
}

// hotpath
func EventErrThenReturn(l *zerolog.Logger, x *int) {
	if x == nil {
		l.Error().Msg("nil") // silent
		return
	}
}

// hotpath
func WarnAndGoOn(k string, size int) int {
	if size == 0 {
		log.Warn().Str("key", k).Msg("zero size, falling back") // silent: a branch that only warns
		size = 100
	}
	return size
}

// hotpath
func InfoAndGoOn(k string, bad bool) { // want InfoAndGoOn:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	if bad {
		log.Info().Str("key", k).Msg("odd key") // want `\(\*zerolog.Event\).Msg writes a log record`
	}
}

// hotpath
func WarnAndWrite(k string, bad bool) { // want WarnAndWrite:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	if bad {
		log.Warn().Str("key", k).Msg("odd key") // want `\(\*zerolog.Event\).Msg writes a log record`
		fmt.Println(k)                          // want `fmt.Println writes to standard output`
	}
}

// hotpath
func InfoThenReturn(k string, ignored bool) { // want InfoThenReturn:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	if ignored {
		log.Info().Str("key", k).Msg("ignoring") // want `\(\*zerolog.Event\).Msg writes a log record`
		return
	}
}

// hotpath
func WarnInLoop(keys []string) {
	for _, k := range keys {
		if k == "" {
			log.Warn().Msg("empty key") // silent: a bad item, by the code's own words
			return
		}
		if k == "-" {
			log.Warn().Msg("skipping") // silent: skipped with a warning
			continue
		}
	}
}

// hotpath
func InfoInLoop(keys []string) { // want InfoInLoop:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	for _, k := range keys {
		if _, err := strconv.Atoi(k); err != nil {
			log.Info().Msg("not a number") // want `\(\*zerolog.Event\).Msg writes a log record in a loop`
			continue
		}
		if k == "-" {
			log.Warn().Msg("odd") // want `\(\*zerolog.Event\).Msg writes a log record in a loop`
			fmt.Println(k)        // want `fmt.Println writes to standard output in a loop`
		}
	}
}

var (
	yyDebug  = 0
	verbose  bool
	traceOn  = false
	loud     = 0
	Exported = 0 // another package may set it
)

func init() { loud = 2 }

// hotpath
func Dormant(s string) { // want Dormant:"hot blocking\\(stdout\\): fmt\\.Printf"
	if yyDebug >= 1 {
		fmt.Printf("lex %s\n", s) // silent: yyDebug never changes
	}
	if verbose || traceOn && yyDebug > 0 {
		fmt.Println(s) // silent
	}
	if loud >= 1 {
		fmt.Printf("loud %s\n", s) // want `fmt.Printf writes to standard output`
	}
	if Exported > 0 {
		fmt.Println(s) // want `fmt.Println writes to standard output`
	}
}

// Wrapper decorates another round tripper.
type Wrapper struct {
	next http.RoundTripper
	t    *http.Transport
}

// hotpath
func (w *Wrapper) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:"hot blocking\\(network\\): \\(\\*http\\.Transport\\)\\.RoundTrip"
	if req.Header.Get("X") != "" {
		return w.t.RoundTrip(req) // silent: the work it was asked for
	}
	for i := 0; i < 2; i++ {
		resp, err := w.next.RoundTrip(req) // want `http.RoundTripper.RoundTrip makes an HTTP request in a loop`
		if err == nil {
			return resp, nil
		}
	}
	return http.DefaultClient.Do(req) // want `\(\*http.Client\).Do makes an HTTP request`
}

// hotpath
func CopyOnce(dst io.Writer, src io.Reader, buf []byte) error {
	for {
		n, rerr := src.Read(buf)
		if rerr != nil && rerr != io.EOF {
			stdlog.Printf("read: %v", rerr) // silent: the loop ends on rerr below, so once per call
		}
		if _, err := dst.Write(buf[:n]); err != nil {
			return err
		}
		if rerr != nil {
			return rerr
		}
	}
}

// hotpath
func CopyOnEveryBadItem(items []string) error { // want CopyOnEveryBadItem:"hot blocking\\(log\\): log\\.Printf"
	for _, it := range items {
		_, err := strconv.Atoi(it)
		if err != nil {
			stdlog.Printf("bad item %q: %v", it, err) // want `log.Printf writes a log line in a loop`
		}
		if it == "" {
			continue // the test of err below may be skipped
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// hotpath
func URLOf(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case fmt.Stringer:
		return t.String()
	}
	log.Warn().Msg("no URL configured, guessing") // silent: the missing default of a switch whose cases return
	return "http://localhost"
}

// hotpath
func NameOf(v any) string { // want NameOf:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	switch t := v.(type) {
	case string:
		return t
	case fmt.Stringer:
		v = t.String() // this case goes on
	}
	log.Warn().Msg("guessing") // want `\(\*zerolog.Event\).Msg writes a log record on every call of hot function NameOf`
	return "x"
}

// hotpath
func WarnEach(errs []string) {
	for _, e := range errs {
		log.Warn().Str("rule", e).Msg("malformed rule ignored") // silent: a loop that only warns
	}
}

// hotpath
func InfoEach(names []string) { // want InfoEach:"hot blocking\\(log\\): \\(\\*zerolog\\.Event\\)\\.Msg"
	for _, n := range names {
		log.Warn().Str("name", n).Msg("odd")  // want `\(\*zerolog.Event\).Msg writes a log record in a loop`
		log.Info().Str("name", n).Msg("seen") // want `\(\*zerolog.Event\).Msg writes a log record in a loop`
	}
}
