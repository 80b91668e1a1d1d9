package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// module makes a module in a temporary directory: go.mod at its root and
// the given files, and returns the root. It is the main module of the
// Loaders the test makes (WorkDirEnv).
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	t.Setenv(WorkDirEnv, root)
	files["go.mod"] = "module example.com/m\n"
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// hot returns the -funcs patterns of s.
func hot(s *Settings) string {
	var ps []string
	for _, re := range s.Funcs {
		ps = append(ps, re.String())
	}
	return strings.Join(ps, ",")
}

func settingsFor(t *testing.T, l *Loader, dir string, std bool) *Settings {
	t.Helper()
	s, err := l.For(dir, std)
	if err != nil {
		t.Fatalf("For(%s, %v): %v", dir, std, err)
	}
	return s
}

func TestLoaderPrecedence(t *testing.T) {
	root := module(t, map[string]string{
		FileName:              "funcs: [Root]\nerror-paths: true\n",
		"a/b/x.go":            "package b\n",
		"c/" + FileName:       "funcs: [C]\n",
		"c/d/x.go":            "package d\n",
		"nested/go.mod":       "module example.com/n\n",
		"nested/p/x.go":       "package p\n",
		"other.yml":           "funcs: [Other]\n",
		"outside/" + FileName: "funcs: [Outside]\n",
	})
	base := Config{Funcs: []string{"Base"}}

	t.Run("discovery merges the files from the module root down", func(t *testing.T) {
		l := NewLoader(base, true, nil)
		if got := hot(settingsFor(t, l, filepath.Join(root, "a/b"), false)); got != "Root" {
			t.Errorf("a/b: funcs %q, want the root file's", got)
		}
		s := settingsFor(t, l, filepath.Join(root, "c/d"), false)
		if got := hot(s); got != "Root,C" || !s.ErrorPaths {
			t.Errorf("c/d: funcs %q, error-paths %v; want the root file's and c's funcs and the root's error-paths", got, s.ErrorPaths)
		}
	})
	t.Run("discovery stops at go.mod", func(t *testing.T) {
		l := NewLoader(base, true, nil)
		if got := hot(settingsFor(t, l, filepath.Join(root, "nested/p"), false)); got != "Base" {
			t.Errorf("nested module: funcs %q, want the base (the outer file is another module's)", got)
		}
	})
	t.Run("no discovery uses the base", func(t *testing.T) {
		l := NewLoader(base, false, nil)
		if got := hot(settingsFor(t, l, filepath.Join(root, "a/b"), false)); got != "Base" {
			t.Errorf("funcs %q, want the base", got)
		}
	})
	t.Run("-config replaces discovery, std ignores files", func(t *testing.T) {
		var f Flags
		newFlagSet(&f).Set("config", filepath.Join(root, "other.yml"))
		l := NewLoader(base, true, &f)
		if got := hot(settingsFor(t, l, filepath.Join(root, "c/d"), false)); got != "Other" {
			t.Errorf("funcs %q, want -config's", got)
		}
		if got := hot(settingsFor(t, l, filepath.Join(root, "c/d"), true)); got != "Base" {
			t.Errorf("std: funcs %q, want the base", got)
		}
	})
	t.Run("a relative -config is made absolute", func(t *testing.T) {
		t.Chdir(root)
		var f Flags
		newFlagSet(&f).Set("config", "other.yml")
		if got := hot(settingsFor(t, NewLoader(base, true, &f), filepath.Join(root, "c/d"), false)); got != "Other" {
			t.Errorf("funcs %q, want -config's", got)
		}
		newFlagSet(&f).Set("config", "missing.yml")
		_, err := NewLoader(base, true, &f).For(filepath.Join(root, "c/d"), false)
		if want := filepath.Join(root, "missing.yml") + ": "; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("missing relative -config: %v, want it to start %q", err, want)
		}
	})
	t.Run("a set flag overrides the file, an unset one does not", func(t *testing.T) {
		var f Flags
		fs := newFlagSet(&f)
		fs.Set("funcs", "Flag")
		l := NewLoader(base, true, &f)
		s := settingsFor(t, l, filepath.Join(root, "a/b"), false)
		if got := hot(s); got != "Flag" || !s.ErrorPaths {
			t.Errorf("funcs %q, error-paths %v: want the flag's funcs and the file's error-paths", got, s.ErrorPaths)
		}
		if got := hot(settingsFor(t, l, filepath.Join(root, "a/b"), true)); got != "Flag" {
			t.Errorf("std: funcs %q, want the flag's", got)
		}
	})
}

// TestLoaderMerge: a nested file adds to its parents' lists, its booleans
// win, and packages with the same chain of files share one result.
func TestLoaderMerge(t *testing.T) {
	root := module(t, map[string]string{
		FileName: "funcs: [Root]\nblocking: [example.com/a.F=log, example.com/a.G]\nnonblocking: [log.Printf]\n" +
			"disable: [stdout]\nerror-paths: true\ninclude-tests: true\n",
		"svc/" + FileName:        "funcs: [Svc]\nblocking: [example.com/a.F=network]\ndisable: [defer-in-loop]\ninclude-tests: false\n",
		"svc/api/x.go":           "package api\n",
		"svc/api/v2/x.go":        "package v2\n",
		"svc/api/v2/" + FileName: "# only comments: the parents' settings\n",
		"other/x.go":             "package other\n",
	})
	l := NewLoader(Config{Funcs: []string{"Base"}}, true, nil)
	s := settingsFor(t, l, filepath.Join(root, "svc/api"), false)
	want := &Settings{
		Funcs:       s.Funcs,
		Blocking:    map[string]catalogue.Category{"example.com/a.F": catalogue.Network, "example.com/a.G": catalogue.File},
		NonBlocking: map[string]bool{"log.Printf": true},
		NoDefer:     true, ErrorPaths: true, IncludeTests: false,
	}
	want.Disabled[catalogue.Stdout] = true
	if hot(s) != "Root,Svc" || !reflect.DeepEqual(s, want) {
		t.Errorf("svc/api: funcs %q, settings %+v;\nwant funcs \"Root,Svc\", settings %+v", hot(s), s, want)
	}
	if v2 := settingsFor(t, l, filepath.Join(root, "svc/api/v2"), false); hot(v2) != "Root,Svc" || !reflect.DeepEqual(v2, want) {
		t.Errorf("svc/api/v2 (a file with only comments): funcs %q, settings %+v; want svc/api's", hot(v2), v2)
	}
	other := settingsFor(t, l, filepath.Join(root, "other"), false)
	if hot(other) != "Root" || !other.IncludeTests || other.NoDefer {
		t.Errorf("other: funcs %q, include-tests %v, defer-in-loop off %v; want the root file alone", hot(other), other.IncludeTests, other.NoDefer)
	}
	if again := settingsFor(t, l, filepath.Join(root, "svc"), false); again != s {
		t.Errorf("svc and svc/api have the same files but not the same settings (%p, %p)", again, s)
	}

	var f Flags
	newFlagSet(&f).Set("funcs", "Flag")
	newFlagSet(&f).Set("include-tests", "true")
	s = settingsFor(t, NewLoader(Config{}, true, &f), filepath.Join(root, "svc/api"), false)
	if hot(s) != "Flag" || !s.IncludeTests || !s.NoDefer {
		t.Errorf("flags over merged files: funcs %q, include-tests %v, defer-in-loop off %v; want the flags' and the files' disable", hot(s), s.IncludeTests, s.NoDefer)
	}
}

// TestLoaderMergeErrors: each problem names the file it is in, and the
// line; the problems of every file of a package's chain come at once.
func TestLoaderMergeErrors(t *testing.T) {
	root := module(t, map[string]string{
		FileName:                 "funcs: [Root]\n",
		"good/x.go":              "package good\n",
		"bad/" + FileName:        "funcs:\n  - \"(\"\n",
		"bad/x.go":               "package bad\n",
		"bad/deeper/" + FileName: "funcs: [1]\n",
		"bad/deeper/x.go":        "package deeper\n",
	})
	l := NewLoader(Config{}, true, nil)
	if got := hot(settingsFor(t, l, filepath.Join(root, "good"), false)); got != "Root" {
		t.Errorf("good: funcs %q, want the root file's: a bad sibling file does not matter", got)
	}
	bad, deeper := filepath.Join(root, "bad", FileName), filepath.Join(root, "bad/deeper", FileName)
	for dir, want := range map[string]string{
		"bad": bad + ":2: funcs: bad regular expression \"(\": missing closing ): `(`",
		"bad/deeper": bad + ":2: funcs: bad regular expression \"(\": missing closing ): `(`" + "\n" +
			deeper + `:1: funcs: item 1 is a number, want a string (quote it: "1")`,
	} {
		_, err := l.For(filepath.Join(root, dir), false)
		if err == nil || err.Error() != want || !IsError(err) {
			t.Errorf("%s: error\n%v\nwant\n%s", dir, err, want)
		}
	}
}

// TestLoaderNotAFile: a directory named .iohotpath.yml is an error, not a
// missing file.
func TestLoaderNotAFile(t *testing.T) {
	root := module(t, map[string]string{"p/" + FileName + "/x": "", "p/x.go": "package p\n"})
	_, err := NewLoader(Config{}, true, nil).For(filepath.Join(root, "p"), false)
	if want := filepath.Join(root, "p", FileName) + ": cannot read configuration: not a regular file (a directory)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestLoaderErrors(t *testing.T) {
	root := module(t, map[string]string{FileName: "funcs: [ok]\nfuncz: [x]\n", "p/x.go": "package p\n"})
	dir := filepath.Join(root, "p")

	l := NewLoader(Config{}, true, nil)
	_, err := l.For(dir, false)
	if want := filepath.Join(root, FileName) + ":2: funcz: unknown key"; err == nil || !strings.Contains(err.Error(), want) || !IsError(err) {
		t.Errorf("bad file: %v, want %q", err, want)
	}
	if _, err := l.For(dir, true); err != nil {
		t.Errorf("std package with a bad file around: %v", err)
	}

	var f Flags
	fs := newFlagSet(&f)
	fs.Set("funcs", "(")
	_, err = NewLoader(Config{}, true, &f).For(dir, false)
	if err == nil || !strings.HasPrefix(err.Error(), "invalid flag: funcs: bad regular expression") {
		t.Errorf("bad flag and bad file: %v, want the flag's error first", err)
	}

	var g Flags
	missing := filepath.Join(t.TempDir(), "missing.yml")
	newFlagSet(&g).Set("config", missing)
	_, err = NewLoader(Config{}, true, &g).For(dir, false)
	if want := missing + ": cannot read configuration: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("missing -config: %v, want %q", err, want)
	}
}

// TestLoaderConcurrent: many packages ask at once and share one result per
// file (run with -race).
func TestLoaderConcurrent(t *testing.T) {
	root := module(t, map[string]string{FileName: "funcs: [Root]\n", "a/x.go": "", "b/x.go": ""})
	l := NewLoader(Config{}, true, nil)
	results := make([]*Settings, 32)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			dir := filepath.Join(root, []string{"a", "b"}[i%2])
			results[i], _ = l.For(dir, false)
		})
	}
	wg.Wait()
	for i, s := range results {
		if s == nil || s != results[0] {
			t.Fatalf("result %d = %p, want the one shared result %p", i, s, results[0])
		}
	}
}

// TestLoaderFileTooLarge: a configuration file beyond MaxFileSize is an
// error naming the file and the limit, found without parsing it.
func TestLoaderFileTooLarge(t *testing.T) {
	big := "funcs:\n" + strings.Repeat("  - 'F'\n", MaxFileSize/8+1)
	root := module(t, map[string]string{FileName: big, "p/x.go": "package p\n"})
	_, err := NewLoader(Config{}, true, nil).For(filepath.Join(root, "p"), false)
	if want := filepath.Join(root, FileName) + ": configuration larger than 1024 KiB"; err == nil || !strings.HasPrefix(err.Error(), want) || !IsError(err) {
		t.Errorf("error %v, want %q", err, want)
	}
}
