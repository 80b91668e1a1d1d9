package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// service burns CPU in the function -heavy names, per item, and both
// write a file on every call: a CPU profile makes one of them hot.
const service = `package main

import (
	"flag"
	"os"
	"runtime/pprof"
	"time"
)

func Score(f *os.File, x int) int { f.WriteString("s"); return burn(x, 1) }

func Rank(f *os.File, x int) int { f.WriteString("r"); return burn(x, 1) }

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
	f, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	pf, _ := os.Create(*out)
	pprof.StartCPUProfile(pf)
	for end := time.Now().Add(time.Second); time.Now().Before(end); {
		if *heavy == "score" {
			Score(f, 1)
		} else {
			Rank(f, 1)
		}
	}
	pprof.StopCPUProfile()
	pf.Close()
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
	mod := tempModule(t, map[string]string{"svc/main.go": service})
	if out, code := run(t, mod, "go", "build", "-o", "svc/svc", "./svc"); code != 0 {
		t.Fatalf("go build: %s", out)
	}
	score, rank := filepath.Join(mod, "score.prof"), filepath.Join(mod, "rank.prof")
	for heavy, file := range map[string]string{"score": score, "rank": rank} {
		if out, code := run(t, mod, filepath.Join(mod, "svc", "svc"), "-heavy="+heavy, "-o="+file); code != 0 {
			t.Fatalf("svc: %s", out)
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
