package analyzer_test

import "testing"

// TestCatalogueInterfaceResults proves that a call of an interface method
// whose results say what it does (sqlc's DBTX returning *sql.Row, a Doer
// returning *http.Response) is blocking, that facts carry it to hot code in
// another package, and that an interface returning domain types is not.
func TestCatalogueInterfaceResults(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}

// TestCatalogueVendored proves that a vendored copy of a library and the
// old spelling of its import path match the library's rows.
func TestCatalogueVendored(t *testing.T) {
	t.Parallel()
	defaultRun.run(t)
}
