package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
)

// FormatUsage documents -format.
const FormatUsage = "output format: text (go vet style, the default), json (the -json tree, but exit code 3 with findings), " +
	"sarif (SARIF 2.1.0, for code scanning) or github (GitHub Actions annotations)"

// FormatValue is -format as a flag.Value whose Set accepts only Formats.
type FormatValue struct{ Format *string }

func (v FormatValue) String() string {
	if v.Format == nil || *v.Format == "" {
		return "text"
	}
	return *v.Format
}

func (v FormatValue) Set(s string) error {
	if !slices.Contains(Formats, s) {
		return fmt.Errorf("unknown format %q (want %s)", s, strings.Join(Formats, ", "))
	}
	*v.Format = s
	return nil
}

// Write renders r in format on stdout, notes each failed analysis on
// stderr and returns the exit code: 1 when r is incomplete (the driver
// could not load or check a package) or an analysis failed, else 3 with
// findings, else 0.
func Write(stdout, stderr io.Writer, format string, r *Report, opts Options) int {
	w := bufio.NewWriter(stdout)
	err := Render(w, format, r, opts)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "iohotpath: %v\n", err)
		return 1
	}
	for _, e := range r.Errors {
		fmt.Fprintf(stderr, "iohotpath: %s\n", e)
	}
	switch {
	case r.Incomplete || len(r.Errors) > 0:
		return 1
	case len(r.Diagnostics) > 0:
		return 3
	}
	return 0
}

// DefaultOptions are the options of a run in dir: names relative to the
// module root (or to $GITHUB_WORKSPACE, see FindRoot) and the version the
// command was built at.
func DefaultOptions(dir string) Options {
	return Options{Root: FindRoot(dir, os.Getenv("GITHUB_WORKSPACE")), Version: version()}
}

// version is the module version the command was built at, "" for a
// development build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || !strings.HasPrefix(info.Main.Version, "v") {
		return ""
	}
	return info.Main.Version
}
