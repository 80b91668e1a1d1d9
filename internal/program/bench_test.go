package program

import (
	"os"
	"testing"

	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// BenchmarkEngine is what -program costs before iohotpath does anything:
// the packages of $IOHOTPATH_PROGRAM_BENCH (a module directory; ./...)
// loaded as the in-process engine loads them without tests, the SSA of
// the program and the VTA call graph over all its functions, as Check
// builds them. docs/performance.md compares it with the no-op analyzer.
func BenchmarkEngine(b *testing.B) {
	dir := os.Getenv("IOHOTPATH_PROGRAM_BENCH")
	if dir == "" {
		b.Skip("set IOHOTPATH_PROGRAM_BENCH to a module directory")
	}
	for b.Loop() {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, "./...")
		if err != nil {
			b.Fatal(err)
		}
		if packages.PrintErrors(pkgs) > 0 {
			b.Fatal("the module does not load")
		}
		sp, _ := ssautil.AllPackages(pkgs, ssa.InstantiateGenerics)
		sp.Build()
		funcs := ssautil.AllFunctions(sp)
		cg := vta.CallGraph(funcs, nil)
		b.ReportMetric(float64(len(cg.Nodes)), "functions")
	}
}
