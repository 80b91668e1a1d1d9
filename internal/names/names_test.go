package names_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/iohotpath/iohotpath/internal/names"
)

const src = `package p

import "os"

type T struct{}

func (T) V()  {}
func (*T) P() {}

type A = T
type AP = *T

func (A) AV()  {}
func (*A) AP() {}
func (AP) PA() {}

type G[X any] struct{}

func (G[X]) M()   {}
func (*G[X]) PM() {}

type I interface{ IM() }

func F()         {}
func Gen[X any]() {}

func use(t T, a A, g G[int], i I, f *os.File) {
	F()
	Gen[int]()
	t.V()
	t.P()
	a.V()
	(&t).P()
	_ = t.V
	_ = T.V
	_ = (*T).P
	_ = A.V
	_ = Gen[int]
	_ = (Gen[int])
	t.AV()
	t.AP()
	t.PA()
	g.M()
	g.PM()
	_ = G[int].M
	_ = (*G[int]).PM
	i.IM()
	_ = os.Open
	f.Close()
}
`

// check type-checks src as package example.com/p.
func check(t *testing.T) (*ast.File, *types.Info, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return f, info, pkg
}

// uses returns the function expressions of use's body by their source
// text: the callee of each call statement, the right side of each `_ =`.
func uses(t *testing.T, f *ast.File) map[string]ast.Expr {
	t.Helper()
	exprs := map[string]ast.Expr{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "use" {
			for _, s := range fd.Body.List {
				var e ast.Expr
				switch s := s.(type) {
				case *ast.ExprStmt:
					e = s.X.(*ast.CallExpr).Fun
				case *ast.AssignStmt:
					e = s.Rhs[0]
				}
				exprs[types.ExprString(e)] = e
			}
		}
	}
	return exprs
}

func TestSpellings(t *testing.T) {
	f, info, _ := check(t)
	exprs := uses(t, f)
	for _, tt := range []struct{ expr, display, user, full, short string }{
		{"F", "p.F", "example.com/p.F", "example.com/p.F", "F"},
		{"Gen[int]", "p.Gen", "example.com/p.Gen", "example.com/p.Gen", "Gen"},
		{"(Gen[int])", "p.Gen", "example.com/p.Gen", "example.com/p.Gen", "Gen"},
		{"t.V", "p.T.V", "example.com/p.T.V", "example.com/p.T.V", "T.V"},
		{"t.P", "(*p.T).P", "example.com/p.T.P", "example.com/p.(*T).P", "T.P"},
		{"a.V", "p.T.V", "example.com/p.T.V", "example.com/p.T.V", "T.V"},
		{"(&t).P", "(*p.T).P", "example.com/p.T.P", "example.com/p.(*T).P", "T.P"},
		{"T.V", "p.T.V", "example.com/p.T.V", "example.com/p.T.V", "T.V"},
		{"(*T).P", "(*p.T).P", "example.com/p.T.P", "example.com/p.(*T).P", "T.P"},
		{"A.V", "p.T.V", "example.com/p.T.V", "example.com/p.T.V", "T.V"},
		// Methods declared on aliases are spelt with the aliased type.
		{"t.AV", "p.T.AV", "example.com/p.T.AV", "example.com/p.T.AV", "T.AV"},
		{"t.AP", "(*p.T).AP", "example.com/p.T.AP", "example.com/p.(*T).AP", "T.AP"},
		{"t.PA", "(*p.T).PA", "example.com/p.T.PA", "example.com/p.(*T).PA", "T.PA"},
		// Generic receivers lose their type arguments.
		{"g.M", "p.G.M", "example.com/p.G.M", "example.com/p.G.M", "G.M"},
		{"g.PM", "(*p.G).PM", "example.com/p.G.PM", "example.com/p.(*G).PM", "G.PM"},
		{"G[int].M", "p.G.M", "example.com/p.G.M", "example.com/p.G.M", "G.M"},
		{"(*G[int]).PM", "(*p.G).PM", "example.com/p.G.PM", "example.com/p.(*G).PM", "G.PM"},
		{"i.IM", "p.I.IM", "example.com/p.I.IM", "example.com/p.I.IM", "I.IM"},
		{"os.Open", "os.Open", "os.Open", "os.Open", "Open"},
		{"f.Close", "(*os.File).Close", "os.File.Close", "os.(*File).Close", "File.Close"},
	} {
		e, ok := exprs[tt.expr]
		if !ok {
			t.Errorf("%s: not in the source", tt.expr)
			continue
		}
		delete(exprs, tt.expr)
		fn := names.FuncOf(info, e)
		if fn == nil {
			t.Errorf("FuncOf(%s) = nil", tt.expr)
			continue
		}
		if got := names.Display(fn); got != tt.display {
			t.Errorf("Display(%s) = %q, want %q", tt.expr, got, tt.display)
		}
		if got := names.UserKey(fn); got != tt.user {
			t.Errorf("UserKey(%s) = %q, want %q", tt.expr, got, tt.user)
		}
		if full, short := names.Hot(fn); full != tt.full || short != tt.short {
			t.Errorf("Hot(%s) = %q, %q, want %q, %q", tt.expr, full, short, tt.full, tt.short)
		}
		if got := names.Short(fn); got != tt.short {
			t.Errorf("Short(%s) = %q, want %q", tt.expr, got, tt.short)
		}
		// What users write, in either spelling, parses to the same key.
		for _, name := range []string{tt.user, tt.full} {
			if got, err := names.ParseUser(name); got != tt.user {
				t.Errorf("ParseUser(%q) = %q, %v, want %q", name, got, err, tt.user)
			}
		}
	}
	for expr := range exprs {
		t.Errorf("%s: no test case", expr)
	}
}

func TestFuncOfNil(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "q.go", `package q

type S struct{ fn func() }

func use(s S, v func()) {
	v()
	s.fn()
	_ = len("")
	_ = int(0)
	func() {}()
}
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Types: map[ast.Expr]types.TypeAndValue{}, Instances: map[*ast.Ident]types.Instance{}}
	if _, err := new(types.Config).Check("q", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := names.FuncOf(info, call.Fun); fn != nil {
				t.Errorf("FuncOf(%s) = %v, want nil", types.ExprString(call.Fun), fn)
			}
		}
		return true
	})
}

func TestNamedOf(t *testing.T) {
	_, _, pkg := check(t)
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	T := typ("T")
	param := func(i int) types.Type { // use's parameters: t T, a A, g G[int], i I, f *os.File
		return typ("use").(*types.Signature).Params().At(i).Type()
	}
	for _, tt := range []struct {
		name     string
		typ      types.Type
		want     string // the named type found, as types.TypeString spells it
		isNamedT bool
	}{
		{"T", T, "example.com/p.T", true},
		{"*T", types.NewPointer(T), "example.com/p.T", true},
		{"A", typ("A"), "example.com/p.T", true},
		{"*A", types.NewPointer(typ("A")), "example.com/p.T", true},
		{"AP", typ("AP"), "example.com/p.T", true},
		{"**T", types.NewPointer(types.NewPointer(T)), "", false},
		{"G[int]", param(2), "example.com/p.G[int]", false},
		{"*os.File", param(4), "os.File", false},
		{"int", types.Typ[types.Int], "", false},
		{"[]T", types.NewSlice(T), "", false},
	} {
		got := ""
		if n := names.NamedOf(tt.typ); n != nil {
			got = n.String()
		}
		if got != tt.want {
			t.Errorf("NamedOf(%s) = %q, want %q", tt.name, got, tt.want)
		}
		if got := names.IsNamed(tt.typ, "example.com/p", "T"); got != tt.isNamedT {
			t.Errorf("IsNamed(%s, example.com/p, T) = %v, want %v", tt.name, got, tt.isNamedT)
		}
	}
}
