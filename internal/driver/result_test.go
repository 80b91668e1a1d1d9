package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/output"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// vetOutput is what go vet -json copies from the tool, one tree per
// package, in the order the packages finished: here the test variant of p
// (its files and its tests), the external test package, and q twice, as
// a package analysed alone and again within another test variant. Under
// the command a hot-io finding's category carries its I/O category
// (carryIOCategory).
var vetOutput = []string{
	`{"example.com/p": {"iohotpath": [
		{"category": "hot-io/database", "posn": "/m/p/p.go:9:2", "end": "/m/p/p.go:9:20", "message": "b"},
		{"category": "defer-in-loop", "posn": "/m/p/p_test.go:4:3", "end": "/m/p/p_test.go:4:9", "message": "t"},
		{"category": "hot-io", "posn": "/m/p/p.go:12:2", "end": "/m/p/p.go:12:9", "message": "chain",
		 "related": [{"posn": "/m/p/p.go:12:2", "end": "/m/p/p.go:12:2", "message": "q.F calls q.g at /m/q/q.go:5:10"},
		             {"posn": "/m/p/p.go:12:2", "end": "/m/p/p.go:12:2", "message": "q.g calls os.Open at /m/q/q.go:7:2"}]}
	]}}`,
	`{"example.com/p_test": {"iohotpath": [
		{"category": "hot-io", "posn": "/m/p/x_test.go:3:1", "end": "/m/p/x_test.go:3:5", "message": "x"}]}}`,
	`{"example.com/q": {"iohotpath": [
		{"category": "hot-io", "posn": "/m/q/q.go:10:2", "end": "/m/q/q.go:10:8", "message": "a"},
		{"category": "defer-in-loop", "posn": "/m/q/q.go:9:2", "end": "/m/q/q.go:9:8", "message": "d"},
		{"category": "hot-io", "posn": "/m/q/q.go:9:2", "end": "/m/q/q.go:9:8", "message": "c"}]}}`,
	`{"example.com/q": {"iohotpath": [
		{"category": "hot-io", "posn": "/m/q/q.go:10:2", "end": "/m/q/q.go:10:8", "message": "a"}]}}`,
	`{"example.com/r": {"iohotpath": {"error": "boom"}}}`,
}

func mergedTree(t *testing.T) tree {
	t.Helper()
	tr := tree{}
	for _, out := range vetOutput {
		if err := tr.merge([]byte(out)); err != nil {
			t.Fatalf("merge: %v", err)
		}
	}
	return tr
}

// TestTreeAdd: an empty list records nothing, lists of one package
// concatenate, and an error recorded stays.
func TestTreeAdd(t *testing.T) {
	tr := tree{}
	tr.add("p", "a", nil, "")
	if len(tr) != 0 {
		t.Fatalf("an empty list made an entry: %v", tr)
	}
	d1 := output.Diagnostic{Pos: output.Position{File: "f.go", Line: 1, Column: 1}, Message: "one"}
	d2 := output.Diagnostic{Pos: output.Position{File: "f.go", Line: 2, Column: 1}, Message: "two"}
	tr.add("p", "a", []output.Diagnostic{d1}, "")
	tr.add("p", "a", []output.Diagnostic{d2}, "")
	if got := tr["p"]["a"].Diagnostics; !reflect.DeepEqual(got, []output.Diagnostic{d1, d2}) {
		t.Errorf("two lists: %v, want both, in order", got)
	}
	tr.add("p", "a", nil, "failed")
	tr.add("p", "a", []output.Diagnostic{d1}, "")
	tr.add("p", "a", nil, "failed again")
	if got := tr["p"]["a"]; got.Err != "failed" || got.Diagnostics != nil {
		t.Errorf("after an error: %v, want the first error alone", got)
	}
}

func TestTreeMergeErrors(t *testing.T) {
	for _, bad := range []string{`[]`, `{"p": {"a": [{"posn": 3}]}}`, `{"p": {"a": {"error": 1}}}`, `{"p"`} {
		if err := (tree{}).merge([]byte(bad)); err == nil {
			t.Errorf("merge(%s) = nil, want an error", bad)
		}
	}
}

// text is the text output of a run that found tr.
func text(t *testing.T, tr tree) (string, *output.Report) {
	t.Helper()
	r := (&result{tree: tr}).report()
	var buf bytes.Buffer
	if err := output.Text(&buf, r, -1); err != nil {
		t.Fatal(err)
	}
	return buf.String(), r
}

// TestTreeText: the text output lists each finding once whatever the
// order go vet's packages finished in, by file, line, column, rule and
// message, with the related information after its finding and the errors
// first.
func TestTreeText(t *testing.T) {
	tr := mergedTree(t)
	tr.restoreRelated()
	got, r := text(t, tr)
	want := `iohotpath: boom
/m/p/p.go:9:2: b [hot-io/database]
/m/p/p.go:12:2: chain [hot-io]
/m/q/q.go:5:10: 	q.F calls q.g
/m/q/q.go:7:2: 	q.g calls os.Open
/m/p/p_test.go:4:3: t [defer-in-loop]
/m/p/x_test.go:3:1: x [hot-io]
/m/q/q.go:9:2: d [defer-in-loop]
/m/q/q.go:9:2: c [hot-io]
/m/q/q.go:10:2: a [hot-io]
`
	if got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
	if len(r.Diagnostics) != 7 || len(r.Errors) != 1 {
		t.Errorf("counted %d findings and %d errors, want 7 and 1", len(r.Diagnostics), len(r.Errors))
	}

	// The same tree merged in another order prints the same.
	rev := tree{}
	for i := len(vetOutput) - 1; i >= 0; i-- {
		rev.merge([]byte(vetOutput[i]))
	}
	rev.restoreRelated()
	if again, _ := text(t, rev); again != want {
		t.Errorf("merged in reverse order:\n%s\nwant:\n%s", again, want)
	}
}

// TestIOCategoryCarried: the I/O category that the tool joins to a hot-io
// finding's category under the command is split off when its output is
// read: -json prints the rule alone, as every driver does, and the text
// output names both.
func TestIOCategoryCarried(t *testing.T) {
	pass := &analysis.Pass{}
	var got []analysis.Diagnostic
	pass.Report = func(d analysis.Diagnostic) { got = append(got, d) }
	run := carryIOCategory(func(p *analysis.Pass) (any, error) {
		p.Report(analysis.Diagnostic{Category: rules.HotIO, URL: rules.IOURL("database"), Message: "q"})
		p.Report(analysis.Diagnostic{Category: rules.DeferInLoop, Message: "d"})
		return nil, nil
	})
	run(pass)
	if len(got) != 2 || got[0].Category != "hot-io/database" || got[1].Category != "defer-in-loop" {
		t.Fatalf("the tool reported %+v, want the hot-io finding's category to carry database", got)
	}
	tr := mergedTree(t)
	var buf bytes.Buffer
	if err := output.Tree(tr).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "hot-io/") || !strings.Contains(buf.String(), `"category": "hot-io",`) {
		t.Errorf("JSON:\n%s\nwant the rule alone in category", &buf)
	}
	if d := tr["example.com/p"]["iohotpath"].Diagnostics[0]; d.Category != "hot-io" || d.IOCategory != "database" {
		t.Errorf("read back as category %q, I/O category %q; want hot-io and database", d.Category, d.IOCategory)
	}
}

// TestRestoreRelated: a hop that go vet's tool could only name in its
// message ("at file:line:col", placed at the finding) gets its place back;
// hops already in place, and messages that only look alike, stay.
func TestRestoreRelated(t *testing.T) {
	spaced := filepath.Join(t.TempDir(), "my code", "y.go") // a real file whose path has a space
	if err := os.MkdirAll(filepath.Dir(spaced), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(spaced, []byte("package y\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pos := func(s string) output.Position { return output.ParsePosition(s) }
	rel := func(posn, message string) output.Related {
		return output.Related{Pos: pos(posn), End: pos(posn), Message: message}
	}
	tr := tree{"p": {"iohotpath": {Diagnostics: []output.Diagnostic{{
		Pos: pos("/m/p.go:3:1"), End: pos("/m/p.go:3:4"), Message: "m",
		Related: []output.Related{
			rel("/m/p.go:3:1", "a calls b at /m/q.go:5:2"),
			rel("/m/p.go:8:1", "b calls c at /m/q.go:6:2"),  // elsewhere: in place
			rel("/m/p.go:3:1", "looks at the sky"),          // not a position
			rel("/m/p.go:3:1", "x at /m/with space.go:1:1"), // not one file name
			rel("/m/p.go:3:1", "y calls z at "+spaced+":2:1"),
		},
	}}}}}
	tr.restoreRelated()
	got := tr["p"]["iohotpath"].Diagnostics[0].Related
	want := []output.Related{
		rel("/m/q.go:5:2", "a calls b"),
		rel("/m/p.go:8:1", "b calls c at /m/q.go:6:2"),
		rel("/m/p.go:3:1", "looks at the sky"),
		rel("/m/p.go:3:1", "x at /m/with space.go:1:1"),
		rel(spaced+":2:1", "y calls z"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("related:\n%+v\nwant:\n%+v", got, want)
	}
}

// TestWithoutTests: -test=false under go vet drops what _test.go files
// gave, and the packages left with nothing; errors stay.
func TestWithoutTests(t *testing.T) {
	tr := mergedTree(t).withoutTests()
	var pkgs []string
	for pkg := range tr {
		pkgs = append(pkgs, pkg)
	}
	if len(tr) != 3 || tr["example.com/p_test"] != nil || tr["example.com/r"]["iohotpath"].Err != "boom" {
		t.Fatalf("packages %v; want p, q and the error of r", pkgs)
	}
	for _, d := range tr["example.com/p"]["iohotpath"].Diagnostics {
		if strings.HasSuffix(d.Pos.File, "_test.go") {
			t.Errorf("kept %s", d.Pos)
		}
	}
	if n := len(tr["example.com/p"]["iohotpath"].Diagnostics); n != 2 {
		t.Errorf("p has %d findings, want 2", n)
	}
}

// TestTreeOnly: only the named packages and their external test
// packages are kept, each diagnostic once.
func TestTreeOnly(t *testing.T) {
	a := output.Diagnostic{Pos: output.Position{File: "a.go", Line: 1, Column: 1}, Message: "a"}
	b := output.Diagnostic{Pos: output.Position{File: "a_test.go", Line: 1, Column: 1}, Message: "b"}
	in := tree{}
	in.add("example.com/app", "iohotpath", []output.Diagnostic{a}, "")      // without tests, as a dependency
	in.add("example.com/app", "iohotpath", []output.Diagnostic{a, b}, "")   // with them, as a root
	in.add("example.com/app_test", "iohotpath", []output.Diagnostic{b}, "") // its external tests
	in.add("example.com/lib", "iohotpath", []output.Diagnostic{a}, "")      // a dependency
	in.add("example.com/bad", "iohotpath", nil, "broken")
	got := in.only(map[string]bool{"example.com/app": true, "example.com/bad": true})
	want := tree{}
	want.add("example.com/app", "iohotpath", []output.Diagnostic{a, b}, "")
	want.add("example.com/app_test", "iohotpath", []output.Diagnostic{b}, "")
	want.add("example.com/bad", "iohotpath", nil, "broken")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("only = %v, want %v", got, want)
	}
}

// TestPrintJSON: the drivers' form, tab-indented with sorted keys, so the
// output does not depend on the order packages finished in.
func TestPrintJSON(t *testing.T) {
	tr := tree{}
	tr.merge([]byte(`{"b": {"iohotpath": {"error": "e"}}}`))
	tr.merge([]byte(`{"a": {"iohotpath": [{"posn": "f.go:1:2", "end": "f.go:1:3", "message": "m"}]}}`))
	var buf bytes.Buffer
	if err := output.Tree(tr).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	want := "{\n\t\"a\": {\n\t\t\"iohotpath\": [\n\t\t\t{\n\t\t\t\t\"posn\": \"f.go:1:2\",\n\t\t\t\t\"end\": \"f.go:1:3\",\n" +
		"\t\t\t\t\"message\": \"m\"\n\t\t\t}\n\t\t]\n\t},\n\t\"b\": {\n\t\t\"iohotpath\": {\n\t\t\t\"error\": \"e\"\n\t\t}\n\t}\n}\n"
	if buf.String() != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", buf.String(), want)
	}
}
