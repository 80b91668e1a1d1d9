package program

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/iohotpath/iohotpath/analyzer"
)

// TestProgram runs the pass on testdata/program, whose main wires a
// SQL-backed store, a file saver and net.Dial into a handler package
// through interfaces and func fields. Every line with a want comment is
// reported once, by its regexp; every other dynamic call (an in-memory
// implementation wired, a blocking one only in a test, a nil func field,
// a blocking hook called off the hot path, a preset handler's one query)
// stays silent. want(http) lines are reported only with -hot=http.
func TestProgram(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/program")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		cfg   analyzer.Config
		wants []string // the want comments that apply
	}{
		{"markers", analyzer.Config{}, []string{"want"}},
		{"hot=http", analyzer.Config{Hot: []string{"http"}}, []string{"want", "want(http)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, related := run(t, dir, tc.cfg)
			want := wants(t, dir, tc.wants)
			for at, re := range want {
				msgs := got[at]
				if len(msgs) != 1 || !re.MatchString(msgs[0]) {
					t.Errorf("%s: got %q, want one finding matching %s", at, msgs, re)
				}
			}
			for at, msgs := range got {
				if want[at] == nil {
					t.Errorf("%s: unexpected %q", at, msgs)
				}
			}
			// The chain starts with the dispatch, then the fact's hops.
			hops := related["s.Store.Get"]
			if wantHops := []string{
				"s.Store.Get dispatches to (*sqlstore.S).Get",
				"(*sqlstore.S).Get calls (*sql.DB).QueryRow",
			}; !slices.Equal(hops, wantHops) {
				t.Errorf("related information of s.Store.Get:\n%s\nwant:\n%s", strings.Join(hops, "\n"), strings.Join(wantHops, "\n"))
			}
		})
	}
}

// TestNoDynamicCallsNoSSA: a program whose hot code has no dynamic call
// needs no SSA; Check returns at once without building it.
func TestNoDynamicCallsNoSSA(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/program")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, g, w := analyse(t, dir, analyzer.Config{}, "./memstore")
	var steps []string
	out, err := Check(pkgs, g, w, func(s string) { steps = append(steps, s) })
	if err != nil || len(out) > 0 || len(steps) > 0 {
		t.Errorf("Check = %v, %v after steps %q; want nothing done", out, err, steps)
	}
}

// TestDependencyBodies: a hot call whose implementation blocks only
// through a call of its own that main wires (the journal's writer) is
// found when the implementation's package is a dependency, not a root:
// go/analysis/checker keeps no dependency's result, so the bodies come
// from analyzer.Whole.
func TestDependencyBodies(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/program")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, g, w := analyse(t, dir, analyzer.Config{}, "./handler", "./cmd/server")
	out, err := Check(pkgs, g, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, diags := range out {
		for _, d := range diags {
			msgs = append(msgs, d.Message)
		}
	}
	want := "s.Journal.Save (implemented by (*filesaver.Journal).Save) performs blocking file I/O ((*os.File).Write via j.Out.Write (implemented by (*os.File).Write))"
	if !slices.ContainsFunc(msgs, func(m string) bool { return strings.HasPrefix(m, want) }) {
		t.Errorf("findings:\n%s\nwant one starting %s", strings.Join(msgs, "\n"), want)
	}
	if slices.ContainsFunc(msgs, func(m string) bool { return strings.HasPrefix(m, "s.Tally.Save") }) {
		t.Errorf("findings:\n%s\nwant none for the tally, which writes a buffer", strings.Join(msgs, "\n"))
	}
}

// analyse loads patterns of dir (./... by default) as the in-process
// engine does and runs the analyzer configured by cfg.
func analyse(t *testing.T, dir string, cfg analyzer.Config, patterns ...string) ([]*packages.Package, *checker.Graph, *analyzer.Whole) {
	t.Helper()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	whole := analyzer.Collect(a)
	defer analyzer.Release(a)
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs, g, whole
}

// run returns the messages of the pass's findings by file:line, and the
// messages of their related information by the call's name.
func run(t *testing.T, dir string, cfg analyzer.Config) (got, related map[string][]string) {
	pkgs, g, w := analyse(t, dir, cfg)
	out, err := Check(pkgs, g, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, related = map[string][]string{}, map[string][]string{}
	for p, diags := range out {
		for _, d := range diags {
			name, _, _ := strings.Cut(d.Message, " ")
			for _, r := range d.Related {
				related[name] = append(related[name], r.Message)
			}
			posn := p.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(dir, posn.Filename)
			at := fmt.Sprintf("%s:%d", rel, posn.Line)
			got[at] = append(got[at], d.Message)
		}
	}
	return got, related
}

var wantRE = regexp.MustCompile("// (want(?:\\([a-z]+\\))?) `([^`]*)`")

// wants reads the want comments of kinds from the .go files under dir.
func wants(t *testing.T, dir string, kinds []string) map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if m := wantRE.FindStringSubmatch(sc.Text()); m != nil && slices.Contains(kinds, m[1]) {
				out[fmt.Sprintf("%s:%d", rel, line)] = regexp.MustCompile(m[2])
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestProgress: Check tells a progress function each step as it ends,
// the last with the sizes of the resolved sets (how the fan-out guard's
// threshold was chosen), and needs none (nil is quiet).
func TestProgress(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/program")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, g, w := analyse(t, dir, analyzer.Config{})
	var steps []string
	if _, err := Check(pkgs, g, w, func(s string) { steps = append(steps, s) }); err != nil {
		t.Fatal(err)
	}
	want := []*regexp.Regexp{
		regexp.MustCompile(`^SSA built$`),
		regexp.MustCompile(`^call graph built: \d+ functions$`),
		regexp.MustCompile(`^\d+ dynamic calls of hot code or under a lock, \d+ resolved \(\d+ to one function, \d+ to 2–8, [1-9]\d* to more; largest \d+\)$`),
	}
	if len(steps) != len(want) {
		t.Fatalf("steps %q, want %d", steps, len(want))
	}
	for i, re := range want {
		if !re.MatchString(steps[i]) {
			t.Errorf("step %d = %q, want %s", i, steps[i], re)
		}
	}
	if _, err := Check(pkgs, g, w, nil); err != nil {
		t.Fatal(err)
	}
}

// TestConfigEntries: blocking: and nonblocking: entries apply to what a
// dynamic call reaches as they do to a static call of it: trusting
// net.Dial (catalogued) silences s.Dial, trusting (*sqlstore.S).Get
// silences the store's calls, and declaring the in-memory store's Get
// blocking reports the cache it is wired into.
func TestConfigEntries(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/program")
	if err != nil {
		t.Fatal(err)
	}
	cfg := analyzer.Config{
		NonBlocking: []string{"net.Dial", "example.com/program/sqlstore.S.Get"},
		Blocking:    []string{"example.com/program/memstore.M.Get=database"},
	}
	got, _ := run(t, dir, cfg)
	for at, msgs := range got {
		for _, m := range msgs {
			if strings.HasPrefix(m, "s.Dial ") || strings.Contains(m, "implemented by (*sqlstore.S).Get") {
				t.Errorf("%s: %q: its callee is declared nonblocking", at, m)
			}
		}
	}
	cache := got["handler/handler.go:52"]
	if re := regexp.MustCompile(`^s\.Cache\.Get \(implemented by memstore\.M\.Get\) makes a database round trip in a loop`); len(cache) != 1 || !re.MatchString(cache[0]) {
		t.Errorf("s.Cache.Get: %q, want one finding matching %s", cache, re)
	}

	// Inside a body too: trusting (*os.File).Write silences the journal's
	// write two hops below the hot call, and trusting (*log.Logger).Println
	// leaves the leveled logger's branch one blocking implementation of two.
	got, _ = run(t, dir, analyzer.Config{NonBlocking: []string{"os.File.Write", "log.Logger.Println"}})
	for _, at := range []string{"handler/handler.go:81", "handler/handler.go:91", "leveled/leveled.go:57"} {
		if len(got[at]) > 0 {
			t.Errorf("%s: %q: what it reaches is declared nonblocking", at, got[at])
		}
	}
	if keep := got["handler/handler.go:146"]; len(keep) != 1 || !strings.Contains(keep[0], "(os.WriteFile via s.Hook") {
		t.Errorf("handler/handler.go:146: %q, want keep named after its hook's os.WriteFile, the journal's write trusted", keep)
	}
	if len(got["handler/handler.go:73"]) != 1 {
		t.Errorf("handler/handler.go:73: %q, want the config saver's os.Create still reported", got["handler/handler.go:73"])
	}
}
