// Package filesaver keeps the configuration in a file, fsynced.
package filesaver

import (
	"io"
	"os"
)

// F is the file.
type F struct{ Path string }

// Save writes cfg durably.
func (f *F) Save(cfg string) error { return f.write([]byte(cfg)) }

func (f *F) write(b []byte) error {
	fh, err := os.Create(f.Path + ".tmp")
	if err != nil {
		return err
	}
	if err := fh.Sync(); err != nil {
		return err
	}
	fh.Write(b)
	fh.Close()
	return os.Rename(f.Path+".tmp", f.Path)
}

// Audit appends id to the audit log.
func Audit(id string) {
	os.WriteFile("/var/log/audit", []byte(id), 0o644)
}

// Journal appends each configuration to Out: main wires a file. Its own
// facts say nothing: it writes only through what it is given.
type Journal struct{ Out io.Writer }

// Save appends cfg.
func (j *Journal) Save(cfg string) error {
	_, err := j.Out.Write([]byte(cfg))
	return err
}

// Tally counts the configurations into W: main wires a buffer.
type Tally struct{ W io.Writer }

// Save counts cfg.
func (t *Tally) Save(cfg string) error {
	_, err := t.W.Write([]byte(cfg))
	return err
}

// Static, Upper and FromFile name things: only FromFile reads a file.
type Static string

func (n Static) Name() string { return string(n) }

type Upper string

func (n Upper) Name() string { return string(n) + "!" }

type FromFile struct{ Path string }

func (f FromFile) Name() string {
	b, _ := os.ReadFile(f.Path)
	return string(b)
}
