package driver

import (
	"encoding/json"
	"os"
	"slices"
	"strings"

	"github.com/iohotpath/iohotpath/internal/output"
)

// tree is what a run found, package by package, as the go/analysis
// drivers' JSON tree holds it (output.Tree; -json prints it, and go vet's
// tool writes one per package). Both engines fill one, keyed by package
// path as go vet keys it, so that their output is the same.
type (
	tree   output.Tree
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
)

// without is res without the diagnostics settled reports true for (the
// findings -fix -diff's fixes settle).
func (res *result) without(settled func(output.Diagnostic) bool) *result {
	out := *res
	out.tree = tree{}
	for pkg, byAnalyzer := range res.tree {
		m := map[string]output.Result{}
		for name, r := range byAnalyzer {
			r.Diagnostics = slices.DeleteFunc(slices.Clone(r.Diagnostics), settled)
			if r.Err != "" || len(r.Diagnostics) > 0 {
				m[name] = r
			}
		}
		if len(m) > 0 {
			out.tree[pkg] = m
		}
	}
	return &out
}

// report is the typed report of res, for internal/output.
func (res *result) report() *output.Report {
	return output.NewReport(output.Tree(res.tree), res.failed)
}

// add records the diagnostics or the error of analyzer name on package pkg;
// an empty list records nothing, as the drivers do, and an error already
// recorded stays.
func (t tree) add(pkg, name string, diags []output.Diagnostic, err string) {
	v := output.Result{Diagnostics: diags, Err: err}
	switch {
	case err != "":
		v.Diagnostics = nil
	case len(diags) == 0:
		return
	}
	m := t[pkg]
	if m == nil {
		m = map[string]output.Result{}
		t[pkg] = m
	}
	if old, ok := m[name]; ok {
		if old.Err != "" {
			return
		}
		if err == "" {
			v.Diagnostics = append(old.Diagnostics, diags...)
		}
	}
	m[name] = v
}

// merge adds one JSON tree, as go vet's tool prints it for a package
// (under the command, with the I/O categories in Category: ioCategory).
func (t tree) merge(data []byte) error {
	var in output.Tree
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	for pkg, byName := range in {
		for name, r := range byName {
			for i := range r.Diagnostics {
				ioCategory(&r.Diagnostics[i])
			}
			t.add(pkg, name, r.Diagnostics, r.Err)
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
		out[pkg] = map[string]output.Result{}
		for name, v := range byName {
			if v.Err != "" {
				out[pkg][name] = v
				continue
			}
			seen := map[string]bool{}
			var kept []output.Diagnostic
			for _, d := range v.Diagnostics {
				key, _ := json.Marshal(d)
				if !seen[string(key)] {
					seen[string(key)] = true
					kept = append(kept, d)
				}
			}
			out[pkg][name] = output.Result{Diagnostics: kept}
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
			var keep []output.Diagnostic
			for _, d := range v.Diagnostics {
				if !strings.HasSuffix(d.Pos.File, "_test.go") {
					keep = append(keep, d)
				}
			}
			out.add(pkg, name, keep, v.Err)
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
			for i := range v.Diagnostics {
				d := &v.Diagnostics[i]
				for j := range d.Related {
					r := &d.Related[j]
					at := strings.LastIndex(r.Message, " at ")
					if at < 0 || r.Pos != d.Pos {
						continue
					}
					posn := output.ParsePosition(r.Message[at+len(" at "):])
					if posn.File == "" || posn.Line == 0 || posn.Column == 0 || !plainFile(posn.File) {
						continue
					}
					r.Pos, r.End, r.Message = posn, posn, r.Message[:at]
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
