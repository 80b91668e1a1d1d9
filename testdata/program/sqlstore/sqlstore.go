// Package sqlstore is a store backed by a database.
package sqlstore

import "database/sql"

// S queries its database on every Get.
type S struct{ DB *sql.DB }

// Get reads one row.
func (s *S) Get(id string) (string, error) {
	var v string
	err := s.DB.QueryRow("SELECT v FROM kv WHERE id = ?", id).Scan(&v)
	return v, err
}
