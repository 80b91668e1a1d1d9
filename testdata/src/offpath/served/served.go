// Package served: network I/O on the connection a hot function serves is
// its work, directly or through functions that only do that; other
// connections and other I/O are reported.
package served

import (
	"crypto/tls"
	"net"
	"os"
)

type Router struct{ backend string }

// hotpath
func (r *Router) ServeTCP(conn net.Conn) { // want ServeTCP:"hot blocking\\(network\\): net\\.Conn\\.Write"
	conn.Write([]byte("hello")) // silent: the answer on the connection served
	if err := r.greet(conn); err != nil {
		return
	}
	tlsConn := tls.Server(conn, nil)
	tlsConn.Handshake() // silent: built on the connection served
	r.proxy(conn)       // want `proxy performs blocking network I/O`
	other, err := net.Dial("tcp", r.backend) // want `net.Dial dials a connection`
	if err != nil {
		return
	}
	other.Write(nil) // want `net.Conn.Write`
}

// greet only talks to the connection it is given.
func (r *Router) greet(c net.Conn) error { // want greet:"blocking\\(network\\): net\\.Conn\\.Write"
	_, err := c.Write([]byte("hi"))
	return err
}

// proxy also dials a backend.
func (r *Router) proxy(c net.Conn) { // want proxy:"blocking\\(network\\): net\\.Dial"
	b, err := net.Dial("tcp", r.backend)
	if err != nil {
		return
	}
	b.Write(nil)
	c.Write(nil)
}

// hotpath
func Handle(c net.Conn, f *os.File) { // want Handle:"hot blocking\\(network\\): net\\.Conn\\.Write"
	c.Write(nil) // silent
	f.Write(nil) // want `\(\*os.File\).Write`
}

// hotpath
func Publish(c net.Conn, msg []byte) { // want Publish:"hot blocking\\(network\\): net\\.Conn\\.Write"
	// It sends on c; it does not serve it.
	c.Write(msg) // want `net.Conn.Write`
}

// hotpath
func NotServing(addr string) { // want NotServing:"hot blocking\\(network\\): net\\.Dial"
	c, err := net.Dial("tcp", addr) // want `net.Dial dials a connection`
	if err != nil {
		return
	}
	c.Write(nil) // want `net.Conn.Write`
}
