package config

import (
	"os"
	"path/filepath"
	"sync"
)

// Loader gives each package its settings: the base configuration or a
// configuration file, overridden by the flags that were set explicitly.
// It is safe for concurrent use by the packages of a run, and compiles
// each file once.
type Loader struct {
	base     Config
	discover bool
	flags    *Flags // may be nil

	dirs  sync.Map // package directory -> configuration file ("" for none)
	files sync.Map // configuration file ("" for base) -> *loaded
}

type loaded struct {
	once sync.Once
	s    *Settings
	err  error
}

// NewLoader returns a Loader that starts from base and, when discover is
// set, from the nearest .iohotpath.yml instead. flags, when not nil, must
// have been registered; -config and explicitly set flags take precedence.
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
		return nil, err // before the file's: a bad flag fails before anything loads
	}
	file := ""
	switch {
	case std:
	case l.flags != nil && l.flags.config != "":
		abs, err := filepath.Abs(l.flags.config)
		if err != nil {
			return nil, &Error{File: l.flags.config, Msg: err.Error()}
		}
		file = abs
	case l.discover && dir != "":
		file = l.fileFor(dir)
	}
	v, _ := l.files.LoadOrStore(file, &loaded{})
	ld := v.(*loaded)
	ld.once.Do(func() { ld.s, ld.err = l.compile(file) })
	return ld.s, ld.err
}

// compile reads file (when not "") in place of the base configuration and
// applies the flags.
func (l *Loader) compile(file string) (*Settings, error) {
	cfg := l.base
	if file != "" {
		var err error
		if cfg, err = loadFile(file); err != nil {
			return nil, err
		}
	}
	l.flags.override(&cfg)
	return cfg.compile(file, nil)
}

func (l *Loader) fileFor(dir string) string {
	if v, ok := l.dirs.Load(dir); ok {
		return v.(string)
	}
	f := findFile(dir)
	l.dirs.Store(dir, f)
	return f
}

// findFile walks up from dir to the module root (the first directory
// holding go.mod) and returns the nearest .iohotpath.yml, or "".
func findFile(dir string) string {
	for {
		candidate := filepath.Join(dir, FileName)
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
