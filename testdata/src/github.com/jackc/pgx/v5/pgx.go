// Package pgx is a test stub of github.com/jackc/pgx/v5: only the API
// surface the iohotpath tests call, with the real names and signatures.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

// Conn is a PostgreSQL connection handle.
type Conn struct{ config *ConnConfig }

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct{ Database string }

// Rows is the result set returned from Query.
type Rows interface {
	Close()
	Next() bool
	Scan(dest ...any) error
}

// Row is one row returned by QueryRow.
type Row interface {
	Scan(dest ...any) error
}

// Tx represents a database transaction.
type Tx interface {
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Exec(ctx context.Context, sql string, arguments ...any) (commandTag pgconn.CommandTag, err error)
}

// Batch queries are a way of bundling multiple queries together.
type Batch struct{ n int }

// QueuedQuery is a query queued in a Batch.
type QueuedQuery struct{ SQL string }

// Queue queues a query to batch b; it does no I/O.
func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery {
	b.n++
	return &QueuedQuery{SQL: query}
}

// Len returns the number of queries queued.
func (b *Batch) Len() int { return b.n }

// BatchResults are the results of SendBatch.
type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Close() error
}

// Identifier a PostgreSQL identifier or name.
type Identifier []string

// CopyFromSource is the interface used by CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

// Connect establishes a connection with a PostgreSQL server.
func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Config() *ConnConfig { return c.config }
func (c *Conn) IsClosed() bool      { return false }
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }
func (c *Conn) SendBatch(ctx context.Context, b *Batch) (br BatchResults)        { return nil }
func (c *Conn) Begin(ctx context.Context) (Tx, error)                            { return nil, nil }
func (c *Conn) Ping(ctx context.Context) error                                   { return nil }
func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	return &pgconn.StatementDescription{Name: name, SQL: sql}, nil
}
func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	return 0, nil
}
