package catalogue

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/iohotpath/iohotpath/internal/names"
)

// noReturn lists the calls that end the block they are in for good: a block
// ending in one runs at most once per failure.
var noReturn = set(
	Row{Pkg: "os", Names: []string{"Exit"}},
	Row{Pkg: "runtime", Names: []string{"Goexit"}},
	Row{Pkg: "log", Names: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	Row{Pkg: "log", Recv: "*Logger", Names: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	Row{Pkg: "testing", Recv: "*common", Names: []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
	Row{Pkg: "go.uber.org/zap", Recv: "*Logger", Names: []string{"Fatal", "Panic"}},
	Row{Pkg: "google.golang.org/grpc/grpclog", Names: []string{"Fatal", "Fatalf", "Fatalln"}},
	Row{Pkg: "go.uber.org/zap", Recv: "*SugaredLogger", Names: []string{"Fatal", "Fatalf", "Fatalw", "Fatalln", "Panic", "Panicf", "Panicw", "Panicln"}},
	Row{Pkg: "github.com/sirupsen/logrus", Names: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	Row{Pkg: "github.com/sirupsen/logrus", Recv: "*Logger", Names: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	Row{Pkg: "github.com/sirupsen/logrus", Recv: "*Entry", Names: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	Row{Pkg: "k8s.io/klog/v2", Names: []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
	Row{Pkg: "k8s.io/klog", Names: []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
	Row{Pkg: "github.com/golang/glog", Names: []string{"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}},
)

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
