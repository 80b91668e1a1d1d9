// Package driver is the iohotpath command: it checks the flags and the
// configuration once, picks an engine, runs the analysis and prints what
// it found, the same way whichever engine ran it.
//
// The engines (see engine.go for how -engine=auto picks one):
//
//   - vet: go vet -vettool=<this executable> -json, so that the go command
//     runs the analyzer once per package, in parallel, and keeps every
//     package's facts and findings in the build cache. Re-runs analyse
//     only what changed, and no process holds more than one package.
//   - inprocess: go/packages and x/tools' checker in this process, as
//     singlechecker runs them. It needs no compiled code, so it is the
//     fast one on a machine whose build cache is empty.
//
// When go vet calls the executable back (IsTool), Tool speaks the vet
// protocol through singlechecker, and its -V=full answer covers the
// configuration files (see PrintVersion), so a changed .iohotpath.yml is
// never answered from the cache, for the command and for a user's own
// go vet -vettool alike.
//
// Both engines fill the tree that -json prints, keyed by package path as
// go vet keys it: a package with tests appears once, by its test variant.
// The report made of it (output.NewReport) lists each finding once,
// ordered by file, line, column, rule and message, for every format.
package driver

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	ruledocs "github.com/iohotpath/iohotpath/docs/rules"
	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/output"
)

// Options are what Main needs besides the command line.
type Options struct {
	// New returns a fresh analyzer configured as the command's:
	// defaults, the flags, the .iohotpath.yml files.
	New func() *analysis.Analyzer
	// Stdout and Stderr default to the process's.
	Stdout, Stderr io.Writer
	// Dir is the working directory; "" for the process's.
	Dir string
}

// Main runs the command line args (without the program name) and returns
// the exit code: 0 nothing found, 3 findings reported (text output), 1 the
// run cannot be trusted (a bad flag or configuration file, a package that
// does not load or type-check, a failed analysis).
func Main(args []string, opts Options) int {
	stdout, stderr := opts.Stdout, opts.Stderr
	if stdout == nil {
		stdout = os.Stdout
	}
	if stderr == nil {
		stderr = os.Stderr
	}
	dir := opts.Dir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			fmt.Fprintf(stderr, "iohotpath: %v\n", err)
			return 1
		}
	}
	// The configuration comes from dir's module (config.WorkDir), also for
	// the Loaders of this process: the in-process engine, the preflight.
	os.Setenv(config.WorkDirEnv, dir)
	a := opts.New()
	c, err := parse(a, args, dir)
	switch {
	case err == errUsage:
		usage(stderr, a)
		return 1
	case err == errHelp:
		usage(stdout, a)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	case c.version:
		fmt.Fprintln(stdout, Version())
		return 0
	case c.list:
		printCatalogue(stdout)
		return 0
	case c.explain != "":
		page, _ := ruledocs.Page(c.explain) // parse checked the id
		fmt.Fprint(stdout, page)
		return 0
	}
	if problems := checkConfig(c, dir); len(problems) > 0 {
		fmt.Fprintf(stderr, "iohotpath: %s\n", strings.Join(problems, "\n"))
		return 1
	}
	a.Run = stopOnConfigError(physicalEdits(a.Run))

	ch := choose(c, dir)
	if ch.engine == Vet {
		if err := checkProfiles(c, dir); err != nil {
			fmt.Fprintf(stderr, "iohotpath: %v\n", err)
			return 1
		}
	}
	if os.Getenv("IOHOTPATH_DEBUG_ENGINE") != "" {
		fmt.Fprintf(stderr, "iohotpath: engine %s (%s)\n", ch.engine, ch.why)
	}
	if c.fix {
		return fixAndReport(c, ch, dir, stdout, stderr)
	}
	res, err := analyse(c, ch, dir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	}
	return report(c, res, dir, stdout, stderr)
}

// report writes the result and returns the exit code. With -json the
// findings are in the output and the code is 0 unless a package failed,
// as for every go/analysis driver; -format=json|sarif|github renders the
// same report through internal/output, with the text output's exit codes.
func report(c *command, res *result, dir string, stdout, stderr io.Writer) int {
	r := res.report()
	if c.json && c.format == "" {
		if err := r.Tree.WriteJSON(stdout); err != nil {
			return 1
		}
		if res.failed {
			return 1
		}
		return 0
	}
	if c.format != "" && c.format != "text" {
		return output.Write(stdout, stderr, c.format, r, output.DefaultOptions(dir))
	}
	err := output.Text(stderr, r, c.context)
	diags, errs := len(r.Diagnostics), len(r.Errors)
	if err == nil && diags >= 3 {
		printCauses(r, stderr)
	}
	if err == nil && errs == 0 && !res.failed && res.packages >= 0 {
		printSummary(stderr, diags, res.packages)
	}
	switch {
	case err != nil || errs > 0 || res.failed:
		return 1
	case diags > 0:
		return 3
	}
	return 0
}

// printSummary ends a text report that can be trusted with how many
// findings it holds and how many packages were analysed for them, so that
// a silent run is told from one that analysed nothing. (After a failure
// the count would mislead: the exit code and the errors say it all.)
func printSummary(w io.Writer, findings, packages int) {
	what := "no findings"
	if findings > 0 {
		what = plural(findings, "finding", "findings")
	}
	fmt.Fprintf(w, "iohotpath: %s in %s\n", what, plural(packages, "package", "packages"))
}

// printCauses ends a text report with the functions that several findings
// reach their I/O through, each with the one line that would settle them.
func printCauses(r *output.Report, w io.Writer) {
	for _, c := range output.Causes(r) {
		fmt.Fprintf(w, "iohotpath: %s\n", c.Advice())
	}
}

// printCatalogue writes the catalogue of blocking calls (-list), grouped
// by category in the order of the categories' names, a function a line:
// what -disable and -enable name, and what docs/catalogue.md tabulates.
func printCatalogue(w io.Writer) {
	byCat := map[string][]string{}
	for _, line := range catalogue.Lines() {
		name, rest, _ := strings.Cut(line, " ")
		cat, note, _ := strings.Cut(rest, " ")
		if note != "" {
			name += " " + note
		}
		byCat[cat] = append(byCat[cat], name)
	}
	for _, cat := range slices.Sorted(maps.Keys(byCat)) {
		fmt.Fprintf(w, "%s (%d):\n", cat, len(byCat[cat]))
		for _, name := range byCat[cat] {
			fmt.Fprintf(w, "  %s\n", name)
		}
	}
}
