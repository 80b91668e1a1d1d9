package main_test

// Tests of the engines (internal/driver): go vet and its build cache, and
// the in-process engine, through the built command and through a user's
// own go vet -vettool.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runEnv runs name with args in dir, with env added to the process's, and
// returns its standard output, its standard error and its exit code.
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), errOut.String(), code
}

// handler is hot only when the configuration says so. It imports nothing,
// so that go vet, which analyses every dependency again whenever the
// configuration changes, has one package to analyse per run.
const handler = `package p

// slow stands for a call that blocks.
//
//iohotpath:blocking
func slow() {}

func Handle() { slow() }
`

// TestConfigChangeIsSeen is issue 15's sequence: the go command's build
// cache is keyed by the tool's -V=full answer, which covers every
// .iohotpath.yml of the module, so editing, adding or removing one is
// never answered with the results of the old configuration, through the
// command on either engine and through a user's own go vet. (Each step
// alternates, so a replayed result fails the next one.)
func TestConfigChangeIsSeen(t *testing.T) {
	bin := binary(t)
	frontEnds := []struct {
		name string
		cmd  []string
		code int // the exit code with a finding
	}{
		{"iohotpath -engine=vet", []string{bin, "-engine=vet", "./..."}, 3},
		{"go vet -vettool", []string{"go", "vet", "-vettool=" + bin, "./..."}, 1},
		// With the package compiled, auto picks go vet (asserted below).
		{"iohotpath", []string{bin, "./..."}, 3},
	}
	for _, fe := range frontEnds {
		t.Run(fe.name, func(t *testing.T) {
			mod := tempModule(t, map[string]string{"p/p.go": handler})
			if out, code := run(t, mod, "go", "build", "./..."); code != 0 {
				t.Fatalf("go build: %s", out)
			}
			root, nested := filepath.Join(mod, ".iohotpath.yml"), filepath.Join(mod, "p", ".iohotpath.yml")
			for i, step := range []struct {
				what     string
				do       func() error
				findings int
			}{
				{"funcs: [Handle]", func() error { return os.WriteFile(root, []byte("funcs: [Handle]\n"), 0o644) }, 1},
				{"funcs: [Other]", func() error { return os.WriteFile(root, []byte("funcs: [Other]\n"), 0o644) }, 0},
				{"funcs: [Handle] in p/", func() error { return os.WriteFile(nested, []byte("funcs: [Handle]\n"), 0o644) }, 1},
				{"p/.iohotpath.yml removed", func() error { return os.Remove(nested) }, 0},
				{"root file removed, then funcs: [Handle] back", func() error {
					os.Remove(root)
					return os.WriteFile(root, []byte("funcs: [Handle]\n"), 0o644)
				}, 1},
			} {
				if err := step.do(); err != nil {
					t.Fatal(err)
				}
				stdout, stderr, code := runEnv(t, mod, []string{"IOHOTPATH_DEBUG_ENGINE=1"}, fe.cmd[0], fe.cmd[1:]...)
				out := stdout + stderr
				got := findings(mod, out)
				wantCode := 0
				if step.findings > 0 {
					wantCode = fe.code
				}
				if len(got) != step.findings || code != wantCode {
					t.Errorf("step %d (%s): %d findings, exit code %d; want %d and %d\n%s",
						i+1, step.what, len(got), code, step.findings, wantCode, out)
				}
				if fe.cmd[0] == bin && !strings.Contains(stderr, "iohotpath: engine vet ") {
					t.Errorf("step %d (%s) did not run on go vet:\n%s", i+1, step.what, stderr)
				}
			}
		})
	}
}

// TestConfigFlagChangeIsSeen: the file -config names is part of the key
// too; the command hands it to go vet's -V=full through the environment.
func TestConfigFlagChangeIsSeen(t *testing.T) {
	bin := binary(t)
	mod := tempModule(t, map[string]string{"p/p.go": handler})
	config := filepath.Join(t.TempDir(), "lint.yml")
	for i, step := range []struct {
		content  string
		findings int
	}{
		{"funcs: [Handle]\n", 1},
		{"funcs: [Other]\n", 0},
		{"funcs: [Handle]\n", 1},
	} {
		if err := os.WriteFile(config, []byte(step.content), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, _ := runEnv(t, mod, nil, bin, "-engine=vet", "-config="+config, "./...")
		if got := findings(mod, stdout+stderr); len(got) != step.findings {
			t.Errorf("step %d (%s): %d findings, want %d\n%s", i+1, step.content, len(got), step.findings, stdout+stderr)
		}
	}
}

// withTests is a module whose findings come from a package, its _test.go
// files, an external test package and call chains across packages. It
// imports nothing from the standard library, so that go vet has three
// packages to analyse.
var withTests = map[string]string{
	"lib/lib.go": `package lib

// Save stores b through a helper.
func Save(b []byte) { write(b) }

// write stands for a call that blocks.
//
//iohotpath:blocking
func write(b []byte) {}

// Close releases what Save holds.
func Close() {}
`,
	"app/app.go": `package app

import "example.com/tmp/lib"

// hotpath
func Handle(b []byte) { lib.Save(b) }

// Process is not hot itself.
func Process(b []byte) { lib.Save(b) }
`,
	"app/app_test.go": `package app

import "example.com/tmp/lib"

// hotpath
func helper() { lib.Save(nil) }

func drain(names []string) {
	for range names {
		defer lib.Close()
	}
}
`,
	"app/ext_test.go": `package app_test

import "example.com/tmp/app"

// hotpath
func extHot() { app.Process(nil) }
`,
}

// TestEnginesAgree: go vet and the in-process engine print the same text
// output and the same -json tree, with the same exit codes, whatever the
// packages hold (tests, chains across packages, nothing, type errors).
func TestEnginesAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs both engines on real modules: skipped in -short mode")
	}
	binary(t)
	tests := tempModule(t, withTests)
	for _, tc := range []struct {
		name     string
		dir      string
		args     []string
		findings int
		text     int // exit code of the text output; -json exits 0, or 1 as text does
		sameText bool
	}{
		{"findings", testdataDir(t, "mod"), []string{"./..."}, 4, 3, true},
		{"none", testdataDir(t, "mod"), []string{"./clean"}, 0, 0, true},
		{"tests", tests, []string{"-include-tests", "./..."}, 4, 3, true},
		{"no tests", tests, []string{"-include-tests", "-test=false", "./..."}, 1, 3, true},
		{"context", tests, []string{"-include-tests", "-c=1", "./app"}, 4, 3, true},
		// The one "finding" is the compiler's error, which the go command
		// and go/packages word differently.
		{"type errors", testdataDir(t, "broken"), []string{"./..."}, 1, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type out struct {
				stdout, stderr string
				code           int
			}
			var text, js [2]out
			for i, engine := range []string{"-engine=vet", "-engine=inprocess"} {
				args := append([]string{engine}, tc.args...)
				o, e, c := runEnv(t, tc.dir, nil, binary(t), args...)
				text[i] = out{o, e, c}
				o, e, c = runEnv(t, tc.dir, nil, binary(t), append([]string{"-json"}, args...)...)
				js[i] = out{o, e, c}
			}
			for i, engine := range []string{"vet", "inprocess"} {
				if text[i].code != tc.text {
					t.Errorf("-engine=%s: exit code %d, want %d\n%s", engine, text[i].code, tc.text, text[i].stderr)
				}
				wantJSON := 0
				if tc.text == 1 {
					wantJSON = 1
				}
				if js[i].code != wantJSON {
					t.Errorf("-engine=%s -json: exit code %d, want %d\n%s", engine, js[i].code, wantJSON, js[i].stderr)
				}
			}
			if tc.sameText && text[0] != text[1] {
				t.Errorf("text output differs:\nvet:\n%s%s\ninprocess:\n%s%s", text[0].stdout, text[0].stderr, text[1].stdout, text[1].stderr)
			}
			a, b := findings(tc.dir, text[0].stderr), findings(tc.dir, text[1].stderr)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("findings differ:\nvet:\n%s\ninprocess:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			if len(a) != tc.findings {
				t.Errorf("%d findings, want %d:\n%s", len(a), tc.findings, strings.Join(a, "\n"))
			}
			if js[0].stdout != js[1].stdout {
				t.Errorf("-json differs:\nvet:\n%s\ninprocess:\n%s", js[0].stdout, js[1].stdout)
			}
			want := 0
			if tc.text == 3 {
				want = tc.findings
			}
			if n := strings.Count(js[0].stdout, `"category"`); n != want {
				t.Errorf("-json has %d findings, want %d:\n%s", n, want, js[0].stdout)
			}
		})
	}
}
