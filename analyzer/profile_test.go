package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/iohotpath/iohotpath/analyzer"
)

// takeProfiles builds testdata/src/profhot from a copy (same file name
// and lines, so that its literals are found by line), runs it, and
// returns the CPU and mutex profiles it wrote.
func takeProfiles(t *testing.T) (cpu, mutex string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs a program for two seconds")
	}
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(testdata, "src", "profhot", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module profhot\n\ngo 1.26\n"), 0o644)
	run := func(name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	run("go", "build", "-o", "prog", ".")
	cpu, mutex = filepath.Join(dir, "cpu.pprof"), filepath.Join(dir, "mutex.pprof")
	run(filepath.Join(dir, "prog"), "-cpu="+cpu, "-mutex="+mutex, "-d=2s")
	return cpu, mutex
}

// TestProfiles: a CPU profile of profhot makes its per-item functions hot
// in every name form (pointer and value receivers, a generic function, a
// literal, an inlined callee) and the worker's loop, not the worker, its
// start-up or main; a mutex profile adds the waiting of the contended
// lock to its finding, and -contended-only drops the uncontended one.
func TestProfiles(t *testing.T) {
	t.Parallel()
	cpu, mutex := takeProfiles(t)
	t.Run("cpu and mutex", func(t *testing.T) {
		analysistest.Run(t, testdata, newAnalyzer(t, analyzer.Config{Profiles: []string{cpu, mutex}}), "profhot")
	})
}

// TestProfileOptions: each profile option visibly changes what
// TestProfiles expects: without profiles the per-item functions are cold,
// -profile-only drops the marked function the profile never saw, and
// -contended-only the lock nobody waited for.
func TestProfileOptions(t *testing.T) {
	t.Parallel()
	cpu, mutex := takeProfiles(t)
	for _, tc := range []struct {
		name string
		cfg  analyzer.Config
		want []string // the expectations left unmet, by line content
	}{
		{"off", analyzer.Config{Profiles: []string{"off"}}, []string{
			"Scorer.Evaluate", "Point.Norm", "Sum", "touch", "main.serve.func1", "goroutines waited"}},
		{"profile-only", analyzer.Config{Profiles: []string{cpu, mutex}, ProfileOnly: true}, []string{"hot function Marked"}},
		{"contended-only", analyzer.Config{Profiles: []string{cpu, mutex}, ContendedOnly: true}, []string{"r.mu is held"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			analysistest.Run(r, testdata, newAnalyzer(t, tc.cfg), "profhot")
			for _, w := range tc.want {
				if !slices.ContainsFunc(r.errs, func(e string) bool { return strings.Contains(e, "no diagnostic") && strings.Contains(e, w) }) {
					t.Errorf("with %s, the finding %q is still reported", tc.name, w)
				}
			}
			unmet := slices.DeleteFunc(slices.Clone(r.errs), func(e string) bool { return strings.Contains(e, "fact") })
			if len(unmet) != len(tc.want) {
				t.Errorf("with %s, %d differences, want %d:\n%s", tc.name, len(unmet), len(tc.want), strings.Join(unmet, "\n"))
			}
		})
	}
}

// TestPrefetch: profiles Prefetch has read are the ones the runs use: once
// the read is done the files can go, and the findings are TestProfiles'.
func TestPrefetch(t *testing.T) {
	cpu, mutex := takeProfiles(t)
	a := newAnalyzer(t, analyzer.Config{Profiles: []string{cpu, mutex}})
	<-analyzer.Prefetch(a, filepath.Join(testdata, "src", "profhot"))
	for _, f := range []string{cpu, mutex} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testdata, a, "profhot")
}
