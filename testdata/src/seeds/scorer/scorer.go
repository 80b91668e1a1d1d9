// Package scorer is the first seed scenario: a fraud scorer that appends an
// audit line to a file on every transaction, and its fixed version.
package scorer

import (
	"fmt"
	"os"
	"time"
)

type Tx struct {
	ID     string
	Amount float64
}

type Scorer struct {
	AuditPath string
}

// Evaluate scores one transaction. It runs once per transaction.
//
// hotpath
func (s *Scorer) Evaluate(tx Tx) float64 { // want Evaluate:`hot blocking\(file\): os\.OpenFile`
	score := tx.Amount / 1000
	f, err := os.OpenFile(s.AuditPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `os.OpenFile opens a file on every call of hot function Scorer.Evaluate; open it once or hand the write to a background writer`
	if err != nil {
		return score // not an error exit: a nil-error return, still hot
	}
	fmt.Fprintf(f, "%s %s %.2f\n", time.Now().Format(time.RFC3339), tx.ID, score) // want `fmt.Fprintf does I/O on a file on every call of hot function Scorer.Evaluate`
	f.Close()                                                                        // want `\(\*os.File\).Close does file I/O on every call of hot function Scorer.Evaluate`
	return score
}

// AsyncScorer is the fix: the hot path hands the line to a bounded channel;
// a background writer that opened the file once drains it.
type AsyncScorer struct {
	lines chan string
	done  chan struct{}
}

func NewAsyncScorer(path string) (*AsyncScorer, error) { // want NewAsyncScorer:`blocking\(file\): os\.OpenFile`
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	s := &AsyncScorer{lines: make(chan string, 1024), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for line := range s.lines {
			f.WriteString(line)
		}
		f.Close()
	}()
	return s, nil
}

// Evaluate is silent: a formatted string and a channel send.
//
// hotpath
func (s *AsyncScorer) Evaluate(tx Tx) float64 {
	score := tx.Amount / 1000
	line := fmt.Sprintf("%s %s %.2f\n", time.Now().Format(time.RFC3339), tx.ID, score)
	select {
	case s.lines <- line:
	default: // queue full: drop the line rather than block the transaction
	}
	return score
}

// Close drains the queue.
func (s *AsyncScorer) Close() {
	close(s.lines)
	<-s.done
}
