// Package pgconn is a test stub of github.com/jackc/pgx/v5/pgconn: only the
// API surface the iohotpath tests call.
package pgconn

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct{ s string }

// RowsAffected returns the number of rows affected.
func (ct CommandTag) RowsAffected() int64 { return 0 }

// StatementDescription is a prepared statement's description.
type StatementDescription struct{ Name, SQL string }
