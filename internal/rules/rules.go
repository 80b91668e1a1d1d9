// Package rules names iohotpath's rules. The id of a rule is what
// Diagnostic.Category carries, what -disable accepts and the name of its
// page in docs/rules.
package rules

import "strings"

// Rule ids.
const (
	HotIO        = "hot-io"
	IOUnderLock  = "io-under-lock"
	DeferInLoop  = "defer-in-loop"
	ReopenInLoop = "reopen-in-loop"
	Directive    = "directive"

	// OffPath marks, with -show-offpath only, a blocking call of hot code
	// that an off-path rule of hot-io left out; not a finding.
	OffPath = "off-path"
)

// Rule is one rule: its id and what it reports, in a line.
type Rule struct {
	ID      string
	Summary string
}

// All lists the rules in the order the docs present them.
var All = []Rule{
	{HotIO, "blocking I/O on a hot path"},
	{IOUnderLock, "network, database, process or fsync I/O while a mutex is held"},
	{DeferInLoop, "a defer directly in a loop body runs only when the function returns"},
	{ReopenInLoop, "the same file opened on every iteration of a loop"},
	{Directive, "a malformed, misplaced or stale iohotpath directive"},
}

// Switchable lists the rules that -disable can turn off (hot-io is turned
// off by category, directive problems never).
var Switchable = []string{IOUnderLock, DeferInLoop, ReopenInLoop}

// URL is the page documenting rule id.
func URL(id string) string {
	return "https://github.com/iohotpath/iohotpath/blob/main/docs/rules/" + id + ".md"
}

// IOURL is the documentation of a hot-io finding of I/O category cat (a
// catalogue.Category's name): the rule's page at the category's row, which
// says what -disable takes. It is the diagnostic's URL, where the
// command's output reads the category back (IOCategory): a go/analysis
// diagnostic has no other place for it.
func IOURL(cat string) string { return URL(HotIO) + "#" + cat }

// IOCategory is the category of url when IOURL made it, else "".
func IOCategory(url string) string {
	cat, ok := strings.CutPrefix(url, URL(HotIO)+"#")
	if !ok {
		return ""
	}
	return cat
}
