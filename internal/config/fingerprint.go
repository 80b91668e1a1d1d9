package config

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// Fingerprint returns a hash of every configuration file that a run of the
// analyzer started in directory dir could read: each file named FileName
// in the tree of dir's module (of every module of the workspace when a
// go.work applies), and file, a -config file, when it is not "". When dir
// is in no module, the files in dir's tree count: the lookup stops at dir.
// These are all the files a run reads (see Loader): a package outside
// those trees gets the main module root's file.
//
// A build system that caches results folds it into its key (go vet asks
// the tool for -V=full), so an edited, added or removed configuration file
// is never answered with old results. Paths are hashed relative to the
// root, so a moved checkout keeps its cache. Only regular files are read:
// anything else named FileName (a directory, a FIFO, a dangling link)
// counts by its kind, which is what reading it would complain about.
//
// Directories whose names start with "." (.git and the like) are not
// walked: the go command's patterns do not match packages in them.
//
// The profiles a run reads are part of it too: the profiles each file
// names, and the DefaultProfile files beside the main packages. (Those of
// -profile flags are not: the command hands go vet their digest as a flag,
// which go vet's key covers.)
func Fingerprint(dir, file string) string {
	h := sha256.New()
	roots, _ := fingerprintRoots(dir)
	fmt.Fprintf(h, "iohotpath config v3\n")
	for i, root := range roots {
		rel := func(f string) string {
			r, err := filepath.Rel(root, f)
			if err != nil {
				return f
			}
			return filepath.ToSlash(r)
		}
		for _, f := range FilesUnder(root) {
			hashFile(h, fmt.Sprintf("%d %s", i, rel(f)), f)
			hashProfiles(h, f)
		}
		for _, f := range DefaultProfiles(root) {
			hashFile(h, fmt.Sprintf("%d pgo %s", i, rel(f)), f)
		}
	}
	if file != "" {
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
		hashFile(h, "-config "+file, file)
		hashProfiles(h, file)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hashProfiles adds to h the profiles the configuration file names; a
// file that does not parse names none (reading it fails the run anyway).
func hashProfiles(h hash.Hash, file string) {
	fc, err := loadFile(file)
	if err != nil {
		return
	}
	for _, p := range fc.cfg.Profiles {
		if p != ProfilesOff {
			hashFile(h, "profile "+p, p)
		}
	}
}

// FilesUnder returns the files named FileName in root and in every
// directory below it, in lexical order, skipping directories whose names
// start with ".". A file that cannot be listed is left out; reading it is
// the run's business.
func FilesUnder(root string) []string {
	return walkFiles(root, func(name string) bool { return strings.HasPrefix(name, ".") },
		func(path string, d fs.DirEntry) bool { return d.Name() == FileName })
}

// walkFiles returns the paths below root, in lexical order, that match
// says to keep, not descending into directories (other than root) whose
// name skip says to leave out nor into those that cannot be listed.
func walkFiles(root string, skip func(name string) bool, match func(path string, d fs.DirEntry) bool) []string {
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
		case d.IsDir() && path != root && skip(d.Name()):
			return fs.SkipDir
		case match(path, d):
			files = append(files, path)
		}
		return nil
	})
	return files
}

// hashFile adds name and what file holds to h: its content when it is a
// regular file (links followed), else its kind or the error reading it.
func hashFile(h hash.Hash, name, file string) {
	fmt.Fprintf(h, "%q ", name)
	info, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(file); lerr == nil {
			fmt.Fprintf(h, "dangling link\n")
		} else {
			fmt.Fprintf(h, "none\n")
		}
		return
	case err != nil:
		fmt.Fprintf(h, "error %q\n", err)
		return
	case !info.Mode().IsRegular():
		fmt.Fprintf(h, "kind %s\n", info.Mode().Type())
		return
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintf(h, "error %q\n", err)
		return
	}
	defer f.Close()
	c := sha256.New()
	if _, err := io.Copy(c, f); err != nil {
		fmt.Fprintf(h, "error %q\n", err)
		return
	}
	fmt.Fprintf(h, "%x\n", c.Sum(nil))
}

// fingerprintRoots returns the directories whose trees hold the
// configuration files a run from dir reads, and whether they are modules:
// the modules a go.work file uses (GOWORK, else the nearest go.work up from
// dir, as the go command picks it), else the nearest directory up from dir
// holding go.mod, else dir alone.
func fingerprintRoots(dir string) ([]string, bool) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	work := os.Getenv("GOWORK")
	if work != "" && work != "off" {
		return workspaceModules(work), true
	}
	mod := ""
	for d := dir; ; d = filepath.Dir(d) {
		if work != "off" && exists(filepath.Join(d, "go.work")) {
			return workspaceModules(filepath.Join(d, "go.work")), true
		}
		if mod == "" && exists(filepath.Join(d, "go.mod")) {
			mod = d
			if work == "off" {
				break
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if mod != "" {
		return []string{mod}, true
	}
	return []string{dir}, false
}

// workspaceModules returns the directories of the modules that the go.work
// file names in its use directives, in the order written
// (golang.org/x/mod/modfile parses it). An unreadable or malformed file
// gives its own directory; the go command reports what is wrong with it.
func workspaceModules(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{filepath.Dir(file)}
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil || len(wf.Use) == 0 {
		return []string{filepath.Dir(file)}
	}
	dirs := make([]string, 0, len(wf.Use))
	for _, u := range wf.Use {
		d := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(file), d)
		}
		dirs = append(dirs, d)
	}
	return dirs
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
