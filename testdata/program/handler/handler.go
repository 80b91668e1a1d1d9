// Package handler serves batches through interfaces: which store answers
// is decided in main, so only a whole-program run sees what blocks.
package handler

import (
	"bytes"
	"io"
	"net"
)

// Getter is a store.
type Getter interface {
	Get(id string) (string, error)
}

// Namer names a thing.
type Namer interface{ Name() string }

// Saver keeps the configuration.
type Saver interface {
	Save(cfg string) error
}

// Server is wired in main.
type Server struct {
	Store  Getter // SQL-backed in main
	Cache  Getter // in memory in main; a disk cache only in a test
	Backup Getter // SQL-backed or in memory, as main is configured
	Config Saver  // writes a file in main
	Mem    Saver  // in memory in main

	Journal Saver   // appends to a file in main, through the writer it is given
	Tally   Saver   // counts into a buffer in main, through the same kind of writer
	Sinks   []Saver // the journal and the tally, in main
	Buf     *bytes.Buffer
	Namers  []Namer // a static name, an upper-cased one and one read from a file, in main

	Dial   func(network, addr string) (net.Conn, error) // net.Dial in main
	OnMiss func(id string)                              // never set
	Audit  func(id string)                              // set to a function that writes a file, called off the hot path
	Hook   func(id string)                              // a literal in main that writes a file
	Count  func(id string)                              // a literal in main's composite literal that counts in memory; one that reads a file only in a test
}

// BatchGet answers one request.
//
// hotpath
func (s *Server) BatchGet(ids []string) []string {
	var out []string
	for _, id := range ids {
		v, _ := s.Store.Get(id) // want `s\.Store\.Get \(implemented by \(\*sqlstore\.S\)\.Get\) performs blocking database I/O \(\(\*sql\.DB\)\.QueryRow\) in a loop on every call of hot function Server\.BatchGet; batch the queries`
		if c, err := s.Cache.Get(id); err == nil {
			v = c
		}
		if v == "" {
			v, _ = s.Backup.Get(id) // want `s\.Backup\.Get \(implemented by \(\*sqlstore\.S\)\.Get, 1 other implementation\) performs blocking database I/O`
		}
		s.Hook(id) // want `s\.Hook \(implemented by main\.main\.func2\) performs blocking file I/O \(os\.WriteFile\) in a loop on every call of hot function Server\.BatchGet`
		s.Count(id)
		if v == "" && s.OnMiss != nil {
			s.OnMiss(id)
		}
		out = append(out, v)
	}
	s.Mem.Save("batch")
	return out
}

// Update stores a new configuration.
//
// hotpath
func (s *Server) Update(cfg string) error {
	return s.Config.Save(cfg) // want `s\.Config\.Save \(implemented by \(\*filesaver\.F\)\.Save\) performs blocking file I/O \(os\.Create via \(\*filesaver\.F\)\.write\) on every call of hot function Server\.Update; open files once`
}

// Log journals each change: the journal blocks only through the file
// main gives it, which the whole program knows.
//
// hotpath
func (s *Server) Log(cfg string) {
	s.Journal.Save(cfg) // want `s\.Journal\.Save \(implemented by \(\*filesaver\.Journal\)\.Save\) performs blocking file I/O \(\(\*os\.File\)\.Write via j\.Out\.Write \(implemented by \(\*os\.File\)\.Write\)\) on every call of hot function Server\.Log`
	s.Tally.Save(cfg)
}

// Note journals through a helper, as most handlers do: the helper blocks
// by no fact of its package; over the program, its write is the file's.
// The tally's helper writes a buffer.
//
// hotpath
func (s *Server) Note(cfg string) {
	s.journal(cfg) // want `\(\*handler\.Server\)\.journal performs blocking file I/O \(\(\*os\.File\)\.Write via s\.Journal\.Save \(implemented by \(\*filesaver\.Journal\)\.Save\) -> j\.Out\.Write .*\) on every call of hot function Server\.Note`
	s.tally(cfg)
}

func (s *Server) journal(cfg string) { s.Journal.Save(cfg) }

func (s *Server) tally(cfg string) { s.Tally.Save(cfg) }

// Flush saves to the first sink only when asked, through a helper: a call
// made on a branch, of an interface the program wires two implementations
// into (here the journal and the tally), is left out: whether the branch
// runs and which implementation is there are two doubts (zerolog's Msg
// calls its done hook so, which VTA resolves to Fatal's). No finding.
//
// hotpath
func (s *Server) Flush(full bool) { s.flushFirst(full) }

func (s *Server) flushFirst(full bool) {
	if full {
		s.Sinks[0].Save("flush")
	}
}

// Echo writes the line to a buffer through Emit, which main also calls
// with the log file: the graph joins both arguments at w.Write, and
// which one blocks is each caller's, so neither is a finding here.
//
// hotpath
func (s *Server) Echo(line string) { Emit(s.Buf, line) }

// Emit writes line to w.
func Emit(w io.Writer, line string) { w.Write([]byte(line)) }

// Describe names through a helper that asks each namer: inside the
// helper, most of the implementations the program wires into Namers do
// not block (one of three reads a file), so which one runs is the
// configuration's, and the helper decides no fact. No finding.
//
// hotpath
func (s *Server) Describe() string { return s.describe() }

func (s *Server) describe() string {
	out := ""
	for _, n := range s.Namers {
		out += n.Name()
	}
	return out
}

// Keep stores the value through the journal; when asked, it first runs
// the hook, which writes a file too, on a branch: the finding names the
// journal's write, made whenever keep runs.
//
// hotpath
func (s *Server) Keep(v string, twice bool) {
	s.keep(v, twice) // want `\(\*handler\.Server\)\.keep performs blocking file I/O \(\(\*os\.File\)\.Write via s\.Journal\.Save .*\) on every call of hot function Server\.Keep`
}

func (s *Server) keep(v string, twice bool) {
	if twice {
		s.Hook(v)
	}
	s.Journal.Save(v)
}

// Forward opens a connection per call.
//
// hotpath
func (s *Server) Forward(addr string) error {
	c, err := s.Dial("tcp", addr) // want `s\.Dial \(implemented by net\.Dial\) .* on every call of hot function Server\.Forward`
	if err != nil {
		return err
	}
	return c.Close()
}

// GetFunc adapts a function to Getter.
type GetFunc func(id string) (string, error)

// Get is the function itself: what it costs is counted where it is hot.
//
// hotpath
func (f GetFunc) Get(id string) (string, error) { return f(id) }

// Record is not hot: the audit hook may block here.
func (s *Server) Record(id string) { s.Audit(id) }
