package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/aymanbagabas/go-udiff"

	"github.com/iohotpath/iohotpath/internal/output"
)

// fixAndReport applies the suggested fixes of a run and then reports what
// is left, as a run without -fix would: a fix never hides a finding it did
// not fix, and the exit code says whether findings remain. Only the bytes
// a fix edits change (the engines' own -fix also reformats whole files).
// With -diff it writes nothing: it prints those bytes as a unified diff
// on stdout and reports the findings the fixes would leave, so that a
// preview never hides a finding it has no fix for. A run that cannot be
// trusted (a package that did not load) fixes nothing.
func fixAndReport(c *command, ch choice, dir string, stdout, stderr io.Writer) int {
	res, err := analyse(c, ch, dir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	}
	if res.failed {
		fmt.Fprintln(stderr, "iohotpath: fixing nothing: some packages did not load or type-check")
		return report(c, res, dir, stdout, stderr)
	}
	p := planFixes(res.report().Diagnostics)
	if c.diff {
		if err := p.diff(stdout); err != nil {
			fmt.Fprintf(stderr, "iohotpath: %v\n", err)
			return 1
		}
		if p.fixes > 0 {
			fmt.Fprintf(stderr, "iohotpath: the diff holds %s; the findings they leave:\n", p)
		}
		return report(c, res.without(p.settles), dir, stdout, stderr)
	}
	if err := p.write(); err != nil {
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	}
	if p.fixes > 0 {
		fmt.Fprintf(stderr, "iohotpath: applied %s\n", p)
		if res, err = analyse(c, ch, dir, stderr); err != nil {
			fmt.Fprintf(stderr, "iohotpath: %v\n", err)
			return 1
		}
	}
	return report(c, res, dir, stdout, stderr)
}

// analyse runs the analysis with the chosen engine.
func analyse(c *command, ch choice, dir string, stderr io.Writer) (*result, error) {
	if ch.engine == Vet {
		res, err := runVet(c, dir, stderr)
		leaveMarker(ch.marker)
		return res, err
	}
	return runInProcess(c, dir, stderr)
}

// A fixPlan is the fixes a run applies: the first suggested fix of each
// finding (in the report's order), skipping a fix whose edits overlap
// those of a fix already taken (the next run reports its finding again);
// the same fix reported twice (a file of a package and of its test
// variant) is taken once.
type fixPlan struct {
	byFile map[string][]output.Edit
	taken  map[string]bool // the fixes taken, by their edits
	fixes  int
}

func planFixes(diags []output.Diagnostic) *fixPlan {
	p := &fixPlan{byFile: map[string][]output.Edit{}, taken: map[string]bool{}}
	seen := map[string]bool{}
	for _, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		f := d.Fixes[0]
		key := fmt.Sprint(f.Edits)
		if seen[key] || len(f.Edits) == 0 {
			continue
		}
		seen[key] = true
		if slices.ContainsFunc(f.Edits, func(e output.Edit) bool { return overlaps(p.byFile[e.File], e) }) ||
			selfOverlaps(f.Edits) {
			continue
		}
		for _, e := range f.Edits {
			p.byFile[e.File] = append(p.byFile[e.File], e)
		}
		p.taken[key] = true
		p.fixes++
	}
	return p
}

// files are the files the plan edits, sorted.
func (p *fixPlan) files() []string {
	names := make([]string, 0, len(p.byFile))
	for name := range p.byFile {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// settles reports whether the plan fixes d.
func (p *fixPlan) settles(d output.Diagnostic) bool {
	return len(d.Fixes) > 0 && p.taken[fmt.Sprint(d.Fixes[0].Edits)]
}

// String counts the plan's fixes and files: "2 fixes in 1 file".
func (p *fixPlan) String() string {
	return plural(p.fixes, "fix", "fixes") + " in " + plural(len(p.byFile), "file", "files")
}

// write applies the plan to the files.
func (p *fixPlan) write() error {
	for _, name := range p.files() {
		info, err := os.Stat(name)
		if err != nil {
			return err
		}
		src, out, err := edited(name, p.byFile[name])
		if err != nil {
			return err
		}
		if !bytes.Equal(src, out) {
			if err := os.WriteFile(name, out, info.Mode().Perm()); err != nil {
				return err
			}
		}
	}
	return nil
}

// diff writes the plan's edits to w as a unified diff, file by file.
func (p *fixPlan) diff(w io.Writer) error {
	for _, name := range p.files() {
		src, out, err := edited(name, p.byFile[name])
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, udiff.Unified(name+" (old)", name+" (new)", string(src), string(out))); err != nil {
			return err
		}
	}
	return nil
}

// overlaps reports whether e overlaps an edit of taken; two insertions at
// the same offset overlap too, since their order would be a guess.
func overlaps(taken []output.Edit, e output.Edit) bool {
	for _, o := range taken {
		if e.Start < o.End && o.Start < e.End || e.Start == o.Start {
			return true
		}
	}
	return false
}

func selfOverlaps(edits []output.Edit) bool {
	for i, e := range edits {
		if overlaps(edits[i+1:], e) {
			return true
		}
	}
	return false
}

// edited returns the content of the file name and that content with the
// non-overlapping edits applied.
func edited(name string, edits []output.Edit) (src, out []byte, err error) {
	src, err = os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b output.Edit) int { return cmp.Compare(a.Start, b.Start) })
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			return nil, nil, fmt.Errorf("%s: a suggested fix edits bytes %d-%d of %d: the file changed during the run", name, e.Start, e.End, len(src))
		}
		out = append(append(out, src[last:e.Start]...), e.New...)
		last = e.End
	}
	return src, append(out, src[last:]...), nil
}

// plural is n and the noun that goes with it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
