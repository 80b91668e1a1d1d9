package analyzer

import (
	"go/ast"
	"sync"

	"golang.org/x/tools/go/analysis"

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

// add notes what the run of one package found, when a Whole is asked for.
// Not for a test variant, which main does not link, nor for the standard
// library, which the catalogue describes at its callers: its bodies would
// join every writer the program hands it (http.Header.Write's).
func add(pass *analysis.Pass, skip bool, hot hotio.Result) {
	v, ok := wholes.Load(pass.Analyzer)
	if !ok || skip {
		return
	}
	w := v.(*Whole)
	bodies := hot.Bodies()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.bodies = append(w.bodies, bodies...)
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
