package output

import (
	"fmt"
	"go/build"
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
		path, _ := importPath(filepath.Dir(tc.file))
		if got := configKey(tc.display, path); got != tc.want {
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

// TestCausesDispatch: a chain through a dynamic call names the call with
// the implementation it reaches; the cause is the implementation, which
// the nonblocking option can name (not "j.Out.Write (implemented by
// (*os.File).Write)"), and a standard library function reached that way
// is the catalogued call itself, not a helper to review.
func TestCausesDispatch(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/svc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	saver := Position{File: filepath.Join(dir, "filesaver", "filesaver.go"), Line: 39}
	std := Position{File: filepath.Join(build.Default.GOROOT, "src", "os", "file.go"), Line: 211}
	write := "j.Out.Write (implemented by (*os.File).Write, 1 other implementation)"
	chain := func(first string) []Related {
		return []Related{
			{Pos: saver, Message: first + " calls " + write},
			{Pos: std, Message: write + " calls (*os.File).Write"},
		}
	}
	r := &Report{Diagnostics: []Diagnostic{
		{Related: chain("(*filesaver.Journal).Save")},
		{Related: chain("s.Journal.Save (implemented by (*filesaver.Journal).Save)")},
		{Related: chain("s.Journal.Save (implemented by (*filesaver.Journal).Save, 2 other implementations)")},
	}}
	causes := Causes(r)
	if len(causes) != 1 {
		t.Fatalf("Causes = %+v, want one", causes)
	}
	if c := causes[0]; c.Callee != "(*filesaver.Journal).Save" || c.Findings != 3 || c.Key != "example.com/svc/filesaver.Journal.Save" {
		t.Errorf("cause = %+v, want (*filesaver.Journal).Save, 3 findings, key example.com/svc/filesaver.Journal.Save", c)
	}

	// Only the standard library's function is shared: no cause.
	for i := range r.Diagnostics {
		r.Diagnostics[i].Related[0].Message = fmt.Sprintf("h%d calls %s", i, write)
	}
	if causes := Causes(r); len(causes) != 0 {
		t.Errorf("Causes = %+v, want none: (*os.File).Write is the catalogued call", causes)
	}
}

// TestAdviceReadOnly: a cause whose code is in the module cache is
// settled by configuration only; no directive can be added there.
func TestAdviceReadOnly(t *testing.T) {
	c := Cause{Callee: "zap.L", Findings: 4, Key: "go.uber.org/zap.L", ReadOnly: true}
	if a := c.Advice(); strings.Contains(a, "doc comment") || !strings.HasSuffix(a, "add nonblocking: ['go.uber.org/zap.L'] to .iohotpath.yml") {
		t.Errorf("Advice = %q, want the configuration alone", a)
	}
	cache := filepath.Join(t.TempDir(), "mod")
	t.Setenv("GOMODCACHE", cache)
	if !inModuleCache(filepath.Join(cache, "go.uber.org", "zap@v1.27.0", "global.go")) || inModuleCache(filepath.Join(filepath.Dir(cache), "svc", "a.go")) {
		t.Error("inModuleCache does not tell the module cache from a module")
	}
}
