package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// oneper returns the findings with one diagnostic per call site: a
// loop-hygiene finding on a call that hot-io or io-under-lock already
// reports (the os.OpenFile of a hot loop is also reopened on every
// iteration) is folded into that diagnostic, which says what else applies
// and carries its suggested fix.
func oneper(primary, hygiene []analysis.Diagnostic) []analysis.Diagnostic {
	at := map[token.Pos]int{}
	for i, d := range primary {
		if _, seen := at[d.Pos]; !seen {
			at[d.Pos] = i
		}
	}
	out := primary
	for _, h := range hygiene {
		i, ok := at[h.Pos]
		if !ok {
			out = append(out, h)
			continue
		}
		d := &out[i]
		d.Message += " (also " + h.Category + ": " + h.Message + ")"
		d.SuggestedFixes = append(d.SuggestedFixes, h.SuggestedFixes...)
	}
	return out
}
