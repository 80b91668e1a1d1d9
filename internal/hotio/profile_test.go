package hotio

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestLongLoops: a CPU profile's heavy function runs once and loops when
// its loop has no counter (a worker, a dispatcher), but not when the loop
// retries one operation until it succeeds (tusd's fileUploadLock.Lock):
// such a function runs per unit of work and is hot as a whole.
func TestLongLoops(t *testing.T) {
	const src = `package p

func try() error { return nil }

func worker(jobs chan int) {
	for {
		<-jobs
	}
}

func polls(done func() bool) {
	for !done() {
	}
}

func retries() {
	for {
		err := try()
		if err == nil {
			break
		}
	}
}

func returns() error {
	for {
		if err := try(); err == nil {
			return nil
		}
	}
}

func counts() {
	for i := 0; i < 3; i++ {
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"worker": true, "polls": true, "retries": false, "returns": false, "counts": false}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name == "try" {
			continue
		}
		if got := len(longLoops(info, fd.Body)) > 0; got != want[fd.Name.Name] {
			t.Errorf("%s: long-running loop %v, want %v", fd.Name.Name, got, want[fd.Name.Name])
		}
	}
}
