package output

import (
	"bufio"
	"fmt"
	"io"
)

// Text writes r as the go/analysis drivers print it without -json (go vet
// style): a line "analyzer: error" per failed analysis, then
// "file:line:col: message [label]" per diagnostic (Diagnostic.Label: the
// rule, and for hot-io the category of I/O, as -explain and -disable take
// them), each piece of related information on its own line with its
// message indented by a tab. With
// context >= 0 (-c), each line is followed by the source lines from
// context lines before its position to context lines after its end.
func Text(w io.Writer, r *Report, context int) error {
	b := bufio.NewWriter(w)
	for _, e := range r.Errors {
		fmt.Fprintf(b, "%s: %s\n", e.Analyzer, e.Message)
	}
	src := newSources()
	for _, d := range r.Diagnostics {
		textLine(b, src, d.Pos, d.End, d.Message+" ["+d.Label()+"]", context)
		for _, rel := range d.Related {
			textLine(b, src, rel.Pos, rel.End, "\t"+rel.Message, context)
		}
	}
	return b.Flush()
}

// textLine prints one line of the text output, and with context >= 0 the
// source lines around [pos, end].
func textLine(w io.Writer, src *sources, pos, end Position, message string, context int) {
	fmt.Fprintf(w, "%s: %s\n", pos, message)
	for i := pos.Line - context; context >= 0 && i <= max(end.Line, pos.Line)+context; i++ {
		if text, ok := src.line(pos.File, i); ok {
			fmt.Fprintf(w, "%d\t%s\n", i, text)
		}
	}
}
