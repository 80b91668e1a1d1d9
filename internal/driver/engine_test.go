package driver

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// module writes a module of one package that imports nothing, so that
// compiling all of it takes a fraction of a second, and returns its root.
func module(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"m.go":   "package m\n\nfunc F() int { return 1 }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// emptyCache points the go command at a new, empty build cache.
func emptyCache(t *testing.T) string {
	t.Helper()
	cache := t.TempDir()
	t.Setenv("GOCACHE", cache)
	t.Setenv("GOFLAGS", "")
	return cache
}

func TestChooseForced(t *testing.T) {
	for _, engine := range []string{Vet, InProcess} {
		ch := choose(&command{engine: engine}, t.TempDir())
		if ch.engine != engine || ch.why != "-engine" || ch.marker != "" {
			t.Errorf("-engine=%s: %+v, want that engine, why -engine and no marker", engine, ch)
		}
	}
	ch := choose(&command{engine: Auto, debug: "f"}, t.TempDir())
	if ch.engine != InProcess {
		t.Errorf("-debug: %+v, want the in-process engine", ch)
	}
	if ch := choose(&command{engine: Auto, program: true}, t.TempDir()); ch.engine != InProcess || ch.why != "-program" {
		t.Errorf("-program: %+v, want the in-process engine, why -program", ch)
	}
	if ch := choose(&command{engine: Auto, test: false}, t.TempDir()); ch.engine != InProcess || ch.why != "-test=false" {
		t.Errorf("-test=false: %+v, want the in-process engine (go vet type-checks _test.go files), why -test=false", ch)
	}
}

func TestChooseNoCache(t *testing.T) {
	t.Setenv("GOCACHE", "off")
	ch := choose(&command{engine: Auto, test: true, patterns: []string{"./..."}}, module(t))
	if ch.engine != InProcess || ch.why != "no build cache" {
		t.Errorf("GOCACHE=off: %+v, want the in-process engine for want of a cache", ch)
	}
}

// TestChooseNearlyEmptyCache: a cache with fewer entries than
// minCacheEntries means in process, without asking the go command.
func TestChooseNearlyEmptyCache(t *testing.T) {
	cache := emptyCache(t)
	c := &command{engine: Auto, test: true, patterns: []string{"./..."}}
	if ch := choose(c, module(t)); ch.engine != InProcess || ch.why != "build cache nearly empty (0 entries)" {
		t.Errorf("empty cache: %+v, want in process without asking", ch)
	}
	for i := range 3 {
		dir := filepath.Join(cache, fmt.Sprintf("%02x", i*100))
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "entry"), nil, 0o644)
	}
	if n := cacheEntries(cache, 10); n != 3 {
		t.Errorf("cacheEntries = %d, want 3", n)
	}
	if n := cacheEntries(cache, 2); n != 2 {
		t.Errorf("cacheEntries with limit 2 = %d, want it to stop at 2", n)
	}
}

// TestChooseByCache: auto is in process while the dependencies are not
// compiled, go vet once they are, and after a go vet run the marker
// answers without asking the go command; a marker past the trim age is
// not trusted.
func TestChooseByCache(t *testing.T) {
	defer func(n int) { minCacheEntries = n }(minCacheEntries)
	minCacheEntries = 0 // a module of one package leaves a handful of entries
	cache := emptyCache(t)
	dir := module(t)
	c := &command{engine: Auto, test: true, patterns: []string{"./..."}}

	ch := choose(c, dir)
	if ch.engine != InProcess || ch.why != "1 of 1 packages not compiled" {
		t.Fatalf("empty cache: %+v, want in process, 1 of 1 packages not compiled", ch)
	}

	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ch = choose(c, dir)
	if ch.engine != Vet || ch.why != "0 of 1 packages not compiled" {
		t.Fatalf("after go build: %+v, want go vet, 0 of 1 packages not compiled", ch)
	}
	if want := filepath.Join(cache, "00") + string(filepath.Separator); !strings.HasPrefix(ch.marker, want) {
		t.Fatalf("marker %q is not in the cache's 00 directory", ch.marker)
	}

	leaveMarker(ch.marker)
	// With a marker, the go command is not asked: a cache that has lost the
	// package since would otherwise send auto back in process.
	os.RemoveAll(cache)
	os.MkdirAll(filepath.Dir(ch.marker), 0o755)
	leaveMarker(ch.marker)
	if got := choose(c, dir); got.engine != Vet || !strings.HasPrefix(got.why, "marker ") || got.marker != ch.marker {
		t.Errorf("with a marker: %+v, want go vet by the marker", got)
	}

	old := time.Now().Add(-markerMaxAge - time.Hour)
	if err := os.Chtimes(ch.marker, old, old); err != nil {
		t.Fatal(err)
	}
	if got := choose(c, dir); got.engine != InProcess || strings.HasPrefix(got.why, "marker") {
		t.Errorf("with an old marker and an emptied cache: %+v, want the packages counted again", got)
	}
	leaveMarker(ch.marker)
	if info, err := os.Stat(ch.marker); err != nil || time.Since(info.ModTime()) > time.Minute {
		t.Errorf("leaveMarker did not refresh the old marker: %v", err)
	}
}

// TestMarkerPath: a go vet run of one module, build flags and -test says
// nothing about the dependencies of another.
func TestMarkerPath(t *testing.T) {
	env := map[string]string{"GOCACHE": "/cache", "GOMOD": "/a/go.mod"}
	base := &command{test: true}
	p := markerPath(env, base)
	if filepath.Dir(p) != filepath.Join("/cache", "00") || !strings.HasPrefix(filepath.Base(p), "iohotpath-vet-") {
		t.Errorf("markerPath = %q, want /cache/00/iohotpath-vet-…", p)
	}
	if p != markerPath(env, &command{test: true}) {
		t.Error("markerPath differs between two equal runs")
	}
	for name, q := range map[string]string{
		"another module": markerPath(map[string]string{"GOCACHE": "/cache", "GOMOD": "/b/go.mod"}, base),
		"a workspace":    markerPath(map[string]string{"GOCACHE": "/cache", "GOMOD": "/a/go.mod", "GOWORK": "/go.work"}, base),
		"-tags":          markerPath(env, &command{test: true, buildFlags: []string{"-tags=x"}}),
		"-test=false":    markerPath(env, &command{test: false}),
	} {
		if q == p {
			t.Errorf("%s has the same marker", name)
		}
	}
}
