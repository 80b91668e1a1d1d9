// Package output turns iohotpath's findings into the formats that
// reviewers and CI read: text (go vet style), json (the go/analysis
// drivers' JSON tree, unchanged), sarif (SARIF 2.1.0, for code scanning)
// and github (GitHub Actions workflow commands, for annotations).
//
// The input is a Report: what the analyses found (a Tree, package by
// package, as the go/analysis drivers' JSON tree holds it) with its
// diagnostics and errors flattened, each diagnostic once and in order.
// NewReport makes one; Render writes it in a format. The command's driver
// (internal/driver) fills the Tree from its engines, parses -format with
// FormatValue and hands the report to Write, or to Text for the default
// output.
package output

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Formats are the values -format accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github"}

// Report is what one run found.
type Report struct {
	// Diagnostics, without duplicates (a file analysed as part of both a
	// package and its test variant reports once), sorted by file, line,
	// column, rule and message.
	Diagnostics []Diagnostic
	// Errors are the analyses that failed, sorted; a run with errors
	// cannot be trusted.
	Errors []AnalysisError
	// Incomplete says that some packages did not load or type-check (the
	// driver said why on standard error): the findings are not all there.
	Incomplete bool
	// Tree is what the report was made of, package by package: the json
	// format prints it.
	Tree Tree
}

// incompleteMessage is what sarif and github say of an incomplete run.
const incompleteMessage = "some packages did not load or type-check (the command's standard error says why): the findings are incomplete"

// AnalysisError is an analysis that failed on a package, such as
// "analysis skipped due to errors in package".
type AnalysisError struct {
	Package, Analyzer, Message string
}

func (e AnalysisError) String() string { return e.Package + ": " + e.Message }

// Diagnostic is one finding.
type Diagnostic struct {
	Analyzer string
	Category string // the rule id
	// IOCategory is, for hot-io, the category of the I/O found (a name
	// -disable takes: database, file, …); "" for the other rules, which
	// -disable turns off by their id. Not in the JSON tree.
	IOCategory string
	Pos, End   Position
	Message    string
	Related    []Related // for hot-io, the call chain: "X calls Y", hop by hop
	Fixes      []Fix
}

// Rule is the diagnostic's rule id: its category, else its analyzer's name.
func (d Diagnostic) Rule() string { return cmp.Or(d.Category, d.Analyzer) }

// Label names what reported d in the terms of the command line: the rule
// (what -explain takes, and -disable for the rules other than hot-io),
// then for hot-io a slash and the category of I/O (what -disable takes):
// "hot-io/database", "io-under-lock", "defer-in-loop".
func (d Diagnostic) Label() string {
	if d.IOCategory == "" {
		return d.Rule()
	}
	return d.Rule() + "/" + d.IOCategory
}

// Position is a place in a file; Line and Column (in bytes) start at 1 and
// are 0 when unknown.
type Position struct {
	File         string
	Line, Column int
}

// String formats p as token.Position does: file:line:column, "-" when
// nothing is known.
func (p Position) String() string {
	s := p.File
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return cmp.Or(s, "-")
}

// Related is one piece of related information.
type Related struct {
	Pos, End Position
	Message  string
}

// Fix is one suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// ParsePosition reads "file:line:column", "file:line", "file" or "-" (the
// forms of token.Position.String). Only trailing numbers are taken, so a
// Windows drive letter stays in the file name.
func ParsePosition(s string) Position {
	if s == "-" || s == "" {
		return Position{}
	}
	var nums []int
	for len(nums) < 2 {
		i := strings.LastIndexByte(s, ':')
		n, err := strconv.Atoi(s[i+1:])
		if i < 0 || err != nil || n < 0 {
			break
		}
		nums = append(nums, n)
		s = s[:i]
	}
	p := Position{File: s}
	switch len(nums) {
	case 1:
		p.Line = nums[0]
	case 2:
		p.Line, p.Column = nums[1], nums[0]
	}
	return p
}

// compareDiagnostics orders by file, line, column, rule and message (the
// order of the analyzer's own report), then by what is left, so that the
// order never depends on the order of the tree's maps.
func compareDiagnostics(a, b Diagnostic) int {
	return cmp.Or(
		comparePositions(a.Pos, b.Pos),
		strings.Compare(a.Rule(), b.Rule()),
		strings.Compare(a.Message, b.Message),
		comparePositions(a.End, b.End),
		strings.Compare(a.Analyzer, b.Analyzer),
	)
}

func comparePositions(a, b Position) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// sortUnique sorts diags and drops repeats of a diagnostic at the same
// place with the same message, as the text printer of the drivers does (a
// file in both a package and its test variant is analysed twice).
func sortUnique(diags []Diagnostic) []Diagnostic {
	slices.SortStableFunc(diags, compareDiagnostics)
	return slices.CompactFunc(diags, func(a, b Diagnostic) bool { return compareDiagnostics(a, b) == 0 })
}

// Options are what the formats need beyond the report.
type Options struct {
	// Root is the directory that file names are made relative to (sarif,
	// github); files outside it keep their absolute names.
	Root string
	// Version is iohotpath's version, "" when unknown (sarif).
	Version string
}

// Render writes r to w in format, one of Formats.
func Render(w io.Writer, format string, r *Report, opts Options) error {
	switch format {
	case "text":
		return Text(w, r, -1)
	case "json":
		return r.Tree.WriteJSON(w)
	case "sarif":
		return SARIF(w, r, opts)
	case "github":
		return GitHub(w, r, opts)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}
