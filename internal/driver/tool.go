package driver

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
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
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false
	}
	var unit struct{ VetxOnly bool }
	return json.Unmarshal(data, &unit) == nil && unit.VetxOnly
}

// Tool runs a as the go command's vet tool, as singlechecker does, and
// does not return. A flag that does not validate, or an invalid
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
	unitMemory()
	a.Flags.VisitAll(func(f *flag.Flag) { f.Value = exitOnError{f.Value} })
	a.Run = stopOnConfigError(physicalEdits(a.Run))
	singlechecker.Main(a)
}

// PrintVersion writes the -V=full answer for the working directory, in the
// form the go command expects of a development build:
//
//	/path/to/iohotpath version devel config=<hash> buildID=<hash>
//
// The go command keys its cache by the last field alone; it hashes the
// executable and the configuration files together.
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
	id := sha256.Sum256([]byte(fmt.Sprintf("%x %s", exeSum, conf)))
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
