package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// vetOutput is what go vet -json copies from the tool, one tree per
// package, in the order the packages finished: here the test variant of p
// (its files and its tests), the external test package, and q twice, as
// a package analysed alone and again within another test variant.
var vetOutput = []string{
	`{"example.com/p": {"iohotpath": [
		{"category": "hot-io", "posn": "/m/p/p.go:9:2", "end": "/m/p/p.go:9:20", "message": "b"},
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
	d1, d2 := diagnostic{Posn: "f.go:1:1", Message: "one"}, diagnostic{Posn: "f.go:2:1", Message: "two"}
	tr.add("p", "a", []diagnostic{d1}, "")
	tr.add("p", "a", []diagnostic{d2}, "")
	if got := tr["p"]["a"]; !reflect.DeepEqual(got, []diagnostic{d1, d2}) {
		t.Errorf("two lists: %v, want both, in order", got)
	}
	tr.add("p", "a", nil, "failed")
	tr.add("p", "a", []diagnostic{d1}, "")
	tr.add("p", "a", nil, "failed again")
	if got := tr["p"]["a"]; got != (jsonError{"failed"}) {
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

// TestTreeText: the text output lists each finding once whatever the
// order go vet's packages finished in, by file, line, column, rule and
// message, with the related information after its finding and the errors
// first.
func TestTreeText(t *testing.T) {
	tr := mergedTree(t)
	tr.restoreRelated()
	var buf bytes.Buffer
	diags, errs, err := tr.printText(&buf, -1)
	if err != nil {
		t.Fatal(err)
	}
	want := `iohotpath: boom
/m/p/p.go:9:2: b
/m/p/p.go:12:2: chain
/m/q/q.go:5:10: 	q.F calls q.g
/m/q/q.go:7:2: 	q.g calls os.Open
/m/p/p_test.go:4:3: t
/m/p/x_test.go:3:1: x
/m/q/q.go:9:2: d
/m/q/q.go:9:2: c
/m/q/q.go:10:2: a
`
	if buf.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", buf.String(), want)
	}
	if diags != 7 || errs != 1 {
		t.Errorf("counted %d findings and %d errors, want 7 and 1", diags, errs)
	}

	// The same tree merged in another order prints the same.
	rev := tree{}
	for i := len(vetOutput) - 1; i >= 0; i-- {
		rev.merge([]byte(vetOutput[i]))
	}
	rev.restoreRelated()
	var again bytes.Buffer
	rev.printText(&again, -1)
	if again.String() != want {
		t.Errorf("merged in reverse order:\n%s\nwant:\n%s", again.String(), want)
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
	tr := tree{"p": {"iohotpath": []diagnostic{{
		Posn: "/m/p.go:3:1", End: "/m/p.go:3:4", Message: "m",
		Related: []related{
			{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "a calls b at /m/q.go:5:2"},
			{Posn: "/m/p.go:8:1", End: "/m/p.go:8:1", Message: "b calls c at /m/q.go:6:2"},  // elsewhere: in place
			{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "looks at the sky"},          // not a position
			{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "x at /m/with space.go:1:1"}, // not one file name
			{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "y calls z at " + spaced + ":2:1"},
		},
	}}}}
	tr.restoreRelated()
	got := tr["p"]["iohotpath"].([]diagnostic)[0].Related
	want := []related{
		{Posn: "/m/q.go:5:2", End: "/m/q.go:5:2", Message: "a calls b"},
		{Posn: "/m/p.go:8:1", End: "/m/p.go:8:1", Message: "b calls c at /m/q.go:6:2"},
		{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "looks at the sky"},
		{Posn: "/m/p.go:3:1", End: "/m/p.go:3:1", Message: "x at /m/with space.go:1:1"},
		{Posn: spaced + ":2:1", End: spaced + ":2:1", Message: "y calls z"},
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
	if len(tr) != 3 || tr["example.com/p_test"] != nil || tr["example.com/r"]["iohotpath"] != (jsonError{"boom"}) {
		t.Fatalf("packages %v; want p, q and the error of r", pkgs)
	}
	for _, d := range tr["example.com/p"]["iohotpath"].([]diagnostic) {
		if strings.HasSuffix(strings.Split(d.Posn, ":")[0], "_test.go") {
			t.Errorf("kept %s", d.Posn)
		}
	}
	if n := len(tr["example.com/p"]["iohotpath"].([]diagnostic)); n != 2 {
		t.Errorf("p has %d findings, want 2", n)
	}
}

// TestPrintJSON: the drivers' form, tab-indented with sorted keys, so the
// TestTreeOnly: only the named packages and their external test
// packages are kept, each diagnostic once.
func TestTreeOnly(t *testing.T) {
	a := diagnostic{Posn: "a.go:1:1", Message: "a"}
	b := diagnostic{Posn: "a_test.go:1:1", Message: "b"}
	in := tree{}
	in.add("example.com/app", "iohotpath", []diagnostic{a}, "")      // without tests, as a dependency
	in.add("example.com/app", "iohotpath", []diagnostic{a, b}, "")   // with them, as a root
	in.add("example.com/app_test", "iohotpath", []diagnostic{b}, "") // its external tests
	in.add("example.com/lib", "iohotpath", []diagnostic{a}, "")      // a dependency
	in.add("example.com/bad", "iohotpath", nil, "broken")
	got := in.only(map[string]bool{"example.com/app": true, "example.com/bad": true})
	want := tree{}
	want.add("example.com/app", "iohotpath", []diagnostic{a, b}, "")
	want.add("example.com/app_test", "iohotpath", []diagnostic{b}, "")
	want.add("example.com/bad", "iohotpath", nil, "broken")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("only = %v, want %v", got, want)
	}
}

// output does not depend on the order packages finished in.
func TestPrintJSON(t *testing.T) {
	tr := tree{}
	tr.merge([]byte(`{"b": {"iohotpath": {"error": "e"}}}`))
	tr.merge([]byte(`{"a": {"iohotpath": [{"posn": "f.go:1:2", "end": "f.go:1:3", "message": "m"}]}}`))
	var buf bytes.Buffer
	if err := tr.printJSON(&buf); err != nil {
		t.Fatal(err)
	}
	want := "{\n\t\"a\": {\n\t\t\"iohotpath\": [\n\t\t\t{\n\t\t\t\t\"posn\": \"f.go:1:2\",\n\t\t\t\t\"end\": \"f.go:1:3\",\n" +
		"\t\t\t\t\"message\": \"m\"\n\t\t\t}\n\t\t]\n\t},\n\t\"b\": {\n\t\t\"iohotpath\": {\n\t\t\t\"error\": \"e\"\n\t\t}\n\t}\n}\n"
	if buf.String() != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestSplitPosn(t *testing.T) {
	for _, tc := range []struct {
		in        string
		file      string
		line, col int
	}{
		{"/a/b.go:12:3", "/a/b.go", 12, 3},
		{"/a/b.go:12", "/a/b.go", 12, 0},
		{"/a/b.go", "/a/b.go", 0, 0},
		{`C:\a\b.go:4:5`, `C:\a\b.go`, 4, 5},
		{"/a/b:c.go:4:5", "/a/b:c.go", 4, 5},
		{"-", "-", 0, 0},
	} {
		file, line, col := splitPosn(tc.in)
		if file != tc.file || line != tc.line || col != tc.col {
			t.Errorf("splitPosn(%q) = %q, %d, %d; want %q, %d, %d", tc.in, file, line, col, tc.file, tc.line, tc.col)
		}
	}
}
