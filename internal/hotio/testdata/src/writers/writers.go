// Package writers holds writer-dependent calls in hot functions: reported
// when the writer is a file or a connection, silent when it is memory.
// Each hot function with a finding also exports a "hot blocking" fact.
package writers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
)

// hotpath
func fileFprintf(f *os.File) { // want fileFprintf:`hot blocking\(file\): fmt.Fprintf`
	fmt.Fprintf(f, "x") // want `^fmt.Fprintf does I/O on a file on every call of hot function fileFprintf; buffer the writes and hand them to a background writer$`
}

// hotpath
func bufferFprintf() {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "x")
}

// hotpath
func connFprintf(c net.Conn) { // want connFprintf:`hot blocking\(network\): fmt.Fprintf`
	fmt.Fprintf(c, "x") // want `^fmt.Fprintf does I/O on a network connection on every call of hot function connFprintf; reuse connections and batch the calls, or move them off the hot path$`
}

// hotpath
func unknownFprintf(w io.Writer) {
	fmt.Fprintf(w, "x") // a dynamic writer is unknown, not blocking
}

// hotpath
func fileEncode(f *os.File, v any) { // want fileEncode:`hot blocking\(encode\): \(\*json.Encoder\).Encode`
	json.NewEncoder(f).Encode(v) // want `^\(\*json.Encoder\).Encode encodes straight to a file on every call of hot function fileEncode; encode to memory and hand the bytes to a background writer$`
	enc := json.NewEncoder(f)
	enc.Encode(v) // want `^\(\*json.Encoder\).Encode encodes straight to a file on every call of hot function fileEncode;`
}

// hotpath
func bufferEncode(v any) {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(v)
}

// hotpath
func stdoutFlush() { // want stdoutFlush:`hot blocking\(encode\): \(\*bufio.Writer\).Flush`
	w := bufio.NewWriter(os.Stdout)
	w.Flush() // want `^\(\*bufio.Writer\).Flush flushes buffered output to a file on every call of hot function stdoutFlush; encode to memory and hand the bytes to a background writer$`
}

// hotpath
func bufferFlush() {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	w.Flush()
}

// unknownFlush is silent: a Flush blocks only when the writer under it is
// known to be a file or a connection.
//
// hotpath
func unknownFlush(out io.Writer) {
	w := bufio.NewWriter(out)
	w.Flush()
}

// hotpath
func createdOnce() { // want createdOnce:`hot blocking\(file\): os.Create`
	f, _ := os.Create("out") // want `^os.Create opens a file on every call of hot function createdOnce; open it once or hand the write to a background writer$`
	var w io.Writer = f      // assigned once: w is the file
	io.WriteString(w, "x")   // want `^io.WriteString does I/O on a file on every call of hot function createdOnce; buffer the writes and hand them to a background writer$`
}

// hotpath
func assignedTwice(f *os.File, buf *bytes.Buffer) {
	var w io.Writer = f
	w = buf // two values: w is unknown
	io.WriteString(w, "x")
}
