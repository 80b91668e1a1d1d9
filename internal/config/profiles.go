package config

import (
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/iohotpath/iohotpath/internal/profiles"
)

// DefaultProfile is the file go build -pgo=auto reads beside a main
// package, and iohotpath by default.
const DefaultProfile = "default.pgo"

// Profiles returns the profiles s names, read once per run: its files, or
// when it names none the DefaultProfile beside each main package of the
// main module (DefaultProfiles); nil when there are none or s turns them
// off. A file that cannot be used is an *Error naming it, which stops the
// run like a bad configuration file.
func (l *Loader) Profiles(s *Settings) (*profiles.Index, error) {
	if s.ProfilesOff {
		return nil, nil
	}
	files := s.Profiles
	if len(files) == 0 {
		l.mainOnce.Do(func() { l.main = findMain(WorkDir()) })
		files = l.main.defaultProfiles()
	}
	if len(files) == 0 {
		return nil, nil
	}
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i] = f
		if a, err := filepath.Abs(f); err == nil {
			abs[i] = a
		}
	}
	return get(&l.profiles, strings.Join(abs, "\n"), func() (*profiles.Index, error) {
		x, err := profiles.Read(abs)
		var pe *profiles.Error
		if errors.As(err, &pe) {
			return nil, &Error{File: pe.File, Key: "profile", Msg: pe.Msg}
		}
		return x, err
	})
}

// defaultProfiles is the DefaultProfile files of the main module, found
// once.
func (m *mainModule) defaultProfiles() []string {
	m.pgoOnce.Do(func() {
		for _, r := range m.roots {
			m.pgo = append(m.pgo, DefaultProfiles(r)...)
		}
	})
	return m.pgo
}

// DefaultProfiles returns the DefaultProfile files in root's tree that sit
// beside a main package, in lexical order, as go build -pgo=auto would
// use them for that package. Directories whose names start with "." or
// "_", and testdata, are not walked: the go command's patterns match no
// package there.
func DefaultProfiles(root string) []string {
	return walkFiles(root,
		func(name string) bool {
			return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata"
		},
		func(path string, d fs.DirEntry) bool {
			return d.Name() == DefaultProfile && d.Type().IsRegular() && isMainDir(filepath.Dir(path))
		})
}

// isMainDir reports whether a non-test Go file of dir is in package main.
func isMainDir(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || e.IsDir() {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.PackageClauseOnly)
		if err == nil {
			return f.Name.Name == "main"
		}
	}
	return false
}
