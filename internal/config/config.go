// Package config is iohotpath's options: the Config that flags, a
// .iohotpath.yml file and golangci-lint's settings fill, its validation into
// Settings, and the Loader that picks the configuration of each package.
//
// One table, Options, describes every option. The flags, the YAML keys, the
// error messages and the option docs in README.md and .golangci.example.yml
// all come from it, so adding an option is adding a row (and a Config
// field, whose tags a test keeps equal to the row's key).
package config

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/names"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Config is the one shape of iohotpath's options. Flags, a .iohotpath.yml
// file and golangci-lint settings all fill it; the key of each field is the
// flag name. The zero value is the default configuration.
type Config struct {
	// Funcs are regular expressions; a function whose full name
	// (example.com/p.(*T).M, example.com/p.F) or short name (T.M, F)
	// matches one is hot.
	Funcs []string `json:"funcs" yaml:"funcs"`
	// Hot names presets that make functions hot by their kind: "http"
	// (net/http handlers), "grpc" (gRPC service methods).
	Hot []string `json:"hot" yaml:"hot"`
	// Blocking names extra blocking functions, each optionally followed by
	// "=category" (default file): "example.com/audit.(*Log).Write=log".
	Blocking []string `json:"blocking" yaml:"blocking"`
	// NonBlocking names functions trusted not to block, built-in ones
	// included.
	NonBlocking []string `json:"nonblocking" yaml:"nonblocking"`
	// Disable turns off categories (file, sync, stat, log, stdout, encode,
	// network, database, process) and the rules that hold in all code
	// (io-under-lock, defer-in-loop, reopen-in-loop).
	Disable []string `json:"disable" yaml:"disable"`
	// ErrorPaths reports blocking I/O in error-exit blocks too.
	ErrorPaths bool `json:"error-paths" yaml:"error-paths"`
	// IncludeTests runs the rules that hold in all code on _test.go files
	// too.
	IncludeTests bool `json:"include-tests" yaml:"include-tests"`
	// ShowOffPath also reports, as off-path findings, the blocking calls
	// of hot code that an off-path rule leaves out, each naming the rule.
	ShowOffPath bool `json:"show-offpath" yaml:"show-offpath"`
	// Profiles are pprof files (flag -profile): CPU profiles make the
	// functions that run per unit of work hot, mutex and block profiles
	// say how long goroutines waited for the locks of io-under-lock
	// findings. Empty: the default.pgo beside each main package of the
	// main module; "off": none.
	Profiles []string `json:"profiles" yaml:"profiles"`
	// ProfileOnly reports hot-io findings only in functions a CPU profile
	// has samples of.
	ProfileOnly bool `json:"profile-only" yaml:"profile-only"`
	// ContendedOnly reports io-under-lock findings only for locks a mutex
	// or block profile shows goroutines waiting for.
	ContendedOnly bool `json:"contended-only" yaml:"contended-only"`
}

// Settings is a validated, compiled Config.
type Settings struct {
	Funcs        []*regexp.Regexp              // -funcs: a function whose name matches one is hot
	Presets      map[string]bool               // PresetHTTP, PresetGRPC
	Blocking     map[string]catalogue.Category // names.UserKey -> category
	NonBlocking  map[string]bool               // names.UserKey
	Disabled     [catalogue.NumCategories]bool
	NoLockIO     bool // io-under-lock is off
	NoDefer      bool // defer-in-loop is off
	NoReopen     bool // reopen-in-loop is off
	ErrorPaths   bool
	IncludeTests bool
	ShowOffPath  bool

	Profiles      []string // -profile: absolute paths, or relative to the working directory; nil for the defaults
	ProfilesOff   bool     // -profile=off
	ProfileOnly   bool
	ContendedOnly bool

	// Linked says, under -program, that a main package of the run links
	// the package analysed: a server it starts with net/http/httptest is
	// served in production (a fake whose product is serving tests), not
	// a mock server of a test. Set per package by the analyzer, never by
	// a user.
	Linked bool
}

func newSettings() *Settings {
	return &Settings{Blocking: map[string]catalogue.Category{}, NonBlocking: map[string]bool{}}
}

// DisablesAnything reports whether some category or rule is turned off.
func (s *Settings) DisablesAnything() bool {
	for _, off := range s.Disabled {
		if off {
			return true
		}
	}
	return s.NoLockIO || s.NoDefer || s.NoReopen
}

// Error is a problem with one option, located in a file when it came from
// one: "x.yml:2: funcz: unknown key (...)".
type Error struct {
	File string
	Line int // 0 when unknown
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// IsError reports whether err comes from an invalid option or
// configuration file: every package of a run would fail with it, so a
// driver may stop at the first.
func IsError(err error) bool {
	var ce *Error
	return errors.As(err, &ce)
}

// Compile validates c and reports every invalid option at once.
func (c Config) Compile() (*Settings, error) {
	s, errs := c.compile("", nil)
	return s, join(errs)
}

// compile validates c. file names where c came from, and lines, when not
// nil, gives the line of each list item ("funcs[2]"), for errors.
func (c Config) compile(file string, lines map[string]int) (*Settings, []*Error) {
	s := newSettings()
	var errs []*Error
	for _, o := range Options {
		if o.Kind == Bool {
			o.apply(s, *o.flag(&c))
			continue
		}
		for i, item := range *o.list(&c) {
			if err := o.add(s, item); err != nil {
				line := lines[fmt.Sprintf("%s[%d]", o.Key, i)]
				errs = append(errs, &Error{File: file, Line: line, Key: o.Key, Msg: err.Error()})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// join is errs as one error, in the order of their lines (problems with
// the whole file first), or nil.
func join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	all := make([]error, len(errs))
	for i, e := range errs {
		all[i] = e
	}
	return errors.Join(all...)
}

// The add functions validate one list item and record it in s; their
// errors are the message of an Error, the key is added by the caller.

func addFunc(s *Settings, p string) error {
	if strings.TrimSpace(p) == "" {
		return errors.New("an empty regular expression matches every function: give a pattern or leave the item out")
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return fmt.Errorf("bad regular expression %q: %s", p, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	s.Funcs = append(s.Funcs, re)
	return nil
}

func addBlocking(s *Settings, b string) error {
	name, catName, hasCat := strings.Cut(b, "=")
	cat := catalogue.File
	if hasCat {
		var ok bool
		if cat, ok = catalogue.Parse(strings.TrimSpace(catName)); !ok {
			return fmt.Errorf("unknown category %q in %q (want one of %s)", catName, b, strings.Join(catalogue.Names(), ", "))
		}
	}
	key, err := names.ParseUser(strings.TrimSpace(name))
	if err != nil {
		return err
	}
	s.Blocking[key] = cat
	return nil
}

func addNonBlocking(s *Settings, n string) error {
	key, err := names.ParseUser(strings.TrimSpace(n))
	if err != nil {
		return err
	}
	s.NonBlocking[key] = true
	return nil
}

// The presets of the hot option.
const (
	PresetHTTP = "http" // ServeHTTP methods, func(http.ResponseWriter, *http.Request)
	PresetGRPC = "grpc" // methods of registered or Unimplemented-embedding gRPC services
)

// PresetNames lists the presets, for messages and docs.
var PresetNames = []string{PresetHTTP, PresetGRPC}

func addPreset(s *Settings, p string) error {
	p = strings.TrimSpace(p)
	if !slices.Contains(PresetNames, p) {
		return fmt.Errorf("unknown preset %q (want one of %s)", p, strings.Join(PresetNames, ", "))
	}
	if s.Presets == nil {
		s.Presets = map[string]bool{}
	}
	s.Presets[p] = true
	return nil
}

// ProfilesOff is the -profile value that turns profiles off, default.pgo
// included.
const ProfilesOff = "off"

func addProfile(s *Settings, p string) error {
	switch p = strings.TrimSpace(p); p {
	case "":
		return errors.New("an empty file name: give a pprof file, or off")
	case ProfilesOff:
		s.ProfilesOff = true
	default:
		s.Profiles = append(s.Profiles, p)
	}
	return nil
}

func addDisable(s *Settings, d string) error {
	switch d = strings.TrimSpace(d); d {
	case rules.IOUnderLock:
		s.NoLockIO = true
	case rules.DeferInLoop:
		s.NoDefer = true
	case rules.ReopenInLoop:
		s.NoReopen = true
	default:
		cat, ok := catalogue.Parse(d)
		if !ok {
			return fmt.Errorf("unknown category or rule %q (want one of %s)", d,
				strings.Join(append(catalogue.Names(), rules.Switchable...), ", "))
		}
		s.Disabled[cat] = true
	}
	return nil
}
