package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer is iohotpath with the default configuration, the command-line
// flags, and .iohotpath.yml files found from each package's directory up to
// its module root. The command and go vet use it.
var Analyzer = NewCommand()

// NewCommand returns a new analyzer configured as Analyzer is: defaults,
// flags, and .iohotpath.yml files. Drivers and tests that set flags use
// their own instance rather than Analyzer's.
func NewCommand() *analysis.Analyzer { return newAnalyzer(Config{}, true) }

// New returns an analyzer that uses cfg exactly (no configuration file is
// looked up), or an error naming every invalid option. Flags set on the
// returned analyzer still override cfg.
func New(cfg Config) (*analysis.Analyzer, error) {
	if _, err := cfg.compile("", nil); err != nil {
		return nil, fmt.Errorf("iohotpath: %w", err)
	}
	return newAnalyzer(cfg, false), nil
}

// state is one analyzer's configuration: the base Config, the values bound
// to its flags, and caches shared by all the packages of a run.
type state struct {
	base       Config
	discover   bool
	flags      Config
	configFile string
	bindings   []*flagBinding
	cache      configCache
	compiled   sync.Map // config file path ("" for none) -> *compiled
}

type compiled struct {
	once sync.Once
	s    *settings
	err  error
}

func newAnalyzer(base Config, discover bool) *analysis.Analyzer {
	st := &state{base: base, discover: discover}
	a := &analysis.Analyzer{
		Name:     "iohotpath",
		Doc:      doc,
		URL:      "https://github.com/iohotpath/iohotpath/blob/main/docs/README.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      st.run,
	}
	if factsEnabled {
		a.FactTypes = []analysis.Fact{new(ioFact)}
	}
	st.bindFlags(&a.Flags)
	return a
}

// The flag values note which flags were set: drivers copy Analyzer.Flags
// into their own flag set, so Analyzer.Flags.Visit cannot tell.

// listValue is a flag holding a list: comma-separated, and repeatable.
type listValue struct {
	list *[]string
	set  *bool
}

func (v listValue) String() string {
	if v.list == nil {
		return ""
	}
	return strings.Join(*v.list, ",")
}

func (v listValue) Set(s string) error {
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			*v.list = append(*v.list, item)
		}
	}
	*v.set = true
	return nil
}

// boolValue is a boolean flag that notes it was set.
type boolValue struct {
	b   *bool
	set *bool
}

func (v boolValue) String() string {
	if v.b == nil {
		return "false"
	}
	return strconv.FormatBool(*v.b)
}

func (v boolValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*v.b, *v.set = b, true
	return nil
}

func (v boolValue) IsBoolFlag() bool { return true }

// flagBinding ties a flag to its Config field.
type flagBinding struct {
	name, usage string
	set         bool
	copy        func(dst, src *Config)
}

func (st *state) bindFlags(fs *flag.FlagSet) {
	f := &st.flags
	st.bindings = []*flagBinding{
		{name: "funcs", usage: "comma-separated regular expressions; matching functions are hot (full name example.com/p.(*T).M or short T.M)",
			copy: func(d, s *Config) { d.Funcs = s.Funcs }},
		{name: "blocking", usage: "comma-separated extra blocking functions, each NAME or NAME=CATEGORY",
			copy: func(d, s *Config) { d.Blocking = s.Blocking }},
		{name: "nonblocking", usage: "comma-separated functions trusted not to block",
			copy: func(d, s *Config) { d.NonBlocking = s.NonBlocking }},
		{name: "disable", usage: "comma-separated categories (" + strings.Join(CategoryNames(), ",") + ") or rules (" + RuleDeferInLoop + "," + RuleReopenInLoop + ") to turn off",
			copy: func(d, s *Config) { d.Disable = s.Disable }},
		{name: "error-paths", usage: "also report blocking I/O in error-exit blocks",
			copy: func(d, s *Config) { d.ErrorPaths = s.ErrorPaths }},
		{name: "include-tests", usage: "also run loop-hygiene rules on _test.go files",
			copy: func(d, s *Config) { d.IncludeTests = s.IncludeTests }},
	}
	lists := map[string]*[]string{"funcs": &f.Funcs, "blocking": &f.Blocking, "nonblocking": &f.NonBlocking, "disable": &f.Disable}
	bools := map[string]*bool{"error-paths": &f.ErrorPaths, "include-tests": &f.IncludeTests}
	for _, b := range st.bindings {
		if l, ok := lists[b.name]; ok {
			fs.Var(listValue{l, &b.set}, b.name, b.usage)
		} else {
			fs.Var(boolValue{bools[b.name], &b.set}, b.name, b.usage)
		}
	}
	fs.StringVar(&st.configFile, "config", "", "configuration file to use instead of looking up "+ConfigFileName)
}

// settingsFor returns the settings for the package of pass: the base
// configuration or the configuration file, overridden by the flags that
// were set explicitly.
func (st *state) settingsFor(pass *analysis.Pass) (*settings, error) {
	file := ""
	switch {
	case isStd(pass):
		// Standard-library packages export no facts and are hardly ever
		// what a configuration file is about: flags alone apply, so a
		// -config that go vet resolves per package directory does not fail
		// once for every standard package.
	case st.configFile != "":
		abs, err := filepath.Abs(st.configFile)
		if err != nil {
			return nil, &configError{file: st.configFile, msg: err.Error()}
		}
		file = abs
	case st.discover && len(pass.Files) > 0:
		name := pass.Fset.PositionFor(pass.Files[0].Package, true).Filename
		file = st.cache.fileFor(filepath.Dir(name))
	}
	v, _ := st.compiled.LoadOrStore(file, &compiled{})
	c := v.(*compiled)
	c.once.Do(func() { c.s, c.err = st.compile(file) })
	return c.s, c.err
}

func (st *state) compile(file string) (*settings, error) {
	cfg := st.base
	if file != "" {
		var err error
		if cfg, err = st.cache.load(file); err != nil {
			return nil, err
		}
	}
	var set Config // the flags alone, checked first so that errors name them
	for _, b := range st.bindings {
		if b.set {
			b.copy(&cfg, &st.flags)
			b.copy(&set, &st.flags)
		}
	}
	if _, err := set.compile("", nil); err != nil {
		return nil, fmt.Errorf("invalid flag: %w", err)
	}
	return cfg.compile(file, nil)
}

func (st *state) run(pass *analysis.Pass) (any, error) {
	s, err := st.settingsFor(pass)
	if err != nil {
		return nil, err
	}
	c := newChecker(pass, s)
	c.run()
	return nil, nil
}

// goroot is the standard library's source directory; packages under it are
// described by the catalogue, not by facts.
var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// isStd reports whether the package of pass is part of the standard library.
func isStd(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		return strings.HasPrefix(pass.Fset.PositionFor(f.Package, false).Filename, goroot)
	}
	return false
}

// fileName returns the name of the file holding node n.
func fileName(pass *analysis.Pass, n ast.Node) string {
	return pass.Fset.PositionFor(n.Pos(), false).Filename
}
