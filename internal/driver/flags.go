package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	ruledocs "github.com/iohotpath/iohotpath/docs/rules"
	"github.com/iohotpath/iohotpath/internal/config"
	"github.com/iohotpath/iohotpath/internal/output"
	"github.com/iohotpath/iohotpath/internal/profiles"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Engines are the values of -engine.
const (
	Auto      = "auto"      // pick by what the build cache holds (engine.go)
	Vet       = "vet"       // go vet -vettool=<this executable>
	InProcess = "inprocess" // go/packages and the checker, in this process
)

// command is a parsed command line.
type command struct {
	analyzer *analysis.Analyzer // its flags set from the command line
	// toolArgs are the analyzer's flags as given, in order, each as
	// -name=value, with -config made absolute: what go vet hands the tool
	// in every package directory.
	toolArgs   []string
	configFile string   // -config, absolute; "" when not given
	profiles   []string // -profile files, absolute
	buildFlags []string // -tags, -mod, -modfile, each as -name=value
	json       bool
	format     string // -format: text, json, sarif or github (internal/output)
	context    int    // -c
	fix, diff  bool
	test       bool
	engine     string
	program    bool // -program: the whole-program pass after the analysis (internal/program)
	debug      string
	version    bool   // -version
	list       bool   // -list: the catalogue, by category
	explain    string // -explain RULE: the rule's page
	patterns   []string
	setErr     error // the error of the analyzer flag that did not validate
	warned     bool  // the unmatched entries have been warned of (-fix analyses twice)
}

// errUsage asks for the usage text: no packages (exit code 1); errHelp
// for -help and iohotpath help (exit code 0).
var (
	errUsage = errors.New("usage")
	errHelp  = errors.New("help")
)

// flagError is a flag value that does not validate.
type flagError struct{ err error }

func (e flagError) Error() string { return "invalid flag: " + e.err.Error() }

// parse reads args into a command whose analyzer is a. Every analyzer flag
// is set on a as it is read (its Set validates) and recorded for go vet.
func parse(a *analysis.Analyzer, args []string, dir string) (*command, error) {
	c := &command{analyzer: a, context: -1, test: true, engine: Auto}
	fs := c.flagSet(dir)
	if len(args) == 1 && args[0] == "help" {
		return nil, errHelp // what go vet's usage tells users to run
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		if c.setErr != nil {
			return nil, c.setErr // package flag would wrap it in its own words
		}
		return nil, fmt.Errorf("%v (iohotpath -help lists the flags)", err)
	}
	c.patterns = fs.Args()
	if len(c.profiles) > 0 {
		// go vet keys its cache by the flags, not by the files they name.
		c.toolArgs = append(c.toolArgs, "-profile-digest="+profiles.Digest(c.profiles))
	}
	if c.explain != "" {
		if _, ok := ruledocs.Page(c.explain); !ok {
			return nil, fmt.Errorf("invalid flag: -explain=%s: unknown rule (known rules: %s)", shownArg(c.explain), strings.Join(ruleIDs(), ", "))
		}
	}
	if c.version || c.list || c.explain != "" {
		return c, nil // no packages needed
	}
	for _, p := range c.patterns {
		if strings.HasPrefix(p, "-") {
			return nil, fmt.Errorf("invalid flag: %s comes after the packages; give flags first (iohotpath -help lists the flags)", p)
		}
	}
	switch {
	case c.json && c.format != "" && c.format != "json":
		return nil, fmt.Errorf("invalid flag: -json and -format=%s ask for different outputs; give one of them", c.format)
	case c.context >= 0 && c.format != "" && c.format != "text":
		return nil, fmt.Errorf("invalid flag: -c shows source lines in text output only: leave it out with -format=%s", c.format)
	case c.fix && c.format != "":
		return nil, fmt.Errorf("invalid flag: -fix and -diff apply fixes and print no findings: leave out -format=%s", c.format)
	case c.engine != Auto && c.engine != Vet && c.engine != InProcess:
		return nil, fmt.Errorf("invalid flag: engine: want auto, vet or inprocess, got %q", c.engine)
	case c.diff && !c.fix:
		return nil, errors.New("invalid flag: -diff needs -fix")
	case c.diff && c.json:
		return nil, errors.New("invalid flag: -diff prints the diff on standard output, where -json would print the findings: leave out -json")
	case c.fix && c.context >= 0:
		return nil, errors.New("invalid flag: -c cannot be used with -fix")
	case strings.Trim(c.debug, debugFlags) != "":
		return nil, fmt.Errorf("invalid flag: -debug=%s: want letters of %q (f: log facts, p: one package at a time, s: sanity checks)", shownArg(c.debug), debugFlags)
	case c.debug != "" && c.engine == Vet:
		return nil, errors.New("invalid flag: -debug needs the in-process engine")
	case c.program && c.engine == Vet:
		return nil, errors.New("invalid flag: -program needs the whole program in one process: leave out -engine=vet")
	case len(c.patterns) == 0:
		return nil, errUsage
	}
	return c, nil
}

// flagSet is the command line's flags, each setting a field of c: the
// analyzer's flags (recorded for go vet), the driver's, and go build's.
// The README's flags tables list every one (TestREADMEFlags).
func (c *command) flagSet(dir string) *flag.FlagSet {
	a := c.analyzer
	fs := flag.NewFlagSet("iohotpath", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(&recorder{c: c, name: f.Name, value: f.Value, dir: dir}, f.Name, f.Usage)
	})
	fs.BoolVar(&c.json, "json", false, "emit JSON output")
	fs.Var(output.FormatValue{Format: &c.format}, "format", output.FormatUsage)
	fs.IntVar(&c.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&c.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&c.diff, "diff", false, "with -fix, don't update the files, but print a unified diff, then the findings the fixes leave")
	fs.BoolVar(&c.test, "test", true, "analyse test files too")
	fs.StringVar(&c.engine, "engine", Auto, "how to run: auto, vet (go vet and its build cache) or inprocess")
	fs.BoolVar(&c.program, "program", false, "resolve interface and func-value calls of hot code over the whole program (in process)")
	fs.StringVar(&c.debug, "debug", "", "in-process engine's debug flags, any subset of \"fps\"")
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.BoolVar(&c.list, "list", false, "print the catalogue of blocking calls by category and exit")
	fs.StringVar(&c.explain, "explain", "", "print the documentation of rule `RULE` and exit")
	for _, name := range []string{"tags", "mod", "modfile"} {
		fs.Var(&buildFlag{c, name}, name, "go build flag -"+name)
	}
	return fs
}

// textOutput reports whether c prints findings as text: neither -json
// nor another -format.
func (c *command) textOutput() bool {
	return !c.json && (c.format == "" || c.format == "text")
}

// ruleIDs are the ids -explain knows.
func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All {
		ids = append(ids, r.ID)
	}
	return ids
}

// debugFlags are the letters -debug accepts: the in-process checker's
// options (runInProcess).
const debugFlags = "fps"

// shownArg is a flag value as a message shows it: quoted when it holds
// anything but letters, digits and punctuation, cut to 60 bytes.
func shownArg(s string) string {
	if len(s) > 60 {
		return strconv.Quote(s[:60]) + "…"
	}
	if strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r > '~' }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

// recorder is an analyzer flag: it sets the analyzer's value and records
// the argument for go vet.
type recorder struct {
	c     *command
	name  string
	value flag.Value
	dir   string // relative -config files are resolved against it
}

func (r *recorder) String() string {
	if r.value == nil {
		return ""
	}
	return r.value.String()
}

func (r *recorder) IsBoolFlag() bool {
	b, ok := r.value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (r *recorder) Set(s string) error {
	if (r.name == "config" || r.name == "profile" && strings.TrimSpace(s) != config.ProfilesOff) && s != "" && !filepath.IsAbs(s) {
		s = filepath.Join(r.dir, s) // go vet runs the tool in each package's directory
	}
	if err := r.value.Set(s); err != nil {
		r.c.setErr = flagError{err}
		return err
	}
	switch r.name {
	case "config":
		r.c.configFile = s
	case "profile":
		if strings.TrimSpace(s) != config.ProfilesOff {
			r.c.profiles = append(r.c.profiles, s)
		}
	}
	r.c.toolArgs = append(r.c.toolArgs, "-"+r.name+"="+s)
	return nil
}

// buildFlag is a go build flag, handed to the go command.
type buildFlag struct {
	c    *command
	name string
}

func (b *buildFlag) String() string { return "" }

func (b *buildFlag) Set(s string) error {
	b.c.buildFlags = append(b.c.buildFlags, "-"+b.name+"="+s)
	return nil
}

// usage is the help text.
func usage(w io.Writer, a *analysis.Analyzer) {
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n", a.Name, paras[0])
	fmt.Fprintf(w, "Usage: %s [-flag] [package]\n\n", a.Name)
	if len(paras) > 1 {
		fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	}
	fmt.Fprintln(w, "\nAnalyzer flags:")
	a.Flags.SetOutput(w)
	a.Flags.PrintDefaults()
	fmt.Fprint(w, strings.Replace(`
Driver flags:
  -json          emit JSON output (exit code 0 with findings, as go vet -json)
  -format F      text (default), json (the -json tree, exit code 3 with findings),
                 sarif (SARIF 2.1.0) or github (GitHub Actions annotations)
  -c N           display offending line with N lines of context
  -fix           apply all suggested fixes
  -diff          with -fix, don't update the files, but print a unified diff,
                 then the findings the fixes leave
  -test          analyse test files too (default true)
  -engine E      auto (default), vet (go vet and its build cache) or inprocess
  -program       resolve the interface and func-value calls of hot code to what
                 the program wires there (SSA and VTA; runs in process)
  -debug FLAGS   in-process engine's debug flags, any subset of "fps"
                 (f: log facts, p: one package at a time, s: sanity checks)
  -version       print the module version and VCS revision, and exit
  -list          print the catalogue of blocking calls, by category, and exit
  -explain RULE  print the page of RULE (docs/rules), and exit; RULE is one of
                 RULES
  -tags, -mod, -modfile
                 as for go build
`, "RULES", strings.Join(ruleIDs(), ", "), 1))
	n := 0
	flag.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 { // flags that main registered for itself
		fmt.Fprintln(w, "\nOther flags:")
		flag.CommandLine.SetOutput(w)
		flag.PrintDefaults()
	}
}
