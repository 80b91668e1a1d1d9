package driver

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/iohotpath/iohotpath/internal/config"
)

// checkConfig loads the configuration of every directory the patterns
// name, as the analyzer will in each package, and returns the problems,
// each once: the go command would otherwise start and every package would
// fail with the same message. With -config that file alone is checked.
//
// Directories come from the patterns themselves, not from the go command
// (asking it costs as much as a cached run): a relative or absolute
// pattern names its directory, and "dir/..." every directory below it
// where the go command would look for packages. Packages named by import
// path are checked when they are analysed.
func checkConfig(c *command, dir string) []string {
	loader := preflightLoader(c)

	dirs := []string{dir}
	if c.configFile == "" {
		for _, p := range c.patterns {
			dirs = append(dirs, patternDirs(dir, p)...)
		}
	}
	var problems []string
	for _, d := range dirs {
		if _, err := loader.For(d, false); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !slices.Contains(problems, line) {
					problems = append(problems, line)
				}
			}
		}
	}
	return problems
}

// preflightLoader is a Loader with c's analyzer flags, as the tool side
// will see them.
func preflightLoader(c *command) *config.Loader {
	flags := new(config.Flags)
	fset := flag.NewFlagSet("config", flag.ContinueOnError)
	flags.Register(fset)
	for _, arg := range c.toolArgs {
		name, value, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
		if fset.Lookup(name) != nil {
			fset.Set(name, value) // validated already, by the analyzer's own flag
		}
	}
	return config.NewLoader(config.Config{}, true, flags)
}

// checkProfiles reads the profiles the packages in dir would read, and
// returns what is wrong with them: before go vet runs, so that a bad
// profile is one line naming its file rather than a line per unit that
// go vet rewrites. (The in-process engine reads them once anyway.)
func checkProfiles(c *command, dir string) error {
	loader := preflightLoader(c)
	s, err := loader.For(dir, false)
	if err != nil {
		return nil // checkConfig has said so
	}
	_, err = loader.Profiles(s)
	return err
}

// patternDirs returns the directories where the configuration of the
// packages that pattern p matches is looked up: p's directory, and for
// "dir/..." also every directory below dir that holds a configuration
// file, skipping what the go command skips (testdata, names starting with
// "." or "_", vendor, nested modules).
func patternDirs(dir, p string) []string {
	if !isLocal(p) {
		return nil
	}
	i := strings.Index(p, "...")
	if i < 0 {
		d := abs(dir, p)
		if info, err := os.Stat(d); err == nil && !info.IsDir() {
			d = filepath.Dir(d) // a file, iohotpath ./a.go: its package is its directory's
		}
		return []string{d}
	}
	base := p[:i]
	if !strings.HasSuffix(base, "/") {
		base = filepath.Dir(base)
	}
	base = abs(dir, base)
	dirs := []string{base}
	filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || !d.IsDir():
			return nil
		case path == base:
		case d.Name() == "testdata" || d.Name() == "vendor" ||
			strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_"):
			return fs.SkipDir
		case exists(filepath.Join(path, "go.mod")):
			return fs.SkipDir
		}
		if _, err := os.Lstat(filepath.Join(path, config.FileName)); err == nil {
			dirs = append(dirs, path)
		}
		return nil
	})
	return dirs
}

// isLocal reports whether pattern p names directories or files rather
// than import paths (a.go is a file, as for the go command).
func isLocal(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p) ||
		strings.HasSuffix(p, ".go")
}

func abs(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
