package driver

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/analyzer"
)

// protocolFlags are the flags of go vet's protocol that the command
// answers as a vet tool (IsTool) rather than through its flag set.
var protocolFlags = []string{"V", "flags"}

// TestREADMEFlags: every flag the command accepts has a row in a table of
// README.md's Flags section, and every row there names a flag it accepts.
func TestREADMEFlags(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := readmeFlags(t, string(data))

	c := &command{analyzer: analyzer.NewCommand(), context: -1, test: true, engine: Auto}
	var accepted []string
	c.flagSet(t.TempDir()).VisitAll(func(f *flag.Flag) { accepted = append(accepted, f.Name) })
	for _, name := range protocolFlags {
		if !IsTool([]string{"-" + name + "=full"}) && !IsTool([]string{"-" + name}) {
			t.Errorf("-%s: IsTool does not take it for go vet's protocol", name)
		}
	}
	accepted = append(accepted, protocolFlags...)
	accepted = append(accepted, "help", "h") // package flag answers them with ErrHelp

	for _, name := range accepted {
		if !documented[name] {
			t.Errorf("-%s is accepted but has no row in README.md's flags tables", name)
		}
	}
	for name := range documented {
		if !slices.Contains(accepted, name) {
			t.Errorf("README.md's flags tables list -%s, which the command does not accept", name)
		}
	}
}

// readmeFlags are the flags named in the first column of the tables of
// README's "## Flags" section: every `-name` in it, so that one row may
// name several (`-tags`, `-mod`, `-modfile`).
func readmeFlags(t *testing.T, readme string) map[string]bool {
	_, section, ok := strings.Cut(readme, "\n## Flags\n")
	if !ok {
		t.Fatal(`README.md has no "## Flags" section`)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	name := regexp.MustCompile("`-([A-Za-z][-A-Za-z0-9]*)")
	flags := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.HasPrefix(line, "|") {
			continue
		}
		for _, m := range name.FindAllStringSubmatch(cells[1], -1) {
			flags[m[1]] = true
		}
	}
	if len(flags) == 0 {
		t.Fatal("README.md's Flags section has no table rows")
	}
	return flags
}
