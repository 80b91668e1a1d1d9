package driver

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/output"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// carryIOCategory returns run with the I/O category of each hot-io finding
// (rules.IOCategory of its URL) joined to its Category: "hot-io/database".
// The JSON that go vet's tool prints has no URL; under the command's go
// vet (vetFullEnv, which the -V=full answer covers, so a user's own go
// vet never replays this output) the category travels so, and the
// command's merge splits it again (ioCategory): -json prints the rule
// alone, as any driver does.
func carryIOCategory(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if cat := rules.IOCategory(d.URL); cat != "" {
				d.Category += "/" + cat
			}
			report(d)
		}
		return run(pass)
	}
}

// ioCategory undoes carryIOCategory on d.
func ioCategory(d *output.Diagnostic) {
	if rule, cat, ok := strings.Cut(d.Category, "/"); ok {
		d.Category, d.IOCategory = rule, cat
	}
}
