package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCauses: three findings reaching os.ReadFile through one helper chain
// make one cause, named for the function nearest the findings; two
// findings sharing another helper make none.
func TestCauses(t *testing.T) {
	dir := t.TempDir()
	errsDir := filepath.Join(dir, "errs")
	if err := os.MkdirAll(errsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/svc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errsFile := filepath.Join(errsDir, "errs.go")
	chain := func(first string) []Related {
		return []Related{
			{Pos: Position{File: filepath.Join(dir, "api.go"), Line: 3}, Message: first + " calls errs.MustBugf"},
			{Pos: Position{File: errsFile, Line: 10}, Message: "errs.MustBugf calls (*errs.Error).stack"},
			{Pos: Position{File: errsFile, Line: 20}, Message: "(*errs.Error).stack calls os.ReadFile"},
		}
	}
	r := &Report{Diagnostics: []Diagnostic{
		{Message: "a", Related: chain("api.get")},
		{Message: "b", Related: chain("api.put")},
		{Message: "c", Related: chain("api.del")},
		{Message: "d", Related: []Related{{Pos: Position{File: errsFile, Line: 30}, Message: "api.log calls log.Printf"}}},
		{Message: "e", Related: []Related{{Pos: Position{File: errsFile, Line: 30}, Message: "api.log calls log.Printf"}}},
	}}
	causes := Causes(r)
	if len(causes) != 1 {
		t.Fatalf("Causes = %+v, want one", causes)
	}
	c := causes[0]
	if c.Callee != "errs.MustBugf" || c.Findings != 3 || c.Key != "example.com/svc/errs.MustBugf" {
		t.Errorf("cause = %+v, want errs.MustBugf, 3 findings, key example.com/svc/errs.MustBugf", c)
	}
	if a := c.Advice(); !strings.Contains(a, "nonblocking: ['example.com/svc/errs.MustBugf']") || !strings.HasPrefix(a, "3 findings reach blocking I/O through errs.MustBugf (") {
		t.Errorf("Advice = %q", a)
	}
}

func TestConfigKey(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "store")
	vendored := filepath.Join(dir, "vendor", "github.com", "x", "log")
	for _, d := range []string{pkg, vendored} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m/v2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ display, file, want string }{
		{"(*store.Store).writeAll", filepath.Join(pkg, "s.go"), "example.com/m/v2/store.Store.writeAll"},
		{"store.T.M", filepath.Join(pkg, "s.go"), "example.com/m/v2/store.T.M"},
		{"m.Run", filepath.Join(dir, "main.go"), "example.com/m/v2.Run"},
		{"log.Printf", filepath.Join(vendored, "l.go"), "github.com/x/log.Printf"},
		{"store.F.func1", filepath.Join(pkg, "s.go"), ""},
		{"store.F", filepath.Join(string(filepath.Separator), "nowhere", "s.go"), ""},
	} {
		if got := configKey(tc.display, tc.file); got != tc.want {
			t.Errorf("configKey(%s, %s) = %q, want %q", tc.display, tc.file, got, tc.want)
		}
	}
}

// TestCausesSubset: a callee that only part of a listed cause's findings
// reach is not listed again.
func TestCausesSubset(t *testing.T) {
	rel := func(msgs ...string) []Related {
		var out []Related
		for _, m := range msgs {
			out = append(out, Related{Message: m})
		}
		return out
	}
	r := &Report{Diagnostics: []Diagnostic{
		{Related: rel("a calls q", "q calls logx.Warnf", "logx.Warnf calls log.Printf")},
		{Related: rel("b calls q", "q calls logx.Warnf", "logx.Warnf calls log.Printf")},
		{Related: rel("c calls q", "q calls logx.Warnf", "logx.Warnf calls log.Printf")},
		{Related: rel("d calls logx.Warnf", "logx.Warnf calls log.Printf")},
	}}
	causes := Causes(r)
	if len(causes) != 1 || causes[0].Callee != "logx.Warnf" || causes[0].Findings != 4 {
		t.Errorf("Causes = %+v, want logx.Warnf with 4 findings alone", causes)
	}
}
