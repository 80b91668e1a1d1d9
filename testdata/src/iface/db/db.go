// Package db is what sqlc generates, and clients built the same way: the
// queries run through an interface (DBTX) whose methods return rows, a row
// or a result, so calls through it are database I/O whatever implements
// it, and the facts of the query methods carry that to their callers.
package db

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v5"
)

// DBTX is sqlc's interface over *sql.DB and *sql.Tx.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...interface{}) *sql.Row
}

func New(db DBTX) *Queries { return &Queries{db: db} }

type Queries struct{ db DBTX }

type User struct {
	ID   int64
	Name string
}

const getUser = `SELECT id, name FROM users WHERE id = $1`

func (q *Queries) GetUser(ctx context.Context, id int64) (User, error) { // want GetUser:`blocking\(database\): db.DBTX.QueryRowContext`
	row := q.db.QueryRowContext(ctx, getUser, id)
	var u User
	err := row.Scan(&u.ID, &u.Name)
	return u, err
}

const deleteUser = `DELETE FROM users WHERE id = $1`

func (q *Queries) DeleteUser(ctx context.Context, id int64) error { // want DeleteUser:`blocking\(database\): db.DBTX.ExecContext`
	_, err := q.db.ExecContext(ctx, deleteUser, id)
	return err
}

// WithTx builds queries on a transaction: no I/O.
func (q *Queries) WithTx(tx *sql.Tx) *Queries { return &Queries{db: tx} }

// PgxTX is sqlc's interface for pgx v5, with a pgx v4 method: pgx v4's
// result types (pgconn.CommandTag of github.com/jackc/pgconn) match as v5's.
type PgxTX interface {
	QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row
	ExecV4(ctx context.Context, sql string, args ...interface{}) (pgconn.CommandTag, error)
}

type PgxQueries struct{ db PgxTX }

func (q *PgxQueries) CountUsers(ctx context.Context) (int64, error) { // want CountUsers:`blocking\(database\): db.PgxTX.QueryRow`
	var n int64
	err := q.db.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

func (q *PgxQueries) Touch(ctx context.Context) error { // want Touch:`blocking\(database\): db.PgxTX.ExecV4`
	_, err := q.db.ExecV4(ctx, "UPDATE users SET seen = now()")
	return err
}

// Doer is how HTTP clients are injected.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type Client struct{ http Doer }

func (c *Client) Fetch(req *http.Request) error { // want Fetch:`blocking\(network\): db.Doer.Do`
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// UserStore returns domain types: what it does is not known.
type UserStore interface {
	Get(id int64) (*User, error)
	Close() error
}

// Lookup calls through UserStore only: no fact.
func Lookup(s UserStore, id int64) (*User, error) { return s.Get(id) }
