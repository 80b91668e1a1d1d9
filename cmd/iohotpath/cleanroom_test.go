package main_test

// Tests of issue 22: what a new user hits first, through the built command.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lineDirective reopens a file in a loop below a //line directive that
// names another file (%s).
const lineDirective = `package p

import "os"

func Ingest(path string, ids []string) error {
//line %s:1
	for _, id := range ids {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		f.WriteString(id)
		f.Close()
	}
	return nil
}
`

// TestFixEditsThePhysicalFile: -fix and -fix -diff edit the Go file that
// holds the finding, never the file a //line directive names, on both
// engines.
func TestFixEditsThePhysicalFile(t *testing.T) {
	bin := binary(t)
	for _, engine := range []string{"-engine=vet", "-engine=inprocess"} {
		t.Run(engine, func(t *testing.T) {
			victim := filepath.Join(t.TempDir(), "x.txt")
			content := strings.Repeat("not Go, and not to be edited\n", 20)
			if err := os.WriteFile(victim, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			src := strings.Replace(lineDirective, "%s", victim, 1)
			mod := tempModule(t, map[string]string{"a.go": src})

			out, code := run(t, mod, bin, engine, "-fix", "-diff", "./...")
			if code != 0 || !strings.Contains(out, "+++ "+filepath.Join(mod, "a.go")) || strings.Contains(out, victim+" ") {
				t.Errorf("-fix -diff: exit code %d, want 0 and a diff of a.go\n%s", code, out)
			}
			out, code = run(t, mod, bin, engine, "-fix", "./...")
			if code != 0 || !strings.Contains(out, "applied 1 fix in 1 file") {
				t.Errorf("-fix: exit code %d, want 0 and one fix\n%s", code, out)
			}
			if got, _ := os.ReadFile(victim); string(got) != content {
				t.Errorf("-fix edited %s, the file the //line directive names:\n%s", victim, got)
			}
			got, _ := os.ReadFile(filepath.Join(mod, "a.go"))
			if string(got) == src || !strings.Contains(string(got), "\tf.Close()\n\treturn nil") {
				t.Errorf("-fix left a.go without the fix:\n%s", got)
			}
		})
	}
}
