package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/output/sarifschema"
)

// exitCodeRows returns README.md's exit-code table: situation (the first
// cell, as written) -> exit code.
func exitCodeRows(t *testing.T) map[string]int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Exit codes\n")
	if !ok {
		t.Fatal("README.md has no \"## Exit codes\" section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	rows := map[string]int{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(line, "| ") {
			continue
		}
		situation, code := strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2])
		if n, err := strconv.Atoi(code); err == nil {
			rows[situation] = n
		}
	}
	if len(rows) == 0 {
		t.Fatal("README.md's exit-code table has no rows")
	}
	return rows
}

// tempModule writes a module holding files (go.mod included) and returns
// its root.
func tempModule(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["go.mod"] = "module example.com/tmp\n\ngo 1.26\n"
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// fixable has a finding with a fix (the open hoisted out of the loop) and
// one without (a log line in a hot function).
const fixable = `package p

import (
	"fmt"
	"log"
	"os"
)

func Ingest(path string, ids []string) error {
	for _, id := range ids {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		fmt.Fprintln(f, id)
		f.Close()
	}
	return nil
}

// hotpath
func Handle(id string) {
	log.Printf("id %s", id)
}
`

// oneLine fails unless out is the single line want.
func oneLine(t *testing.T, out, want string) {
	t.Helper()
	if out != want+"\n" {
		t.Errorf("output:\n%s\nwant the one line:\n%s", out, want)
	}
}

// namesFlag fails unless out is one line of iohotpath's that holds flag
// and problem. (The wording is the flag parser's; the row promises one
// line naming the flag.)
func namesFlag(t *testing.T, out, flag, problem string) {
	t.Helper()
	if !strings.HasPrefix(out, "iohotpath: ") || strings.Count(out, "\n") != 1 ||
		!strings.Contains(out, flag) || !strings.Contains(out, problem) {
		t.Errorf("output:\n%s\nwant one line \"iohotpath: ...\" naming %s and saying %q", out, flag, problem)
	}
}

// sarifResults returns the number of results of out, a SARIF log of one
// run, and whether out is one that validates against the SARIF 2.1.0
// schema.
func sarifResults(t *testing.T, out string) (int, bool) {
	t.Helper()
	if err := sarifschema.Validate([]byte(out)); err != nil {
		t.Errorf("the SARIF log does not validate: %v", err)
		return 0, false
	}
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Errorf("SARIF: %v, %d runs, want 1", err, len(log.Runs))
		return 0, false
	}
	return len(log.Runs[0].Results), true
}

// TestExitCodeTable runs the real command for every row of README.md's
// exit-code table and checks the code the row gives and the output it
// describes. A row without a case here, or a case without a row, fails.
func TestExitCodeTable(t *testing.T) {
	bin := binary(t)
	mod := testdataDir(t, "mod")
	rows := exitCodeRows(t)

	// Each case runs the command one or more ways, checks the output, and
	// returns the exit codes, which must all be the row's.
	cases := map[string]func(t *testing.T) []int{
		"no findings": func(t *testing.T) []int {
			out, code := run(t, mod, bin, "./clean")
			oneLine(t, out, "iohotpath: no findings in 1 package")
			return []int{code}
		},
		"findings": func(t *testing.T) []int {
			out, code := run(t, mod, bin, "./...")
			if len(findings(mod, out)) == 0 {
				t.Errorf("no findings in the output:\n%s", out)
			}
			return []int{code}
		},
		"a bad option value (`-funcs='('`, `-disable=files`)": func(t *testing.T) []int {
			out1, code1 := run(t, mod, bin, "-funcs=(", "./clean")
			namesFlag(t, out1, "funcs", `bad regular expression "("`)
			out2, code2 := run(t, mod, bin, "-disable=files", "./clean")
			namesFlag(t, out2, "disable", `unknown category or rule "files"`)
			return []int{code1, code2}
		},
		"a bad driver flag value (`-c=x`, `-json=maybe`, `-debug=zzz`)": func(t *testing.T) []int {
			out1, code1 := run(t, mod, bin, "-c=x", "./clean")
			namesFlag(t, out1, "-c", `"x"`)
			out2, code2 := run(t, mod, bin, "-json=maybe", "./clean")
			namesFlag(t, out2, "-json", `"maybe"`)
			out3, code3 := run(t, mod, bin, "-debug=zzz", "./clean")
			namesFlag(t, out3, "-debug=zzz", `want letters of "fps"`)
			return []int{code1, code2, code3}
		},
		"an unknown flag (`-nosuchflag`)": func(t *testing.T) []int {
			out, code := run(t, mod, bin, "-nosuchflag", "./clean")
			namesFlag(t, out, "-nosuchflag", "not defined")
			return []int{code}
		},
		"a bad configuration file (`.iohotpath.yml` or `-config`)": func(t *testing.T) []int {
			root := tempModule(t, map[string]string{".iohotpath.yml": "funcs: [A]\nfuncs: [B]\n", "p/p.go": "package p\n"})
			out1, code1 := run(t, root, bin, "./...")
			oneLine(t, out1, "iohotpath: "+filepath.Join(root, ".iohotpath.yml")+":2: funcs: duplicate key (first at line 1): give each option once")
			bad := filepath.Join(t.TempDir(), "bad.yml")
			if err := os.WriteFile(bad, []byte("funcs: [1]\nfuncz: [x]\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			out2, code2 := run(t, mod, bin, "-config="+bad, "./clean")
			want := "iohotpath: " + bad + `:1: funcs: item 1 is a number, want a string (quote it: "1")` + "\n" +
				bad + ":2: funcz: unknown key (known keys: funcs, hot, blocking, nonblocking, disable, error-paths, include-tests, show-offpath, profiles, profile-only, contended-only)\n"
			if out2 != want {
				t.Errorf("-config: output\n%s\nwant\n%s", out2, want)
			}
			return []int{code1, code2}
		},
		"a package that does not load or type-check": func(t *testing.T) []int {
			out1, code1 := run(t, testdataDir(t, "broken"), bin, "./...")
			if !strings.Contains(out1, `cannot use "not an int"`) {
				t.Errorf("type error: output\n%s\nwant the compiler's error", out1)
			}
			out2, code2 := run(t, mod, bin, "./nosuch")
			if !strings.Contains(out2, "nosuch: directory not found") {
				t.Errorf("missing package: output\n%s\nwant the loader's error", out2)
			}
			return []int{code1, code2}
		},
		"`-json`, with or without findings": func(t *testing.T) []int {
			out1, code1 := run(t, mod, bin, "-json", "./...")
			if !json.Valid([]byte(out1)) || !strings.Contains(out1, `"example.com/mod/handler"`) {
				t.Errorf("output is not the findings as JSON:\n%s", out1)
			}
			out2, code2 := run(t, mod, bin, "-json", "./clean")
			if strings.TrimSpace(out2) != "{}" {
				t.Errorf("clean package: output %q, want {}", out2)
			}
			return []int{code1, code2}
		},
		"`-json` and a bad flag, file or package": func(t *testing.T) []int {
			var codes []int
			for _, args := range [][]string{{"-funcs=(", "./clean"}, {"-nosuchflag", "./clean"}, {"-config=/nonexistent.yml", "./clean"}} {
				out, code := run(t, mod, bin, append([]string{"-json"}, args...)...)
				if !strings.HasPrefix(out, "iohotpath: ") || strings.Count(out, "\n") != 1 {
					t.Errorf("-json %v: output\n%s\nwant the one line of the run without -json", args, out)
				}
				codes = append(codes, code)
			}
			out, code := run(t, testdataDir(t, "broken"), bin, "-json", "./...")
			if !strings.Contains(out, `cannot use "not an int"`) {
				t.Errorf("-json, type error: output\n%s\nwant the compiler's error", out)
			}
			return append(codes, code)
		},
		"`-format=json`, `-format=sarif` or `-format=github`, no findings": func(t *testing.T) []int {
			var codes []int
			for _, format := range []string{"json", "sarif", "github"} {
				stdout, stderr, code := runFormat(t, mod, "-format="+format, "./clean")
				if stderr != "" {
					t.Errorf("-format=%s: standard error %q, want nothing", format, stderr)
				}
				switch format {
				case "sarif":
					if results, ok := sarifResults(t, stdout); !ok || results != 0 {
						t.Errorf("-format=sarif: want a SARIF log without results:\n%s", stdout)
					}
				case "json":
					if stdout != "{}\n" {
						t.Errorf("-format=json: output %q, want {}", stdout)
					}
				case "github":
					if stdout != "" {
						t.Errorf("-format=github: output %q, want nothing", stdout)
					}
				}
				codes = append(codes, code)
			}
			return codes
		},
		"`-format=json`, `-format=sarif` or `-format=github`, findings": func(t *testing.T) []int {
			var codes []int
			for _, format := range []string{"json", "sarif", "github"} {
				stdout, stderr, code := runFormat(t, mod, "-format="+format, "./...")
				if stderr != "" {
					t.Errorf("-format=%s: standard error %q, want nothing", format, stderr)
				}
				var ok bool
				switch format {
				case "json":
					ok = json.Valid([]byte(stdout)) && strings.Contains(stdout, `"example.com/mod/handler"`)
				case "sarif":
					results, valid := sarifResults(t, stdout)
					ok = valid && results > 0 && strings.Contains(stdout, `"uri": "handler/handler.go"`)
				case "github":
					ok = strings.HasPrefix(stdout, "::warning file=") && strings.Contains(stdout, "::warning file=handler/handler.go,")
				}
				if !ok {
					t.Errorf("-format=%s: output is not the findings in that format:\n%s", format, stdout)
				}
				codes = append(codes, code)
			}
			return codes
		},
		"`-format` and a bad flag, file or package": func(t *testing.T) []int {
			var codes []int
			for _, format := range []string{"json", "sarif", "github"} {
				for _, args := range [][]string{{"-funcs=(", "./clean"}, {"-nosuchflag", "./clean"}, {"-config=/nonexistent.yml", "./clean"}} {
					stdout, stderr, code := runFormat(t, mod, append([]string{"-format=" + format}, args...)...)
					if stdout != "" || !strings.HasPrefix(stderr, "iohotpath: ") || strings.Count(stderr, "\n") != 1 {
						t.Errorf("-format=%s %v: output %q, standard error\n%s\nwant nothing and the one line of the run without -format", format, args, stdout, stderr)
					}
					codes = append(codes, code)
				}
				_, stderr, code := runFormat(t, testdataDir(t, "broken"), "-format="+format, "./...")
				if !strings.Contains(stderr, `cannot use "not an int"`) {
					t.Errorf("-format=%s, type error: standard error\n%s\nwant the compiler's error", format, stderr)
				}
				codes = append(codes, code)
			}
			return codes
		},
		"`-format` with `-json` (other than `-format=json`) or with `-fix`": func(t *testing.T) []int {
			var codes []int
			for _, args := range [][]string{
				{"-format=sarif", "-json"},
				{"-json", "-format=github"},
				{"-format=text", "-json"},
				{"-format=sarif", "-fix"},
				{"-format=json", "-fix", "-diff"},
			} {
				stdout, stderr, code := runFormat(t, mod, append(args, "./clean")...)
				other := "-json"
				if slices.Contains(args, "-fix") {
					other = "-fix"
				}
				if stdout != "" || !strings.HasPrefix(stderr, "iohotpath: ") || strings.Count(stderr, "\n") != 1 ||
					!strings.Contains(stderr, "-format=") || !strings.Contains(stderr, other) {
					t.Errorf("%v: output %q, standard error\n%s\nwant one line naming -format and %s", args, stdout, stderr, other)
				}
				codes = append(codes, code)
			}
			return codes
		},
		"`-fix` with findings left after fixing": func(t *testing.T) []int {
			root := tempModule(t, map[string]string{"p/p.go": fixable})
			out, code := run(t, root, bin, "-fix", "./...")
			if got, _ := os.ReadFile(filepath.Join(root, "p/p.go")); string(got) == fixable {
				t.Error("-fix left the file as it was, want the open hoisted")
			}
			// -fix reports the finding it could not fix, and a second run
			// agrees.
			if fs := findings(root, out); len(fs) != 1 || !strings.Contains(fs[0], "log.Printf") ||
				!strings.Contains(out, "iohotpath: applied 1 fix in 1 file") {
				t.Errorf("-fix printed\n%s\nwant the fix it applied and the log.Printf finding left", out)
			}
			again, againCode := run(t, root, bin, "./...")
			if fs := findings(root, again); againCode != 3 || len(fs) != 1 || !strings.Contains(fs[0], "log.Printf") {
				t.Errorf("after -fix: exit %d, findings %q; want 3 and the log.Printf", againCode, fs)
			}
			return []int{code}
		},
		"`-fix` that fixes every finding": func(t *testing.T) []int {
			onlyFixable := strings.Replace(strings.Split(fixable, "// hotpath")[0], "\t\"log\"\n", "", 1)
			const unformatted = "\nfunc   Unrelated( ) int { return 1 }\n"
			root := tempModule(t, map[string]string{"p/p.go": onlyFixable + unformatted})
			out, code := run(t, root, bin, "-fix", "./...")
			if out != "iohotpath: applied 1 fix in 1 file\niohotpath: no findings in 1 package\n" {
				t.Errorf("-fix printed %q, want what it applied and the summary line", out)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "p/p.go")); !strings.HasSuffix(string(got), unformatted) {
				t.Errorf("-fix changed lines it did not fix:\n%s", got)
			}
			if again, againCode := run(t, root, bin, "./..."); againCode != 0 {
				t.Errorf("after -fix: exit %d:\n%s", againCode, again)
			}
			return []int{code}
		},
		"`-fix -diff` with findings its fixes leave": func(t *testing.T) []int {
			root := tempModule(t, map[string]string{"p/p.go": fixable})
			stdout, stderr, code := runEnv(t, root, nil, bin, "-fix", "-diff", "./...")
			if !strings.HasPrefix(stdout, "--- "+filepath.Join(root, "p/p.go")+" (old)\n+++ "+filepath.Join(root, "p/p.go")+" (new)\n") ||
				!strings.Contains(stdout, "-\t\tf.Close()") || !strings.Contains(stdout, "+\tf.Close()") {
				t.Errorf("standard output\n%s\nwant a unified diff of p.go", stdout)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "p/p.go")); string(got) != fixable {
				t.Error("-fix -diff changed the file")
			}
			// The finding it has no fix for is reported, not hidden; the
			// one the diff fixes is not.
			if fs := findings(root, stderr); len(fs) != 1 || !strings.Contains(fs[0], "log.Printf") ||
				!strings.Contains(stderr, "iohotpath: the diff holds 1 fix in 1 file; the findings they leave:\n") {
				t.Errorf("standard error\n%s\nwant the diff's count and the log.Printf finding left", stderr)
			}
			return []int{code}
		},
		"`-fix -diff` whose fixes settle every finding": func(t *testing.T) []int {
			onlyFixable := strings.Replace(strings.Split(fixable, "// hotpath")[0], "\t\"log\"\n", "", 1)
			const unformatted = "\nfunc   Unrelated( ) int { return 1 }\n"
			root := tempModule(t, map[string]string{"p/p.go": onlyFixable + unformatted})
			stdout, stderr, code := runEnv(t, root, nil, bin, "-fix", "-diff", "./...")
			if !strings.Contains(stdout, "+\tf.Close()") || strings.Contains(stdout, "Unrelated") {
				t.Errorf("standard output\n%s\nwant the fix's lines alone (what -fix writes: no reformatting)", stdout)
			}
			if stderr != "iohotpath: the diff holds 1 fix in 1 file; the findings they leave:\niohotpath: no findings in 1 package\n" {
				t.Errorf("standard error %q, want the diff's count and the summary line", stderr)
			}
			return []int{code}
		},
		"`-help`, `iohotpath help`": func(t *testing.T) []int {
			var codes []int
			for _, arg := range []string{"-help", "help"} {
				out, _, code := runEnv(t, mod, nil, bin, arg)
				if !strings.Contains(out, "Usage: iohotpath [-flag] [package]") || !strings.Contains(out, "  -funcs value") {
					t.Errorf("%s: standard output\n%s\nwant the usage and the flags", arg, out)
				}
				codes = append(codes, code)
			}
			return codes
		},
		"`-version`": func(t *testing.T) []int {
			out, _, code := runEnv(t, mod, nil, bin, "-version")
			if !strings.HasPrefix(out, "iohotpath ") || !strings.Contains(out, " go1.") {
				t.Errorf("standard output %q, want the version line", out)
			}
			return []int{code}
		},
		"`-list`": func(t *testing.T) []int {
			out, _, code := runEnv(t, mod, nil, bin, "-list")
			if !strings.Contains(out, "sync (") || !strings.Contains(out, "\n  (*os.File).Sync\n") {
				t.Errorf("standard output %q, want the catalogue by category", out)
			}
			return []int{code}
		},
		"`-explain RULE`": func(t *testing.T) []int {
			out, _, code := runEnv(t, mod, nil, bin, "-explain", "io-under-lock")
			if !strings.HasPrefix(out, "# io-under-lock ") {
				t.Errorf("standard output %.80q, want the page of io-under-lock", out)
			}
			return []int{code}
		},
		"`-explain` an unknown rule": func(t *testing.T) []int {
			out, code := run(t, mod, bin, "-explain=hotio")
			oneLine(t, out, "iohotpath: invalid flag: -explain=hotio: unknown rule (known rules: hot-io, io-under-lock, defer-in-loop, reopen-in-loop, directive)")
			return []int{code}
		},
		"no package pattern": func(t *testing.T) []int {
			out, code := run(t, mod, bin)
			if !strings.Contains(out, "Usage: iohotpath [-flag] [package]") || !strings.Contains(out, "  -funcs value") {
				t.Errorf("output\n%s\nwant the usage and the flags", out)
			}
			return []int{code}
		},
	}

	for situation := range rows {
		if cases[situation] == nil {
			t.Errorf("README.md's exit-code row %q has no case in this test", situation)
		}
	}
	for situation, check := range cases {
		want, ok := rows[situation]
		if !ok {
			t.Errorf("case %q is not a row of README.md's exit-code table", situation)
			continue
		}
		t.Run(situation, func(t *testing.T) {
			for i, code := range check(t) {
				if code != want {
					t.Errorf("run %d: exit code %d, README.md says %d", i+1, code, want)
				}
			}
		})
	}
}

// TestExitCodeOtherDrivers: what README.md says under the table about go
// vet and go run.
func TestExitCodeOtherDrivers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet and go run")
	}
	bin := binary(t)
	mod := testdataDir(t, "mod")
	for _, tc := range []struct {
		args []string
		want int
		out  string // in the output
	}{
		{[]string{"vet", "-vettool=" + bin, "./clean"}, 0, ""},
		{[]string{"vet", "-vettool=" + bin, "./..."}, 1, "handler/handler.go:12:2: log.Printf"},
		{[]string{"vet", "-vettool=" + bin, "-funcs=(", "./clean"}, 1, "iohotpath: invalid flag: funcs: bad regular expression"},
		{[]string{"vet", "-vettool=" + bin, "-nosuchflag", "./clean"}, 2, "usage: go vet"},
		{[]string{"vet", "-vettool=" + bin, "-json", "./..."}, 0, `"example.com/mod/handler"`},
	} {
		out, code := run(t, mod, "go", tc.args...)
		if code != tc.want || !strings.Contains(out, tc.out) {
			t.Errorf("go %s: exit %d, want %d and output containing %q:\n%s", strings.Join(tc.args, " "), code, tc.want, tc.out, out)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, root, "go", "run", "./cmd/iohotpath", "./examples/...")
	if code != 1 || !strings.Contains(out, "exit status 3") {
		t.Errorf("go run on the examples: exit %d, want 1 and \"exit status 3\":\n%s", code, out)
	}
}
