package hotcheck

import "strings"

// A Category is a kind of blocking event; Allow takes them.
type Category string

const (
	FileWrite Category = "file-write" // write, pwrite, writev to a file
	FileRead  Category = "file-read"  // read, pread, getdents on a file
	FileOpen  Category = "file-open"  // open, openat
	File      Category = "file"       // other file-system calls: close, stat, rename, remove
	Fsync     Category = "fsync"      // fsync, fdatasync
	Network   Category = "network"    // a system call on a socket, or a park for the network
	Process   Category = "process"    // starting, signalling or waiting for a process
	Sleep     Category = "sleep"      // time.Sleep
	Cgo       Category = "cgo"        // a call into C: what the C code does is not seen
	Syscall   Category = "syscall"    // any other system call
)

// Categories lists every category, for documentation and validation.
var Categories = []Category{FileWrite, FileRead, FileOpen, File, Fsync, Network, Process, Sleep, Cgo, Syscall}

// quietCall is a system call that is part of normal non-blocking work.
type quietCall struct {
	fn    string // a frame's function; a trailing "*" matches by prefix
	under string // if set, a frame further from the leaf that must be present too
	why   string
}

// quietCalls are never reported: they do not wait for a disk, the network
// or another process, or they are the test harness's or the tracer's own.
var quietCalls = []quietCall{
	{fn: "syscall.fcntl", why: "sets descriptor flags (non-blocking mode, close-on-exec)"},
	{fn: "internal/syscall/unix.Fcntl", why: "sets descriptor flags"},
	{fn: "golang.org/x/sys/unix.fcntl", why: "sets descriptor flags"},
	{fn: "syscall.setsockopt", why: "sets a socket option"},
	{fn: "syscall.getsockopt", why: "reads a socket option (the result of a non-blocking connect)"},
	{fn: "golang.org/x/sys/unix.setsockopt", why: "sets a socket option"},
	{fn: "golang.org/x/sys/unix.getsockopt", why: "reads a socket option"},
	{fn: "syscall.Close", under: "net.(*netFD).Close", why: "closes a socket: a pollable descriptor, nothing to flush to a disk"},
	{fn: "syscall.Close", under: "net.(*netFD).dial", why: "closes a socket whose connect failed"},
	{fn: "testing.*", why: "the test harness's own output (t.Log under -v)"},
	{fn: "runtime/trace.*", why: "the tracer's own"},
}

// contextRow makes every system call under a frame one category, whatever
// the leaf call: a write under net is network I/O, an open under os/exec
// starts a process.
type contextRow struct {
	fn   string // a trailing "*" matches by prefix
	cat  Category
	what string // empty: take the wording from the leaf call
}

// contexts are tried in order; the first row with a matching frame wins.
var contexts = []contextRow{
	{"os.(*Process).Wait", Process, "waited for a process"},
	{"os/exec.(*Cmd).Wait", Process, "waited for a process"},
	{"os.StartProcess", Process, "started a process"},
	{"syscall.ForkExec", Process, "started a process"},
	{"syscall.StartProcess", Process, "started a process"},
	{"os/exec.(*Cmd).Start", Process, "started a process"},
	{"os.(*Process).*", Process, "signalled a process"},
	{"os/exec.*", Process, "ran a process"},
	{"net.*", Network, ""},
	{"golang.org/x/net/*", Network, ""},
}

// leafCall says what a system call does, by its lower-case name.
type leafCall struct {
	cat  Category
	what string
}

// leafCalls maps the system call (the innermost syscall-package frame,
// lower-cased: syscall.write, syscall.Fsync, unix.Fdatasync) to its kind.
var leafCalls = map[string]leafCall{
	"write": {FileWrite, "wrote to a file"}, "pwrite": {FileWrite, "wrote to a file"},
	"pwrite64": {FileWrite, "wrote to a file"}, "writev": {FileWrite, "wrote to a file"},
	"pwritev": {FileWrite, "wrote to a file"}, "sendfile": {FileWrite, "wrote to a file"},
	"copy_file_range": {FileWrite, "wrote to a file"}, "splice": {FileWrite, "wrote to a file"},

	"read": {FileRead, "read a file"}, "pread": {FileRead, "read a file"},
	"pread64": {FileRead, "read a file"}, "readv": {FileRead, "read a file"},
	"preadv": {FileRead, "read a file"}, "getdents": {FileRead, "read a directory"},
	"getdents64": {FileRead, "read a directory"}, "readdirent": {FileRead, "read a directory"},
	"readlink": {FileRead, "read a link"}, "readlinkat": {FileRead, "read a link"},

	"open": {FileOpen, "opened a file"}, "openat": {FileOpen, "opened a file"},
	"openat2": {FileOpen, "opened a file"}, "creat": {FileOpen, "opened a file"},

	"fsync": {Fsync, "synced a file to disk"}, "fdatasync": {Fsync, "synced a file to disk"},
	"sync": {Fsync, "synced the file systems to disk"}, "syncfs": {Fsync, "synced a file system to disk"},
	"sync_file_range": {Fsync, "synced a file to disk"},

	"close": {File, "closed a file"},
	"stat":  {File, "inspected a file"}, "lstat": {File, "inspected a file"},
	"fstat": {File, "inspected a file"}, "fstatat": {File, "inspected a file"},
	"newfstatat": {File, "inspected a file"}, "statx": {File, "inspected a file"},
	"access": {File, "inspected a file"}, "faccessat": {File, "inspected a file"},
	"faccessat2": {File, "inspected a file"}, "statfs": {File, "inspected a file system"},
	"fstatfs": {File, "inspected a file system"},
	"unlink":  {File, "changed the file system"}, "unlinkat": {File, "changed the file system"},
	"rename": {File, "changed the file system"}, "renameat": {File, "changed the file system"},
	"renameat2": {File, "changed the file system"}, "mkdir": {File, "changed the file system"},
	"mkdirat": {File, "changed the file system"}, "rmdir": {File, "changed the file system"},
	"ftruncate": {File, "changed the file system"}, "truncate": {File, "changed the file system"},
	"fchmod": {File, "changed the file system"}, "fchmodat": {File, "changed the file system"},
	"chmod": {File, "changed the file system"}, "fchown": {File, "changed the file system"},
	"fchownat": {File, "changed the file system"}, "symlinkat": {File, "changed the file system"},
	"linkat": {File, "changed the file system"}, "utimensat": {File, "changed the file system"},
	"fallocate": {File, "changed the file system"},

	"connect": {Network, "connected to the network"}, "accept": {Network, "accepted a connection"},
	"accept4": {Network, "accepted a connection"}, "sendto": {Network, "wrote to the network"},
	"sendmsg": {Network, "wrote to the network"}, "sendmmsg": {Network, "wrote to the network"},
	"recvfrom": {Network, "read from the network"}, "recvmsg": {Network, "read from the network"},
	"recvmmsg": {Network, "read from the network"},

	"wait4": {Process, "waited for a process"}, "waitid": {Process, "waited for a process"},
	"kill": {Process, "signalled a process"}, "pidfdsendsignal": {Process, "signalled a process"},
	"pidfdopen": {Process, "started a process"}, "execve": {Process, "started a process"},

	"nanosleep": {Sleep, "slept"}, "clock_nanosleep": {Sleep, "slept"},
}

// networkWording rewords a file-looking leaf call under a network frame.
var networkWording = map[Category]string{
	FileWrite: "wrote to the network",
	FileRead:  "read from the network",
}

// genericSyscalls are the raw entry points whose caller names the call.
var genericSyscalls = map[string]bool{
	"syscall": true, "syscall6": true, "syscall9": true, "rawsyscall": true,
	"rawsyscall6": true, "rawsyscallnoerror": true, "syscallnoerror": true,
}

// syscallPackages hold the wrappers that enter the kernel.
var syscallPackages = []string{"syscall.", "internal/syscall/unix.", "golang.org/x/sys/unix."}

// parkReasons are the park reasons that wait for I/O or time, not for
// another goroutine.
var parkReasons = map[string]leafCall{
	"network": {Network, "waited for the network"},
	"sleep":   {Sleep, "slept"},
}

// classifySyscall names the kind of a system call whose stack, leaf first,
// is frames; quiet reports whether it is part of normal work.
func classifySyscall(frames []Frame) (cat Category, what, call string, quiet bool) {
	if isQuiet(frames) {
		return "", "", "", true
	}
	call = leafSyscall(frames)
	leaf, ok := leafCalls[baseName(call)]
	if c, isC := cgoName(call); isC {
		leaf = leafCall{Cgo, "called C (" + c + ")"}
	} else if !ok {
		leaf = leafCall{Syscall, "made a system call (" + baseName(call) + ")"}
	}
	for _, c := range contexts {
		if !hasFrame(frames, c.fn) {
			continue
		}
		what := c.what
		if what == "" {
			what = leaf.what
			if w, ok := networkWording[leaf.cat]; ok {
				what = w
			} else if leaf.cat != Network {
				what = "used the network (" + baseName(call) + ")"
			}
		}
		return c.cat, what, call, false
	}
	return leaf.cat, leaf.what, call, false
}

// cgoName returns the C function a cgo stub calls: main._Cfunc_write is
// write.
func cgoName(fn string) (string, bool) {
	for _, stub := range []string{"._Cfunc_", "._C2func_"} {
		if _, c, ok := strings.Cut(fn, stub); ok {
			return c, true
		}
	}
	return "", false
}

// isQuiet reports whether a system call's stack matches a quietCalls row.
func isQuiet(frames []Frame) bool {
	for _, q := range quietCalls {
		for i, f := range frames {
			if !matchFunc(q.fn, f.Func) {
				continue
			}
			if q.under == "" || hasFrame(frames[i+1:], q.under) {
				return true
			}
		}
	}
	return false
}

// leafSyscall returns the innermost syscall-package function of frames,
// skipping raw entry points (then the caller of syscall.Syscall names the
// call), or the leaf frame's function.
func leafSyscall(frames []Frame) string {
	for i, f := range frames {
		if !isSyscallPackage(f.Func) {
			continue
		}
		if !genericSyscalls[baseName(f.Func)] {
			return f.Func
		}
		if i+1 < len(frames) && !isSyscallPackage(frames[i+1].Func) {
			return frames[i+1].Func
		}
	}
	if len(frames) == 0 {
		return ""
	}
	return frames[0].Func
}

// isSyscallPackage reports whether fn is in a package of kernel wrappers.
func isSyscallPackage(fn string) bool {
	for _, p := range syscallPackages {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// baseName returns the lower-case name after the last dot:
// "syscall.Fsync" is "fsync", "internal/syscall/unix.PidFDOpen" "pidfdopen".
func baseName(fn string) string {
	return strings.ToLower(fn[strings.LastIndexByte(fn, '.')+1:])
}

// hasFrame reports whether a frame's function matches pattern.
func hasFrame(frames []Frame, pattern string) bool {
	for _, f := range frames {
		if matchFunc(pattern, f.Func) {
			return true
		}
	}
	return false
}

// matchFunc reports whether fn is pattern, or starts with it when pattern
// ends in "*".
func matchFunc(pattern, fn string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(fn, prefix)
	}
	return fn == pattern
}
