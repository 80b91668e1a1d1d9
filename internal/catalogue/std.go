package catalogue

// stdRows are the blocking calls of the standard library and of
// golang.org/x/sys/unix, apart from logging (log.go), networking (net.go)
// and database/sql (db.go).
var stdRows = []Row{
	// file
	{Pkg: "os", Cat: File, Does: "opens a file", Names: []string{
		"Open", "OpenFile", "Create", "CreateTemp", "OpenInRoot", "OpenRoot",
	}},
	{Pkg: "os", Cat: File, Does: "reads a file", Names: []string{"ReadFile", "ReadDir", "Readlink"}},
	{Pkg: "os", Cat: File, Does: "writes a file", Names: []string{"WriteFile"}},
	{Pkg: "os", Cat: File, Does: "changes the file system", Names: []string{
		"MkdirTemp", "Remove", "RemoveAll", "Mkdir", "MkdirAll", "Rename", "Link", "Symlink",
		"Chmod", "Chown", "Lchown", "Chtimes", "Truncate", "CopyFS",
	}},
	{Pkg: "os", Recv: "*File", Cat: File, Does: "reads a file", Names: []string{
		"Read", "ReadAt", "ReadDir", "Readdir", "Readdirnames", "WriteTo",
	}},
	{Pkg: "os", Recv: "*File", Cat: File, Does: "writes a file", Names: []string{
		"Write", "WriteString", "WriteAt", "ReadFrom", "Truncate",
	}},
	{Pkg: "os", Recv: "*File", Cat: File, Names: []string{"Seek", "Close", "Chmod", "Chown", "Chdir"}},
	{Pkg: "os", Recv: "*Root", Cat: File, Names: []string{
		"Open", "OpenFile", "Create", "OpenRoot", "Mkdir", "MkdirAll", "Remove", "RemoveAll", "Rename",
		"Link", "Symlink", "Readlink", "ReadFile", "WriteFile", "Chmod", "Chown", "Lchown", "Chtimes",
	}},
	{Pkg: "io/ioutil", Cat: File, Names: []string{"ReadFile", "WriteFile", "ReadDir", "TempFile", "TempDir"}},
	{Pkg: "path/filepath", Cat: File, Does: "walks a directory tree", Names: []string{"Walk", "WalkDir"}},
	{Pkg: "path/filepath", Cat: File, Does: "lists a directory", Names: []string{"Glob"}},
	{Pkg: "syscall", Cat: File, Names: []string{
		"Open", "Openat", "Creat", "Read", "Write", "Pread", "Pwrite", "Close", "Unlink", "Rename",
		"Mkdir", "Rmdir", "Getdents", "ReadDirent", "Ftruncate", "Truncate", "Seek",
	}},
	{Pkg: "golang.org/x/sys/unix", Cat: File, Names: []string{
		"Open", "Openat", "Openat2", "Creat", "Read", "Write", "Pread", "Pwrite", "Readv", "Writev",
		"Preadv", "Pwritev", "Close", "Unlink", "Unlinkat", "Rename", "Renameat", "Mkdir", "Mkdirat",
		"Rmdir", "Getdents", "ReadDirent", "Ftruncate", "Truncate", "Seek", "Fallocate",
	}},

	// sync
	{Pkg: "os", Recv: "*File", Cat: Sync, Does: "syncs a file to disk", Names: []string{"Sync"}},
	{Pkg: "syscall", Cat: Sync, Does: "syncs a file to disk", Names: []string{"Fsync", "Fdatasync", "Sync"}},
	{Pkg: "golang.org/x/sys/unix", Cat: Sync, Does: "syncs a file to disk", Names: []string{
		"Fsync", "Fdatasync", "Sync", "Syncfs", "SyncFileRange", "Msync",
	}},

	// stat
	{Pkg: "os", Cat: Stat, Does: "stats a file", Names: []string{"Stat", "Lstat"}},
	{Pkg: "os", Recv: "*File", Cat: Stat, Does: "stats a file", Names: []string{"Stat"}},
	{Pkg: "os", Recv: "*Root", Cat: Stat, Does: "stats a file", Names: []string{"Stat", "Lstat"}},
	{Pkg: "syscall", Cat: Stat, Does: "stats a file", Names: []string{"Stat", "Lstat", "Fstat", "Statfs", "Access"}},
	{Pkg: "golang.org/x/sys/unix", Cat: Stat, Does: "stats a file", Names: []string{
		"Stat", "Lstat", "Fstat", "Fstatat", "Statfs", "Statx", "Access", "Faccessat",
	}},

	// stdout
	{Pkg: "fmt", Cat: Stdout, Does: "writes to standard output", Names: []string{"Print", "Printf", "Println"}},

	// process
	{Pkg: "os/exec", Recv: "*Cmd", Cat: Process, Does: "runs an external process", Names: []string{
		"Run", "Output", "CombinedOutput", "Start", "Wait",
	}},
	{Pkg: "os", Cat: Process, Does: "starts a process", Names: []string{"StartProcess"}},
}
