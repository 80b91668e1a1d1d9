package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/output/sarifschema"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind         string `json:"columnKind"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string       `json:"level"`
				Message sarifMessage `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	CodeFlows           []struct {
		ThreadFlows []struct {
			Locations []struct {
				Location     sarifLocation `json:"location"`
				NestingLevel int           `json:"nestingLevel"`
			} `json:"locations"`
		} `json:"threadFlows"`
	} `json:"codeFlows"`
	Fixes []struct {
		Description     sarifMessage `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Replacements     []struct {
				DeletedRegion   sarifRegion `json:"deletedRegion"`
				InsertedContent struct {
					Text string `json:"text"`
				} `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	} `json:"physicalLocation"`
	Message *sarifMessage `json:"message"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// place is "uri:line:column", with "%SRCROOT%/" before a relative uri.
func (l sarifLocation) place() string {
	a, r := l.PhysicalLocation.ArtifactLocation, l.PhysicalLocation.Region
	uri := a.URI
	if a.URIBaseID != "" {
		uri = a.URIBaseID + "/" + uri
	}
	return strings.Join([]string{uri, itoa(r.StartLine), itoa(r.StartColumn)}, ":")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func renderSARIF(t *testing.T, shift int) (string, sarifLog) {
	t.Helper()
	root, r := parseFixture(t, shift)
	out := render(t, "sarif", r, Options{Root: root, Version: "v1.2.3"})
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("SARIF output: %v\n%s", err, out)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return out, log
}

// TestSARIFSchema validates the output byte for byte against the SARIF
// 2.1.0 schema that go-sarif ships (see package sarifschema).
func TestSARIFSchema(t *testing.T) {
	out, _ := renderSARIF(t, 0)
	if err := sarifschema.Validate([]byte(out)); err != nil {
		t.Errorf("the SARIF output does not validate:\n%v\n%s", err, out)
	}
	// The validator is not lenient: a result without a message fails.
	broken := strings.Replace(out, `"message": {`, `"massage": {`, 1)
	if err := sarifschema.Validate([]byte(broken)); err == nil {
		t.Error("a SARIF log with a misspelt property validates")
	}
}

func TestSARIF(t *testing.T) {
	_, log := renderSARIF(t, 0)
	run := log.Runs[0]
	driver := run.Tool.Driver
	if log.Version != "2.1.0" || driver.Name != "iohotpath" || driver.InformationURI != informationURI {
		t.Errorf("version %q, driver %q %q", log.Version, driver.Name, driver.InformationURI)
	}
	if run.ColumnKind != "utf16CodeUnits" || !strings.HasPrefix(run.OriginalURIBaseIDs[srcRoot].URI, "file:///") {
		t.Errorf("columnKind %q, originalUriBaseIds %v", run.ColumnKind, run.OriginalURIBaseIDs)
	}

	// One rule per rule id used, sorted, each described and linked.
	var ids []string
	for _, rule := range driver.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text != summary(rule.ID) || rule.FullDescription.Text != fullDescriptions[rule.ID] ||
			rule.HelpURI != rules.URL(rule.ID) || rule.DefaultConfiguration.Level != "warning" {
			t.Errorf("rule %+v", rule)
		}
	}
	if want := []string{"defer-in-loop", "hot-io", "reopen-in-loop"}; !slices.Equal(ids, want) {
		t.Errorf("rules %v, want %v", ids, want)
	}

	var places []string
	for _, res := range run.Results {
		if ids[res.RuleIndex] != res.RuleID || res.Level != "warning" || len(res.Locations) != 1 {
			t.Errorf("result %s: ruleIndex %d, level %q, %d locations", res.RuleID, res.RuleIndex, res.Level, len(res.Locations))
			continue
		}
		places = append(places, res.Locations[0].place())
	}
	want := []string{
		"file:///nonexistent/else,where/x.go:3:1", // outside the root: absolute
		"%SRCROOT%/app/app.go:4:2",
		"%SRCROOT%/app/app.go:6:3",
		"%SRCROOT%/app/app.go:8:12", // after "é": 13 bytes, 12 UTF-16 code units
	}
	if !slices.Equal(places, want) {
		t.Errorf("result locations:\n%s\nwant:\n%s", strings.Join(places, "\n"), strings.Join(want, "\n"))
	}

	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 ||
		inv[0].ToolExecutionNotifications[0].Message.Text != "example.com/broken: analysis skipped due to errors in package" {
		t.Errorf("invocations %+v, want one, unsuccessful, with the failed package", inv)
	}
}

// TestSARIFCodeFlow: the chain is a thread flow, the reported call first,
// then each hop, with its message.
func TestSARIFCodeFlow(t *testing.T) {
	_, log := renderSARIF(t, 0)
	res := log.Runs[0].Results[1]
	if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
		t.Fatalf("result %s has code flows %+v, want one with one thread flow", res.Message.Text, res.CodeFlows)
	}
	var steps []string
	for i, step := range res.CodeFlows[0].ThreadFlows[0].Locations {
		steps = append(steps, step.Location.place()+" "+step.Location.Message.Text)
		if step.NestingLevel != i {
			t.Errorf("step %d: nesting level %d", i, step.NestingLevel)
		}
	}
	want := []string{
		"%SRCROOT%/app/app.go:4:2 log.Printf writes a log line on every call of hot function Handle",
		"%SRCROOT%/lib/lib.go:3:15 lib.Save calls os.WriteFile",
	}
	if !slices.Equal(steps, want) {
		t.Errorf("code flow:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	for _, other := range []int{0, 2, 3} {
		if cf := log.Runs[0].Results[other].CodeFlows; len(cf) != 0 {
			t.Errorf("result %d has no chain but code flows %+v", other, cf)
		}
	}
}

// TestSARIFFixes: edits by byte offset become regions by line and column,
// grouped by file.
func TestSARIFFixes(t *testing.T) {
	_, log := renderSARIF(t, 0)
	fixes := log.Runs[0].Results[2].Fixes
	if len(fixes) != 1 || fixes[0].Description.Text != "call it now" || len(fixes[0].ArtifactChanges) != 2 {
		t.Fatalf("fixes %+v, want one with changes to two files", fixes)
	}
	var got []string
	for _, ch := range fixes[0].ArtifactChanges {
		for _, rep := range ch.Replacements {
			r := rep.DeletedRegion
			got = append(got, strings.Join([]string{ch.ArtifactLocation.URIBaseID + "/" + ch.ArtifactLocation.URI,
				itoa(r.StartLine), itoa(r.StartColumn), itoa(r.EndLine), itoa(r.EndColumn), rep.InsertedContent.Text}, ":"))
		}
	}
	want := []string{
		"%SRCROOT%/app/app.go:6:3:6:9:",       // delete "defer "
		"%SRCROOT%/lib/lib.go:1:1:1:1:// x\n", // insert at the start
	}
	if !slices.Equal(got, want) {
		t.Errorf("replacements:\n%q\nwant:\n%q", got, want)
	}
}

// TestSARIFFingerprints: moving the code down leaves every fingerprint as
// it was; a change to a reported line changes that line's only.
func TestSARIFFingerprints(t *testing.T) {
	fingerprints := func(log sarifLog) []string {
		var fps []string
		for _, res := range log.Runs[0].Results {
			keys := slices.Collect(maps.Keys(res.PartialFingerprints))
			if len(keys) != 1 || keys[0] != fingerprintKey {
				t.Fatalf("partialFingerprints %v, want just %s", res.PartialFingerprints, fingerprintKey)
			}
			fps = append(fps, res.PartialFingerprints[fingerprintKey])
		}
		return fps
	}
	_, log := renderSARIF(t, 0)
	before := fingerprints(log)
	if len(before) != 4 || len(slices.Compact(slices.Sorted(slices.Values(before)))) != 4 {
		t.Fatalf("fingerprints %v, want four different ones", before)
	}
	_, moved := renderSARIF(t, 7)
	if after := fingerprints(moved); !slices.Equal(before, after) {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", before, after)
	}
	if moved.Runs[0].Results[1].Locations[0].PhysicalLocation.Region.StartLine != 11 {
		t.Fatalf("the fixture did not move the code")
	}

	// Equal findings on equal lines are numbered in order.
	root, r := parseFixture(t, 0)
	twin := r.Diagnostics[1]
	twin.Pos.Line, twin.End.Line = 5, 5 // as if line 4 were repeated
	write(t, twin.Pos.File, strings.Replace(appGo, "\tfor _, p", "\tlog.Printf(\"héllo %d\", n)\n\tfor _, p", 1))
	r.Diagnostics = slices.Insert(r.Diagnostics, 2, twin)
	var log2 sarifLog
	if err := json.Unmarshal([]byte(render(t, "sarif", r, Options{Root: root})), &log2); err != nil {
		t.Fatal(err)
	}
	fps := fingerprints(log2)
	a, b := fps[1], fps[2]
	if a[:strings.IndexByte(a, ':')] != b[:strings.IndexByte(b, ':')] || !strings.HasSuffix(a, ":1") || !strings.HasSuffix(b, ":2") {
		t.Errorf("twin findings: fingerprints %s and %s, want the same hash numbered 1 and 2", a, b)
	}
}

// TestSARIFDeterministic: the same report renders to the same bytes.
func TestSARIFDeterministic(t *testing.T) {
	root, tree := fixture(t, 0)
	var first string
	for i := range 5 {
		r := parse(t, tree, false) // maps: a new order each time
		again := render(t, "sarif", r, Options{Root: root})
		if i == 0 {
			first = again
		} else if again != first {
			t.Fatalf("two renderings differ:\n%s\n%s", first, again)
		}
	}
}

// TestSARIFRankByWaiting: findings whose lock a mutex profile shows
// waited for come first, most waiting first, ranked against the most;
// the others keep their order and have no rank.
func TestSARIFRankByWaiting(t *testing.T) {
	diag := func(line int, msg string) Diagnostic {
		return Diagnostic{Analyzer: "iohotpath", Category: "io-under-lock", Message: msg,
			Pos: Position{File: "/m/a.go", Line: line, Column: 1}, End: Position{File: "/m/a.go", Line: line, Column: 5}}
	}
	r := &Report{Diagnostics: []Diagnostic{
		diag(1, "x under a.mu"),
		diag(2, "y; goroutines waited 200.0 ms for b.mu in the profile; fix"),
		diag(3, "z; goroutines waited 1.8 s for c.mu in the profile; fix"),
	}}
	var buf bytes.Buffer
	if err := SARIF(&buf, r, Options{Root: "/m"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Rank    float64
				Message struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, res := range log.Runs[0].Results {
		got = append(got, fmt.Sprintf("%s %.1f", res.Message.Text[:1], res.Rank))
	}
	if want := []string{"z 100.0", "y 11.1", "x -1.0"}; !slices.Equal(got, want) {
		t.Errorf("results %v, want %v", got, want)
	}
}
