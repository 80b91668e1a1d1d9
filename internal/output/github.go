package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GitHub writes r as GitHub Actions workflow commands, which the runner
// turns into annotations on the lines of the pull request:
//
//	::warning file=examples/ingest/ingest.go,line=9,col=13,title=iohotpath hot-io/file::(*store.Store).AppendRecord performs …
//
// File names are relative to opts.Root (GitHub resolves them against the
// repository's root). The call chain of a transitive finding follows the
// message, a line per hop. A failed analysis is an ::error.
func GitHub(w io.Writer, r *Report, opts Options) error {
	b := bufio.NewWriter(w)
	for _, e := range r.Errors {
		fmt.Fprintf(b, "::error title=%s::%s\n", escapeProperty(e.Analyzer), escapeData(e.String()))
	}
	if r.Incomplete {
		fmt.Fprintf(b, "::error title=iohotpath::%s\n", escapeData(incompleteMessage))
	}
	for _, d := range r.Diagnostics {
		msg := d.Message
		for _, rel := range d.Related {
			msg += "\n" + relPosition(opts.Root, rel.Pos).String() + ": " + rel.Message
		}
		fmt.Fprintf(b, "::warning file=%s,line=%d,col=%d,title=%s::%s\n",
			escapeProperty(relPosition(opts.Root, d.Pos).File), d.Pos.Line, d.Pos.Column,
			escapeProperty(d.Analyzer+" "+d.Label()), escapeData(msg))
	}
	return b.Flush()
}

// escapeData escapes the message of a workflow command as the Actions
// toolkit does (@actions/core, command.ts: escapeData).
var escapeData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// escapeProperty escapes a property value of a workflow command, where ':'
// and ',' are separators (command.ts: escapeProperty).
var escapeProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
