package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// golangciConfig enables the plugin in testdata/gclmod. Issues are neither
// capped nor merged by line, so that every diagnostic shows.
const golangciConfig = `version: "2"
linters:
  default: none
  enable:
    - iohotpath
  settings:
    custom:
      iohotpath:
        type: module
        description: blocking I/O on hot paths
        settings:
%s
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`

// settingsYAML is the plugin settings of the comparison; standaloneFlags
// are the same options as flags of the command.
const settingsYAML = `          funcs: ["Handle$"]`

var standaloneFlags = []string{"-funcs=Handle$"}

// TestGolangciLint builds golangci-lint with the plugin (testdata/gcl) and
// the iohotpath command, runs both on testdata/gclmod and checks that they
// report the same findings, that each honours its suppressions, and that
// golangci-lint rejects bad settings with iohotpath's message.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped in -short mode")
	}
	start := time.Now()
	bin := t.TempDir()
	iohotpath := filepath.Join(bin, "iohotpath")
	gcl := filepath.Join(bin, "golangci-lint")
	goBuild(t, "..", iohotpath, "./cmd/iohotpath")
	buildStart := time.Now()
	goBuild(t, filepath.Join("..", "testdata", "gcl"), gcl, ".")
	t.Logf("built golangci-lint with the iohotpath plugin in %v", time.Since(buildStart).Round(time.Millisecond))
	defer func() { t.Logf("whole test: %v", time.Since(start).Round(time.Millisecond)) }()

	mod := copyDir(t, filepath.Join("..", "testdata", "gclmod"))
	appGo := filepath.Join(mod, "app", "app.go")
	line := func(substr string) int { return lineOf(t, appGo, substr) }

	writeConfig(t, mod, settingsYAML)
	alone := runStandalone(t, iohotpath, mod, standaloneFlags...)
	viaGCL := runGolangciLint(t, gcl, mod)
	t.Logf("standalone:\n%s", alone)
	t.Logf("golangci-lint:\n%s", viaGCL)

	// //nolint:iohotpath is golangci-lint's: only the standalone command
	// reports that line.
	// The command prints a chain's hops as related lines; golangci-lint
	// gets none (see withoutRelated), so they are left out of the
	// comparison and checked below.
	nolint := line("//nolint:iohotpath")
	var onlyAlone findings
	for _, f := range alone {
		if !viaGCL.has(f) && !strings.Contains(f.msg, relatedPrefix) {
			onlyAlone = append(onlyAlone, f)
		}
	}
	if len(onlyAlone) != 1 || onlyAlone[0].file != "app.go" || onlyAlone[0].line != nolint {
		t.Errorf("findings of the command only: got\n%s\nwant just app.go:%d (the //nolint:iohotpath line)", onlyAlone, nolint)
	}
	for _, f := range viaGCL {
		if !alone.has(f) {
			t.Errorf("golangci-lint only: %s", f)
		}
	}

	// Specific findings, expected from both front ends.
	for _, want := range []struct {
		line  int
		words []string
	}{
		{line("os.OpenFile("), []string{"os.OpenFile", "hot function Record"}},
		{line(`log.Printf("recorded`), []string{"log.Printf", "hot function Record"}},
		{line("store.Save("), []string{"store.Save", "os.WriteFile", "hot loop in Flush"}},
		{line(`log.Printf("handled`), []string{"log.Printf", "Handle"}}, // hot by funcs: ["Handle$"]
	} {
		for name, got := range map[string]findings{"iohotpath": alone, "golangci-lint": viaGCL} {
			if !got.match("app.go", want.line, want.words...) {
				t.Errorf("%s: no finding at app.go:%d mentioning %q", name, want.line, want.words)
			}
		}
	}
	// The transitive finding carries its chain as related information in
	// the command; golangci-lint shows it once, the chain in its message,
	// with no issue per hop.
	if !alone.match("app.go", line("store.Save("), relatedPrefix, "os.WriteFile") {
		t.Errorf("iohotpath: no related line for store.Save at app.go:%d", line("store.Save("))
	}
	for _, f := range viaGCL {
		if strings.Contains(f.msg, relatedPrefix) {
			t.Errorf("golangci-lint shows a hop of a chain as an issue of its own: %s", f)
		}
	}
	if n := viaGCL.count("app.go", line("store.Save(")); n != 1 {
		t.Errorf("golangci-lint: %d issues at store.Save (app.go:%d), want exactly 1", n, line("store.Save("))
	}
	// Silent lines, in both.
	for _, silent := range []int{
		line("//iohotpath:ignore"),
		line("os.ReadFile("), // in Cold, which is not hot
	} {
		for name, got := range map[string]findings{"iohotpath": alone, "golangci-lint": viaGCL} {
			if got.match("app.go", silent) {
				t.Errorf("%s reports app.go:%d, which must stay silent", name, silent)
			}
		}
	}
	if !alone.match("app.go", nolint, "log.Println") {
		t.Errorf("iohotpath: the //nolint:iohotpath line app.go:%d is not reported; golangci-lint's directive must not silence the command", nolint)
	}

	t.Run("no .iohotpath.yml lookup", func(t *testing.T) {
		// The command would obey this file; the plugin uses its settings only.
		iohotpathYML := filepath.Join(mod, ".iohotpath.yml")
		writeFile(t, iohotpathYML, "disable: [file, log]\n")
		defer os.Remove(iohotpathYML)
		if got := runGolangciLint(t, gcl, mod); !slices.Equal(got, viaGCL) {
			t.Errorf("golangci-lint with a .iohotpath.yml in the module:\n%swant as without it:\n%s", got, viaGCL)
		}
		if got := runStandalone(t, iohotpath, mod, standaloneFlags...); got.match("app.go", line("os.OpenFile(")) {
			t.Errorf("iohotpath ignores .iohotpath.yml (disable: [file, log]):\n%s", got)
		}
	})

	t.Run("bad settings", func(t *testing.T) {
		for _, tc := range []struct{ settings, want string }{
			{`          funcz: [x]`, `iohotpath: unknown key "funcz"`},
			{`          funcs: ["("]`, `iohotpath: funcs: bad regular expression "("`},
		} {
			writeConfig(t, mod, tc.settings)
			out, code := run(t, mod, gclEnv(t), gcl, "run", "./...")
			if code == 0 || !strings.Contains(out, tc.want) {
				t.Errorf("settings %s: exit code %d, output:\n%s\nwant a non-zero exit code and %q", strings.TrimSpace(tc.settings), code, out, tc.want)
			} else {
				t.Logf("settings %s: exit code %d", strings.TrimSpace(tc.settings), code)
			}
		}
	})

	t.Run("standalone exit codes", func(t *testing.T) {
		broken := t.TempDir() // a module whose package does not type-check
		writeFile(t, filepath.Join(broken, "go.mod"), "module example.com/broken\n\ngo 1.26.0\n")
		writeFile(t, filepath.Join(broken, "broken.go"), "package broken\n\nvar x int = \"not an int\"\n")
		for _, tc := range []struct {
			dir  string
			args []string
			want int
		}{
			{mod, []string{"./store"}, 0},                   // clean
			{mod, []string{"./..."}, 3},                     // findings
			{mod, []string{"-funcs=(", "./store"}, 1},       // bad flag value
			{mod, []string{"-disable=files", "./store"}, 1}, // bad flag value
			{broken, []string{"./..."}, 1},                  // type errors
		} {
			out, code := run(t, tc.dir, nil, iohotpath, tc.args...)
			if code != tc.want {
				t.Errorf("iohotpath %s: exit code %d, want %d; output:\n%s", strings.Join(tc.args, " "), code, tc.want, out)
			}
		}
	})
}

const relatedPrefix = "iohotpath(related information): "

// finding is one diagnostic, compared by file base name, line and message.
type finding struct {
	file string
	line int
	msg  string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.file, f.line, f.msg) }

type findings []finding

func (list findings) String() string {
	var b strings.Builder
	for _, f := range list {
		fmt.Fprintf(&b, "\t%s\n", f)
	}
	return b.String()
}

func (list findings) has(f finding) bool { return slices.Contains(list, f) }

// count returns how many findings are at file:line.
func (list findings) count(file string, line int) int {
	n := 0
	for _, f := range list {
		if f.file == file && f.line == line {
			n++
		}
	}
	return n
}

// match reports whether a finding at file:line mentions every word.
func (list findings) match(file string, line int, words ...string) bool {
	return slices.ContainsFunc(list, func(f finding) bool {
		if f.file != file || f.line != line {
			return false
		}
		for _, w := range words {
			if !strings.Contains(f.msg, w) {
				return false
			}
		}
		return true
	})
}

func sortFindings(list findings) findings {
	slices.SortFunc(list, func(a, b finding) int {
		return strings.Compare(fmt.Sprintf("%s:%06d:%s", a.file, a.line, a.msg), fmt.Sprintf("%s:%06d:%s", b.file, b.line, b.msg))
	})
	return list
}

// runStandalone runs `iohotpath -json args ./...` in dir. Related
// information becomes findings as golangci-lint shows it: at the related
// position when it is in the diagnostic's file, else at the diagnostic's.
func runStandalone(t *testing.T, bin, dir string, args ...string) findings {
	t.Helper()
	out, code := run(t, dir, nil, bin, append(append([]string{"-json"}, args...), "./...")...)
	if code != 0 {
		t.Fatalf("iohotpath -json: exit code %d:\n%s", code, out)
	}
	type posn struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	type diag struct {
		posn
		Related []posn `json:"related"`
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("iohotpath -json: %v:\n%s", err, out)
	}
	var got findings
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []diag
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("iohotpath -json: %s: %s: %s", pkg, name, raw) // {"error": ...}
			}
			for _, d := range diags {
				file, line := splitPosn(t, d.Posn)
				got = append(got, finding{filepath.Base(file), line, d.Message})
				for _, r := range d.Related {
					rfile, rline := splitPosn(t, r.Posn)
					if rfile != file {
						rline = line
					}
					got = append(got, finding{filepath.Base(file), rline, relatedPrefix + r.Message})
				}
			}
		}
	}
	return sortFindings(got)
}

// splitPosn splits "file:line:col".
func splitPosn(t *testing.T, posn string) (string, int) {
	t.Helper()
	rest, _, _ := cutLast(posn, ":") // column
	file, lineStr, ok := cutLast(rest, ":")
	line, err := strconv.Atoi(lineStr)
	if !ok || err != nil {
		t.Fatalf("bad position %q", posn)
	}
	return file, line
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// runGolangciLint runs `golangci-lint run ./...` in dir with JSON output and
// returns the iohotpath issues.
func runGolangciLint(t *testing.T, bin, dir string) findings {
	t.Helper()
	cmd := exec.Command(bin, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gclEnv(t)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: issues found
		t.Fatalf("golangci-lint run: %v\nstdout:\n%s\nstderr:\n%s", err, &stdout, &stderr)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\nstdout:\n%s\nstderr:\n%s", err, &stdout, &stderr)
	}
	var got findings
	for _, is := range report.Issues {
		if is.FromLinter != "iohotpath" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		got = append(got, finding{filepath.Base(is.Pos.Filename), is.Pos.Line, is.Text})
	}
	return sortFindings(got)
}

// gclEnv gives golangci-lint a fresh cache, so no run reuses another's
// results.
func gclEnv(t *testing.T) []string {
	return []string{"GOLANGCI_LINT_CACHE=" + t.TempDir(), "GOWORK=off"}
}

// run runs name with args in dir and returns its combined output and exit
// code; it fails the test if the command cannot run at all.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(out), exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out), 0
}

// goBuild runs `go build -o out pkg` in dir.
func goBuild(t *testing.T, dir, out, pkg string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build -o %s %s in %s: %v\n%s", out, pkg, dir, err, b)
	}
}

// copyDir copies the directory src into a new temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeConfig(t *testing.T, dir, settings string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, ".golangci.yml"), fmt.Sprintf(golangciConfig, settings))
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineOf returns the line of file that contains substr; it must be one.
func lineOf(t *testing.T, file, substr string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, substr) {
			if found != 0 {
				t.Fatalf("%s: %q is on lines %d and %d", file, substr, found, i+1)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("%s: no line contains %q", file, substr)
	}
	return found
}
