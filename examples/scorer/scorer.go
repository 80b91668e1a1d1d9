// Package scorer is a fraud scorer that writes an audit line on every
// transaction (Evaluate), and the fixed version (AsyncScorer).
package scorer

import (
	"fmt"
	"log"
	"os"
)

type Tx struct {
	ID     string
	Amount float64
}

type Scorer struct{ AuditPath string }

// Evaluate runs once per transaction.
//
// hotpath
func (s *Scorer) Evaluate(tx Tx) float64 {
	score := tx.Amount / 1000
	f, err := os.OpenFile(s.AuditPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return score
	}
	fmt.Fprintf(f, "%s %.2f\n", tx.ID, score)
	f.Close()
	log.Printf("scored %s", tx.ID)
	return score
}

// AsyncScorer hands audit lines to a background writer that opened the
// file once; the hot path only formats a string and tries a channel send.
type AsyncScorer struct{ lines chan string }

func NewAsyncScorer(path string) (*AsyncScorer, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	s := &AsyncScorer{lines: make(chan string, 4096)}
	go func() {
		for line := range s.lines {
			f.WriteString(line)
		}
		f.Close()
	}()
	return s, nil
}

// Evaluate runs once per transaction.
//
// hotpath
func (s *AsyncScorer) Evaluate(tx Tx) float64 {
	score := tx.Amount / 1000
	select {
	case s.lines <- fmt.Sprintf("%s %.2f\n", tx.ID, score):
	default: // queue full: drop the line rather than stall the transaction
	}
	return score
}
