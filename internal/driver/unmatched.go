package driver

import (
	"fmt"
	"go/build"
	"go/types"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/internal/config"
)

// warnUnmatched warns, on stderr, of each funcs, blocking and nonblocking
// entry that names no function of pkgs and their dependencies: a typo
// would otherwise make nothing hot, or trust nothing, and say nothing. It
// is no finding and leaves the exit code alone. Only the in-process
// engine knows every package of the run; under go vet each unit sees
// itself alone, so it cannot say.
func warnUnmatched(c *command, pkgs []*packages.Package, stderr io.Writer) {
	if c.warned {
		return
	}
	c.warned = true
	loader := preflightLoader(c)
	var entries []config.Entry
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		all = append(all, p)
		files := append(slices.Clip(p.CompiledGoFiles), p.GoFiles...)
		if len(files) == 0 {
			return
		}
		dir := filepath.Dir(files[0])
		for _, e := range loader.Entries(dir, strings.HasPrefix(dir, goroot)) {
			if !slices.Contains(entries, e) {
				entries = append(entries, e)
			}
		}
	})
	if len(entries) == 0 {
		return
	}
	for _, e := range config.Unmatched(entries, funcsOf(all)) {
		fmt.Fprintf(stderr, "iohotpath: warning: %s matches no function in the packages analysed\n", e)
	}
}

// goroot is the standard library's source directory, as the analyzer
// tells a standard package (analyzer.isStd).
var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// funcsOf yields the functions and methods that pkgs declare: every
// package-level function, and the methods of every package-level named
// type, interfaces' included.
func funcsOf(pkgs []*packages.Package) iter.Seq[*types.Func] {
	return func(yield func(*types.Func) bool) {
		for _, p := range pkgs {
			if p.Types == nil {
				continue
			}
			scope := p.Types.Scope()
			for _, name := range scope.Names() {
				switch obj := scope.Lookup(name).(type) {
				case *types.Func:
					if !yield(obj) {
						return
					}
				case *types.TypeName:
					named, ok := types.Unalias(obj.Type()).(*types.Named)
					if !ok {
						continue
					}
					for m := range named.Methods() {
						if !yield(m) {
							return
						}
					}
					if iface, ok := named.Underlying().(*types.Interface); ok {
						for m := range iface.ExplicitMethods() {
							if !yield(m) {
								return
							}
						}
					}
				}
			}
		}
	}
}
