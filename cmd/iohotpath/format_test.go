package main_test

// Tests of -format (internal/output) through the built command.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/output/sarifschema"
)

// runFormat runs the command in dir and returns its standard output, its
// standard error and its exit code. $GITHUB_WORKSPACE is emptied (the
// command treats that as unset), so that names are relative to the module
// root wherever the test runs.
func runFormat(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runEnv(t, dir, []string{"GITHUB_WORKSPACE="}, binary(t), args...)
}

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestFormatExitCodes: every format exits 0 without findings, 3 with
// findings, 1 when the run cannot be trusted; only the driver's -json
// exits 0 with findings.
func TestFormatExitCodes(t *testing.T) {
	mod, broken := testdataDir(t, "mod"), testdataDir(t, "broken")
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, tc := range []struct {
			dir  string
			args []string
			want int
		}{
			{mod, []string{"./clean"}, 0},
			{mod, []string{"./..."}, 3},
			{broken, []string{"./..."}, 1},
			{mod, []string{"-funcs=(", "./clean"}, 1},
			{mod, []string{"-config=" + filepath.Join(t.TempDir(), "missing.yml"), "./clean"}, 1},
		} {
			args := append([]string{"-format=" + format}, tc.args...)
			stdout, stderr, code := runFormat(t, tc.dir, args...)
			if code != tc.want {
				t.Errorf("iohotpath %s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, tc.want, stdout, stderr)
			}
		}
	}
	if _, _, code := runFormat(t, mod, "-json", "./..."); code != 0 {
		t.Errorf("iohotpath -json ./...: exit code %d, want 0 (the driver's convention, kept)", code)
	}
	for _, args := range [][]string{
		{"-format=xml", "./clean"},
		{"-format=sarif", "-json", "./clean"},
		{"-format=sarif", "-fix", "./clean"},
	} {
		if _, stderr, code := runFormat(t, mod, args...); code != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("iohotpath %s: exit code %d, want 1 with one line:\n%s", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestFormatTextAndJSONUnchanged: -format=text is the plain command, and
// -format=json prints what -json prints.
func TestFormatTextAndJSONUnchanged(t *testing.T) {
	root := repoRoot(t)
	plainOut, plainErr, _ := runFormat(t, root, "./examples/...")
	textOut, textErr, code := runFormat(t, root, "-format=text", "./examples/...")
	if textOut != plainOut || textErr != plainErr || code != 3 {
		t.Errorf("-format=text: exit %d, output differs from the plain command:\n%s%s\nwant:\n%s%s", code, textOut, textErr, plainOut, plainErr)
	}
	jsonOut, _, _ := runFormat(t, root, "-json", "./examples/...")
	formatOut, _, code := runFormat(t, root, "-format=json", "./examples/...")
	if formatOut != jsonOut || code != 3 {
		t.Errorf("-format=json: exit %d, output differs from -json:\n%s\nwant:\n%s", code, formatOut, jsonOut)
	}
}

// jsonFinding is a finding of the -json tree.
type jsonFinding struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// jsonFindings runs -json on ./examples/... and returns its findings.
func jsonFindings(t *testing.T, root string) []jsonFinding {
	t.Helper()
	out, stderr, _ := runFormat(t, root, "-json", "./examples/...")
	var tree map[string]map[string][]jsonFinding
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json: %v\n%s%s", err, out, stderr)
	}
	var all []jsonFinding
	for _, byAnalyzer := range tree {
		all = append(all, byAnalyzer["iohotpath"]...)
	}
	return all
}

// TestFormatGitHubExamples: the annotations for the examples, exactly: one
// ::warning per finding with the path from the module root, the label of
// the text output in the title (the rule, and for hot-io the category)
// and the chain after the message. The expected lines are built from the
// -json findings, so the test follows the wording of the messages.
func TestFormatGitHubExamples(t *testing.T) {
	root := repoRoot(t)
	rel := func(posn string) string { return strings.TrimPrefix(posn, root+string(filepath.Separator)) }
	escape := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace
	_, text, _ := runFormat(t, root, "./examples/...")
	labels := map[string]string{} // "file:line:col: message" -> the label the text output ends it with
	for _, line := range strings.Split(text, "\n") {
		if i := strings.LastIndex(line, " ["); i > 0 && strings.HasSuffix(line, "]") {
			labels[rel(line[:i])] = line[i+len(" [") : len(line)-1]
		}
	}
	var want []string
	for _, f := range jsonFindings(t, root) {
		file, line, col := splitPosn(t, rel(f.Posn))
		label := labels[rel(f.Posn)+": "+f.Message]
		if label != f.Category && !strings.HasPrefix(label, f.Category+"/") {
			t.Errorf("%s: text label %q, want the rule %s, maybe with a category", f.Posn, label, f.Category)
		}
		msg := f.Message
		for _, r := range f.Related {
			msg += "\n" + rel(r.Posn) + ": " + r.Message
		}
		want = append(want, fmt.Sprintf("::warning file=%s,line=%s,col=%s,title=iohotpath %s::%s", file, line, col, label, escape(msg)))
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(sortKey(a), sortKey(b)) })

	out, stderr, code := runFormat(t, root, "-format=github", "./examples/...")
	if code != 3 || stderr != "" {
		t.Errorf("-format=github: exit code %d, stderr %q; want 3 and nothing", code, stderr)
	}
	if got := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); !slices.Equal(got, want) {
		t.Errorf("-format=github:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
	chain := "::warning file=examples/ingest/ingest.go,line=9,col=13,title=iohotpath hot-io/file::(*store.Store).AppendRecord performs blocking file I/O"
	if !strings.Contains(out, chain) || !strings.Contains(out, "%0Aexamples/store/store.go:12:12: (*store.Store).writeAll calls os.OpenFile\n") {
		t.Errorf("-format=github: the cross-package finding is not annotated with its chain:\n%s", out)
	}
}

// sortKey orders annotations by file, line and column, as the command does.
func sortKey(annotation string) string {
	var file string
	var line, col int
	fields := strings.SplitN(strings.TrimPrefix(annotation, "::warning "), ",title=", 2)[0]
	for _, kv := range strings.Split(fields, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "file":
			file = v
		case "line":
			fmt.Sscan(v, &line)
		case "col":
			fmt.Sscan(v, &col)
		}
	}
	return fmt.Sprintf("%s\x00%08d\x00%08d\x00%s", file, line, col, annotation)
}

func splitPosn(t *testing.T, posn string) (file, line, col string) {
	t.Helper()
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		t.Fatalf("bad position %q", posn)
	}
	n := len(parts)
	return strings.Join(parts[:n-2], ":"), parts[n-2], parts[n-1]
}

// TestFormatSARIFExamples: the SARIF log of the examples validates against
// the SARIF 2.1.0 schema, is the same bytes run after run, has one rule per
// rule id the findings use and a result per finding, and shows the chain of
// the cross-package finding (examples/ingest -> examples/store) as a code
// flow with the right steps.
func TestFormatSARIFExamples(t *testing.T) {
	root := repoRoot(t)
	out, stderr, code := runFormat(t, root, "-format=sarif", "./examples/...")
	if code != 3 || stderr != "" {
		t.Fatalf("-format=sarif: exit code %d, stderr %q; want 3 and nothing", code, stderr)
	}
	if err := sarifschema.Validate([]byte(out)); err != nil {
		t.Errorf("the SARIF log of the examples does not validate:\n%v", err)
	}
	for range 2 {
		if again, _, _ := runFormat(t, root, "-format=sarif", "./examples/..."); again != out {
			t.Fatalf("two runs print different SARIF:\n%s\n%s", out, again)
		}
	}

	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
			Region           struct{ StartLine int }         `json:"region"`
		} `json:"physicalLocation"`
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []location
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct{ Location location }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v, %d runs", err, len(log.Runs))
	}
	run := log.Runs[0]
	place := func(l location) string {
		a := l.PhysicalLocation.ArtifactLocation
		return fmt.Sprintf("%s/%s:%d", a.URIBaseID, a.URI, l.PhysicalLocation.Region.StartLine)
	}

	findings := jsonFindings(t, root)
	var categories, rules []string
	for _, f := range findings {
		categories = append(categories, f.Category)
	}
	slices.Sort(categories)
	for _, r := range run.Tool.Driver.Rules {
		rules = append(rules, r.ID)
	}
	if want := slices.Compact(categories); !slices.Equal(rules, want) {
		t.Errorf("rules %v, want one per category used: %v", rules, want)
	}
	if len(run.Results) != len(findings) {
		t.Errorf("%d results for %d findings", len(run.Results), len(findings))
	}

	want := []string{
		"%SRCROOT%/examples/ingest/ingest.go:" + lineWith(t, root, "examples/ingest/ingest.go", "s.AppendRecord("),
		"%SRCROOT%/examples/store/store.go:" + lineWith(t, root, "examples/store/store.go", "func (s *Store) AppendRecord("),
		"%SRCROOT%/examples/store/store.go:" + lineWith(t, root, "examples/store/store.go", "os.OpenFile("),
	}
	found := false
	for _, res := range run.Results {
		if len(res.Locations) != 1 || !strings.HasPrefix(place(res.Locations[0]), "%SRCROOT%/examples/") {
			t.Errorf("result %q: locations %+v, want one under %%SRCROOT%%/examples", res.Message.Text, res.Locations)
			continue
		}
		if place(res.Locations[0]) != want[0] {
			continue
		}
		found = true
		if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
			t.Fatalf("the cross-package finding has code flows %+v, want one thread flow", res.CodeFlows)
		}
		var steps []string
		for _, step := range res.CodeFlows[0].ThreadFlows[0].Locations {
			steps = append(steps, place(step.Location))
		}
		if !slices.Equal(steps, want) {
			t.Errorf("code flow of the cross-package finding:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
		}
	}
	if !found {
		t.Errorf("no result at %s:\n%s", want[0], out)
	}
}

// lineWith returns the number of the one line of file that contains substr.
func lineWith(t *testing.T, root, file, substr string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, substr) {
			lines = append(lines, fmt.Sprint(i+1))
		}
	}
	if len(lines) != 1 {
		t.Fatalf("%s: %q on lines %v, want one", file, substr, lines)
	}
	return lines[0]
}
