package driver

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// TestParseErrors: every bad command line fails in parse, before anything
// runs, with one line that names the flag.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // the whole message, or its start when it ends in "…"
	}{
		{[]string{"-funcs=(", "./..."}, `invalid flag: funcs: bad regular expression "(": …`},
		{[]string{"-disable=files", "./..."}, `invalid flag: disable: unknown category or rule "files" …`},
		{[]string{"-error-paths=maybe", "./..."}, `invalid flag: error-paths: want true or false, got "maybe"`},
		{[]string{"-nosuchflag", "./..."}, "flag provided but not defined: -nosuchflag (iohotpath -help lists the flags)"},
		{[]string{"-c=x", "./..."}, `invalid value "x" for flag -c: parse error (iohotpath -help lists the flags)`},
		{[]string{"-json=maybe", "./..."}, `invalid boolean value "maybe" for -json: parse error (iohotpath -help lists the flags)`},
		{[]string{"-format=xml", "./..."}, `invalid value "xml" for flag -format: …`},
		{[]string{"-engine=fast", "./..."}, `invalid flag: engine: want auto, vet or inprocess, got "fast"`},
		{[]string{"-json", "-format=sarif", "./..."}, "invalid flag: -json and -format=sarif ask for different outputs; give one of them"},
		{[]string{"-fix", "-format=github", "./..."}, "invalid flag: -fix and -diff apply fixes and print no findings: leave out -format=github"},
		{[]string{"-diff", "./..."}, "invalid flag: -diff needs -fix"},
		{[]string{"-fix", "-diff", "-json", "./..."}, "invalid flag: -diff prints the diff on standard output, where -json would print the findings: leave out -json"},
		{[]string{"-fix", "-c=2", "./..."}, "invalid flag: -c cannot be used with -fix"},
		{[]string{"-format=sarif", "-c=2", "./..."}, "invalid flag: -c shows source lines in text output only: leave it out with -format=sarif"},
		{[]string{"-engine=vet", "-debug=f", "./..."}, "invalid flag: -debug needs the in-process engine"},
		{[]string{"-program", "-engine=vet", "./..."}, "invalid flag: -program needs the whole program in one process: leave out -engine=vet"},
		{[]string{"-debug=zzz", "./..."}, `invalid flag: -debug=zzz: want letters of "fps" (f: log facts, p: one package at a time, s: sanity checks)`},
		{[]string{"-debug=f\tx", "./..."}, `invalid flag: -debug="f\tx": want letters of "fps" …`},
		{[]string{"./...", "-funcs=Handle"}, "invalid flag: -funcs=Handle comes after the packages; give flags first (iohotpath -help lists the flags)"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			c, err := parse(analyzer.NewCommand(), tc.args, t.TempDir())
			if err == nil || err == errUsage {
				t.Fatalf("parse(%q) = %v, %v; want an error", tc.args, c, err)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("message has more than one line:\n%s", msg)
			}
			if prefix, ok := strings.CutSuffix(tc.want, "…"); ok && !strings.HasPrefix(msg, prefix) || !ok && msg != tc.want {
				t.Errorf("message:\n%s\nwant:\n%s", msg, tc.want)
			}
		})
	}
}

// TestParseUsage: no package asks for the usage text as an error; -help,
// and iohotpath help (what go vet's usage tells users to run), as help.
func TestParseUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want error
	}{
		{nil, errUsage}, {[]string{"-funcs=Handle"}, errUsage},
		{[]string{"-help"}, errHelp}, {[]string{"-h"}, errHelp}, {[]string{"help"}, errHelp},
	} {
		if _, err := parse(analyzer.NewCommand(), tc.args, t.TempDir()); err != tc.want {
			t.Errorf("parse(%q) error = %v, want %v", tc.args, err, tc.want)
		}
	}
}

// TestVersion: -version needs no package and prints the module version.
func TestVersion(t *testing.T) {
	var out, errOut strings.Builder
	code := Main([]string{"-version"}, Options{New: analyzer.NewCommand, Stdout: &out, Stderr: &errOut, Dir: t.TempDir()})
	if code != 0 || !strings.HasPrefix(out.String(), "iohotpath ") || errOut.Len() > 0 {
		t.Errorf("-version: exit code %d, output %q, errors %q; want 0 and a version line", code, out.String(), errOut.String())
	}
}

// TestParseRecordsToolArgs: analyzer flags reach the analyzer and are kept,
// in order, for go vet (-config made absolute, since go vet runs the tool in
// each package's directory); build flags go to the go command; the rest
// are the driver's.
func TestParseRecordsToolArgs(t *testing.T) {
	dir := t.TempDir()
	a := analyzer.NewCommand()
	c, err := parse(a, []string{
		"-funcs=Handle$", "-config=lint/iohotpath.yml", "-disable=stdout", "-funcs", "Serve",
		"-tags=integration", "-mod=mod", "-c=2", "-test=false", "-engine=inprocess", "-json",
		"./...", "example.com/other",
	}, dir)
	if err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "lint", "iohotpath.yml")
	if want := []string{"-funcs=Handle$", "-config=" + config, "-disable=stdout", "-funcs=Serve"}; !slices.Equal(c.toolArgs, want) {
		t.Errorf("toolArgs = %q, want %q", c.toolArgs, want)
	}
	if c.configFile != config {
		t.Errorf("configFile = %q, want %q", c.configFile, config)
	}
	if want := []string{"-tags=integration", "-mod=mod"}; !slices.Equal(c.buildFlags, want) {
		t.Errorf("buildFlags = %q, want %q", c.buildFlags, want)
	}
	if want := []string{"./...", "example.com/other"}; !slices.Equal(c.patterns, want) {
		t.Errorf("patterns = %q, want %q", c.patterns, want)
	}
	if c.context != 2 || c.test || c.engine != InProcess || !c.json || c.fix || c.diff {
		t.Errorf("driver flags: context %d, test %v, engine %q, json %v, fix %v, diff %v",
			c.context, c.test, c.engine, c.json, c.fix, c.diff)
	}
	if got := a.Flags.Lookup("funcs").Value.String(); got != "Handle$,Serve" {
		t.Errorf("analyzer's -funcs = %q, want both values", got)
	}
}

// TestParseDefaults: without flags the engine is auto, tests are analysed
// and no context is shown.
func TestParseDefaults(t *testing.T) {
	c, err := parse(analyzer.NewCommand(), []string{"."}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if c.engine != Auto || !c.test || c.context != -1 || c.json || c.format != "" || len(c.toolArgs) != 0 || len(c.buildFlags) != 0 {
		t.Errorf("defaults: %+v", c)
	}
}

// TestList: -list needs no package and prints every catalogue row under
// its category.
func TestList(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main([]string{"-list"}, Options{New: analyzer.NewCommand, Stdout: &out, Stderr: &errOut, Dir: t.TempDir()})
	if code != 0 || errOut.Len() > 0 {
		t.Fatalf("-list: exit code %d, errors %q; want 0 and none", code, errOut.String())
	}
	text := out.String()
	for _, want := range []string{"sync (", "  (*os.File).Sync\n", "network (", "  net.Dial\n", "  (*bufio.Writer).Flush (when the writer is a file or connection)\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("-list output lacks %q", want)
		}
	}
	if n, rows := strings.Count(text, "\n  "), len(catalogue.Lines()); n != rows {
		t.Errorf("-list printed %d functions; the catalogue has %d", n, rows)
	}
}
