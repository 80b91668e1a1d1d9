package catalogue

// Class says what a reader or writer is, as far as its static type or the
// constructor that built it tells.
type Class uint8

// The classes of a reader or writer.
const (
	ClassUnknown Class = iota
	ClassMemory
	ClassFile
	ClassConn
)

// WriterFunc is a call that blocks only when the reader or writer argument
// at one of Args is a file or a connection; a connection makes the call
// network I/O whatever Cat says.
type WriterFunc struct {
	Cat  Category
	Args []int // indexes of the reader and writer arguments; shared, do not modify
}

var writerFuncs = map[string]WriterFunc{
	"fmt.Fprint":     {Cat: Stdout, Args: []int{0}},
	"fmt.Fprintf":    {Cat: Stdout, Args: []int{0}},
	"fmt.Fprintln":   {Cat: Stdout, Args: []int{0}},
	"io.WriteString": {Cat: Stdout, Args: []int{0}},
	"io.Copy":        {Cat: File, Args: []int{0, 1}},
	"io.CopyN":       {Cat: File, Args: []int{0, 1}},
	"io.CopyBuffer":  {Cat: File, Args: []int{0, 1}},
	"io.ReadAll":     {Cat: File, Args: []int{0}},
	"io.ReadFull":    {Cat: File, Args: []int{0}},
	"io.ReadAtLeast": {Cat: File, Args: []int{0}},
}

// WriterMethod is a method of an encoder or a buffered writer that writes
// through to the writer its receiver was built on: it blocks only when
// that writer is known to be a file or a connection.
type WriterMethod struct {
	Cat Category
}

var writerMethods = map[string]WriterMethod{
	"(*encoding/json.Encoder).Encode":       {Cat: Encode},
	"(*encoding/gob.Encoder).Encode":        {Cat: Encode},
	"(*encoding/gob.Encoder).EncodeValue":   {Cat: Encode},
	"(*encoding/xml.Encoder).Encode":        {Cat: Encode},
	"(*encoding/xml.Encoder).EncodeElement": {Cat: Encode},
	"(*encoding/xml.Encoder).EncodeToken":   {Cat: Encode},
	"(*encoding/xml.Encoder).Flush":         {Cat: Encode},
	"(*encoding/csv.Writer).Flush":          {Cat: Encode},
	"(*encoding/csv.Writer).WriteAll":       {Cat: Encode},
	"(*bufio.Writer).Flush":                 {Cat: Encode},
}

// writerCtors build a writer or reader on their first argument: what they
// return has the class of that argument.
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

// namedType is a named type: its package path and name.
type namedType struct{ pkg, name string }

var typeClasses = map[namedType]Class{
	{"os", "File"}:          ClassFile,
	{"bytes", "Buffer"}:     ClassMemory,
	{"bytes", "Reader"}:     ClassMemory,
	{"strings", "Builder"}:  ClassMemory,
	{"strings", "Reader"}:   ClassMemory,
	{"bufio", "Writer"}:     ClassMemory, // buffered: its Flush is what writes
	{"bufio", "Reader"}:     ClassMemory,
	{"bufio", "ReadWriter"}: ClassMemory,
	{"net", "Conn"}:         ClassConn,
	{"net", "TCPConn"}:      ClassConn,
	{"net", "UDPConn"}:      ClassConn,
	{"net", "UnixConn"}:     ClassConn,
	{"net", "IPConn"}:       ClassConn,
	{"crypto/tls", "Conn"}:  ClassConn,
}

// LookupWriterFunc returns the writer-dependent call of full name full
// (types.Func.FullName), if it is one.
func LookupWriterFunc(full string) (WriterFunc, bool) {
	f, ok := writerFuncs[full]
	return f, ok
}

// LookupWriterMethod returns the encoder or buffered-writer method of full
// name full, if it is one.
func LookupWriterMethod(full string) (WriterMethod, bool) {
	m, ok := writerMethods[full]
	return m, ok
}

// IsWriterCtor reports whether the function of full name full builds a
// writer or reader on its first argument: json.NewEncoder, bufio.NewWriter.
func IsWriterCtor(full string) bool { return writerCtors[full] }

// TypeClass returns the class of the named type pkgPath.typeName, or
// ClassUnknown when it is not listed.
func TypeClass(pkgPath, typeName string) Class {
	return typeClasses[namedType{pkgPath, typeName}]
}
