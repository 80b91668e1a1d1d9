package lockio

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/profiles"
)

// contention says how long the run's mutex and block profiles recorded
// goroutines waiting for a lock: the waits of the function that takes it,
// where the profile puts its unlock (mutex) or its lock (block) stacks.
// The profile does not name the mutex, so two locks of one function share
// its waiting.
type contention struct {
	pass *analysis.Pass
	prof *profiles.Index
	only bool // -contended-only
}

// waited returns the waiting recorded for l.
func (c contention) waited(l Lock) time.Duration {
	if !c.prof.HasContention() {
		return 0
	}
	key := holderKey(c.pass, l.Pos)
	if key == "" {
		return 0
	}
	return c.prof.Waited(key)
}

// drops reports whether -contended-only leaves out a finding whose lock
// goroutines were not seen waiting for.
func (c contention) drops(l Lock) bool { return c.only && c.waited(l) == 0 }

// clause is what a finding adds for l: how long goroutines waited for
// it, or "" when the profiles say nothing of it.
func (c contention) clause(l Lock) string {
	if d := c.waited(l); d > 0 {
		return "; " + profiles.WaitClause(d, l.Name)
	}
	return ""
}

// holderKey is the profiles' key of the function whose body holds pos:
// a declaration by name, a literal by file and start line.
func holderKey(pass *analysis.Pass, pos token.Pos) string {
	for _, f := range pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			switch n := n.(type) {
			case *ast.FuncLit:
				p := pass.Fset.PositionFor(n.Pos(), false)
				return profiles.LitKey(profiles.PkgKey(pass.Pkg), p.Filename, p.Line)
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					return profiles.Key(fn)
				}
				return ""
			}
		}
	}
	return ""
}
