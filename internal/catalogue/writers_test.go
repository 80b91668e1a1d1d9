package catalogue

import (
	"slices"
	"testing"
)

func TestTypeClass(t *testing.T) {
	for _, tc := range []struct {
		pkg, name string
		want      Class
	}{
		{"os", "File", ClassFile},
		{"bytes", "Buffer", ClassMemory},
		{"bufio", "Writer", ClassMemory},
		{"net", "Conn", ClassConn},
		{"crypto/tls", "Conn", ClassConn},
		{"os", "Root", ClassUnknown},
		{"example.com/p", "File", ClassUnknown},
	} {
		if got := TypeClass(tc.pkg, tc.name); got != tc.want {
			t.Errorf("TypeClass(%q, %q) = %v, want %v", tc.pkg, tc.name, got, tc.want)
		}
	}
}

func TestLookupWriterFunc(t *testing.T) {
	for full, want := range map[string]WriterFunc{
		"fmt.Fprintf": {Cat: Stdout, Args: []int{0}},
		"io.Copy":     {Cat: File, Args: []int{0, 1}},
		"io.ReadAll":  {Cat: File, Args: []int{0}},
	} {
		got, ok := LookupWriterFunc(full)
		if !ok || got.Cat != want.Cat || !slices.Equal(got.Args, want.Args) {
			t.Errorf("LookupWriterFunc(%q) = %+v, %v; want %+v, true", full, got, ok, want)
		}
	}
	if got, ok := LookupWriterFunc("fmt.Printf"); ok {
		t.Errorf("LookupWriterFunc(fmt.Printf) = %+v, true; want a miss: it always writes to stdout", got)
	}
}

func TestLookupWriterMethod(t *testing.T) {
	for full, want := range map[string]WriterMethod{
		"(*encoding/json.Encoder).Encode": {Cat: Encode},
		"(*encoding/csv.Writer).Flush":    {Cat: Encode},
		"(*bufio.Writer).Flush":           {Cat: Encode}, // like any writer method: only on a file or connection
	} {
		if got, ok := LookupWriterMethod(full); !ok || got != want {
			t.Errorf("LookupWriterMethod(%q) = %+v, %v; want %+v, true", full, got, ok, want)
		}
	}
	if got, ok := LookupWriterMethod("(*bufio.Writer).Write"); ok {
		t.Errorf("LookupWriterMethod((*bufio.Writer).Write) = %+v, true; want a miss", got)
	}
}

func TestIsWriterCtor(t *testing.T) {
	for full, want := range map[string]bool{
		"encoding/json.NewEncoder": true,
		"bufio.NewWriter":          true,
		"bufio.NewReadWriter":      true,
		"os.Create":                false,
		"encoding/json.NewDecoder": false,
	} {
		if got := IsWriterCtor(full); got != want {
			t.Errorf("IsWriterCtor(%q) = %v, want %v", full, got, want)
		}
	}
}

// TestWriterTablesApart fails when a name is both in the table and a
// writer-dependent call: the table would win and hide the writer check.
func TestWriterTablesApart(t *testing.T) {
	for full := range writerFuncs {
		if _, ok := table()[full]; ok {
			t.Errorf("%s is in the table and in writerFuncs", full)
		}
	}
	for full := range writerMethods {
		if _, ok := table()[full]; ok {
			t.Errorf("%s is in the table and in writerMethods", full)
		}
	}
}
