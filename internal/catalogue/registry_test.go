package catalogue

import (
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRegistryNames fails when two tables of the registry share a name:
// each table is listed once.
func TestRegistryNames(t *testing.T) {
	seen := map[string]bool{}
	for _, tab := range registry {
		if seen[tab.name] {
			t.Errorf("table %q is listed twice", tab.name)
		}
		seen[tab.name] = true
		if len(tab.keys()) == 0 {
			t.Errorf("table %q has no keys", tab.name)
		}
	}
}

// TestRegistryNoAlias fails when a key of any table is written under a
// path that canonical rewrites: no function would ever reach it.
func TestRegistryNoAlias(t *testing.T) {
	for _, tab := range registry {
		for _, k := range tab.keys() {
			var c string
			switch tab.kind {
			case funcKeys:
				c = canonicalFull(k)
			case typeKeys:
				star := ""
				if strings.HasPrefix(k, "*") {
					star = "*"
				}
				c = star + canonicalQualified(strings.TrimPrefix(k, "*"))
			case pathKeys:
				c = canonical(k)
			}
			if c != k {
				t.Errorf("%s: %s is written under an alias; write it as %s", tab.name, k, c)
			}
		}
	}
}

// TestRegistryNoDuplicates fails when a table lists a key twice, or two
// tables that answer the same question share one.
func TestRegistryNoDuplicates(t *testing.T) {
	byQuestion := map[string]map[string]string{}
	for _, tab := range registry {
		own := map[string]bool{}
		for _, k := range tab.keys() {
			if own[k] {
				t.Errorf("%s: %s is listed twice", tab.name, k)
			}
			own[k] = true
			if tab.question == "" {
				continue
			}
			seen := byQuestion[tab.question]
			if seen == nil {
				seen = map[string]string{}
				byQuestion[tab.question] = seen
			}
			if prev, dup := seen[k]; dup && prev != tab.name {
				t.Errorf("%s is in %s and in %s, which answer %q both", k, prev, tab.name, tab.question)
			}
			seen[k] = tab.name
		}
	}
	if n := len(byQuestion["blocks"]) - len(writerFuncs) - len(writerMethods); n != len(table()) {
		t.Errorf("the rows name %d functions, the table holds %d", n, len(table()))
	}
}

// TestLoggersWellFormed fails for a Logger literal that says something
// the derivation would not use: a level word of a receiver that
// is not one of the library's, a level word listed twice, a receiver
// with debug-level methods and no guard to suggest.
func TestLoggersWellFormed(t *testing.T) {
	pkgs := map[string]bool{}
	for _, l := range loggers {
		if pkgs[l.Pkg] {
			t.Errorf("logger %s is listed twice", l.Pkg)
		}
		pkgs[l.Pkg] = true
		words := map[string]bool{}
		for _, lv := range l.Levels {
			if words[lv.Word] {
				t.Errorf("%s: level word %s listed twice", l.Pkg, lv.Word)
			}
			words[lv.Word] = true
		}
		if len(l.Recvs) == 0 {
			t.Errorf("%s: no calls that write a record", l.Pkg)
		}
		check := func(where string, only []string) {
			for _, w := range only {
				if !words[w] {
					t.Errorf("%s %s: %s is not a level word of the library", l.Pkg, where, w)
				}
			}
		}
		for _, r := range l.Recvs {
			check("receiver "+r.Name, r.Only)
			if len(r.Forms) == 0 && r.Only != nil {
				t.Errorf("%s receiver %s: level words but no forms", l.Pkg, r.Name)
			}
			for _, lv := range l.levels(r.Only) {
				if lv.Sev == debugLevel && len(r.Forms) > 0 && r.Guard == "" {
					t.Errorf("%s receiver %s: debug-level methods and no guard", l.Pkg, r.Name)
				}
			}
		}
	}
}

// libsDir is the module that requires every library the catalogue names
// (testdata/libs/libs.go imports each), so that the registry test can
// load them.
var libsDir = filepath.Join("testdata", "libs")

// TestRegistryResolves loads the packages every key names, the standard
// library and the real third-party libraries at the versions of
// testdata/libs/go.mod, and fails for a key that names no function,
// method, type or package of them: a key nothing can match. Adding a
// library to the catalogue means adding it to testdata/libs (go get, and
// an import in libs.go).
func TestRegistryResolves(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every library the catalogue names")
	}
	paths := map[string]bool{}
	for _, tab := range registry {
		for _, k := range tab.keys() {
			paths[keyPkg(tab.kind, k)] = true
		}
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  libsDir,
		// The catalogue's system calls are Linux's.
		Env: append(os.Environ(), "GOWORK=off", "GOOS=linux", "GOARCH=amd64", "GOFLAGS=-mod=readonly"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	loaded := map[string]*types.Package{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v (add the library to %s)", p.PkgPath, e, libsDir)
		}
		if p.Types != nil {
			loaded[p.PkgPath] = p.Types
		}
	}
	funcs, types_ := map[string]bool{}, map[string]bool{}
	for _, p := range loaded {
		declared(p, funcs, types_)
	}
	for _, tab := range registry {
		for _, k := range tab.keys() {
			pkg := keyPkg(tab.kind, k)
			if loaded[pkg] == nil {
				t.Errorf("%s: %s: package %s is not loaded (add it to %s)", tab.name, k, pkg, libsDir)
				continue
			}
			switch {
			case tab.kind == funcKeys && !funcs[k] && !(tab.embedded && promoted(loaded[pkg], k)):
				t.Errorf("%s: %s names no function or method of %s", tab.name, k, pkg)
			case tab.kind == typeKeys && !types_[strings.TrimPrefix(k, "*")]:
				t.Errorf("%s: %s names no type of %s", tab.name, k, pkg)
			}
		}
	}
}

// declared adds to funcs the key of every function and method of p, and
// "(T).*" or "(*T).*" for every receiver of a method of p, and to typs every named type
// of p, as keys spell them.
func declared(p *types.Package, funcs, typs map[string]bool) {
	scope := p.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			funcs[fullName(obj)] = true
		case *types.TypeName:
			typs[canonicalPkg(p)+"."+obj.Name()] = true
			named, ok := types.Unalias(obj.Type()).(*types.Named)
			if !ok {
				continue
			}
			var methods []*types.Func
			if iface, ok := named.Underlying().(*types.Interface); ok {
				for i := range iface.NumMethods() {
					methods = append(methods, iface.Method(i))
				}
			} else {
				for i := range named.NumMethods() {
					methods = append(methods, named.Method(i))
				}
			}
			for _, m := range methods {
				funcs[fullName(m)] = true
				funcs["("+types.TypeString(m.Signature().Recv().Type(), qualify)+").*"] = true
			}
		}
	}
}

// promoted reports whether the method key "(T).M" or "(*T).M" names a
// method that T has from a type it embeds.
func promoted(p *types.Package, key string) bool {
	recv, name, ok := strings.Cut(key, ").")
	if !ok {
		return false
	}
	recv = strings.TrimPrefix(strings.TrimPrefix(recv, "("), "*")
	obj, ok := p.Scope().Lookup(recv[strings.LastIndex(recv, ".")+1:]).(*types.TypeName)
	if !ok {
		return false
	}
	m, index, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, p, name)
	_, isFunc := m.(*types.Func)
	return isFunc && len(index) > 1
}
