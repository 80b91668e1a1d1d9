package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "iohotpath-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "iohotpath")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building iohotpath: %v", buildErr)
	}
	return binPath
}

// run runs name with args in dir and returns its combined output and exit
// code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	}
	t.Fatalf("%s %v: %v", name, args, err)
	return "", 0
}

var findingRE = regexp.MustCompile(`^(?:\./)?(\S+\.go):(\d+):(\d+): (.*)$`)

// findings returns the "file:line:col: message" lines of out, with files
// relative to dir, sorted; related information (indented messages) is
// left out.
func findings(dir, out string) []string {
	var fs []string
	for _, line := range strings.Split(out, "\n") {
		m := findingRE.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil || strings.HasPrefix(m[4], "\t") {
			continue
		}
		file := m[1]
		if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsAbs(file) {
			file = rel
		}
		fs = append(fs, file+":"+m[2]+":"+m[3]+": "+m[4])
	}
	slices.Sort(fs)
	return fs
}

func testdataDir(t *testing.T, name string) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestStandaloneAndVet runs the real command both ways on a module and
// asserts the same findings, transitive ones included, and the exit codes
// the README documents.
func TestStandaloneAndVet(t *testing.T) {
	bin := binary(t)
	mod := testdataDir(t, "mod")

	out, code := run(t, mod, bin, "./...")
	if code != 3 {
		t.Errorf("iohotpath ./... exit code = %d, want 3 (findings)\n%s", code, out)
	}
	standalone := findings(mod, out)

	vetOut, vetCode := run(t, mod, "go", "vet", "-vettool="+bin, "./...")
	if vetCode == 0 {
		t.Errorf("go vet exit code = 0, want non-zero when findings are reported\n%s", vetOut)
	}
	vet := findings(mod, vetOut)

	want := []string{
		`configured/configured.go:7:21: fmt.Println writes to standard output on every call of hot function Score; buffer the output and write it from a background writer [hot-io/stdout]`,
		`handler/handler.go:12:2: log.Printf writes a log line on every call of hot function Handle; log outside the hot path or through an asynchronous, buffered logger [hot-io/log]`,
		`handler/handler.go:13:15: os.Stat stats a file on every call of hot function Handle; check once at start-up or cache the result [hot-io/stat]`,
		`ingest/ingest.go:9:3: (*store.Store).AppendRecord performs blocking file I/O (os.OpenFile via (*store.Store).writeAll) on every iteration of hot loop in Ingest; open files once or hand the work to a background writer [hot-io/file]`,
	}
	if !slices.Equal(standalone, want) {
		t.Errorf("standalone findings:\n%s\nwant:\n%s", strings.Join(standalone, "\n"), strings.Join(want, "\n"))
	}
	// The chain comes as related information, one line per hop.
	for _, hop := range []string{"(*store.Store).AppendRecord calls (*store.Store).writeAll", "(*store.Store).writeAll calls os.OpenFile"} {
		if !strings.Contains(out, hop) || !strings.Contains(vetOut, hop) {
			t.Errorf("related information %q missing:\nstandalone:\n%s\nvet:\n%s", hop, out, vetOut)
		}
	}
	if !strings.Contains(out, "store/store.go:9:9: \t(*store.Store).AppendRecord calls") {
		t.Errorf("standalone related information does not point at the call in AppendRecord:\n%s", out)
	}
	// go vet prints the text itself: the same lines without the label
	// that names the rule and category.
	unlabelled := make([]string, len(standalone))
	for i, f := range standalone {
		unlabelled[i] = f[:strings.LastIndex(f, " [")]
	}
	if !slices.Equal(vet, unlabelled) {
		t.Errorf("go vet findings differ from standalone:\nvet:\n%s\nstandalone:\n%s", strings.Join(vet, "\n"), strings.Join(standalone, "\n"))
	}
}

func TestExitCodes(t *testing.T) {
	bin := binary(t)
	mod := testdataDir(t, "mod")

	if out, code := run(t, mod, bin, "./clean"); code != 0 || out != "iohotpath: no findings in 1 package\n" {
		t.Errorf("clean package: exit %d, output %q; want 0 and the summary line alone", code, out)
	}
	if out, code := run(t, mod, "go", "vet", "-vettool="+bin, "./clean"); code != 0 {
		t.Errorf("go vet on clean package: exit %d\n%s", code, out)
	}

	out, code := run(t, mod, bin, "-funcs=(", "./clean")
	if code != 1 || !strings.Contains(out, "iohotpath: invalid flag: funcs: bad regular expression \"(\"") {
		t.Errorf("bad -funcs: exit %d, output:\n%s", code, out)
	}
	if n := strings.Count(out, "bad regular expression"); n != 1 {
		t.Errorf("bad -funcs reported %d times, want once:\n%s", n, out)
	}

	bad := filepath.Join(t.TempDir(), "bad.yml")
	os.WriteFile(bad, []byte("funcs: [ok]\nfuncz: [x]\n"), 0o600)
	out, code = run(t, mod, bin, "-config="+bad, "./clean")
	if code != 1 || !strings.Contains(out, bad+":2: funcz: unknown key") {
		t.Errorf("bad -config: exit %d, output:\n%s", code, out)
	}

	out, code = run(t, mod, "go", "vet", "-vettool="+bin, "-funcs=(", "./clean")
	if code == 0 || !strings.Contains(out, "bad regular expression") {
		t.Errorf("go vet with bad -funcs: exit %d, output:\n%s", code, out)
	}

	broken := testdataDir(t, "broken")
	out, code = run(t, broken, bin, "./...")
	if code != 1 || !strings.Contains(out, "cannot use \"not an int\"") {
		t.Errorf("package with type errors: exit %d, output:\n%s", code, out)
	}
}

// TestReadmeOutput: every finding README.md shows for the shipped examples
// is what the command prints, so the README cannot drift from the tool.
func TestReadmeOutput(t *testing.T) {
	bin := binary(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, root, bin, "./examples/...")
	if code != 3 {
		t.Fatalf("iohotpath ./examples/... exit code %d, want 3\n%s", code, out)
	}
	out = strings.ReplaceAll(out, root+string(filepath.Separator), "")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, line := range strings.Split(string(readme), "\n") {
		if !strings.HasPrefix(line, "examples/") || !findingRE.MatchString(line) {
			continue
		}
		shown++
		if !strings.Contains(out, line+"\n") {
			t.Errorf("README.md shows a finding the command does not print:\n%s\noutput:\n%s", line, out)
		}
	}
	if shown < 5 {
		t.Errorf("README.md shows %d findings for the examples; the test expects the before/after and transitive blocks", shown)
	}
	// The other way round: the fixed versions (AsyncProfiler, the batched
	// sink, the scorer with a channel) stay silent, so every line printed
	// is one README shows.
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if findingRE.MatchString(line) && !strings.Contains(string(readme), "\n"+line+"\n") {
			t.Errorf("iohotpath prints a finding on the examples that README.md does not show (a fixed version no longer silent?):\n%s", line)
		}
	}
}
