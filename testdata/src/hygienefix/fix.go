// Package hygienefix exercises the suggested fix of reopen-in-loop.
package hygienefix

import (
	"fmt"
	"os"
	"path/filepath"
)

type Rec struct{ ID string }

// Ingest has the common shape: the fix hoists the open and its check and
// closes after the loop.
func Ingest(dir string, recs []Rec) error {
	path := filepath.Join(dir, "audit.log")
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `os\.OpenFile opens the same file on every iteration of the loop in Ingest`
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}

		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

type Store struct{ dir string }

// Append is labelled, nested in a block, and leaves the file open on
// error paths: still fixable.
func (s *Store) Append(batches [][]Rec) (int, error) {
	n := 0
	if len(batches) > 0 {
	Batches:
		for _, b := range batches {
			line := len(b) * 2
			f, err := os.OpenFile(filepath.Join(s.dir, "store.log"), os.O_WRONLY|os.O_APPEND, 0) // want `os\.OpenFile opens the same file on every iteration of the loop in Store\.Append`
			if err != nil {
				return n, err
			}
			for _, r := range b {
				if r.ID == "" {
					continue Batches
				}
				if _, err = fmt.Fprintln(f, r.ID, line); err != nil {
					return n, err
				}
				n++
			}

			f.Close()
		}
	}
	return n, nil
}

// The shapes below are reported without a fix.

func ContinueOnError(path string, recs []Rec) {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			continue
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
}

func Truncates(path string, recs []Rec) error {
	for _, r := range recs {
		f, err := os.Create(path) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

func Deferred(path string, recs []Rec) error {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		defer f.Close() // want `defer f\.Close\(\) in a loop`
		fmt.Fprintln(f, r.ID)
	}
	return nil
}

func CheckUsesLoopVar(path string, recs []Rec) error {
	for i, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return fmt.Errorf("record %d: %w", i, err)
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

func ErrInScope(path string, recs []Rec) (err error) {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

func PrepareFirst(dir string, recs []Rec) error {
	for _, r := range recs {
		os.MkdirAll(dir, 0o755)
		f, err := os.OpenFile(dir+"/log", os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

func NoClose(path string, recs []Rec) error {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
	}
	return nil
}

func Reassigned(path string, recs []Rec) error {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
		f = nil
	}
	return nil
}

func ReusesErr(path string, recs []Rec) (int, error) {
	total := 0
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return total, err
		}
		n, err := fmt.Fprintln(f, r.ID)
		total += n
		f.Close()
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func ClosedTwice(path string, recs []Rec) error {
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `opens the same file`
		if err != nil {
			return err
		}
		if r.ID == "" {
			f.Close()
			continue
		}
		fmt.Fprintln(f, r.ID)
		f.Close()
	}
	return nil
}

// Drain's loop is marked hot: the hoisted open goes above the marker and
// the comment, which stay on the loop.
func Drain(events []string) error {
	// Each event is one audit line.
	//hotpath
	for _, ev := range events {
		f, err := os.OpenFile("drain.log", os.O_APPEND|os.O_WRONLY, 0o600) // want `os\.OpenFile opens the same file on every iteration of the loop in Drain`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, ev)
		f.Close()
	}
	return nil
}
