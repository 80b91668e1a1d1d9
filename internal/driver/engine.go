package driver

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The engine is chosen by what the build cache holds, because go vet
// needs every dependency compiled before it can analyse anything:
//
//   - with the dependencies compiled (after a go build or go test, on a
//     developer's machine or in CI), go vet analyses in small parallel
//     processes and caches every package's result, so a run after a small
//     edit re-analyses only what changed;
//   - with an empty cache, go vet first compiles the whole graph (four
//     minutes for a module with a thousand dependencies on two cores),
//     while the in-process engine type-checks from source and needs no
//     compiled code (a quarter of a minute).
//
// Asking the go command whether the dependencies are compiled costs about
// as much as a cached go vet run, so it is not asked when the cache is
// nearly empty (in process, then), and the answer is remembered: after a go
// vet run, a marker is left in the build cache (in its 00 subdirectory,
// which go clean -cache removes with everything else; trimming leaves it
// alone, so a marker older than the go command's trim limit is not
// trusted). With the marker, auto means vet without asking.

// markerMaxAge is how long a marker is trusted: the go command trims cache
// entries unused for five days.
const markerMaxAge = 5 * 24 * time.Hour

// staleShare is the share of the packages of the graph (tests included)
// that may need compiling for auto to pick go vet on a first run: each
// costs about a quarter of a second of compiling on two cores, against a
// fiftieth of a second of in-process analysis.
const staleShare = 0.10

// minCacheEntries is the number of build cache entries below which auto
// does not ask the go command at all: a cache that small (a new machine,
// a CI runner without a restored cache) has not compiled the dependencies
// of a module worth going through go vet for. On an empty cache the
// question alone takes 3.5 s for caddy's 1,082 packages; the in-process
// run that follows finds part of that work cached, so skipping it saves
// about 1 s of CPU of 34 (docs/performance.md). Compiling a package leaves
// at least two entries.
var minCacheEntries = 500

// choice is the engine picked, and why.
type choice struct {
	engine string
	why    string
	marker string // the marker to leave after a go vet run; "" for none
}

// choose picks the engine for c: -engine when set; else by the marker;
// else in process when the cache is nearly empty; else by asking the go
// command how many packages need compiling.
func choose(c *command, dir string) choice {
	if c.engine != Auto {
		return choice{engine: c.engine, why: "-engine"}
	}
	if c.debug != "" {
		return choice{engine: InProcess, why: "-debug"}
	}
	if c.program {
		return choice{engine: InProcess, why: "-program"} // go vet sees one package at a time
	}
	if !c.test {
		// go vet type-checks every package with its _test.go files, whatever
		// -test says: a test-only import that does not resolve would fail
		// a run that asked to leave tests out.
		return choice{engine: InProcess, why: "-test=false"}
	}
	env, err := goEnv(dir, "GOCACHE", "GOMOD", "GOWORK")
	if err != nil || env["GOCACHE"] == "" || env["GOCACHE"] == "off" {
		return choice{engine: InProcess, why: "no build cache"}
	}
	marker := markerPath(env, c)
	if info, err := os.Stat(marker); err == nil && time.Since(info.ModTime()) < markerMaxAge {
		return choice{engine: Vet, why: "marker " + marker, marker: marker}
	}
	if n := cacheEntries(env["GOCACHE"], minCacheEntries); n < minCacheEntries {
		return choice{engine: InProcess, why: fmt.Sprintf("build cache nearly empty (%d entries)", n)}
	}
	stale, total, err := staleCount(c, dir)
	switch {
	case err != nil:
		return choice{engine: InProcess, why: fmt.Sprintf("go list: %v", err)}
	case total == 0 || float64(stale) > staleShare*float64(total):
		return choice{engine: InProcess, why: fmt.Sprintf("%d of %d packages not compiled", stale, total)}
	}
	return choice{engine: Vet, why: fmt.Sprintf("%d of %d packages not compiled", stale, total), marker: marker}
}

// markerPath is where the marker of a go vet run of c from this module
// lives: in the build cache, named by the module (or workspace), the
// build flags and whether tests are analysed.
func markerPath(env map[string]string, c *command) string {
	key := fmt.Sprintf("%s\n%s\n%q\n%v", env["GOMOD"], env["GOWORK"], c.buildFlags, c.test)
	return filepath.Join(env["GOCACHE"], "00", fmt.Sprintf("iohotpath-vet-%x", sha256.Sum256([]byte(key)))[:46])
}

// leaveMarker records that go vet ran, so that the dependencies are
// compiled; errors are ignored (a read-only cache only costs the question
// next time).
func leaveMarker(path string) {
	if path == "" {
		return
	}
	now := time.Now()
	if err := os.Chtimes(path, now, now); err == nil {
		return
	}
	os.WriteFile(path, []byte("iohotpath: go vet has compiled this module's dependencies\n"), 0o644)
}

// staleCount asks the go command how many of the packages that go vet
// would need (the patterns' packages and tests, and all their
// dependencies) are not compiled in the build cache, out of how many.
// Test variants are left out: they are the module's own packages, compiled
// quickly.
func staleCount(c *command, dir string) (stale, total int, err error) {
	args := append([]string{"list", "-e", "-deps", "-test"}, c.buildFlags...)
	args = append(args, "-f", "{{.Stale}}|{{.ForTest}}|{{.ImportPath}}", "--")
	args = append(args, c.patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(errb.String()))
	}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "|", 3)
		if len(f) != 3 || f[1] != "" || strings.HasSuffix(f[2], ".test") {
			continue // a test variant (ForTest set) or a test main
		}
		total++
		if f[0] == "true" {
			stale++
		}
	}
	return stale, total, nil
}

// cacheEntries counts the entries of the build cache in dir, up to limit:
// it stops reading the cache's 256 subdirectories once it has seen that
// many, so a large cache costs a directory or two.
func cacheEntries(dir string, limit int) int {
	n := 0
	for i := 0; i < 256 && n < limit; i++ {
		entries, _ := os.ReadDir(filepath.Join(dir, fmt.Sprintf("%02x", i)))
		n += len(entries)
	}
	return n
}

// goEnv returns the go command's values of the variables.
func goEnv(dir string, vars ...string) (map[string]string, error) {
	cmd := exec.Command("go", append([]string{"env", "-json"}, vars...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	return env, json.Unmarshal(out, &env)
}
