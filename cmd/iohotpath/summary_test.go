package main_test

import (
	"strings"
	"testing"
)

// TestSummaryLine: text output ends with "N findings in M packages" on
// standard error ("no findings" when there are none, singular for one),
// the same on both engines; -json and the other formats print none.
func TestSummaryLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs both engines ten times: skipped in -short mode")
	}
	bin := binary(t)
	mod := testdataDir(t, "mod")
	one := tempModule(t, map[string]string{"a.go": "package p\n\nimport \"log\"\n\n// hotpath\nfunc Handle() { log.Print(\"x\") }\n"})
	for _, engine := range []string{"-engine=vet", "-engine=inprocess"} {
		for _, tc := range []struct {
			dir, pattern, want string
			code               int
		}{
			{mod, "./...", "iohotpath: 4 findings in 5 packages", 3},
			{mod, "./clean", "iohotpath: no findings in 1 package", 0},
			{one, "./...", "iohotpath: 1 finding in 1 package", 3},
		} {
			stdout, stderr, code := runEnv(t, tc.dir, nil, bin, engine, tc.pattern)
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if code != tc.code || lines[len(lines)-1] != tc.want || stdout != "" {
				t.Errorf("%s %s: exit code %d, last line %q; want %d and %q\n%s", engine, tc.pattern, code, lines[len(lines)-1], tc.code, tc.want, stderr)
			}
		}
		if engine != "-engine=vet" {
			continue // the report is rendered after either engine by the same code: once, on the cheap engine
		}
		for _, format := range []string{"-json", "-format=json", "-format=sarif", "-format=github"} {
			stdout, stderr, _ := runEnv(t, mod, nil, bin, engine, format, "./...")
			if strings.Contains(stdout+stderr, "findings in") {
				t.Errorf("%s %s: the summary is for text output only\nstdout:\n%s\nstderr:\n%s", engine, format, stdout, stderr)
			}
		}
	}
}
