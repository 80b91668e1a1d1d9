// Package pgxpool is a test stub of github.com/jackc/pgx/v4/pgxpool: only
// the API surface the iohotpath tests call, with the real names and
// signatures.
package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Pool allows for connection reuse.
type Pool struct{ config *Config }

// Config is the configuration struct for creating a pool.
type Config struct{ MaxConns int32 }

func (p *Pool) Config() *Config { return p.config }
func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }
