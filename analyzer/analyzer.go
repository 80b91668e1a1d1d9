package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer is iohotpath with the default configuration, the command-line
// flags, and .iohotpath.yml files found from each package's directory up to
// its module root. The command and go vet use it.
var Analyzer = newAnalyzer(Config{}, true)

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
		Name:      "iohotpath",
		Doc:       doc,
		URL:       "https://github.com/iohotpath/iohotpath/blob/main/docs/README.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(ioFact)},
		Run:       st.run,
	}
	st.bindFlags(&a.Flags)
	return a
}

// listValue is a flag holding a list: comma-separated, and repeatable.
type listValue struct{ list *[]string }

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
	return nil
}

func (st *state) bindFlags(fs *flag.FlagSet) {
	fs.Var(listValue{&st.flags.Funcs}, "funcs", "comma-separated regular expressions; matching functions are hot (full name example.com/p.(*T).M or short T.M)")
	fs.Var(listValue{&st.flags.Blocking}, "blocking", "comma-separated extra blocking functions, each NAME or NAME=CATEGORY")
	fs.Var(listValue{&st.flags.NonBlocking}, "nonblocking", "comma-separated functions trusted not to block")
	fs.Var(listValue{&st.flags.Disable}, "disable", "comma-separated categories ("+strings.Join(CategoryNames(), ",")+") or rules ("+RuleDeferInLoop+","+RuleReopenInLoop+") to turn off")
	fs.BoolVar(&st.flags.ErrorPaths, "error-paths", false, "also report blocking I/O in error-exit blocks")
	fs.BoolVar(&st.flags.IncludeTests, "include-tests", false, "also run loop-hygiene rules on _test.go files")
	fs.StringVar(&st.configFile, "config", "", "configuration file to use instead of looking up "+ConfigFileName)
}

// settingsFor returns the settings for the package of pass: the base
// configuration or the configuration file, overridden by the flags that
// were set explicitly.
func (st *state) settingsFor(pass *analysis.Pass) (*settings, error) {
	file := ""
	switch {
	case st.configFile != "":
		abs, err := filepath.Abs(st.configFile)
		if err != nil {
			return nil, err
		}
		file = abs
	case st.discover && len(pass.Files) > 0:
		name := pass.Fset.PositionFor(pass.Files[0].Package, true).Filename
		file = st.cache.fileFor(filepath.Dir(name))
	}
	v, _ := st.compiled.LoadOrStore(file, &compiled{})
	c := v.(*compiled)
	c.once.Do(func() { c.s, c.err = st.compile(&pass.Analyzer.Flags, file) })
	return c.s, c.err
}

func (st *state) compile(fs *flag.FlagSet, file string) (*settings, error) {
	cfg := st.base
	if file != "" {
		var err error
		if cfg, err = st.cache.load(file); err != nil {
			return nil, err
		}
	}
	var set Config
	var errs []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "funcs":
			cfg.Funcs, set.Funcs = st.flags.Funcs, st.flags.Funcs
		case "blocking":
			cfg.Blocking, set.Blocking = st.flags.Blocking, st.flags.Blocking
		case "nonblocking":
			cfg.NonBlocking, set.NonBlocking = st.flags.NonBlocking, st.flags.NonBlocking
		case "disable":
			cfg.Disable, set.Disable = st.flags.Disable, st.flags.Disable
		case "error-paths":
			cfg.ErrorPaths = st.flags.ErrorPaths
		case "include-tests":
			cfg.IncludeTests = st.flags.IncludeTests
		}
	})
	if _, err := set.compile("", nil); err != nil {
		errs = append(errs, err.Error())
		return nil, fmt.Errorf("invalid flag: %s", strings.Join(errs, "; "))
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
