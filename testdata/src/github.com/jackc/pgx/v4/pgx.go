// Package pgx is a test stub of github.com/jackc/pgx/v4: only the API
// surface the iohotpath tests call, with the real names and signatures.
package pgx

import (
	"context"

	"github.com/jackc/pgconn"
)

// Conn is a PostgreSQL connection handle.
type Conn struct{ config *ConnConfig }

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct{ Database string }

// Rows is the result set returned from Query.
type Rows interface {
	Close()
	Next() bool
	Scan(dest ...interface{}) error
}

// Row is one row returned by QueryRow.
type Row interface {
	Scan(dest ...interface{}) error
}

func (c *Conn) Config() *ConnConfig { return c.config }
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }
