// Package profiles reads pprof profiles (github.com/google/pprof/profile)
// into what the rules ask of them: which functions a CPU profile shows
// running per unit of work, with their share of the samples, and how long
// goroutines waited for the locks a function holds, from a mutex or block
// profile.
//
// Functions are keyed the way the compiler names them in a profile:
// "example.com/p.F", "example.com/p.(*T).M", "example.com/p.T.M", with the
// type arguments of generic code ("G[go.shape.int]", "G[...]") left out and
// %2e in the last path element read as a dot. Function literals are keyed by
// their package, file name and start line instead ("F.func1" numbers
// change whenever a literal is added above). Inlined frames (several lines
// in one location) count for the function each line names.
package profiles

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/google/pprof/profile"
)

// Kind is what a profile measures.
type Kind int

const (
	CPU        Kind = iota + 1 // samples/count, cpu/nanoseconds
	Contention                 // mutex or block profile: contentions/count, delay/nanoseconds
)

func (k Kind) String() string {
	switch k {
	case CPU:
		return "CPU"
	case Contention:
		return "mutex or block"
	}
	return "unknown"
}

// Index is what a run's profiles say, merged.
type Index struct {
	Files []string // the profiles read, in order

	cpuTotal int64
	funcs    map[string]*Func // by Key
	lits     map[string]*Func // by LitKey
	waits    map[string]int64 // by Key or LitKey of the function holding (or waiting for) a lock, nanoseconds
}

// Func is what the CPU profiles say of one function.
type Func struct {
	Cum   int64   // value of the samples it is on the stack of (counted once per sample)
	Share float64 // Cum as a share of all samples, 0..1
	Hot   bool    // runs per unit of work (see hotRule)
}

// MinShare is the share of the CPU samples a function needs for a profile
// to make it hot: below it, the samples are noise or start-up.
const MinShare = 0.01

// EdgeCDF is the share of the call-edge weight, heaviest edges first, that
// counts as hot, as the compiler's PGO does with its 99 % rule.
const EdgeCDF = 0.99

// Func returns what the CPU profiles say of the function key names.
func (x *Index) Func(key string) (*Func, bool) {
	if x == nil {
		return nil, false
	}
	f, ok := x.funcs[key]
	return f, ok
}

// Lit returns what the CPU profiles say of the function literal of pkg
// that starts at line of the file named file (a base name is enough).
func (x *Index) Lit(pkg, file string, line int) (*Func, bool) {
	if x == nil {
		return nil, false
	}
	f, ok := x.lits[LitKey(pkg, file, line)]
	return f, ok
}

// HasCPU reports whether a CPU profile was read.
func (x *Index) HasCPU() bool { return x != nil && x.cpuTotal > 0 }

// HasContention reports whether a mutex or block profile was read.
func (x *Index) HasContention() bool { return x != nil && x.waits != nil }

// Waited returns how long goroutines waited, in the contention profiles,
// for locks released (or taken) in the function key names (a Key or a
// LitKey).
func (x *Index) Waited(key string) time.Duration {
	if x == nil {
		return 0
	}
	return time.Duration(x.waits[key])
}

// LitKey is the key of a function literal: its package, the base name of
// its file and the line it starts on.
func LitKey(pkg, file string, line int) string {
	return fmt.Sprintf("%s %s:%d", pkg, path.Base(strings.ReplaceAll(file, "\\", "/")), line)
}

// Error is a profile that cannot be used, naming its file.
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

// Digest is the hash of the files' contents, in order: what a cache key
// needs so that an edited profile is never answered with old results.
// An unreadable file counts by its error.
func Digest(files []string) string {
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(h, "%q error %v\n", f, err)
			continue
		}
		fmt.Fprintf(h, "%q %x\n", f, sha256.Sum256(data))
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:32]
}

// Read reads the profiles in files into one Index. A file that is
// missing, is not a pprof profile, or is a profile of a kind iohotpath
// does not use (a heap profile) is an *Error naming it.
func Read(files []string) (*Index, error) {
	x := &Index{Files: files, funcs: map[string]*Func{}, lits: map[string]*Func{}}
	var cpu []*profile.Profile
	for _, file := range files {
		p, kind, err := readOne(file)
		if err != nil {
			return nil, err
		}
		switch kind {
		case CPU:
			cpu = append(cpu, p)
		case Contention:
			x.addWaits(p)
		}
	}
	x.addCPU(cpu)
	return x, nil
}

// readOne parses file and says what kind of profile it is.
func readOne(file string) (*profile.Profile, Kind, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, 0, &Error{File: file, Msg: "cannot read the profile: " + msg}
	}
	p, err := profile.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, 0, &Error{File: file, Msg: "not a pprof profile (" + err.Error() + ")"}
	}
	kind := kindOf(p)
	if kind == 0 {
		return nil, 0, &Error{File: file, Msg: fmt.Sprintf("a profile of %s, not a CPU, mutex or block profile: take one with /debug/pprof/profile, /debug/pprof/mutex or /debug/pprof/block", sampleTypes(p))}
	}
	return p, kind, nil
}

// kindOf tells a CPU profile (a cpu/nanoseconds or samples/count value)
// from a mutex or block profile (delay/nanoseconds), and both from the
// rest (heap, goroutine, allocs: 0).
func kindOf(p *profile.Profile) Kind {
	if valueIndex(p, "delay") >= 0 {
		return Contention
	}
	if valueIndex(p, "cpu") >= 0 || len(p.SampleType) == 1 && p.SampleType[0].Type == "samples" && p.PeriodType != nil && p.PeriodType.Type == "cpu" {
		return CPU
	}
	return 0
}

// valueIndex is the index of the sample value of type typ, or -1.
func valueIndex(p *profile.Profile, typ string) int {
	return slices.IndexFunc(p.SampleType, func(v *profile.ValueType) bool { return v.Type == typ })
}

func sampleTypes(p *profile.Profile) string {
	var ts []string
	for _, v := range p.SampleType {
		ts = append(ts, v.Type+"/"+v.Unit)
	}
	if len(ts) == 0 {
		return "nothing"
	}
	return strings.Join(ts, ", ")
}

// frame is one function on a stack, innermost first, inlined calls
// included.
type frame struct {
	key  string // Key or LitKey
	fn   string // the profile's name, for the runtime checks
	line int64
}

// keyOf is the key a profile's function is looked up by.
func keyOf(f *profile.Function) string {
	pkg, name := Split(f.Name)
	if isLiteral(name) && f.StartLine > 0 {
		return LitKey(pkg, f.Filename, int(f.StartLine))
	}
	return pkg + "." + name
}
