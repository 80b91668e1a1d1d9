package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
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
// printed for the packages c names, merged into one tree. The go
// command's own messages (a package that does not type-check, a
// dependency that does not build) go to stderr.
//
// Every unit of the main module reports, root or dependency, and so does
// every unit of a package c names outside it (vetFullEnv): the go command
// caches and replays a unit's output whether it was asked for facts only
// or not. Those outside packages are known only from go list, which runs
// alongside go vet; when there are any, go vet runs again with their
// names, its first run's messages dropped (rare: std, or a dependency
// named by its import path).
func runVet(c *command, dir string, stderr io.Writer) (*result, error) {
	listed := make(chan roots, 1)
	go func() { listed <- listRoots(c, dir) }() // while go vet runs
	var first bytes.Buffer
	res, err := vetOnce(c, dir, "main", &first)
	r := <-listed
	if len(r.outside) > 0 {
		res, err = vetOnce(c, dir, "main "+strings.Join(r.outside, " "), stderr)
	} else {
		stderr.Write(first.Bytes())
	}
	if err != nil {
		return nil, err
	}
	res.packages = r.count
	if r.count >= 0 {
		res.tree = res.tree.only(r.paths)
	}
	return res, nil
}

// vetOnce runs go vet -json once, with full as vetFullEnv's value.
func vetOnce(c *command, dir, full string, stderr io.Writer) (*result, error) {
	cmd, err := vetCommand(c, dir, "-json")
	if err != nil {
		return nil, err
	}
	cmd.Env = append(cmd.Env, vetFullEnv+"="+full)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	res := &result{tree: tree{}}
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
	res.tree.restoreRelated()
	if !c.test {
		res.tree = res.tree.withoutTests()
	}
	return res, nil
}

// roots are the packages c's patterns name, as go list sees them.
type roots struct {
	paths   map[string]bool // import paths
	outside []string        // those outside the main module, sorted (see vetFullEnv)
	// count is how many packages go vet analyses for them, as the
	// in-process engine counts its roots (countRoots): each package, and
	// with -test its external test package; -1 when the go command fails
	// (go vet says why).
	count int
}

// listRoots lists the packages go vet analyses for c's patterns. Not from
// go vet's output: go vet prints a {} for every unit without findings,
// but also replays the cached output of every dependency, and under the
// command every unit of the main module reports.
func listRoots(c *command, dir string) roots {
	const format = `{{.ImportPath}} {{if .Error}}error{{else if and .Module (not .Module.Error) (not .Module.Version)}}main{{else}}outside{{end}} {{if .XTestGoFiles}}xtest{{end}}`
	args := append([]string{"list", "-e", "-f", format}, c.buildFlags...)
	cmd := exec.Command("go", append(append(args, "--"), c.patterns...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return roots{count: -1}
	}
	r := roots{paths: map[string]bool{}}
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		r.paths[f[0]] = true
		r.count++
		if c.test && len(f) > 2 {
			r.count++ // its external test package
		}
		if f[1] == "outside" {
			r.outside = append(r.outside, f[0])
		}
	}
	slices.Sort(r.outside)
	return r
}
