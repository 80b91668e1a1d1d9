package analyzer

import (
	"fmt"
	"sort"
	"strings"
)

// Category classifies blocking I/O. The zero value means "not blocking".
type Category uint8

const (
	catNone Category = iota
	CatFile
	CatSync
	CatStat
	CatLog
	CatStdout
	CatEncode
	CatNetwork
	CatDatabase
	CatProcess
	numCategories
)

var categoryNames = [numCategories]string{"", "file", "sync", "stat", "log", "stdout", "encode", "network", "database", "process"}

func (c Category) String() string {
	if c < numCategories {
		return categoryNames[c]
	}
	return fmt.Sprintf("Category(%d)", c)
}

// parseCategory returns the category named s.
func parseCategory(s string) (Category, bool) {
	for c := CatFile; c < numCategories; c++ {
		if categoryNames[c] == s {
			return c, true
		}
	}
	return catNone, false
}

// CategoryNames lists the category names in a stable order.
func CategoryNames() []string { return append([]string(nil), categoryNames[1:]...) }

// categoryInfo is what a diagnostic says about a category: what the call
// does (when its catalogue entry does not say) and the usual fix.
var categoryInfo = [numCategories]struct{ does, noun, fix string }{
	CatFile:     {"does file I/O", "file I/O", "open files once or hand the work to a background writer"},
	CatSync:     {"forces a write to disk", "disk sync", "sync once per batch from a background writer"},
	CatStat:     {"queries the file system", "file-system query", "check once at start-up or cache the result"},
	CatLog:      {"writes a log record", "logging", "log outside the hot path or through an asynchronous, buffered logger"},
	CatStdout:   {"writes to standard output", "output", "buffer the output and write it from a background writer"},
	CatEncode:   {"encodes straight to a file or connection", "encoding I/O", "encode to memory and hand the bytes to a background writer"},
	CatNetwork:  {"makes a network round trip", "network I/O", "reuse connections and batch the calls, or move them off the hot path"},
	CatDatabase: {"makes a database round trip", "database I/O", "batch the queries or move them off the hot path"},
	CatProcess:  {"runs an external process", "process start", "start the process once, outside the hot path"},
}

// entry is one catalogue row: the category and, optionally, what the call
// does in words ("opens a file").
type entry struct {
	cat  Category
	does string
}

// The catalogue: every function known to block, keyed by
// types.Func.FullName() (or, for a method reached through an embedded or
// unexported type, the name built from the receiver at the call site).
// A key "(T).*" matches every method of T.
var catalogue = map[string]entry{}

// writerFuncs are calls that block only when the reader or writer argument at
// one of the given indexes is a file or a connection (a connection makes the
// call network I/O whatever the row's category).
var writerFuncs = map[string]writerRule{
	"fmt.Fprint":     {CatStdout, []int{0}},
	"fmt.Fprintf":    {CatStdout, []int{0}},
	"fmt.Fprintln":   {CatStdout, []int{0}},
	"io.WriteString": {CatStdout, []int{0}},
	"io.Copy":        {CatFile, []int{0, 1}},
	"io.CopyN":       {CatFile, []int{0, 1}},
	"io.CopyBuffer":  {CatFile, []int{0, 1}},
	"io.ReadAll":     {CatFile, []int{0}},
	"io.ReadFull":    {CatFile, []int{0}},
	"io.ReadAtLeast": {CatFile, []int{0}},
}

// writerMethods are methods of encoders and buffered writers that write
// through to the writer their receiver was built on; flushAlways marks the
// ones reported when that writer is unknown (a Flush is I/O unless proven to
// be in memory).
var writerMethods = map[string]writerMethod{
	"(*encoding/json.Encoder).Encode":       {cat: CatEncode},
	"(*encoding/gob.Encoder).Encode":        {cat: CatEncode},
	"(*encoding/gob.Encoder).EncodeValue":   {cat: CatEncode},
	"(*encoding/xml.Encoder).Encode":        {cat: CatEncode},
	"(*encoding/xml.Encoder).EncodeElement": {cat: CatEncode},
	"(*encoding/xml.Encoder).EncodeToken":   {cat: CatEncode},
	"(*encoding/xml.Encoder).Flush":         {cat: CatEncode},
	"(*encoding/csv.Writer).Flush":          {cat: CatEncode},
	"(*encoding/csv.Writer).WriteAll":       {cat: CatEncode},
	"(*bufio.Writer).Flush":                 {cat: CatEncode, flushAlways: true},
}

// writerCtors build a writer on top of their first argument; a writer-method
// receiver made by one of them inherits the class of that argument.
var writerCtors = map[string]bool{
	"encoding/json.NewEncoder": true,
	"encoding/gob.NewEncoder":  true,
	"encoding/xml.NewEncoder":  true,
	"encoding/csv.NewWriter":   true,
	"bufio.NewWriter":          true,
	"bufio.NewWriterSize":      true,
	"bufio.NewReader":          true,
	"bufio.NewReaderSize":      true,
	"bufio.NewReadWriter":      true,
}

type writerRule struct {
	cat  Category
	args []int
}

type writerMethod struct {
	cat         Category
	flushAlways bool
}

// noReturn lists calls that end an error-exit block: the block runs at most
// once per failure.
var noReturn = map[string]bool{
	"os.Exit":                         true,
	"runtime.Goexit":                  true,
	"log.Fatal":                       true,
	"log.Fatalf":                      true,
	"log.Fatalln":                     true,
	"log.Panic":                       true,
	"log.Panicf":                      true,
	"log.Panicln":                     true,
	"(*log.Logger).Fatal":             true,
	"(*log.Logger).Fatalf":            true,
	"(*log.Logger).Fatalln":           true,
	"(*log.Logger).Panic":             true,
	"(*log.Logger).Panicf":            true,
	"(*log.Logger).Panicln":           true,
	"(*testing.common).Fatal":         true,
	"(*testing.common).Fatalf":        true,
	"(*testing.common).FailNow":       true,
	"(*testing.common).Skip":          true,
	"(*testing.common).Skipf":         true,
	"(*testing.common).SkipNow":       true,
	"(*go.uber.org/zap.Logger).Fatal": true,
	"(*go.uber.org/zap.Logger).Panic": true,
}

func init() {
	for _, n := range withSuffixes([]string{"Fatal", "Panic"}, "", "f", "w", "ln") {
		noReturn["(*go.uber.org/zap.SugaredLogger)."+n] = true
	}
	for _, n := range withSuffixes([]string{"Fatal", "Panic"}, "", "f", "ln") {
		noReturn["github.com/sirupsen/logrus."+n] = true
		noReturn["(*github.com/sirupsen/logrus.Logger)."+n] = true
		noReturn["(*github.com/sirupsen/logrus.Entry)."+n] = true
	}
	for _, pkg := range []string{"k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog"} {
		for _, n := range withSuffixes([]string{"Fatal", "Exit"}, "", "f", "ln", "Depth") {
			noReturn[pkg+"."+n] = true
		}
	}
}

// onceFuncs run their function argument once, not per call.
var onceFuncs = map[string]bool{
	"(*sync.Once).Do": true,
	"sync.OnceFunc":   true,
	"sync.OnceValue":  true,
	"sync.OnceValues": true,
}

// add registers names (FullName form) under one category. A name may carry
// its own wording after a '|': "os.Open|opens a file".
func add(cat Category, names ...string) {
	for _, n := range names {
		name, does, _ := strings.Cut(n, "|")
		if _, dup := catalogue[name]; dup {
			panic("iohotpath: duplicate catalogue entry " + name)
		}
		catalogue[name] = entry{cat: cat, does: does}
	}
}

// methods expands a receiver and method names into FullName keys.
func methods(recv string, does string, names ...string) []string {
	out := make([]string, len(names))
	for i, m := range names {
		out[i] = "(" + recv + ")." + m
		if does != "" {
			out[i] += "|" + does
		}
	}
	return out
}

// funcs expands a package path and function names into FullName keys.
func funcs(pkg string, does string, names ...string) []string {
	out := make([]string, len(names))
	for i, f := range names {
		out[i] = pkg + "." + f
		if does != "" {
			out[i] += "|" + does
		}
	}
	return out
}

var logLevels = []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}

// withSuffixes returns every base name followed by every suffix.
func withSuffixes(bases []string, suffixes ...string) []string {
	var out []string
	for _, b := range bases {
		for _, s := range suffixes {
			out = append(out, b+s)
		}
	}
	return out
}

func init() {
	// file
	add(CatFile, funcs("os", "opens a file", "Open", "OpenFile", "Create", "CreateTemp", "OpenInRoot", "OpenRoot")...)
	add(CatFile, funcs("os", "reads a file", "ReadFile", "ReadDir", "Readlink")...)
	add(CatFile, funcs("os", "writes a file", "WriteFile")...)
	add(CatFile, funcs("os", "changes the file system", "MkdirTemp", "Remove", "RemoveAll", "Mkdir", "MkdirAll",
		"Rename", "Link", "Symlink", "Chmod", "Chown", "Lchown", "Chtimes", "Truncate", "CopyFS")...)
	add(CatFile, methods("*os.File", "reads a file", "Read", "ReadAt", "ReadDir", "Readdir", "Readdirnames", "WriteTo")...)
	add(CatFile, methods("*os.File", "writes a file", "Write", "WriteString", "WriteAt", "ReadFrom", "Truncate")...)
	add(CatFile, methods("*os.File", "", "Seek", "Close", "Chmod", "Chown", "Chdir")...)
	add(CatFile, methods("*os.Root", "", "Open", "OpenFile", "Create", "OpenRoot", "Mkdir", "MkdirAll", "Remove",
		"RemoveAll", "Rename", "Link", "Symlink", "Readlink", "ReadFile", "WriteFile", "Chmod", "Chown", "Lchown", "Chtimes")...)
	add(CatFile, funcs("io/ioutil", "", "ReadFile", "WriteFile", "ReadDir", "TempFile", "TempDir")...)
	add(CatFile, funcs("path/filepath", "walks a directory tree", "Walk", "WalkDir")...)
	add(CatFile, funcs("path/filepath", "lists a directory", "Glob")...)
	add(CatFile, funcs("syscall", "", "Open", "Openat", "Creat", "Read", "Write", "Pread", "Pwrite", "Close",
		"Unlink", "Rename", "Mkdir", "Rmdir", "Getdents", "ReadDirent", "Ftruncate", "Truncate", "Seek")...)
	add(CatFile, funcs("golang.org/x/sys/unix", "", "Open", "Openat", "Openat2", "Creat", "Read", "Write", "Pread",
		"Pwrite", "Readv", "Writev", "Preadv", "Pwritev", "Close", "Unlink", "Unlinkat", "Rename", "Renameat",
		"Mkdir", "Mkdirat", "Rmdir", "Getdents", "ReadDirent", "Ftruncate", "Truncate", "Seek", "Fallocate")...)

	// sync
	add(CatSync, "(*os.File).Sync|syncs a file to disk")
	add(CatSync, funcs("syscall", "syncs a file to disk", "Fsync", "Fdatasync", "Sync")...)
	add(CatSync, funcs("golang.org/x/sys/unix", "syncs a file to disk", "Fsync", "Fdatasync", "Sync", "Syncfs", "SyncFileRange", "Msync")...)

	// stat
	add(CatStat, funcs("os", "stats a file", "Stat", "Lstat")...)
	add(CatStat, "(*os.File).Stat|stats a file")
	add(CatStat, methods("*os.Root", "stats a file", "Stat", "Lstat")...)
	add(CatStat, funcs("syscall", "stats a file", "Stat", "Lstat", "Fstat", "Statfs", "Access")...)
	add(CatStat, funcs("golang.org/x/sys/unix", "stats a file", "Stat", "Lstat", "Fstat", "Fstatat", "Statfs", "Statx", "Access", "Faccessat")...)

	// log: the standard library
	logFuncs := withSuffixes([]string{"Print", "Fatal", "Panic"}, "", "f", "ln")
	add(CatLog, funcs("log", "writes a log line", append(logFuncs, "Output")...)...)
	add(CatLog, methods("*log.Logger", "writes a log line", append(logFuncs, "Output")...)...)
	slogFuncs := append(withSuffixes([]string{"Debug", "Info", "Warn", "Error"}, "", "Context"), "Log", "LogAttrs")
	add(CatLog, funcs("log/slog", "writes a log record", slogFuncs...)...)
	add(CatLog, methods("*log/slog.Logger", "writes a log record", slogFuncs...)...)

	// log: third-party loggers, matched by name even when not a dependency
	add(CatLog, methods("*go.uber.org/zap.Logger", "writes a log record", append(logLevels, "Log")...)...)
	add(CatLog, methods("*go.uber.org/zap.SugaredLogger", "writes a log record",
		append(withSuffixes(logLevels, "", "f", "w", "ln"), "Log", "Logf", "Logw", "Logln")...)...)
	add(CatLog, "(*go.uber.org/zap/zapcore.CheckedEntry).Write|writes a log record")
	add(CatSync, methods("*go.uber.org/zap.Logger", "flushes the log to disk", "Sync")...)
	add(CatSync, methods("*go.uber.org/zap.SugaredLogger", "flushes the log to disk", "Sync")...)
	add(CatLog, methods("github.com/go-logr/logr.Logger", "writes a log record", "Info", "Error")...)
	logrusLevels := []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic"}
	logrusNames := withSuffixes(logrusLevels, "", "f", "ln")
	add(CatLog, funcs("github.com/sirupsen/logrus", "writes a log record", logrusNames...)...)
	add(CatLog, methods("*github.com/sirupsen/logrus.Logger", "writes a log record", append(logrusNames, "Log", "Logf", "Logln")...)...)
	add(CatLog, methods("*github.com/sirupsen/logrus.Entry", "writes a log record", append(logrusNames, "Log", "Logf", "Logln")...)...)
	add(CatLog, methods("*github.com/rs/zerolog.Event", "writes a log record", "Msg", "Msgf", "MsgFunc", "Send")...)
	add(CatLog, "(github.com/rs/zerolog.Logger).Write|writes a log record")
	klogLevels := []string{"Info", "Warning", "Error", "Fatal", "Exit"}
	klogNames := append(withSuffixes(klogLevels, "", "f", "ln", "Depth", "fDepth", "lnDepth"), "InfoS", "ErrorS", "InfoSDepth", "ErrorSDepth")
	add(CatLog, funcs("k8s.io/klog/v2", "writes a log record", klogNames...)...)
	add(CatLog, methods("k8s.io/klog/v2.Verbose", "writes a log record", "Info", "Infof", "Infoln", "InfoS", "InfoDepth",
		"InfofDepth", "InfolnDepth", "InfoSDepth", "Error", "ErrorS")...)
	add(CatLog, funcs("k8s.io/klog", "writes a log record", withSuffixes(klogLevels, "", "f", "ln", "Depth")...)...)
	add(CatLog, methods("k8s.io/klog.Verbose", "writes a log record", "Info", "Infof", "Infoln")...)
	add(CatLog, funcs("github.com/golang/glog", "writes a log record",
		withSuffixes(klogLevels, "", "f", "ln", "Depth", "Depthf", "Context", "Contextf", "ContextDepth", "ContextDepthf")...)...)
	add(CatLog, methods("github.com/golang/glog.Verbose", "writes a log record", "Info", "Infof", "Infoln", "InfoDepth",
		"InfoDepthf", "InfoContext", "InfoContextf", "InfoContextDepth", "InfoContextDepthf")...)
	for _, pkg := range []string{"k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog"} {
		add(CatLog, pkg+".Flush|writes buffered log records to disk")
	}

	// stdout
	add(CatStdout, funcs("fmt", "writes to standard output", "Print", "Printf", "Println")...)

	// network
	add(CatNetwork, funcs("net", "dials a connection", "Dial", "DialTimeout", "DialTCP", "DialUDP", "DialUnix", "DialIP")...)
	add(CatNetwork, funcs("net", "opens a listener", "Listen", "ListenPacket", "ListenTCP", "ListenUDP", "ListenUnix",
		"ListenUnixgram", "ListenIP", "ListenMulticastUDP")...)
	add(CatNetwork, funcs("net", "makes a DNS lookup", "LookupHost", "LookupIP", "LookupAddr", "LookupCNAME", "LookupMX",
		"LookupNS", "LookupPort", "LookupSRV", "LookupTXT")...)
	add(CatNetwork, methods("*net.Resolver", "makes a DNS lookup", "LookupHost", "LookupIP", "LookupIPAddr", "LookupNetIP",
		"LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupPort", "LookupSRV", "LookupTXT")...)
	add(CatNetwork, methods("*net.Dialer", "dials a connection", "Dial", "DialContext")...)
	add(CatNetwork, methods("*net.ListenConfig", "opens a listener", "Listen", "ListenPacket")...)
	connIO := []string{"Read", "Write", "Close"}
	add(CatNetwork, methods("net.Conn", "uses a network connection", connIO...)...)
	add(CatNetwork, methods("net.PacketConn", "uses a network connection", "ReadFrom", "WriteTo", "Close")...)
	add(CatNetwork, methods("*net.TCPConn", "uses a network connection", append(connIO, "ReadFrom", "WriteTo", "CloseRead", "CloseWrite")...)...)
	add(CatNetwork, methods("*net.UDPConn", "uses a network connection", append(connIO, "ReadFrom", "ReadFromUDP",
		"ReadFromUDPAddrPort", "ReadMsgUDP", "WriteTo", "WriteToUDP", "WriteToUDPAddrPort", "WriteMsgUDP")...)...)
	add(CatNetwork, methods("*net.UnixConn", "uses a network connection", append(connIO, "ReadFrom", "ReadFromUnix",
		"ReadMsgUnix", "WriteTo", "WriteToUnix", "WriteMsgUnix")...)...)
	add(CatNetwork, methods("*net.IPConn", "uses a network connection", append(connIO, "ReadFrom", "ReadFromIP", "WriteTo", "WriteToIP")...)...)
	add(CatNetwork, methods("*crypto/tls.Conn", "uses a network connection", append(connIO, "Handshake", "HandshakeContext")...)...)
	add(CatNetwork, funcs("crypto/tls", "dials a connection", "Dial", "DialWithDialer")...)
	add(CatNetwork, funcs("net/http", "makes an HTTP request", "Get", "Post", "Head", "PostForm")...)
	add(CatNetwork, methods("*net/http.Client", "makes an HTTP request", "Do", "Get", "Post", "Head", "PostForm")...)
	add(CatNetwork, methods("*net/http.Transport", "makes an HTTP request", "RoundTrip")...)
	add(CatNetwork, funcs("net/smtp", "sends mail", "SendMail", "Dial")...)
	for _, redis := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"} {
		add(CatNetwork, methods(redis+".cmdable", "makes a Redis round trip", "*")...)
		add(CatNetwork, methods(redis+".statefulCmdable", "makes a Redis round trip", "*")...)
		for _, client := range []string{".Client", ".ClusterClient", ".Ring"} {
			add(CatNetwork, methods("*"+redis+client, "makes a Redis round trip", "Do", "Process", "Pipelined", "TxPipelined", "Watch")...)
		}
		add(CatNetwork, methods("*"+redis+".Pipeline", "makes a Redis round trip", "Exec")...)
		add(CatNetwork, methods(redis+".Pipeliner", "makes a Redis round trip", "Exec")...)
	}

	// database
	sqlQuery := []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext"}
	add(CatDatabase, methods("*database/sql.DB", "queries the database", append(sqlQuery, "Begin", "BeginTx", "Prepare",
		"PrepareContext", "Ping", "PingContext", "Conn")...)...)
	add(CatDatabase, methods("*database/sql.Tx", "queries the database", append(sqlQuery, "Prepare", "PrepareContext",
		"Commit", "Rollback")...)...)
	add(CatDatabase, methods("*database/sql.Stmt", "queries the database", sqlQuery...)...)
	add(CatDatabase, methods("*database/sql.Conn", "queries the database", "ExecContext", "QueryContext", "QueryRowContext",
		"PrepareContext", "BeginTx", "PingContext", "Raw")...)
	pgxCalls := []string{"Exec", "Query", "QueryRow", "SendBatch", "Begin", "BeginTx", "Ping", "CopyFrom"}
	for _, pgx := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		add(CatDatabase, methods("*"+pgx+".Conn", "queries the database", append(pgxCalls, "Prepare")...)...)
		add(CatDatabase, methods("*"+pgx+"/pgxpool.Pool", "queries the database", pgxCalls...)...)
		add(CatDatabase, methods("*"+pgx+"/pgxpool.Pool", "acquires a connection, dialling when none is idle", "Acquire")...)
		add(CatDatabase, methods(pgx+".Tx", "queries the database", "Exec", "Query", "QueryRow", "SendBatch", "CopyFrom",
			"Prepare", "Begin", "Commit", "Rollback")...)
		add(CatDatabase, funcs(pgx, "connects to the database", "Connect", "ConnectConfig")...)
		add(CatDatabase, methods("*"+pgx+"/pgxpool.Conn", "queries the database", pgxCalls...)...)
	}
	mongoCalls := []string{"InsertOne", "InsertMany", "Find", "FindOne", "FindOneAndUpdate", "FindOneAndReplace",
		"FindOneAndDelete", "UpdateOne", "UpdateMany", "UpdateByID", "ReplaceOne", "DeleteOne", "DeleteMany",
		"Aggregate", "CountDocuments", "EstimatedDocumentCount", "Distinct", "BulkWrite"}
	for _, mongo := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
		add(CatDatabase, methods("*"+mongo+".Collection", "queries the database", append(mongoCalls, "Watch", "Drop")...)...)
		add(CatDatabase, methods("*"+mongo+".Cursor", "fetches from the database", "Next", "TryNext", "All")...)
		add(CatDatabase, methods("*"+mongo+".Database", "queries the database", "RunCommand")...)
		add(CatDatabase, methods("*"+mongo+".Client", "queries the database", "Ping")...)
	}

	// process
	add(CatProcess, methods("*os/exec.Cmd", "runs an external process", "Run", "Output", "CombinedOutput", "Start", "Wait")...)
	add(CatProcess, "os.StartProcess|starts a process")
}

func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// CatalogueSize reports how many names the built-in catalogue holds, with
// the writer-dependent calls and methods.
func CatalogueSize() int { return len(catalogue) + len(writerFuncs) + len(writerMethods) }

// CatalogueNames returns the built-in catalogue as sorted "name category"
// lines, for documentation.
func CatalogueNames() []string {
	var out []string
	for k, e := range catalogue {
		out = append(out, k+" "+e.cat.String())
	}
	for k, r := range writerFuncs {
		out = append(out, k+" "+r.cat.String()+" (when the writer is a file or connection)")
	}
	for k, m := range writerMethods {
		when := " (when the writer is a file or connection)"
		if m.flushAlways {
			when = " (unless the writer is known to be in memory)"
		}
		out = append(out, k+" "+m.cat.String()+when)
	}
	sort.Strings(out)
	return out
}
