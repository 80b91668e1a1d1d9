package hotio

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/profiles"
)

// applyProfile marks what the CPU profiles say of the package's
// functions: which have samples (for -profile-only), and which run per
// unit of work (profiles.Index; hot, with their share in messages).
// Functions hot by a marker, -funcs or a preset keep their meaning. A
// literal is looked up by its file and start line, as the profile records
// it; one inside a hot declaration is walked with it already. Test files
// and the standard library are left alone: a profile of a service says
// nothing of them that a user asked for.
func (g *graph) applyProfile(pass *analysis.Pass, prof *profiles.Index) {
	if !prof.HasCPU() || len(pass.Files) == 0 || isStdPath(pass.Pkg.Path()) {
		return
	}
	pkg := profiles.PkgKey(pass.Pkg)
	for _, n := range g.nodes {
		var f *profiles.Func
		var ok bool
		pos := pass.Fset.PositionFor(n.pos(), false)
		if strings.HasSuffix(pos.Filename, "_test.go") {
			continue
		}
		if n.obj != nil {
			f, ok = prof.Func(profiles.Key(n.obj))
		} else {
			f, ok = prof.Lit(pkg, pos.Filename, pos.Line)
		}
		if !ok {
			continue
		}
		n.profiled = true
		if f.Hot && !n.hot && (n.outer == nil || !n.outer.hot) {
			n.hot, n.share = true, f.Share
		}
	}
}

// isStdPath reports whether path is a standard-library import path: no
// dot in its first element.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != "main"
}
