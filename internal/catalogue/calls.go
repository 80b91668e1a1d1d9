package catalogue

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/names"
)

// exitRows are the calls other than logging that end the block they are
// in for good.
var exitRows = []Row{
	{Pkg: "os", Names: []string{"Exit"}},
	{Pkg: "runtime", Names: []string{"Goexit"}},
	{Pkg: "testing", Recv: "*common", Names: []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
}

// noReturn lists the calls that end the block they are in for good: a block
// ending in one runs at most once per failure. They are exitRows and the
// loggers' calls at fatal level (log.Fatal, logrus's Panicf, klog's Exit).
var noReturn = func() map[string]bool {
	m := set(exitRows...)
	for _, k := range logs.noReturn {
		m[k] = true
	}
	return m
}()

// once lists the calls that run their function argument at most once, not
// on every call.
var once = set(
	Row{Pkg: "sync", Recv: "*Once", Names: []string{"Do"}},
	Row{Pkg: "sync", Names: []string{"OnceFunc", "OnceValue", "OnceValues"}},
)

// PathOpen describes a function whose first argument is the path of the
// file it opens.
type PathOpen struct {
	// Handle: it returns an open file, so the hot fix is to open it once.
	Handle bool
	// LoopFix is the fix a reopen-in-loop message suggests.
	LoopFix string
}

var pathOpens = map[string]PathOpen{
	"os.Open":      {Handle: true, LoopFix: "open it once before the loop"},
	"os.OpenFile":  {Handle: true, LoopFix: "open it once before the loop"},
	"os.Create":    {Handle: true, LoopFix: "open it once before the loop"},
	"os.ReadFile":  {LoopFix: "read it once before the loop"},
	"os.WriteFile": {LoopFix: "build the content in the loop and write it once after the loop"},
}

// LookupPathOpen returns what opening a file by path through the function
// of full name full (types.Func.FullName) means, if it is one.
func LookupPathOpen(full string) (PathOpen, bool) {
	p, ok := pathOpens[full]
	return p, ok
}

// IsOnce reports whether the function of full name full runs its function
// argument at most once: (*sync.Once).Do, sync.OnceFunc, sync.OnceValue(s).
func IsOnce(full string) bool { return once[canonicalFull(full)] }

// IsNoReturn reports whether call ends the block it is in for good: panic,
// os.Exit, log.Fatal and their kin.
func IsNoReturn(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := astutil.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := names.FuncOf(info, call.Fun)
	return fn != nil && noReturn[fullName(fn)]
}

// set indexes the full names of rows.
func set(rows ...Row) map[string]bool {
	m := map[string]bool{}
	for _, r := range rows {
		for _, k := range r.keys() {
			m[k] = true
		}
	}
	return m
}
