// Package fanout has a hot call that reaches many implementations: VTA
// gives a call the set of every function of its type that flows there,
// and one blocking member among many is no evidence.
package fanout

import "os"

// Step is one stage of a pipeline.
type Step interface{ Run(b []byte) []byte }

// Sink is where a pipeline's output goes.
type Sink interface{ Put(b []byte) }

// Pipeline is wired in main with every step and every sink.
type Pipeline struct {
	Steps []Step
	Sinks []Sink
}

// Process runs every step and hands the result to every sink.
//
// hotpath
func (p *Pipeline) Process(b []byte) {
	for _, s := range p.Steps {
		b = s.Run(b) // ten steps, one writes a file: silent
	}
	for _, s := range p.Sinks {
		s.Put(b) // want `s\.Put \(implemented by fanout\.File0\.Put, 9 other implementations\) performs blocking file I/O`
	}
}

// Log writes its input to a file: the one blocking step.
type Log struct{}

func (Log) Run(b []byte) []byte {
	os.WriteFile("/var/log/steps", b, 0o644)
	return b
}

// Mem0 transforms in memory.
type Mem0 struct{}

func (Mem0) Run(b []byte) []byte { return append(b, 0) }

// Mem1 transforms in memory.
type Mem1 struct{}

func (Mem1) Run(b []byte) []byte { return append(b, 1) }

// Mem2 transforms in memory.
type Mem2 struct{}

func (Mem2) Run(b []byte) []byte { return append(b, 2) }

// Mem3 transforms in memory.
type Mem3 struct{}

func (Mem3) Run(b []byte) []byte { return append(b, 3) }

// Mem4 transforms in memory.
type Mem4 struct{}

func (Mem4) Run(b []byte) []byte { return append(b, 4) }

// Mem5 transforms in memory.
type Mem5 struct{}

func (Mem5) Run(b []byte) []byte { return append(b, 5) }

// Mem6 transforms in memory.
type Mem6 struct{}

func (Mem6) Run(b []byte) []byte { return append(b, 6) }

// Mem7 transforms in memory.
type Mem7 struct{}

func (Mem7) Run(b []byte) []byte { return append(b, 7) }

// Mem8 transforms in memory.
type Mem8 struct{}

func (Mem8) Run(b []byte) []byte { return append(b, 8) }

// File0 writes a file.
type File0 struct{}

func (File0) Put(b []byte) { os.WriteFile("/var/spool/0", b, 0o644) }

// File1 writes a file.
type File1 struct{}

func (File1) Put(b []byte) { os.WriteFile("/var/spool/1", b, 0o644) }

// File2 writes a file.
type File2 struct{}

func (File2) Put(b []byte) { os.WriteFile("/var/spool/2", b, 0o644) }

// File3 writes a file.
type File3 struct{}

func (File3) Put(b []byte) { os.WriteFile("/var/spool/3", b, 0o644) }

// File4 writes a file.
type File4 struct{}

func (File4) Put(b []byte) { os.WriteFile("/var/spool/4", b, 0o644) }

// File5 writes a file.
type File5 struct{}

func (File5) Put(b []byte) { os.WriteFile("/var/spool/5", b, 0o644) }

// File6 writes a file.
type File6 struct{}

func (File6) Put(b []byte) { os.WriteFile("/var/spool/6", b, 0o644) }

// File7 writes a file.
type File7 struct{}

func (File7) Put(b []byte) { os.WriteFile("/var/spool/7", b, 0o644) }

// File8 writes a file.
type File8 struct{}

func (File8) Put(b []byte) { os.WriteFile("/var/spool/8", b, 0o644) }

// Null drops its input.
type Null struct{}

func (Null) Put([]byte) {}

// New wires every step and sink.
func New() *Pipeline {
	return &Pipeline{
		Steps: []Step{Log{}, Mem0{}, Mem1{}, Mem2{}, Mem3{}, Mem4{}, Mem5{}, Mem6{}, Mem7{}, Mem8{}},
		Sinks: []Sink{Null{}, File0{}, File1{}, File2{}, File3{}, File4{}, File5{}, File6{}, File7{}, File8{}},
	}
}
