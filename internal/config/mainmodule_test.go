package config

import (
	"os"
	"path/filepath"
	"testing"
)

// write writes files below root.
func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoaderMainModuleOnly: only the main module's files are read. A
// dependency elsewhere (a replace target, the module cache, vendored code)
// gets the main module root's file: its own unknown key does not fail the
// run, its own disable does not turn off the user's findings.
func TestLoaderMainModuleOnly(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("GOMODCACHE", cache)
	lib := t.TempDir()
	write(t, lib, map[string]string{"go.mod": "module example.com/lib\n", FileName: "disable: [file]\nfuncz: [x]\n", "x.go": "package lib\n"})
	cached := filepath.Join(cache, "example.com", "dep@v1.0.0")
	write(t, cached, map[string]string{"go.mod": "module example.com/dep\n", FileName: "nosuchkey: 1\n", "x.go": "package dep\n"})
	root := module(t, map[string]string{
		FileName:                           "funcs: [Root]\n",
		"p/" + FileName:                    "funcs: [P]\n",
		"p/x.go":                           "package p\n",
		"vendor/example.com/v/x.go":        "package v\n",
		"vendor/example.com/v/" + FileName: "disable: [log]\n",
	})
	l := NewLoader(Config{}, true, nil)
	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(root, "p"), "Root,P"},
		{lib, "Root"},
		{cached, "Root"},
		{filepath.Join(root, "vendor/example.com/v"), "Root"},
	} {
		s := settingsFor(t, l, tc.dir, false)
		if got := hot(s); got != tc.want || s.DisablesAnything() {
			t.Errorf("%s: funcs %q, disables anything %v; want funcs %q and nothing disabled", tc.dir, got, s.DisablesAnything(), tc.want)
		}
	}

	t.Run("a user's go vet in a dependency's directory", func(t *testing.T) {
		t.Setenv(WorkDirEnv, cached) // the tool's working directory, no command around it
		s := settingsFor(t, NewLoader(Config{}, true, nil), cached, false)
		if got := hot(s); got != "" {
			t.Errorf("funcs %q, want none: a module in the module cache is never the main module", got)
		}
	})
}

// TestLoaderOutsideModule: outside a module the lookup stops at the
// directory the run started in: a file planted above it is not read.
func TestLoaderOutsideModule(t *testing.T) {
	top := t.TempDir()
	write(t, top, map[string]string{FileName: "funcs: [Planted]\nbad key: 1\n", "work/" + FileName: "funcs: [Work]\n", "work/p/x.go": "package p\n"})
	work := filepath.Join(top, "work")
	t.Setenv(WorkDirEnv, work)
	s := settingsFor(t, NewLoader(Config{}, true, nil), filepath.Join(work, "p"), false)
	if got := hot(s); got != "Work" {
		t.Errorf("funcs %q, want the working directory's file only", got)
	}
	before := Fingerprint(work, "")
	write(t, top, map[string]string{FileName: "funcs: [Other]\n"})
	if Fingerprint(work, "") != before {
		t.Errorf("the fingerprint covers a file above the working directory, which is never read")
	}
}
