// Package ingest calls the store once per record, from a hot loop.
package ingest

import "github.com/iohotpath/iohotpath/examples/store"

func Ingest(s *store.Store, recs []string) error {
	//hotpath
	for _, r := range recs {
		if err := s.AppendRecord(r); err != nil {
			return err
		}
	}
	return nil
}
