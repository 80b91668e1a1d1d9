// Package catalogue has one hot function per category, each with
// look-alike calls that must stay silent.
package catalogue

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/gob"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// hotpath
func File(f *os.File, dir string) { // want File:`hot blocking\(file\)`
	f.Write(nil)                               // want `\(\*os.File\).Write writes a file on every call of hot function File; buffer the writes and hand them to a background writer`
	f.WriteString("x")                         // want `\(\*os.File\).WriteString writes a file`
	f.ReadAt(nil, 0)                           // want `\(\*os.File\).ReadAt reads a file`
	f.Seek(0, 0)                               // want `\(\*os.File\).Seek does file I/O`
	os.Create("x")                             // want `os.Create opens a file on every call of hot function File; open it once or hand the write to a background writer`
	os.CreateTemp("", "x")                     // want `os.CreateTemp opens a file`
	os.ReadDir(dir)                            // want `os.ReadDir reads a file`
	os.Rename("a", "b")                        // want `os.Rename changes the file system`
	os.MkdirAll(dir, 0o700)                    // want `os.MkdirAll changes the file system`
	filepath.WalkDir(dir, nil)                 // want `filepath.WalkDir walks a directory tree`
	syscall.Write(1, nil)                      // want `syscall.Write does file I/O`
	io.Copy(f, strings.NewReader("x"))         // want `io.Copy does I/O on a file`
	io.ReadAll(f)                              // want `io.ReadAll does I/O on a file`
	io.Copy(&bytes.Buffer{}, bytes.NewReader(nil)) // in memory
	filepath.Join(dir, "x")                    // pure
	os.Getenv("HOME")                          // not I/O
}

type embedsFile struct{ *os.File }

// hotpath
func Sync(f *os.File, e embedsFile) { // want Sync:`hot blocking\(sync\)`
	f.Sync()            // want `\(\*os.File\).Sync syncs a file to disk on every call of hot function Sync; sync once per batch from a background writer`
	syscall.Fsync(3)    // want `syscall.Fsync syncs a file to disk`
	e.Sync()            // want `\(\*os.File\).Sync syncs a file to disk`
	e.Name()            // not I/O
}

// hotpath
func Stat(f *os.File) { // want Stat:`hot blocking\(stat\)`
	os.Stat("x")  // want `os.Stat stats a file on every call of hot function Stat`
	os.Lstat("x") // want `os.Lstat stats a file`
	f.Stat()      // want `\(\*os.File\).Stat stats a file`
	f.Name()      // not I/O
}

// hotpath
func Stdout(w io.Writer, f *os.File) { // want Stdout:`hot blocking\(stdout\)`
	fmt.Println("x")               // want `fmt.Println writes to standard output on every call of hot function Stdout`
	fmt.Fprintln(os.Stderr, "x")   // want `fmt.Fprintln writes to standard error`
	fmt.Fprintf(f, "x")            // want `fmt.Fprintf does I/O on a file`
	io.WriteString(os.Stdout, "x") // want `io.WriteString writes to standard output`
	os.Stdout.Write(nil)           // want `\(\*os.File\).Write writes to standard output`
	os.Stderr.WriteString("x")     // want `\(\*os.File\).WriteString writes to standard error`
	stdout := os.Stdout
	stdout.Write(nil) // want `\(\*os.File\).Write writes to standard output`
	f.Write(nil)      // want `\(\*os.File\).Write writes a file`
	var b bytes.Buffer
	var sb strings.Builder
	fmt.Fprintf(&b, "x")     // in memory
	fmt.Fprintf(&sb, "x")    // in memory
	bw := bufio.NewWriter(f) // buffered: only Flush writes
	fmt.Fprintf(bw, "x")
	bw.WriteString("x")
	fmt.Fprintf(w, "x") // unknown writer
	_ = fmt.Sprintf("x")
	var out io.Writer = f
	fmt.Fprintln(out, "x") // want `fmt.Fprintln does I/O on a file`
}

type event struct{ ID int }

// hotpath
func Encode(f *os.File, conn net.Conn, w io.Writer, bw *bufio.Writer) { // want Encode:`hot blocking\(encode\)`
	enc := json.NewEncoder(f)
	enc.Encode(event{})                            // want `\(\*json.Encoder\).Encode encodes straight to a file on every call of hot function Encode; encode to memory`
	json.NewEncoder(conn).Encode(event{})          // want `\(\*json.Encoder\).Encode does I/O on a network connection`
	gob.NewEncoder(f).Encode(event{})              // want `\(\*gob.Encoder\).Encode encodes straight to a file`
	xml.NewEncoder(bufio.NewWriter(f)).Encode(event{}) // buffered until the bufio.Writer is flushed
	xml.NewEncoder(f).Encode(event{})                  // want `\(\*xml.Encoder\).Encode encodes straight to a file`
	cw := csv.NewWriter(f)
	cw.Write([]string{"a"}) // buffered
	cw.Flush()              // want `\(\*csv.Writer\).Flush flushes buffered output to a file`
	bw.Flush()              // unknown writer, like any writer method
	fw := bufio.NewWriter(f)
	fw.Flush()                        // want `\(\*bufio.Writer\).Flush flushes buffered output to a file`
	bufio.NewWriter(conn).Flush()     // want `\(\*bufio.Writer\).Flush flushes buffered output to a network connection`
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(event{}) // in memory
	mem := bufio.NewWriter(&b)
	mem.Flush()                        // in memory
	json.NewEncoder(w).Encode(event{}) // unknown writer
	json.Marshal(event{})              // to bytes
}

// hotpath
func Network(ctx context.Context, c *http.Client, conn net.Conn, u *net.UDPConn, r *net.Resolver) { // want Network:`hot blocking\(network\)`
	net.Dial("tcp", "x")              // want `net.Dial dials a connection on every call of hot function Network; reuse connections`
	http.Get("http://x")              // want `http.Get makes an HTTP request`
	c.Do(nil)                         // want `\(\*http.Client\).Do makes an HTTP request`
	conn.Write(nil)                   // want `net.Conn.Write uses a network connection`
	u.Write(nil)                      // want `\(\*net.UDPConn\).Write uses a network connection`
	u.WriteToUDP(nil, nil)            // want `\(\*net.UDPConn\).WriteToUDP uses a network connection`
	r.LookupHost(ctx, "x")            // want `\(\*net.Resolver\).LookupHost makes a DNS lookup`
	fmt.Fprintf(conn, "x")            // want `fmt.Fprintf does I/O on a network connection`
	u.LocalAddr()                     // not I/O
	conn.Close()                      // closing a connection does not wait for the peer
	u.Close()
	http.NewRequest("GET", "x", nil)  // not I/O
	net.ParseIP("127.0.0.1")          // not I/O
}

// hotpath
func Database(ctx context.Context, db *sql.DB, tx *sql.Tx, st *sql.Stmt) { // want Database:`hot blocking\(database\)`
	db.QueryRowContext(ctx, "x") // want `\(\*sql.DB\).QueryRowContext queries the database on every call of hot function Database; batch the queries`
	db.Exec("x")                 // want `\(\*sql.DB\).Exec queries the database`
	tx.Query("x")                // want `\(\*sql.Tx\).Query queries the database`
	st.Exec()                    // want `\(\*sql.Stmt\).Exec queries the database`
	db.Stats()                   // not I/O
}

// hotpath
func Process(cmd *exec.Cmd) { // want Process:`hot blocking\(process\)`
	cmd.Run()                           // want `\(\*exec.Cmd\).Run runs an external process on every call of hot function Process; start the process once`
	exec.Command("ls").CombinedOutput() // want `\(\*exec.Cmd\).CombinedOutput runs an external process`
	exec.Command("ls")                  // not started
}
