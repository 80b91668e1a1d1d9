package catalogue

import (
	"go/types"
	"sort"
)

// resultRow is a result type that says what an interface method returning
// it does: a method of any interface (sqlc's DBTX, a repository wrapper)
// returning *sql.Rows queries the database, whatever implements it.
type resultRow struct {
	Type string // as a key spells it: "*database/sql.Rows", "database/sql.Result"
	Cat  Category
	Does string
}

// resultRows classify abstract interface methods by their results.
// Concrete functions are not classified this way: their bodies are
// analysed. Paths are canonical: pgx v4's Rows is v5's (pathAliases).
var resultRows = []resultRow{
	{Type: "*database/sql.Rows", Cat: Database, Does: "queries the database"},
	{Type: "*database/sql.Row", Cat: Database, Does: "queries the database"},
	{Type: "database/sql.Result", Cat: Database, Does: "queries the database"},
	{Type: "*database/sql.Stmt", Cat: Database, Does: "queries the database"},
	{Type: "*database/sql.Tx", Cat: Database, Does: "queries the database"},
	{Type: "github.com/jackc/pgx/v5.Rows", Cat: Database, Does: "queries the database"},
	{Type: "github.com/jackc/pgx/v5.Row", Cat: Database, Does: "queries the database"},
	{Type: "github.com/jackc/pgx/v5/pgconn.CommandTag", Cat: Database, Does: "queries the database"},
	{Type: "*net/http.Response", Cat: Network, Does: "makes an HTTP request"},
}

// resultTable is resultRows by type.
var resultTable = func() map[string]Entry {
	m := make(map[string]Entry, len(resultRows))
	for _, r := range resultRows {
		m[r.Type] = Entry{Cat: r.Cat, Does: r.Does}
	}
	return m
}()

// matchResults classifies fn by its results when it is an abstract
// interface method: the first result listed in resultRows decides.
func matchResults(fn *types.Func) (Entry, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
		return Entry{}, false
	}
	for i := range sig.Results().Len() {
		if e, ok := resultTable[resultKey(sig.Results().At(i).Type())]; ok {
			return e, true
		}
	}
	return Entry{}, false
}

// resultKey spells a result type as resultRows do: a named type or a
// pointer to one, aliases resolved, its path canonical; "" for any other.
func resultKey(t types.Type) string {
	star := ""
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	return star + canonical(named.Obj().Pkg().Path()) + "." + named.Obj().Name()
}

// ResultLines lists the result types that classify interface methods, as
// sorted "type category" lines, for documentation.
func ResultLines() []string {
	out := make([]string, 0, len(resultRows))
	for _, r := range resultRows {
		out = append(out, r.Type+" "+r.Cat.String())
	}
	sort.Strings(out)
	return out
}
