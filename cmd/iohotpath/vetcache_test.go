package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// layered is a module whose findings are in lib and in dep, another
// module (a replace target inside the tree), both of which app imports:
// go vet analyses them for app only for their facts, and in full when the
// patterns name them.
var layered = map[string]string{
	"lib/lib.go": `package lib

// slow stands for a call that blocks.
//
//iohotpath:blocking
func slow() {}

// hotpath
func Handle() { slow() }
`,
	"dep/go.mod": "module example.com/dep\n\ngo 1.26\n",
	"dep/dep.go": `package dep

// slow stands for a call that blocks.
//
//iohotpath:blocking
func slow() {}

// hotpath
func Serve() { slow() }
`,
	"app/app.go": `package app

import (
	"example.com/dep"
	"example.com/tmp/lib"
)

// Run is not hot.
func Run() { lib.Handle(); dep.Serve() }
`,
}

// layeredMod is layered's go.mod (tempModule writes one without dep).
const layeredMod = "module example.com/tmp\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n"

// TestVetCacheOrder: under go vet each run reports exactly the findings of
// the packages its patterns name, as the in-process engine does, whatever
// ran before on the same build cache. The go command keys a unit's cached
// facts and output alike whether it analysed the package as a root or
// only for a dependent's facts, and replays the output either way: ./app
// after ./... replayed lib's finding, and ./... after ./app lost it.
func TestVetCacheOrder(t *testing.T) {
	bin := binary(t)
	mod := tempModule(t, layered)
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(layeredMod), 0o644); err != nil {
		t.Fatal(err)
	}
	type out struct{ text, json string }
	want := map[string]out{}
	for pattern, n := range map[string]int{"./...": 1, "./app": 0, "example.com/dep": 1} {
		env := []string{"GOCACHE=" + t.TempDir()}
		_, text, code := runEnv(t, mod, env, bin, "-engine=inprocess", pattern)
		if got := len(findings(mod, text)); got != n || code == 1 {
			t.Fatalf("-engine=inprocess %s: %d findings, want %d; exit code %d\n%s", pattern, got, n, code, text)
		}
		js, _, _ := runEnv(t, mod, env, bin, "-engine=inprocess", "-json", pattern)
		want[pattern] = out{text, js}
	}
	for _, order := range [][]string{
		{"./...", "./app", "./..."},
		{"./app", "./...", "./app"},
		{"./app", "example.com/dep", "./app"}, // outside the main module
		{"example.com/dep", "./app", "example.com/dep"},
	} {
		env := []string{"GOCACHE=" + t.TempDir()} // each order from an empty cache
		for i, pattern := range order {
			_, text, code := runEnv(t, mod, env, bin, "-engine=vet", pattern)
			js, errs, jsCode := runEnv(t, mod, env, bin, "-engine=vet", "-json", pattern)
			if code == 1 || jsCode != 0 {
				t.Fatalf("%s, step %d: exit codes %d, %d (-json)\n%s%s", strings.Join(order, " then "), i+1, code, jsCode, text, errs)
			}
			if text != want[pattern].text {
				t.Errorf("%s, step %d (%s):\n%swant (as -engine=inprocess):\n%s", strings.Join(order, " then "), i+1, pattern, text, want[pattern].text)
			}
			if js != want[pattern].json {
				t.Errorf("%s, step %d (%s -json):\n%swant (as -engine=inprocess):\n%s", strings.Join(order, " then "), i+1, pattern, js, want[pattern].json)
			}
		}
	}
}
