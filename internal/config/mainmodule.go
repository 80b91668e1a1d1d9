package config

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// WorkDirEnv names the directory a run started in, whose module is the
// main module: the command sets it for the go vet it runs, whose tool
// processes start in each package's directory. Unset, the working
// directory is used.
const WorkDirEnv = "IOHOTPATH_WORKDIR"

// WorkDir is the directory a run started in: $IOHOTPATH_WORKDIR, else the
// working directory.
func WorkDir() string {
	if d := os.Getenv(WorkDirEnv); d != "" {
		return d
	}
	d, _ := os.Getwd()
	return d
}

// mainModule is where a run's configuration comes from: the directory
// trees of the main module (of every module of the workspace), in which
// each package's .iohotpath.yml files apply, and the file that applies to
// every other package (the module cache, a replace target outside these
// trees, vendored code).
type mainModule struct {
	roots    []string // absolute
	file     string   // the main module root's FileName; "" for none
	modCache string   // "" when unknown

	pgoOnce sync.Once
	pgo     []string // DefaultProfile files beside its main packages
}

// findMain returns the main module of a run started in dir. A dir in the
// module cache has none: that is a user's own go vet analysing a
// dependency, from the dependency's directory.
func findMain(dir string) *mainModule {
	m := &mainModule{modCache: modCache()}
	if dir == "" || m.inModCache(dir) {
		return m
	}
	roots, _ := fingerprintRoots(dir)
	for _, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			m.roots = append(m.roots, abs)
		}
	}
	if len(m.roots) == 0 {
		return m
	}
	root := m.roots[0] // the module the run started in, else the workspace's first
	for _, r := range m.roots {
		if within(dir, r) {
			root = r
			break
		}
	}
	m.file = filepath.Join(root, FileName)
	return m
}

// rootOf returns the root of the main module tree that holds dir (a
// package's directory), or "" when dir is outside the main module: in the
// module cache, in the standard library, below a root's vendor directory
// or elsewhere.
func (m *mainModule) rootOf(dir string) string {
	if m.inModCache(dir) {
		return ""
	}
	for _, r := range m.roots {
		if within(dir, r) && !within(dir, filepath.Join(r, "vendor")) {
			return r
		}
	}
	return ""
}

func (m *mainModule) inModCache(dir string) bool {
	return m.modCache != "" && within(dir, m.modCache)
}

// within reports whether dir is root or below it; both are absolute.
func within(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// modCache is the go command's module cache, as it finds it without being
// asked: $GOMODCACHE, else the first $GOPATH entry's pkg/mod.
func modCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if gopath := filepath.SplitList(build.Default.GOPATH); len(gopath) > 0 && gopath[0] != "" {
		return filepath.Join(gopath[0], "pkg", "mod")
	}
	return ""
}
