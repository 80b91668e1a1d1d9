package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixture: two source files under a root, and a JSON tree as the
// drivers print it for them, with a transitive finding, a fix spanning two
// files, a non-ASCII line, a file outside the root, a duplicate from a test
// variant and a failed package.
const (
	appGo = "package app\n" +
		"\n" +
		"func Handle(n int) {\n" +
		"\tlog.Printf(\"héllo %d\", n)\n" +
		"\tfor _, p := range paths {\n" +
		"\t\tdefer f.Close()\n" +
		"\t}\n" +
		"\ts := \"é\"; os.Remove(s)\n" +
		"}\n"
	libGo = "package lib\n" +
		"\n" +
		"func Save() { os.WriteFile(\"x\", nil, 0) }\n"
	outside = "/nonexistent/else,where/x.go" // never read
)

// fixture writes the sources under a new root, the app file shifted down by
// shift blank lines, and returns the root and the JSON tree.
func fixture(t *testing.T, shift int) (root string, tree []byte) {
	t.Helper()
	root = t.TempDir()
	app := strings.Repeat("\n", shift) + appGo
	write(t, filepath.Join(root, "app", "app.go"), app)
	write(t, filepath.Join(root, "lib", "lib.go"), libGo)
	appFile, libFile := filepath.Join(root, "app", "app.go"), filepath.Join(root, "lib", "lib.go")
	at := func(line, col int) string { return Position{appFile, line + shift, col}.String() }
	deferAt := strings.Index(app, "defer ")

	type edit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	type fix struct {
		Message string `json:"message"`
		Edits   []edit `json:"edits"`
	}
	type related struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	type diag struct {
		Category       string    `json:"category,omitempty"`
		Posn           string    `json:"posn"`
		End            string    `json:"end"`
		Message        string    `json:"message"`
		SuggestedFixes []fix     `json:"suggested_fixes,omitempty"`
		Related        []related `json:"related,omitempty"`
	}
	logDiag := diag{
		Category: "hot-io", Posn: at(4, 2), End: at(4, 27),
		Message: "log.Printf writes a log line on every call of hot function Handle",
		Related: []related{{Posn: libFile + ":3:15", End: libFile + ":3:15", Message: "lib.Save calls os.WriteFile"}},
	}
	data, err := json.MarshalIndent(map[string]map[string]any{
		"example.com/app": {"iohotpath": []diag{
			{
				Category: "hot-io", Posn: at(8, 13), End: at(8, 25),
				Message: "os.Remove removes a file: 100% sure, really,\nyes",
			},
			logDiag,
			{
				Category: "defer-in-loop", Posn: at(6, 3), End: at(6, 18),
				Message: "defer in a loop runs when the function returns",
				SuggestedFixes: []fix{{Message: "call it now", Edits: []edit{
					{appFile, deferAt, deferAt + len("defer "), ""},
					{libFile, 0, 0, "// x\n"},
				}}},
			},
		}},
		"example.com/app [example.com/app.test]": {"iohotpath": []diag{logDiag}},
		"example.com/other": {"iohotpath": []diag{{
			Category: "reopen-in-loop", Posn: outside + ":3:1", End: outside + ":3:9",
			Message: "os.Open opens the same file on every iteration",
		}}},
		"example.com/broken": {"iohotpath": map[string]string{"error": "analysis skipped due to errors in package"}},
	}, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return root, data
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func parseFixture(t *testing.T, shift int) (string, *Report) {
	t.Helper()
	root, tree := fixture(t, shift)
	r := parse(t, tree, false)
	for i, d := range r.Diagnostics { // what the driver knows besides the tree
		switch {
		case strings.HasPrefix(d.Message, "log.Printf"):
			r.Diagnostics[i].IOCategory = "log"
		case strings.HasPrefix(d.Message, "os.Remove"):
			r.Diagnostics[i].IOCategory = "file"
		}
	}
	return root, r
}

// parse reads a JSON tree, as the driver reads go vet's, into a report.
func parse(t *testing.T, data []byte, incomplete bool) *Report {
	t.Helper()
	var tree Tree
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	return NewReport(tree, incomplete)
}

func render(t *testing.T, format string, r *Report, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, format, r, opts); err != nil {
		t.Fatalf("Render %s: %v", format, err)
	}
	return b.String()
}

func TestParsePosition(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Position
	}{
		{"/a/b.go:3:4", Position{"/a/b.go", 3, 4}},
		{"/a/b.go:3", Position{"/a/b.go", 3, 0}},
		{"/a/b.go", Position{"/a/b.go", 0, 0}},
		{`C:\a\b.go:3:4`, Position{`C:\a\b.go`, 3, 4}},
		{`C:\a\b.go`, Position{`C:\a\b.go`, 0, 0}},
		{"/a/b:c.go:4:5", Position{"/a/b:c.go", 4, 5}},
		{"-", Position{}},
	} {
		got := ParsePosition(tc.in)
		if got != tc.want {
			t.Errorf("ParsePosition(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if tc.in != "-" && got.String() != tc.in {
			t.Errorf("%+v.String() = %q, want %q", got, got.String(), tc.in)
		}
	}
}

// TestNewReport: duplicates from a test variant are dropped, diagnostics
// are in file, line, column order whatever the order of the tree, errors
// are kept.
func TestNewReport(t *testing.T) {
	root, r := parseFixture(t, 0)
	var got []string
	for _, d := range r.Diagnostics {
		got = append(got, relPosition(root, d.Pos).String()+" "+d.Rule())
	}
	want := []string{
		outside + ":3:1 reopen-in-loop",
		"app/app.go:4:2 hot-io",
		"app/app.go:6:3 defer-in-loop",
		"app/app.go:8:13 hot-io",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Errors) != 1 || r.Errors[0].String() != "example.com/broken: analysis skipped due to errors in package" {
		t.Errorf("errors = %v", r.Errors)
	}
	fix := r.Diagnostics[2].Fixes
	if len(fix) != 1 || len(fix[0].Edits) != 2 || fix[0].Edits[1].New != "// x\n" {
		t.Errorf("fixes of the defer-in-loop finding = %+v", fix)
	}
	var tree Tree
	if err := json.Unmarshal([]byte(`{"p": {"iohotpath": 3}}`), &tree); err == nil {
		t.Error("a Tree reads a result that is neither a list nor an error")
	}
}

func TestText(t *testing.T) {
	root, r := parseFixture(t, 0)
	got := strings.ReplaceAll(render(t, "text", r, Options{}), root+string(filepath.Separator), "")
	want := "iohotpath: analysis skipped due to errors in package\n" +
		outside + ":3:1: os.Open opens the same file on every iteration [reopen-in-loop]\n" +
		"app/app.go:4:2: log.Printf writes a log line on every call of hot function Handle [hot-io/log]\n" +
		"lib/lib.go:3:15: \tlib.Save calls os.WriteFile\n" +
		"app/app.go:6:3: defer in a loop runs when the function returns [defer-in-loop]\n" +
		"app/app.go:8:13: os.Remove removes a file: 100% sure, really,\nyes [hot-io/file]\n"
	if got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
}

// TestLabel: every text finding ends with what reported it as the
// command line names it, so that a new user sees what to -explain and
// -disable: the rule, and for hot-io the category of I/O.
func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Analyzer: "iohotpath", Category: "hot-io", IOCategory: "database"}, "hot-io/database"},
		{Diagnostic{Analyzer: "iohotpath", Category: "io-under-lock"}, "io-under-lock"},
		{Diagnostic{Analyzer: "iohotpath", Category: "directive"}, "directive"},
		{Diagnostic{Analyzer: "other"}, "other"}, // no category: the analyzer
	} {
		if got := tc.d.Label(); got != tc.want {
			t.Errorf("Label of %+v = %q, want %q", tc.d, got, tc.want)
		}
		tc.d.Pos, tc.d.Message = Position{"a.go", 3, 4}, "m; batch the queries"
		var b bytes.Buffer
		if err := Text(&b, &Report{Diagnostics: []Diagnostic{tc.d}}, -1); err != nil {
			t.Fatal(err)
		}
		if want := "a.go:3:4: m; batch the queries [" + tc.want + "]\n"; b.String() != want {
			t.Errorf("text %q, want %q", b.String(), want)
		}
	}
}

// TestTextContext: with -c=N each line is followed by the source from N
// lines before its position to N lines after its end, the related
// information's too; a file that cannot be read shows nothing.
func TestTextContext(t *testing.T) {
	root, r := parseFixture(t, 0)
	var b bytes.Buffer
	if err := Text(&b, r, 1); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(b.String(), root+string(filepath.Separator), "")
	want := "iohotpath: analysis skipped due to errors in package\n" +
		outside + ":3:1: os.Open opens the same file on every iteration [reopen-in-loop]\n" +
		"app/app.go:4:2: log.Printf writes a log line on every call of hot function Handle [hot-io/log]\n" +
		"3\tfunc Handle(n int) {\n4\t\tlog.Printf(\"héllo %d\", n)\n5\t\tfor _, p := range paths {\n" +
		"lib/lib.go:3:15: \tlib.Save calls os.WriteFile\n" +
		"2\t\n3\tfunc Save() { os.WriteFile(\"x\", nil, 0) }\n4\t\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("text -c=1:\n%s\nwant it to start with:\n%s", got, want)
	}
}

// TestGitHub: names relative to the root, the chain in the message, and
// the toolkit's escaping: %, CR and LF everywhere, also : and , in
// properties.
func TestGitHub(t *testing.T) {
	root, r := parseFixture(t, 0)
	got := render(t, "github", r, Options{Root: root})
	want := "::error title=iohotpath::example.com/broken: analysis skipped due to errors in package\n" +
		"::warning file=/nonexistent/else%2Cwhere/x.go,line=3,col=1,title=iohotpath reopen-in-loop::os.Open opens the same file on every iteration\n" +
		"::warning file=app/app.go,line=4,col=2,title=iohotpath hot-io/log::log.Printf writes a log line on every call of hot function Handle%0Alib/lib.go:3:15: lib.Save calls os.WriteFile\n" +
		"::warning file=app/app.go,line=6,col=3,title=iohotpath defer-in-loop::defer in a loop runs when the function returns\n" +
		"::warning file=app/app.go,line=8,col=13,title=iohotpath hot-io/file::os.Remove removes a file: 100%25 sure, really,%0Ayes\n"
	if got != want {
		t.Errorf("github:\n%s\nwant:\n%s", got, want)
	}
	if got := escapeProperty("C:\\a,b%\r\n"); got != "C%3A\\a%2Cb%25%0D%0A" {
		t.Errorf("escapeProperty = %q", got)
	}
}

// TestRenderJSONUnchanged: the json format prints the tree the report was
// made of as the drivers print it, byte for byte.
func TestRenderJSONUnchanged(t *testing.T) {
	_, tree := fixture(t, 0)
	r := parse(t, tree, false)
	if got := render(t, "json", r, Options{}); got != string(tree)+"\n" {
		t.Errorf("json is not the tree as read:\n%s", got)
	}
	if err := Render(new(bytes.Buffer), "xml", r, Options{}); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("Render xml: %v", err)
	}
}

func TestFindRoot(t *testing.T) {
	dir := t.TempDir()
	mod := filepath.Join(dir, "repo", "svc")
	pkg := filepath.Join(mod, "internal", "p")
	write(t, filepath.Join(mod, "go.mod"), "module example.com/svc\n")
	write(t, filepath.Join(pkg, "p.go"), "package p\n")
	for _, tc := range []struct{ dir, workspace, want string }{
		{pkg, "", mod},
		{mod, "", mod},
		{pkg, filepath.Join(dir, "repo"), filepath.Join(dir, "repo")}, // GitHub Actions: the repository
		{pkg, filepath.Join(dir, "other"), mod},                       // a workspace elsewhere is ignored
		{pkg, "relative", mod},
	} {
		if got := FindRoot(tc.dir, tc.workspace); got != tc.want {
			t.Errorf("FindRoot(%s, %q) = %s, want %s", tc.dir, tc.workspace, got, tc.want)
		}
	}
	if got := FindRoot(dir, ""); got != dir {
		t.Errorf("FindRoot without a go.mod = %s, want the directory itself", got)
	}
}
