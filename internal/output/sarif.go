package output

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/iohotpath/iohotpath/internal/profiles"
	"github.com/iohotpath/iohotpath/internal/rules"
)

const (
	// srcRoot is the uriBaseId of files inside Options.Root.
	srcRoot = "%SRCROOT%"
	// informationURI is the tool's home page.
	informationURI = "https://github.com/iohotpath/iohotpath"
	// fingerprintKey names iohotpath's partial fingerprint, versioned as
	// SARIF recommends (§3.27.17) so that a change of recipe is a new key.
	fingerprintKey = "iohotpathFinding/v1"
)

// fullDescriptions say more than rules.All's one-line summaries; a rule
// missing here gets its summary (and the page behind helpUri says all).
var fullDescriptions = map[string]string{
	rules.HotIO: "A blocking call (file, fsync, stat, log, standard output, encoder flush, network, " +
		"database or process I/O) in code that runs once per unit of work (a hot function or a hot loop), " +
		"made directly or through the functions it calls, in this package or another. Its latency multiplies " +
		"with the load; open files once, batch, or hand the work to a background writer.",
	rules.IOUnderLock: "A call that makes a network round trip, queries a database, runs a process or fsyncs " +
		"(directly or through the functions it calls, in this package or another) while a sync.Mutex or " +
		"sync.RWMutex is held on every path to it: every goroutine that needs the lock waits for the I/O. " +
		"Copy what the call needs, unlock, then call.",
	rules.DeferInLoop: "A defer directly in a loop body runs only when the function returns, so what it " +
		"releases piles up over the iterations; release it in the loop body or move the body into a function.",
	rules.ReopenInLoop: "A file whose path does not change in the loop is opened and closed on every " +
		"iteration; open it once before the loop.",
	rules.Directive: "An iohotpath directive that is misspelt or misplaced, applies to nothing, or an " +
		"//iohotpath:ignore without a reason or that suppresses nothing.",
}

// SARIF writes r as a SARIF 2.1.0 log with one run: the tool iohotpath
// with a rule per rule id that r uses, and a result per diagnostic with
//
//   - its location relative to opts.Root (uriBaseId %SRCROOT%), columns in
//     UTF-16 code units (the run's columnKind);
//   - the call chain of a transitive finding as a code flow: the reported
//     call, then each hop ("X calls Y") in order;
//   - its suggested fixes as fixes;
//   - a partial fingerprint from the rule, the file, the message and the
//     text of the reported line (not its number), so a finding keeps its
//     identity when unrelated lines move.
//
// The output depends only on r, opts and the reported files: results are in
// the order of r.Diagnostics (file, line, column, rule, message), but for
// the findings whose lock a contention profile shows waited for, which
// come first, most waiting first, with a rank (byWaiting).
func SARIF(w io.Writer, r *Report, opts Options) error {
	b := &sarifBuilder{opts: opts, src: newSources()}
	log := sarif.NewReport()
	log.AddRun(b.run(r))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

type sarifBuilder struct {
	opts Options
	src  *sources
}

func (b *sarifBuilder) run(r *Report) *sarif.Run {
	run := sarif.NewRunWithInformationURI("iohotpath", informationURI)
	if v, ok := strings.CutPrefix(b.opts.Version, "v"); ok {
		run.Tool.Driver.WithSemanticVersion(v)
	}
	run.WithColumnKind("utf16CodeUnits")
	if b.opts.Root != "" {
		run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
			srcRoot: *sarif.NewArtifactLocation().WithURI(fileURI(b.opts.Root) + "/"),
		})
	}
	for _, id := range usedRules(r) {
		run.AddRule(id).
			WithDescription(summary(id)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(cmp.Or(fullDescriptions[id], summary(id)))).
			WithHelpURI(rules.URL(id)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarif.LevelWarning))
	}
	seen := make(map[string]int) // fingerprint -> occurrences so far
	diags, waits, most := byWaiting(r.Diagnostics)
	for i, d := range diags {
		res := run.CreateResultForRule(d.Rule()).
			WithLevel(sarif.LevelWarning).
			WithMessage(sarif.NewTextMessage(d.Message)).
			AddLocation(b.location(d.Pos, d.End, ""))
		if waits[i] > 0 {
			res.WithRank(math.Round(1000*float64(waits[i])/float64(most)) / 10)
		}
		fp := b.fingerprint(d)
		seen[fp]++
		res.WithPartialFingerprints(map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", fp, seen[fp])})
		if len(d.Related) > 0 {
			res.AddCodeFlow(b.codeFlow(d))
		}
		for _, f := range d.Fixes {
			res.AddFixe(b.fix(f))
		}
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0 && !r.Incomplete)
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel(sarif.LevelError).WithMessage(sarif.NewTextMessage(e.String()))
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	if r.Incomplete {
		n := sarif.NewNotification().WithLevel(sarif.LevelError).WithMessage(sarif.NewTextMessage(incompleteMessage))
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.AddInvocation(inv)
	if causes := Causes(r); len(causes) > 0 {
		var list []map[string]any
		for _, c := range causes {
			m := map[string]any{"callee": c.Callee, "findings": c.Findings, "message": c.Advice()}
			if c.Key != "" {
				m["nonblocking"] = c.Key
			}
			list = append(list, m)
		}
		run.WithProperties(sarif.NewPropertyBag().Add("iohotpath/sharedCauses", list))
	}
	return run
}

// byWaiting returns diags ordered by the waiting a contention profile
// recorded for their lock (profiles.WaitClause), most first, the others
// after them in their order; the waiting of each, and the most. SARIF's
// rank (0 to 100, higher first) is each one's waiting against the most.
func byWaiting(diags []Diagnostic) ([]Diagnostic, []time.Duration, time.Duration) {
	type waited struct {
		d Diagnostic
		w time.Duration
	}
	list := make([]waited, len(diags))
	var most time.Duration
	for i, d := range diags {
		w, _ := profiles.ParseWait(d.Message)
		list[i] = waited{d, w}
		most = max(most, w)
	}
	slices.SortStableFunc(list, func(a, b waited) int { return cmp.Compare(b.w, a.w) })
	out, waits := make([]Diagnostic, len(list)), make([]time.Duration, len(list))
	for i, x := range list {
		out[i], waits[i] = x.d, x.w
	}
	return out, waits, most
}

// usedRules returns the rule ids of r's diagnostics, sorted.
func usedRules(r *Report) []string {
	var ids []string
	for _, d := range r.Diagnostics {
		ids = append(ids, d.Rule())
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// summary is the one-line description of rule id.
func summary(id string) string {
	for _, r := range rules.All {
		if r.ID == id {
			return r.Summary
		}
	}
	return id
}

// location is a SARIF location for the range [pos, end).
func (b *sarifBuilder) location(pos, end Position, message string) *sarif.Location {
	loc := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
		WithArtifactLocation(b.artifact(pos.File)).
		WithRegion(b.region(pos, end)))
	if message != "" {
		loc.WithMessage(sarif.NewTextMessage(message))
	}
	return loc
}

// artifact locates file relative to %SRCROOT% when it is inside the root,
// else by its absolute file URI.
func (b *sarifBuilder) artifact(file string) *sarif.ArtifactLocation {
	if rel, ok := relFile(b.opts.Root, file); ok {
		return sarif.NewArtifactLocation().WithURI((&url.URL{Path: rel}).String()).WithURIBaseID(srcRoot)
	}
	if filepath.IsAbs(file) {
		return sarif.NewArtifactLocation().WithURI(fileURI(file))
	}
	return sarif.NewArtifactLocation().WithURI((&url.URL{Path: filepath.ToSlash(file)}).String())
}

func (b *sarifBuilder) region(pos, end Position) *sarif.Region {
	reg := sarif.NewRegion().WithStartLine(max(pos.Line, 1))
	if pos.Column > 0 {
		reg.WithStartColumn(b.src.utf16Column(pos.File, pos.Line, pos.Column))
	}
	if end.File == pos.File && end.Line >= pos.Line && end.Column > 0 && (end.Line > pos.Line || end.Column > pos.Column) {
		reg.WithEndLine(end.Line).WithEndColumn(b.src.utf16Column(end.File, end.Line, end.Column))
	}
	return reg
}

// codeFlow shows the chain: first the reported call, then each hop.
func (b *sarifBuilder) codeFlow(d Diagnostic) *sarif.CodeFlow {
	flow := sarif.NewThreadFlow()
	step := func(pos, end Position, msg string) {
		flow.Locations = append(flow.Locations, sarif.NewThreadFlowLocation().
			WithKinds([]string{"call"}).
			WithNestingLevel(len(flow.Locations)).
			WithLocation(b.location(pos, end, msg)))
	}
	step(d.Pos, d.End, d.Message)
	for _, rel := range d.Related {
		step(rel.Pos, rel.End, rel.Message)
	}
	return sarif.NewCodeFlow().WithThreadFlows([]*sarif.ThreadFlow{flow})
}

// fix turns byte offsets into the line and column regions SARIF wants; an
// edit in a file that cannot be read keeps its byte offsets.
func (b *sarifBuilder) fix(f Fix) *sarif.Fix {
	changes := make(map[string]*sarif.ArtifactChange)
	var files []string
	for _, e := range f.Edits {
		ch := changes[e.File]
		if ch == nil {
			ch = sarif.NewArtifactChange().WithArtifactLocation(b.artifact(e.File))
			changes[e.File] = ch
			files = append(files, e.File)
		}
		reg := sarif.NewRegion()
		sl, sc, ok1 := b.src.position(e.File, e.Start)
		el, ec, ok2 := b.src.position(e.File, e.End)
		if ok1 && ok2 {
			reg.WithStartLine(sl).WithStartColumn(sc).WithEndLine(el).WithEndColumn(ec)
		} else {
			reg.WithByteOffset(e.Start).WithByteLength(e.End - e.Start)
		}
		ch.Replacements = append(ch.Replacements, sarif.NewReplacement().
			WithDeletedRegion(reg).
			WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
	}
	fix := sarif.NewFix().WithDescription(sarif.NewTextMessage(f.Message))
	slices.Sort(files)
	for _, file := range files {
		fix.ArtifactChanges = append(fix.ArtifactChanges, changes[file])
	}
	return fix
}

// fingerprint hashes what identifies a finding whatever its line number:
// the rule, the file (relative to the root), the message and the trimmed
// text of the reported line. Equal findings on equal lines are told apart
// by the occurrence count the caller appends.
func (b *sarifBuilder) fingerprint(d Diagnostic) string {
	file, _ := relFile(b.opts.Root, d.Pos.File)
	text, _ := b.src.line(d.Pos.File, d.Pos.Line)
	h := sha256.New()
	for _, s := range []string{d.Rule(), file, d.Message, strings.TrimSpace(text)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// fileURI is the file: URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
