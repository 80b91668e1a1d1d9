package analyzer

import (
	"cmp"
	"go/ast"
	"go/build"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/directives"
	"github.com/iohotpath/iohotpath/internal/hotio"
	"github.com/iohotpath/iohotpath/internal/hygiene"
	"github.com/iohotpath/iohotpath/internal/lockio"
	"github.com/iohotpath/iohotpath/internal/profiles"
)

// run analyses one package: its settings, its directives, the calls made
// under a lock, each rule (io-under-lock asks hot-io what those calls do),
// then the ignores and the directives that applied to nothing, reported in
// a deterministic order. factsOnly stops after the facts are exported.
// The result holds the dynamic calls of hot code, for -program.
func run(pass *analysis.Pass, loader *config.Loader, factsOnly bool) (*Result, error) {
	std := isStd(pass)
	if factsOnly && std {
		return nil, nil // the catalogue describes the standard library: no facts
	}
	s, err := loader.For(packageDir(pass), std)
	if err != nil {
		return nil, err
	}
	if linkedByMain(pass) {
		linked := *s
		linked.Linked = true
		s = &linked
	}
	dirs, malformed := directives.Scan(pass.Fset, pass.Files)
	if factsOnly {
		hotio.Facts(pass, s, dirs)
		return nil, nil
	}
	prof, err := loader.Profiles(s)
	if err != nil {
		return nil, err
	}
	held := lockio.Find(pass, lockio.Options{On: !s.NoLockIO && !std, Tests: s.IncludeTests})
	hot := hotio.Run(pass, s, prof, dirs, std)
	hotDiags, underLock, lockDynamic := lockio.Check(pass, held, hot, prof, s.ContendedOnly)
	if hotio.IsTestSupport(pass, s) {
		underLock, lockDynamic = nil, nil // a mock server's lock serialises tests, not requests
	}
	findings := oneper(slices.Concat(hotDiags, underLock), hygiene.Check(pass, hygiene.Options{
		Defer: !s.NoDefer, Reopen: !s.NoReopen, Tests: s.IncludeTests}))
	findings = dirs.Suppress(findings, hot.Used)
	dynamic, locked := unignored(dirs, hot.Dynamic, hot.Used), unignored(dirs, lockDynamic, hot.Used)
	stale := dirs.Misuse(hot.Used, func(pos token.Pos) bool {
		return !s.DisablesAnything() && (s.IncludeTests || !isTestFile(pass, pos))
	})
	report(pass, slices.Concat(malformed, hot.Directive, findings, stale))
	add(pass, isTestVariant(pass) || std, s, hot)
	return &Result{Dynamic: dynamic, Locked: locked, Literals: hot.Literals}, nil
}

// unignored drops the dynamic calls on lines an //iohotpath:ignore covers,
// and marks those ignores used: they may be meant for what -program finds
// there, which a run without it cannot tell.
func unignored[D interface{ At() *ast.CallExpr }](dirs *directives.Index, calls []D, used directives.Used) []D {
	var kept []D
	for _, d := range calls {
		if ig := dirs.IgnoreAt(d.At().Pos()); ig != nil {
			used.Add(ig)
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

// report hands the diagnostics to the driver ordered by the waiting a
// contention profile recorded for their lock, most first, then by file
// name, line, column, rule and message, whatever order the files were
// parsed in: the JSON output keeps this order.
func report(pass *analysis.Pass, diags []analysis.Diagnostic) {
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int {
		pa, pb := pass.Fset.PositionFor(a.Pos, false), pass.Fset.PositionFor(b.Pos, false)
		wa, _ := profiles.ParseWait(a.Message)
		wb, _ := profiles.ParseWait(b.Message)
		return cmp.Or(cmp.Compare(wb, wa), cmp.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset),
			cmp.Compare(a.Category, b.Category), cmp.Compare(a.Message, b.Message))
	})
	for _, d := range diags {
		pass.Report(d)
	}
}

// goroot is the standard library's source directory; packages under it are
// described by the catalogue, not by facts.
var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// isStd reports whether the package of pass is part of the standard library.
func isStd(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		return strings.HasPrefix(pass.Fset.PositionFor(f.Package, false).Filename, goroot)
	}
	return false
}

// packageDir is the directory of the package's files, where the search for
// a configuration file starts.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		return filepath.Dir(pass.Fset.PositionFor(f.Package, true).Filename)
	}
	return ""
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.PositionFor(pos, false).Filename, "_test.go")
}
