// Package store writes records; the I/O is two calls below its API.
package store

import "os"

type Store struct{ Path string }

func (s *Store) AppendRecord(rec string) error {
	return s.writeAll([]byte(rec + "\n"))
}

func (s *Store) writeAll(b []byte) error {
	f, err := os.OpenFile(s.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(b)
	return err
}
