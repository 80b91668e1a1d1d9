package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// recorder is an analysistest.Testing that keeps the errors instead of
// failing, to prove that a configuration changes the results.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// optionCases: each package under testdata/src/config expects the results
// of one non-default option, given here as a Config, as flags, and (in the
// package directory) as .iohotpath.yml.
var optionCases = []struct {
	pkg   string
	cfg   analyzer.Config
	flags map[string]string
	// hygiene packages leave their functions' facts unannotated
	hygiene bool
}{
	{"config/funcs", analyzer.Config{Funcs: []string{`^Evaluate$`, `^config/funcs\.\(\*Scorer\)\.Score$`}},
		map[string]string{"funcs": `^Evaluate$,^config/funcs\.\(\*Scorer\)\.Score$`}, false},
	{"config/blocking", analyzer.Config{Blocking: []string{"config/blocking.(*Log).Write=log", "config/blocking.flushAll"}},
		map[string]string{"blocking": "config/blocking.(*Log).Write=log,config/blocking.flushAll"}, false},
	{"config/nonblocking", analyzer.Config{NonBlocking: []string{"log.Printf", "config/nonblocking.Cache.Load"}},
		map[string]string{"nonblocking": "log.Printf,config/nonblocking.Cache.Load"}, false},
	{"config/disable", analyzer.Config{Disable: []string{"log", "stat", "stdout"}},
		map[string]string{"disable": "log,stat,stdout"}, false},
	{"config/errorpaths", analyzer.Config{ErrorPaths: true},
		map[string]string{"error-paths": "true"}, false},
	{"lockio/disabled", analyzer.Config{Disable: []string{"io-under-lock"}},
		map[string]string{"disable": "io-under-lock"}, false},
	{"hygiene/nodefer", analyzer.Config{Disable: []string{"defer-in-loop"}},
		map[string]string{"disable": "defer-in-loop"}, true},
	{"hygiene/noreopen", analyzer.Config{Disable: []string{"reopen-in-loop"}},
		map[string]string{"disable": "reopen-in-loop"}, true},
	{"hygienetests/include", analyzer.Config{IncludeTests: true},
		map[string]string{"include-tests": "true"}, true},
}

// TestOptions proves that every option reaches the analysis through each
// entry point, and that without it the results differ.
func TestOptions(t *testing.T) {
	for _, tc := range optionCases {
		t.Run(tc.pkg, func(t *testing.T) {
			run := func(t *testing.T, a *analysis.Analyzer) {
				if tc.hygiene {
					analysistest.Run(hygieneT{t}, testdata, a, tc.pkg)
				} else {
					analysistest.Run(t, testdata, a, tc.pkg)
				}
			}
			t.Run("constructor", func(t *testing.T) {
				run(t, newAnalyzer(t, tc.cfg))
			})
			t.Run("flags", func(t *testing.T) {
				a := newAnalyzer(t, analyzer.Config{})
				for name, value := range tc.flags {
					if err := a.Flags.Set(name, value); err != nil {
						t.Fatal(err)
					}
				}
				run(t, a)
			})
			t.Run("file", func(t *testing.T) {
				run(t, analyzer.NewCommand())
			})
			t.Run("default differs", func(t *testing.T) {
				var r recorder
				analysistest.Run(&r, testdata, newAnalyzer(t, analyzer.Config{}), tc.pkg)
				r.errs = slices.DeleteFunc(r.errs, func(e string) bool { return strings.Contains(e, "unexpected fact") })
				if len(r.errs) == 0 {
					t.Errorf("the default configuration gives the same results as %+v: the option changes nothing", tc.cfg)
				}
			})
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	_, err := analyzer.New(analyzer.Config{Funcs: []string{"("}, NonBlocking: []string{"nodot"}})
	if err == nil {
		t.Fatal("New accepted a bad configuration")
	}
	for _, want := range []string{"iohotpath: funcs: bad regular expression", "nonblocking: malformed function name \"nodot\""} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("New error %q does not contain %q", err, want)
		}
	}
}

// runErrors runs a on pkg and returns the errors analysistest saw.
func runErrors(a *analysis.Analyzer, pkg string) string {
	var r recorder
	analysistest.Run(&r, testdata, a, pkg)
	return strings.Join(r.errs, "\n")
}

// TestRunErrors: a bad flag fails its Set, and the run; an unreadable or
// invalid -config fails the run with a message that names it.
func TestRunErrors(t *testing.T) {
	a := analyzer.NewCommand()
	if err := a.Flags.Set("funcs", "("); err == nil || !strings.Contains(err.Error(), "funcs: bad regular expression") {
		t.Errorf("bad -funcs: Set returned %v, want the error", err)
	}
	// A driver that ignores Set's error still gets it from every package.
	if got := runErrors(a, "config/plain"); !strings.Contains(got, "invalid flag: funcs: bad regular expression") {
		t.Errorf("bad -funcs: got %q", got)
	}

	a = analyzer.NewCommand()
	missing := filepath.Join(t.TempDir(), "missing.yml")
	a.Flags.Set("config", missing)
	if got := runErrors(a, "config/plain"); !strings.Contains(got, missing+": cannot read configuration: no such file or directory") {
		t.Errorf("missing -config: got %q", got)
	}

	bad := filepath.Join(t.TempDir(), "bad.yml")
	os.WriteFile(bad, []byte("funcs: [ok]\nfuncz: [x]\n"), 0o600)
	a = analyzer.NewCommand()
	a.Flags.Set("config", bad)
	if got := runErrors(a, "config/plain"); !strings.Contains(got, bad+":2: funcz: unknown key") {
		t.Errorf("bad -config: got %q", got)
	}
}

// TestConfigFlagOverridesDiscovery: -config names the file to use instead
// of the one next to the package.
func TestConfigFlagOverridesDiscovery(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "funcs.yml")
	os.WriteFile(cfg, []byte("funcs: ['^Evaluate$', '^config/funcs\\.\\(\\*Scorer\\)\\.Score$']\n"), 0o600)
	a := analyzer.NewCommand()
	a.Flags.Set("config", cfg)
	analysistest.Run(t, testdata, a, "config/funcs")
}

// TestWiderFuncsKeepsFindings: making a callee in another package hot
// with -funcs keeps the finding at the hot call site: the callee's own
// package may not be among those shown (issue 22, item 4).
func TestWiderFuncsKeepsFindings(t *testing.T) {
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{Funcs: []string{"Save$"}}), "widerfuncs/app")
}
