package config

import (
	"flag"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func newFlagSet(f *Flags) *flag.FlagSet {
	fs := flag.NewFlagSet("iohotpath", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f.Register(fs)
	return fs
}

// TestFlagSetValidates: each kind of bad value fails in Set, with the
// message of the same value in a file, less the location.
func TestFlagSetValidates(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{"funcs", "ok,(", "funcs: bad regular expression \"(\": missing closing ): `(`"},
		{"blocking", "os.Open=disk", `blocking: unknown category "disk" in "os.Open=disk" (want one of file, sync, stat, log, stdout, encode, network, database, process)`},
		{"blocking", "os..Open", `blocking: malformed function name "os..Open": empty name between dots`},
		{"nonblocking", "nodot", `nonblocking: malformed function name "nodot"`},
		{"disable", "logs", `disable: unknown category or rule "logs" (want one of file, sync, stat, log, stdout, encode, network, database, process, io-under-lock, defer-in-loop, reopen-in-loop)`},
		{"error-paths", "maybe", `error-paths: want true or false, got "maybe"`},
	} {
		t.Run(tc.flag+"="+tc.value, func(t *testing.T) {
			var f Flags
			fs := newFlagSet(&f)
			err := fs.Set(tc.flag, tc.value)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Set(%s, %q) = %v, want an error starting %q", tc.flag, tc.value, err, tc.want)
			}
			if got := f.Err(); got == nil || got.Error() != "invalid flag: "+err.Error() || !IsError(got) {
				t.Errorf("Err() = %v, want \"invalid flag: %v\" and IsError", got, err)
			}
			if f.set[tc.flag] {
				t.Errorf("-%s marked set after a bad value", tc.flag)
			}
		})
	}
}

// TestFlagErrKeepsFirst: drivers may ignore Set's error, so Err reports the
// first bad flag even after good ones.
func TestFlagErrKeepsFirst(t *testing.T) {
	var f Flags
	fs := newFlagSet(&f)
	if f.Err() != nil {
		t.Fatalf("Err() = %v before any Set", f.Err())
	}
	fs.Set("funcs", "(")
	fs.Set("disable", "nope")
	fs.Set("funcs", "ok")
	if err := f.Err(); err == nil || !strings.HasPrefix(err.Error(), "invalid flag: funcs: bad regular expression") {
		t.Errorf("Err() = %v, want the -funcs error", err)
	}
}

// TestListFlagsAccumulate: list flags are comma-separated and repeatable.
func TestListFlagsAccumulate(t *testing.T) {
	var f Flags
	fs := newFlagSet(&f)
	args := []string{"-funcs=a, b", "-funcs", "c,,", "-disable=log", "-error-paths", "-include-tests=false", "-config=x.yml", "./..."}
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(f.values.Funcs, want) {
		t.Errorf("funcs = %q, want %q", f.values.Funcs, want)
	}
	if got := fs.Lookup("funcs").Value.String(); got != "a,b,c" {
		t.Errorf("-funcs String() = %q", got)
	}
	if !f.values.ErrorPaths || f.config != "x.yml" || fs.Arg(0) != "./..." {
		t.Errorf("error-paths %v, config %q, args %q", f.values.ErrorPaths, f.config, fs.Args())
	}
	for key, want := range map[string]bool{"funcs": true, "disable": true, "error-paths": true, "include-tests": true, "blocking": false, "nonblocking": false} {
		if f.set[key] != want {
			t.Errorf("-%s set = %v, want %v", key, f.set[key], want)
		}
	}
	// Only the flags that were set override a configuration.
	c := Config{Blocking: []string{"example.com/a.F"}, IncludeTests: true, ErrorPaths: false}
	f.override(&c)
	want := Config{Funcs: []string{"a", "b", "c"}, Blocking: []string{"example.com/a.F"}, Disable: []string{"log"}, ErrorPaths: true}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("override = %+v, want %+v", c, want)
	}
}

// TestFlagsRegistered: every option is a flag with its usage, bools are
// boolean flags, and -help prints without touching a nil value.
func TestFlagsRegistered(t *testing.T) {
	var f Flags
	fs := newFlagSet(&f)
	for _, o := range slices.Concat(Options, []Option{configFlag}) {
		fl := fs.Lookup(o.FlagName())
		if fl == nil || fl.Usage != o.Usage {
			t.Errorf("flag -%s: %+v, want usage %q", o.Key, fl, o.Usage)
			continue
		}
		isBool := false
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok {
			isBool = b.IsBoolFlag()
		}
		if isBool != (o.Kind == Bool && o.Key != "config") {
			t.Errorf("-%s IsBoolFlag = %v", o.Key, isBool)
		}
	}
	var help strings.Builder
	fs.SetOutput(&help)
	fs.PrintDefaults()
	if !strings.Contains(help.String(), "-include-tests") || !strings.Contains(help.String(), "-config value") {
		t.Errorf("PrintDefaults:\n%s", help.String())
	}
}

// TestFuncsSplitting: -funcs splits at commas outside (), {} and [] only,
// and an empty pattern, from the flag or the file, is an error rather
// than a pattern that makes every function hot.
func TestFuncsSplitting(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  []string
	}{
		{`^Hand(le){1,2}$`, []string{`^Hand(le){1,2}$`}},
		{`a,b`, []string{"a", "b"}},
		{`[,;]x, (a|b,c)`, []string{"[,;]x", "(a|b,c)"}},
		{`[]a,]b,c`, []string{"[]a,]b", "c"}},
		{`a\,b,c`, []string{`a\,b`, "c"}},
		{`a,,b`, []string{"a", "b"}},
		{``, nil},
	} {
		var f Flags
		if err := newFlagSet(&f).Set("funcs", tc.value); err != nil {
			t.Errorf("-funcs=%s: %v", tc.value, err)
			continue
		}
		if !reflect.DeepEqual(f.values.Funcs, tc.want) {
			t.Errorf("-funcs=%s: %q, want %q", tc.value, f.values.Funcs, tc.want)
		}
	}
	for _, value := range []string{"a,,b", "a, ", " ,a"} {
		var f Flags
		if err := newFlagSet(&f).Set("funcs", value); err != nil || slices.Contains(f.values.Funcs, "") {
			t.Errorf("-funcs=%q: %v, patterns %q; want the stray commas dropped, never an empty pattern", value, err, f.values.Funcs)
		}
	}
	if _, err := Parse("x.yml", []byte("funcs: ['']\n")); err == nil || !strings.Contains(err.Error(), "x.yml:1: funcs: an empty regular expression") {
		t.Errorf("funcs: ['']: %v, want an error naming the file, line and key", err)
	}
}
