package output

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Tree is what the analyses of a run found, package by package, as the
// JSON tree of the go/analysis drivers holds it
// (golang.org/x/tools/internal/analysis/driverutil.JSONTree): package
// path -> analyzer name -> its diagnostics or the error it failed with.
// Its JSON form is that tree's, field for field: go vet's tool writes one
// per package, and -json prints one for the run.
type Tree map[string]map[string]Result

// Result is what one analyzer gave on one package: diagnostics, or the
// error it failed with (Err is then set and Diagnostics empty).
type Result struct {
	Diagnostics []Diagnostic // Analyzer is left empty: it is the key
	Err         string
}

// The JSON form of a Result (driverutil.JSONDiagnostic and friends).
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Error string `json:"error"`
	}
)

// MarshalJSON writes r as the drivers do: {"error": …} or a list of
// diagnostics.
func (r Result) MarshalJSON() ([]byte, error) {
	if r.Err != "" {
		return json.Marshal(jsonError{r.Err})
	}
	out := make([]jsonDiagnostic, 0, len(r.Diagnostics))
	for _, d := range r.Diagnostics {
		jd := jsonDiagnostic{Category: d.Category, Posn: d.Pos.String(), End: d.End.String(), Message: d.Message}
		for _, f := range d.Fixes {
			jf := jsonFix{Message: f.Message}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{e.File, e.Start, e.End, e.New})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{rel.Pos.String(), rel.End.String(), rel.Message})
		}
		out = append(out, jd)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes (go vet's tool's output).
func (r *Result) UnmarshalJSON(data []byte) error {
	if strings.HasPrefix(strings.TrimSpace(string(data)), "{") {
		var e jsonError
		if err := json.Unmarshal(data, &e); err != nil {
			return err
		}
		*r = Result{Err: e.Error}
		return nil
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(data, &diags); err != nil {
		return err
	}
	*r = Result{}
	for _, d := range diags {
		out := Diagnostic{
			Category: d.Category,
			Pos:      ParsePosition(d.Posn),
			End:      ParsePosition(d.End),
			Message:  d.Message,
		}
		for _, rel := range d.Related {
			out.Related = append(out.Related, Related{ParsePosition(rel.Posn), ParsePosition(rel.End), rel.Message})
		}
		for _, f := range d.SuggestedFixes {
			fix := Fix{Message: f.Message}
			for _, e := range f.Edits {
				fix.Edits = append(fix.Edits, Edit{e.Filename, e.Start, e.End, e.New})
			}
			out.Fixes = append(out.Fixes, fix)
		}
		r.Diagnostics = append(r.Diagnostics, out)
	}
	return nil
}

// WriteJSON prints t as the drivers print -json: indented with tabs, keys
// sorted, a newline at the end.
func (t Tree) WriteJSON(w io.Writer) error {
	data, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// NewReport is the report of a run that found t; incomplete says that some
// packages did not load or type-check. Its diagnostics are t's, each once
// (a file analysed in a package and in its test variant reports twice),
// in file, line, column, rule and message order; its errors are sorted by
// package and analyzer.
func NewReport(t Tree, incomplete bool) *Report {
	r := &Report{Tree: t, Incomplete: incomplete}
	for pkg, byAnalyzer := range t {
		for name, res := range byAnalyzer {
			if res.Err != "" {
				r.Errors = append(r.Errors, AnalysisError{pkg, name, res.Err})
				continue
			}
			for _, d := range res.Diagnostics {
				d.Analyzer = name
				r.Diagnostics = append(r.Diagnostics, d)
			}
		}
	}
	r.Diagnostics = sortUnique(r.Diagnostics)
	slices.SortFunc(r.Errors, func(a, b AnalysisError) int {
		return cmp.Or(strings.Compare(a.Package, b.Package), strings.Compare(a.Analyzer, b.Analyzer))
	})
	return r
}
