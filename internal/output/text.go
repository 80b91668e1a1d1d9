package output

import (
	"bufio"
	"fmt"
	"io"
)

// Text writes r as the go/analysis drivers print it without -json (go vet
// style): "file:line:col: message", each piece of related information on
// its own line with its message indented by a tab, and a line
// "analyzer: error" per failed analysis.
func Text(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	for _, e := range r.Errors {
		fmt.Fprintf(b, "%s: %s\n", e.Analyzer, e.Message)
	}
	for _, d := range r.Diagnostics {
		fmt.Fprintf(b, "%s: %s\n", d.Pos, d.Message)
		for _, rel := range d.Related {
			fmt.Fprintf(b, "%s: \t%s\n", rel.Pos, rel.Message)
		}
	}
	return b.Flush()
}
