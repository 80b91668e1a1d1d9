package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/config"
)

// recorder is an analysistest.Testing that keeps the errors instead of
// failing, to prove that a configuration changes the results.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// optionCases: each package under testdata/src/config expects the results
// of one non-default option, given here as a Config, as flags, and (in the
// package directory) as .iohotpath.yml. TestOptionCasesCoverTable keeps
// one case for every option of config.Options not in optionExempt.
var optionCases = []struct {
	pkg   string
	cfg   analyzer.Config
	flags map[string]string
	// hygiene packages leave their functions' facts unannotated
	hygiene bool
}{
	{"config/funcs", analyzer.Config{Funcs: []string{`^Evaluate$`, `^config/funcs\.\(\*Scorer\)\.Score$`}},
		map[string]string{"funcs": `^Evaluate$,^config/funcs\.\(\*Scorer\)\.Score$`}, false},
	{"config/hot", analyzer.Config{Hot: []string{"grpc"}},
		map[string]string{"hot": "grpc"}, false},
	{"config/blocking", analyzer.Config{Blocking: []string{"config/blocking.(*Log).Write=log", "config/blocking.flushAll"}},
		map[string]string{"blocking": "config/blocking.(*Log).Write=log,config/blocking.flushAll"}, false},
	{"config/nonblocking", analyzer.Config{NonBlocking: []string{"log.Printf", "config/nonblocking.Cache.Load"}},
		map[string]string{"nonblocking": "log.Printf,config/nonblocking.Cache.Load"}, false},
	{"config/disable", analyzer.Config{Disable: []string{"log", "stat", "stdout"}},
		map[string]string{"disable": "log,stat,stdout"}, false},
	{"config/errorpaths", analyzer.Config{ErrorPaths: true},
		map[string]string{"error-paths": "true"}, false},
	{"config/showoffpath", analyzer.Config{ShowOffPath: true},
		map[string]string{"show-offpath": "true"}, false},
	{"lockio/disabled", analyzer.Config{Disable: []string{"io-under-lock"}},
		map[string]string{"disable": "io-under-lock"}, false},
	{"hygiene/nodefer", analyzer.Config{Disable: []string{"defer-in-loop"}},
		map[string]string{"disable": "defer-in-loop"}, true},
	{"hygiene/noreopen", analyzer.Config{Disable: []string{"reopen-in-loop"}},
		map[string]string{"disable": "reopen-in-loop"}, true},
	{"hygienetests/include", analyzer.Config{IncludeTests: true},
		map[string]string{"include-tests": "true"}, true},
}

// optionExempt: the options of config.Options that have no optionCase,
// and why. A CPU or mutex profile matches the lines of the program it was
// taken of, so the profile options are proven by TestProfiles and
// TestProfileOptions (profile_test.go), on profiles of testdata/src/profhot
// taken when the test runs, and through the command's flags and files by
// cmd/iohotpath's TestProfileChangeIsSeen and TestProfileErrors.
var optionExempt = map[string]string{
	"profiles":       "needs a profile of the code under test, taken at test time: TestProfiles",
	"profile-only":   "needs a CPU profile: TestProfileOptions",
	"contended-only": "needs a mutex profile: TestProfileOptions",
}

// TestOptionCasesCoverTable: every option of the options table has a case
// in optionCases, set in all three forms (Config, flag, .iohotpath.yml),
// or an entry in optionExempt; a case sets through its flags the options
// its Config sets, and no other.
func TestOptionCasesCoverTable(t *testing.T) {
	t.Parallel()
	for _, o := range config.Options {
		_, exempt := optionExempt[o.Key]
		covered := false
		for _, tc := range optionCases {
			cfg := tc.cfg
			if isZero(o.Value(&cfg)) {
				if _, ok := tc.flags[o.FlagName()]; ok {
					t.Errorf("%s: flag -%s set, but not in the Config", tc.pkg, o.FlagName())
				}
				continue
			}
			covered = true
			if _, ok := tc.flags[o.FlagName()]; !ok {
				t.Errorf("%s: %s set in the Config, not as flag -%s", tc.pkg, o.Key, o.FlagName())
			}
			file, err := os.ReadFile(filepath.Join(testdata, "src", filepath.FromSlash(tc.pkg), ".iohotpath.yml"))
			if err != nil || !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(o.Key)+`:`).Match(file) {
				t.Errorf("%s: %s set in the Config, not in its .iohotpath.yml (%v)", tc.pkg, o.Key, err)
			}
		}
		switch {
		case !covered && !exempt:
			t.Errorf("option %s has no case in optionCases: add a package under testdata/src/config, or a reason to optionExempt", o.Key)
		case covered && exempt:
			t.Errorf("option %s has a case in optionCases and is in optionExempt", o.Key)
		}
	}
	for key := range optionExempt {
		if !slices.ContainsFunc(config.Options, func(o config.Option) bool { return o.Key == key }) {
			t.Errorf("optionExempt names %s, not an option", key)
		}
	}
}

// isZero reports whether v, a *[]string or *bool from Option.Value, holds
// the default.
func isZero(v any) bool {
	switch v := v.(type) {
	case *[]string:
		return len(*v) == 0
	case *bool:
		return !*v
	}
	panic(fmt.Sprintf("option value of type %T", v))
}

// TestOptions proves that every option reaches the analysis through each
// entry point, and that without it the results differ. The constructor
// and flags runs are one per case; the file runs and the default run are
// one for all cases, each loading the packages once.
func TestOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range optionCases {
		run := func(t *testing.T, a *analysis.Analyzer) {
			if tc.hygiene {
				analysistest.Run(hygieneT{t}, testdata, a, tc.pkg)
			} else {
				analysistest.Run(t, testdata, a, tc.pkg)
			}
		}
		t.Run(tc.pkg+"/constructor", func(t *testing.T) {
			t.Parallel()
			run(t, newAnalyzer(t, tc.cfg))
		})
		t.Run(tc.pkg+"/flags", func(t *testing.T) {
			t.Parallel()
			a := newAnalyzer(t, analyzer.Config{})
			for name, value := range tc.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatal(err)
				}
			}
			run(t, a)
		})
	}
	var pkgs, hygienePkgs []string
	for _, tc := range optionCases {
		if tc.hygiene {
			hygienePkgs = append(hygienePkgs, tc.pkg)
		} else {
			pkgs = append(pkgs, tc.pkg)
		}
	}
	t.Run("file", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, testdata, analyzer.NewCommand(), pkgs...)
	})
	t.Run("file/hygiene", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(hygieneT{t}, testdata, analyzer.NewCommand(), hygienePkgs...)
	})
	t.Run("default differs", func(t *testing.T) {
		t.Parallel()
		var r recorder
		analysistest.Run(&r, testdata, newAnalyzer(t, analyzer.Config{}), slices.Concat(pkgs, hygienePkgs)...)
		for _, tc := range optionCases {
			// analysistest names a position by its path under testdata/src.
			if !slices.ContainsFunc(r.errs, func(e string) bool {
				return strings.HasPrefix(e, tc.pkg+"/") && !strings.Contains(e, "unexpected fact")
			}) {
				t.Errorf("%s: the default configuration gives the same results as %+v: the option changes nothing", tc.pkg, tc.cfg)
			}
		}
	})
}

func TestNewRejectsBadConfig(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{Funcs: []string{"Save$"}}), "widerfuncs/app")
}
