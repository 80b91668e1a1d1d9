// Package app calls the query methods of package db from hot code: the
// facts carry the interface call down there.
package app

import (
	"context"
	"net/http"

	"iface/db"
)

func Serve(ctx context.Context, q *db.Queries, pq *db.PgxQueries, c *db.Client, s db.UserStore, ids []int64) { // want Serve:`blocking\(database\): \(\*db.Queries\).GetUser -> db.DBTX.QueryRowContext`
	//hotpath
	for _, id := range ids {
		q.GetUser(ctx, id)       // want `\(\*db.Queries\).GetUser performs blocking database I/O \(db.DBTX.QueryRowContext\) on every iteration of hot loop in Serve; batch the queries or move them off the hot path`
		q.DeleteUser(ctx, id)    // want `\(\*db.Queries\).DeleteUser performs blocking database I/O \(db.DBTX.ExecContext\)`
		pq.CountUsers(ctx)       // want `\(\*db.PgxQueries\).CountUsers performs blocking database I/O \(db.PgxTX.QueryRow\)`
		pq.Touch(ctx)            // want `\(\*db.PgxQueries\).Touch performs blocking database I/O \(db.PgxTX.ExecV4\)`
		c.Fetch(&http.Request{}) // want `\(\*db.Client\).Fetch performs blocking network I/O \(db.Doer.Do\)`

		// An interface that returns domain types says nothing of I/O.
		s.Get(id)
		db.Lookup(s, id)
		_ = q.WithTx(nil)
	}
}

// Direct calls through the interface, in a hot function.
//
// hotpath
func Direct(ctx context.Context, dbtx db.DBTX, d db.Doer, s db.UserStore) { // want Direct:`hot blocking\(database\): db.DBTX.QueryContext`
	dbtx.QueryContext(ctx, "SELECT 1")   // want `db.DBTX.QueryContext queries the database on every call of hot function Direct; batch the queries or move them off the hot path`
	dbtx.PrepareContext(ctx, "SELECT 1") // want `db.DBTX.PrepareContext queries the database`
	d.Do(&http.Request{})                // want `db.Doer.Do makes an HTTP request on every call of hot function Direct; reuse connections`
	s.Close()
}
