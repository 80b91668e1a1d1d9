// Package rules holds the rule pages of this directory, embedded, for
// iohotpath -explain: the pages stay where readers and Diagnostic URLs
// find them (docs/rules/ID.md), and the command prints the same bytes.
// go:embed reaches only into its package's directory, so the package
// lives beside the pages rather than with internal/rules.
package rules

import (
	"embed"
	"io/fs"
)

//go:embed *.md
var pages embed.FS

// Page returns the Markdown page of rule id (internal/rules), and whether
// there is one.
func Page(id string) (string, bool) {
	data, err := fs.ReadFile(pages, id+".md")
	if err != nil {
		return "", false
	}
	return string(data), true
}
