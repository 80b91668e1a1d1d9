package lockio_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/iohotpath/iohotpath/internal/lockio"
)

// heldAnalyzer reports the locks Find says are held at every call of a
// function whose name starts with "block": the lock analysis alone, with
// no notion of blocking I/O.
var heldAnalyzer = &analysis.Analyzer{
	Name:     "held",
	Doc:      "reports the locks held at calls of block* functions (test only)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		held := lockio.Find(pass, lockio.Options{On: true})
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if !ok || !strings.HasPrefix(id.Name, "block") {
					return true
				}
				if locks := held.At(call); len(locks) > 0 {
					var s []string
					for _, l := range locks {
						kind := "held"
						if l.Read {
							kind = "read"
						}
						desc := fmt.Sprintf("%s %s at %d", kind, l.Name, pass.Fset.Position(l.Pos).Line)
						if l.Path != "" {
							desc += " " + l.Path
						}
						s = append(s, desc)
					}
					pass.ReportRangef(call, "%s", strings.Join(s, ", "))
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestHeld: the must-hold analysis over the control-flow graph, case by
// case: held after Lock until Unlock, to the end after a deferred unlock,
// on the path that took it when taken on some paths only (not a failure
// branch, not when released on a path in between), in literals called on the spot but
// not in go statements, embedded mutexes, RLock, deferred calls.
func TestHeld(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, heldAnalyzer, "lockio/held")
}
