package driver

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// writeCfg writes a unit's .cfg file into dir and returns its path.
func writeCfg(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestVetxOnly: only a readable unit .cfg with "VetxOnly": true asks for
// facts only; anything else runs the whole analyzer (and unitchecker
// reports a bad file).
func TestVetxOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string { return writeCfg(t, dir, name, content) }
	dep := write("dep.cfg", `{"ID":"fmt","VetxOnly":true,"VetxOutput":"x"}`)
	root := write("root.cfg", `{"ID":"example.com/app","VetxOnly":false}`)
	none := write("none.cfg", `{"ID":"example.com/app"}`)
	bad := write("bad.cfg", `{"VetxOnly":`)
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{dep}, true},
		{[]string{"-funcs=Handle", dep}, true},
		{[]string{root}, false},
		{[]string{none}, false},
		{[]string{bad}, false},
		{[]string{filepath.Join(dir, "missing.cfg")}, false},
		{[]string{dep, "./..."}, false},
		{[]string{"-V=full"}, false},
		{nil, false},
	} {
		if got := VetxOnly(tc.args); got != tc.want {
			t.Errorf("VetxOnly(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestFactsOnly: a VetxOnly unit is analysed for its facts only, except
// under the command's go vet (vetFullEnv) one of a main module or of a
// package the patterns name, unless go vet applies fixes.
func TestFactsOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string { return writeCfg(t, dir, name, content) }
	std := write("std.cfg", `{"ID":"fmt","ImportPath":"fmt","VetxOnly":true}`)
	dep := write("dep.cfg", `{"ID":"example.com/dep","ImportPath":"example.com/dep","ModulePath":"example.com/dep","ModuleVersion":"v1.0.0","VetxOnly":true}`)
	main := write("main.cfg", `{"ID":"example.com/app/lib","ImportPath":"example.com/app/lib","ModulePath":"example.com/app","VetxOnly":true}`)
	root := write("root.cfg", `{"ID":"example.com/app","ImportPath":"example.com/app","ModulePath":"example.com/app"}`)
	for _, tc := range []struct {
		env  string
		args []string
		want bool
	}{
		{"", []string{std}, true},
		{"", []string{dep}, true},
		{"", []string{main}, true}, // a user's own go vet
		{"", []string{root}, false},
		{"main", []string{std}, true},
		{"main", []string{dep}, true},
		{"main", []string{main}, false},
		{"main", []string{"-json", main}, false},
		{"main", []string{"-fix", main}, true},
		{"main", []string{root}, false},
		{"main fmt example.com/dep", []string{std}, false},
		{"main fmt example.com/dep", []string{dep}, false},
		{"other", []string{main}, true},
	} {
		t.Setenv(vetFullEnv, tc.env)
		if got := FactsOnly(tc.args); got != tc.want {
			t.Errorf("%s=%q: FactsOnly(%q) = %v, want %v", vetFullEnv, tc.env, tc.args, got, tc.want)
		}
	}
}

// TestUnitMemory: a unit process collects garbage only near
// unitMemoryLimit, unless the user set GOGC or GOMEMLIMIT.
func TestUnitMemory(t *testing.T) {
	restore := func() { debug.SetGCPercent(100); debug.SetMemoryLimit(math.MaxInt64) }
	t.Cleanup(restore)
	for _, tc := range []struct {
		env   string
		gc    int
		limit int64
	}{
		{"", -1, unitMemoryLimit},
		{"GOGC", 100, math.MaxInt64},
		{"GOMEMLIMIT", 100, math.MaxInt64},
	} {
		restore()
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		if tc.env != "" {
			t.Setenv(tc.env, "1")
		}
		unitMemory()
		gc := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		if gc != tc.gc || limit != tc.limit {
			t.Errorf("%s set: GC percent %d, memory limit %d; want %d, %d", tc.env, gc, limit, tc.gc, tc.limit)
		}
	}
}
