package main_test

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"

	"github.com/iohotpath/iohotpath/internal/profiles"
)

// profiler burns CPU in the function -heavy names and writes a CPU
// profile: its Score and Rank are main.Score and main.Rank, as service's.
// It is built from testdata/ of the test's module, where ./... does not
// look, so that the module analysed imports os alone: go vet rebuilds
// every dependency of a main package with its default.pgo, and the
// fewer there are, the shorter the test.
const profiler = `package main

import (
	"flag"
	"os"
	"runtime/pprof"
	"time"
)

func Score(x int) int { return burn(x, 1) }

func Rank(x int) int { return burn(x, 1) }

//go:noinline
func burn(x, n int) int {
	for i := 0; i < n*100000; i++ {
		x = x*31 + i
	}
	return x
}

func main() {
	heavy := flag.String("heavy", "score", "which function burns")
	out := flag.String("o", "cpu.pprof", "profile")
	flag.Parse()
	pf, _ := os.Create(*out)
	pprof.StartCPUProfile(pf)
	for end := time.Now().Add(time.Second); time.Now().Before(end); {
		if *heavy == "score" {
			Score(1)
		} else {
			Rank(1)
		}
	}
	pprof.StopCPUProfile()
	pf.Close()
}
`

// service writes a file on every call of Score and of Rank: a CPU
// profile of profiler makes one of them hot.
const service = `package main

import "os"

func Score(f *os.File, x int) int { f.WriteString("s"); return x + 1 }

func Rank(f *os.File, x int) int { f.WriteString("r"); return x + 2 }

func main() {
	f, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	Score(f, Rank(f, 1))
}
`

// TestProfileChangeIsSeen: through the built command on both engines, the
// default.pgo beside the main package and a -profile file make the
// function they show heavy hot, and replacing the profile's content
// (same name, same flags) changes the findings: go vet's cache is keyed
// by the profiles' contents. -profile=off turns them off.
func TestProfileChangeIsSeen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a service")
	}
	bin := binary(t)
	mod := tempModule(t, map[string]string{"svc/main.go": service, "testdata/profiler/main.go": profiler})
	prof := filepath.Join(t.TempDir(), "profiler")
	if out, code := run(t, mod, "go", "build", "-o", prof, "./testdata/profiler"); code != 0 {
		t.Fatalf("go build: %s", out)
	}
	score, rank := filepath.Join(mod, "score.prof"), filepath.Join(mod, "rank.prof")
	for heavy, file := range map[string]string{"score": score, "rank": rank} {
		if out, code := run(t, mod, prof, "-heavy="+heavy, "-o="+file); code != 0 {
			t.Fatalf("profiler: %s", out)
		}
	}
	copyFile := func(dst, src string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pgo, named := filepath.Join(mod, "svc", "default.pgo"), filepath.Join(mod, "named.pprof")
	for _, engine := range []string{"vet", "inprocess"} {
		for _, how := range []struct {
			name string
			file string
			args []string
		}{
			{"default.pgo", pgo, nil},
			{"-profile", named, []string{"-profile=named.pprof"}},
		} {
			t.Run(engine+"/"+how.name, func(t *testing.T) {
				defer os.Remove(how.file)
				for _, step := range []struct{ src, hot, cold string }{
					{score, "Score", "Rank"}, {rank, "Rank", "Score"}, {score, "Score", "Rank"},
				} {
					copyFile(how.file, step.src)
					args := append([]string{"-engine=" + engine}, how.args...)
					_, stderr, code := runEnv(t, mod, nil, bin, append(args, "./...")...)
					if code != 3 || !strings.Contains(stderr, "on every call of "+step.hot+" (hot by profile: ") ||
						strings.Contains(stderr, "on every call of "+step.cold+" ") {
						t.Fatalf("profile of %s: exit code %d, want 3 and a finding in %s alone:\n%s", filepath.Base(step.src), code, step.hot, stderr)
					}
				}
			})
		}
		t.Run(engine+"/off", func(t *testing.T) {
			copyFile(pgo, score)
			defer os.Remove(pgo)
			_, stderr, code := runEnv(t, mod, nil, bin, "-engine="+engine, "-profile=off", "./...")
			if code != 0 {
				t.Errorf("-profile=off: exit code %d, want 0:\n%s", code, stderr)
			}
		})
	}
}

// TestProfileErrors: a profile that cannot be used stops the run with one
// line naming the file, on both engines.
func TestProfileErrors(t *testing.T) {
	bin := binary(t)
	mod := tempModule(t, map[string]string{"p/p.go": "package p\n\nfunc F() {}\n"})
	os.WriteFile(filepath.Join(mod, "notes.txt"), []byte("not a profile"), 0o644)
	for _, engine := range []string{"vet", "inprocess"} {
		for file, want := range map[string]string{
			"missing.pprof": "cannot read the profile",
			"notes.txt":     "not a pprof profile",
		} {
			_, stderr, code := runEnv(t, mod, nil, bin, "-engine="+engine, "-profile="+file, "./...")
			if code != 1 || !strings.Contains(stderr, filepath.Join(mod, file)+": ") || !strings.Contains(stderr, want) {
				t.Errorf("%s -profile=%s: exit code %d, want 1 and an error naming the file (%s):\n%s", engine, file, code, want, stderr)
			}
		}
	}
}

// flushers holds three io-under-lock findings in file order A, B, C:
// each Put syncs a file while the mutex that guards its map is held.
var flushers = "package p\n\nimport (\n\t\"os\"\n\t\"sync\"\n)\n" + func() string {
	var b strings.Builder
	for _, name := range []string{"A", "B", "C"} {
		recv := strings.ToLower(name)
		b.WriteString(strings.NewReplacer("T", name, "(x ", "("+recv+" ", "x.", recv+".").Replace(flusher))
	}
	return b.String()
}()

// flusher is one of flushers' types, T, with receiver x.
const flusher = `
type T struct {
	mu sync.Mutex
	m  map[int]int
	f  *os.File
}

func (x *T) Put(k int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.m[k] = k
	x.f.Sync()
}

func (x *T) Get(k int) int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.m[k]
}
`

// writeMutexProfile writes a mutex profile in which goroutines waited,
// for each function named, the time given, on a lock it released.
func writeMutexProfile(t *testing.T, file string, waits map[string]time.Duration) {
	t.Helper()
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "contentions", Unit: "count"}, {Type: "delay", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "contentions", Unit: "count"},
		Period:     1,
	}
	unlock := &profile.Function{ID: 1, Name: "sync.(*Mutex).Unlock", Filename: "sync/mutex.go"}
	p.Function = append(p.Function, unlock)
	p.Location = append(p.Location, &profile.Location{ID: 1, Address: 0x1000, Line: []profile.Line{{Function: unlock, Line: 200}}})
	for _, name := range slices.Sorted(maps.Keys(waits)) {
		id := uint64(len(p.Function) + 1)
		fn := &profile.Function{ID: id, Name: name, Filename: "/m/p/p.go"}
		loc := &profile.Location{ID: id, Address: 0x1000 + 16*id, Line: []profile.Line{{Function: fn, Line: 10}}}
		p.Function, p.Location = append(p.Function, fn), append(p.Location, loc)
		p.Sample = append(p.Sample, &profile.Sample{Location: []*profile.Location{p.Location[0], loc}, Value: []int64{1, int64(waits[name])}})
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestJSONOrderByWaiting: in the JSON output (the go/analysis tree, of
// -format=json on both engines and of -json on go vet's), a package's
// io-under-lock findings come in the order of the waiting a mutex
// profile recorded for their locks, most first, the uncontended ones
// after them in file order; without the profile they are in file order. Which lock waited most is swapped between two
// profiles, so that neither order can pass by following the file.
func TestJSONOrderByWaiting(t *testing.T) {
	bin := binary(t)
	mod := tempModule(t, map[string]string{"p/p.go": flushers})
	byB, byA := filepath.Join(mod, "b.pprof"), filepath.Join(mod, "a.pprof")
	writeMutexProfile(t, byB, map[string]time.Duration{"example.com/tmp/p.(*A).Put": 100 * time.Millisecond, "example.com/tmp/p.(*B).Put": 2 * time.Second})
	writeMutexProfile(t, byA, map[string]time.Duration{"example.com/tmp/p.(*A).Put": 3 * time.Second, "example.com/tmp/p.(*B).Put": 20 * time.Millisecond})
	for _, engine := range []string{"vet", "inprocess"} {
		for _, tc := range []struct {
			profile string
			want    []string // the lock of each finding, in order, and its waiting
		}{
			{"off", []string{"a.mu", "b.mu", "c.mu"}},
			{byB, []string{"b.mu 2.0 s", "a.mu 100.0 ms", "c.mu"}},
			{byA, []string{"a.mu 3.0 s", "b.mu 20.0 ms", "c.mu"}},
		} {
			// -format=json exits 3 with findings, -json 0 as go vet -json does
			for flag, want := range map[string]int{"-format=json": 3, "-json": 0} {
				if engine == "inprocess" && flag == "-json" {
					continue // -json renders the same tree as -format=json; on the cheap engine only
				}
				stdout, stderr, code := runEnv(t, mod, nil, bin, "-engine="+engine, flag, "-profile="+tc.profile, "./...")
				if code != want {
					t.Fatalf("%s %s -profile=%s: exit code %d, want %d\n%s", engine, flag, filepath.Base(tc.profile), code, want, stderr)
				}
				var tree map[string]map[string][]struct{ Category, Message string }
				if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
					t.Fatalf("%s %s -profile=%s: %v\n%s", engine, flag, filepath.Base(tc.profile), err, stdout)
				}
				var got []string
				for _, d := range tree["example.com/tmp/p"]["iohotpath"] {
					if d.Category != "io-under-lock" {
						continue
					}
					lock := strings.Fields(d.Message[strings.Index(d.Message, " while ")+len(" while "):])[0]
					if w, ok := profiles.ParseWait(d.Message); ok {
						lock += " " + strings.TrimSuffix(strings.TrimPrefix(profiles.WaitClause(w, ""), "goroutines waited "), " for  in the profile")
					}
					got = append(got, lock)
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("%s %s -profile=%s: io-under-lock findings in the order %q, want %q\n%s", engine, flag, filepath.Base(tc.profile), got, tc.want, stdout)
				}
			}
		}
	}
}
