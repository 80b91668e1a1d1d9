package driver

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The JSON tree of the go/analysis drivers: package -> analyzer name ->
// a list of diagnostics or an error (golang.org/x/tools'
// internal/analysis/driverutil.JSONTree, which -json prints and go vet's
// tool writes per package). Both engines fill one, keyed by package path
// as go vet keys it, so that their output is the same.
type (
	tree   map[string]map[string]any // values: []diagnostic or jsonError
	result struct {
		tree tree
		// failed: a package did not load or type-check, or the go command
		// failed; its messages went to standard error.
		failed bool
		// packages is how many packages were analysed for findings: a
		// package with tests counts once, its external test package once
		// more, as go vet runs them.
		packages int
	}
	diagnostic struct {
		Category       string    `json:"category,omitempty"`
		Posn           string    `json:"posn"`
		End            string    `json:"end"`
		Message        string    `json:"message"`
		SuggestedFixes []fix     `json:"suggested_fixes,omitempty"`
		Related        []related `json:"related,omitempty"`
	}
	fix struct {
		Message string `json:"message"`
		Edits   []edit `json:"edits"`
	}
	edit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	related struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// add records the diagnostics or the error of analyzer name on package pkg;
// an empty list records nothing, as the drivers do, and an error already
// recorded stays.
func (t tree) add(pkg, name string, diags []diagnostic, err string) {
	var v any
	switch {
	case err != "":
		v = jsonError{err}
	case len(diags) > 0:
		v = diags
	default:
		return
	}
	m := t[pkg]
	if m == nil {
		m = map[string]any{}
		t[pkg] = m
	}
	if old, ok := m[name]; ok {
		if _, isErr := old.(jsonError); isErr {
			return
		}
		if more, ok := v.([]diagnostic); ok {
			v = append(old.([]diagnostic), more...)
		}
	}
	m[name] = v
}

// merge adds one JSON tree, as go vet's tool prints it for a package.
func (t tree) merge(data []byte) error {
	var in map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	for pkg, byName := range in {
		for name, raw := range byName {
			if strings.HasPrefix(strings.TrimSpace(string(raw)), "{") {
				var e jsonError
				if err := json.Unmarshal(raw, &e); err != nil {
					return err
				}
				t.add(pkg, name, nil, e.Err)
				continue
			}
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				return err
			}
			t.add(pkg, name, diags, "")
		}
	}
	return nil
}

// only returns the packages of t that go vet analyses as roots for
// import paths paths: each package, with its _test.go files when it has
// any, and its external test package ("p_test"). go vet's tool keys its
// tree by import path alone, so a package of the main module also
// analysed as a dependency, without its tests or recompiled for another
// package's tests, prints under the same key: a diagnostic already there
// is kept once.
func (t tree) only(paths map[string]bool) tree {
	out := tree{}
	for pkg, byName := range t {
		base, _ := strings.CutSuffix(pkg, "_test")
		if !paths[pkg] && !paths[base] {
			continue
		}
		out[pkg] = map[string]any{}
		for name, v := range byName {
			diags, ok := v.([]diagnostic)
			if !ok {
				out[pkg][name] = v
				continue
			}
			seen := map[string]bool{}
			var kept []diagnostic
			for _, d := range diags {
				key, _ := json.Marshal(d)
				if !seen[string(key)] {
					seen[string(key)] = true
					kept = append(kept, d)
				}
			}
			out[pkg][name] = kept
		}
	}
	return out
}

// withoutTests drops what was found in _test.go files, and the packages
// left with nothing: go vet always analyses a package with its tests.
func (t tree) withoutTests() tree {
	out := tree{}
	for pkg, byName := range t {
		for name, v := range byName {
			diags, ok := v.([]diagnostic)
			if !ok {
				out.add(pkg, name, nil, v.(jsonError).Err)
				continue
			}
			var keep []diagnostic
			for _, d := range diags {
				if file, _, _ := splitPosn(d.Posn); !strings.HasSuffix(file, "_test.go") {
					keep = append(keep, d)
				}
			}
			out.add(pkg, name, keep, "")
		}
	}
	return out
}

// restoreRelated gives back their positions to the hops of call chains
// that cross packages. Under go vet the tool sees only its package's
// files, so the analyzer places such a hop at the diagnostic and names its
// place in the message ("X calls Y at /path/y.go:12:3"); in process every
// file is known and the hop is at its place. This makes the first look
// like the second.
func (t tree) restoreRelated() {
	for _, byName := range t {
		for _, v := range byName {
			diags, _ := v.([]diagnostic)
			for i := range diags {
				d := &diags[i]
				for j := range d.Related {
					r := &d.Related[j]
					at := strings.LastIndex(r.Message, " at ")
					if at < 0 || r.Posn != d.Posn {
						continue
					}
					posn := r.Message[at+len(" at "):]
					if file, line, col := splitPosn(posn); file == "" || line == 0 || col == 0 || !plainFile(file) {
						continue
					}
					r.Posn, r.End, r.Message = posn, posn, r.Message[:at]
				}
			}
		}
	}
}

// plainFile reports whether file, taken from the end of a message, is one
// file name: without a space or tab, or one that exists (a directory named
// "my code"; a message whose text before " at " only looks like a path
// names no file).
func plainFile(file string) bool {
	if !strings.ContainsAny(file, " \t") {
		return true
	}
	st, err := os.Stat(file)
	return err == nil && st.Mode().IsRegular()
}

// printJSON prints t as the drivers do: indented with tabs, keys sorted.
func (t tree) printJSON(w io.Writer) error {
	data, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// entry is a diagnostic with the analyzer that reported it.
type entry struct {
	analyzer string
	diagnostic
}

// errorEntry is a failed analysis.
type errorEntry struct{ pkg, analyzer, msg string }

// flatten returns the diagnostics of t without repeats (the same message
// at the same place, as a file analysed in two packages gives), ordered by
// file, line, column, rule and message; and the errors, ordered by package.
func (t tree) flatten() ([]entry, []errorEntry) {
	var diags []entry
	var errs []errorEntry
	for pkg, byName := range t {
		for name, v := range byName {
			switch v := v.(type) {
			case jsonError:
				errs = append(errs, errorEntry{pkg, name, v.Err})
			case []diagnostic:
				for _, d := range v {
					diags = append(diags, entry{name, d})
				}
			}
		}
	}
	slices.SortFunc(errs, func(a, b errorEntry) int {
		return cmp.Or(strings.Compare(a.pkg, b.pkg), strings.Compare(a.analyzer, b.analyzer))
	})
	compare := func(a, b entry) int {
		fa, la, ca := splitPosn(a.Posn)
		fb, lb, cb := splitPosn(b.Posn)
		return cmp.Or(strings.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb),
			strings.Compare(cmp.Or(a.Category, a.analyzer), cmp.Or(b.Category, b.analyzer)),
			strings.Compare(a.Message, b.Message), strings.Compare(a.End, b.End),
			strings.Compare(a.analyzer, b.analyzer))
	}
	slices.SortStableFunc(diags, compare)
	diags = slices.CompactFunc(diags, func(a, b entry) bool { return compare(a, b) == 0 })
	return diags, errs
}

// printText prints t as go vet does: "analyzer: error" for each failed
// analysis, then "file:line:col: message" for each diagnostic with its
// related information on lines of their own, the message after a tab, and
// with context >= 0 the lines around each. It returns how many
// diagnostics and errors it printed.
func (t tree) printText(w io.Writer, context int) (int, int, error) {
	diags, errs := t.flatten()
	b := bufio.NewWriter(w)
	for _, e := range errs {
		fmt.Fprintf(b, "%s: %s\n", e.analyzer, e.msg)
	}
	for _, d := range diags {
		printPlain(b, d.Posn, d.End, d.Message, context)
		for _, r := range d.Related {
			printPlain(b, r.Posn, r.End, "\t"+r.Message, context)
		}
	}
	return len(diags), len(errs), b.Flush()
}

// printPlain prints one line, and with context >= 0 the source lines from
// context lines before posn to context lines after end.
func printPlain(w io.Writer, posn, end, message string, context int) {
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	file, line, _ := splitPosn(posn)
	_, endLine, _ := splitPosn(cmp.Or(end, posn))
	if endLine < line {
		endLine = line
	}
	data, _ := os.ReadFile(file)
	lines := strings.Split(string(data), "\n")
	for i := line - context; i <= endLine+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// splitPosn splits "file:line:col" (token.Position's form; line and column
// may be missing).
func splitPosn(s string) (file string, line, col int) {
	var nums []int
	for len(nums) < 2 {
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(s[i+1:])
		if err != nil {
			break
		}
		nums = append(nums, n)
		s = s[:i]
	}
	switch len(nums) {
	case 1:
		line = nums[0]
	case 2:
		line, col = nums[1], nums[0]
	}
	return s, line, col
}
