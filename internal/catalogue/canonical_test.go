package catalogue

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

func TestCanonical(t *testing.T) {
	for path, want := range map[string]string{
		"os":                         "os",
		"github.com/sirupsen/logrus": "github.com/sirupsen/logrus",
		"github.com/Sirupsen/logrus": "github.com/sirupsen/logrus",
		"github.com/Sirupsen/logrus/hooks/syslog":  "github.com/sirupsen/logrus/hooks/syslog",
		"example.com/app/vendor/github.com/x/y":    "github.com/x/y",
		"a/vendor/b/vendor/github.com/x/y":         "github.com/x/y", // the innermost vendor directory
		"vendor/golang.org/x/net/dns/dnsmessage":   "golang.org/x/net/dns/dnsmessage",
		"app/vendor/github.com/Sirupsen/logrus":    "github.com/sirupsen/logrus",
		"github.com/jackc/pgx/v4":                  "github.com/jackc/pgx/v5",
		"github.com/jackc/pgx/v4/pgxpool":          "github.com/jackc/pgx/v5/pgxpool",
		"github.com/jackc/pgx/v5":                  "github.com/jackc/pgx/v5",
		"github.com/jackc/pgconn":                  "github.com/jackc/pgx/v5/pgconn",
		"github.com/jackc/pgconnx":                 "github.com/jackc/pgconnx", // a prefix, not a parent
		"github.com/go-redis/redis/v8":             "github.com/redis/go-redis/v9",
		"github.com/go-redis/redis":                "github.com/go-redis/redis", // v6 and older: another API
		"go.mongodb.org/mongo-driver/mongo":        "go.mongodb.org/mongo-driver/v2/mongo",
		"go.mongodb.org/mongo-driver/v2/mongo":     "go.mongodb.org/mongo-driver/v2/mongo",
		"github.com/go-kit/kit/log/level":          "github.com/go-kit/log/level",
		"example.com/vendorless/github.com/x/y":    "example.com/vendorless/github.com/x/y",
		"example.com/github.com/Sirupsen/logrus":   "example.com/github.com/Sirupsen/logrus",
		"example.com/p/vendor/go.uber.org/zap/sub": "go.uber.org/zap/sub",
	} {
		if got := canonical(path); got != want {
			t.Errorf("canonical(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestCanonicalFull(t *testing.T) {
	for full, want := range map[string]string{
		"os.Open":                                      "os.Open",
		"(*os.File).Close":                             "(*os.File).Close",
		"(net.Conn).Read":                              "(net.Conn).Read",
		"(interface).Read":                             "(interface).Read",
		"gopkg.in/yaml.v3.Marshal":                     "gopkg.in/yaml.v3.Marshal",
		"(*gopkg.in/yaml.v3.Node).Encode":              "(*gopkg.in/yaml.v3.Node).Encode",
		"github.com/Sirupsen/logrus.Info":              "github.com/sirupsen/logrus.Info",
		"(*a/vendor/go.uber.org/zap.Logger).X":         "(*go.uber.org/zap.Logger).X",
		"(github.com/go-redis/redis/v8.cmdable).*":     "(github.com/redis/go-redis/v9.cmdable).*",
		"(github.com/go-kit/kit/log.Logger).Log":       "(github.com/go-kit/log.Logger).Log",
		"(*github.com/jackc/pgx/v4/pgxpool.Pool).Ping": "(*github.com/jackc/pgx/v5/pgxpool.Pool).Ping",
	} {
		if got := canonicalFull(full); got != want {
			t.Errorf("canonicalFull(%q) = %q, want %q", full, got, want)
		}
	}
}

// TestFullNameIsFullName proves fullName spells every function and method
// of real packages as types.Func.FullName does, when no path changes.
func TestFullNameIsFullName(t *testing.T) {
	fset := token.NewFileSet()
	std := importer.ForCompiler(fset, "gc", nil)
	n := 0
	for _, path := range []string{"os", "net", "database/sql", "net/http", "log/slog", "bufio", "sync", "iter"} {
		pkg, err := std.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			var funcs []*types.Func
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				funcs = append(funcs, obj)
			case *types.TypeName:
				mset := types.NewMethodSet(types.NewPointer(obj.Type()))
				if types.IsInterface(obj.Type()) {
					mset = types.NewMethodSet(obj.Type())
				}
				for i := range mset.Len() {
					funcs = append(funcs, mset.At(i).Obj().(*types.Func))
				}
			}
			for _, fn := range funcs {
				n++
				if got, want := fullName(fn), fn.FullName(); got != want {
					t.Errorf("fullName = %q, FullName = %q", got, want)
				}
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d functions compared", n)
	}
}

// TestAliasesDistinct fails when an alias would rewrite another's target,
// or a path twice: canonical applies the first that matches, once.
func TestAliasesDistinct(t *testing.T) {
	for _, a := range pathAliases {
		if c := canonical(a.To); c != a.To {
			t.Errorf("alias target %s is itself rewritten, to %s", a.To, c)
		}
		if c := canonical(a.From); c != a.To {
			t.Errorf("canonical(%s) = %s, want %s", a.From, c, a.To)
		}
	}
}

// vendoredLogrus is the part of logrus the tests call, to be checked at a
// vendored path and at the old spelling.
const vendoredLogrus = `package logrus

type Entry struct{}

func (*Entry) Info(args ...any) {}

func Info(args ...any)  {}
func Fatal(args ...any) {}
`

// pgxV4Stub declares Exec on an unexported type that Conn embeds, so that
// only the embedding walk matches it.
const pgxV4Stub = `package pgx

import "context"

type inner struct{}

func (*inner) Exec(ctx context.Context, sql string) error { return nil }

type Conn struct{ *inner }
`

const kitLogStub = `package log

type Logger interface{ Log(keyvals ...any) error }
`

const kitLevelStub = `package level

import "github.com/go-kit/kit/log"

func Info(logger log.Logger) log.Logger { return logger }
`

const aliasSrc = `package p

import (
	"context"

	"example.com/vendor/github.com/sirupsen/logrus"
	redisv8 "github.com/go-redis/redis/v8"
	kitlog "github.com/go-kit/kit/log"
	"github.com/go-kit/kit/log/level"
	pgxv4 "github.com/jackc/pgx/v4"
	old "github.com/Sirupsen/logrus"
)

func f(ctx context.Context, e *logrus.Entry, c *pgxv4.Conn, rc *redisv8.Client, kl kitlog.Logger) {
	logrus.Info("x")
	e.Info("x")
	old.Info("x")
	logrus.Fatal("x")
	old.Fatal("x")
	c.Exec(ctx, "x")
	rc.Get(ctx, "k")
	rc.Close()
	kl.Log("k", "v")
	level.Info(kl).Log("k", "v")
}
`

// TestMatchCanonical proves vendored copies and aliases match their
// original's rows by full name, by a whole-type row and through the
// embedding walk, and their no-return calls end a block.
func TestMatchCanonical(t *testing.T) {
	info, calls := checkCallsOf(t, aliasSrc,
		stub{"example.com/vendor/github.com/sirupsen/logrus", vendoredLogrus},
		stub{"github.com/Sirupsen/logrus", vendoredLogrus},
		stub{"github.com/jackc/pgx/v4", pgxV4Stub},
		stub{"github.com/go-redis/redis/v8", redisStub},
		stub{"github.com/go-kit/kit/log", kitLogStub},
		stub{"github.com/go-kit/kit/log/level", kitLevelStub},
	)
	for _, tc := range []struct {
		call, name string
		want       Entry
	}{
		{"logrus.Info", "logrus.Info", Entry{Cat: Log, Does: "writes a log record"}},
		{"e.Info", "(*logrus.Entry).Info", Entry{Cat: Log, Does: "writes a log record"}},
		{"old.Info", "logrus.Info", Entry{Cat: Log, Does: "writes a log record"}},
		{"c.Exec", "(*pgx.Conn).Exec", Entry{Cat: Database, Does: "queries the database"}},       // the embedding walk
		{"rc.Get", "(*redis.Client).Get", Entry{Cat: Network, Does: "makes a Redis round trip"}}, // a "(T).*" row
		{"kl.Log", "log.Logger.Log", Entry{Cat: Log, Does: "writes a log record"}},
		{"level.Info(kl).Log", "log.Logger.Log", Entry{Cat: Log, Does: "writes a log record"}},
	} {
		e, name, ok := matchCall(t, info, calls, tc.call)
		if !ok || e != tc.want || name != tc.name {
			t.Errorf("Match(%s) = %+v, %q, %v; want %+v, %q, true", tc.call, e, name, ok, tc.want, tc.name)
		}
	}
	for _, call := range []string{"rc.Close", "level.Info"} {
		if e, name, ok := matchCall(t, info, calls, call); ok {
			t.Errorf("Match(%s) = %+v, %q, true; want a miss", call, e, name)
		}
	}
	for call, want := range map[string]bool{"logrus.Fatal": true, "old.Fatal": true, "old.Info": false} {
		if got := IsNoReturn(info, calls[call]); got != want {
			t.Errorf("IsNoReturn(%s) = %v, want %v", call, got, want)
		}
	}
}
