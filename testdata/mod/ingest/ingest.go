// Package ingest calls the store from a hot loop.
package ingest

import "example.com/mod/store"

func Ingest(s *store.Store, recs []string) {
	//hotpath
	for _, r := range recs {
		s.AppendRecord(r)
	}
}
