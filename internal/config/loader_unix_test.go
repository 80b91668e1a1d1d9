//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// forWithin is l.For(dir, false), failing the test instead of hanging
// when it does not return: reading a named pipe waits for a writer.
func forWithin(t *testing.T, l *Loader, dir string) (*Settings, error) {
	t.Helper()
	type result struct {
		s   *Settings
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := l.For(dir, false)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("For(%s) did not return: it is reading a file that never ends", dir)
		return nil, nil
	}
}

// TestLoaderSpecialFiles: a named pipe, a dangling link and a link loop
// named .iohotpath.yml are errors naming the file, found without opening
// it; a link to a regular file is read.
func TestLoaderSpecialFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
		want string // after "<path>: "
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) },
			"cannot read configuration: not a regular file (a named pipe)"},
		{"dangling link", func(p string) error { return os.Symlink("gone.yml", p) },
			`cannot read configuration: dangling symbolic link to "gone.yml"`},
		{"link loop", func(p string) error { return os.Symlink(FileName, p) },
			"cannot read configuration: too many levels of symbolic links"},
		{"link to a directory", func(p string) error { return os.Symlink(".", p) },
			"cannot read configuration: not a regular file (a directory)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := module(t, map[string]string{FileName: "funcs: [Root]\n", "p/x.go": "package p\n"})
			path := filepath.Join(root, "p", FileName)
			if err := tc.make(path); err != nil {
				t.Fatal(err)
			}
			_, err := forWithin(t, NewLoader(Config{}, true, nil), filepath.Join(root, "p"))
			if want := path + ": " + tc.want; err == nil || err.Error() != want || !IsError(err) {
				t.Errorf("error %v, want %q", err, want)
			}

			var f Flags // the same through -config
			newFlagSet(&f).Set("config", path)
			_, err = forWithin(t, NewLoader(Config{}, true, &f), filepath.Join(root, "p"))
			if want := path + ": " + tc.want; err == nil || err.Error() != want {
				t.Errorf("-config: error %v, want %q", err, want)
			}
		})
	}

	t.Run("link to a file", func(t *testing.T) {
		root := module(t, map[string]string{"shared.yml": "funcs: [Shared]\n", "p/x.go": "package p\n"})
		if err := os.Symlink(filepath.Join("..", "shared.yml"), filepath.Join(root, "p", FileName)); err != nil {
			t.Fatal(err)
		}
		s, err := forWithin(t, NewLoader(Config{}, true, nil), filepath.Join(root, "p"))
		if err != nil {
			t.Fatal(err)
		}
		if hot(s) != "Shared" {
			t.Errorf("funcs %q, want the linked file's", hot(s))
		}
	})
}
