package driver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/iohotpath/iohotpath/internal/config"
)

// vetCommand returns the go vet command line that runs this executable as
// the vet tool on c's packages; mode is -json, or -fix and maybe -diff.
// The go command runs the tool once per package, dependencies included,
// in parallel, and keeps every package's facts and output in the build
// cache, keyed by the tool's -V=full answer (the executable and the
// configuration files, see PrintVersion) and by these flags.
func vetCommand(c *command, dir string, mode ...string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := append([]string{"vet", "-vettool=" + exe}, c.buildFlags...)
	args = append(append(args, mode...), c.toolArgs...)
	args = append(append(args, "--"), c.patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	// The -config file's content joins the cache key through -V=full,
	// which the go command asks for without the tool's flags.
	cmd.Env = append(os.Environ(), vetConfigEnv+"="+c.configFile)
	// The tool runs in each package's directory: this says which module
	// is the main one, whose configuration applies (config.WorkDir).
	cmd.Env = append(cmd.Env, config.WorkDirEnv+"="+dir)
	return cmd, nil
}

// runVet analyses c's packages with go vet and returns what its tool
// printed for each package, merged into one tree. The go command's own
// messages (a package that does not type-check, a dependency that does
// not build) go straight to stderr.
func runVet(c *command, dir string, stderr io.Writer) (*result, error) {
	cmd, err := vetCommand(c, dir, "-json")
	if err != nil {
		return nil, err
	}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	res := &result{tree: tree{}}
	listed := make(chan int, 1)
	if c.textOutput() {
		go func() { listed <- listPackages(c, dir) }() // while go vet runs
	} else {
		listed <- -1 // no summary line to print
	}
	// The tool prints one JSON tree per package (go vet copies each to its
	// standard output whole, under a lock).
	dec := json.NewDecoder(out)
	var decodeErr error
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err != io.EOF {
				decodeErr = fmt.Errorf("reading go vet's output: %v", err)
				io.Copy(io.Discard, out) // let go vet finish
			}
			break
		}
		if err := res.tree.merge(raw); err != nil {
			decodeErr = fmt.Errorf("reading go vet's output: %v", err)
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.failed = true // the go command has said why on stderr
	case err != nil:
		return nil, err
	}
	if decodeErr != nil {
		return nil, decodeErr
	}
	res.packages = <-listed
	res.tree.restoreRelated()
	if !c.test {
		res.tree = res.tree.withoutTests()
	}
	return res, nil
}

// listPackages counts the packages go vet analyses for c's patterns, as
// the in-process engine counts its roots (countRoots): each package, and
// with -test its external test package. Not from go vet's output: go vet
// prints a {} for every unit without findings, but also replays the
// cached output of a dependency's earlier run as a root. -1 when the go
// command fails (go vet says why).
func listPackages(c *command, dir string) int {
	format := "{{.ImportPath}}"
	if c.test {
		format += "{{if .XTestGoFiles}}\n{{.ImportPath}}_test{{end}}"
	}
	args := append([]string{"list", "-e", "-f", format}, c.buildFlags...)
	cmd := exec.Command("go", append(append(args, "--"), c.patterns...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return -1
	}
	return len(strings.Fields(string(out)))
}

// runVetFix applies (or with -diff prints) the suggested fixes through
// go vet -fix and returns the exit code: 0, or 1 when the go command
// failed. (go vet -diff also exits 1 when it prints a diff; the in-process
// engine exits 0 then, and so does this.)
func runVetFix(c *command, dir string, stdout, stderr io.Writer) (int, error) {
	mode := []string{"-fix"}
	if c.diff {
		mode = append(mode, "-diff")
	}
	cmd, err := vetCommand(c, dir, mode...)
	if err != nil {
		return 0, err
	}
	var errs counter
	cmd.Stdout = stdout
	cmd.Stderr = io.MultiWriter(stderr, &errs)
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit) && c.diff && exit.ExitCode() == 1 && errs == 0:
		return 0, nil // the diff is not empty
	case errors.As(err, &exit):
		return 1, nil
	}
	return 0, err
}

// counter counts the bytes written to it.
type counter int

func (n *counter) Write(p []byte) (int, error) {
	*n += counter(len(p))
	return len(p), nil
}
