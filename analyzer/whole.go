package analyzer

import (
	"go/ast"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/hotio"
)

// Whole is what a whole-program run (iohotpath -program) needs of every
// package the analyzer runs on, its dependencies too, which a driver
// cannot read from the packages' results: go/analysis/checker keeps only
// the roots' results. It is filled while the analyzer runs.
type Whole struct {
	mu       sync.Mutex
	bodies   []hotio.Body
	literals map[*ast.FuncLit]hotio.Impl
	settings *config.Settings // the main module's, as every package of the run has them
	linked   map[string]bool  // the packages a main package of the program links, by path
}

// wholes are the Wholes asked for, by analyzer.
var wholes sync.Map // *analysis.Analyzer -> *Whole

// Collect makes a's runs from now on fill the Whole it returns: call it
// before the analysis, and Release after.
func Collect(a *analysis.Analyzer) *Whole {
	w := &Whole{literals: map[*ast.FuncLit]hotio.Impl{}}
	wholes.Store(a, w)
	return w
}

// Link tells the runs of a Whole's analyzer which packages a main package
// of the program links (by path): a test server such a package starts is
// served in production (config.Settings.Linked). Call it before the
// analysis.
func (w *Whole) Link(paths map[string]bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.linked = paths
}

// linkedByMain reports whether a main package of the program links the
// package of pass, when a Whole collects for its analyzer.
func linkedByMain(pass *analysis.Pass) bool {
	v, ok := wholes.Load(pass.Analyzer)
	if !ok {
		return false
	}
	w := v.(*Whole)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.linked[pass.Pkg.Path()]
}

// Release stops a's runs filling a Whole.
func Release(a *analysis.Analyzer) { wholes.Delete(a) }

// Bodies returns the functions of every package analysed that do not
// block by their facts, with the calls the program may decide otherwise
// (hotio.Body).
func (w *Whole) Bodies() []hotio.Body {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bodies
}

// Literals returns the function literals of every package analysed that
// block, which carry no fact.
func (w *Whole) Literals() map[*ast.FuncLit]hotio.Impl {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.literals
}

// Entries returns the run's blocking: and nonblocking: entries, by
// names.UserKey: what the user says of a function the program reaches
// through an interface inside a body, as at a hot call itself.
func (w *Whole) Entries() (blocking map[string]catalogue.Category, trusted map[string]bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.settings == nil {
		return nil, nil
	}
	return w.settings.Blocking, w.settings.NonBlocking
}

// add notes what the run of one package found, when a Whole is asked for.
// Not for a test variant, which main does not link, nor for the standard
// library, which the catalogue describes at its callers: its bodies would
// join every writer the program hands it (http.Header.Write's).
func add(pass *analysis.Pass, skip bool, s *config.Settings, hot hotio.Result) {
	v, ok := wholes.Load(pass.Analyzer)
	if !ok || skip {
		return
	}
	w := v.(*Whole)
	bodies := hot.Bodies()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.bodies = append(w.bodies, bodies...)
	if w.settings == nil {
		w.settings = s
	}
	for lit, impl := range hot.Literals {
		w.literals[lit] = impl
	}
}

// isTestVariant reports whether the package of pass is compiled with its
// _test.go files.
func isTestVariant(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if isTestFile(pass, f.Pos()) {
			return true
		}
	}
	return false
}
