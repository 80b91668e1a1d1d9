// Package pgxpool is a test stub of github.com/jackc/pgx/v5/pgxpool: only
// the API surface the iohotpath tests call, with the real names and
// signatures.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Pool allows for connection reuse.
type Pool struct{ config *Config }

// Config is the configuration struct for creating a pool.
type Config struct{ MaxConns int32 }

// Stat is a snapshot of Pool statistics.
type Stat struct{ total int32 }

// TotalConns returns the total number of resources in the pool.
func (s *Stat) TotalConns() int32 { return s.total }

// Conn is an acquired *pgx.Conn from a Pool.
type Conn struct{ c *pgx.Conn }

// New creates a new Pool; it connects lazily.
func New(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Config() *Config                                  { return p.config }
func (p *Pool) Stat() *Stat                                      { return &Stat{} }
func (p *Pool) Close()                                           {}
func (p *Pool) Acquire(ctx context.Context) (c *Conn, err error) { return &Conn{}, nil }
func (p *Pool) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { return nil, nil }
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row        { return nil }
func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults         { return nil }
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error)                            { return nil, nil }

func (c *Conn) Release()        {}
func (c *Conn) Conn() *pgx.Conn { return c.c }
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { return nil }
