package driver

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/iohotpath/iohotpath/internal/output"
)

// fixAndReport applies the suggested fixes of a run and then reports what
// is left, as a run without -fix would: a fix never hides a finding it did
// not fix, and the exit code says whether findings remain. Only the bytes
// a fix edits change (the engines' own -fix also reformats whole files).
// A run that cannot be trusted (a package that did not load) fixes
// nothing.
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
	fixes, files, err := writeFixes(res.report().Diagnostics)
	if err != nil {
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	}
	if fixes > 0 {
		fmt.Fprintf(stderr, "iohotpath: applied %s in %s\n", plural(fixes, "fix", "fixes"), plural(files, "file", "files"))
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

// writeFixes applies the first suggested fix of each of diags (in the
// report's order) to the files, skipping a fix whose edits overlap those
// of a fix already taken (the next run reports its finding again), and
// returns how many fixes it applied to how many files. The same fix
// reported twice (a file of a package and of its test variant) is applied
// once.
func writeFixes(diags []output.Diagnostic) (fixes, files int, err error) {
	byFile := map[string][]output.Edit{}
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
		if slices.ContainsFunc(f.Edits, func(e output.Edit) bool { return overlaps(byFile[e.File], e) }) ||
			selfOverlaps(f.Edits) {
			continue
		}
		for _, e := range f.Edits {
			byFile[e.File] = append(byFile[e.File], e)
		}
		fixes++
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := editFile(name, byFile[name]); err != nil {
			return 0, 0, err
		}
	}
	return fixes, len(names), nil
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

// editFile applies non-overlapping edits to the file name, keeping its
// mode.
func editFile(name string, edits []output.Edit) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	slices.SortFunc(edits, func(a, b output.Edit) int { return cmp.Compare(a.Start, b.Start) })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			return fmt.Errorf("%s: a suggested fix edits bytes %d-%d of %d: the file changed during the run", name, e.Start, e.End, len(src))
		}
		out = append(append(out, src[last:e.Start]...), e.New...)
		last = e.End
	}
	out = append(out, src[last:]...)
	return os.WriteFile(name, out, info.Mode().Perm())
}

// plural is n and the noun that goes with it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
