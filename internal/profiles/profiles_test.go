package profiles

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// TestSplit: names as the compiler writes them in profiles.
func TestSplit(t *testing.T) {
	for _, tc := range []struct{ name, pkg, rest string }{
		{"main.main", "main", "main"},
		{"example.com/p.(*T).M", "example.com/p", "(*T).M"},
		{"example.com/p.T.M", "example.com/p", "T.M"},
		{"example.com/p.F.func1", "example.com/p", "F.func1"},
		{"example.com/p.F.func1.2", "example.com/p", "F.func1.2"},
		{"gopkg.in/yaml%2ev3.(*parser).parse", "gopkg.in/yaml.v3", "(*parser).parse"},
		{"example.com/p.G[go.shape.int]", "example.com/p", "G"},
		{"example.com/p.G[...]", "example.com/p", "G"},
		{"example.com/p.(*List[go.shape.*example.com/q.T]).Push", "example.com/p", "(*List).Push"},
		{"example.com/p.T.M-fm", "example.com/p", "T.M"},
	} {
		pkg, rest := Split(tc.name)
		if pkg != tc.pkg || rest != tc.rest {
			t.Errorf("Split(%q) = %q, %q, want %q, %q", tc.name, pkg, rest, tc.pkg, tc.rest)
		}
	}
	for rest, lit := range map[string]bool{"F.func1": true, "(*T).M.func2": true, "F.func1.1": true, "F": false, "T.M": false, "(*T).function": false} {
		if isLiteral(rest) != lit {
			t.Errorf("isLiteral(%q) = %v, want %v", rest, !lit, lit)
		}
	}
}

// TestReadErrors: what cannot be used is an error naming the file.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	notProfile := filepath.Join(dir, "notes.txt")
	os.WriteFile(notProfile, []byte("hello"), 0o644)
	heap := filepath.Join(dir, "heap.pprof")
	var buf bytes.Buffer
	if err := pprof.Lookup("heap").WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(heap, buf.Bytes(), 0o644)
	for file, want := range map[string]string{
		filepath.Join(dir, "missing.pprof"): "cannot read the profile: no such file or directory",
		notProfile:                          "not a pprof profile",
		heap:                                "not a CPU, mutex or block profile",
	} {
		_, err := Read([]string{file})
		if err == nil || !strings.HasPrefix(err.Error(), file+": ") || !strings.Contains(err.Error(), want) {
			t.Errorf("Read(%s) = %v, want an error naming the file: %q", filepath.Base(file), err, want)
		}
	}
}

// TestReadCPU: a CPU profile of this test's own busy loop has its
// function hot, with its share, and the goroutine's root (tRunner) not.
func TestReadCPU(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cpu.pprof")
	f, _ := os.Create(file)
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Skip(err) // another profile is running
	}
	spin(500 * time.Millisecond)
	pprof.StopCPUProfile()
	f.Close()
	x, err := Read([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	key := "github.com/iohotpath/iohotpath/internal/profiles.spin"
	if fn, ok := x.Func(key); !ok || !fn.Hot || fn.Share < 0.5 {
		t.Errorf("%s: %+v, %v; want hot with most of the samples", key, fn, ok)
	}
	if fn, ok := x.Func("testing.tRunner"); ok && fn.Hot {
		t.Errorf("testing.tRunner, the goroutine's root, is hot: %+v", fn)
	}
	if Digest([]string{file}) == Digest([]string{file, file}) {
		t.Error("Digest does not depend on the files")
	}
}

//go:noinline
func spin(d time.Duration) int {
	x := 0
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := range 10000 {
			x = x*31 + i
		}
	}
	return x
}

func TestWaitClause(t *testing.T) {
	for _, d := range []time.Duration{1800 * time.Millisecond, 240 * time.Millisecond, 35 * time.Microsecond} {
		msg := "x; " + WaitClause(d, "c.mu") + "; fix"
		got, ok := ParseWait(msg)
		if !ok || got < d*99/100 || got > d*101/100 {
			t.Errorf("ParseWait(%q) = %v, %v, want %v", msg, got, ok, d)
		}
	}
	if got := WaitClause(1800*time.Millisecond, "c.mu"); got != "goroutines waited 1.8 s for c.mu in the profile" {
		t.Errorf("WaitClause = %q", got)
	}
}
