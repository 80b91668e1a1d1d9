package driver

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestVetxOnly: only a readable unit .cfg with "VetxOnly": true asks for
// facts only; anything else runs the whole analyzer (and unitchecker
// reports a bad file).
func TestVetxOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
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
