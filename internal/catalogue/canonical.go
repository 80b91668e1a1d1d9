package catalogue

import (
	"go/types"
	"sort"
	"strings"
)

// pathAlias makes the package at From (and every path under it) match
// the rows of To.
type pathAlias struct{ From, To string }

// pathAliases are import paths whose packages have the API of another
// path's: an old spelling, or a major version whose rows would be a copy
// of the next one's. A path matches the aliased path's rows, and so does
// every path under it. Rows are written under To only (the registry test).
// A logging library's aliases are in its Logger literal.
var pathAliases = append(loggerAliases(loggers), []pathAlias{
	{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5"},
	{"github.com/jackc/pgconn", "github.com/jackc/pgx/v5/pgconn"}, // v4's driver, part of pgx since v5
	{"github.com/go-redis/redis/v8", "github.com/redis/go-redis/v9"},
	{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"},
}...)

// canonical returns the import path whose rows the package at path
// matches: a vendored copy (a/vendor/github.com/x/y) is its original
// (github.com/x/y), and an alias its target. It is the one normalisation
// of paths: every key built from a types.Func goes through it.
func canonical(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	} else if rest, ok := strings.CutPrefix(path, "vendor/"); ok {
		path = rest // the standard library's own vendored packages
	}
	for _, a := range pathAliases {
		if rest, ok := strings.CutPrefix(path, a.From); ok && (rest == "" || rest[0] == '/') {
			return a.To + rest
		}
	}
	return path
}

// qualify writes a package as keys spell it: its canonical path.
func qualify(p *types.Package) string { return canonicalPkg(p) }

// canonicalPkg is the canonical path of p; a copy of a library under a
// path of its own (a fork kept in a project, as seaweedfs keeps glog in
// weed/glog) is that library when it has its name and its API (copies).
func canonicalPkg(p *types.Package) string {
	for _, c := range copies {
		if p.Name() == c.name && p.Path() != c.path && c.is(p) {
			return c.path
		}
	}
	return canonical(p.Path())
}

// copies are the libraries recognised by their API when copied under
// another path.
var copies = []struct {
	name, path string
	is         func(*types.Package) bool
}{
	{"glog", "github.com/golang/glog", func(p *types.Package) bool {
		// func V(Level) Verbose, and Verbose has Infof: glog's verbosity API.
		v, ok := p.Scope().Lookup("V").(*types.Func)
		verbose, isType := p.Scope().Lookup("Verbose").(*types.TypeName)
		if !ok || !isType || v.Signature().Results().Len() != 1 || !types.Identical(v.Signature().Results().At(0).Type(), verbose.Type()) {
			return false
		}
		m, _, _ := types.LookupFieldOrMethod(verbose.Type(), true, p, "Infof")
		_, isFunc := m.(*types.Func)
		return isFunc
	}},
}

// fullName is fn.FullName() with canonical package paths: the key of fn
// in the tables.
func fullName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if _, ok := recv.Type().(*types.Interface); ok {
			return "(interface)." + fn.Name() // as FullName writes an unnamed interface
		}
		return "(" + types.TypeString(recv.Type(), qualify) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return canonicalPkg(fn.Pkg()) + "." + fn.Name()
}

// canonicalFull returns the full name full (types.Func.FullName) with its
// package path made canonical: "(*a/vendor/x.T).M" is "(*x.T).M".
func canonicalFull(full string) string {
	recv, rest, ok := strings.Cut(full, ")")
	if !ok {
		return canonicalQualified(full) // a function: path.F
	}
	recv, ok = strings.CutPrefix(recv, "(")
	if !ok {
		return full
	}
	star := ""
	if r, ok := strings.CutPrefix(recv, "*"); ok {
		star, recv = "*", r
	}
	return "(" + star + canonicalQualified(recv) + ")" + rest
}

// canonicalQualified makes the path of "path.Name" canonical. Names hold
// no dots, so the last one ends the path (gopkg.in/yaml.v3.Node).
func canonicalQualified(s string) string {
	i := strings.LastIndex(s, ".")
	if i < 0 {
		return s
	}
	return canonical(s[:i]) + s[i:]
}

// Aliases lists the import paths matched as another's, as sorted
// "path/...: as other/..." lines, for documentation.
func Aliases() []string {
	out := make([]string, 0, len(pathAliases))
	for _, a := range pathAliases {
		out = append(out, a.From+"/...: as "+a.To+"/...")
	}
	sort.Strings(out)
	return out
}

// CanonicalPath is the import path whose rows a package at path matches:
// a vendored copy is its original (…/vendor/google.golang.org/grpc is
// google.golang.org/grpc), an old spelling or aliased major version the
// path the catalogue lists.
func CanonicalPath(path string) string { return canonical(path) }
