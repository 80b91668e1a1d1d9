package scorer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/examples/scorer"
	"github.com/iohotpath/iohotpath/hotcheck"
)

var tx = scorer.Tx{ID: "tx-1", Amount: 250}

// TestScorerEvaluateBlocks is the expected failure: Evaluate opens and
// writes the audit file on every transaction, and hotcheck sees it.
func TestScorerEvaluateBlocks(t *testing.T) {
	s := &scorer.Scorer{AuditPath: filepath.Join(t.TempDir(), "audit.log")}
	events, err := hotcheck.Run(func() { s.Evaluate(tx) })
	if err != nil {
		t.Fatal(err)
	}
	seen := map[hotcheck.Category]bool{}
	for _, e := range events {
		t.Log(e) // go test -v shows what NoBlockingIO would report
		if strings.HasPrefix(e.String(), "Evaluate ") {
			seen[e.Category] = true
		}
	}
	for _, c := range []hotcheck.Category{hotcheck.FileOpen, hotcheck.FileWrite} {
		if !seen[c] {
			t.Errorf("Evaluate: no %s event; got %v", c, events)
		}
	}
}

// TestAsyncScorerEvaluateDoesNoIO is the fix: the hot path formats a line
// and tries a channel send; the background writer does the I/O.
func TestAsyncScorerEvaluateDoesNoIO(t *testing.T) {
	s, err := scorer.NewAsyncScorer(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	hotcheck.NoBlockingIO(t, func() { s.Evaluate(tx) })
}
