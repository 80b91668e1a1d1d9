package output

import (
	"cmp"
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
)

// A shared cause is a function that several findings reach their blocking
// I/O through: one error constructor that reads source files to print a
// stack can reach dozens of call sites. If the user judges it off the
// path, one line of configuration settles all of them, so the run ends
// with the line to review instead of leaving the same argument to be had
// once per finding.

// Cause is a function that several findings reach blocking I/O through.
type Cause struct {
	Callee   string   // as messages show it: errs.MustBugf, (*store.Store).writeAll
	Findings int      // how many findings reach their I/O through it
	At       Position // where it makes its call down the chain
	Key      string   // its name for the nonblocking option; "" when it has none (a function literal)
	ReadOnly bool     // its code is in the module cache, where no directive can be added
}

// minShared is how many findings must share a callee to make it a cause.
const minShared = 3

// maxCauses bounds how many causes a run lists.
const maxCauses = 5

// Causes returns the functions that at least minShared findings of r reach
// their I/O through, most shared first. Of callees that the same findings
// share (every function of a common chain), the one nearest the findings
// is listed: marking it settles them and nothing else; a callee whose
// findings a listed cause has all settled already is left out.
func Causes(r *Report) []Cause {
	type seen struct {
		cause    Cause
		findings []int // indexes of the findings, in order
		depth    int   // its smallest position in a chain
	}
	byName := map[string]*seen{}
	var order []string
	for i, d := range r.Diagnostics {
		for depth, rel := range d.Related {
			caller, callee, ok := strings.Cut(rel.Message, " calls ")
			if !ok || strings.HasPrefix(caller, "a function further") {
				continue
			}
			caller = implementation(caller)
			at := rel.Pos
			if _, posn, ok := strings.Cut(callee, " at "); ok {
				at = ParsePosition(posn) // a hop whose file was not in the run
			}
			s := byName[caller]
			if s == nil {
				s = &seen{cause: Cause{Callee: caller, At: at}, depth: depth}
				byName[caller] = s
				order = append(order, caller)
			}
			if n := len(s.findings); n == 0 || s.findings[n-1] != i {
				s.findings = append(s.findings, i)
			}
			s.depth = min(s.depth, depth)
		}
	}
	var out []*seen
	for _, name := range order {
		if s := byName[name]; len(s.findings) >= minShared {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *seen) int {
		return cmp.Or(cmp.Compare(len(b.findings), len(a.findings)), cmp.Compare(a.depth, b.depth))
	})
	var causes []Cause
	var taken [][]int
	for _, s := range out {
		if slices.ContainsFunc(taken, func(f []int) bool { return subset(s.findings, f) }) {
			continue // a function further down the same chains, or part of a cause listed already
		}
		c := s.cause
		path, mod := importPath(filepath.Dir(c.At.File))
		if mod == "std" || mod == "cmd" {
			continue // the catalogued call itself, reached through an interface: no helper to review
		}
		taken = append(taken, s.findings)
		c.Findings = len(s.findings)
		c.Key = configKey(c.Callee, path)
		c.ReadOnly = inModuleCache(c.At.File)
		causes = append(causes, c)
		if len(causes) == maxCauses {
			break
		}
	}
	return causes
}

// subset reports whether the sorted indexes a are all in the sorted b.
func subset(a, b []int) bool {
	i := 0
	for _, x := range b {
		if i < len(a) && a[i] == x {
			i++
		}
	}
	return i == len(a)
}

// Advice is what a cause's summary line says: how many findings share it
// and the configuration or directive that would mark it off the path.
func (c Cause) Advice() string {
	s := fmt.Sprintf("%d findings reach blocking I/O through %s (%s)", c.Findings, c.Callee, c.At)
	switch {
	case c.Key == "":
		return s + "; review it once: if its I/O is off the hot path, restructure it or ignore the findings"
	case c.ReadOnly:
		return s + fmt.Sprintf("; review it once: if its I/O is off the hot path, add nonblocking: ['%s'] to .iohotpath.yml", c.Key)
	}
	return s + fmt.Sprintf("; review it once: if its I/O is off the hot path, add //iohotpath:nonblocking to its doc comment, "+
		"or nonblocking: ['%s'] to .iohotpath.yml", c.Key)
}

// implementation is the function a chain's caller names: a dynamic call
// shown with what it reaches (r.Get (implemented by (*sqlstore.S).Get,
// 2 other implementations)) is that implementation, the function the
// nonblocking option and a directive name; any other caller is itself.
func implementation(caller string) string {
	_, impl, ok := strings.Cut(caller, " (implemented by ")
	if !ok {
		return caller
	}
	impl, _, _ = strings.Cut(strings.TrimSuffix(impl, ")"), ", ")
	return impl
}

// configKey is the name the nonblocking option takes for a function shown
// as display (pkg.F, (*pkg.T).M, pkg.T.M) of the package whose import
// path is path, in place of pkg. It is "" for a function literal
// (pkg.F.func1) or when the package's path is not known ("").
func configKey(display, path string) string {
	name := strings.NewReplacer("(*", "", "(", "", ")", "").Replace(display)
	pkg, rest, ok := strings.Cut(name, ".")
	if !ok || pkg == "" || isLiteral(rest) || path == "" {
		return ""
	}
	return path + "." + rest
}

// inModuleCache reports whether file is in the module cache (GOMODCACHE,
// by default the first GOPATH's pkg/mod), which is read-only.
func inModuleCache(file string) bool {
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		if gopath := filepath.SplitList(build.Default.GOPATH); len(gopath) > 0 {
			cache = filepath.Join(gopath[0], "pkg", "mod")
		}
	}
	return cache != "" && strings.HasPrefix(file, cache+string(filepath.Separator))
}

// isLiteral reports whether rest (the name without its package) names a
// function literal: F.func1, T.M.func2.
func isLiteral(rest string) bool {
	i := strings.LastIndex(rest, ".func")
	if i < 0 {
		return false
	}
	digits := rest[i+len(".func"):]
	return digits != "" && strings.Trim(digits, "0123456789") == ""
}

// importPath returns the import path of the package in dir, from the
// go.mod of the module holding it (the module cache and GOROOT have one
// too), and that module's path (std for the standard library); "" when
// there is none.
func importPath(dir string) (path, module string) {
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			mod := modfile.ModulePath(data)
			rel, err := filepath.Rel(d, dir)
			if mod == "" || err != nil {
				return "", ""
			}
			rel = filepath.ToSlash(rel)
			if i := strings.LastIndex("/"+rel, "/vendor/"); i >= 0 {
				return rel[i+len("/vendor/")-1:], mod // a vendored copy: its own path
			}
			switch {
			case mod == "std":
				return rel, mod
			case rel == ".":
				return mod, mod
			}
			return mod + "/" + rel, mod
		}
		if parent := filepath.Dir(d); parent == d {
			return "", ""
		}
	}
}
