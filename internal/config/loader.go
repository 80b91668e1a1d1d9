package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Loader gives each package its settings: the base configuration, or the
// .iohotpath.yml files from the package's module root down to its
// directory merged into one, overridden by the flags that were set
// explicitly. Files are read in the main module only (the module of the
// directory the run started in, see WorkDir; every module of a go.work):
// a package outside its directory tree (the module cache, a replace
// target elsewhere, vendored code) gets the main module root's file, so a
// dependency's own configuration can neither fail the run nor turn off
// what the user asked for. It is safe for concurrent use by the packages of a run, and
// reads each file and compiles each chain of files once.
//
// Files merge from the module root down: list options concatenate (so a
// nested file adds hot functions, blocking and trusted calls and disabled
// categories to its parents'), and a boolean set in a nearer file wins.
type Loader struct {
	base     Config
	discover bool
	flags    *Flags // may be nil

	mainOnce sync.Once
	main     *mainModule // found on first use, from WorkDir

	chains   sync.Map // package directory -> []string, its files from the module root down
	files    sync.Map // file -> *once[*fileConfig]
	settings sync.Map // chain of files joined by "\n" ("" for the base) -> *once[*Settings]
	profiles sync.Map // profile files joined by "\n" -> *once[*profiles.Index]
}

// once is a result computed once, whoever asks first.
type once[T any] struct {
	sync.Once
	v   T
	err error
}

// get returns the result stored under key in m, computing it with f the
// first time.
func get[T any](m *sync.Map, key string, f func() (T, error)) (T, error) {
	v, _ := m.LoadOrStore(key, &once[T]{})
	o := v.(*once[T])
	o.Do(func() { o.v, o.err = f() })
	return o.v, o.err
}

// NewLoader returns a Loader that starts from base and, when discover is
// set, from the .iohotpath.yml files around each package instead. flags,
// when not nil, must have been registered; -config and explicitly set flags
// take precedence.
func NewLoader(base Config, discover bool, flags *Flags) *Loader {
	return &Loader{base: base, discover: discover, flags: flags}
}

// For returns the settings of the package in directory dir. std marks a
// standard-library package: flags alone apply to it, because those export
// no facts and are hardly ever what a configuration file is about, and a
// -config that go vet resolves per package directory should not fail once
// for every one of them.
func (l *Loader) For(dir string, std bool) (*Settings, error) {
	if err := l.flags.Err(); err != nil {
		return nil, err // before the files': a bad flag fails before anything loads
	}
	files, err := l.filesOf(dir, std)
	if err != nil {
		return nil, err
	}
	return get(&l.settings, strings.Join(files, "\n"), func() (*Settings, error) { return l.compile(files) })
}

// filesOf returns the configuration files of the package in dir, from the
// module root down: the -config file, its chain of .iohotpath.yml files,
// or none.
func (l *Loader) filesOf(dir string, std bool) ([]string, error) {
	switch {
	case std:
	case l.flags != nil && l.flags.config != "":
		abs, err := filepath.Abs(l.flags.config)
		if err != nil {
			return nil, &Error{File: l.flags.config, Msg: err.Error()}
		}
		return []string{abs}, nil // in place of every .iohotpath.yml
	case l.discover && dir != "":
		files, _ := get(&l.chains, dir, func() ([]string, error) { return l.chain(dir), nil })
		return files, nil
	}
	return nil, nil
}

// compile merges files (when there are any) in place of the base
// configuration, applies the flags and compiles the result. The problems of
// every file are reported at once, each naming its own file.
func (l *Loader) compile(files []string) (*Settings, error) {
	cfg := l.base
	if len(files) > 0 {
		parsed := make([]*fileConfig, len(files))
		var errs []error
		for i, name := range files {
			var err error
			if parsed[i], err = get(&l.files, name, func() (*fileConfig, error) { return loadFile(name) }); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		cfg = merge(parsed)
	}
	l.flags.override(&cfg)
	return cfg.Compile() // every item was validated with its file or flag
}

// merge is the configuration of files, given from the module root down:
// lists concatenate, and the nearest file that sets a boolean wins.
func merge(files []*fileConfig) Config {
	var c Config
	for _, f := range files {
		for i := range Options {
			if o := &Options[i]; f.set[o.Key] {
				o.merge(&c, &f.cfg)
			}
		}
	}
	return c
}

// chain returns the configuration files of the package in dir: in the
// main module, the files from its module root down to dir (findFiles);
// elsewhere the main module root's file alone.
func (l *Loader) chain(dir string) []string {
	l.mainOnce.Do(func() { l.main = findMain(WorkDir()) })
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if root := l.main.rootOf(dir); root != "" {
		return findFiles(dir, root)
	}
	if l.main.file != "" && present(l.main.file) {
		return []string{l.main.file}
	}
	return nil
}

// findFiles returns the .iohotpath.yml files from the module root (the
// first directory up from dir that holds go.mod, and never above top) down
// to dir. Anything with that name counts, a dangling link or a directory
// included, so that reading it says what is wrong rather than the file
// being skipped.
func findFiles(dir, top string) []string {
	var files []string
	for {
		candidate := filepath.Join(dir, FileName)
		if present(candidate) {
			files = append(files, candidate)
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil || dir == top {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	slices.Reverse(files)
	return files
}

// present reports whether something named path exists, a dangling link
// included.
func present(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}
