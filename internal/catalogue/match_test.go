package catalogue

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/iohotpath/iohotpath/internal/names"
)

// redisStub is the part of go-redis Match relies on: command methods
// declared on the unexported cmdable, which the exported Client embeds.
const redisStub = `package redis

import "context"

type StringCmd struct{}

type cmdable func(ctx context.Context, args ...any) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return nil }

type baseClient struct{}

func (c *baseClient) Close() error { return nil }

type Client struct {
	*baseClient
	cmdable
}

func (c *Client) Do(ctx context.Context, args ...any) *StringCmd { return nil }
`

const matchSrc = `package p

import (
	"context"
	"crypto/tls"
	"fmt"
	"log"
	"net"
	"os"

	"github.com/redis/go-redis/v9"
)

type logFile struct{ *os.File }

type myConn struct{ *net.TCPConn }

type plain struct{}

func (plain) Write(b []byte) (int, error) { return len(b), nil }

func f(ctx context.Context, lf logFile, file *os.File, tcp *net.TCPConn, mc myConn, c net.Conn, tc *tls.Conn, rc *redis.Client, pl plain, b []byte) {
	lf.Write(b)
	(*os.File).Write(file, b)
	file.Close()
	tcp.Read(b)
	mc.Read(b)
	c.Read(b)
	tcp.Close()
	tcp.CloseWrite()
	c.Close()
	tc.Close()
	rc.Get(ctx, "k")
	rc.Do(ctx, "get", "k")
	rc.Close()
	pl.Write(b)
	fmt.Sprintf("%d", 1)
	fmt.Println()
	os.Stdout.Write(b)
	os.Stderr.WriteString("x")
	os.Stdout.Close()
	log.Fatalf("x")
	os.Exit(1)
	panic("x")
}
`

// checkCalls type-checks matchSrc, with go-redis stubbed, and returns its
// calls by the source text of their callee.
func checkCalls(t *testing.T) (*types.Info, map[string]*ast.CallExpr) {
	t.Helper()
	return checkCallsOf(t, matchSrc, stub{"github.com/redis/go-redis/v9", redisStub})
}

// stub is the source of a package src imports, at its import path.
type stub struct{ path, src string }

// checkCallsOf type-checks src as example.com/p, with stubs type-checked
// first in their order, and returns its calls by the source text of their
// callee.
func checkCallsOf(t *testing.T, src string, stubs ...stub) (*types.Info, map[string]*ast.CallExpr) {
	t.Helper()
	fset := token.NewFileSet()
	std := importer.ForCompiler(fset, "gc", nil)
	pkgs := map[string]*types.Package{}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if pkg, ok := pkgs[path]; ok {
			return pkg, nil
		}
		return std.Import(path)
	})
	for _, s := range stubs {
		pkgs[s.path] = check(t, fset, s.path, s.src, imp, nil)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	f := parse(t, fset, src)
	if _, err := (&types.Config{Importer: imp}).Check("example.com/p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	calls := map[string]*ast.CallExpr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			calls[types.ExprString(call.Fun)] = call
		}
		return true
	})
	return info, calls
}

func check(t *testing.T, fset *token.FileSet, path, src string, imp types.Importer, info *types.Info) *types.Package {
	t.Helper()
	pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{parse(t, fset, src)}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func parse(t *testing.T, fset *token.FileSet, src string) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func TestMatch(t *testing.T) {
	info, calls := checkCalls(t)
	for _, tc := range []struct {
		call, name string
		want       Entry
	}{
		{"lf.Write", "(*os.File).Write", Entry{Cat: File, Does: "writes a file"}}, // promoted from the embedded *os.File
		{"(*os.File).Write", "(*os.File).Write", Entry{Cat: File, Does: "writes a file"}},
		{"file.Close", "(*os.File).Close", Entry{Cat: File, Does: "does file I/O"}},
		{"tcp.Read", "(*net.TCPConn).Read", Entry{Cat: Network, Does: "uses a network connection", NoRoundTrip: true}}, // declared on the unexported net.conn
		{"mc.Read", "(*net.TCPConn).Read", Entry{Cat: Network, Does: "uses a network connection", NoRoundTrip: true}},
		{"c.Read", "net.Conn.Read", Entry{Cat: Network, Does: "uses a network connection", NoRoundTrip: true}},
		{"rc.Get", "(*redis.Client).Get", Entry{Cat: Network, Does: "makes a Redis round trip"}}, // a "(T).*" row
		{"rc.Do", "(*redis.Client).Do", Entry{Cat: Network, Does: "makes a Redis round trip"}},
		{"log.Fatalf", "log.Fatalf", Entry{Cat: Log, Does: "writes a log line"}},
		{"fmt.Println", "fmt.Println", Entry{Cat: Stdout, Does: "writes to standard output"}},
		// the standard streams are stdout, as fmt.Fprintf(os.Stderr, …) is
		{"os.Stdout.Write", "(*os.File).Write", Entry{Cat: Stdout, Does: "writes to standard output"}},
		{"os.Stderr.WriteString", "(*os.File).WriteString", Entry{Cat: Stdout, Does: "writes to standard error"}},
		{"os.Stdout.Close", "(*os.File).Close", Entry{Cat: File, Does: "does file I/O"}}, // writes nothing
	} {
		e, name, ok := matchCall(t, info, calls, tc.call)
		if !ok || e != tc.want || name != tc.name {
			t.Errorf("Match(%s) = %+v, %q, %v; want %+v, %q, true", tc.call, e, name, ok, tc.want, tc.name)
		}
	}
	for _, call := range []string{
		"rc.Close", "pl.Write", "fmt.Sprintf", "os.Exit",
		"tcp.Close", "tcp.CloseWrite", "c.Close", "tc.Close", // closing a connection does not wait for the peer
	} {
		if e, name, ok := matchCall(t, info, calls, call); ok {
			t.Errorf("Match(%s) = %+v, %q, true; want a miss", call, e, name)
		}
	}
}

func matchCall(t *testing.T, info *types.Info, calls map[string]*ast.CallExpr, src string) (Entry, string, bool) {
	t.Helper()
	call := calls[src]
	if call == nil {
		t.Fatalf("no call %s in the source", src)
	}
	fn := names.FuncOf(info, call.Fun)
	if fn == nil {
		t.Fatalf("%s: no static callee", src)
	}
	return Match(info, call, fn)
}

func TestIsNoReturn(t *testing.T) {
	info, calls := checkCalls(t)
	for call, want := range map[string]bool{
		"panic":       true,
		"os.Exit":     true,
		"log.Fatalf":  true,
		"fmt.Println": false,
		"file.Close":  false,
	} {
		if got := IsNoReturn(info, calls[call]); got != want {
			t.Errorf("IsNoReturn(%s) = %v, want %v", call, got, want)
		}
	}
}
