package catalogue

import "testing"

// pgxV4Rows and pgconnStub are pgx v4's result types, at its paths.
const pgxV4Rows = `package pgx

type Rows interface{ Next() bool }

type Row interface{ Scan(dest ...any) error }
`

const pgconnStub = `package pgconn

type CommandTag []byte
`

const resultsSrc = `package p

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

type User struct{ ID int }

// DBTX is what sqlc generates.
type DBTX interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, q string) (*sql.Stmt, error)
}

type PgxTX interface {
	Exec(ctx context.Context, q string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, q string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, q string, args ...any) pgx.Row
}

type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type Repo interface {
	Get(id int) (*User, error)
	Rows() []sql.Rows // not a *sql.Rows
	Close() error
}

type Queries struct{ db DBTX }

type row = *sql.Row

type Aliased interface{ One() row }

type Embeds interface{ DBTX }

func rows() (*sql.Rows, error) { return nil, nil }

type concrete struct{}

func (concrete) Do(req *http.Request) (*http.Response, error) { return nil, nil }

func f[T interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}](ctx context.Context, db DBTX, q Queries, tx PgxTX, d Doer, r Repo, a Aliased, em Embeds, anon interface{ Begin() (*sql.Tx, error) }, g T, c concrete) {
	db.ExecContext(ctx, "x")
	q.db.QueryContext(ctx, "x")
	db.QueryRowContext(ctx, "x")
	db.PrepareContext(ctx, "x")
	tx.Exec(ctx, "x")
	tx.Query(ctx, "x")
	tx.QueryRow(ctx, "x")
	d.Do(nil)
	anon.Begin()
	a.One()
	em.QueryRowContext(ctx, "x")
	g.QueryContext(ctx, "x")
	r.Get(1)
	r.Rows()
	r.Close()
	rows()
	c.Do(nil)
}
`

// TestMatchResults proves that an abstract interface method is classified
// by its results, and that nothing else is.
func TestMatchResults(t *testing.T) {
	info, calls := checkCallsOf(t, resultsSrc,
		stub{"github.com/jackc/pgconn", pgconnStub},
		stub{"github.com/jackc/pgx/v4", pgxV4Rows},
	)
	db := Entry{Cat: Database, Does: "queries the database"}
	for _, tc := range []struct {
		call, name string
		want       Entry
	}{
		{"db.ExecContext", "p.DBTX.ExecContext", db},
		{"q.db.QueryContext", "p.DBTX.QueryContext", db},
		{"db.QueryRowContext", "p.DBTX.QueryRowContext", db},
		{"db.PrepareContext", "p.DBTX.PrepareContext", db},
		{"tx.Exec", "p.PgxTX.Exec", db}, // pgx v4 and its pgconn: aliases of v5's
		{"tx.Query", "p.PgxTX.Query", db},
		{"tx.QueryRow", "p.PgxTX.QueryRow", db},
		{"d.Do", "p.Doer.Do", Entry{Cat: Network, Does: "makes an HTTP request"}},
		{"anon.Begin", "p.Begin", db}, // an unnamed interface
		{"a.One", "p.Aliased.One", db},
		{"em.QueryRowContext", "p.DBTX.QueryRowContext", db},
		{"g.QueryContext", "p.QueryContext", db}, // a method of a type parameter
	} {
		e, name, ok := matchCall(t, info, calls, tc.call)
		if !ok || e != tc.want || name != tc.name {
			t.Errorf("Match(%s) = %+v, %q, %v; want %+v, %q, true", tc.call, e, name, ok, tc.want, tc.name)
		}
	}
	for _, call := range []string{
		"r.Get", "r.Rows", "r.Close", // results that say nothing
		"rows", "c.Do", // concrete: their bodies are analysed
	} {
		if e, name, ok := matchCall(t, info, calls, call); ok {
			t.Errorf("Match(%s) = %+v, %q, true; want a miss", call, e, name)
		}
	}
}

func TestResultRowsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range resultRows {
		if r.Type == "" || r.Cat == None || r.Cat >= NumCategories || r.Does == "" {
			t.Errorf("incomplete result row %+v", r)
		}
		if seen[r.Type] {
			t.Errorf("%s is listed twice", r.Type)
		}
		seen[r.Type] = true
	}
	if len(ResultLines()) != len(resultRows) {
		t.Errorf("ResultLines() has %d lines for %d rows", len(ResultLines()), len(resultRows))
	}
}
