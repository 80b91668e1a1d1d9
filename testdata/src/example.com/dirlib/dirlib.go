// Package dirlib declares blocking and trusted functions with directives;
// facts carry the declarations to other packages.
package dirlib

import "os"

// Poll wraps a blocking C call the catalogue cannot see.
//
//iohotpath:blocking network
func Poll(fd int) int { return fd } // want Poll:`blocking\(network\) declared`

// Wait is blocking, file by default.
//
//iohotpath:blocking
func Wait() {} // want Wait:`blocking\(file\) declared`

// Logger is asynchronous; its rare fallback writes a file.
type Logger struct{ ch chan string }

// Log hands the line to a channel, and writes it only when the queue is full.
//
//iohotpath:nonblocking
func (l *Logger) Log(s string) { // want Log:`nonblocking`
	select {
	case l.ch <- s:
	default:
		os.WriteFile("overflow.log", []byte(s), 0o600)
	}
}

// Flush really blocks.
func (l *Logger) Flush() { // want Flush:`blocking\(file\): os.WriteFile`
	os.WriteFile("x", nil, 0o600)
}
