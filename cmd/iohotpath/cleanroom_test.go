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

// writeFiles writes files below root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDependencyConfigIgnored: the configuration of a dependency outside
// the main module (here a replace ../lib target) is never read: its
// unknown key does not fail the run, its disable does not remove the
// user's finding, and editing it changes nothing; the main module's root
// file applies to it, and editing that is seen. Both engines agree at
// every step (go vet's cache key covers the main module's files only,
// which are all that is read).
func TestDependencyConfigIgnored(t *testing.T) {
	bin := binary(t)
	base := t.TempDir()
	app := filepath.Join(base, "app")
	writeFiles(t, base, map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
		"app/app.go": "package app\n\nimport \"example.com/lib\"\n\n// hotpath\nfunc Handle(b []byte) { lib.Save(b) }\n",
		"lib/go.mod": "module example.com/lib\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nimport \"os\"\n\nfunc Save(b []byte) { os.WriteFile(\"/tmp/x\", b, 0o600) }\n",
	})
	const finding = "app.go:6:25: lib.Save performs blocking file I/O"
	for _, step := range []struct {
		name  string
		files map[string]string
		code  int
	}{
		{"a dependency's disable", map[string]string{"lib/.iohotpath.yml": "disable: [file]\n"}, 3},
		{"a dependency's unknown key", map[string]string{"lib/.iohotpath.yml": "funcz: [x]\n"}, 3},
		{"the main module's disable", map[string]string{"app/.iohotpath.yml": "disable: [file]\n"}, 0},
		{"the main module's file removed", map[string]string{"app/.iohotpath.yml": "\n"}, 3},
	} {
		writeFiles(t, base, step.files)
		var outs []string
		for _, engine := range []string{"-engine=vet", "-engine=inprocess"} {
			out, code := run(t, app, bin, engine, "./...")
			if code != step.code || (code == 3) != strings.Contains(out, finding) {
				t.Errorf("%s, %s: exit code %d, want %d (finding %q)\n%s", step.name, engine, code, step.code, finding, out)
			}
			outs = append(outs, out)
		}
		if outs[0] != outs[1] {
			t.Errorf("%s: the engines disagree:\nvet:\n%s\ninprocess:\n%s", step.name, outs[0], outs[1])
		}
	}
}

// TestFilePatterns: a .go file named on the command line, relative or
// absolute, is analysed with its directory's configuration; outside a
// module the lookup stops at the working directory, so a file planted
// above it is not read.
func TestFilePatterns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs both engines on file patterns: skipped in -short mode")
	}
	bin := binary(t)
	const src = "package p\n\nimport \"log\"\n\n// hotpath\nfunc Handle() { log.Print(\"x\") }\n"
	mod := tempModule(t, map[string]string{"a.go": src, ".iohotpath.yml": "disable: [stdout]\n"})
	top := t.TempDir()
	writeFiles(t, top, map[string]string{".iohotpath.yml": "planted: [x]\n", "work/a.go": src})
	work := filepath.Join(top, "work")
	for _, tc := range []struct{ dir, arg string }{
		{mod, "./a.go"}, {mod, filepath.Join(mod, "a.go")}, {work, "./a.go"}, {work, "a.go"},
	} {
		for _, engine := range []string{"-engine=vet", "-engine=inprocess"} {
			out, code := run(t, tc.dir, bin, engine, tc.arg)
			if code != 3 || !strings.Contains(out, "a.go:6:17: log.Print writes a log line") {
				t.Errorf("iohotpath %s %s in %s: exit code %d, want 3 and the finding\n%s", engine, tc.arg, tc.dir, code, out)
			}
		}
	}
}

// TestTestFalseSkipsTestImports: go vet type-checks _test.go files
// whatever -test says, so with -test=false the auto engine runs in
// process, and a test-only import that does not resolve does not fail a
// run that asked to leave tests out (issue 22, item 15).
func TestTestFalseSkipsTestImports(t *testing.T) {
	bin := binary(t)
	const src = "package p\n\nimport \"log\"\n\n// hotpath\nfunc Handle() { log.Print(\"x\") }\n"
	const test = "package p\n\nimport (\n\t\"testing\"\n\n\t\"example.com/nowhere/helper\"\n)\n\nfunc TestX(t *testing.T) { helper.Do() }\n"
	mod := tempModule(t, map[string]string{"a.go": src, "a_test.go": test})
	out, errOut, code := runEnv(t, mod, []string{"IOHOTPATH_DEBUG_ENGINE=1"}, bin, "-test=false", "./...")
	if code != 3 || !strings.Contains(out+errOut, "a.go:6:17: log.Print writes a log line") {
		t.Errorf("iohotpath -test=false ./...: exit code %d, want 3 and the finding\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "-test=false") {
		t.Errorf("the engine's choice does not name -test=false:\n%s", errOut)
	}
	if _, _, code := runEnv(t, mod, nil, bin, "./..."); code != 1 {
		t.Errorf("iohotpath ./... with an unresolved test import: exit code %d, want 1 (the tests are analysed)", code)
	}
}
