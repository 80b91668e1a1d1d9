package analyzer

import (
	"fmt"
	"go/ast"
	"reflect"
	"runtime"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/hotio"
	"github.com/iohotpath/iohotpath/internal/lockio"
)

// Config is the one shape of iohotpath's options. Flags, a .iohotpath.yml
// file and golangci-lint settings all fill it; the key of each field is the
// flag name. The zero value is the default configuration.
type Config = config.Config

// Analyzer is iohotpath with the default configuration, the command-line
// flags, and .iohotpath.yml files found from each package's directory up to
// its module root. The command and go vet use it.
var Analyzer = NewCommand()

// NewCommand returns a new analyzer configured as Analyzer is: defaults,
// flags, and .iohotpath.yml files. Drivers and tests that set flags use
// their own instance rather than Analyzer's.
func NewCommand() *analysis.Analyzer { return newAnalyzer(Config{}, true, false) }

// NewFactsOnly returns an analyzer configured as NewCommand's that
// computes and exports the facts other packages import and reports
// nothing. go vet runs the tool on every dependency only for its facts
// (the unit's VetxOnly) and discards what it reports there; skipping the
// rules that only report (io-under-lock, hygiene, hot findings, ignores)
// makes those units cheaper, and it needs no inspector (inspect.Analyzer),
// nor any work at all on the standard library, which exports no facts.
// The facts are the same as NewCommand's.
func NewFactsOnly() *analysis.Analyzer { return newAnalyzer(Config{}, true, true) }

// New returns an analyzer that uses cfg exactly (no configuration file is
// looked up), or an error naming every invalid option. Flags set on the
// returned analyzer still override cfg.
func New(cfg Config) (*analysis.Analyzer, error) {
	if _, err := cfg.Compile(); err != nil {
		return nil, fmt.Errorf("iohotpath: %w", err)
	}
	return newAnalyzer(cfg, false, false), nil
}

// IsConfigError reports whether err, returned by the analyzer's Run, comes
// from an invalid option or configuration file: every package of the run
// would fail with it, so a driver may stop at the first.
func IsConfigError(err error) bool { return config.IsError(err) }

// Result is what the analyzer returns for a package, for a driver that
// looks at the whole program (iohotpath -program): the calls of hot code,
// and those made under a lock, whose target this package cannot know. nil
// for a package analysed only for its facts.
type Result struct {
	Dynamic  []hotio.Dynamic
	Locked   []lockio.Dynamic            // the calls made under a lock whose target the package cannot know
	Literals map[*ast.FuncLit]hotio.Impl // the package's function literals that block, which carry no fact
}

func newAnalyzer(base Config, discover, factsOnly bool) *analysis.Analyzer {
	flags := new(config.Flags)
	loader := config.NewLoader(base, discover, flags)
	requires := []*analysis.Analyzer{inspect.Analyzer} // for io-under-lock and hygiene
	if factsOnly {
		requires = nil // hotio walks the syntax itself; no inspector to build
	}
	a := &analysis.Analyzer{
		Name:       "iohotpath",
		Doc:        doc,
		URL:        "https://github.com/iohotpath/iohotpath/blob/main/docs/README.md",
		Requires:   requires,
		FactTypes:  hotio.FactTypes(),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, loader, factsOnly) },
		ResultType: reflect.TypeFor[*Result](),
	}
	flags.Register(&a.Flags)
	key := weak.Make(a)
	loaders.Store(key, loader)
	runtime.AddCleanup(a, func(key weak.Pointer[analysis.Analyzer]) { loaders.Delete(key) }, key)
	return a
}

// loaders holds the Loader of each analyzer alive, for Prefetch.
var loaders sync.Map // weak.Pointer[analysis.Analyzer] -> *config.Loader

// Prefetch starts reading, in the background, the profiles a's runs read
// for the packages in dir (the -profile files, the configuration's, or
// the default.pgo of each main package), so that a driver can read them
// while it loads the packages: a run that needs them waits for that read
// and sees its result, errors included, as if it had read them itself.
// Packages whose configuration names other profiles read those as
// before. The channel is closed when the read is done; for an analyzer
// this package did not make, at once.
func Prefetch(a *analysis.Analyzer, dir string) <-chan struct{} {
	done := make(chan struct{})
	v, ok := loaders.Load(weak.Make(a))
	if !ok {
		close(done)
		return done
	}
	loader := v.(*config.Loader)
	go func() {
		defer close(done)
		if s, err := loader.For(dir, false); err == nil {
			loader.Profiles(s)
		}
	}()
	return done
}
