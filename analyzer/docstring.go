package analyzer

import (
	_ "embed"
	"strings"
)

//go:embed doc.go
var docGo string

// doc is the Analyzer's documentation: the "# Analyzer iohotpath" section
// of the package comment in doc.go, so the two cannot drift apart.
var doc = extractDoc(docGo, "iohotpath")

// extractDoc returns the text of the "# Analyzer name" section of the
// package comment in src, without comment markers. It panics when the
// section is missing: a build that lost its documentation is a bug.
func extractDoc(src, name string) string {
	var lines []string
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break // the end of the package comment
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# ") {
			if in {
				break // the next section
			}
			in = text == "# Analyzer "+name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	doc := strings.TrimSpace(strings.Join(lines, "\n"))
	if doc == "" {
		panic("analyzer: doc.go has no '# Analyzer " + name + "' section")
	}
	return strings.TrimPrefix(doc, name+": ")
}
