package driver

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/iohotpath/iohotpath/internal/config"
)

// vetConfigEnv names a -config file whose content the -V=full answer
// covers, since the go command asks for -V=full without the tool's flags.
// The command sets it for the go vet it runs; a user who passes -config to
// go vet directly can set it too.
const vetConfigEnv = "IOHOTPATH_VET_CONFIG"

// IsTool reports whether args (without the program name) are the go
// command's vet protocol rather than a user's command line: -V=full (the
// tool's identity for the build cache), -flags (its flags) or a unit's
// .cfg file.
func IsTool(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, arg := range args {
		switch arg {
		case "-V=full", "--V=full", "-flags", "--flags":
			return true
		}
	}
	return false
}

// unitMemoryLimit bounds the heap of one go vet unit: the largest seen, on
// caddy's graph, peaks at about 120 MiB with the default collector.
const unitMemoryLimit = 256 << 20

// unitMemory sets how a unit process collects garbage, unless the user set
// GOGC or GOMEMLIMIT: not at all until its heap nears unitMemoryLimit. A
// unit analyses one package and exits, so the collections the default
// GOGC=100 makes while it type-checks (a quarter of its CPU) free nothing
// it needs freed.
func unitMemory() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(unitMemoryLimit)
}

// VetxOnly reports whether args end with a unit's .cfg file that asks
// only for facts (VetxOnly): go vet analyses every dependency so, for
// what its importers need, and discards what the tool reports there. A
// file it cannot read or parse answers false; unitchecker then says why.
func VetxOnly(args []string) bool {
	u, ok := readUnit(args)
	return ok && u.VetxOnly
}

// vetFullEnv marks the go vet that the command runs (-engine=vet, with
// -json): its value is "main", then the import paths of the packages the
// patterns name outside the main module, space-separated. There a unit
// of such a package, or of any package of the main module, is analysed
// in full and prints its findings even when go vet asks only for facts.
//
// The go command keys a unit's cached facts and output by the package,
// the tool's -V=full answer and its flags, not by VetxOnly, and replays
// the cached output either way: a package analysed first for a
// dependent's facts, then named, was answered with the facts-only run's
// empty output, and one named first, then a dependency, with its
// findings. A unit's output must therefore not depend on VetxOnly: it
// depends on the package and on this value, which -V=full covers, and the
// command keeps only what the packages it was asked for printed.
const vetFullEnv = "IOHOTPATH_VET_FULL"

// FactsOnly reports whether args end with a unit's .cfg file that is
// analysed only for its facts: a VetxOnly unit, except under the
// command's go vet one of the main module or of a package the patterns
// name (see vetFullEnv). Never under -fix, whose unit would edit the
// dependency's files.
func FactsOnly(args []string) bool {
	u, ok := readUnit(args)
	return ok && u.VetxOnly && !fullUnit(u, args)
}

// unit is what the tool reads of a unit's .cfg file.
type unit struct {
	VetxOnly      bool
	ImportPath    string
	ModulePath    string // "" in the standard library or for a module error
	ModuleVersion string // "" for a main module
}

// readUnit reads the .cfg file args end with.
func readUnit(args []string) (unit, bool) {
	var u unit
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return u, false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return u, false
	}
	return u, json.Unmarshal(data, &u) == nil
}

// fullUnit reports whether a VetxOnly unit u is analysed in full all the
// same: under the command's go vet (vetFullEnv), a package of a main
// module or one the patterns name.
func fullUnit(u unit, args []string) bool {
	env := strings.Fields(os.Getenv(vetFullEnv))
	if len(env) == 0 || env[0] != "main" {
		return false // a user's own go vet
	}
	for _, arg := range args {
		if arg == "-fix" || arg == "--fix" || strings.HasPrefix(arg, "-fix=") || strings.HasPrefix(arg, "--fix=") {
			return false
		}
	}
	if u.ModulePath != "" && u.ModuleVersion == "" {
		return true
	}
	return slices.Contains(env[1:], u.ImportPath)
}

// asRoot makes the unit whose .cfg file ends os.Args one that reports, by
// handing unitchecker a copy of the file without VetxOnly, next to it (in
// the go command's work directory) or else in the temporary directory.
func asRoot() error {
	name := os.Args[len(os.Args)-1]
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var cfg map[string]json.RawMessage
	if err := json.Unmarshal(data, &cfg); err != nil {
		return err
	}
	cfg["VetxOnly"] = json.RawMessage("false")
	if data, err = json.Marshal(cfg); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), "iohotpath-*.cfg")
	if err != nil {
		if f, err = os.CreateTemp("", "iohotpath-*.cfg"); err != nil {
			return err
		}
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	os.Args[len(os.Args)-1] = f.Name()
	return nil
}

// Tool runs a as the go command's vet tool, as singlechecker does, and
// does not return. A VetxOnly unit that FactsOnly says is analysed in
// full reports as a root unit does. A flag that does not validate, or an invalid
// configuration file, ends it at once with one line; -V=full answers with
// the executable's hash and the configuration's fingerprint (see
// config.Fingerprint), so that go vet's cache is keyed by both.
func Tool(a *analysis.Analyzer) {
	if len(os.Args) == 2 && (os.Args[1] == "-V=full" || os.Args[1] == "--V=full") {
		if err := PrintVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "iohotpath: %v\n", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if u, ok := readUnit(os.Args[1:]); ok && u.VetxOnly && fullUnit(u, os.Args[1:]) {
		if err := asRoot(); err != nil {
			fmt.Fprintf(os.Stderr, "iohotpath: %v\n", err)
			os.Exit(1)
		}
	}
	unitMemory()
	a.Flags.VisitAll(func(f *flag.Flag) { f.Value = exitOnError{f.Value} })
	if os.Getenv(vetFullEnv) != "" {
		a.Run = carryIOCategory(a.Run)
	}
	a.Run = stopOnConfigError(physicalEdits(a.Run))
	singlechecker.Main(a)
}

// PrintVersion writes the -V=full answer for the working directory, in the
// form the go command expects of a development build:
//
//	/path/to/iohotpath version devel config=<hash> buildID=<hash>
//
// The go command keys its cache by the last field alone; it hashes the
// executable and the configuration files together, and under the
// command's go vet which units report (vetFullEnv).
func PrintVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	exeSum := h.Sum(nil)
	conf := config.Fingerprint(config.WorkDir(), os.Getenv(vetConfigEnv))
	key := fmt.Sprintf("%x %s", exeSum, conf)
	if full := os.Getenv(vetFullEnv); full != "" {
		key += "\nfull " + full // which units report (see vetFullEnv)
	}
	id := sha256.Sum256([]byte(key))
	_, err = fmt.Fprintf(w, "%s version devel config=%.16s buildID=%x\n", exe, conf, id)
	return err
}

// exitOnError ends the tool at a flag value that does not validate, with
// one line naming it, before any package loads. (Left to package flag, the
// error would come with the whole usage text and exit code 2.)
type exitOnError struct{ flag.Value }

func (v exitOnError) Set(s string) error {
	if err := v.Value.Set(s); err != nil {
		fmt.Fprintf(os.Stderr, "iohotpath: invalid flag: %v\n", err)
		os.Exit(1)
	}
	return nil
}

func (v exitOnError) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// stopOnConfigError ends the run at the first configuration-file error:
// every package would fail the same way, and the driver would print one
// error per package and a cascade of "failed prerequisites".
func stopOnConfigError(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	var once sync.Once
	return func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		if config.IsError(err) {
			once.Do(func() {
				fmt.Fprintf(os.Stderr, "iohotpath: %v\n", err)
				os.Exit(1)
			})
			select {} // another package is printing the error and exiting
		}
		return res, err
	}
}
