package analyzer_test

import (
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// sharedRun is one analysistest.Run over the packages of several tests
// that use the same configuration: loading dominates (the standard
// packages they import are parsed and type-checked from source), and one
// run loads them once, not once per test. Each test names its patterns;
// it fails on the errors positioned in its own packages, and on every
// error positioned in none (a package that does not load fails them all).
type sharedRun struct {
	cfg      analyzer.Config
	patterns map[string][]string // by test name

	once    sync.Once
	errs    []string
	results []*analysistest.Result
}

// defaultRun holds the tests of the default configuration.
var defaultRun = &sharedRun{patterns: map[string][]string{
	"TestSeeds":                     {"seeds/..."},
	"TestScoping":                   {"scoping"},
	"TestFactsChain":                {"example.com/app"},
	"TestCatalogue":                 {"catalogue"},
	"TestDirectives":                {"directives"},
	"TestOffPath":                   {"offpath/exits", "offpath/debuglog", "offpath/alarms", "offpath/served", "offpath/meaning/...", "offpath/forked"},
	"TestAdvice":                    {"advice"},
	"TestOnePerCallSite":            {"oneper"},
	"TestCatalogueInterfaceResults": {"iface/db", "iface/app"},
	"TestCatalogueVendored":         {"vendored", "sirupsen"},
	"TestIOUnderLock":               {"lockio/app"},
	"TestIOUnderLockFound":          {"lockio/data"},
	"TestThirdParty":                {"thirdparty"},
}}

// run analyses the packages of every test of s, once, and fails t on the
// errors that concern its packages; it returns the results of those.
func (s *sharedRun) run(t *testing.T) []*analysistest.Result {
	t.Helper()
	mine, ok := s.patterns[t.Name()]
	if !ok {
		t.Fatalf("%s has no patterns in its shared run", t.Name())
	}
	s.once.Do(func() {
		var all []string
		for _, ps := range s.patterns {
			all = append(all, ps...)
		}
		slices.Sort(all)
		a, err := analyzer.New(s.cfg)
		if err != nil {
			s.errs = []string{err.Error()}
			return
		}
		var r recorder
		s.results = analysistest.Run(&r, testdata, a, all...)
		s.errs = r.errs
	})
	for _, e := range s.errs {
		if owner := s.owner(e); owner == "" || owner == t.Name() {
			t.Error(e)
		}
	}
	var results []*analysistest.Result
	for _, r := range s.results {
		if matchesAny(mine, r.Pass.Pkg.Path()) {
			results = append(results, r)
		}
	}
	return results
}

// owner is the test whose packages hold the file an analysistest error
// is positioned in ("offpath/exits/exits.go:12: no diagnostic…"), or "".
func (s *sharedRun) owner(e string) string {
	file, _, ok := strings.Cut(e, ".go:")
	if !ok || strings.Contains(file, " ") {
		return ""
	}
	dir := path.Dir(file)
	for name, ps := range s.patterns {
		if matchesAny(ps, dir) {
			return name
		}
	}
	return ""
}

// matchesAny reports whether the package path pkg matches one of the go
// list patterns (a path, or a path ending in "/...").
func matchesAny(patterns []string, pkg string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool {
		if prefix, ok := strings.CutSuffix(p, "/..."); ok {
			return pkg == prefix || strings.HasPrefix(pkg, prefix+"/")
		}
		return pkg == p
	})
}
